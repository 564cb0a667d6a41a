// topics — what a person discussed: every topic of their meetings, optionally
// only meetings at a place (city or country), with someone, between dates.
// params: person (required), place, with, from, to
// columns: topic, meetings, first, last, places, with
// example: parley query topics --person Putin --place Astana
var rows = {};
meetingsOf(params.person).forEach(function (m) {
  if (!meetingMatches(m)) return;
  var d = dateOf(m);
  var others = outs(m, "participant").filter(function (p) { return !hasAny([p], params.person); });
  outs(m, "discussed").forEach(function (t) {
    var k = String(t);
    var r = rows[k] || (rows[k] = { topic: nameOf(t), meetings: 0, first: "", last: "", _places: {}, _with: {} });
    r.meetings++;
    if (d && (!r.first || d < r.first)) r.first = d;
    if (d && (!r.last || d > r.last)) r.last = d;
    outs(m, "at").forEach(function (c) { r._places[nameOf(c)] = true; });
    others.forEach(function (p) { r._with[nameOf(p)] = true; });
  });
});
var out = Object.keys(rows).map(function (k) {
  var r = rows[k];
  return { topic: r.topic, meetings: r.meetings, first: r.first, last: r.last,
    places: Object.keys(r._places).sort().join("; "), "with": Object.keys(r._with).sort().join("; ") };
});
emitAll(byKeys(out, ["-meetings", "topic"]));
