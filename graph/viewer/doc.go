// Package viewer is the browser page that `parley serve` answers at "/":
// type a name (with suggestions), see its ego network drawn, click a person,
// place, topic or meeting to read its meetings with their dates, places,
// topics and evidence sentences, each linked to its source article.
//
// Everything is rendered on the server. The graph is laid out with gonum's
// force-directed EadesR2 layout and drawn as inline SVG by html/template;
// the page works without JavaScript, and a small hand-written script
// (static/viewer.js, embedded with go:embed, no framework, nothing fetched
// from elsewhere) adds name suggestions and swaps the details panel in place
// when a node is clicked. The whole state of a view is in its URL:
//
//	/?q=NAME[&depth=N][&node=IRI]   the page: NAME's ego network (depth 1–4,
//	                                default 2), details of node IRI (default:
//	                                the searched node)
//	/article?id=IRI                 an article: headline, path and the
//	                                evidence sentences of its meetings
//	/api/suggest?q=PREFIX           JSON: at most 10 persons, places, topics
//	                                and projects whose folded name (or a word
//	                                of it, or an alias) starts with PREFIX
//	/api/ego?q=NAME[&depth=N]       JSON: the laid-out drawing
//	/api/node?id=IRI                JSON: a node and its meetings
//	/static/…                       the embedded CSS, script and icon
//
// Node IRIs may be given in full or relative to graph.IDNS
// ("person/vladimir-putin").
//
// The handler reads the store once, on first use, into a graph.Model and
// keeps it: `parley serve` opens the store read-only. The drawing leaves out
// Statement and Article nodes and the literal clutter (keys, hashes); the
// drawn edges are participant, at, discussed and built_by.
package viewer
