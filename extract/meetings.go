package extract

import (
	"sort"
	"strings"
)

// cand is a meeting as the sentences state it, before merging.
type cand struct {
	parts     []*Entity
	place     *cmention
	placeCap  bool // place read from a caption
	placeSen  *sent
	kind      string // phone, video, in_person, "" unknown
	status    string
	date      dateExpr
	dateStr   string
	dateType  string
	sents     []*sent
	caption   bool
	topics    []string
	topicEv   map[string]*sent
	topicSurf map[string][]string // the article's own words for each topic
}

const (
	minParticipants = 2
	maxParticipants = 4
)

// findMeetings reads meeting mentions, merges those that are the same
// meeting, and attributes topics to the meeting being talked about.
func (ar *articleRun) findMeetings() {
	var current *cand
	assign := make([]*cand, len(ar.sents))
	var prevPeople []*Entity
	for _, s := range ar.sents {
		found := false
		for _, c := range ar.mentions(s, current, prevPeople) {
			if m := ar.mergeInto(c); m != nil {
				c = m
			} else {
				ar.cands = append(ar.cands, c)
			}
			current = c
			found = true
		}
		if !found && current != nil {
			ar.enrich(current, s) // a one-person mention adding the date of the current meeting
		}
		assign[s.idx] = current
		if ps := s.participants(); len(ps) >= 2 {
			prevPeople = ps
		}
	}
	if len(ar.cands) == 0 {
		return
	}
	// sentences before the first meeting (the headline) belong to it
	for i := range assign {
		if assign[i] != nil {
			break
		}
		assign[i] = ar.cands[0]
	}
	for _, s := range ar.sents {
		c := ar.speaksFor(s, assign[s.idx])
		if c == nil {
			continue
		}
		ownMention := false
		for _, ms := range c.sents {
			if ms == s {
				ownMention = true
			}
		}
		if !ownMention && !s.classes["discuss"] && !s.classes["speech"] {
			continue
		}
		if !ownMention && s.caption {
			continue
		}
		if !ownMention && !ar.aboutMeeting(s, c) {
			continue
		}
		for _, t := range s.topics {
			ar.addTopic(c, t.id, s)
			c.addSurface(t.id, t.surf)
		}

		for _, pr := range s.projects {
			if pr.e.Slug != "" && (s.classes["discuss"] || s.classes["speech"]) {
				ar.addTopic(c, "project:"+pr.e.Slug, s)
			}
		}
	}
}

