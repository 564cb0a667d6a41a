// projects — infrastructure projects by builder, by country (built by it or
// located in it) or by city, with builders, location and sources.
// params: builder, country, city
// columns: project, type, builders, located_in, sources
// example: parley query projects --builder Rosatom
var ps = [];
if (params.builder) params.builder.forEach(function (b) { ps = ps.concat(ins(b, "built_by")); });
if (params.country) params.country.forEach(function (c) { ps = ps.concat(ins(c, "built_by"), ins(c, "located_in")); });
if (params.city) params.city.forEach(function (c) { ps = ps.concat(ins(c, "located_in")); });
if (!params.builder && !params.country && !params.city) ps = g.V(P("Project")).In(RDF_TYPE).ToArray();
var out = [];
uniq(ps).forEach(function (p) {
  if (typeOf(p) !== "Project") return;
  var sources = [];
  ins(p, "subject").forEach(function (st) { sources = sources.concat(outs(st, "source")); });
  out.push({ id: iri(p), project: nameOf(p), type: one(p, "project_type"), builders: namesOf(outs(p, "built_by")).join("; "),
    located_in: namesOf(outs(p, "located_in")).join("; "), sources: uniq(sources).map(iri).sort().join(" ") });
});
emitAll(byKeys(out, ["project"]));
