package export

// Checks of the writers' output with the real parsers of the tools that read
// it: networkx (GraphML, GEXF), Graphviz (DOT) and Python's json and csv
// modules. A check is skipped only when its tool is not installed; CI
// installs them (apt-get install python3-networkx graphviz).

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/parley/parley/graph"
)

// python is the Python with networkx: Debian's, not whatever python3 comes
// first on PATH. PARLEY_PYTHON overrides it.
func python() string {
	if p := os.Getenv("PARLEY_PYTHON"); p != "" {
		return p
	}
	return "/usr/bin/python3"
}

// needPython skips the test if the Python or one of the modules is missing.
func needPython(t *testing.T, modules ...string) {
	t.Helper()
	if _, err := os.Stat(python()); err != nil {
		t.Skipf("%s is not installed: %v", python(), err)
	}
	for _, mod := range modules {
		if out, err := exec.Command(python(), "-c", "import "+mod).CombinedOutput(); err != nil {
			t.Skipf("Python module %s is not installed (apt-get install python3-%s): %s", mod, mod, out)
		}
	}
}

// runPython runs a script with arguments and decodes its JSON output into v.
func runPython(t *testing.T, v any, script string, args ...string) {
	t.Helper()
	cmd := exec.Command(python(), append([]string{"-c", script}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("python output %q: %v", out, err)
	}
}

// writeTemp writes m in a format to a temporary file and returns its path.
func writeTemp(t *testing.T, format, name string, m *graph.Model, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(format, &b, m, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// nxResult is what the networkx scripts report.
type nxResult struct {
	Nodes, Edges     int
	Directed, Multi  bool
	Rewrote          bool
	Graph            map[string]any
	Attrs            map[string]map[string]any // node → attribute → value
	Types            map[string]map[string]string
	EdgeWeights      []float64
	NodeIDs          []string
	EdgePredicates   map[string]int
	MeetingIntervals map[string][2]string
}

const nxScript = `
import sys, json, io
import networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
want = sys.argv[3:]
rewrote = False
if fmt == "graphml":
    g = nx.read_graphml(path)
else:
    from networkx.readwrite import gexf
    data = open(path, "rb").read()
    if "1.3" not in gexf.GEXF.versions:
        # networkx < 3.6 knows only the 1.1draft and 1.2draft namespaces.
        data = data.replace(b'xmlns="http://gexf.net/1.3"', b'xmlns="http://www.gexf.net/1.2draft"')
        rewrote = True
    g = nx.read_gexf(io.BytesIO(data))
out = {
    "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
    "directed": g.is_directed(), "multi": g.is_multigraph(), "rewrote": rewrote,
    "graph": {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float))},
    "attrs": {n: dict(g.nodes[n]) for n in want},
    "types": {n: {k: type(v).__name__ for k, v in g.nodes[n].items()} for n in want},
    "edgeweights": sorted(d.get("weight", 0) for _, _, d in g.edges(data=True)),
    "nodeids": sorted(g.nodes),
    "edgepredicates": {},
    "meetingintervals": {},
}
for _, _, d in g.edges(data=True):
    p = d.get("predicate", "")
    out["edgepredicates"][p] = out["edgepredicates"].get(p, 0) + 1
for n, d in g.nodes(data=True):
    if "start" in d:
        out["meetingintervals"][n] = [str(d["start"]), str(d["end"])]
print(json.dumps(out))
`

func predicateCounts(m *graph.Model) map[string]int {
	c := map[string]int{}
	for _, e := range m.Edges {
		c[e.Predicate]++
	}
	return c
}

func TestNetworkX(t *testing.T) {
	needPython(t, "networkx")
	type check struct {
		format   string
		model    *graph.Model
		directed bool
	}
	full, persons := fixture(), PersonProjection(fixture(), true)
	for _, c := range []check{
		{"graphml", full, true}, {"graphml", persons, false},
		{"gexf", full, true}, {"gexf", persons, false},
	} {
		name := c.format + map[bool]string{true: "-full", false: "-persons"}[c.directed]
		t.Run(name, func(t *testing.T) {
			path := writeTemp(t, c.format, "g."+c.format, c.model, fixtureAttrs())
			var r nxResult
			want := []string{erdogan, mbs}
			if c.directed {
				want = append(want, sochi, m2, a4)
			}
			runPython(t, &r, nxScript, append([]string{c.format, path}, want...)...)
			if r.Rewrote {
				t.Log("this networkx predates GEXF 1.3: read with the 1.2draft namespace")
			}
			if r.Nodes != len(c.model.Nodes) || r.Edges != len(c.model.Edges) {
				t.Errorf("networkx read %d nodes, %d edges; want %d, %d", r.Nodes, r.Edges, len(c.model.Nodes), len(c.model.Edges))
			}
			if got := strings.Join(r.NodeIDs, " "); got != strings.Join(c.model.IDs(), " ") {
				t.Errorf("node IDs\n got %s\nwant %s", got, strings.Join(c.model.IDs(), " "))
			}
			if r.Directed != c.directed {
				t.Errorf("directed = %v, want %v", r.Directed, c.directed)
			}
			if c.directed && !r.Multi {
				t.Error("parallel edges (akkuyu → Türkiye) were merged")
			}
			wantPreds := predicateCounts(c.model)
			for p, n := range wantPreds {
				if r.EdgePredicates[p] != n {
					t.Errorf("%d %s edges, want %d", r.EdgePredicates[p], p, n)
				}
			}

			// Attribute values and types as networkx decodes them.
			nameKey := "name"
			if c.format == "gexf" {
				nameKey = "label"
			}
			attr := func(node, key string) any { return r.Attrs[node][key] }
			typ := func(node, key string) string { return r.Types[node][key] }
			if got := attr(erdogan, nameKey); got != "Recep Tayyip Erdoğan" {
				t.Errorf("Erdoğan's %s = %q", nameKey, got)
			}
			if got := attr(mbs, nameKey); got != `Mohammed bin Salman "MBS"` {
				t.Errorf("MBS's %s = %q", nameKey, got)
			}
			if got := attr(erdogan, "pagerank"); got != 0.31 || typ(erdogan, "pagerank") != "float" {
				t.Errorf("pagerank = %v (%s), want float 0.31", got, typ(erdogan, "pagerank"))
			}
			if got := attr(erdogan, "community"); got != 0.0 || typ(erdogan, "community") != "int" {
				t.Errorf("community = %v (%s), want int 0", got, typ(erdogan, "community"))
			}
			if got := attr(erdogan, "type"); got != "Person" {
				t.Errorf("type = %v", got)
			}
			if c.directed {
				if got := attr(sochi, "longitude"); got != 39.7231 || typ(sochi, "longitude") != "float" {
					t.Errorf("Sochi longitude = %v (%s)", got, typ(sochi, "longitude"))
				}
				if got := attr(m2, "date"); got != "2024-04" {
					t.Errorf("m2 date = %v", got)
				}
				if got := attr(a4, "label"); got != "a4" {
					t.Errorf("unnamed node's label = %v", got)
				}
			} else {
				// Erdoğan and Putin share two meetings.
				if w := r.EdgeWeights; len(w) == 0 || w[len(w)-1] != 2 {
					t.Errorf("edge weights %v, want a largest of 2", w)
				}
			}
			if c.format == "gexf" {
				if r.Graph["mode"] != "dynamic" {
					t.Errorf("graph mode = %v", r.Graph["mode"])
				}
				if c.directed {
					want := map[string][2]string{
						m1: {"2024-03-05", "2024-03-05"},
						m2: {"2024-04-01", "2024-04-30"},
						m3: {"2024-01-01", "2024-12-31"},
					}
					for id, iv := range want {
						if r.MeetingIntervals[id] != iv {
							t.Errorf("%s: start/end %v, want %v", id, r.MeetingIntervals[id], iv)
						}
					}
					if len(r.MeetingIntervals) != len(want) {
						t.Errorf("dated nodes %v, want only the meetings", r.MeetingIntervals)
					}
				}
			}
		})
	}
}

func TestGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not installed (apt-get install graphviz)")
	}
	for _, c := range []struct {
		name  string
		model *graph.Model
	}{{"full", fixture()}, {"persons", PersonProjection(fixture(), true)}} {
		t.Run(c.name, func(t *testing.T) {
			path := writeTemp(t, "dot", "g.dot", c.model, fixtureAttrs())
			cmd := exec.Command(dot, "-Tsvg", path)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			svg, err := cmd.Output()
			if err != nil {
				t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("dot -Tsvg complained:\n%s", stderr.String())
			}
			s := string(svg)
			if n := strings.Count(s, `class="node"`); n != len(c.model.Nodes) {
				t.Errorf("%d nodes drawn, want %d", n, len(c.model.Nodes))
			}
			if n := strings.Count(s, `class="edge"`); n != len(c.model.Edges) {
				t.Errorf("%d edges drawn, want %d", n, len(c.model.Edges))
			}
			labels := []string{">Recep Tayyip Erdoğan<", ">Mohammed bin Salman &quot;MBS&quot;<"}
			if c.name == "full" {
				labels = append(labels, ">Black Sea &quot;grain deal&quot; &amp; &lt;exports&gt;<", `>Energy\Nuclear<`, ">İstanbul<", ">a4<")
			}
			for _, l := range labels {
				if !strings.Contains(s, l) {
					t.Errorf("SVG has no label %s", l)
				}
			}
		})
	}
}

// TestGraphvizTrickyNames feeds dot names that break naive quoting: a
// trailing backslash, HTML-like text, label escapes, a DOT keyword, quotes,
// control characters and a bidi mark.
func TestGraphvizTrickyNames(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not installed (apt-get install graphviz)")
	}
	names := map[string]string{ // name → how the SVG shows it
		`ends with \`:          `>ends with \<`,
		"<b>bold</b>":          ">&lt;b&gt;bold&lt;/b&gt;<",
		"two\nlines":           ">two<",
		`\N \G`:                `>\N \G<`,
		"node":                 ">node<",
		`"quoted"`:             ">&quot;quoted&quot;<",
		"tab\tand\x01ctl":      ">tab and ctl<",
		"\u200eRTL mark":       ">\u200eRTL mark<",
		"Recep Tayyip Erdoğan": ">Recep Tayyip Erdoğan<",
	}
	m := graph.NewModel()
	i := 0
	for name := range names {
		n := m.Node(graph.Entity("person", strconv.Itoa(i)))
		n.Type, n.Name = graph.ClassPerson, name
		i++
	}
	odd := `https://example.org/"odd\id`
	m.Node(odd).Name = "odd"
	m.Edges = append(m.Edges, graph.Edge{From: odd, To: graph.Entity("person", "0"), Predicate: `pre"d`})
	m.Finish()
	opt := Options{NodeAttrs: map[string]map[string]string{odd: {"my key": `v\`, "node": "x"}}}
	path := writeTemp(t, "dot", "tricky.dot", m, opt)
	cmd := exec.Command(dot, "-Tsvg", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
	for name, shown := range names {
		if !strings.Contains(string(svg), shown) {
			t.Errorf("name %q: SVG has no %s", name, shown)
		}
	}
	if n := strings.Count(string(svg), `class="edge"`); n != 1 {
		t.Errorf("%d edges drawn, want 1", n)
	}
}

func TestJSONWithPython(t *testing.T) {
	needPython(t, "json")
	m := fixture()
	t.Run("cytoscape", func(t *testing.T) {
		path := writeTemp(t, "cytoscape", "g.json", m, fixtureAttrs())
		var r struct {
			Nodes, Edges, Dangling int
			Labels                 map[string]string
			PageRank               float64
		}
		runPython(t, &r, `
import sys, json
doc = json.load(open(sys.argv[1], encoding="utf-8"))
els = doc["elements"]
ids = {n["data"]["id"] for n in els["nodes"]}
edge_ids = {e["data"]["id"] for e in els["edges"]}
assert len(ids) == len(els["nodes"]) and len(edge_ids) == len(els["edges"]) and not ids & edge_ids
print(json.dumps({
  "nodes": len(els["nodes"]), "edges": len(els["edges"]),
  "dangling": sum(1 for e in els["edges"] if e["data"]["source"] not in ids or e["data"]["target"] not in ids),
  "labels": {n["data"]["id"]: n["data"]["label"] for n in els["nodes"]},
  "pagerank": [n["data"]["pagerank"] for n in els["nodes"] if n["data"]["id"] == sys.argv[2]][0],
}))`, path, erdogan)
		if r.Nodes != len(m.Nodes) || r.Edges != len(m.Edges) || r.Dangling != 0 {
			t.Errorf("read %d nodes, %d edges, %d dangling", r.Nodes, r.Edges, r.Dangling)
		}
		if r.Labels[mbs] != `Mohammed bin Salman "MBS"` || r.Labels[erdogan] != "Recep Tayyip Erdoğan" {
			t.Errorf("labels %q, %q", r.Labels[mbs], r.Labels[erdogan])
		}
		if r.PageRank != 0.31 {
			t.Errorf("pagerank %v is not the number 0.31", r.PageRank)
		}
	})
	t.Run("geojson", func(t *testing.T) {
		path := writeTemp(t, "geojson", "g.geojson", m, Options{})
		var r struct {
			Type   string
			Points map[string][2]float64
			Cities map[string]string
			People map[string][]string
		}
		runPython(t, &r, `
import sys, json
doc = json.load(open(sys.argv[1], encoding="utf-8"))
for f in doc["features"]:
    assert f["type"] == "Feature" and f["geometry"]["type"] == "Point", f
    lon, lat = f["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
print(json.dumps({
  "type": doc["type"],
  "points": {f["id"]: f["geometry"]["coordinates"] for f in doc["features"]},
  "cities": {f["id"]: f["properties"]["city"] for f in doc["features"]},
  "people": {f["id"]: f["properties"]["participants"] for f in doc["features"]},
}))`, path)
		if r.Type != "FeatureCollection" {
			t.Errorf("type %q", r.Type)
		}
		// [longitude, latitude]: Sochi is at 43.5855 N, 39.7231 E.
		want := map[string][2]float64{m1: {39.7231, 43.5855}, m2: {28.9784, 41.0082}}
		if len(r.Points) != len(want) {
			t.Errorf("features %v, want the two meetings in cities", r.Points)
		}
		for id, p := range want {
			if r.Points[id] != p {
				t.Errorf("%s at %v, want [lon, lat] %v", id, r.Points[id], p)
			}
		}
		if r.Cities[m2] != "İstanbul" || strings.Join(r.People[m1], ",") != "Hakan Fidan,Recep Tayyip Erdoğan,Vladimir Putin" {
			t.Errorf("properties: city %q, participants %q", r.Cities[m2], r.People[m1])
		}
	})
}

func TestCSVWithPython(t *testing.T) {
	needPython(t, "csv")
	m := fixture()
	nodes := writeTemp(t, "csv-nodes", "nodes.csv", m, fixtureAttrs())
	edges := writeTemp(t, "csv-edges", "edges.csv", m, fixtureAttrs())
	var r struct {
		Nodes, Edges int
		Header       []string
		Evidence     string
		Name         string
	}
	runPython(t, &r, `
import sys, json, csv
nodes = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
edges = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
by = {n["id"]: n for n in nodes}
print(json.dumps({
  "nodes": len(nodes), "edges": len(edges),
  "header": list(edges[0].keys()),
  "evidence": by[sys.argv[3]]["evidence"],
  "name": by[sys.argv[4]]["name"],
}))`, nodes, edges, m1, mbs)
	if r.Nodes != len(m.Nodes) || r.Edges != len(m.Edges) {
		t.Errorf("read %d nodes, %d edges; want %d, %d", r.Nodes, r.Edges, len(m.Nodes), len(m.Edges))
	}
	if got := strings.Join(r.Header, ","); got != "source,target,predicate,date,sources,weight" {
		t.Errorf("edge header %s", got)
	}
	if r.Evidence != m.Nodes[m1].Attr(graph.Evidence) {
		t.Errorf("evidence %q did not survive", r.Evidence)
	}
	if r.Name != m.Nodes[mbs].Name {
		t.Errorf("name %q did not survive", r.Name)
	}
}

// TestWriteCSVCombined checks the one-writer form: nodes, a blank line, edges.
func TestWriteCSVCombined(t *testing.T) {
	m := fixture()
	var all, nodes, edges bytes.Buffer
	for _, w := range []struct {
		f   WriterFunc
		buf *bytes.Buffer
	}{{WriteCSV, &all}, {WriteCSVNodes, &nodes}, {WriteCSVEdges, &edges}} {
		if err := w.f(w.buf, m, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if all.String() != nodes.String()+"\n"+edges.String() {
		t.Error("WriteCSV is not nodes, blank line, edges")
	}
	// Number of records: header + one per node / edge.
	rows := regexp.MustCompile(`(?m)^https://`).FindAllString(edges.String(), -1)
	if len(rows) != len(m.Edges) {
		t.Errorf("%d edge rows, want %d", len(rows), len(m.Edges))
	}
}
