package export

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/parley/parley/graph"
)

func ids(m *graph.Model) []string { return m.IDs() }

func hasEdge(m *graph.Model, from, pred, to string) bool {
	for _, e := range m.Edges {
		if e.From == from && e.Predicate == pred && e.To == to {
			return true
		}
	}
	return false
}

func sorted(v ...string) []string {
	sort.Strings(v)
	return v
}

// edgesAmong checks that every edge of sub is an edge of full between two
// nodes of sub, and that every edge of full between nodes of sub is in sub
// unless skip says otherwise.
func checkInduced(t *testing.T, full, sub *graph.Model, skip func(graph.Edge) bool) {
	t.Helper()
	for _, e := range sub.Edges {
		if sub.Nodes[e.From] == nil || sub.Nodes[e.To] == nil {
			t.Errorf("edge %v has an end outside the selection", e)
		}
		if !hasEdge(full, e.From, e.Predicate, e.To) {
			t.Errorf("edge %v is not in the model", e)
		}
	}
	for _, e := range full.Edges {
		if sub.Nodes[e.From] != nil && sub.Nodes[e.To] != nil && !hasEdge(sub, e.From, e.Predicate, e.To) && (skip == nil || !skip(e)) {
			t.Errorf("edge %v between selected nodes is missing", e)
		}
	}
}

func TestEgo(t *testing.T) {
	m := fixture()
	tests := []struct {
		name  string
		seeds []string
		depth int
		want  []string
	}{
		{"depth 0", []string{lavrov}, 0, sorted(lavrov)},
		{"depth 1", []string{lavrov}, 1, sorted(lavrov, m2, russia, fidan, putin)},
		{"depth 2 through meetings", []string{lavrov}, 2, sorted(
			lavrov, m2, russia, fidan, putin,
			// from m2: its participants, city, topic and article
			istanbul, grain, a2,
			// from Russia: its cities and projects
			sochi, akkuyu,
			// from Fidan and Putin: their meetings and met partners and countries
			m1, m3, erdogan, turkey,
		)},
		{"two seeds", []string{sochi, istanbul}, 1, sorted(sochi, istanbul, russia, turkey, m1, m2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Ego(m, tt.seeds, tt.depth)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(got), tt.want) {
				t.Errorf("nodes\n got %q\nwant %q", ids(got), tt.want)
			}
			checkInduced(t, m, got, nil)
		})
	}
	if _, err := Ego(m, []string{"nope"}, 1); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown seed: err = %v", err)
	}
	if _, err := Ego(m, []string{lavrov}, -1); err == nil {
		t.Error("negative depth: no error")
	}
}

func TestWindow(t *testing.T) {
	m := fixture()
	tests := []struct {
		name     string
		from, to string
		meetings []string
		noMet    [][2]string // met edges that must be gone
		keepMet  [][2]string // met edges that must stay
	}{
		{"open", "", "", sorted(m1, m2, m3), nil, [][2]string{{fidan, lavrov}, {erdogan, fidan}}},
		{"March by month", "2024-03", "2024-03", sorted(m1, m3), nil, [][2]string{{erdogan, putin}, {erdogan, fidan}}},
		{"April by day", "2024-04-10", "2024-04-10", sorted(m2, m3),
			[][2]string{{erdogan, fidan}, {fidan, erdogan}}, [][2]string{{fidan, lavrov}, {erdogan, putin}}},
		{"open start", "", "2024-03-04", sorted(m3), nil, nil},
		{"open end", "2024-03-06", "", sorted(m2, m3), nil, nil},
		{"a year", "2024", "2024", sorted(m1, m2, m3), nil, nil},
		{"nothing", "2025", "", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Window(m, tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			var meetings []string
			for _, id := range got.IDs() {
				n := got.Nodes[id]
				if n.Type == graph.ClassMeeting {
					meetings = append(meetings, id)
					continue
				}
				linked := false
				for _, e := range got.Edges {
					if (e.From == id && isMeeting(got, e.To)) || (e.To == id && isMeeting(got, e.From)) {
						linked = true
					}
				}
				if !linked {
					t.Errorf("%s is kept but not linked to a kept meeting", id)
				}
			}
			if !reflect.DeepEqual(meetings, tt.meetings) {
				t.Errorf("meetings %q, want %q", meetings, tt.meetings)
			}
			for _, p := range tt.noMet {
				if hasEdge(got, p[0], graph.Met, p[1]) {
					t.Errorf("met %s → %s kept", p[0], p[1])
				}
			}
			for _, p := range tt.keepMet {
				if !hasEdge(got, p[0], graph.Met, p[1]) {
					t.Errorf("met %s → %s dropped", p[0], p[1])
				}
			}
			checkInduced(t, m, got, func(e graph.Edge) bool { return e.Predicate == graph.Met })
		})
	}
	for _, bad := range [][2]string{{"March", ""}, {"", "2024-13"}, {"2024-02-30", ""}, {"2024-05", "2024-04"}} {
		if _, err := Window(m, bad[0], bad[1]); err == nil {
			t.Errorf("Window(%q, %q): no error", bad[0], bad[1])
		}
	}
}

