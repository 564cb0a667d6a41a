package export

import (
	"runtime"
	"sync"
	"weak"

	"github.com/parley/parley/graph"
)

// side holds what a graph.Model has no field for: whether a derived model is
// undirected, and attributes of its edges (weight, first/last date, …).
//
// TODO: drop this once graph.Edge has an attribute map of its own.
type side struct {
	undirected bool
	edges      map[edgeKey]map[string][]string
}

type edgeKey struct{ from, pred, to string }

func keyOf(e graph.Edge) edgeKey { return edgeKey{e.From, e.Predicate, e.To} }

// sides maps weak.Pointer[graph.Model] to *side. An entry is removed when its
// model is garbage collected.
var sides sync.Map

func setSide(m *graph.Model, s *side) {
	k := weak.Make(m)
	if _, loaded := sides.Swap(k, s); !loaded {
		runtime.AddCleanup(m, func(k weak.Pointer[graph.Model]) { sides.Delete(k) }, k)
	}
}

func sideOf(m *graph.Model) *side {
	if v, ok := sides.Load(weak.Make(m)); ok {
		return v.(*side)
	}
	return nil
}

// EdgeAttrs returns the extra attributes of an edge of a model made by
// PersonProjection (or of a selection of such a model): "weight" (the number
// of shared meetings), "date" and "first" (the earliest meeting date), "last"
// (the latest), "kinds", "meetings" and, when topics were asked for,
// "topics". It returns nil for an edge of any other model. The returned map
// must not be modified.
func EdgeAttrs(m *graph.Model, e graph.Edge) map[string][]string {
	if s := sideOf(m); s != nil {
		return s.edges[keyOf(e)]
	}
	return nil
}

// Undirected reports whether the edges of m are meant as undirected, as they
// are in a model made by PersonProjection.
func Undirected(m *graph.Model) bool {
	s := sideOf(m)
	return s != nil && s.undirected
}
