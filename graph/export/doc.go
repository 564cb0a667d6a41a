// Package export turns a graph.Model into the files that graph tools read,
// and cuts the model down first when only part of it is wanted.
//
// Selections (Ego, Window, Induced, PersonProjection) each return a new
// model and never change their input. Writers (GraphML, GEXF, DOT,
// Cytoscape.js JSON, GeoJSON and CSV) share one signature, WriterFunc, and
// are reachable by name through Write and Formats.
//
// Conventions shared by the writers:
//   - nodes are written in IRI order and edges in model order, so output is
//     deterministic and suitable for golden files;
//   - node IDs are the node IRIs; edge IDs are "e0", "e1", … in model order;
//   - a literal attribute with several values is written as one string with
//     the values joined by Sep in the XML, DOT and CSV formats, and as a JSON
//     array in the JSON formats;
//   - an edge that touches a meeting carries the meeting's date;
//   - Options.NodeAttrs adds per-node attributes (such as the community and
//     PageRank from package analyze); a column whose values are all numbers is
//     declared numeric so that Gephi can size and colour by it.
//
// A model made by PersonProjection is undirected (graph.Model.Undirected) and
// its edges carry a weight and other attributes (graph.Edge.Attrs, see
// EdgeAttrs) that every writer uses.
package export
