package export

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/parley/parley/graph"
)

// Sep joins the values of a multi-valued attribute in the XML, DOT and CSV
// formats.
const Sep = "|"

// Options are the settings shared by all writers.
type Options struct {
	// NodeAttrs adds attributes to nodes: NodeAttrs[nodeIRI][name] = value,
	// for example the "community" and "pagerank" columns made by
	// analyze.Result.NodeAttrs. Such an attribute is declared as an integer
	// or a double when all its values parse as one. It replaces a model
	// attribute of the same name. The names id, type, name and label are
	// reserved and ignored, except by WriteDOT, which writes every entry as
	// a Graphviz attribute (so "color" or "shape" restyle a node).
	NodeAttrs map[string]map[string]string
}

// Attribute value types, named as in GraphML.
const (
	typString = "string"
	typInt    = "int"
	typLong   = "long"
	typDouble = "double"
)

// column is one node attribute that some nodes have.
type column struct {
	name string
	typ  string
}

// edgeRow is an edge with what the writers say about it.
type edgeRow struct {
	id      string
	e       graph.Edge
	date    string              // date of the meeting the edge touches, or of a projected pair
	span    span                // interval of date, if hasSpan
	weight  float64             // 1, or the projected pair's weight
	extra   map[string][]string // other projected attributes
	hasSpan bool
}

// table is a model laid out for writing.
type table struct {
	opt        Options
	nodes      []*graph.Node
	cols       []column // node attributes beyond type and name
	edges      []edgeRow
	edgeCols   []string // extra edge attribute names
	undirected bool
}

// numericAttrs are model attributes declared as doubles when they parse.
var numericAttrs = map[string]bool{graph.Latitude: true, graph.Longitude: true, graph.Confidence: true}

// reserved names are not allowed as extra attribute columns.
var reservedNode = map[string]bool{"id": true, "type": true, "name": true, "label": true}

// checkEdges fails if an edge has an end that is not a node of m, which a
// model built by graph.Model.Add never has.
func checkEdges(m *graph.Model) error {
	for _, e := range m.Edges {
		for _, id := range []string{e.From, e.To} {
			if m.Nodes[id] == nil {
				return fmt.Errorf("export: edge %s %s %s: no node %s", e.From, e.Predicate, e.To, id)
			}
		}
	}
	return nil
}

// newTable lays m out for writing.
func newTable(m *graph.Model, opt Options) (*table, error) {
	if err := checkEdges(m); err != nil {
		return nil, err
	}
	t := &table{opt: opt, undirected: Undirected(m)}
	for _, id := range m.IDs() {
		t.nodes = append(t.nodes, m.Nodes[id])
	}

	names := map[string]bool{}
	for _, n := range t.nodes {
		for k := range n.Attrs {
			names[k] = true
		}
		for k := range opt.NodeAttrs[n.ID] {
			names[k] = true
		}
	}
	for _, name := range sortedKeys(names) {
		if reservedNode[name] {
			continue
		}
		var vals []string
		fromOpt := false
		for _, n := range t.nodes {
			if v, ok := opt.NodeAttrs[n.ID][name]; ok {
				vals = append(vals, v)
				fromOpt = true
			} else if v := n.Attrs[name]; len(v) > 0 {
				vals = append(vals, strings.Join(v, Sep))
			}
		}
		typ := typString
		switch {
		case fromOpt:
			typ = inferType(vals, true)
		case numericAttrs[name]:
			typ = inferType(vals, false)
		}
		t.cols = append(t.cols, column{name, typ})
	}

	extra := map[string]bool{}
	for i, e := range m.Edges {
		r := edgeRow{id: "e" + strconv.Itoa(i), e: e, weight: 1}
		if a := e.Attrs; a != nil {
			r.extra = map[string][]string{}
			for k, v := range a {
				switch k {
				case "weight":
					if w, err := strconv.ParseFloat(strings.Join(v, ""), 64); err == nil {
						r.weight = w
					}
				case "date":
					r.date = strings.Join(v, Sep)
				default:
					r.extra[k] = v
					extra[k] = true
				}
			}
			// A projected pair is active from its first meeting to its last.
			r.span, r.hasSpan = spanOf(append(append([]string(nil), a["first"]...), a["last"]...))
		} else {
			for _, id := range []string{e.From, e.To} {
				if n := m.Nodes[id]; n != nil && n.Type == graph.ClassMeeting {
					r.date = strings.Join(n.Attrs[graph.Date], Sep)
					r.span, r.hasSpan = nodeSpan(n)
					break
				}
			}
		}
		t.edges = append(t.edges, r)
	}
	t.edgeCols = sortedKeys(extra)
	return t, nil
}

func spanOf(dates []string) (span, bool) {
	return nodeSpan(&graph.Node{Attrs: map[string][]string{graph.Date: dates}})
}

// value returns a node's value for a column and whether it has one.
func (t *table) value(n *graph.Node, name string) (string, bool) {
	if v, ok := t.opt.NodeAttrs[n.ID][name]; ok {
		return v, true
	}
	if v := n.Attrs[name]; len(v) > 0 {
		return strings.Join(v, Sep), true
	}
	return "", false
}

// jsonValue returns a node's value for a column in JSON form: a number for a
// numeric column, a string for one value, an array for several.
func (t *table) jsonValue(n *graph.Node, c column) (any, bool) {
	if v, ok := t.opt.NodeAttrs[n.ID][c.name]; ok {
		return typed(v, c.typ), true
	}
	v := n.Attrs[c.name]
	switch {
	case len(v) == 0:
		return nil, false
	case len(v) == 1:
		return typed(v[0], c.typ), true
	}
	return v, true
}

// typed converts a value of a column of type typ for JSON.
func typed(v, typ string) any {
	switch typ {
	case typInt, typLong:
		if i, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			return i
		}
	case typDouble:
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			return f
		}
	}
	return v
}

// inferType returns int or long if every value is an integer (and allowInt),
// double if every value is a finite number, and string otherwise.
func inferType(vals []string, allowInt bool) string {
	if len(vals) == 0 {
		return typString
	}
	ints, long := allowInt, false
	for _, v := range vals {
		v = strings.TrimSpace(v)
		if ints {
			if i, err := strconv.ParseInt(v, 10, 64); err == nil {
				if i < math.MinInt32 || i > math.MaxInt32 {
					long = true
				}
				continue
			}
			ints = false
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return typString
		}
	}
	switch {
	case ints && long:
		return typLong
	case ints:
		return typInt
	}
	return typDouble
}

// label is the text a node is shown with.
func label(n *graph.Node) string { return displayName(n) }

func formatWeight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }

// sortStrings returns a sorted copy.
func sortStrings(v []string) []string {
	out := append([]string(nil), v...)
	sort.Strings(out)
	return out
}
