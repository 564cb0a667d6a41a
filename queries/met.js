// met — whom a person met, with the number of meetings and their date range,
// optionally at a place, between dates.
// params: person (required), place, from, to
// columns: person, meetings, first, last, kinds
// example: parley query met --person Erdogan --from 2024 --to 2024
var rows = {};
meetingsOf(params.person).forEach(function (m) {
  if (!meetingMatches(m)) return;
  var d = dateOf(m), kind = one(m, "kind");
  outs(m, "participant").forEach(function (p) {
    if (hasAny([p], params.person)) return;
    var k = String(p);
    var r = rows[k] || (rows[k] = { person: nameOf(p), meetings: 0, first: "", last: "", _kinds: {} });
    r.meetings++;
    if (d && (!r.first || d < r.first)) r.first = d;
    if (d && (!r.last || d > r.last)) r.last = d;
    r._kinds[kind] = true;
  });
});
var out = Object.keys(rows).map(function (k) {
  var r = rows[k];
  return { person: r.person, meetings: r.meetings, first: r.first, last: r.last, kinds: Object.keys(r._kinds).sort().join("; ") };
});
emitAll(byKeys(out, ["-meetings", "person"]));
