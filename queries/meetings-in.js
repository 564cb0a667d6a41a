// meetings-in — meetings held in a place: a city, or any city of a country;
// optionally between dates.
// params: place (required), from, to
// columns: date, place, kind, status, participants, topics
// example: parley query meetings-in --place Türkiye
var ms = [];
params.place.forEach(function (pl) {
  ms = ms.concat(ins(pl, "at"));
  ins(pl, "located_in").forEach(function (c) { ms = ms.concat(ins(c, "at")); });
});
var out = [];
uniq(ms).forEach(function (m) {
  if (typeOf(m) !== "Meeting" || !inRange(dateOf(m), params.from, params.to)) return;
  var r = meetingInfo(m);
  out.push({ id: r.id, date: r.date, place: r.place, kind: r.kind, status: r.status, participants: r.participants, topics: r.topics });
});
emitAll(byKeys(out, ["date", "participants"]));
