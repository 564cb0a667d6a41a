package queries

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parley/parley/graph"
)

// testStore loads queries/testdata/graph.nq (five meetings, two projects)
// into a store of each kind.
func testStore(t *testing.T, loc string) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, loc, graph.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f, err := os.Open("testdata/graph.nq")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	byLabel := map[string]*graph.Article{}
	err = graph.ReadNQuads(f, func(q graph.Quad) error {
		a := byLabel[q.Label]
		if a == nil {
			a = &graph.Article{IRI: q.Label}
			byLabel[q.Label] = a
		}
		a.Quads = append(a.Quads, q)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var arts []graph.Article
	for _, a := range byLabel {
		arts = append(arts, *a)
	}
	if _, err := st.Load(ctx, arts); err != nil {
		t.Fatal(err)
	}
	return st
}

func column(res *Result, col string) []string {
	var out []string
	for _, r := range res.Rows {
		out = append(out, fmt.Sprint(r[col]))
	}
	return out
}

func TestStoredQueries(t *testing.T) {
	lib, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	for _, backend := range []string{"memory:", "bolt"} {
		loc := backend
		if backend == "bolt" {
			loc = filepath.Join(t.TempDir(), "q.db")
		}
		t.Run(backend, func(t *testing.T) {
			st := testStore(t, loc)
			ctx := context.Background()
			cases := []struct {
				query  string
				params map[string]string
				col    string
				want   string // sorted values of col, joined by "|"
			}{
				{"topics", map[string]string{"person": "Putin", "place": "Astana"}, "topic", "Bilateral trade|Russia-Ukraine war|Syria"},
				{"topics", map[string]string{"person": "putin", "place": "Kazakhstan"}, "topic", "Bilateral trade|Russia-Ukraine war|Syria"},
				{"topics", map[string]string{"person": "ERDOĞAN", "from": "2024", "to": "2024"}, "topic", "Bilateral trade|Energy cooperation|Russia-Ukraine war|Syria"},
				{"topics", map[string]string{"person": "Erdogan", "with": "Aliyev"}, "topic", "Bilateral trade|Energy cooperation"},
				{"topics", map[string]string{"person": "Putin", "from": "2025-01-01"}, "topic", "Russia-Ukraine war"},
				{"met", map[string]string{"person": "erdoğan"}, "person", "Ilham Aliyev|Vladimir Putin"},
				{"met", map[string]string{"person": "Erdogan"}, "meetings", "1|3"},
				{"met", map[string]string{"person": "Lavrov"}, "person", "Hakan Fidan"},
				{"meetings", map[string]string{"person": "Erdogan", "with": "Putin"}, "date", "2019-10|2024-07-03|2025-11-24"},
				{"meetings", map[string]string{"person": "Erdogan", "with": "Putin"}, "kind", "in_person|in_person|phone"},
				{"meetings", map[string]string{"person": "Fidan"}, "status", "planned"},
				{"built-by", map[string]string{"country": "Russia"}, "project", "Akkuyu Nuclear Power Plant"},
				{"built-by", map[string]string{"country": "Türkiye"}, "project", "Akkuyu Nuclear Power Plant"},
				{"built-by", map[string]string{"builder": "rosatom"}, "project", "El Dabaa Nuclear Power Plant"},
				{"built-by", nil, "project", "Akkuyu Nuclear Power Plant|El Dabaa Nuclear Power Plant"},
				{"built-by", map[string]string{"country": "Russia"}, "sources", "https://w3id.org/parley/id/article/a1"},
				{"timeline", map[string]string{"person": "Putin"}, "date", "2019-10|2024-07-03|2025-11-24"},
				{"timeline", map[string]string{"person": "Erdogan", "from": "2024-06", "to": "2024-06"}, "with", "Ilham Aliyev"},
				{"shared-topics", map[string]string{"person": "Aliyev", "person2": "Putin"}, "topic", "Bilateral trade"},
				{"shared-topics", map[string]string{"person": "Erdogan", "person2": "Putin"}, "together", "1|2|2"},
				{"discussed-by", map[string]string{"topic": "Syria"}, "person", "Hakan Fidan|Recep Tayyip Erdoğan|Sergey Lavrov|Vladimir Putin"},
				{"discussed-by", map[string]string{"topic": "Syria", "place": "Russia"}, "person", "Recep Tayyip Erdoğan|Vladimir Putin"},
				{"meetings-in", map[string]string{"place": "Türkiye"}, "participants", "Hakan Fidan; Sergey Lavrov|Ilham Aliyev; Recep Tayyip Erdoğan"},
				{"meetings-in", map[string]string{"place": "Sochi"}, "date", "2019-10"},
				{"chain", map[string]string{"person": "Aliyev", "person2": "Putin"}, "to", "Recep Tayyip Erdoğan|Vladimir Putin"},
				{"chain", map[string]string{"person": "Aliyev", "person2": "Lavrov"}, "to", ""},
				{"projects", map[string]string{"builder": "Rosatom"}, "project", "El Dabaa Nuclear Power Plant"},
				{"projects", map[string]string{"country": "Türkiye"}, "project", "Akkuyu Nuclear Power Plant"},
			}
			for _, tc := range cases {
				res, err := lib.Run(ctx, st, tc.query, tc.params, 100)
				if err != nil {
					t.Errorf("%s %v: %v", tc.query, tc.params, err)
					continue
				}
				got := column(res, tc.col)
				sort.Strings(got)
				if strings.Join(got, "|") != tc.want {
					t.Errorf("%s %v: %s = %q, want %q", tc.query, tc.params, tc.col, strings.Join(got, "|"), tc.want)
				}
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	lib, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	st := testStore(t, "memory:")
	ctx := context.Background()
	var nm *ErrNoMatch
	if _, err := lib.Run(ctx, st, "met", map[string]string{"person": "Nobody"}, 10); !errors.As(err, &nm) {
		t.Errorf("unknown person: %v", err)
	}
	// values are data: quotes and code find nothing instead of running
	for _, evil := range []string{`Putin"]; g.Emit("x"); //`, `</script>`, "Putin\u2028g.Emit(1)", `\"); throw 1; //`} {
		_, err := lib.Run(ctx, st, "met", map[string]string{"person": evil}, 10)
		if !errors.As(err, &nm) {
			t.Errorf("person %q: %v, want no match", evil, err)
		}
	}
	if _, err := lib.Run(ctx, st, "nosuch", nil, 10); !errors.Is(err, ErrUnknownQuery) {
		t.Errorf("unknown query: %v", err)
	}
	if _, err := lib.Run(ctx, st, "topics", map[string]string{"person": "Putin", "from": "last year"}, 10); err == nil {
		t.Error("a bad date was accepted")
	}
	if _, err := lib.Run(ctx, st, "topics", map[string]string{"place": "Astana"}, 10); err == nil {
		t.Error("a missing required parameter was accepted")
	}
	if _, err := lib.Run(ctx, st, "met", map[string]string{"person": "Putin", "builder": "x"}, 10); err == nil {
		t.Error("a parameter the query does not take was accepted")
	}
}

func TestListAndOverride(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "people.js"), []byte("// people — every person\n// params: \n// columns: name\n// example: parley query people\n"+
		"g.V(P(\"Person\")).In(RDF_TYPE).ToArray().forEach(function (p) { g.Emit({name: nameOf(p)}); });\n"), 0o644)
	lib, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, q := range lib.List() {
		names = append(names, q.Name)
		if q.Doc == "" || q.Example == "" || len(q.Columns) == 0 {
			t.Errorf("query %s lacks its header (doc %q, example %q, columns %v)", q.Name, q.Doc, q.Example, q.Columns)
		}
	}
	for _, want := range []string{"built-by", "chain", "discussed-by", "meetings", "meetings-in", "met", "people", "projects", "shared-topics", "timeline", "topics"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("list %v lacks %s", names, want)
		}
	}
	st := testStore(t, "memory:")
	res, err := lib.Run(context.Background(), st, "people", nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 5 {
		t.Errorf("people from the override directory: %d rows, want 5", len(res.Rows))
	}
}

func TestResultFormats(t *testing.T) {
	r := &Result{Columns: []string{"a", "b"}, Rows: []map[string]interface{}{{"a": "x, y", "b": float64(2)}}, Truncated: true}
	var b strings.Builder
	for _, f := range Formats {
		b.Reset()
		if err := r.Write(&b, f); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		switch f {
		case "csv":
			if out != "a,b\n\"x, y\",2\n" {
				t.Errorf("csv %q", out)
			}
		case "json":
			if !strings.Contains(out, `"truncated": true`) {
				t.Errorf("json does not say it was cut: %s", out)
			}
		case "table":
			if !strings.Contains(out, "result cut at 1 rows") {
				t.Errorf("table does not say it was cut: %s", out)
			}
		}
	}
	if err := r.Write(&b, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}
