// Package eval measures extraction against gold facts about meetings, in the
// gold format of the reference scorer (testdata/score.py): facts are matched
// by name, never by IRI, so any extractor's N-Quads can be scored.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/parley/parley/graph"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Gold is the annotation of one article.
type Gold struct {
	ID               string        `json:"id"`
	Lang             string        `json:"lang"`
	PubDate          *string       `json:"pub_date"`
	Meetings         []GoldMeeting `json:"meetings"`
	OptionalMeetings []GoldMeeting `json:"optional_meetings"`
	BuiltBy          []GoldBuiltBy `json:"built_by"`
	OptionalBuiltBy  []GoldBuiltBy `json:"optional_built_by"`
	Notes            string        `json:"notes"`
}

// GoldMeeting is one annotated meeting.
type GoldMeeting struct {
	Participants   []string    `json:"participants"`
	Kind           string      `json:"kind"`
	Place          []string    `json:"place"`
	Date           *string     `json:"date"`
	Topics         []GoldTopic `json:"topics"`
	OptionalTopics []GoldTopic `json:"optional_topics"`
}

// GoldTopic is a topic with the keys a correct label contains.
type GoldTopic struct {
	Name string   `json:"name"`
	Keys []string `json:"keys"`
}

// GoldBuiltBy is a project–builder pair.
type GoldBuiltBy struct {
	ProjectKeys []string `json:"project_keys"`
	BuilderKeys []string `json:"builder_keys"`
}

// LoadGold reads a gold file (a JSON array).
func LoadGold(path string) ([]Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g []Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// Facts are the four fact types F1 is averaged over.
var Facts = []string{"met", "at", "discussed", "built_by"}

// Tally counts one article's (or a set's) outcome.
type Tally struct {
	TP, FP, FN                   map[string]int
	KindOK, KindN, DateOK, DateN int
	Spurious                     int
	Misses                       []string // what counted as false positive or negative, for -v
}

// NewTally returns an empty tally.
func NewTally() *Tally {
	return &Tally{TP: map[string]int{}, FP: map[string]int{}, FN: map[string]int{}}
}

// Add accumulates another tally.
func (t *Tally) Add(o *Tally) {
	for k, v := range o.TP {
		t.TP[k] += v
	}
	for k, v := range o.FP {
		t.FP[k] += v
	}
	for k, v := range o.FN {
		t.FN[k] += v
	}
	t.KindOK += o.KindOK
	t.KindN += o.KindN
	t.DateOK += o.DateOK
	t.DateN += o.DateN
	t.Spurious += o.Spurious
	t.Misses = append(t.Misses, o.Misses...)
}

// PRF returns micro-averaged precision, recall and F1 over the given facts
// (all four when none are given).
func (t *Tally) PRF(facts ...string) (p, r, f1 float64) {
	if len(facts) == 0 {
		facts = Facts
	}
	var tp, fp, fn int
	for _, f := range facts {
		tp += t.TP[f]
		fp += t.FP[f]
		fn += t.FN[f]
	}
	switch {
	case tp+fp > 0:
		p = float64(tp) / float64(tp+fp)
	case fn == 0:
		p = 1
	}
	r = 1
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return
}

var stripMarks = runes.Remove(runes.In(unicode.Mn))

// fold is the scorer's folding: ı/İ to i, diacritics removed, lowercase,
// '_' and '-' to spaces.
func fold(s string) string {
	s = strings.NewReplacer("ı", "i", "İ", "I").Replace(s)
	out, _, err := transform.String(transform.Chain(norm.NFKD, stripMarks), s)
	if err != nil {
		out = s
	}
	out = strings.ToLower(out)
	return strings.NewReplacer("_", " ", "-", " ").Replace(out)
}

var localRe = regexp.MustCompile(`[/#:]`)

func local(iri string) string {
	parts := localRe.Split(strings.TrimRight(iri, "/"), -1)
	return strings.ToLower(parts[len(parts)-1])
}

var predKinds = map[string][]string{
	"name":        {"name", "label", "preflabel", "title"},
	"alias":       {"alias", "altlabel", "alternatename"},
	"participant": {"participant", "participants", "attendee", "hasparticipant"},
	"met":         {"met"},
	"at":          {"at"},
	"discussed":   {"discussed"},
	"built_by":    {"built_by", "builtby"},
	"kind":        {"kind", "mode", "status", "meetingkind"},
	"date":        {"date", "startdate", "on"},
}

type node struct {
	val string
	lit bool
}

type view struct {
	byPred map[string][][2]node
	names  map[node][]string
}

func newView(quads []graph.Quad) *view {
	v := &view{byPred: map[string][][2]node{}, names: map[node][]string{}}
	for _, q := range quads {
		ln := local(q.Predicate)
		s := node{val: q.Subject}
		o := node{val: q.Object.Value, lit: !q.Object.IRI}
		for kind, names := range predKinds {
			for _, n := range names {
				if ln == n {
					v.byPred[kind] = append(v.byPred[kind], [2]node{s, o})
				}
			}
		}
	}
	for _, kind := range []string{"name", "alias"} {
		for _, so := range v.byPred[kind] {
			if so[1].lit {
				v.names[so[0]] = append(v.names[so[0]], so[1].val)
			}
		}
	}
	return v
}

func (v *view) text(n node) string {
	if n.lit {
		return fold(n.val)
	}
	if ns := v.names[n]; len(ns) > 0 {
		var f []string
		for _, x := range ns {
			f = append(f, fold(x))
		}
		return strings.Join(f, " | ")
	}
	return fold(local(n.val))
}

func (v *view) rel(kind string) (map[node][]node, []node) {
	out := map[node][]node{}
	var order []node
	for _, so := range v.byPred[kind] {
		if _, ok := out[so[0]]; !ok {
			order = append(order, so[0])
		}
		out[so[0]] = append(out[so[0]], so[1])
	}
	return out, order
}

func hasKey(text string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(text, k) {
			return true
		}
	}
	return false
}

