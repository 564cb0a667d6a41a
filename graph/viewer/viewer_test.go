package viewer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parley/parley/graph"
	"gonum.org/v1/gonum/spatial/r2"
)

// IRIs of the fixture.
var (
	erdogan = graph.Entity("person", "recep-tayyip-erdogan")
	putin   = graph.Entity("person", "vladimir-putin")
	aliyev  = graph.Entity("person", "ilham-aliyev")
	evil    = graph.Entity("person", "evil")
	sochi   = graph.Entity("city", "sochi")
	ankara  = graph.Entity("city", "ankara")
	russia  = graph.Entity("country", "ru")
	syria   = graph.Entity("topic", "syria")
	grain   = graph.Entity("topic", "grain-deal")
	m1      = graph.Entity("meeting", "m1") // Erdoğan–Putin, Sochi, 2019-10
	m2      = graph.Entity("meeting", "m2") // Erdoğan–Aliyev, Ankara, no date
	m3      = graph.Entity("meeting", "m3") // Putin–Evil by phone, planned, from two articles
	a1      = graph.Entity("article", "a1")
	a2      = graph.Entity("article", "a2")
	st1     = graph.Entity("statement", "s1")
	st2     = graph.Entity("statement", "s2")
)

const (
	evilName     = `<script>alert("x")</script> Evil`
	sochiSay     = "Erdoğan and Putin agreed at a meeting in Sochi in October 2019 to conduct joint patrols in Syria."
	sochiTopic   = "The two leaders discussed the situation in Syria."
	ankaraSay    = "Aliyev was received by Erdoğan in Ankara."
	phoneSayA1   = "Putin will call the evil one."
	phoneSayA2   = "The evil one expects a call from Putin."
	numberTopics = 12 // "Trade 1" … "Trade 12", more than maxSuggestions
)

