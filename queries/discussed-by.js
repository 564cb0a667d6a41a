// discussed-by — who discussed a topic (or project), with how many meetings
// and when; optionally at a place, between dates.
// params: topic (required), place, from, to
// columns: person, meetings, first, last
// example: parley query discussed-by --topic Syria
var rows = {};
var ms = [];
params.topic.forEach(function (t) { ms = ms.concat(ins(t, "discussed")); });
uniq(ms).forEach(function (m) {
  if (!placeMatches(m, params.place) || !inRange(dateOf(m), params.from, params.to)) return;
  var d = dateOf(m);
  outs(m, "participant").forEach(function (p) {
    var k = String(p);
    var r = rows[k] || (rows[k] = { person: nameOf(p), meetings: 0, first: "", last: "" });
    r.meetings++;
    if (d && (!r.first || d < r.first)) r.first = d;
    if (d && (!r.last || d > r.last)) r.last = d;
  });
});
emitAll(byKeys(Object.keys(rows).map(function (k) { return rows[k]; }), ["-meetings", "person"]));
