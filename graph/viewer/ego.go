package viewer

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parley/parley/graph"
	"github.com/parley/parley/graph/export"
)

// Depths of the ego network: the default and the largest allowed.
const (
	defaultDepth = 2
	maxDepth     = 4
	// maxNodes bounds a drawing: a deeper ego network that is larger is drawn
	// at a smaller depth, and one still larger at depth 1 is cut.
	maxNodes = 250
)

// Drawing is a laid-out ego network, as drawn and as /api/ego answers.
type Drawing struct {
	Width     float64     `json:"width"`
	Height    float64     `json:"height"`
	Centers   []string    `json:"centers"`
	Depth     int         `json:"depth"`     // the depth drawn
	Asked     int         `json:"asked"`     // the depth asked for
	Truncated bool        `json:"truncated"` // nodes were left out to stay within maxNodes
	Nodes     []DrawnNode `json:"nodes"`
	Edges     []DrawnEdge `json:"edges"`
}

// DrawnNode is a node with its position (SVG user units, y down).
type DrawnNode struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Label    string  `json:"label"` // the text drawn next to it
	Title    string  `json:"title"` // the tooltip
	Kind     string  `json:"kind,omitempty"`
	Status   string  `json:"status,omitempty"`
	Date     string  `json:"date,omitempty"`
	Meetings int     `json:"meetings"`
	Center   bool    `json:"center"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
}

// DrawnEdge is a drawn edge with its end points.
type DrawnEdge struct {
	From      string  `json:"from"`
	To        string  `json:"to"`
	Predicate string  `json:"predicate"`
	X1        float64 `json:"x1"`
	Y1        float64 `json:"y1"`
	X2        float64 `json:"x2"`
	Y2        float64 `json:"y2"`
}

// drawOrder puts small, numerous nodes below and meetings on top, so that
// the meeting markers are never covered.
var drawOrder = map[string]int{
	graph.ClassTopic: 0, graph.ClassProject: 1, graph.ClassCountry: 2, graph.ClassOrganization: 2,
	graph.ClassCity: 3, graph.ClassPerson: 4, graph.ClassMeeting: 5,
}

// maxCached bounds the drawings an index keeps.
const maxCached = 64

// drawingCache keeps recent drawings: the graph does not change, and every
// click in the page asks for the same drawing again.
type drawingCache struct {
	mu sync.Mutex
	m  map[string]*Drawing
}

// ego returns the drawing of the ego network of centers (drawable node
// IRIs) at depth, from the cache when it was drawn before. Drawings are
// shared: callers must not change them.
func (ix *index) ego(centers []string, depth int) (*Drawing, error) {
	key := fmt.Sprint(depth, centers)
	ix.cache.mu.Lock()
	d := ix.cache.m[key]
	ix.cache.mu.Unlock()
	if d != nil {
		return d, nil
	}
	d, err := ix.draw1(centers, depth)
	if err != nil {
		return nil, err
	}
	ix.cache.mu.Lock()
	if ix.cache.m == nil || len(ix.cache.m) >= maxCached {
		ix.cache.m = map[string]*Drawing{} // simple and bounded
	}
	ix.cache.m[key] = d
	ix.cache.mu.Unlock()
	return d, nil
}

// draw1 lays out and describes one ego network.
func (ix *index) draw1(centers []string, depth int) (*Drawing, error) {
	d := &Drawing{Width: viewWidth, Centers: centers, Depth: depth, Asked: depth}
	sub, err := egoModel(ix, centers, depth)
	if err != nil {
		return nil, err
	}
	d.Depth = sub.depth
	d.Truncated = sub.truncated

	isCenter := map[string]bool{}
	for _, c := range centers {
		isCenter[c] = true
	}
	ids := sub.IDs()
	at := map[string]int{}
	for i, id := range ids {
		at[id] = i
		n := ix.m.Nodes[id]
		d.Nodes = append(d.Nodes, DrawnNode{ID: id, Name: ix.ref(id).Name, Type: n.Type, Center: isCenter[id]})
	}
	var pairs [][2]int
	for _, e := range sub.Edges {
		pairs = append(pairs, [2]int{at[e.From], at[e.To]})
	}
	boxes := make([]box, len(ids))
	for i, dn := range d.Nodes {
		boxes[i] = ix.box(dn)
	}
	pos, height := place(boxes, pairs)
	d.Height = round1(height)

	for i := range d.Nodes {
		dn := &d.Nodes[i]
		n := ix.m.Nodes[dn.ID]
		dn.X, dn.Y = round1(pos[i].X), round1(pos[i].Y)
		dn.Label, dn.Title = dn.Name, dn.Name
		switch n.Type {
		case graph.ClassMeeting:
			dn.Kind, dn.Status, dn.Date = n.Attr(graph.Kind), n.Attr(graph.Status), n.Attr(graph.Date)
			dn.Label = dn.Date
			dn.Title = dn.Name
			if dn.Date != "" {
				dn.Title += ", " + dn.Date
			}
			if k := kindText(dn.Kind); k != "" {
				dn.Title += ", " + k
			}
			if dn.Status == "planned" {
				dn.Title += " (planned)"
			}
			dn.Meetings = 1
		case graph.ClassTopic, graph.ClassProject:
			dn.Label = shorten(dn.Name, 28)
			dn.Meetings = len(ix.meetingIDs(dn.ID))
		default:
			dn.Meetings = len(ix.meetingIDs(dn.ID))
		}
	}
	for _, e := range sub.Edges {
		a, b := d.Nodes[at[e.From]], d.Nodes[at[e.To]]
		d.Edges = append(d.Edges, DrawnEdge{From: e.From, To: e.To, Predicate: e.Predicate, X1: a.X, Y1: a.Y, X2: b.X, Y2: b.Y})
	}
	sort.SliceStable(d.Nodes, func(i, j int) bool {
		a, b := d.Nodes[i], d.Nodes[j]
		if drawOrder[a.Type] != drawOrder[b.Type] {
			return drawOrder[a.Type] < drawOrder[b.Type]
		}
		return a.ID < b.ID
	})
	return d, nil
}

// R is the radius of the node's marker.
func (n DrawnNode) R() float64 {
	switch n.Type {
	case graph.ClassPerson:
		if n.Center {
			return 20
		}
		return 15
	case graph.ClassCity:
		return 10
	case graph.ClassMeeting:
		return 7
	case graph.ClassCountry, graph.ClassOrganization:
		return 8
	}
	return 6
}

// BoxSize, BoxX and BoxY place the square marker of a meeting.
func (n DrawnNode) BoxSize() float64 { return 2 * n.R() }
func (n DrawnNode) BoxX() float64    { return n.X - n.R() }
func (n DrawnNode) BoxY() float64    { return n.Y - n.R() }

// sideLabel reports whether the label goes to the right of the marker
// (topics and projects) rather than below it.
func (n DrawnNode) sideLabel() bool {
	return n.Type == graph.ClassTopic || n.Type == graph.ClassProject
}

// LabelX and LabelY place the node's label.
func (n DrawnNode) LabelX() float64 {
	if n.sideLabel() {
		return n.X + n.R() + 4
	}
	return n.X
}

func (n DrawnNode) LabelY() float64 {
	if n.sideLabel() {
		return n.Y + 4
	}
	return n.Y + n.R() + 13
}

// Class is the node's CSS classes: its type, and whether it is a center,
// the selected node, a call or a planned meeting.
func (n DrawnNode) Class(selected string) string {
	c := "node nav " + strings.ToLower(n.Type)
	if n.Center {
		c += " center"
	}
	if n.ID == selected {
		c += " selected"
	}
	if n.Type == graph.ClassMeeting {
		if n.Kind != "" && n.Kind != "in_person" {
			c += " remote"
		}
		if n.Status == "planned" {
			c += " planned"
		}
	}
	return c
}

// box estimates the room a node and its label take (label widths from
// average glyph widths of the page's sans-serif fonts).
func (ix *index) box(dn DrawnNode) box {
	r := dn.R()
	label := dn.Name
	switch dn.Type {
	case graph.ClassMeeting:
		label = ix.m.Nodes[dn.ID].Attr(graph.Date)
	case graph.ClassTopic, graph.ClassProject:
		// to the right of the marker, 10.5px type
		w := float64(utf8.RuneCountInString(shorten(label, 28))) * 6.2
		return box{Left: r, Right: r + 4 + w, Up: math.Max(r, 8), Down: math.Max(r, 5)}
	}
	perChar := 7.2 // 12px
	switch {
	case dn.Type == graph.ClassMeeting:
		perChar = 6.0 // 10px
	case dn.Type == graph.ClassPerson && dn.Center:
		perChar = 9.5 // 15px bold
	case dn.Type == graph.ClassPerson:
		perChar = 8.2 // 13px bold
	}
	half := math.Max(r, float64(utf8.RuneCountInString(label))*perChar/2)
	down := r
	if label != "" {
		down = r + 17
	}
	return box{Left: half, Right: half, Up: r, Down: down}
}

// egoSub is an ego network within maxNodes.
type egoSub struct {
	*graph.Model
	depth     int  // the depth used
	truncated bool // cut to maxNodes
}

// egoModel is the ego network of centers at depth, or at a smaller depth
// when that is too large, or cut when even depth 1 is too large.
func egoModel(ix *index, centers []string, depth int) (egoSub, error) {
	for {
		sub, err := export.Ego(ix.draw, centers, depth)
		if err != nil {
			return egoSub{}, err
		}
		if len(sub.Nodes) <= maxNodes {
			return egoSub{Model: sub, depth: depth}, nil
		}
		if depth == 1 {
			return egoSub{Model: ix.cut(sub, centers), depth: 1, truncated: true}, nil
		}
		depth--
	}
}

// cut keeps the centers and then meetings, people, places and the rest, in
// that order, up to maxNodes.
func (ix *index) cut(sub *graph.Model, centers []string) *graph.Model {
	keep := append([]string(nil), centers...)
	var rest []string
	isCenter := map[string]bool{}
	for _, c := range centers {
		isCenter[c] = true
	}
	for _, id := range sub.IDs() {
		if !isCenter[id] {
			rest = append(rest, id)
		}
	}
	rank := map[string]int{graph.ClassMeeting: 0, graph.ClassPerson: 1, graph.ClassCity: 2}
	r := func(id string) int {
		if v, ok := rank[sub.Nodes[id].Type]; ok {
			return v
		}
		return 3
	}
	sort.SliceStable(rest, func(i, j int) bool { return r(rest[i]) < r(rest[j]) })
	for _, id := range rest {
		if len(keep) >= maxNodes {
			break
		}
		keep = append(keep, id)
	}
	return export.Induced(sub, keep)
}

// round1 rounds a coordinate to a tenth of a unit, enough for SVG.
func round1(f float64) float64 { return math.Round(f*10) / 10 }

// shorten cuts s to at most n runes, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// kindText says how a meeting was held.
func kindText(kind string) string {
	switch kind {
	case "in_person":
		return "in person"
	case "phone":
		return "by phone"
	case "video":
		return "by video"
	}
	return kind
}