// speaksFor picks the meeting a sentence's topics belong to: the current
// meeting, unless the sentence names the participants of another one better
// (a planned summit mentioned inside the story of a held meeting does not
// take the held meeting's topics).
func (ar *articleRun) speaksFor(s *sent, current *cand) *cand {
	if current == nil {
		return nil
	}
	best, bestN := current, overlap(s, current)
	for _, c := range ar.cands {
		for _, ms := range c.sents {
			if ms == s {
				return c // a sentence that states a meeting speaks for it
			}
		}
		if n := overlap(s, c); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

func overlap(s *sent, c *cand) int {
	n := 0
	for _, p := range s.people {
		if containsEntity(c.parts, p.p) {
			n++
		}
	}
	return n
}

// aboutMeeting: a discussion or statement sentence speaks for the current
// meeting when its speaker is a participant, a pronoun or group stands for
// them, or it names no person at all.
func (ar *articleRun) aboutMeeting(s *sent, c *cand) bool {
	if s.group || len(s.people) == 0 {
		return true
	}
	for _, p := range s.people {
		for _, q := range c.parts {
			if p.p == q {
				return true
			}
		}
	}
	return false
}

// addSurface records the words an article used for a topic of a meeting.
func (c *cand) addSurface(id, surf string) {
	if c.topicSurf == nil {
		c.topicSurf = map[string][]string{}
	}
	for _, x := range c.topicSurf[id] {
		if Fold(x) == Fold(surf) {
			return
		}
	}
	c.topicSurf[id] = append(c.topicSurf[id], surf)
}

func (ar *articleRun) addTopic(c *cand, id string, s *sent) {
	if c.topicEv == nil {
		c.topicEv = map[string]*sent{}
	}
	if _, ok := c.topicEv[id]; ok {
		return
	}
	c.topicEv[id] = s
	c.topics = append(c.topics, id)
}

// mentions reads the meetings a sentence states, one per clause with a
// meeting word and two or more participants. "The two leaders" stands for
// the people of the current meeting, or of the last sentence naming two.
func (ar *articleRun) mentions(s *sent, current *cand, prev []*Entity) []*cand {
	var out []*cand
	done := map[int]bool{}
	for _, tr := range s.trig {
		cl := map[string]bool{}
		meetWord := false
		for _, c := range tr.classes {
			switch c {
			case "meet", "phone", "video", "visit", "host":
				meetWord = true
			}
		}
		clause := s.clause[tr.start]
		if !meetWord || done[clause] {
			continue
		}
		// the classes of every trigger in the clause; when it has both a
		// future and a past marker, the first one sets the tense ("will
		// travel … returning a visit he made")
		firstTense := ""
		for _, t2 := range s.trig {
			if s.clause[t2.start] == clause {
				for _, c := range t2.classes {
					cl[c] = true
					if firstTense == "" && (c == "future" || c == "past") {
						firstTense = c
					}
				}
			}
		}
		if cl["future"] && cl["past"] {
			if firstTense == "future" {
				delete(cl, "past")
			} else {
				delete(cl, "future")
			}
		}
		parts := s.clauseParticipants(clause)
		if len(parts) > maxParticipants {
			continue // a summit's leaders together, not one meeting
		}
		if len(parts) == 1 && s.prevSubj != nil && parts[0] != s.prevSubj && s.objectOnly(ar.l, clause) {
			// a dropped subject: "Ardından Pezeşkiyan ile görüştü" — unless
			// the person's meeting was told before ("Wang Yi ile yapılan
			// görüşmede")
			if o := ar.lastWith(parts[0]); o != nil {
				parts = o.parts
			} else {
				parts = []*Entity{s.prevSubj, parts[0]}
			}
		}
		if len(parts) == 1 && s.shared[clause] {
			if subj := s.subject(); subj != nil && subj != parts[0] {
				parts = []*Entity{subj, parts[0]}
			}
		}
		if cl["escort"] {
			parts = ar.dropEntourage(s, parts, clause)
		}
		if len(parts) < minParticipants && s.group {
			if current != nil {
				parts = current.parts
			} else {
				parts = prev
			}
		}
		if len(parts) < minParticipants {
			continue
		}
		done[clause] = true
		if c := ar.newCand(s, cl, parts, clause, current); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// lastWith returns the latest meeting candidate p takes part in.
func (ar *articleRun) lastWith(p *Entity) *cand {
	for i := len(ar.cands) - 1; i >= 0; i-- {
		if containsEntity(ar.cands[i].parts, p) {
			return ar.cands[i]
		}
	}
	return nil
}

// dropEntourage removes, from a clause that says someone was accompanied
// ("accompanied by", "eşlik etti", "heyet"), the people of the same country
// as the first one named: the delegation, not the other side.
func (ar *articleRun) dropEntourage(s *sent, parts []*Entity, clause int) []*Entity {
	var lead *Entity
	for _, p := range s.people {
		if !p.spokes && s.clause[p.start] == clause {
			lead = p.p
			break
		}
	}
	if lead == nil || lead.Country == "" {
		return parts
	}
	out := []*Entity{}
	for _, p := range parts {
		if p == lead || p.Country != lead.Country {
			out = append(out, p)
		}
	}
	return out
}

// newCand builds a meeting candidate from one clause.
func (ar *articleRun) newCand(s *sent, cl map[string]bool, parts []*Entity, clause int, current *cand) *cand {
	c := &cand{parts: append([]*Entity(nil), parts...), sents: []*sent{s}, caption: s.caption}
	sortEntities(c.parts)
	switch {
	case cl["video"]:
		c.kind = "video"
	case cl["phone"]:
		c.kind = "phone"
	case cl["meet"] && !cl["visit"] && !cl["host"]:
		c.kind = ""
	default:
		c.kind = "in_person"
	}
	c.status = "held"
	if cl["future"] && !cl["past"] {
		c.status = "planned"
	}
	c.date = s.date
	c.dateStr, c.dateType = s.date.resolve(ar.pub, c.status == "planned")
	if s.date.same && current != nil && c.dateStr == "" {
		c.dateStr, c.dateType = current.dateStr, current.dateType // "on the same day"
	}
	if c.dateStr != "" && !ar.pub.IsZero() && c.dateType == "date" && c.status == "held" && c.dateStr > ar.pub.AddDate(0, 0, 1).Format("2006-01-02") {
		c.status = "planned"
	}
	if c.kind != "phone" && c.kind != "video" {
		var best *cmention
		for i := range s.cities {
			cm := s.cities[i]
			if !cm.locative || cm.possess {
				continue
			}
			if best == nil || (s.clause[cm.start] == clause && s.clause[best.start] != clause) {
				best = &cm
			}
		}
		if best != nil {
			c.place, c.placeCap, c.placeSen = best, s.caption, s
		}
	}
	// planned meetings need a place or a date to be more than an invitation
	if c.status == "planned" && c.place == nil && c.dateStr == "" && s.date.empty() {
		return nil
	}
	return c
}

func sameSet(a, b []*Entity) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// mergeInto merges c into an earlier candidate that is the same meeting.
func (ar *articleRun) mergeInto(c *cand) *cand {
	for _, o := range ar.cands {
		if !sameSet(o.parts, c.parts) || o.status != c.status {
			continue
		}
		if o.kind != "" && c.kind != "" && o.kind != c.kind && (c.place != nil || c.dateStr != "") {
			continue // told apart by kind, and the new mention has its own place or date
		}
		if o.dateStr != "" && c.dateStr != "" && !strings.HasPrefix(o.dateStr, c.dateStr) && !strings.HasPrefix(c.dateStr, o.dateStr) {
			continue
		}
		if o.place != nil && c.place != nil && o.place.city != c.place.city && !o.placeCap && !c.placeCap {
			if ar.x.lex.Cities[o.place.city].Name != ar.x.lex.Cities[c.place.city].Name {
				continue
			}
		}
		// the same participants with nothing to tell them apart: one meeting
		if o.kind == "" || (c.kind == "phone" || c.kind == "video") && o.kind == "in_person" && o.place == nil {
			o.kind = c.kind
		}
		if (o.dateStr == "" || len(c.dateStr) > len(o.dateStr)) && c.dateStr != "" {
			o.dateStr, o.dateType = c.dateStr, c.dateType
		}
		if c.place != nil && (o.place == nil || (o.placeCap && !c.placeCap)) {
			o.place, o.placeCap, o.placeSen = c.place, c.placeCap, c.placeSen
		}
		o.sents = append(o.sents, c.sents...)
		o.caption = o.caption && c.caption
		return o
	}
	return nil
}

// enrich adds the date or place of a one-person mention ("The president is
// due to pay a visit to Russia on March 5") to the current meeting.
func (ar *articleRun) enrich(c *cand, s *sent) {
	cl := s.classes
	if !(cl["meet"] || cl["visit"]) || len(s.participants()) > 1 {
		return
	}
	planned := cl["future"] && !cl["past"]
	if (c.status == "planned") != planned {
		return
	}
	if len(s.people) == 1 && !containsEntity(c.parts, s.people[0].p) {
		return
	}
	if c.dateStr == "" {
		c.dateStr, c.dateType = s.date.resolve(ar.pub, planned)
	}
}

func containsEntity(es []*Entity, e *Entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// meetings converts merged candidates into Meetings.
func (ar *articleRun) meetings() []*Meeting {
	lx := ar.x.lex
	var out []*Meeting
	for _, c := range ar.cands {
		if c.caption && len(ar.cands) > 1 {
			continue // a meeting only a photo caption tells of
		}
		m := &Meeting{Participants: c.parts, Kind: c.kind, Status: c.status, Date: c.dateStr, DateType: c.dateType, TopicEv: map[string]Evidence{}}
		if m.Kind == "" {
			m.Kind = "in_person"
		}
		if m.Date == "" && m.Status == "held" && !ar.pub.IsZero() && !ar.anyDate(c) {
			m.Date, m.DateType = ar.pub.Format("2006-01-02"), "date"
		}
		if c.place != nil {
			m.Place = ar.cityEntity(c.place.city)
			m.PlaceEv = ar.evidence(c.placeSen, 0.8)
		} else if m.Kind == "in_person" && m.Status == "held" {
			if city, ev := ar.sceneCity(); city >= 0 {
				m.Place = ar.cityEntity(city)
				m.PlaceEv = ev
			}
		}
		excluded := map[string]bool{}
		for _, p := range c.parts {
			if co := lx.Countries[p.Country]; co != nil {
				excluded[Fold(co.Name)] = true
			}
		}
		if m.Place != nil {
			if co := lx.Countries[m.Place.Country]; co != nil {
				excluded[Fold(co.Name)] = true
			}
		}
		seenTopic := map[string]bool{}
		for _, t := range c.topics {
			var e *Entity
			if strings.HasPrefix(t, "project:") {
				e = ar.projects[strings.TrimPrefix(t, "project:")]
			} else if slug, ok := strings.CutPrefix(t, freeTopic); ok {
				e = &Entity{Kind: "topic", Slug: slug, Name: c.topicSurf[t][0], Category: "article"}
			} else if tp := lx.Topics[t]; tp != nil {
				if tp.Category == "country_situation" && excluded[Fold(tp.Name)] {
					continue
				}
				if p := ar.projects[tp.ID]; p != nil && tp.Category == "project" {
					e = p
				} else {
					e = &Entity{Kind: "topic", Slug: tp.ID, Name: tp.Name, Category: tp.Category, Wikidata: tp.Wikidata}
					if tp.NameTR != tp.Name {
						e.Aliases = nonEmpty(tp.NameTR)
					}
					e.Aliases = addAliases(e, c.topicSurf[t])
				}
			}
			if e == nil || seenTopic[e.IRI()] {
				continue
			}
			seenTopic[e.IRI()] = true
			m.Topics = append(m.Topics, e)
			m.TopicEv[e.Slug] = ar.evidence(c.topicEv[t], 0.7)
		}
		for _, s := range c.sents {
			m.Evidence = append(m.Evidence, ar.evidence(s, 0.8))
		}
		out = append(out, m)
	}
	return out
}

// sceneCity is where the article's story happens, for in-person meetings
// that do not say where they were held: the dateline city, else the city
// the headline or first sentences put events in ("in Beijing").
func (ar *articleRun) sceneCity() (int, Evidence) {
	lx := ar.x.lex
	if ar.c.Dateline != "" {
		toks := tokenize(ar.c.Dateline)
		if m, ok := lx.cityTrie.longest(toks, 0); ok && m.end == len(toks) {
			best := m.vals[0]
			for _, v := range m.vals[1:] {
				if betterCity(lx, v, best, nil) {
					best = v
				}
			}
			return best, Evidence{Sentence: ar.c.Dateline, Confidence: 0.5}
		}
	}
	for _, s := range ar.sents {
		if s.idx > 3 {
			break
		}
		for _, cm := range s.cities {
			if cm.locative && !cm.possess {
				return cm.city, ar.evidence(s, 0.5)
			}
		}
	}
	return -1, Evidence{}
}

func (ar *articleRun) anyDate(c *cand) bool {
	for _, s := range c.sents {
		if !s.date.empty() {
			return true
		}
	}
	return false
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func (ar *articleRun) evidence(s *sent, conf float64) Evidence {
	if s == nil {
		return Evidence{}
	}
	if s.caption {
		conf -= 0.2
	}
	return Evidence{Sentence: s.text, Offset: s.offset, Confidence: conf}
}

// cityEntity returns the entity of gazetteer city i.
func (ar *articleRun) cityEntity(i int) *Entity {
	c := ar.x.lex.Cities[i]
	return &Entity{Kind: "city", Slug: strings.ToLower(c.Country) + "-" + slug(c.Name), Name: c.Name, Country: c.Country, Lat: c.Lat, Lon: c.Lon, Wikidata: ""}
}

// countryEntity returns the entity of a country by ISO code.
func (ar *articleRun) countryEntity(iso string) *Entity {
	c := ar.x.lex.Countries[iso]
	if c == nil {
		return nil
	}
	return &Entity{Kind: "country", Slug: strings.ToLower(iso), Name: c.Name, Country: iso, Wikidata: c.Wikidata}
}

// projectList returns the projects named in the article.
func (ar *articleRun) projectList() []*Entity {
	out := append([]*Entity(nil), ar.porderPr...)
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out
}

// addAliases returns e's aliases with the given names added, skipping any
// that fold to the entity's name or an alias it already has.
func addAliases(e *Entity, names []string) []string {
	out := e.Aliases
	have := map[string]bool{Fold(e.Name): true}
	for _, a := range out {
		have[Fold(a)] = true
	}
	for _, n := range names {
		if f := Fold(n); !have[f] {
			have[f] = true
			out = append(out, n)
		}
	}
	return out
}
