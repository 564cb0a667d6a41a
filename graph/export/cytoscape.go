package export

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/parley/parley/graph"
)

type cyDoc struct {
	Elements cyElements `json:"elements"`
}

type cyElements struct {
	Nodes []cyElement `json:"nodes"`
	Edges []cyElement `json:"edges"`
}

type cyElement struct {
	Data map[string]any `json:"data"`
}

// WriteCytoscape writes m as Cytoscape.js JSON:
// {"elements":{"nodes":[{"data":{…}}],"edges":[{"data":{…}}]}}. A node's data
// has id (its IRI), label (its name), type, its attributes (a string, or an
// array for several values) and Options.NodeAttrs (numbers where the column
// is numeric). An edge's data has id, source, target, predicate, weight and,
// when known, date, sources (an array) and a projected model's extra
// attributes.
func WriteCytoscape(w io.Writer, m *graph.Model, opt Options) error {
	t, err := newTable(m, opt)
	if err != nil {
		return err
	}
	doc := cyDoc{cyElements{Nodes: []cyElement{}, Edges: []cyElement{}}}
	for _, n := range t.nodes {
		d := map[string]any{"id": n.ID, "label": label(n), "type": n.Type}
		for _, c := range t.cols {
			if v, ok := t.jsonValue(n, c); ok {
				d[c.name] = v
			}
		}
		doc.Elements.Nodes = append(doc.Elements.Nodes, cyElement{d})
	}
	for _, r := range t.edges {
		d := map[string]any{
			"id":        r.id,
			"source":    r.e.From,
			"target":    r.e.To,
			"predicate": r.e.Predicate,
			"weight":    r.weight,
		}
		if r.date != "" {
			d["date"] = r.date
		}
		if len(r.e.Sources) > 0 {
			d["sources"] = r.e.Sources
		}
		for _, c := range t.edgeCols {
			v, ok := r.extra[c]
			if _, taken := d[c]; taken || !ok {
				continue
			}
			if listEdgeAttrs[c] {
				d[c] = v
			} else {
				d[c] = strings.Join(v, Sep)
			}
		}
		doc.Elements.Edges = append(doc.Elements.Edges, cyElement{d})
	}
	return writeJSON(w, doc)
}

// listEdgeAttrs are the projected edge attributes written as JSON arrays.
var listEdgeAttrs = map[string]bool{"kinds": true, "meetings": true, "topics": true}

// writeJSON writes v as indented JSON without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
