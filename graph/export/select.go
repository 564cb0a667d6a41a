package export

import (
	"fmt"
	"sort"

	"github.com/parley/parley/graph"
)

// Ego returns the part of m within depth hops of the given nodes: every node
// reachable from one of them along at most depth edges, followed in either
// direction, with the edges among those nodes. Meetings are nodes like any
// other, so at depth 2 a person's ego network holds their meetings and the
// meetings' participants, places, topics and sources. Depth 0 keeps only the
// given nodes. It is an error for a node not to be in m, or for depth to be
// negative.
func Ego(m *graph.Model, nodeIDs []string, depth int) (*graph.Model, error) {
	if depth < 0 {
		return nil, fmt.Errorf("export: negative ego depth %d", depth)
	}
	keep := map[string]bool{}
	var frontier []string
	for _, id := range nodeIDs {
		if m.Nodes[id] == nil {
			return nil, fmt.Errorf("export: no node %q in the graph", id)
		}
		if !keep[id] {
			keep[id] = true
			frontier = append(frontier, id)
		}
	}
	adj := adjacency(m)
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, nb := range adj[id] {
				if !keep[nb] {
					keep[nb] = true
					next = append(next, nb)
				}
			}
		}
		frontier = next
	}
	return subgraph(m, keep, nil), nil
}

// Window returns the meetings of m whose date overlaps the closed interval
// [from, to], every non-meeting node joined by an edge to a kept meeting, and
// the edges among them, except for `met` edges between two people who no
// longer share a kept meeting.
//
// Bounds and meeting dates may be YYYY, YYYY-MM or YYYY-MM-DD, each standing
// for the days it covers: from "2024-03" starts on 1 March, to "2024-03" ends
// on 31 March, and a meeting dated "2024" overlaps any bound within 2024. An
// empty bound is open. When a bound is given, meetings without a readable
// date are dropped; with both bounds empty every meeting is kept.
func Window(m *graph.Model, from, to string) (*graph.Model, error) {
	lo, hasLo, err := boundSpan(from)
	if err != nil {
		return nil, err
	}
	hi, hasHi, err := boundSpan(to)
	if err != nil {
		return nil, err
	}
	win := span{start: "0000-01-01", end: "9999-12-31"}
	if hasLo {
		win.start = lo.start
	}
	if hasHi {
		win.end = hi.end
	}
	if win.start > win.end {
		return nil, fmt.Errorf("export: empty window: %s is after %s", from, to)
	}
	open := !hasLo && !hasHi

	kept := map[string]bool{} // kept meetings
	for id, n := range m.Nodes {
		if n.Type != graph.ClassMeeting {
			continue
		}
		if open {
			kept[id] = true
			continue
		}
		for _, d := range n.Attrs[graph.Date] {
			if sp, ok := parseSpan(d); ok && sp.overlaps(win) {
				kept[id] = true
				break
			}
		}
	}

	keep := map[string]bool{}
	for id := range kept {
		keep[id] = true
	}
	// Non-meeting neighbours of kept meetings, and who shares a kept meeting.
	shared := map[[2]string]bool{}
	people := map[string][]string{} // kept meeting → its participants
	for _, e := range m.Edges {
		switch {
		case kept[e.From] && !isMeeting(m, e.To):
			keep[e.To] = true
		case kept[e.To] && !isMeeting(m, e.From):
			keep[e.From] = true
		}
		if kept[e.From] && e.Predicate == graph.Participant {
			people[e.From] = append(people[e.From], e.To)
		}
	}
	for _, ps := range people {
		for _, a := range ps {
			for _, b := range ps {
				shared[[2]string{a, b}] = true
			}
		}
	}
	return subgraph(m, keep, func(e graph.Edge) bool {
		return e.Predicate != graph.Met || shared[[2]string{e.From, e.To}]
	}), nil
}

// Induced returns the nodes of m whose IRIs are in ids, with the edges among
// them: the graph behind the result of a stored query. IDs not in m are
// ignored.
func Induced(m *graph.Model, ids []string) *graph.Model {
	keep := map[string]bool{}
	for _, id := range ids {
		if m.Nodes[id] != nil {
			keep[id] = true
		}
	}
	return subgraph(m, keep, nil)
}

func isMeeting(m *graph.Model, id string) bool {
	n := m.Nodes[id]
	return n != nil && n.Type == graph.ClassMeeting
}

// adjacency lists each node's neighbours along edges in either direction.
func adjacency(m *graph.Model) map[string][]string {
	adj := map[string][]string{}
	for _, e := range m.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		if e.To != e.From {
			adj[e.To] = append(adj[e.To], e.From)
		}
	}
	return adj
}

// subgraph copies the nodes of m in keep and the edges between them that
// pass keepEdge (all of them when keepEdge is nil), with their attributes.
func subgraph(m *graph.Model, keep map[string]bool, keepEdge func(graph.Edge) bool) *graph.Model {
	out := graph.NewModel()
	for id := range keep {
		out.Nodes[id] = copyNode(m.Nodes[id])
	}
	out.Undirected = m.Undirected
	for _, e := range m.Edges {
		if !keep[e.From] || !keep[e.To] || (keepEdge != nil && !keepEdge(e)) {
			continue
		}
		out.Edges = append(out.Edges, copyEdge(e))
	}
	out.Finish()
	return out
}

func copyNode(n *graph.Node) *graph.Node {
	c := &graph.Node{ID: n.ID, Type: n.Type, Name: n.Name, Attrs: make(map[string][]string, len(n.Attrs))}
	for k, v := range n.Attrs {
		c.Attrs[k] = append([]string(nil), v...)
	}
	return c
}

func copyEdge(e graph.Edge) graph.Edge {
	e.Sources = append([]string(nil), e.Sources...)
	return e
}

// sortedKeys returns the keys of a set in order.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