// fixture is a small graph: three meetings, a statement giving a sentence
// for one of them, articles, a name that is HTML, and many topics with one
// prefix.
func fixture() *graph.Model {
	var qs []graph.Quad
	typ := func(s, class string) {
		qs = append(qs, graph.Quad{Subject: s, Predicate: graph.RDFType, Object: graph.IRITerm(graph.Class(class))})
	}
	lit := func(s, p, v, label string) {
		qs = append(qs, graph.Quad{Subject: s, Predicate: graph.Pred(p), Object: graph.Literal(v), Label: label})
	}
	rel := func(s, p, o, label string) {
		qs = append(qs, graph.Quad{Subject: s, Predicate: graph.Pred(p), Object: graph.IRITerm(o), Label: label})
	}
	named := func(s, class, name string, aliases ...string) {
		typ(s, class)
		lit(s, graph.Name, name, "")
		for _, a := range aliases {
			lit(s, graph.Alias, a, "")
		}
		for _, n := range append([]string{name}, aliases...) {
			for _, t := range graph.Tokens(n) {
				lit(s, graph.Key, t, "")
			}
		}
	}
	named(erdogan, graph.ClassPerson, "Recep Tayyip Erdoğan", "Tayyip Erdogan")
	named(putin, graph.ClassPerson, "Vladimir Putin", "Владимир Путин")
	named(aliyev, graph.ClassPerson, "Ilham Aliyev")
	named(evil, graph.ClassPerson, evilName)
	lit(putin, graph.Role, "head_of_state", a1)
	rel(putin, graph.Country, russia, a1)
	named(russia, graph.ClassCountry, "Russia")
	named(sochi, graph.ClassCity, "Sochi")
	named(ankara, graph.ClassCity, "Ankara")
	named(syria, graph.ClassTopic, "Syria", "Suriye")
	named(grain, graph.ClassTopic, "Grain deal")
	for i := 1; i <= numberTopics; i++ {
		id := graph.Entity("topic", fmt.Sprintf("trade-%d", i))
		named(id, graph.ClassTopic, fmt.Sprintf("Trade %d", i))
		rel(m2, graph.Discussed, id, a2)
	}

	typ(a1, graph.ClassArticle)
	lit(a1, graph.Name, "Erdoğan & Putin <b>meet</b>", a1)
	lit(a1, graph.Path, "news/a1.txt", a1)
	lit(a1, graph.Hash, "h1", a1)
	typ(a2, graph.ClassArticle)
	lit(a2, graph.Name, "Aliyev in Ankara", a2)
	lit(a2, graph.Path, "news/a2.html", a2)

	meeting := func(id, name, date, kind, status string, label string) {
		typ(id, graph.ClassMeeting)
		lit(id, graph.Name, name, label)
		if date != "" {
			qs = append(qs, graph.Quad{Subject: id, Predicate: graph.Pred(graph.Date), Object: graph.Typed(date, graph.XSDGYearMonth), Label: label})
		}
		lit(id, graph.Kind, kind, label)
		lit(id, graph.Status, status, label)
	}
	meeting(m1, "Erdoğan – Putin, Sochi, 2019-10", "2019-10", "in_person", "held", a1)
	rel(m1, graph.Participant, erdogan, a1)
	rel(m1, graph.Participant, putin, a1)
	rel(m1, graph.At, sochi, a1)
	rel(m1, graph.Discussed, syria, a1)
	rel(m1, graph.Source, a1, a1)
	lit(m1, graph.Evidence, sochiSay, a1)
	rel(erdogan, graph.Met, putin, a1)
	rel(putin, graph.Met, erdogan, a1)
	// the statement behind the topic, with its own sentence
	typ(st1, graph.ClassStatement)
	rel(st1, graph.Subject, m1, a1)
	qs = append(qs, graph.Quad{Subject: st1, Predicate: graph.Pred(graph.Predicate), Object: graph.IRITerm(graph.Pred(graph.Discussed)), Label: a1})
	rel(st1, graph.Object, syria, a1)
	lit(st1, graph.Evidence, sochiTopic, a1)
	lit(st1, graph.Offset, "120", a1)
	rel(st1, graph.Source, a1, a1)
	typ(st2, graph.ClassStatement)
	rel(st2, graph.Subject, m1, a1)
	rel(st2, graph.Object, putin, a1)
	lit(st2, graph.Evidence, sochiSay, a1)
	lit(st2, graph.Offset, "10", a1)
	rel(st2, graph.Source, a1, a1)

	meeting(m2, "Aliyev – Erdoğan, Ankara", "", "in_person", "held", a2)
	rel(m2, graph.Participant, erdogan, a2)
	rel(m2, graph.Participant, aliyev, a2)
	rel(m2, graph.At, ankara, a2)
	rel(m2, graph.Source, a2, a2)
	lit(m2, graph.Evidence, ankaraSay, a2)

	meeting(m3, "Putin – Evil", "", "phone", "planned", a1)
	rel(m3, graph.Participant, putin, a1)
	rel(m3, graph.Participant, evil, a1)
	rel(m3, graph.Discussed, grain, a2)
	rel(m3, graph.Source, a1, a1)
	rel(m3, graph.Source, a2, a2)
	lit(m3, graph.Evidence, phoneSayA1, a1)
	lit(m3, graph.Evidence, phoneSayA2, a2)
	return graph.ModelOf(qs)
}

// modelSource serves a fixed model and counts the snapshots taken.
type modelSource struct {
	m     *graph.Model
	calls atomic.Int32
	fail  atomic.Int32 // fail this many calls first
}

func (s *modelSource) Snapshot(ctx context.Context) (*graph.Model, error) {
	s.calls.Add(1)
	if s.fail.Load() > 0 {
		s.fail.Add(-1)
		return nil, errors.New("store unavailable")
	}
	return s.m, nil
}

func newServer(t *testing.T) (*httptest.Server, *modelSource) {
	t.Helper()
	src := &modelSource{m: fixture()}
	srv := httptest.NewServer(New(src))
	t.Cleanup(srv.Close)
	return srv, src
}

func get(t *testing.T, u string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

func getJSON(t *testing.T, u string, v any) int {
	t.Helper()
	code, h, body := get(t, u)
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s: content type %q", u, ct)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%s: %v\n%s", u, err, body)
	}
	return code
}