func kindMatches(gold string, texts []string) bool {
	t := strings.Join(texts, " ")
	phone := hasKey(t, []string{"phone", "call", "telephon", "video"})
	planned := hasKey(t, []string{"plan", "schedul", "announc", "upcoming", "future", "expected"})
	switch gold {
	case "phone":
		return phone
	case "planned":
		return planned
	}
	return !phone && !planned
}

// dateText undoes fold's hyphen-to-space for dates, so "2016-12-01" matches
// gold "2016-12-01". (The reference scorer folds hyphens in dates too, so it
// never counts a date as right; F1 does not depend on dates.)
func dateText(v *view, n node) string {
	return strings.ReplaceAll(v.text(n), " ", "-")
}

// Score scores one article's quads against its gold.
func Score(g Gold, quads []graph.Quad) *Tally {
	v := newView(quads)
	t := NewTally()
	parts, meetings := v.rel("participant")
	at, _ := v.rel("at")
	disc, _ := v.rel("discussed")
	kinds, _ := v.rel("kind")
	dates, _ := v.rel("date")
	ptext := map[node][]string{}
	for _, m := range meetings {
		for _, p := range parts[m] {
			ptext[m] = append(ptext[m], v.text(p))
		}
	}
	covers := func(gm GoldMeeting, m node) bool {
		for _, k := range gm.Participants {
			ok := false
			for _, pt := range ptext[m] {
				for _, alt := range strings.Split(k, "|") {
					if strings.Contains(pt, alt) {
						ok = true
					}
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	texts := func(ns []node) []string {
		var out []string
		for _, n := range ns {
			out = append(out, v.text(n))
		}
		return out
	}
	anyKey := func(ns []node, keys []string) bool {
		for _, n := range ns {
			if hasKey(v.text(n), keys) {
				return true
			}
		}
		return false
	}
	fit := func(gm GoldMeeting, m node) float64 {
		s := 1.0
		if len(gm.Place) > 0 && anyKey(at[m], gm.Place) {
			s++
		}
		n := 0
		for _, tp := range gm.Topics {
			if anyKey(disc[m], tp.Keys) {
				n++
			}
		}
		d := len(gm.Topics)
		if d == 0 {
			d = 1
		}
		s += float64(n) / float64(d)
		if kindMatches(orDefault(gm.Kind), texts(kinds[m])) {
			s += 0.5
		}
		return s
	}
	type gref struct {
		gm  GoldMeeting
		req bool
	}
	var golds []gref
	for _, gm := range g.Meetings {
		golds = append(golds, gref{gm, true})
	}
	for _, gm := range g.OptionalMeetings {
		golds = append(golds, gref{gm, false})
	}
	type pair struct {
		score float64
		i     int
		mi    int
		m     node
	}
	var pairs []pair
	for i, gr := range golds {
		for mi, m := range meetings {
			if covers(gr.gm, m) {
				sc := fit(gr.gm, m)
				if gr.req {
					sc += 10
				}
				pairs = append(pairs, pair{sc, i, mi, m})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	assigned := map[node]int{}
	usedG := map[int]bool{}
	for _, p := range pairs {
		if usedG[p.i] {
			continue
		}
		if _, ok := assigned[p.m]; ok {
			continue
		}
		assigned[p.m] = p.i
		usedG[p.i] = true
	}
	// met
	var reqPairs, anyPairs [][2]string
	for _, gr := range golds {
		ps := gr.gm.Participants
		for a := 0; a < len(ps); a++ {
			for b := a + 1; b < len(ps); b++ {
				if gr.req {
					reqPairs = append(reqPairs, [2]string{ps[a], ps[b]})
				} else {
					anyPairs = append(anyPairs, [2]string{ps[a], ps[b]})
				}
			}
		}
	}
	anyPairs = append(anyPairs, reqPairs...)
	extSet := map[[2]string]bool{}
	for _, so := range v.byPred["met"] {
		a, b := v.text(so[0]), v.text(so[1])
		if a > b {
			a, b = b, a
		}
		extSet[[2]string{a, b}] = true
	}
	kin := func(k, text string) bool {
		for _, alt := range strings.Split(k, "|") {
			if strings.Contains(text, alt) {
				return true
			}
		}
		return false
	}
	pm := func(gp, ep [2]string) bool {
		return (kin(gp[0], ep[0]) && kin(gp[1], ep[1])) || (kin(gp[0], ep[1]) && kin(gp[1], ep[0]))
	}
	seenReq := map[[2]string]bool{}
	for _, gp := range reqPairs {
		if seenReq[gp] {
			continue
		}
		seenReq[gp] = true
		hit := false
		for ep := range extSet {
			if pm(gp, ep) {
				hit = true
				break
			}
		}
		if hit {
			t.TP["met"]++
		} else {
			t.FN["met"]++
			t.Misses = append(t.Misses, fmt.Sprintf("fn met %s–%s", gp[0], gp[1]))
		}
	}
	for ep := range extSet {
		hit := false
		for _, gp := range anyPairs {
			if pm(gp, ep) {
				hit = true
				break
			}
		}
		if !hit {
			t.FP["met"]++
			t.Misses = append(t.Misses, fmt.Sprintf("fp met %s–%s", ep[0], ep[1]))
		}
	}
	// per-meeting facts
	for i, gr := range golds {
		if !gr.req {
			continue
		}
		var m *node
		for mm, gi := range assigned {
			if gi == i {
				mm := mm
				m = &mm
			}
		}
		gm := gr.gm
		if len(gm.Place) > 0 {
			if m != nil && anyKey(at[*m], gm.Place) {
				t.TP["at"]++
			} else {
				t.FN["at"]++
				t.Misses = append(t.Misses, fmt.Sprintf("fn at %v (meeting %v)", gm.Place, gm.Participants))
			}
		}
		for _, tp := range gm.Topics {
			if m != nil && anyKey(disc[*m], tp.Keys) {
				t.TP["discussed"]++
			} else {
				t.FN["discussed"]++
				t.Misses = append(t.Misses, fmt.Sprintf("fn discussed %q (meeting %v)", tp.Name, gm.Participants))
			}
		}
		if gm.Kind != "" {
			t.KindN++
			if m != nil && kindMatches(gm.Kind, texts(kinds[*m])) {
				t.KindOK++
			} else {
				got := "no meeting"
				if m != nil {
					got = strings.Join(texts(kinds[*m]), ",")
				}
				t.Misses = append(t.Misses, fmt.Sprintf("kind %s, got %s (meeting %v)", gm.Kind, got, gm.Participants))
			}
		}
		if gm.Date != nil && *gm.Date != "" {
			t.DateN++
			ok := false
			var got []string
			if m != nil {
				for _, d := range dates[*m] {
					got = append(got, dateText(v, d))
					if strings.HasPrefix(dateText(v, d), *gm.Date) {
						ok = true
					}
				}
			}
			if ok {
				t.DateOK++
			} else {
				t.Misses = append(t.Misses, fmt.Sprintf("date %s, got %v (meeting %v, found %v)", *gm.Date, got, gm.Participants, m != nil))
			}
		}
	}
	for _, m := range meetings {
		gi, ok := assigned[m]
		if !ok {
			t.Spurious++
			t.FP["at"] += len(at[m])
			t.FP["discussed"] += len(disc[m])
			t.Misses = append(t.Misses, fmt.Sprintf("spurious meeting %v with %d at, %d discussed", ptext[m], len(at[m]), len(disc[m])))
			continue
		}
		gm := golds[gi].gm
		for _, x := range at[m] {
			if !hasKey(v.text(x), gm.Place) {
				t.FP["at"]++
				t.Misses = append(t.Misses, fmt.Sprintf("fp at %q", v.text(x)))
			}
		}
		var keys []string
		for _, tp := range append(append([]GoldTopic{}, gm.Topics...), gm.OptionalTopics...) {
			keys = append(keys, tp.Keys...)
		}
		for _, x := range disc[m] {
			if !hasKey(v.text(x), keys) {
				t.FP["discussed"]++
				t.Misses = append(t.Misses, fmt.Sprintf("fp discussed %q (meeting %v)", v.text(x), gm.Participants))
			}
		}
	}
	// built_by
	var ext [][2]string
	extBB := map[[2]string]bool{}
	for _, so := range v.byPred["built_by"] {
		p := [2]string{v.text(so[0]), v.text(so[1])}
		ext = append(ext, p)
		extBB[p] = true
	}
	for _, bb := range g.BuiltBy {
		hit := false
		for _, e := range ext {
			if hasKey(e[0], bb.ProjectKeys) && hasKey(e[1], bb.BuilderKeys) {
				hit = true
				break
			}
		}
		if hit {
			t.TP["built_by"]++
		} else {
			t.FN["built_by"]++
			t.Misses = append(t.Misses, fmt.Sprintf("fn built_by %v ← %v", bb.ProjectKeys, bb.BuilderKeys))
		}
	}
	all := append(append([]GoldBuiltBy{}, g.BuiltBy...), g.OptionalBuiltBy...)
	for e := range extBB {
		hit := false
		for _, bb := range all {
			if hasKey(e[0], bb.ProjectKeys) && hasKey(e[1], bb.BuilderKeys) {
				hit = true
				break
			}
		}
		if !hit {
			t.FP["built_by"]++
			t.Misses = append(t.Misses, fmt.Sprintf("fp built_by %q ← %q", e[0], e[1]))
		}
	}
	return t
}

func orDefault(k string) string {
	if k == "" {
		return "in_person"
	}
	return k
}
