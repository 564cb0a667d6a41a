// lib.js — helpers prepended to every stored query. Not a query itself.
// The runner defines `params` before this file: name parameters arrive as
// arrays of node IRIs ("<https://…>") already resolved from what the user
// typed; dates as "YYYY", "YYYY-MM" or "YYYY-MM-DD" strings.
var NS = "https://w3id.org/parley/vocab/";
function P(n) { return "<" + NS + n + ">"; }
var RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

function uniq(a) {
  var seen = {}, out = [];
  for (var i = 0; i < a.length; i++) {
    var k = String(a[i]);
    if (!seen[k]) { seen[k] = true; out.push(a[i]); }
  }
  return out;
}
// lit strips the N-Quads decoration of a literal value.
function lit(v) {
  if (v === null || v === undefined) return "";
  var s = String(v);
  var m = s.match(/^"([\s\S]*)"(\^\^<[^>]*>|@[A-Za-z-]+)?$/);
  return m ? m[1].replace(/\\"/g, '"') : s;
}
// iri strips the angle brackets Gizmo puts around IRIs.
function iri(v) { var s = String(v); return s.charAt(0) === "<" ? s.slice(1, -1) : s; }
function outs(node, pred) { return uniq(g.V(node).Out(P(pred)).ToArray()); }
function ins(node, pred) { return uniq(g.V(node).In(P(pred)).ToArray()); }
function one(node, pred) { var a = outs(node, pred); return a.length ? lit(a[0]) : ""; }
function nameOf(node) { var n = one(node, "name"); return n || String(node); }
function namesOf(nodes) { return nodes.map(nameOf).sort(); }
function typeOf(node) {
  var t = uniq(g.V(node).Out(RDF_TYPE).ToArray());
  return t.length ? String(t[0]).replace(/^<.*\/([^\/>]*)>$/, "$1") : "";
}
// meetingsOf returns the meetings of any of the given people, walked from
// the people one meeting at a time (the fast form on every backend).
function meetingsOf(people) {
  var out = [];
  (people || []).forEach(function (p) { out = out.concat(ins(p, "participant")); });
  return uniq(out);
}
function dateOf(m) { return one(m, "date"); }
// inRange compares dates of different precision by their common prefix.
function inRange(d, from, to) {
  if (!from && !to) return true;
  if (!d) return false;
  if (from && d.slice(0, from.length) < from.slice(0, d.length)) return false;
  if (to && d.slice(0, to.length) > to.slice(0, d.length)) return false;
  return true;
}
function hasAny(list, wanted) {
  if (!wanted || wanted.length === 0) return true;
  for (var i = 0; i < list.length; i++)
    for (var j = 0; j < wanted.length; j++)
      if (String(list[i]) === String(wanted[j])) return true;
  return false;
}
// placeMatches: the meeting's city is one of the places, or lies in one.
function placeMatches(m, places) {
  if (!places || places.length === 0) return true;
  var cities = outs(m, "at");
  if (hasAny(cities, places)) return true;
  for (var i = 0; i < cities.length; i++)
    if (hasAny(outs(cities[i], "located_in"), places)) return true;
  return false;
}
// meetingMatches applies the common filters: place, with, from, to.
function meetingMatches(m) {
  if (!placeMatches(m, params.place)) return false;
  if (params["with"] && params["with"].length && !hasAny(outs(m, "participant"), params["with"])) return false;
  return inRange(dateOf(m), params.from, params.to);
}
function meetingInfo(m) {
  return {
    meeting: nameOf(m),
    id: iri(m),
    date: dateOf(m),
    place: namesOf(outs(m, "at")).join("; "),
    kind: one(m, "kind"),
    status: one(m, "status"),
    participants: namesOf(outs(m, "participant")).join("; "),
    topics: namesOf(outs(m, "discussed")).join("; "),
    sources: outs(m, "source").map(iri).sort().join(" ")
  };
}
function byKeys(rows, keys) {
  return rows.sort(function (a, b) {
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i], desc = k.charAt(0) === "-";
      if (desc) k = k.slice(1);
      if (a[k] < b[k]) return desc ? 1 : -1;
      if (a[k] > b[k]) return desc ? -1 : 1;
    }
    return 0;
  });
}
function emitAll(rows) { rows.forEach(function (r) { g.Emit(r); }); }
