// Package analyze computes network measures on a graph.Model with gonum:
// degree, weighted degree, PageRank, betweenness and Louvain communities,
// either on the person network (people joined by the meetings they share) or
// on the full graph. Its Result prints as a table, CSV or JSON, and turns into
// export.Options.NodeAttrs so that the exported graph can be coloured and
// sized by the measures in Gephi.
package analyze

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"

	"github.com/parley/parley/graph"
	"github.com/parley/parley/graph/export"
	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// Networks a Result can be computed on.
const (
	// Person is the person network: every Person node, and one edge per
	// pair of people who share a meeting, weighted by the number of
	// meetings they share (export.Pairs).
	Person = "person"
	// Full is the whole graph: every node, and one undirected edge per pair
	// of nodes joined by an IRI edge, weighted by the number of distinct
	// predicates joining them (so the two directions of `met` count once).
	// Self-loops are left out.
	Full = "full"
)

// Parameters of the measures.
const (
	// Damping is the PageRank damping factor.
	Damping = 0.85
	// Tolerance ends PageRank's power iteration. gonum starts it from a
	// random vector, so the tolerance bounds how much results vary between
	// runs; 1e-12 keeps printed values reproducible (1e-8 leaves noise
	// around the seventh decimal).
	Tolerance = 1e-12
	// Resolution is the Louvain resolution.
	Resolution = 1
	// Seed seeds the random source of the Louvain algorithm.
	Seed = 1
)

// Options choose what Analyze computes.
type Options struct {
	// Network is Person (the default when empty) or Full.
	Network string
}

// Row holds the measures of one node.
type Row struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	// Degree is the number of neighbours.
	Degree int `json:"degree"`
	// WeightedDegree is the sum of the weights of the node's edges: in the
	// person network, the meetings shared with each contact, added up.
	WeightedDegree float64 `json:"weighted_degree"`
	// PageRank is the node's PageRank (edge-weighted, damping 0.85); the
	// PageRanks of a network add up to 1. PageRank and Betweenness are
	// rounded to 10 significant digits.
	PageRank float64 `json:"pagerank"`
	// Betweenness is the number of shortest paths between unordered pairs
	// of other nodes that pass through the node, each pair with several
	// shortest paths counting the fraction of them that do (unnormalised,
	// as networkx's betweenness_centrality(normalized=False)). In the person
	// network an edge's length is 1/weight, so frequent contacts are close.
	Betweenness float64 `json:"betweenness"`
	// Community numbers the node's Louvain community from 0, largest first.
	Community int `json:"community"`
}

// Result is the outcome of Analyze.
type Result struct {
	// Network is Person or Full.
	Network string `json:"network"`
	// Rows has one row per node, by PageRank descending, then name, then ID.
	Rows []Row `json:"rows"`
	// Modularity is the modularity Q of the communities found.
	Modularity float64 `json:"modularity"`
	// Communities is the number of communities.
	Communities int `json:"communities"`
	// Nodes and Edges are the size of the network analysed.
	Nodes int `json:"nodes"`
	Edges int `json:"edges"`
}

