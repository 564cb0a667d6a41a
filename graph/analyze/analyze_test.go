package analyze

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/parley/parley/graph"
	"github.com/parley/parley/graph/export"
)

func person(s string) string  { return graph.Entity("person", s) }
func meeting(s string) string { return graph.Entity("meeting", s) }

// builder makes models from quads.
type builder struct{ qs []graph.Quad }

func (b *builder) person(slug, name string) {
	b.qs = append(b.qs,
		graph.Quad{Subject: person(slug), Predicate: graph.RDFType, Object: graph.IRITerm(graph.Class(graph.ClassPerson))},
		graph.Quad{Subject: person(slug), Predicate: graph.Pred(graph.Name), Object: graph.Literal(name)})
}

// meet adds a meeting of the given people, with `met` edges both ways.
func (b *builder) meet(slug string, people ...string) {
	id := meeting(slug)
	b.qs = append(b.qs, graph.Quad{Subject: id, Predicate: graph.RDFType, Object: graph.IRITerm(graph.Class(graph.ClassMeeting))})
	for _, p := range people {
		b.qs = append(b.qs, graph.Quad{Subject: id, Predicate: graph.Pred(graph.Participant), Object: graph.IRITerm(person(p))})
		for _, q := range people {
			if p != q {
				b.qs = append(b.qs, graph.Quad{Subject: person(p), Predicate: graph.Pred(graph.Met), Object: graph.IRITerm(person(q))})
			}
		}
	}
}

func (b *builder) model() *graph.Model { return graph.ModelOf(b.qs) }

// bridge is two triangles, a-b-c and d-e-f, joined by the bridge c-d, each
// edge one meeting of two people.
func bridge() *graph.Model {
	var b builder
	for _, p := range []string{"a", "b", "c", "d", "e", "f"} {
		b.person(p, strings.ToUpper(p))
	}
	for _, pair := range []string{"ab", "bc", "ac", "de", "ef", "df", "cd"} {
		b.meet(pair, pair[:1], pair[1:])
	}
	return b.model()
}

// metOnly is the same graph as bridge made of `met` edges alone (both
// directions, as stored), without meetings.
func metOnly() *graph.Model {
	var b builder
	for _, p := range []string{"a", "b", "c", "d", "e", "f"} {
		b.person(p, strings.ToUpper(p))
	}
	for _, pair := range []string{"ab", "bc", "ac", "de", "ef", "df", "cd"} {
		x, y := person(pair[:1]), person(pair[1:])
		b.qs = append(b.qs,
			graph.Quad{Subject: x, Predicate: graph.Pred(graph.Met), Object: graph.IRITerm(y)},
			graph.Quad{Subject: y, Predicate: graph.Pred(graph.Met), Object: graph.IRITerm(x)})
	}
	return b.model()
}

func rowsByName(r *Result) map[string]Row {
	out := map[string]Row{}
	for _, row := range r.Rows {
		out[row.Name] = row
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// Hand-computed PageRank of the bridge graph: with x for a, b, e, f and y
// for c, d, x = 0.15/6 + 0.85(x/2 + y/3) and 4x + 2y = 1.
var (
	prBridge = 0.11875 / (0.575*2/4 + 0.85/3) // y
	prLeaf   = (1 - 2*prBridge) / 4           // x
)

func TestTwoTriangles(t *testing.T) {
	tests := []struct {
		name    string
		model   *graph.Model
		network string
	}{
		{"person network", bridge(), Person},
		{"default network is person", bridge(), ""},
		{"full network of met edges", metOnly(), Full},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Analyze(tt.model, Options{Network: tt.network})
			if err != nil {
				t.Fatal(err)
			}
			if r.Nodes != 6 || r.Edges != 7 {
				t.Errorf("network of %d nodes, %d edges; want 6, 7", r.Nodes, r.Edges)
			}
			rows := rowsByName(r)
			wantDegree := map[string]int{"A": 2, "B": 2, "C": 3, "D": 3, "E": 2, "F": 2}
			var sum float64
			for name, d := range wantDegree {
				row := rows[name]
				if row.Degree != d || row.WeightedDegree != float64(d) {
					t.Errorf("%s: degree %d, weighted %v; want %d", name, row.Degree, row.WeightedDegree, d)
				}
				wantBC, wantPR := 0.0, prLeaf
				if name == "C" || name == "D" {
					wantBC, wantPR = 6, prBridge // the bridge lies on every path between {a,b} and {d,e,f}
				}
				if !near(row.Betweenness, wantBC) {
					t.Errorf("%s: betweenness %v, want %v", name, row.Betweenness, wantBC)
				}
				if !near(row.PageRank, wantPR) {
					t.Errorf("%s: pagerank %v, want %v", name, row.PageRank, wantPR)
				}
				sum += row.PageRank
			}
			if !near(sum, 1) {
				t.Errorf("PageRanks add up to %v", sum)
			}
			if r.Communities != 2 {
				t.Errorf("%d communities, want 2", r.Communities)
			}
			for _, name := range []string{"A", "B", "C"} {
				if rows[name].Community != 0 {
					t.Errorf("%s in community %d, want 0", name, rows[name].Community)
				}
			}
			for _, name := range []string{"D", "E", "F"} {
				if rows[name].Community != 1 {
					t.Errorf("%s in community %d, want 1", name, rows[name].Community)
				}
			}
			// Q = 2 × (3/7 − (7/14)²) = 5/14.
			if !near(r.Modularity, 5.0/14) {
				t.Errorf("modularity %v, want 5/14", r.Modularity)
			}
			// Sorted by PageRank, then name.
			var order []string
			for _, row := range r.Rows {
				order = append(order, row.Name)
			}
			if want := []string{"C", "D", "A", "B", "E", "F"}; !reflect.DeepEqual(order, want) {
				t.Errorf("row order %v, want %v", order, want)
			}
		})
	}
}

