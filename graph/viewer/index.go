package viewer

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/parley/parley/graph"
)

// drawnTypes are the node classes that appear in drawings; drawnPredicates
// the edges between them that are drawn.
var (
	drawnTypes = map[string]bool{
		graph.ClassPerson: true, graph.ClassMeeting: true, graph.ClassCity: true, graph.ClassTopic: true,
		graph.ClassProject: true, graph.ClassOrganization: true, graph.ClassCountry: true,
	}
	drawnPredicates = map[string]bool{
		graph.Participant: true, graph.At: true, graph.Discussed: true, graph.BuiltBy: true,
	}
	// resolveOrder is the order in which classes are tried when a typed
	// name matches by tokens only.
	resolveOrder = []string{graph.ClassPerson, graph.ClassCity, graph.ClassTopic, graph.ClassProject,
		graph.ClassOrganization, graph.ClassCountry}
	// suggestTypes are the classes offered as suggestions.
	suggestTypes = map[string]bool{
		graph.ClassPerson: true, graph.ClassCity: true, graph.ClassTopic: true, graph.ClassProject: true,
	}
)

// index is a snapshot of the graph with what the handlers look up, built
// once and then only read.
type index struct {
	m     *graph.Model
	draw  *graph.Model            // the drawable part: drawnTypes joined by drawnPredicates
	out   map[string][]graph.Edge // edges by From
	in    map[string][]graph.Edge // edges by To
	stmts map[string][]*graph.Node
	names []*entry // named drawable nodes, sorted by ID
	cache drawingCache
}

// entry is a drawable node as found by name.
type entry struct {
	node     *graph.Node
	folded   string   // name, folded and reduced to its tokens joined by spaces
	aliases  []string // aliases, folded likewise
	tokens   map[string]bool
	meetings int
}

func newIndex(m *graph.Model) *index {
	ix := &index{
		m:     m,
		draw:  graph.NewModel(),
		out:   map[string][]graph.Edge{},
		in:    map[string][]graph.Edge{},
		stmts: map[string][]*graph.Node{},
	}
	for _, e := range m.Edges {
		ix.out[e.From] = append(ix.out[e.From], e)
		ix.in[e.To] = append(ix.in[e.To], e)
	}
	for _, id := range m.IDs() {
		n := m.Nodes[id]
		if n.Type == graph.ClassStatement {
			for _, e := range ix.out[id] {
				if e.Predicate == graph.Subject {
					ix.stmts[e.To] = append(ix.stmts[e.To], n)
				}
			}
		}
		if !drawnTypes[n.Type] {
			continue
		}
		ix.draw.Nodes[id] = n
		if n.Type == graph.ClassMeeting {
			continue
		}
		en := &entry{node: n, folded: folded(n.Name), tokens: map[string]bool{}}
		for _, a := range n.Attrs[graph.Alias] {
			en.aliases = append(en.aliases, folded(a))
		}
		for _, s := range append(append([]string{n.Name}, n.Attrs[graph.Alias]...), n.Attrs[graph.Key]...) {
			for _, t := range graph.Tokens(s) {
				en.tokens[t] = true
			}
		}
		en.meetings = len(ix.meetingIDs(id))
		ix.names = append(ix.names, en)
	}
	for _, e := range m.Edges {
		if drawnPredicates[e.Predicate] && ix.draw.Nodes[e.From] != nil && ix.draw.Nodes[e.To] != nil {
			ix.draw.Edges = append(ix.draw.Edges, e)
		}
	}
	ix.draw.Finish()
	return ix
}

// folded is s folded (graph.Fold) and reduced to its word tokens joined by
// single spaces, the form in which names are compared.
func folded(s string) string { return strings.Join(graph.Tokens(s), " ") }

// nodeID returns the IRI of the node that s names as a full IRI or relative
// to graph.IDNS, or "".
func (ix *index) nodeID(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, id := range []string{s, graph.IDNS + s} {
		if ix.m.Nodes[id] != nil {
			return id
		}
	}
	return ""
}