// Analyze computes the measures of every node of the chosen network of m.
func Analyze(m *graph.Model, opt Options) (*Result, error) {
	var (
		ids []string
		g   *simple.WeightedUndirectedGraph
	)
	switch opt.Network {
	case "", Person:
		opt.Network = Person
		ids, g = personNetwork(m)
	case Full:
		ids, g = fullNetwork(m)
	default:
		return nil, fmt.Errorf("analyze: unknown network %q (valid: %s, %s)", opt.Network, Person, Full)
	}
	res := &Result{Network: opt.Network, Nodes: len(ids), Edges: g.WeightedEdges().Len(), Rows: []Row{}}
	if len(ids) == 0 {
		return res, nil
	}

	pr := pageRank(g)
	bc := betweenness(g, opt.Network == Person)
	comm, q := communities(g)
	res.Modularity = q
	for _, c := range comm {
		res.Communities = max(res.Communities, c+1)
	}

	for i, id := range ids {
		n := m.Nodes[id]
		r := Row{ID: id, Name: n.Name, Type: n.Type, PageRank: round(pr[int64(i)]), Betweenness: round(bc[int64(i)]), Community: comm[int64(i)]}
		if r.Name == "" {
			r.Name = graph.Local(id)
		}
		to := g.From(int64(i))
		r.Degree = to.Len()
		for to.Next() {
			w, _ := g.Weight(int64(i), to.Node().ID())
			r.WeightedDegree += w
		}
		res.Rows = append(res.Rows, r)
	}
	sort.SliceStable(res.Rows, func(i, j int) bool {
		a, b := res.Rows[i], res.Rows[j]
		if a.PageRank != b.PageRank {
			return a.PageRank > b.PageRank
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	return res, nil
}

// NodeAttrs returns the measures in the form of export.Options.NodeAttrs,
// keyed by node IRI, with the attributes community, pagerank, betweenness
// and degree.
func (r *Result) NodeAttrs() map[string]map[string]string {
	out := make(map[string]map[string]string, len(r.Rows))
	for _, row := range r.Rows {
		out[row.ID] = map[string]string{
			"community":   strconv.Itoa(row.Community),
			"pagerank":    formatFloat(row.PageRank),
			"betweenness": formatFloat(row.Betweenness),
			"degree":      strconv.Itoa(row.Degree),
		}
	}
	return out
}

// round keeps 10 significant digits of a measure: enough for any use, and
// short of the last digits, which vary between runs with the order of
// floating-point sums and PageRank's random start. Equal measures then
// compare equal.
func round(f float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 10, 64), 64)
	return r
}

// formatFloat prints a measure so that it always reads as a floating-point
// number ("6.0", not "6"), and the column it is in is declared as one.
func formatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
}

// personNetwork returns the Person nodes of m in IRI order and the graph
// whose node i is ids[i].
func personNetwork(m *graph.Model) ([]string, *simple.WeightedUndirectedGraph) {
	var ids []string
	for _, id := range m.IDs() {
		if m.Nodes[id].Type == graph.ClassPerson {
			ids = append(ids, id)
		}
	}
	g, index := newGraph(ids)
	for _, p := range export.Pairs(m, false) {
		a, okA := index[p.A]
		b, okB := index[p.B]
		if okA && okB {
			g.SetWeightedEdge(g.NewWeightedEdge(g.Node(a), g.Node(b), float64(p.Weight())))
		}
	}
	return ids, g
}

// fullNetwork returns every node of m in IRI order and the graph whose node
// i is ids[i].
func fullNetwork(m *graph.Model) ([]string, *simple.WeightedUndirectedGraph) {
	ids := m.IDs()
	g, index := newGraph(ids)
	links := map[[2]int64]map[string]bool{}
	for _, e := range m.Edges {
		a, b := index[e.From], index[e.To]
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		k := [2]int64{a, b}
		if links[k] == nil {
			links[k] = map[string]bool{}
		}
		links[k][e.Predicate] = true
	}
	for k, preds := range links {
		g.SetWeightedEdge(g.NewWeightedEdge(g.Node(k[0]), g.Node(k[1]), float64(len(preds))))
	}
	return ids, g
}

func newGraph(ids []string) (*simple.WeightedUndirectedGraph, map[string]int64) {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	index := make(map[string]int64, len(ids))
	for i, id := range ids {
		g.AddNode(simple.Node(i))
		index[id] = int64(i)
	}
	return g, index
}