// TestWeightedBetweenness: in the person network an edge's length is
// 1/weight, so with x-y and y-z met three times each and x-z once, the
// shortest way from x to z runs through y.
func TestWeightedBetweenness(t *testing.T) {
	var b builder
	for _, p := range []string{"x", "y", "z"} {
		b.person(p, strings.ToUpper(p))
	}
	for i, pair := range []string{"xy", "xy", "xy", "yz", "yz", "yz", "xz"} {
		b.meet(pair+string(rune('0'+i)), pair[:1], pair[1:])
	}
	m := b.model()
	r, err := Analyze(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows := rowsByName(r)
	if !near(rows["Y"].Betweenness, 1) || rows["X"].Betweenness != 0 || rows["Z"].Betweenness != 0 {
		t.Errorf("betweenness X %v Y %v Z %v; want 0 1 0", rows["X"].Betweenness, rows["Y"].Betweenness, rows["Z"].Betweenness)
	}
	if rows["Y"].WeightedDegree != 6 || rows["X"].WeightedDegree != 4 || rows["Y"].Degree != 2 {
		t.Errorf("weighted degrees X %v Y %v", rows["X"].WeightedDegree, rows["Y"].WeightedDegree)
	}
	// The full network is unweighted for betweenness: a triangle has none.
	r, err = Analyze(m, Options{Network: Full})
	if err != nil {
		t.Fatal(err)
	}
	if r.Nodes != 3+7 || r.Edges != 3+14 { // people + meetings; met pairs + participants
		t.Errorf("full network %d nodes, %d edges", r.Nodes, r.Edges)
	}
}

func TestFullNetworkWithMeetings(t *testing.T) {
	r, err := Analyze(bridge(), Options{Network: Full})
	if err != nil {
		t.Fatal(err)
	}
	// 6 people and 7 meetings; 7 met pairs and 14 participant edges.
	if r.Nodes != 13 || r.Edges != 21 {
		t.Errorf("%d nodes, %d edges; want 13, 21", r.Nodes, r.Edges)
	}
	types := map[string]int{}
	for _, row := range r.Rows {
		types[row.Type]++
	}
	if types[graph.ClassMeeting] != 7 || types[graph.ClassPerson] != 6 {
		t.Errorf("types %v", types)
	}
	rows := rowsByName(r)
	if rows["C"].Degree != 6 { // b, a, d and meetings bc, ac, cd
		t.Errorf("C's degree %d, want 6", rows["C"].Degree)
	}
	if name := rows["cd"].Name; name != "cd" {
		t.Errorf("an unnamed node is named %q, want its IRI's last segment", name)
	}
}

func TestEdgeCases(t *testing.T) {
	r, err := Analyze(graph.NewModel(), Options{})
	if err != nil || len(r.Rows) != 0 || r.Communities != 0 {
		t.Errorf("empty model: %+v, %v", r, err)
	}
	var b builder
	b.person("p", "P")
	b.person("q", "Q")
	r, err = Analyze(b.model(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Communities != 2 || r.Modularity != 0 || !near(r.Rows[0].PageRank, 0.5) {
		t.Errorf("edgeless: %+v", r)
	}
	if _, err := Analyze(bridge(), Options{Network: "people"}); err == nil || !strings.Contains(err.Error(), `"people"`) {
		t.Errorf("unknown network: %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	m := bridge()
	first, err := Analyze(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, _ := Analyze(m, Options{})
		if !reflect.DeepEqual(first.NodeAttrs(), again.NodeAttrs()) {
			t.Fatalf("results differ between runs:\n%v\n%v", first.NodeAttrs(), again.NodeAttrs())
		}
	}
}

func TestNodeAttrsInExport(t *testing.T) {
	m := bridge()
	r, err := Analyze(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	attrs := r.NodeAttrs()
	c := attrs[person("c")]
	if len(attrs) != 6 || c["community"] != "0" || c["degree"] != "3" || c["betweenness"] != "6.0" {
		t.Errorf("NodeAttrs for c: %v", c)
	}
	var buf bytes.Buffer
	if err := export.WriteGraphML(&buf, m, export.Options{NodeAttrs: attrs}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`attr.name="community" attr.type="int"`,
		`attr.name="pagerank" attr.type="double"`,
		`attr.name="betweenness" attr.type="double"`,
		`attr.name="degree" attr.type="int"`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("GraphML lacks %s", want)
		}
	}
}

// TestAgainstNetworkX recomputes the measures of a less regular graph with
// networkx. It is skipped only when networkx is not installed.
func TestAgainstNetworkX(t *testing.T) {
	py := os.Getenv("PARLEY_PYTHON")
	if py == "" {
		py = "/usr/bin/python3"
	}
	if _, err := os.Stat(py); err != nil {
		t.Skipf("%s is not installed", py)
	}
	if out, err := exec.Command(py, "-c", "import networkx").CombinedOutput(); err != nil {
		t.Skipf("networkx is not installed (apt-get install python3-networkx): %s", out)
	}
	// Two dense groups with a weighted bridge, a pendant and a repeated pair.
	var b builder
	people := "abcdefghij"
	for _, p := range people {
		b.person(string(p), strings.ToUpper(string(p)))
	}
	for i, pair := range []string{"ab", "ab", "ac", "bc", "bd", "cd", "ad", "de", "de", "ef", "eg", "fg", "fh", "gh", "eh", "hi", "hi", "hi", "aj", "abc"} {
		var who []string
		for _, p := range pair {
			who = append(who, string(p))
		}
		b.meet(pair+string(rune('A'+i)), who...)
	}
	m := b.model()
	r, err := Analyze(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var edges [][3]any
	for _, p := range export.Pairs(m, false) {
		edges = append(edges, [3]any{graph.Local(p.A), graph.Local(p.B), p.Weight()})
	}
	comm := map[string]int{}
	for _, row := range r.Rows {
		comm[graph.Local(row.ID)] = row.Community
	}
	in, _ := json.Marshal(map[string]any{"nodes": strings.Split(people, ""), "edges": edges, "comm": comm})
	cmd := exec.Command(py, "-c", `
import sys, json
import networkx as nx
d = json.load(sys.stdin)
g = nx.Graph()
g.add_nodes_from(d["nodes"])
for a, b, w in d["edges"]:
    g.add_edge(a, b, weight=w, length=1.0 / w)
groups = {}
for n, c in d["comm"].items():
    groups.setdefault(c, set()).add(n)
print(json.dumps({
  "pagerank": nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12),
  "betweenness": nx.betweenness_centrality(g, normalized=False, weight="length"),
  "degree": dict(g.degree()),
  "wdegree": dict(g.degree(weight="weight")),
  "modularity": nx.community.modularity(g, groups.values(), weight="weight"),
}))`)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.String())
	}
	var nx struct {
		PageRank, Betweenness, WDegree map[string]float64
		Degree                         map[string]int
		Modularity                     float64
	}
	if err := json.Unmarshal(out, &nx); err != nil {
		t.Fatal(err)
	}
	for _, row := range r.Rows {
		id := graph.Local(row.ID)
		if math.Abs(row.PageRank-nx.PageRank[id]) > 1e-6 {
			t.Errorf("%s: pagerank %v, networkx %v", id, row.PageRank, nx.PageRank[id])
		}
		if math.Abs(row.Betweenness-nx.Betweenness[id]) > 1e-9 {
			t.Errorf("%s: betweenness %v, networkx %v", id, row.Betweenness, nx.Betweenness[id])
		}
		if row.Degree != nx.Degree[id] || row.WeightedDegree != nx.WDegree[id] {
			t.Errorf("%s: degree %d/%v, networkx %d/%v", id, row.Degree, row.WeightedDegree, nx.Degree[id], nx.WDegree[id])
		}
	}
	if math.Abs(r.Modularity-nx.Modularity) > 1e-9 {
		t.Errorf("modularity %v, networkx %v for the same communities", r.Modularity, nx.Modularity)
	}
	t.Logf("%d communities, modularity %.4f", r.Communities, r.Modularity)
}