func TestViewerLayoutIsFiniteDistinctAndInside(t *testing.T) {
	ix := newIndex(fixture())
	for _, tc := range []struct {
		q     string
		depth int
	}{{"putin", 1}, {"putin", 2}, {"erdogan", 2}, {"erdogan", 4}, {"Syria", 2}, {"Sochi", 3}} {
		d, err := ix.ego(ix.resolve(tc.q), tc.depth)
		if err != nil {
			t.Fatal(err)
		}
		checkDrawing(t, fmt.Sprintf("%s depth %d", tc.q, tc.depth), d)
		again, _ := ix.draw1(ix.resolve(tc.q), tc.depth) // not from the cache
		if again == d || !reflect.DeepEqual(d, again) {
			t.Errorf("%s depth %d: the layout differs between two runs", tc.q, tc.depth)
		}
	}
	// shapes the fixture does not have: none, one, isolated nodes, a big
	// star, a long path, a dense graph
	star := [][2]int{}
	for i := 1; i < 120; i++ {
		star = append(star, [2]int{0, i})
	}
	path := [][2]int{}
	for i := 1; i < 60; i++ {
		path = append(path, [2]int{i - 1, i})
	}
	dense := [][2]int{}
	for i := 0; i < 30; i++ {
		for j := i + 1; j < 30; j++ {
			dense = append(dense, [2]int{i, j})
		}
	}
	for _, tc := range []struct {
		name  string
		n     int
		edges [][2]int
	}{{"empty", 0, nil}, {"one", 1, nil}, {"two", 2, [][2]int{{0, 1}}}, {"isolated", 5, nil},
		{"star", 120, star}, {"path", 60, path}, {"dense", 30, dense}, {"self loop", 3, [][2]int{{0, 0}, {1, 2}}}} {
		boxes := make([]box, tc.n)
		for i := range boxes {
			boxes[i] = box{Left: 30, Right: 30, Up: 6, Down: 20}
		}
		pos, h := place(boxes, tc.edges)
		if len(pos) != tc.n {
			t.Fatalf("%s: %d positions for %d nodes", tc.name, len(pos), tc.n)
		}
		d := &Drawing{Width: viewWidth, Height: h}
		for i, p := range pos {
			d.Nodes = append(d.Nodes, DrawnNode{ID: fmt.Sprint(i), X: round1(p.X), Y: round1(p.Y)})
		}
		checkDrawing(t, tc.name, d)
	}
}

func checkDrawing(t *testing.T, name string, d *Drawing) {
	t.Helper()
	if d.Width <= 0 || d.Height <= 0 || math.IsNaN(d.Height) {
		t.Fatalf("%s: view box %v × %v", name, d.Width, d.Height)
	}
	seen := map[r2.Vec]string{}
	for _, n := range d.Nodes {
		if math.IsNaN(n.X) || math.IsNaN(n.Y) || math.IsInf(n.X, 0) || math.IsInf(n.Y, 0) {
			t.Errorf("%s: %s at (%v, %v)", name, n.ID, n.X, n.Y)
		}
		if n.X < 0 || n.X > d.Width || n.Y < 0 || n.Y > d.Height {
			t.Errorf("%s: %s at (%v, %v) is outside 0 0 %v %v", name, n.ID, n.X, n.Y, d.Width, d.Height)
		}
		p := r2.Vec{X: n.X, Y: n.Y}
		if other, ok := seen[p]; ok {
			t.Errorf("%s: %s and %s share (%v, %v)", name, n.ID, other, n.X, n.Y)
		}
		seen[p] = n.ID
	}
}

