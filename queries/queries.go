// Package queries holds Parley's stored Gizmo queries (the .js files in this
// directory, embedded in the binary) and runs them with parameters that are
// passed as data, never spliced into code.
package queries

import (
	"bufio"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/parley/parley/graph"
)

//go:embed *.js
var embedded embed.FS

// Query is one stored query.
type Query struct {
	Name     string
	Doc      string   // first header line: what it answers
	Params   []Param  // from the "params:" header line
	Columns  []string // from the "columns:" header line
	Example  string   // from the "example:" header line
	Source   string   // the script, without lib.js
	Required []string
}

// Param is one parameter a query takes.
type Param struct {
	Name     string
	Required bool
}

// nameParams are resolved from what the user typed to node IRIs, restricted
// to these node classes.
var nameParams = map[string][]string{
	"person":  {graph.ClassPerson},
	"with":    {graph.ClassPerson},
	"person2": {graph.ClassPerson},
	"place":   {graph.ClassCity, graph.ClassCountry},
	"city":    {graph.ClassCity},
	"country": {graph.ClassCountry},
	"topic":   {graph.ClassTopic, graph.ClassProject},
	"builder": {graph.ClassCountry, graph.ClassOrganization},
	"project": {graph.ClassProject},
}

// DateParams are passed through as dates.
var dateParams = map[string]bool{"from": true, "to": true}

// Library is a set of stored queries.
type Library struct {
	fsys    fs.FS
	lib     string
	queries map[string]*Query
}

// Open loads the embedded queries; if dir is not empty, .js files there
// override or add to them (edit a query without rebuilding).
func Open(dir string) (*Library, error) {
	var fsys fs.FS = embedded
	if dir != "" {
		fsys = overlay{os.DirFS(dir), embedded}
	}
	l := &Library{fsys: fsys, queries: map[string]*Query{}}
	b, err := fs.ReadFile(fsys, "lib.js")
	if err != nil {
		return nil, fmt.Errorf("queries: lib.js: %w", err)
	}
	l.lib = string(b)
	names := map[string]bool{}
	for _, f := range []fs.FS{embedded, fsys} {
		ents, err := fs.ReadDir(f, ".")
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".js") && e.Name() != "lib.js" {
				names[strings.TrimSuffix(e.Name(), ".js")] = true
			}
		}
	}
	for n := range names {
		b, err := fs.ReadFile(fsys, n+".js")
		if err != nil {
			return nil, fmt.Errorf("queries: %s.js: %w", n, err)
		}
		l.queries[n] = parse(n, string(b))
	}
	return l, nil
}

// overlay reads from the first FS that has a file.
type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		return f, nil
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, _ := fs.ReadDir(o.top, name)
	b, err := fs.ReadDir(o.base, name)
	return append(a, b...), err
}

func parse(name, src string) *Query {
	q := &Query{Name: name, Source: src}
	sc := bufio.NewScanner(strings.NewReader(src))
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "//") {
			break
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "//"))
		switch {
		case strings.HasPrefix(line, "params:"):
			for _, p := range strings.Split(strings.TrimPrefix(line, "params:"), ",") {
				p = strings.TrimSpace(p)
				if p == "" {
					continue
				}
				req := strings.Contains(p, "(required)")
				n := strings.Fields(p)[0]
				q.Params = append(q.Params, Param{Name: n, Required: req})
				if req {
					q.Required = append(q.Required, n)
				}
			}
		case strings.HasPrefix(line, "columns:"):
			for _, c := range strings.Split(strings.TrimPrefix(line, "columns:"), ",") {
				q.Columns = append(q.Columns, strings.TrimSpace(c))
			}
		case strings.HasPrefix(line, "example:"):
			q.Example = strings.TrimSpace(strings.TrimPrefix(line, "example:"))
		case first:
			q.Doc = line
			first = false
		default:
			q.Doc += " " + line
		}
	}
	return q
}

// List returns the queries sorted by name.
func (l *Library) List() []*Query {
	var out []*Query
	for _, q := range l.queries {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns a query by name.
func (l *Library) Get(name string) (*Query, bool) {
	q, ok := l.queries[name]
	return q, ok
}

// Result is a query's answer.
type Result struct {
	Columns   []string
	Rows      []map[string]interface{}
	Truncated bool
}

// ErrNoMatch reports a name parameter that matches nothing in the graph.
type ErrNoMatch struct{ Param, Value string }

func (e *ErrNoMatch) Error() string {
	return fmt.Sprintf("no %s matches %q", e.Param, e.Value)
}

// ErrUnknownQuery reports a query name that is not in the library.
var ErrUnknownQuery = errors.New("unknown query")

// Run runs a stored query. Name parameters (person, with, place, …) are
// resolved to node IRIs; every value reaches the script as JSON data in the
// `params` object, so quotes or code in a value cannot change the query.
func (l *Library) Run(ctx context.Context, st *graph.Store, name string, params map[string]string, limit int) (*Result, error) {
	q, ok := l.queries[name]
	if !ok {
		return nil, fmt.Errorf("%w %q (see 'parley query --list')", ErrUnknownQuery, name)
	}
	for _, r := range q.Required {
		if params[r] == "" {
			return nil, fmt.Errorf("query %s needs --%s", name, r)
		}
	}
	known := map[string]bool{}
	for _, p := range q.Params {
		known[p.Name] = true
	}
	js := map[string]interface{}{}
	for k, v := range params {
		if v == "" {
			continue
		}
		if !known[k] {
			return nil, fmt.Errorf("query %s takes no parameter %q", name, k)
		}
		switch {
		case nameParams[k] != nil:
			ids, err := st.Lookup(ctx, v, nameParams[k]...)
			if err != nil {
				return nil, err
			}
			if len(ids) == 0 {
				return nil, &ErrNoMatch{Param: k, Value: v}
			}
			var vals []string
			for _, id := range ids {
				vals = append(vals, "<"+id+">")
			}
			js[k] = vals
		case dateParams[k]:
			if !validDate(v) {
				return nil, fmt.Errorf("--%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", k, v)
			}
			js[k] = v
		default:
			js[k] = v
		}
	}
	return l.exec(ctx, st, q, js, limit)
}

func (l *Library) exec(ctx context.Context, st *graph.Store, q *Query, params map[string]interface{}, limit int) (*Result, error) {
	b, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	// json.Marshal escapes <, >, &, U+2028 and U+2029: the literal is valid
	// JavaScript and cannot end the statement early.
	script := "var params = " + string(b) + ";\n" + l.lib + "\n" + q.Source + "\n;undefined;"
	res, err := st.Gizmo(ctx, script, limit)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", q.Name, err)
	}
	out := &Result{Columns: q.Columns, Truncated: res.Truncated}
	for _, v := range res.Values {
		if m, ok := v.(map[string]interface{}); ok {
			out.Rows = append(out.Rows, m)
		}
	}
	return out, nil
}

func validDate(s string) bool {
	for i, r := range s {
		if r == '-' && (i == 4 || i == 7) {
			continue
		}
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(s) == 4 || len(s) == 7 || len(s) == 10
}
