package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/parley/parley/graph"
)

// ArticleIRI is the IRI of an article id.
func ArticleIRI(id string) string { return graph.Entity("article", id) }

// kindPath maps entity kinds to their IRI path and class.
var kindClass = map[string]string{
	"person":       graph.ClassPerson,
	"city":         graph.ClassCity,
	"country":      graph.ClassCountry,
	"topic":        graph.ClassTopic,
	"project":      graph.ClassProject,
	"organization": graph.ClassOrganization,
}

// IRI returns the stable IRI of an entity.
func (e *Entity) IRI() string {
	s := e.Slug
	if s == "" {
		h := sha256.Sum256([]byte(e.Name))
		s = hex.EncodeToString(h[:8])
	}
	return graph.Entity(e.Kind, s)
}

// quadWriter accumulates an article's quads, de-duplicated.
type quadWriter struct {
	label string
	seen  map[quadKey]bool
	out   []graph.Quad
}

type quadKey struct {
	s, p string
	o    graph.Term
}

func (w *quadWriter) add(s, p string, o graph.Term) {
	if o.Value == "" {
		return
	}
	k := quadKey{s, p, o}
	if w.seen[k] {
		return
	}
	w.seen[k] = true
	w.out = append(w.out, graph.Quad{Subject: s, Predicate: graph.Pred(p), Object: o, Label: w.label})
}

func (w *quadWriter) iri(s, p, o string) { w.add(s, p, graph.IRITerm(o)) }
func (w *quadWriter) lit(s, p, o string) { w.add(s, p, graph.Literal(o)) }

// entity writes an entity's type, name, aliases, search keys and attributes.
func (w *quadWriter) entity(x *Extractor, e *Entity) string {
	id := e.IRI()
	w.iri(id, graph.Type, graph.Class(kindClass[e.Kind]))
	w.lit(id, graph.Name, e.Name)
	keys := map[string]bool{}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for _, t := range graph.Tokens(n) {
			keys[t] = true
		}
	}
	for _, a := range e.Aliases {
		w.lit(id, graph.Alias, a)
	}
	for _, k := range sortedKeys(keys) {
		w.lit(id, graph.Key, k)
	}
	if e.Wikidata != "" {
		w.lit(id, graph.Wikidata, e.Wikidata)
	}
	switch e.Kind {
	case "person":
		for _, r := range e.Roles {
			w.lit(id, graph.Role, r)
		}
		if c := x.countryOf(e.Country); c != nil {
			w.iri(id, graph.Country, w.entity(x, c))
		}
	case "city":
		w.add(id, graph.Latitude, graph.Typed(strconv.FormatFloat(e.Lat, 'f', 4, 64), graph.XSDDouble))
		w.add(id, graph.Longitude, graph.Typed(strconv.FormatFloat(e.Lon, 'f', 4, 64), graph.XSDDouble))
		if c := x.countryOf(e.Country); c != nil {
			w.iri(id, graph.LocatedIn, w.entity(x, c))
		}
	case "project":
		if e.Category != "" {
			w.lit(id, "project_type", e.Category)
		}
		if c := x.countryOf(e.Country); c != nil {
			w.iri(id, graph.LocatedIn, w.entity(x, c))
		}
	case "topic":
		if e.Category != "" {
			w.lit(id, "category", e.Category)
		}
	}
	return id
}

func (x *Extractor) countryOf(iso string) *Entity {
	c := x.lex.Countries[iso]
	if c == nil {
		return nil
	}
	return &Entity{Kind: "country", Slug: strings.ToLower(iso), Name: c.Name, Country: iso, Wikidata: c.Wikidata}
}

// statement writes a provenance node for one fact: its evidence sentence,
// offset and confidence.
func (w *quadWriter) statement(s, p, o string, ev Evidence) {
	if ev.Sentence == "" {
		return
	}
	h := sha256.Sum256([]byte(w.label + "\x00" + s + "\x00" + p + "\x00" + o))
	id := graph.Entity("statement", hex.EncodeToString(h[:10]))
	w.iri(id, graph.Type, graph.Class(graph.ClassStatement))
	w.iri(id, graph.Subject, s)
	w.iri(id, graph.Predicate, graph.Pred(p))
	w.iri(id, graph.Object, o)
	w.lit(id, graph.Evidence, ev.Sentence)
	w.add(id, graph.Offset, graph.Typed(strconv.Itoa(ev.Offset), "http://www.w3.org/2001/XMLSchema#integer"))
	w.add(id, graph.Confidence, graph.Typed(strconv.FormatFloat(ev.Confidence, 'f', 2, 64), graph.XSDDecimal))
	w.iri(id, graph.Source, w.label)
}

