package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
)

// GizmoResult is what a Gizmo script emitted.
type GizmoResult struct {
	Values    []interface{} // one per g.Emit / path result, JSON-shaped
	Truncated bool          // more results existed than the limit allowed
}

// Gizmo runs a Gizmo (JavaScript) script against the store and collects up
// to limit results (limit <= 0: no limit). Cancelling ctx interrupts the
// script.
func (s *Store) Gizmo(ctx context.Context, script string, limit int) (*GizmoResult, error) {
	ses := gizmo.NewSession(s.qs)
	opt := query.Options{Collation: query.JSON}
	if limit > 0 {
		opt.Limit = limit + 1
	}
	it, err := ses.Execute(ctx, script, opt)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	res := &GizmoResult{}
	for it.Next(ctx) {
		v := it.Result()
		if v == nil {
			continue
		}
		if limit > 0 && len(res.Values) == limit {
			res.Truncated = true
			break
		}
		res.Values = append(res.Values, v)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// Lookup returns the IRIs of nodes whose key tokens include every token of
// name (folded: case, diacritics and Turkish dotted/dotless i do not matter),
// restricted to the given classes when any are given. Results are sorted.
func (s *Store) Lookup(ctx context.Context, name string, classes ...string) ([]string, error) {
	toks := Tokens(name)
	if len(toks) == 0 {
		return nil, fmt.Errorf("empty name %q", name)
	}
	key := quad.IRI(Pred(Key))
	p := cayley.StartPath(s.qs, quad.String(toks[0])).In(key)
	for _, t := range toks[1:] {
		p = p.And(cayley.StartPath(s.qs, quad.String(t)).In(key))
	}
	if len(classes) > 0 {
		var vs []quad.Value
		for _, c := range classes {
			vs = append(vs, quad.IRI(Class(c)))
		}
		p = p.Has(quad.IRI(RDFType), vs...)
	}
	seen := map[string]bool{}
	err := p.Iterate(ctx).EachValue(s.qs, func(v quad.Value) {
		if iri, ok := v.(quad.IRI); ok {
			seen[string(iri)] = true
		}
	})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

// Each calls fn for every stored quad.
func (s *Store) Each(ctx context.Context, fn func(Quad) error) error {
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(FromCayley(s.qs.Quad(it.Result()))); err != nil {
			return err
		}
	}
	return it.Err()
}

// Snapshot reads the whole store into a Model.
func (s *Store) Snapshot(ctx context.Context) (*Model, error) {
	m := NewModel()
	if err := s.Each(ctx, func(q Quad) error { m.Add(q); return nil }); err != nil {
		return nil, err
	}
	m.Finish()
	return m, nil
}
