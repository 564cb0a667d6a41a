package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parley/parley/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenCase is one model written in one format.
type goldenCase struct {
	name   string // golden file name in testdata/
	format string
	model  func() *graph.Model
	opt    Options
}

func goldenCases() []goldenCase {
	full := fixture
	proj := func() *graph.Model { return PersonProjection(fixture(), true) }
	ext := map[string]string{
		"graphml": "graphml", "gexf": "gexf", "dot": "dot", "cytoscape": "cy.json",
		"geojson": "geojson", "csv": "csv", "csv-nodes": "nodes.csv", "csv-edges": "edges.csv",
	}
	var cases []goldenCase
	for _, f := range Formats {
		cases = append(cases, goldenCase{"full." + ext[f], f, full, fixtureAttrs()})
	}
	for _, f := range []string{"graphml", "gexf", "dot", "cytoscape", "csv"} {
		cases = append(cases, goldenCase{"persons." + ext[f], f, proj, fixtureAttrs()})
	}
	return cases
}

func render(t *testing.T, c goldenCase) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(c.format, &b, c.model(), c.opt); err != nil {
		t.Fatalf("%s: %v", c.format, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c)
			path := filepath.Join("testdata", c.name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, firstDiff(string(got), string(want)))
			}
			// Same input, same bytes.
			if again := render(t, c); !bytes.Equal(got, again) {
				t.Error("output is not deterministic")
			}
		})
	}
}

// firstDiff shows the first differing line.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got " + gl + "\nwant " + wl
		}
	}
	return ""
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write("svg", &bytes.Buffer{}, fixture(), Options{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, f := range append([]string{`"svg"`}, Formats...) {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not name %s", err, f)
		}
	}
	if _, err := Writer("GraphML"); err != nil {
		t.Errorf("format names are case-insensitive: %v", err)
	}
}

func TestDOTQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Recep Tayyip Erdoğan", `"Recep Tayyip Erdoğan"`},
		{`say "hi"`, `"say \"hi\""`},
		{`a\b\`, `"a\\b\\"`},
		{"two\nlines", `"two\nlines"`},
		{"tab\there\r", `"tab here"`},
		{"bad\xffutf8", "\"bad\uFFFDutf8\""},
		{"<html>", `"<html>"`},
		{"", `""`},
	}
	for _, tt := range tests {
		if got := dotQuote(tt.in); got != tt.want {
			t.Errorf("dotQuote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestDanglingEdge(t *testing.T) {
	m := fixture()
	m.Edges = append(m.Edges, graph.Edge{From: erdogan, To: "https://example.org/missing", Predicate: graph.Met})
	for _, f := range Formats {
		err := Write(f, &bytes.Buffer{}, m, Options{})
		if err == nil || !strings.Contains(err.Error(), "missing") {
			t.Errorf("%s: err = %v, want one naming the missing node", f, err)
		}
	}
}