// MeetingIRI is a meeting's stable IRI: the same participants, day, place,
// kind and status give the same meeting in every article; without a full
// date the meeting is scoped to its article.
func MeetingIRI(m *Meeting, articleID string) string {
	var parts []string
	for _, p := range m.Participants {
		parts = append(parts, p.IRI())
	}
	sort.Strings(parts)
	key := strings.Join(parts, " ") + "|" + m.Kind + "|" + m.Status
	if m.Place != nil {
		key += "|" + m.Place.IRI()
	}
	if m.DateType == "date" {
		key += "|" + m.Date
	} else {
		key += "|" + m.Date + "|" + articleID
	}
	h := sha256.Sum256([]byte(key))
	return graph.Entity("meeting", hex.EncodeToString(h[:10]))
}

// cameo returns the CAMEO event code of a meeting: 036 (express intent to
// meet) for planned meetings, 040 (consult) for calls, 042/043 for visits
// are not distinguished here, 040 otherwise.
func cameo(m *Meeting) string {
	if m.Status == "planned" {
		return "036"
	}
	if m.Kind == "phone" || m.Kind == "video" {
		return "041"
	}
	return "040"
}

// Quads renders an article's facts as quads labelled with the article IRI,
// sorted for stable output.
func (x *Extractor) Quads(a *Article) []graph.Quad {
	art := ArticleIRI(a.ID)
	w := &quadWriter{label: art, seen: map[quadKey]bool{}}
	w.iri(art, graph.Type, graph.Class(graph.ClassArticle))
	name := a.Title
	if name == "" {
		name = a.ID
	}
	w.lit(art, graph.Name, name)
	if a.Path != "" && a.Path != "-" {
		w.lit(art, graph.Path, a.Path)
	}
	w.lit(art, graph.Lang, a.Lang)
	w.lit(art, graph.Hash, a.Hash)
	if a.Published != "" {
		w.add(art, graph.Published, graph.Typed(a.Published, graph.XSDDate))
	}
	for _, m := range a.Meetings {
		id := MeetingIRI(m, a.ID)
		w.iri(id, graph.Type, graph.Class(graph.ClassMeeting))
		var names []string
		for _, p := range m.Participants {
			names = append(names, shortDisplay(p.Name))
		}
		label := strings.Join(names, " – ")
		if m.Place != nil {
			label += ", " + m.Place.Name
		}
		if m.Date != "" {
			label += ", " + m.Date
		}
		w.lit(id, graph.Name, label)
		w.lit(id, graph.Kind, m.Kind)
		w.lit(id, graph.Status, m.Status)
		w.lit(id, graph.CAMEO, cameo(m))
		if m.Date != "" {
			w.add(id, graph.Date, graph.Typed(m.Date, xsdType(m.DateType)))
		}
		w.iri(id, graph.Source, art)
		conf := 0.0
		for _, ev := range m.Evidence {
			w.lit(id, graph.Evidence, ev.Sentence)
			if ev.Confidence > conf {
				conf = ev.Confidence
			}
		}
		w.add(id, graph.Confidence, graph.Typed(strconv.FormatFloat(conf, 'f', 2, 64), graph.XSDDecimal))
		var ev Evidence
		if len(m.Evidence) > 0 {
			ev = m.Evidence[0]
		}
		var pids []string
		for _, p := range m.Participants {
			pid := w.entity(x, p)
			pids = append(pids, pid)
			w.iri(id, graph.Participant, pid)
			w.statement(id, graph.Participant, pid, ev)
		}
		for _, a := range pids {
			for _, b := range pids {
				if a != b {
					w.iri(a, graph.Met, b)
				}
			}
		}
		if m.Place != nil {
			cid := w.entity(x, m.Place)
			w.iri(id, graph.At, cid)
			w.statement(id, graph.At, cid, m.PlaceEv)
		}
		for _, t := range m.Topics {
			tid := w.entity(x, t)
			w.iri(id, graph.Discussed, tid)
			w.statement(id, graph.Discussed, tid, m.TopicEv[t.Slug])
		}
	}
	for _, b := range a.BuiltBy {
		pid := w.entity(x, b.Project)
		bid := w.entity(x, b.Builder)
		w.iri(pid, graph.BuiltBy, bid)
		w.statement(pid, graph.BuiltBy, bid, b.Evidence)
	}
	// quads are unique, so ordering by every term is total and stable
	slices.SortFunc(w.out, func(a, b graph.Quad) int {
		if c := strings.Compare(a.Subject, b.Subject); c != 0 {
			return c
		}
		if c := strings.Compare(a.Predicate, b.Predicate); c != 0 {
			return c
		}
		if c := strings.Compare(a.Object.Value, b.Object.Value); c != 0 {
			return c
		}
		return strings.Compare(a.Object.Datatype, b.Object.Datatype)
	})
	return w.out
}

func xsdType(t string) string {
	switch t {
	case "gYearMonth":
		return graph.XSDGYearMonth
	case "gYear":
		return graph.XSDGYear
	}
	return graph.XSDDate
}

// shortDisplay is the family name used in meeting labels.
func shortDisplay(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	return f[len(f)-1]
}