func TestViewerSuggest(t *testing.T) {
	srv, _ := newServer(t)
	names := func(q string) []string {
		var got []Suggestion
		if code := getJSON(t, srv.URL+"/api/suggest?q="+url.QueryEscape(q), &got); code != 200 {
			t.Fatalf("suggest %q: %d", q, code)
		}
		var out []string
		for _, s := range got {
			out = append(out, s.Name)
		}
		return out
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"pu", []string{"Vladimir Putin"}},             // a later word of the name
		{"vladimir p", []string{"Vladimir Putin"}},     // across words
		{"ERDOĞ", []string{"Recep Tayyip Erdoğan"}},    // folded
		{"erdog", []string{"Recep Tayyip Erdoğan"}},    // without the diacritic
		{"tayyip e", []string{"Recep Tayyip Erdoğan"}}, // middle of the name
		{"suri", []string{"Syria"}},                    // an alias
		{"путин", []string{"Vladimir Putin"}},          // an alias in Cyrillic
		{"so", []string{"Sochi"}},                      // a city
		{"sy", []string{"Syria"}},                      // a topic
		{"  ", nil},
		{"zzz", nil},
		{"ru", nil},         // a country is not offered
		{"sochi 2019", nil}, // nor a meeting
		{"news", nil},       // nor an article
	} {
		if got := names(tc.q); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("suggest %q = %q, want %q", tc.q, got, tc.want)
		}
	}
	if got := names("trade"); len(got) != maxSuggestions {
		t.Errorf("suggest trade gave %d names, want %d: %q", len(got), maxSuggestions, got)
	}
	// names starting with the prefix first, then the most met, then by name
	if got, want := names("a"), []string{"Ankara", evilName, "Ilham Aliyev"}; !reflect.DeepEqual(got, want) {
		t.Errorf("suggest a = %q, want %q", got, want)
	}
	if got, want := names("e"), []string{"Recep Tayyip Erdoğan", evilName}; !reflect.DeepEqual(got, want) {
		t.Errorf("suggest e = %q, want %q", got, want)
	}
}

func TestViewerEgo(t *testing.T) {
	srv, _ := newServer(t)
	var d EgoAnswer
	if code := getJSON(t, srv.URL+"/api/ego?q=putin", &d); code != 200 {
		t.Fatalf("ego putin: %d", code)
	}
	if !reflect.DeepEqual(d.Centers, []string{putin}) || d.Depth != 2 || d.Query != "putin" {
		t.Fatalf("ego putin: centers %v depth %d query %q", d.Centers, d.Depth, d.Query)
	}
	checkDrawing(t, "api", d.Drawing)
	at := map[string]DrawnNode{}
	for _, n := range d.Nodes {
		at[n.ID] = n
		if n.Type == graph.ClassArticle || n.Type == graph.ClassStatement {
			t.Errorf("drawn: %s %s", n.Type, n.ID)
		}
	}
	for _, id := range []string{putin, erdogan, evil, sochi, syria, grain, m1, m3} {
		if _, ok := at[id]; !ok {
			t.Errorf("ego putin lacks %s", id)
		}
	}
	for _, id := range []string{aliyev, ankara, russia, m2} { // three hops away, or not drawn
		if _, ok := at[id]; ok {
			t.Errorf("ego putin at depth 2 has %s", id)
		}
	}
	if n := at[m1]; n.Label != "2019-10" || n.Date != "2019-10" || n.Kind != "in_person" {
		t.Errorf("meeting node %+v", n)
	}
	if !at[putin].Center || at[erdogan].Center {
		t.Errorf("center flags: putin %v erdogan %v", at[putin].Center, at[erdogan].Center)
	}
	for _, e := range d.Edges {
		if !drawnPredicates[e.Predicate] {
			t.Errorf("drawn edge %s", e.Predicate)
		}
		a, b := at[e.From], at[e.To]
		if e.X1 != a.X || e.Y1 != a.Y || e.X2 != b.X || e.Y2 != b.Y {
			t.Errorf("edge %s→%s does not join its nodes", e.From, e.To)
		}
	}
	if len(d.Edges) != 7 { // m1: 2 participants, at, discussed; m3: 2 participants, discussed
		t.Errorf("%d edges, want 7: %+v", len(d.Edges), d.Edges)
	}

	// depth 1: only Putin's meetings; depth 3 reaches Aliyev through Erdoğan
	getJSON(t, srv.URL+"/api/ego?q=putin&depth=1", &d)
	if len(d.Nodes) != 3 {
		t.Errorf("depth 1: %d nodes, want Putin and his two meetings", len(d.Nodes))
	}
	getJSON(t, srv.URL+"/api/ego?q=Vladimir+Putin&depth=4", &d)
	found := false
	for _, n := range d.Nodes {
		found = found || n.ID == aliyev
	}
	if !found || d.Depth != 4 {
		t.Errorf("depth 4 (%d) lacks Aliyev", d.Depth)
	}
	getJSON(t, srv.URL+"/api/ego?q=putin&depth=99", &d)
	if d.Asked != maxDepth {
		t.Errorf("depth 99 gave %d, want %d", d.Asked, maxDepth)
	}
	// a node IRI, short or full, and a city
	for _, q := range []string{"person/vladimir-putin", putin} {
		getJSON(t, srv.URL+"/api/ego?q="+url.QueryEscape(q), &d)
		if !reflect.DeepEqual(d.Centers, []string{putin}) {
			t.Errorf("ego %s: centers %v", q, d.Centers)
		}
	}
	getJSON(t, srv.URL+"/api/ego?q=sochi", &d)
	if !reflect.DeepEqual(d.Centers, []string{sochi}) {
		t.Errorf("ego sochi: centers %v", d.Centers)
	}

	var e map[string]string
	if code := getJSON(t, srv.URL+"/api/ego?q=nobody+atall", &e); code != 404 || e["error"] == "" {
		t.Errorf("unknown name: %d %v", code, e)
	}
	if code := getJSON(t, srv.URL+"/api/ego", &e); code != 400 || e["error"] == "" {
		t.Errorf("no name: %d %v", code, e)
	}
}