func TestInduced(t *testing.T) {
	m := fixture()
	got := Induced(m, []string{erdogan, putin, m3, "https://example.org/not-there"})
	if want := sorted(erdogan, putin, m3); !reflect.DeepEqual(ids(got), want) {
		t.Errorf("nodes %q, want %q", ids(got), want)
	}
	if len(got.Edges) != 4 { // met both ways, two participants
		t.Errorf("%d edges, want 4: %v", len(got.Edges), got.Edges)
	}
	checkInduced(t, m, got, nil)
	// The selection is a copy.
	got.Nodes[erdogan].Attrs[graph.Role][0] = "changed"
	if m.Nodes[erdogan].Attr(graph.Role) != "president" {
		t.Error("Induced shares attribute slices with its input")
	}
}

func TestPersonProjection(t *testing.T) {
	m := fixture()
	p := PersonProjection(m, true)
	if !Undirected(p) {
		t.Error("projection is not marked undirected")
	}
	if want := sorted(erdogan, putin, fidan, lavrov, mbs); !reflect.DeepEqual(ids(p), want) {
		t.Errorf("nodes %q, want %q", ids(p), want)
	}
	type want struct {
		weight, first, last, kinds, topics, sources string
	}
	pair := func(a, b string) [2]string {
		if a > b {
			a, b = b, a
		}
		return [2]string{a, b}
	}
	j := func(v ...string) string { return strings.Join(v, "|") }
	wants := map[[2]string]want{
		pair(erdogan, putin): {"2", "2024", "2024-03-05", j("in_person", "phone"), j(`Black Sea "grain deal" & <exports>`, `Energy\Nuclear`), j(a1, a2, a3, a4)},
		pair(erdogan, fidan): {"1", "2024-03-05", "2024-03-05", "in_person", j(`Black Sea "grain deal" & <exports>`, `Energy\Nuclear`), j(a1, a2)},
		pair(fidan, putin):   {"2", "2024-03-05", "2024-04", "in_person", j(`Black Sea "grain deal" & <exports>`, `Energy\Nuclear`), j(a1, a2)},
		pair(fidan, lavrov):  {"1", "2024-04", "2024-04", "in_person", `Black Sea "grain deal" & <exports>`, a2},
		pair(lavrov, putin):  {"1", "2024-04", "2024-04", "in_person", `Black Sea "grain deal" & <exports>`, a2},
	}
	if len(p.Edges) != len(wants) {
		t.Errorf("%d edges, want %d", len(p.Edges), len(wants))
	}
	for _, e := range p.Edges {
		w, ok := wants[[2]string{e.From, e.To}]
		if !ok {
			t.Errorf("unexpected edge %s – %s", e.From, e.To)
			continue
		}
		a := EdgeAttrs(p, e)
		got := want{j(a["weight"]...), j(a["first"]...), j(a["last"]...), j(a["kinds"]...), j(a["topics"]...), j(e.Sources...)}
		if got != w {
			t.Errorf("%s – %s:\n got %+v\nwant %+v", graph.Local(e.From), graph.Local(e.To), got, w)
		}
		if e.Predicate != graph.Met {
			t.Errorf("predicate %q", e.Predicate)
		}
	}
	// Without topics; and a selection of a projection keeps the weights.
	p = PersonProjection(m, false)
	for _, e := range p.Edges {
		if _, ok := EdgeAttrs(p, e)["topics"]; ok {
			t.Errorf("topics without withTopics on %v", e)
		}
	}
	sub := Induced(p, []string{erdogan, putin})
	if len(sub.Edges) != 1 || j(EdgeAttrs(sub, sub.Edges[0])["weight"]...) != "2" || !Undirected(sub) {
		t.Errorf("selection of a projection lost its edge attributes: %v", sub.Edges)
	}
	if EdgeAttrs(m, m.Edges[0]) != nil {
		t.Error("edge attributes on a plain model")
	}
}

func TestParseSpan(t *testing.T) {
	tests := []struct {
		in         string
		start, end string
		ok         bool
	}{
		{"2024", "2024-01-01", "2024-12-31", true},
		{"2024-02", "2024-02-01", "2024-02-29", true},
		{"2023-02", "2023-02-01", "2023-02-28", true},
		{"2024-12", "2024-12-01", "2024-12-31", true},
		{"2024-03-05", "2024-03-05", "2024-03-05", true},
		{"2024-3-5", "", "", false},
		{"24", "", "", false},
		{"2024-13", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		sp, ok := parseSpan(tt.in)
		if ok != tt.ok || sp.start != tt.start || sp.end != tt.end {
			t.Errorf("parseSpan(%q) = %v, %v; want %s..%s, %v", tt.in, sp, ok, tt.start, tt.end, tt.ok)
		}
	}
}
