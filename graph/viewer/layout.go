package viewer

import (
	"math"
	"math/rand/v2"
	"sort"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/spatial/r2"
)

// Size of the drawing, in SVG user units. The height adapts to the shape of
// the layout within [minHeight, maxHeight].
const (
	viewWidth  = 1000.0
	minHeight  = 560.0
	maxHeight  = 900.0
	viewMargin = 70.0 // room for labels
	minGap     = 8.0  // space kept between nodes' boxes after the layout
)

// layoutGraph is the undirected graph handed to gonum's layout: node i is
// simple.Node(i), and every iteration is in ascending ID order, so the
// layout is the same on every run (simple.UndirectedGraph iterates over a
// map, which would make the random start, and so the drawing, differ).
type layoutGraph struct {
	adj [][]int64 // sorted neighbours
}

func newLayoutGraph(n int, edges [][2]int) *layoutGraph {
	g := &layoutGraph{adj: make([][]int64, n)}
	seen := map[[2]int]bool{}
	for _, e := range edges {
		a, b := e[0], e[1]
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		g.adj[a] = append(g.adj[a], int64(b))
		g.adj[b] = append(g.adj[b], int64(a))
	}
	for _, a := range g.adj {
		sort.Slice(a, func(i, j int) bool { return a[i] < a[j] })
	}
	return g
}

func (g *layoutGraph) Node(id int64) gg.Node {
	if id < 0 || id >= int64(len(g.adj)) {
		return nil
	}
	return simple.Node(id)
}

func (g *layoutGraph) Nodes() gg.Nodes {
	ns := make([]gg.Node, len(g.adj))
	for i := range ns {
		ns[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *layoutGraph) From(id int64) gg.Nodes {
	if g.Node(id) == nil {
		return gg.Empty
	}
	ns := make([]gg.Node, len(g.adj[id]))
	for i, b := range g.adj[id] {
		ns[i] = simple.Node(b)
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *layoutGraph) HasEdgeBetween(x, y int64) bool {
	if g.Node(x) == nil || g.Node(y) == nil {
		return false
	}
	a := g.adj[x]
	i := sort.Search(len(a), func(i int) bool { return a[i] >= y })
	return i < len(a) && a[i] == y
}

func (g *layoutGraph) Edge(u, v int64) gg.Edge {
	if !g.HasEdgeBetween(u, v) {
		return nil
	}
	return simple.Edge{F: simple.Node(u), T: simple.Node(v)}
}

// box is the space a node takes around its position: its marker and its
// label, as distances from the position (all positive).
type box struct{ Left, Right, Up, Down float64 }

// place lays out len(boxes) nodes joined by edges (pairs of node indexes) and
// returns their coordinates within a viewWidth × height box (height is
// returned too), at least viewMargin from every side, with the nodes' boxes
// apart where the room allows. The result is deterministic, every
// coordinate is finite and no two nodes share a position.
func place(boxes []box, edges [][2]int) ([]r2.Vec, float64) {
	n := len(boxes)
	switch n {
	case 0:
		return nil, minHeight
	case 1:
		return []r2.Vec{{X: viewWidth / 2, Y: minHeight / 2}}, minHeight
	}
	pos := eades(n, edges, defaultEades)
	if !usable(pos) {
		pos = circle(n)
	}
	height := fit(pos)
	spread(pos, boxes, height)
	return pos, height
}

// usable reports whether a layout has only finite coordinates and is not
// collapsed to a point.
func usable(pos []r2.Vec) bool {
	for _, p := range pos {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			return false
		}
	}
	lo, hi := bounds(pos)
	return hi.X-lo.X > 1e-9 || hi.Y-lo.Y > 1e-9
}

// circle is the fallback layout: nodes evenly on a circle.
func circle(n int) []r2.Vec {
	pos := make([]r2.Vec, n)
	for i := range pos {
		a := 2 * math.Pi * float64(i) / float64(n)
		pos[i] = r2.Vec{X: math.Cos(a), Y: math.Sin(a)}
	}
	return pos
}

func bounds(pos []r2.Vec) (lo, hi r2.Vec) {
	lo = r2.Vec{X: math.Inf(1), Y: math.Inf(1)}
	hi = r2.Vec{X: math.Inf(-1), Y: math.Inf(-1)}
	for _, p := range pos {
		lo.X, lo.Y = math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)
		hi.X, hi.Y = math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)
	}
	return lo, hi
}

// fit scales and moves pos into the drawing box, keeping the layout's
// proportions where the height limits allow, and returns the height.
func fit(pos []r2.Vec) float64 {
	lo, hi := bounds(pos)
	w, h := hi.X-lo.X, hi.Y-lo.Y
	innerW := viewWidth - 2*viewMargin
	height := minHeight
	if w > 1e-9 {
		height = math.Max(minHeight, math.Min(maxHeight, h/w*innerW+2*viewMargin))
	}
	innerH := height - 2*viewMargin
	sx, sy := 0.0, 0.0
	if w > 1e-9 {
		sx = innerW / w
	}
	if h > 1e-9 {
		sy = innerH / h
	}
	// One scale for both axes unless that would leave the box half empty.
	s := math.Min(sx, sy)
	if sx == 0 || sy == 0 {
		s = math.Max(sx, sy)
	}
	for i, p := range pos {
		x, y := viewWidth/2, height/2
		if w > 1e-9 {
			x = viewMargin + (innerW-w*s)/2 + (p.X-lo.X)*s
		}
		if h > 1e-9 {
			y = viewMargin + (innerH-h*s)/2 + (p.Y-lo.Y)*s
		}
		pos[i] = r2.Vec{X: x, Y: y}
	}
	return height
}

