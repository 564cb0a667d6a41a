// shared-topics — topics two people have both discussed (in any meetings),
// with how often each did; optionally between dates.
// params: person (required), person2 (required), from, to
// columns: topic, person_meetings, person2_meetings, together
// example: parley query shared-topics --person Erdoğan --person2 Putin
function topicCounts(people) {
  var c = {};
  meetingsOf(people).forEach(function (m) {
    if (!inRange(dateOf(m), params.from, params.to)) return;
    var both = hasAny(outs(m, "participant"), params.person) && hasAny(outs(m, "participant"), params.person2);
    outs(m, "discussed").forEach(function (t) {
      var k = String(t);
      var r = c[k] || (c[k] = { n: 0, together: 0, name: nameOf(t) });
      r.n++;
      if (both) r.together++;
    });
  });
  return c;
}
var a = topicCounts(params.person), b = topicCounts(params.person2);
var out = [];
Object.keys(a).forEach(function (k) {
  if (!b[k]) return;
  out.push({ topic: a[k].name, person_meetings: a[k].n, person2_meetings: b[k].n, together: a[k].together });
});
emitAll(byKeys(out, ["-together", "topic"]));
