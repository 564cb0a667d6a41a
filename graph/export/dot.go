package export

import (
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parley/parley/graph"
	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"
)

// dotStyle is how a node type is drawn.
type dotStyle struct{ shape, color string }

var dotStyles = map[string]dotStyle{
	graph.ClassPerson:       {"ellipse", "#a6cee3"},
	graph.ClassMeeting:      {"box", "#fdbf6f"},
	graph.ClassCity:         {"house", "#b2df8a"},
	graph.ClassCountry:      {"doubleoctagon", "#ccebc5"},
	graph.ClassTopic:        {"note", "#fb9a99"},
	graph.ClassProject:      {"component", "#cab2d6"},
	graph.ClassOrganization: {"hexagon", "#ffff99"},
	graph.ClassArticle:      {"folder", "#dddddd"},
	graph.ClassStatement:    {"parallelogram", "#eeeeee"},
}

// dotNode is a model node as a gonum node that knows its DOT ID and
// attributes.
type dotNode struct {
	id    int64
	dotID string
	attrs []encoding.Attribute
}

func (n dotNode) ID() int64                        { return n.id }
func (n dotNode) DOTID() string                    { return n.dotID }
func (n dotNode) Attributes() []encoding.Attribute { return n.attrs }

// dotLine is a model edge as a gonum line with attributes.
type dotLine struct {
	from, to dotNode
	id       int64
	attrs    []encoding.Attribute
}

func (l dotLine) From() gonum.Node                 { return l.from }
func (l dotLine) To() gonum.Node                   { return l.to }
func (l dotLine) ID() int64                        { return l.id }
func (l dotLine) Attributes() []encoding.Attribute { return l.attrs }
func (l dotLine) ReversedLine() gonum.Line {
	l.from, l.to = l.to, l.from
	return l
}

// dotAttributers gives a graph its top-level attributes.
type dotAttributers struct{}

func (dotAttributers) DOTAttributers() (g, n, e encoding.Attributer) {
	return &encoding.Attributes{{Key: "overlap", Value: `"false"`}},
		&encoding.Attributes{{Key: "style", Value: `"filled"`}},
		&encoding.Attributes{{Key: "fontsize", Value: `"10"`}}
}

type dotDirected struct {
	*multi.DirectedGraph
	dotAttributers
}

type dotUndirected struct {
	*multi.UndirectedGraph
	dotAttributers
}

// WriteDOT writes m as a Graphviz digraph (a graph for a projected model)
// through gonum's DOT encoder. Nodes are named by their IRIs, labelled with
// their names and shaped and coloured by type, with the IRI as tooltip and
// Options.NodeAttrs as further attributes; edges are labelled with their
// predicate and, in a projected model, weighted by the number of shared
// meetings. Every ID and value is quoted by dotQuote, which keeps any
// Unicode text and escapes what DOT needs escaped.
func WriteDOT(w io.Writer, m *graph.Model, opt Options) error {
	t, err := newTable(m, opt)
	if err != nil {
		return err
	}
	nodes := make(map[string]dotNode, len(t.nodes))
	var add func(gonum.Node)
	var set func(gonum.Line)
	var g gonum.Multigraph
	if t.undirected {
		u := multi.NewUndirectedGraph()
		add, set, g = u.AddNode, u.SetLine, dotUndirected{UndirectedGraph: u}
	} else {
		d := multi.NewDirectedGraph()
		add, set, g = d.AddNode, d.SetLine, dotDirected{DirectedGraph: d}
	}

	for i, n := range t.nodes {
		st, ok := dotStyles[n.Type]
		if !ok {
			st = dotStyle{"ellipse", "#ffffff"}
		}
		attrs := map[string]string{
			"label":     label(n),
			"shape":     st.shape,
			"fillcolor": st.color,
			"tooltip":   n.ID,
		}
		order := []string{"label", "shape", "fillcolor", "tooltip"}
		extra := make([]string, 0, len(opt.NodeAttrs[n.ID]))
		for k := range opt.NodeAttrs[n.ID] {
			extra = append(extra, k)
		}
		sort.Strings(extra)
		for _, k := range extra {
			if _, ok := attrs[k]; !ok {
				order = append(order, k)
			}
			attrs[k] = opt.NodeAttrs[n.ID][k]
		}
		dn := dotNode{id: int64(i), dotID: dotQuote(n.ID)}
		for _, k := range order {
			dn.attrs = append(dn.attrs, encoding.Attribute{Key: dotKey(k), Value: dotQuote(attrs[k])})
		}
		nodes[n.ID] = dn
		add(dn)
	}
	for i, r := range t.edges {
		l := dotLine{from: nodes[r.e.From], to: nodes[r.e.To], id: int64(i)}
		l.attrs = []encoding.Attribute{{Key: "label", Value: dotQuote(r.e.Predicate)}}
		if r.extra != nil {
			l.attrs = append(l.attrs, encoding.Attribute{Key: "weight", Value: dotQuote(strconv.Itoa(int(r.weight)))})
		}
		set(l)
	}

	b, err := dot.MarshalMulti(g, "parley", "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// dotQuote returns s as a DOT double-quoted string. Quotes and backslashes
// are escaped, a newline becomes \n (a line break in a label), other control
// characters become spaces and invalid UTF-8 becomes U+FFFD; everything else,
// any Unicode letter included, is kept as it is. The result is also a valid
// Go string literal, which is what makes gonum's encoder keep it unchanged.
func dotQuote(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotKey returns an attribute name as is when it is a plain DOT identifier,
// and quoted otherwise.
func dotKey(k string) string {
	if k == "" || strings.EqualFold(k, "node") || strings.EqualFold(k, "edge") || strings.EqualFold(k, "graph") ||
		strings.EqualFold(k, "digraph") || strings.EqualFold(k, "subgraph") || strings.EqualFold(k, "strict") {
		return dotQuote(k)
	}
	for i, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return dotQuote(k)
		}
	}
	return k
}
