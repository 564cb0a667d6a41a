// meetings — a person's meetings, optionally with another person, at a place,
// between dates: date, place, kind, status, participants, topics, sources.
// params: person (required), with, place, from, to
// columns: date, place, kind, status, participants, topics, sources
// example: parley query meetings --person Erdogan --with Putin
var out = [];
meetingsOf(params.person).forEach(function (m) {
  if (!meetingMatches(m)) return;
  var r = meetingInfo(m);
  out.push({ id: r.id, date: r.date, place: r.place, kind: r.kind, status: r.status,
    participants: r.participants, topics: r.topics, sources: r.sources });
});
emitAll(byKeys(out, ["date", "participants", "place"]));