func TestViewerNode(t *testing.T) {
	srv, _ := newServer(t)
	var n NodeInfo
	if code := getJSON(t, srv.URL+"/api/node?id="+url.QueryEscape(m1), &n); code != 200 {
		t.Fatalf("node m1: %d", code)
	}
	if n.Type != graph.ClassMeeting || len(n.Meetings) != 1 {
		t.Fatalf("node m1: %+v", n)
	}
	m := n.Meetings[0]
	if m.Date != "2019-10" || m.Kind != "in_person" || m.Status != "held" {
		t.Errorf("m1: %+v", m)
	}
	if len(m.Places) != 1 || m.Places[0].Name != "Sochi" || len(m.Topics) != 1 || m.Topics[0].Name != "Syria" || len(m.Participants) != 2 {
		t.Errorf("m1 places %v topics %v participants %v", m.Places, m.Topics, m.Participants)
	}
	// the sentences of the meeting and of its statement, in text order, under a1
	if len(m.Evidence) != 1 || m.Evidence[0].Article == nil || m.Evidence[0].Article.ID != a1 ||
		m.Evidence[0].Article.Path != "news/a1.txt" ||
		!reflect.DeepEqual(m.Evidence[0].Sentences, []string{sochiSay, sochiTopic}) {
		t.Errorf("m1 evidence %+v", m.Evidence)
	}

	// a meeting from two articles without statements: which article says
	// what is not known, so both articles are listed and the sentences
	// come last, on their own
	getJSON(t, srv.URL+"/api/node?id=meeting/m3", &n)
	if m := n.Meetings[0]; len(m.Evidence) != 3 || m.Evidence[2].Article != nil || len(m.Evidence[2].Sentences) != 2 ||
		m.Evidence[0].Article.ID != a1 || m.Evidence[1].Article.ID != a2 {
		t.Errorf("m3 evidence %+v", m.Evidence)
	}

	getJSON(t, srv.URL+"/api/node?id=person/vladimir-putin", &n)
	if n.Name != "Vladimir Putin" || len(n.Meetings) != 2 || n.Meetings[0].ID != m1 || n.Meetings[1].ID != m3 {
		t.Errorf("putin: %+v", n)
	}
	if len(n.Links) != 1 || n.Links[0].Predicate != graph.Country || n.Links[0].To.Name != "Russia" {
		t.Errorf("putin links %+v", n.Links)
	}
	if _, ok := n.Attrs[graph.Key]; ok {
		t.Errorf("key attributes shown: %v", n.Attrs)
	}
	getJSON(t, srv.URL+"/api/node?id="+url.QueryEscape(sochi), &n)
	if len(n.Meetings) != 1 || n.Meetings[0].ID != m1 {
		t.Errorf("sochi meetings %+v", n.Meetings)
	}
	var e map[string]string
	if code := getJSON(t, srv.URL+"/api/node?id=person/nobody", &e); code != 404 || e["error"] == "" {
		t.Errorf("unknown node: %d %v", code, e)
	}
}

