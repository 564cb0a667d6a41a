package graph

import (
	"sort"
)

// Term is the object of a quad: an IRI or a literal.
type Term struct {
	Value    string // IRI or lexical form
	IRI      bool   // true for an IRI, false for a literal
	Datatype string // literal datatype IRI, "" for a plain string
	Lang     string // literal language tag, "" for none
}

// IRITerm returns an IRI term.
func IRITerm(iri string) Term { return Term{Value: iri, IRI: true} }

// Literal returns a plain string literal term.
func Literal(s string) Term { return Term{Value: s} }

// Typed returns a typed literal term.
func Typed(s, datatype string) Term { return Term{Value: s, Datatype: datatype} }

// Quad is one statement of the graph in Parley's own terms, free of Cayley
// types: Subject, Predicate and Label are IRIs. Label is the IRI of the
// article the statement came from.
type Quad struct {
	Subject   string
	Predicate string
	Object    Term
	Label     string
}

// Node is one vertex of a Model.
type Node struct {
	ID    string              // IRI
	Type  string              // class local name: "Person", "Meeting", …
	Name  string              // display name
	Attrs map[string][]string // literal properties by predicate local name, sorted, unique
}

// Edge is one predicate between two nodes, merged over articles.
type Edge struct {
	From, To  string              // node IRIs
	Predicate string              // predicate local name: "met", "participant", …
	Sources   []string            // IRIs of the articles that state it, sorted
	Attrs     map[string][]string // derived attributes (weight, dates) of edges made by analysis; nil for stored edges
}

// Model is an in-memory, Cayley-free snapshot of (part of) the graph, the
// form that export and analysis work on.
type Model struct {
	Nodes map[string]*Node
	Edges []Edge
	// Undirected marks a derived model (a person projection) whose edges
	// stand for symmetric relations.
	Undirected bool

	edgeIndex map[[3]string]int
}

// NewModel returns an empty model.
func NewModel() *Model {
	return &Model{Nodes: map[string]*Node{}, edgeIndex: map[[3]string]int{}}
}

// ModelOf builds a model from quads.
func ModelOf(quads []Quad) *Model {
	m := NewModel()
	for _, q := range quads {
		m.Add(q)
	}
	m.Finish()
	return m
}

// Node returns the node with the given IRI, creating it if needed.
func (m *Model) Node(id string) *Node {
	n := m.Nodes[id]
	if n == nil {
		n = &Node{ID: id, Attrs: map[string][]string{}}
		m.Nodes[id] = n
	}
	return n
}

// Add adds one quad: rdf:type sets the node type, name sets its name, other
// literals become attributes and IRI objects become edges.
func (m *Model) Add(q Quad) {
	if m.edgeIndex == nil {
		m.edgeIndex = map[[3]string]int{}
	}
	s := m.Node(q.Subject)
	p := Local(q.Predicate)
	switch {
	case q.Predicate == RDFType && q.Object.IRI:
		s.Type = Local(q.Object.Value)
	case !q.Object.IRI && p == Name:
		if s.Name == "" {
			s.Name = q.Object.Value
		}
	case !q.Object.IRI:
		s.Attrs[p] = append(s.Attrs[p], q.Object.Value)
	default:
		m.Node(q.Object.Value)
		k := [3]string{q.Subject, p, q.Object.Value}
		i, ok := m.edgeIndex[k]
		if !ok {
			i = len(m.Edges)
			m.edgeIndex[k] = i
			m.Edges = append(m.Edges, Edge{From: q.Subject, To: q.Object.Value, Predicate: p})
		}
		if q.Label != "" {
			m.Edges[i].Sources = append(m.Edges[i].Sources, q.Label)
		}
	}
}

// Finish sorts and de-duplicates attribute values and edge sources, and
// orders edges, so that a model's content does not depend on quad order.
func (m *Model) Finish() {
	for _, n := range m.Nodes {
		for k, v := range n.Attrs {
			n.Attrs[k] = uniq(v)
		}
	}
	for i := range m.Edges {
		m.Edges[i].Sources = uniq(m.Edges[i].Sources)
	}
	sort.Slice(m.Edges, func(i, j int) bool {
		a, b := m.Edges[i], m.Edges[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		return a.To < b.To
	})
	m.edgeIndex = map[[3]string]int{}
	for i, e := range m.Edges {
		m.edgeIndex[[3]string{e.From, e.Predicate, e.To}] = i
	}
}

// Attr returns the first value of a node attribute, or "".
func (n *Node) Attr(name string) string {
	if v := n.Attrs[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// IDs returns the model's node IRIs in sorted order.
func (m *Model) IDs() []string {
	ids := make([]string, 0, len(m.Nodes))
	for id := range m.Nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func uniq(v []string) []string {
	if len(v) < 2 {
		return v
	}
	sort.Strings(v)
	out := v[:1]
	for _, s := range v[1:] {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}