// pageRank runs gonum's edge-weighted PageRank on the directed graph with
// both directions of every edge.
func pageRank(g *simple.WeightedUndirectedGraph) map[int64]float64 {
	d := simple.NewWeightedDirectedGraph(0, 0)
	for _, n := range gonum.NodesOf(g.Nodes()) {
		d.AddNode(n)
	}
	for _, e := range gonum.WeightedEdgesOf(g.WeightedEdges()) {
		d.SetWeightedEdge(d.NewWeightedEdge(e.From(), e.To(), e.Weight()))
		d.SetWeightedEdge(d.NewWeightedEdge(e.To(), e.From(), e.Weight()))
	}
	return network.PageRankSparse(orderedDirected{d}, Damping, Tolerance)
}

// betweenness returns gonum's betweenness halved, since gonum counts every
// unordered pair of an undirected graph twice. With weighted set, edge
// lengths are 1/weight.
func betweenness(g *simple.WeightedUndirectedGraph, weighted bool) map[int64]float64 {
	var bc map[int64]float64
	if weighted {
		dist := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
		for _, n := range gonum.NodesOf(g.Nodes()) {
			dist.AddNode(n)
		}
		for _, e := range gonum.WeightedEdgesOf(g.WeightedEdges()) {
			dist.SetWeightedEdge(dist.NewWeightedEdge(e.From(), e.To(), 1/e.Weight()))
		}
		od := orderedUndirected{dist}
		bc = network.BetweennessWeighted(od, path.DijkstraAllPaths(od))
	} else {
		bc = network.Betweenness(orderedUndirected{g})
	}
	for k, v := range bc {
		bc[k] = v / 2
	}
	return bc
}

// communities runs Louvain with a fixed seed and numbers the communities
// from 0 by size, largest first, ties by their smallest node ID. It returns
// each node's community and the modularity. A graph without edges has one
// community per node and modularity 0.
func communities(g *simple.WeightedUndirectedGraph) (map[int64]int, float64) {
	nodes := gonum.NodesOf(g.Nodes())
	var groups [][]gonum.Node
	q := 0.0
	if g.WeightedEdges().Len() == 0 {
		for _, n := range nodes {
			groups = append(groups, []gonum.Node{n})
		}
	} else {
		og := orderedUndirected{g}
		reduced := community.Modularize(og, Resolution, rand.NewPCG(Seed, Seed))
		groups = reduced.Communities()
		q = community.Q(og, groups, Resolution)
	}
	minID := func(c []gonum.Node) int64 {
		m := c[0].ID()
		for _, n := range c[1:] {
			m = min(m, n.ID())
		}
		return m
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if len(groups[i]) != len(groups[j]) {
			return len(groups[i]) > len(groups[j])
		}
		return minID(groups[i]) < minID(groups[j])
	})
	out := make(map[int64]int, len(nodes))
	for i, c := range groups {
		for _, n := range c {
			out[n.ID()] = i
		}
	}
	return out, q
}

// orderedUndirected and orderedDirected list nodes and neighbours in ID
// order, so that gonum's algorithms, which follow that order, give the same
// result on every run (simple graphs list them in map order).
type orderedUndirected struct {
	*simple.WeightedUndirectedGraph
}

func (g orderedUndirected) Nodes() gonum.Nodes { return sortedNodes(g.WeightedUndirectedGraph.Nodes()) }
func (g orderedUndirected) From(id int64) gonum.Nodes {
	return sortedNodes(g.WeightedUndirectedGraph.From(id))
}

type orderedDirected struct{ *simple.WeightedDirectedGraph }

func (g orderedDirected) Nodes() gonum.Nodes { return sortedNodes(g.WeightedDirectedGraph.Nodes()) }
func (g orderedDirected) From(id int64) gonum.Nodes {
	return sortedNodes(g.WeightedDirectedGraph.From(id))
}
func (g orderedDirected) To(id int64) gonum.Nodes { return sortedNodes(g.WeightedDirectedGraph.To(id)) }

func sortedNodes(it gonum.Nodes) gonum.Nodes {
	ns := gonum.NodesOf(it)
	sort.Slice(ns, func(i, j int) bool { return ns[i].ID() < ns[j].ID() })
	return iterator.NewOrderedNodes(ns)
}
