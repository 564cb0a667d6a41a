// built-by — infrastructure projects with their builders, optionally only
// those built by or located in a country (or built by a company).
// params: country, builder
// columns: project, builders, located_in, sources
// example: parley query built-by --country Russia
var out = [];
var seen = {};
var projects = [];
if (params.builder && params.builder.length) {
  params.builder.forEach(function (b) { projects = projects.concat(ins(b, "built_by")); });
} else if (params.country && params.country.length) {
  params.country.forEach(function (c) {
    projects = projects.concat(ins(c, "built_by"), ins(c, "located_in"));
  });
} else {
  projects = g.V(P("Project")).In(RDF_TYPE).ToArray();
}
uniq(projects).forEach(function (p) {
  if (typeOf(p) !== "Project") return;
  var builders = outs(p, "built_by");
  if (builders.length === 0) return;
  var sources = [];
  ins(p, "subject").forEach(function (st) {
    if (hasAny(outs(st, "predicate"), [P("built_by")])) sources = sources.concat(outs(st, "source"));
  });
  out.push({ project: nameOf(p), builders: namesOf(builders).join("; "),
    located_in: namesOf(outs(p, "located_in")).join("; "), sources: uniq(sources).map(iri).sort().join(" ") });
});
emitAll(byKeys(out, ["project"]));