func TestViewerPage(t *testing.T) {
	srv, _ := newServer(t)
	code, h, body := get(t, srv.URL+"/?q=putin")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Fatalf("page: %d %s", code, h.Get("Content-Type"))
	}
	if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("CSP %q", h.Get("Content-Security-Policy"))
	}
	svg := between(body, `<svg id="graph"`, "</svg>")
	for _, want := range []string{"Recep Tayyip Erdoğan", "Vladimir Putin", "Sochi", ">2019-10<", `data-id="` + m1 + `"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("drawing lacks %q", want)
		}
	}
	details := between(body, `<aside id="details"`, "</aside>")
	if !strings.Contains(details, `data-selected="`+putin+`"`) || !strings.Contains(details, "<h2>Vladimir Putin</h2>") ||
		!strings.Contains(details, "2 meetings") || !strings.Contains(details, "head of state") {
		t.Errorf("the details do not show Putin:\n%s", details)
	}

	// a meeting selected: its date, place, topics, sentences and source
	_, _, body = get(t, srv.URL+"/?q=putin&node="+url.QueryEscape(m1))
	details = between(body, `<aside id="details"`, "</aside>")
	for _, want := range []string{"2019-10", ">Sochi</a>", ">Syria</a>", "in person, held", sochiSay, sochiTopic,
		`href="/article?id=` + url.QueryEscape(a1) + `"`, "Erdoğan &amp; Putin &lt;b&gt;meet&lt;/b&gt;"} {
		if !strings.Contains(details, want) {
			t.Errorf("the details of m1 lack %q:\n%s", want, details)
		}
	}
	if strings.Contains(details, ankaraSay) || strings.Contains(details, phoneSayA1) {
		t.Errorf("the details of m1 show other meetings")
	}
	if !strings.Contains(body, `class="node nav meeting selected"`) {
		t.Errorf("m1 is not marked selected in the drawing")
	}

	// nothing found, unknown node, landing page
	if code, _, body = get(t, srv.URL+"/?q=nobody+atall"); code != 404 || !strings.Contains(body, "No person, place or topic matches") {
		t.Errorf("unknown name: %d", code)
	}
	if _, _, body = get(t, srv.URL+"/?q=putin&node=meeting/nope"); !strings.Contains(body, "Nothing is known as") {
		t.Errorf("unknown node not reported")
	}
	if code, _, body = get(t, srv.URL+"/"); code != 200 || !strings.Contains(body, "Start with") || !strings.Contains(body, "Recep Tayyip Erdoğan") {
		t.Errorf("landing page: %d", code)
	}
}

func TestViewerEscapesHTML(t *testing.T) {
	srv, _ := newServer(t)
	const escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Evil"
	for _, u := range []string{
		"/?q=putin",                                      // Evil in the drawing
		"/?q=" + url.QueryEscape(evilName),               // … as the query, the center and the details
		"/?q=putin&node=" + url.QueryEscape(evil),        // … in the details
		"/?q=" + url.QueryEscape(`"><script>x</script>`), // a query that is HTML, reflected
		"/article?id=" + url.QueryEscape(a1),
	} {
		code, _, body := get(t, srv.URL+u)
		if strings.Contains(body, "<script>") || strings.Contains(body, `"><script`) {
			t.Errorf("%s (%d): unescaped script:\n%s", u, code, body)
		}
		if strings.Count(body, "<script") != 1 { // only the page's own
			t.Errorf("%s: %d script elements", u, strings.Count(body, "<script"))
		}
	}
	_, _, body := get(t, srv.URL+"/?q="+url.QueryEscape(evilName))
	if !strings.Contains(body, escaped) {
		t.Errorf("the name is not shown escaped")
	}
	_, _, body = get(t, srv.URL+"/api/suggest?q=evil")
	if strings.Contains(body, "<script>") || !strings.Contains(body, `\u003cscript\u003e`) {
		t.Errorf("suggest JSON: %s", body)
	}
	var got []Suggestion
	getJSON(t, srv.URL+"/api/suggest?q=evil", &got)
	if len(got) != 1 || got[0].Name != evilName {
		t.Errorf("suggest evil = %+v", got)
	}
}

