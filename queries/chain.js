// chain — the shortest chain of meetings linking two people (who met whom
// met whom …), breadth-first over `met`, at most six steps.
// params: person (required), person2 (required)
// columns: step, from, to, meetings
// example: parley query chain --person Aliyev --person2 Lavrov
var start = params.person, goal = {};
params.person2.forEach(function (p) { goal[String(p)] = true; });
var prev = {}, frontier = [], seen = {};
start.forEach(function (p) { seen[String(p)] = true; frontier.push(p); });
var found = null;
for (var depth = 0; depth < 6 && frontier.length && !found; depth++) {
  var next = [];
  for (var i = 0; i < frontier.length && !found; i++) {
    var cur = frontier[i];
    var nb = outs(cur, "met");
    for (var j = 0; j < nb.length; j++) {
      var k = String(nb[j]);
      if (seen[k]) continue;
      seen[k] = true;
      prev[k] = cur;
      if (goal[k]) { found = nb[j]; break; }
      next.push(nb[j]);
    }
  }
  frontier = next;
}
if (found) {
  var path = [found];
  while (prev[String(path[0])] !== undefined) path.unshift(prev[String(path[0])]);
  for (var s = 0; s + 1 < path.length; s++) {
    var a = path[s], b = path[s + 1];
    var shared = ins(a, "participant").filter(function (m) { return hasAny(outs(m, "participant"), [b]); });
    g.Emit({ step: s + 1, from: nameOf(a), to: nameOf(b), meetings: shared.length });
  }
}