// spread moves apart nodes whose boxes (with minGap around them) overlap,
// along the axis where they overlap least, for a number of rounds, keeping
// them in the drawing; then it separates any nodes that still coincide.
func spread(pos []r2.Vec, boxes []box, height float64) {
	clamp := func(p r2.Vec) r2.Vec {
		p.X = math.Max(viewMargin, math.Min(viewWidth-viewMargin, p.X))
		p.Y = math.Max(viewMargin, math.Min(height-viewMargin, p.Y))
		return p
	}
	const pad = minGap / 2
	for round := 0; round < 100; round++ {
		moved := false
		for i := range pos {
			a := boxes[i]
			for j := i + 1; j < len(pos); j++ {
				b := boxes[j]
				// overlap of [xi-Left-pad, xi+Right+pad] and the same for j
				ox := math.Min(pos[i].X+a.Right, pos[j].X+b.Right) - math.Max(pos[i].X-a.Left, pos[j].X-b.Left) + 2*pad
				oy := math.Min(pos[i].Y+a.Down, pos[j].Y+b.Down) - math.Max(pos[i].Y-a.Up, pos[j].Y-b.Up) + 2*pad
				if ox <= 0 || oy <= 0 {
					continue
				}
				var push r2.Vec
				if oy <= ox {
					push.Y = oy/2 + 0.5
					if pos[j].Y < pos[i].Y || (pos[j].Y == pos[i].Y && (i+j)%2 == 0) {
						push.Y = -push.Y
					}
				} else {
					push.X = ox/2 + 0.5
					if pos[j].X < pos[i].X || (pos[j].X == pos[i].X && (i+j)%2 == 0) {
						push.X = -push.X
					}
				}
				pos[i] = clamp(r2.Sub(pos[i], push))
				pos[j] = clamp(r2.Add(pos[j], push))
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	// Clamping can pile nodes on a border; make every position distinct.
	seen := map[[2]int64]bool{}
	for i, p := range pos {
		for k := 0; ; k++ {
			key := [2]int64{int64(math.Round(p.X * 10)), int64(math.Round(p.Y * 10))} // the precision of round1
			if !seen[key] {
				seen[key] = true
				pos[i] = p
				break
			}
			a := float64(k) * 2.39996 // golden angle
			p = clamp(r2.Add(pos[i], r2.Vec{X: 3 * math.Cos(a) * float64(k/8+1), Y: 3 * math.Sin(a) * float64(k/8+1)}))
		}
	}
}

// eadesParams tune the force-directed layout.
type eadesParams struct {
	updates          int
	repulsion, theta float64
	rateHi, rateLo   float64 // the rate cools from rateHi to rateLo
	weighted         bool
}

var defaultEades = eadesParams{updates: 600, repulsion: 0.5, theta: 0.5, rateHi: 0.05, rateLo: 0.001, weighted: true}

// eades runs gonum's EadesR2 with a cooling rate.
func eades(n int, edges [][2]int, p eadesParams) []r2.Vec {
	g := newLayoutGraph(n, edges)
	var lg gg.Graph = g
	if p.weighted {
		lg = weightedLayoutGraph{g}
	}
	e := &layout.EadesR2{
		Updates:   p.updates,
		Repulsion: p.repulsion,
		Rate:      p.rateHi,
		Theta:     p.theta,
		Src:       rand.NewPCG(1, 2),
	}
	opt := layout.NewOptimizerR2(lg, e.Update)
	for i := 0; opt.Update(); i++ {
		// geometric cooling
		e.Rate = p.rateHi * math.Pow(p.rateLo/p.rateHi, float64(i+1)/float64(p.updates))
	}
	pos := make([]r2.Vec, n)
	for i := range pos {
		pos[i] = opt.Coord2(int64(i))
	}
	return pos
}

// weightedLayoutGraph weighs an edge by 1/sqrt(deg(u)·deg(v)), so that a
// meeting with twenty topics does not pull twenty times as hard.
type weightedLayoutGraph struct{ *layoutGraph }

func (g weightedLayoutGraph) Weight(x, y int64) (float64, bool) {
	if !g.HasEdgeBetween(x, y) {
		return 0, false
	}
	return 1 / math.Sqrt(float64(len(g.adj[x])*len(g.adj[y]))), true
}

func (g weightedLayoutGraph) WeightedEdge(u, v int64) gg.WeightedEdge {
	w, ok := g.Weight(u, v)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: w}
}
