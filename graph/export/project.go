package export

import (
	"sort"
	"strconv"

	"github.com/parley/parley/graph"
)

// Pair is two people who share at least one meeting, as seen by
// PersonProjection.
type Pair struct {
	A, B     string   // person IRIs, A < B
	Meetings []string // IRIs of the shared meetings, sorted
	First    string   // earliest meeting date as stored ("" if none is dated)
	Last     string   // latest meeting date as stored
	Kinds    []string // meeting kinds, sorted, unique
	Sources  []string // article IRIs behind the meetings, sorted, unique
	Topics   []string // names of the topics discussed, sorted, unique (withTopics only)
}

// Weight is the number of meetings the pair shares.
func (p Pair) Weight() int { return len(p.Meetings) }

// Pairs lists, in order of (A, B), every pair of people who are both
// participants of at least one meeting of m. A meeting's people are the
// Person nodes its `participant` edges point to. Dates are ordered by the
// first day they cover and then by the last, so among "2024" and
// "2024-03-05" the first is "2024" and the last "2024-03-05". A meeting's
// sources are the targets of its `source` edges and the articles behind its
// `participant` edges.
func Pairs(m *graph.Model, withTopics bool) []Pair {
	type meeting struct {
		people, topics, sources []string
	}
	meetings := map[string]*meeting{}
	get := func(id string) *meeting {
		mt := meetings[id]
		if mt == nil {
			mt = &meeting{}
			meetings[id] = mt
		}
		return mt
	}
	for _, e := range m.Edges {
		if !isMeeting(m, e.From) {
			continue
		}
		switch e.Predicate {
		case graph.Participant:
			if n := m.Nodes[e.To]; n != nil && n.Type == graph.ClassPerson {
				mt := get(e.From)
				mt.people = append(mt.people, e.To)
				mt.sources = append(mt.sources, e.Sources...)
			}
		case graph.Discussed:
			get(e.From).topics = append(get(e.From).topics, displayName(m.Nodes[e.To]))
		case graph.Source:
			get(e.From).sources = append(get(e.From).sources, e.To)
		}
	}

	type acc struct {
		meetings, kinds, sources, topics map[string]bool
	}
	pairs := map[[2]string]*acc{}
	for id, mt := range meetings {
		people := uniqSorted(mt.people)
		n := m.Nodes[id]
		for i, a := range people {
			for _, b := range people[i+1:] {
				p := pairs[[2]string{a, b}]
				if p == nil {
					p = &acc{map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}}
					pairs[[2]string{a, b}] = p
				}
				p.meetings[id] = true
				for _, k := range n.Attrs[graph.Kind] {
					p.kinds[k] = true
				}
				for _, s := range mt.sources {
					p.sources[s] = true
				}
				if withTopics {
					for _, t := range mt.topics {
						p.topics[t] = true
					}
				}
			}
		}
	}

	out := make([]Pair, 0, len(pairs))
	for k, a := range pairs {
		p := Pair{A: k[0], B: k[1], Meetings: sortedKeys(a.meetings), Kinds: sortedKeys(a.kinds), Sources: sortedKeys(a.sources)}
		if withTopics {
			p.Topics = sortedKeys(a.topics)
		}
		p.First, p.Last = dateRange(m, p.Meetings)
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out
}

// dateRange returns the earliest and latest dates of the given meetings.
func dateRange(m *graph.Model, meetings []string) (first, last string) {
	type dated struct {
		s  string
		sp span
	}
	var ds []dated
	for _, id := range meetings {
		for _, d := range m.Nodes[id].Attrs[graph.Date] {
			if sp, ok := parseSpan(d); ok {
				ds = append(ds, dated{d, sp})
			}
		}
	}
	if len(ds) == 0 {
		return "", ""
	}
	sort.Slice(ds, func(i, j int) bool {
		if ds[i].sp.start != ds[j].sp.start {
			return ds[i].sp.start < ds[j].sp.start
		}
		return ds[i].sp.end < ds[j].sp.end
	})
	return ds[0].s, ds[len(ds)-1].s
}

// PersonProjection returns the person–person graph of m: every Person node
// of m, and one undirected `met` edge per Pair, from the smaller IRI to the
// larger, whose Sources are the pair's articles. The edges' other attributes,
// available through EdgeAttrs and written by every writer, are "weight" (the
// number of shared meetings), "date" and "first" (earliest date), "last",
// "kinds", "meetings" and, if withTopics, "topics" (sorted topic names).
func PersonProjection(m *graph.Model, withTopics bool) *graph.Model {
	out := graph.NewModel()
	for id, n := range m.Nodes {
		if n.Type == graph.ClassPerson {
			out.Nodes[id] = copyNode(n)
		}
	}
	out.Undirected = true
	for _, p := range Pairs(m, withTopics) {
		a := map[string][]string{
			"weight":   {strconv.Itoa(p.Weight())},
			"meetings": p.Meetings,
			"kinds":    p.Kinds,
		}
		if p.First != "" {
			a["date"] = []string{p.First}
			a["first"] = []string{p.First}
			a["last"] = []string{p.Last}
		}
		if withTopics {
			a["topics"] = p.Topics
		}
		out.Edges = append(out.Edges, graph.Edge{From: p.A, To: p.B, Predicate: graph.Met, Sources: p.Sources, Attrs: a})
	}
	out.Finish()
	return out
}

// EdgeAttrs returns the extra attributes of an edge of a model made by
// PersonProjection (or of a selection of such a model): "weight" (the number
// of shared meetings), "date" and "first" (the earliest meeting date), "last"
// (the latest), "kinds", "meetings" and, when topics were asked for,
// "topics". It returns nil for an edge of any other model.
func EdgeAttrs(m *graph.Model, e graph.Edge) map[string][]string { return e.Attrs }

// Undirected reports whether the edges of m are meant as undirected, as they
// are in a model made by PersonProjection.
func Undirected(m *graph.Model) bool { return m.Undirected }

// displayName is a node's name, or the last segment of its IRI.
func displayName(n *graph.Node) string {
	if n.Name != "" {
		return n.Name
	}
	return graph.Local(n.ID)
}

func uniqSorted(v []string) []string {
	set := map[string]bool{}
	for _, s := range v {
		set[s] = true
	}
	return sortedKeys(set)
}