func TestViewerArticle(t *testing.T) {
	srv, _ := newServer(t)
	code, _, body := get(t, srv.URL+"/article?id="+url.QueryEscape(a1))
	if code != 200 {
		t.Fatalf("article: %d", code)
	}
	for _, want := range []string{"Erdoğan &amp; Putin &lt;b&gt;meet&lt;/b&gt;", "news/a1.txt", "2 meetings from this article",
		sochiSay, sochiTopic, "Putin – Evil"} {
		if !strings.Contains(body, want) {
			t.Errorf("article a1 lacks %q", want)
		}
	}
	// m3's sentences are not known to come from a1
	for _, not := range []string{ankaraSay, phoneSayA1, phoneSayA2} {
		if strings.Contains(body, not) {
			t.Errorf("article a1 shows %q", not)
		}
	}
	if code, _, _ := get(t, srv.URL+"/article?id=article/a2"); code != 200 {
		t.Errorf("short article IRI: %d", code)
	}
	for _, id := range []string{"article/nope", putin, ""} {
		if code, _, _ := get(t, srv.URL+"/article?id="+url.QueryEscape(id)); code != 404 {
			t.Errorf("article %q: %d, want 404", id, code)
		}
	}
}

func TestViewerStaticAndMethods(t *testing.T) {
	srv, _ := newServer(t)
	for path, want := range map[string]string{
		"/static/viewer.js":   "text/javascript",
		"/static/viewer.css":  "text/css",
		"/static/favicon.svg": "image/svg+xml",
	} {
		code, h, body := get(t, srv.URL+path)
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), want) || len(body) == 0 {
			t.Errorf("%s: %d %s", path, code, h.Get("Content-Type"))
		}
	}
	for _, path := range []string{"/static/page.html", "/static/parts.html", "/nope", "/favicon.ico", "/static/"} {
		if code, _, _ := get(t, srv.URL+path); code != 404 {
			t.Errorf("%s: %d, want 404", path, code)
		}
	}
	resp, err := http.Post(srv.URL+"/?q=putin", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func TestViewerReadsTheStoreOnce(t *testing.T) {
	srv, src := newServer(t)
	src.fail.Store(1)
	if code, _, _ := get(t, srv.URL+"/?q=putin"); code != 500 {
		t.Errorf("failed snapshot: %d, want 500", code)
	}
	for _, u := range []string{"/?q=putin", "/api/suggest?q=p", "/api/ego?q=putin", "/api/node?id=person/vladimir-putin"} {
		if code, _, _ := get(t, srv.URL+u); code != 200 {
			t.Errorf("%s: %d", u, code)
		}
	}
	if n := src.calls.Load(); n != 2 {
		t.Errorf("%d snapshots, want 2 (one failed, one kept)", n)
	}
}

func TestViewerConcurrentFirstRequests(t *testing.T) {
	srv, src := newServer(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, u := range []string{"/?q=putin", "/api/ego?q=erdogan&depth=3", "/api/suggest?q=s"} {
				resp, err := http.Get(srv.URL + u)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					t.Errorf("%s: %d", u, resp.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
	if n := src.calls.Load(); n != 1 {
		t.Errorf("%d snapshots, want 1", n)
	}
}

// between returns the part of s from the first from to the next to.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j+len(to)]
}