// resolve turns what was typed into the IRIs of the drawable nodes it names:
// a node IRI; else the nodes whose whole name or alias is q (folded); else
// the nodes of the first class in resolveOrder with every token of q among
// their name, alias and key tokens.
func (ix *index) resolve(q string) []string {
	if id := ix.nodeID(q); id != "" && ix.draw.Nodes[id] != nil {
		return []string{id}
	}
	f := folded(q)
	if f == "" {
		return nil
	}
	var out []string
	for _, en := range ix.names {
		if en.folded == f || contains(en.aliases, f) {
			out = append(out, en.node.ID)
		}
	}
	if len(out) > 0 {
		return out
	}
	toks := graph.Tokens(q)
	for _, class := range resolveOrder {
		for _, en := range ix.names {
			if en.node.Type == class && hasAll(en.tokens, toks) {
				out = append(out, en.node.ID)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasAll(set map[string]bool, toks []string) bool {
	for _, t := range toks {
		if !set[t] {
			return false
		}
	}
	return len(toks) > 0
}

// Suggestion is one answer of /api/suggest.
type Suggestion struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Meetings int    `json:"meetings"`
	Alias    string `json:"alias,omitempty"` // the alias that matched, when the name did not
}

// maxSuggestions bounds the answer of /api/suggest.
const maxSuggestions = 10

// suggest returns the persons, places, topics and projects whose folded name
// starts with the folded prefix, then those with a later word starting with
// it, then those with such an alias; within each group the most met first.
func (ix *index) suggest(prefix string) []Suggestion {
	f := folded(prefix)
	if f == "" {
		return []Suggestion{}
	}
	// A prefix ending in a separator wants a whole word: "vladimir " must
	// not suggest "Vladimirov".
	if r := prefix[len(prefix)-1]; r == ' ' || r == '-' {
		f += " "
	}
	match := func(name string) int {
		switch {
		case strings.HasPrefix(name+" ", f):
			return 0
		case strings.Contains(" "+name+" ", " "+f):
			return 1
		}
		return -1
	}
	type hit struct {
		en    *entry
		rank  int
		alias string
	}
	var hits []hit
	for _, en := range ix.names {
		if !suggestTypes[en.node.Type] {
			continue
		}
		if r := match(en.folded); r >= 0 {
			hits = append(hits, hit{en: en, rank: r})
			continue
		}
		for i, a := range en.aliases {
			if match(a) >= 0 {
				hits = append(hits, hit{en: en, rank: 2, alias: en.node.Attrs[graph.Alias][i]})
				break
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.en.meetings != b.en.meetings {
			return a.en.meetings > b.en.meetings
		}
		return a.en.node.Name < b.en.node.Name
	})
	out := []Suggestion{}
	for _, h := range hits {
		if len(out) == maxSuggestions {
			break
		}
		out = append(out, Suggestion{ID: h.en.node.ID, Name: h.en.node.Name, Type: h.en.node.Type, Meetings: h.en.meetings, Alias: h.alias})
	}
	return out
}

// examples returns up to n persons with the most meetings, to start from.
func (ix *index) examples(n int) []Ref {
	var ps []*entry
	for _, en := range ix.names {
		if en.node.Type == graph.ClassPerson && en.meetings > 0 {
			ps = append(ps, en)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].meetings != ps[j].meetings {
			return ps[i].meetings > ps[j].meetings
		}
		return ps[i].node.Name < ps[j].node.Name
	})
	var out []Ref
	for i := 0; i < len(ps) && i < n; i++ {
		out = append(out, ix.ref(ps[i].node.ID))
	}
	return out
}

// Ref names a node.
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

func (ix *index) ref(id string) Ref {
	n := ix.m.Nodes[id]
	if n == nil {
		return Ref{ID: id, Name: graph.Local(id)}
	}
	name := n.Name
	if name == "" {
		name = graph.Local(id)
	}
	return Ref{ID: id, Name: name, Type: n.Type}
}

// targets returns the nodes that id points to with predicate, in order.
func (ix *index) targets(id, predicate string) []string {
	var out []string
	for _, e := range ix.out[id] {
		if e.Predicate == predicate {
			out = append(out, e.To)
		}
	}
	return out
}

func (ix *index) refs(ids []string) []Ref {
	out := []Ref{}
	for _, id := range ids {
		out = append(out, ix.ref(id))
	}
	return out
}

// meetingIDs returns the meetings a node takes part in: itself for a
// meeting, else the meetings with an edge to it (participant, at, discussed,
// source), latest first, undated last.
func (ix *index) meetingIDs(id string) []string {
	n := ix.m.Nodes[id]
	if n == nil {
		return nil
	}
	if n.Type == graph.ClassMeeting {
		return []string{id}
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range ix.in[id] {
		if m := ix.m.Nodes[e.From]; m != nil && m.Type == graph.ClassMeeting && !seen[e.From] {
			seen[e.From] = true
			out = append(out, e.From)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := ix.m.Nodes[out[i]], ix.m.Nodes[out[j]]
		da, db := a.Attr(graph.Date), b.Attr(graph.Date)
		if (da == "") != (db == "") {
			return da != ""
		}
		if da != db {
			return da > db
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	return out
}

// Meeting is a meeting as shown in the details panel and /api/node.
type Meeting struct {
	ID           string     `json:"id"`
	Name         string     `json:"name"`
	Date         string     `json:"date"`
	Kind         string     `json:"kind"`
	Status       string     `json:"status"`
	Places       []Ref      `json:"places"`
	Participants []Ref      `json:"participants"`
	Topics       []Ref      `json:"topics"`
	Evidence     []Evidence `json:"evidence"`
}

// Evidence is what one source article says about a meeting.
type Evidence struct {
	Article   *Article `json:"article"` // nil: sentences whose article is not known
	Sentences []string `json:"sentences"`
}

// Article is a source article.
type Article struct {
	ID        string `json:"id"`
	Headline  string `json:"headline"`
	Path      string `json:"path"`
	Published string `json:"published,omitempty"`
	Lang      string `json:"lang,omitempty"`
}

func (ix *index) article(id string) *Article {
	n := ix.m.Nodes[id]
	if n == nil {
		return &Article{ID: id, Headline: graph.Local(id)}
	}
	a := &Article{ID: id, Headline: n.Name, Path: n.Attr(graph.Path), Published: n.Attr(graph.Published), Lang: n.Attr(graph.Lang)}
	if a.Headline == "" {
		a.Headline = graph.Local(id)
	}
	return a
}

func (ix *index) meeting(id string) Meeting {
	n := ix.m.Nodes[id]
	mt := Meeting{ID: id, Name: n.Name, Date: n.Attr(graph.Date), Kind: n.Attr(graph.Kind), Status: n.Attr(graph.Status)}
	if mt.Name == "" {
		mt.Name = "Meeting " + graph.Local(id)
	}
	mt.Places = ix.refs(ix.targets(id, graph.At))
	mt.Participants = ix.refs(ix.targets(id, graph.Participant))
	mt.Topics = ix.refs(ix.targets(id, graph.Discussed))
	mt.Evidence = ix.evidence(id)
	return mt
}

// evidence groups the sentences behind a meeting by source article: the
// evidence of the statements about the meeting, by their source and in the
// order of the text, and the meeting's own evidence sentences, placed under
// the articles whose statements quote them (or under its only source).
// Every source article appears, even one without a sentence.
func (ix *index) evidence(meetingID string) []Evidence {
	type sent struct {
		text string
		off  int
	}
	per := map[string]map[string]int{} // article → sentence → first offset
	add := func(art, text string, off int) {
		if per[art] == nil {
			per[art] = map[string]int{}
		}
		if old, ok := per[art][text]; !ok || off < old {
			per[art][text] = off
		}
	}
	sources := ix.targets(meetingID, graph.Source)
	for _, a := range sources {
		if per[a] == nil {
			per[a] = map[string]int{}
		}
	}
	for _, st := range ix.stmts[meetingID] {
		off := math.MaxInt32
		if o, err := strconv.Atoi(st.Attr(graph.Offset)); err == nil {
			off = o
		}
		for _, a := range ix.targets(st.ID, graph.Source) {
			for _, ev := range st.Attrs[graph.Evidence] {
				add(a, ev, off)
			}
		}
	}
	for _, ev := range ix.m.Nodes[meetingID].Attrs[graph.Evidence] {
		placed := false
		for _, s := range per {
			if _, ok := s[ev]; ok {
				placed = true
			}
		}
		if placed {
			continue
		}
		if len(sources) == 1 {
			add(sources[0], ev, math.MaxInt32)
		} else {
			add("", ev, math.MaxInt32)
		}
	}
	arts := make([]string, 0, len(per))
	for a := range per {
		arts = append(arts, a)
	}
	sort.Slice(arts, func(i, j int) bool {
		if (arts[i] == "") != (arts[j] == "") {
			return arts[i] != ""
		}
		return arts[i] < arts[j]
	})
	out := []Evidence{}
	for _, a := range arts {
		var ss []sent
		for text, off := range per[a] {
			ss = append(ss, sent{text, off})
		}
		sort.Slice(ss, func(i, j int) bool {
			if ss[i].off != ss[j].off {
				return ss[i].off < ss[j].off
			}
			return ss[i].text < ss[j].text
		})
		ev := Evidence{Sentences: []string{}}
		if a != "" {
			ev.Article = ix.article(a)
		}
		for _, s := range ss {
			ev.Sentences = append(ev.Sentences, s.text)
		}
		out = append(out, ev)
	}
	return out
}

// NodeInfo is a node as shown in the details panel and /api/node.
type NodeInfo struct {
	ID       string              `json:"id"`
	Name     string              `json:"name"`
	Type     string              `json:"type"`
	Aliases  []string            `json:"aliases,omitempty"`
	Roles    []string            `json:"roles,omitempty"`
	Attrs    map[string][]string `json:"attrs"`
	Links    []Link              `json:"links,omitempty"`
	Meetings []Meeting           `json:"meetings"`
}

// Link is an edge from the node that is not drawn: country, located in,
// built by.
type Link struct {
	Predicate string `json:"predicate"`
	To        Ref    `json:"to"`
}

// hiddenAttrs are the literal attributes not worth showing.
var hiddenAttrs = map[string]bool{graph.Key: true, graph.Hash: true}

func (ix *index) node(id string) *NodeInfo {
	n := ix.m.Nodes[id]
	if n == nil {
		return nil
	}
	r := ix.ref(id)
	info := &NodeInfo{ID: id, Name: r.Name, Type: n.Type, Aliases: n.Attrs[graph.Alias], Roles: n.Attrs[graph.Role],
		Attrs: map[string][]string{}, Meetings: []Meeting{}}
	for k, v := range n.Attrs {
		if !hiddenAttrs[k] {
			info.Attrs[k] = v
		}
	}
	for _, e := range ix.out[id] {
		switch e.Predicate {
		case graph.Country, graph.LocatedIn, graph.BuiltBy:
			info.Links = append(info.Links, Link{Predicate: e.Predicate, To: ix.ref(e.To)})
		}
	}
	for _, mid := range ix.meetingIDs(id) {
		info.Meetings = append(info.Meetings, ix.meeting(mid))
	}
	return info
}
