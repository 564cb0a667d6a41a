// timeline — a person's meetings in date order: when, where, how, with whom,
// about what; optionally between dates. Undated meetings come last.
// params: person (required), from, to
// columns: date, status, kind, place, with, topics
// example: parley query timeline --person Erdoğan --from 2024
var out = [];
meetingsOf(params.person).forEach(function (m) {
  if (!inRange(dateOf(m), params.from, params.to)) return;
  var others = outs(m, "participant").filter(function (p) { return !hasAny([p], params.person); });
  out.push({ id: iri(m), date: dateOf(m), status: one(m, "status"), kind: one(m, "kind"),
    place: namesOf(outs(m, "at")).join("; "), "with": namesOf(others).join("; "),
    topics: namesOf(outs(m, "discussed")).join("; ") });
});
out.sort(function (a, b) {
  if (a.date === b.date) return a["with"] < b["with"] ? -1 : 1;
  if (!a.date) return 1;
  if (!b.date) return -1;
  return a.date < b.date ? -1 : 1;
});
emitAll(out);
