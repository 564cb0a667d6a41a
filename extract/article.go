package extract

import (
	"sort"
	"strings"
	"time"
)

// sent is one sentence with everything found in it.
type sent struct {
	idx      int
	text     string
	offset   int
	toks     []token
	caption  bool
	title    bool
	people   []pmention
	group    bool    // "the two leaders", "they"
	prevSubj *Entity // the subject of the sentences before this one
	cities   []cmention
	country  []ymention
	classes  map[string]bool
	clause   []int        // clause number of each token
	shared   map[int]bool // clauses sharing the sentence's subject ("before sitting down with X")
	trig     []trigger    // meeting words with their positions
	date     dateExpr
	topics   []topicHit
	projects []prmention
}

// trigger is a meeting word found in a sentence.
type trigger struct {
	start, end int
	classes    []string
}

type pmention struct {
	p       *Entity
	start   int
	end     int
	spokes  bool // a spokesperson reporting, not taking part
	subject bool // first person of the sentence
}

type cmention struct {
	city     int // index into lexicon cities
	start    int
	end      int
	locative bool // "in Astana", "Astana'da"
	possess  bool // "Ankara's" (metonymy)
	venue    bool // named by a venue in the city ("the White House")
}

type ymention struct {
	iso     string
	start   int
	end     int
	demonym bool
}

// topicHit is a topic named in a sentence, with the words the sentence
// uses for it ("rare earth minerals" for mining and critical minerals).
type topicHit struct {
	id         string
	surf       string
	start, end int
}

type prmention struct {
	e     *Entity
	start int
	end   int
}

// articleRun holds the state of extracting one article.
type articleRun struct {
	x        *Extractor
	l        *Lang
	c        *Cleaned
	pub      time.Time
	sents    []*sent
	persons  map[string]*Entity // by slug, in order of first mention
	porder   []*Entity
	lastSubj *Entity
	cands    []*cand
	projects map[string]*Entity
	porderPr []*Entity
	builtBy  []BuiltBy

	titled      map[string]*Entity // the person last named after each title ("crown prince")
	lastNamed   *Entity            // the last named project, for "the plant"
	lastNamedAt int
}

func newArticleRun(x *Extractor, l *Lang, c *Cleaned) *articleRun {
	return &articleRun{x: x, l: l, c: c, pub: pubTime(c.Published), persons: map[string]*Entity{}, projects: map[string]*Entity{}, titled: map[string]*Entity{}}
}

func (ar *articleRun) run() {
	off := 0
	for _, ln := range ar.c.Lines {
		for _, s := range splitSentences(ar.l, ln.Text) {
			st := &sent{idx: len(ar.sents), text: s, offset: off + strings.Index(ln.Text, s), caption: ln.Caption, title: ln.Title}
			st.toks = tokenize(s)
			ar.sents = append(ar.sents, st)
		}
		off += len(ln.Text) + 1
	}
	for _, s := range ar.sents {
		ar.annotate(s)
	}
	ar.findMeetings()
	ar.findBuiltBy()
}

// annotate finds triggers, places, dates, people, topics and projects.
func (ar *articleRun) annotate(s *sent) {
	l, lx := ar.l, ar.x.lex
	s.classes = map[string]bool{}
	for _, m := range l.meeting.all(s.toks) {
		tr := trigger{start: m.start, end: m.end}
		for _, v := range m.vals {
			for _, c := range strings.Split(l.meetClass[v], "+") {
				s.classes[c] = true
				tr.classes = append(tr.classes, c)
			}
		}
		s.trig = append(s.trig, tr)
	}
	s.clause = clauses(l, s)
	for _, m := range l.coref.all(s.toks) {
		if l.corefCls[m.vals[0]] == "group" {
			s.group = true
		}
	}
	for _, m := range l.countries.all(s.toks) {
		r := l.countryOf[m.vals[0]]
		s.country = append(s.country, ymention{iso: r.iso, start: m.start, end: m.end, demonym: r.demonym})
	}
	s.date = findDate(l, s.text, s.toks)
	ar.findPeople(s)
	taken := map[int]bool{}
	for _, p := range s.people {
		for i := p.start; i < p.end; i++ {
			taken[i] = true
		}
	}
	ar.findVenues(s, taken)
	for i := 0; i < len(s.toks); {
		m, ok := lx.cityTrie.longest(s.toks, i)
		if !ok || taken[i] || !s.toks[i].cap {
			i++
			continue
		}
		best := m.vals[0]
		for _, v := range m.vals[1:] {
			if betterCity(lx, v, best, s.country) {
				best = v
			}
		}
		if _, isDate := l.dates.longest(s.toks, m.start); isDate {
			i = m.end
			continue // "in March" is a month
		}
		if !(m.start > 0 && taken[m.start-1]) && embeddedName(s, m.start, m.end, lx.Cities[best]) {
			i = m.end
			continue
		}
		cm := cmention{city: best, start: m.start, end: m.end}
		last := s.toks[m.end-1]
		if k := l.locative[last.suf]; k == "in" || k == "to" {
			cm.locative = m.start == 0 || l.locative[s.toks[m.start-1].fold] != "topic"
		}
		if last.suf == "s" {
			cm.possess = true
		}
		if l.locative[last.suf] == "acc" && m.end < len(s.toks) && s.triggerAt(m.end) {
			cm.locative = true // "Ankara'yı ziyaret etti"
		}
		if ar.locativeBefore(s, m.start) {
			cm.locative = true
		}
		s.cities = append(s.cities, cm)
		i = m.end
	}
	seenTopic := map[string]bool{}
	for _, m := range l.topics.all(s.toks) {
		if taken[m.start] || taken[m.end-1] {
			continue // "Defence Minister X" is a title, not a topic
		}
		surf := s.text[s.toks[m.start].start:s.toks[m.end-1].end]
		for _, v := range m.vals {
			id := l.topicIDs[v]
			if !seenTopic[id] {
				seenTopic[id] = true
				s.topics = append(s.topics, topicHit{id: id, surf: surf, start: m.start, end: m.end})
			}
		}
	}
	ar.findProjects(s)
	ar.findListTopics(s)
}

// findVenues finds named venues ("the White House", "Beştepe'de") and adds
// them as mentions of their city, marking their tokens taken so that a
// city name inside a venue's ("Hyderabad House") is not read as a city.
func (ar *articleRun) findVenues(s *sent, taken map[int]bool) {
	lx := ar.x.lex
	for _, m := range lx.venueTrie.all(s.toks) {
		if taken[m.start] || !s.toks[m.start].cap {
			continue
		}
		cm := cmention{city: lx.Venues[m.vals[0]].City, start: m.start, end: m.end, venue: true}
		last := s.toks[m.end-1]
		if ar.l.locativeSuffix(last.suf) {
			cm.locative = true // "Beştepe'de", "Külliyesi'ndeki"
		}
		if ar.locativeBefore(s, m.start) {
			cm.locative = true
		}
		s.cities = append(s.cities, cm)
		for i := m.start; i < m.end; i++ {
			taken[i] = true
		}
	}
}

// locativeSuffix reports whether a suffix after an apostrophe puts a name
// as a place: "da", "'ya", and with a buffer n and more after it "nde",
// "ndeki".
func (l *Lang) locativeSuffix(suf string) bool {
	suf = strings.TrimPrefix(suf, "n")
	for n := len(suf); n >= 1; n-- {
		if k := l.locative[suf[:n]]; k == "in" || k == "to" {
			return true
		}
	}
	return false
}

// clauses numbers the clauses of a sentence: a new clause starts after a
// semicolon, at a clause word after a comma (", and", ", while"), or at a
// clause word before a verb form that needs no comma ("before sitting
// down"), as the language's clause.tsv says.
func clauses(l *Lang, s *sent) []int {
	out := make([]int, len(s.toks))
	c := 0
	for j := 1; j < len(s.toks); j++ {
		between := s.text[s.toks[j-1].end:s.toks[j].start]
		st, ok := l.clause[s.toks[j].fold]
		bare := ok && st.bareSuffix != "" && j+1 < len(s.toks) && strings.HasSuffix(s.toks[j+1].fold, st.bareSuffix)
		switch {
		case strings.ContainsAny(between, ";"):
			c++
		case ok && strings.Contains(between, ","), bare:
			c++
			if bare {
				if s.shared == nil {
					s.shared = map[int]bool{}
				}
				s.shared[c] = true // "before sitting down": the subject is the sentence's
			}
		}
		out[j] = c
	}
	return out
}

// embeddedName reports a city name that is part of a longer proper name
// ("Istana Negara", "Union Buildings"): a capitalised word right before it
// that is not a sentence start, or right after it for a small city.
func embeddedName(s *sent, start, end int, c City) bool {
	if start > 0 {
		prev := s.toks[start-1]
		between := s.text[prev.end:s.toks[start].start]
		if prev.cap && prev.suf == "" && strings.TrimSpace(between) == "" && start-1 > 0 && !prev.upper {
			return true
		}
	}
	if end < len(s.toks) && c.Population < 500000 && !c.Capital {
		next := s.toks[end]
		between := s.text[s.toks[end-1].end:next.start]
		if next.cap && strings.TrimSpace(between) == "" && s.toks[end-1].suf == "" {
			return true
		}
	}
	return false
}

// betterCity prefers a city in a country the sentence names, then a capital,
// then the more populous.
func betterCity(lx *Lexicon, a, b int, countries []ymention) bool {
	ca, cb := lx.Cities[a], lx.Cities[b]
	ina, inb := false, false
	for _, y := range countries {
		ina = ina || y.iso == ca.Country
		inb = inb || y.iso == cb.Country
	}
	if ina != inb {
		return ina
	}
	if ca.Capital != cb.Capital {
		return ca.Capital
	}
	return ca.Population > cb.Population
}

// locativeBefore reports whether a locative preposition precedes token i,
// allowing a few words between ("in the Turkish city of Antalya", "in
// Russia's Black Sea resort of Sochi") but no clause break.
func (ar *articleRun) locativeBefore(s *sent, i int) bool {
	for j := i - 1; j >= 0 && j >= i-7; j-- {
		between := s.text[s.toks[j].end:s.toks[j+1].start]
		if strings.ContainsAny(between, ",;:()") && j != i-1 {
			return false
		}
		if strings.ContainsAny(between, ";:()") {
			return false
		}
		if k := ar.l.locative[s.toks[j].fold]; k == "in" || k == "to" {
			return j == 0 || ar.l.locative[s.toks[j-1].fold] != "topic" && (j < 2 || ar.l.locative[s.toks[j-2].fold] != "topic")
		}
		if j < i-1 && s.toks[j].cap == false && !ar.l.stop[s.toks[j].fold] && !placeWord(s.toks[j].fold) {
			return false
		}
	}
	return false
}

// placeWord: lowercase words allowed between a preposition and a city name.
func placeWord(w string) bool {
	switch w {
	case "city", "capital", "resort", "town", "port", "coastal", "southern", "northern", "eastern", "western", "central", "province", "sea":
		return true
	}
	return false
}

// findPeople finds people: lexicon names, surnames, titles with unknown
// names, titles standing for a person named before, and pronouns.
func (ar *articleRun) findPeople(s *sent) {
	l := ar.l
	toks := s.toks
	s.prevSubj = ar.lastSubj
	add := func(p *Entity, start, end int, spokes bool) {
		for _, q := range s.people {
			if q.p == p {
				return
			}
		}
		s.people = append(s.people, pmention{p: p, start: start, end: end, spokes: spokes, subject: len(s.people) == 0})
	}
	for i := 0; i < len(toks); {
		// a demonym or country before a title: "Russian Foreign Minister", "Turkey's foreign minister"
		demo := ""
		j := i
		if m, ok := l.countries.longest(toks, i); ok {
			demo = l.countryOf[m.vals[0]].iso
			j = m.end
		}
		if tm, ok := l.titles.longest(toks, j); ok {
			role := l.titleRole[tm.vals[0]]
			k := tm.end
			// "his Turkish counterpart Mevlut Cavusoglu": demonym after the title word
			if demo == "" {
				if m, ok := l.countries.longest(toks, k); ok && l.countryOf[m.vals[0]].demonym {
					demo = l.countryOf[m.vals[0]].iso
					if tm2, ok := l.titles.longest(toks, m.end); ok {
						role = l.titleRole[tm2.vals[0]]
						k = tm2.end
					} else {
						k = m.end
					}
				}
			}
			// more title words: "Foreign Minister", "Devlet Başkanı"
			for {
				if tm2, ok := l.titles.longest(toks, k); ok && !toks[k].cap == !toks[tm.start].cap {
					if l.titleRole[tm2.vals[0]] != "other" {
						role = l.titleRole[tm2.vals[0]]
					}
					k = tm2.end
					continue
				}
				break
			}
			title := foldedSpan(toks, j, k)
			if k > j && (toks[j].cap || demo != "" || role == "other") {
				if p, end := ar.nameAt(s, k, demo, role); p != nil {
					add(p, i, end, role == "spokesperson")
					ar.titled[title] = p
					i = end
					continue
				}
				// title alone: "the Turkish leader", "Turkey's foreign minister"
				if p := ar.titled[title]; p != nil && demo == "" && i > 0 && ar.determiner(s, i-1) {
					add(p, i, k, false) // "the crown prince", titled so before
					i = k
					continue
				}
				if demo != "" {
					if p := ar.byCountry(demo, role); p != nil {
						add(p, i, k, false)
						i = k
						continue
					}
				}
			}
		}
		if p, end := ar.nameAt(s, i, "", ""); p != nil {
			add(p, i, end, p.hasRole("spokesperson") && len(p.Roles) == 1)
			i = end
			continue
		}
		// pronoun subject: "He said", "She added"
		if i == 0 && (toks[0].fold == "he" || toks[0].fold == "she") && ar.lastSubj != nil {
			add(ar.lastSubj, 0, 1, false)
		}
		i++
	}
	if subj := s.subjectIn(l); subj != nil {
		ar.lastSubj = subj
	}
}

// determiner reports whether token i is a definite determiner ("the"),
// which makes a bare title stand for someone named before.
func (ar *articleRun) determiner(s *sent, i int) bool {
	m, ok := ar.l.coref.longest(s.toks, i)
	return ok && m.end == i+1 && ar.l.corefCls[m.vals[0]] == "det"
}

// foldedSpan joins the folded tokens [a,b).
func foldedSpan(toks []token, a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].fold)
	}
	return sb.String()
}

func (e *Entity) hasRole(r string) bool {
	for _, x := range e.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// nameAt reads a person's name starting at token i: a lexicon name, a known
// surname, a truncated surname of someone already named, or (after a title)
// an unknown capitalised name, which mints a new person.
func (ar *articleRun) nameAt(s *sent, i int, demo, role string) (*Entity, int) {
	lx := ar.x.lex
	toks := s.toks
	if i >= len(toks) {
		return nil, 0
	}
	if m, ok := lx.peopleFull.longest(toks, i); ok && (toks[i].cap || toks[i].upper) {
		if m.end-m.start >= 2 || len(toks[i].fold) >= 3 {
			p := ar.pickPerson(m.vals, demo)
			return ar.person(p), m.end
		}
	}
	if !toks[i].cap {
		return nil, 0
	}
	// a run of capitalised tokens: the name
	end := i
	for end < len(toks) && end < i+4 && toks[end].cap && ar.nameToken(s, end, end > i) {
		end++
		if toks[end-1].suf != "" {
			break
		}
	}
	if end == i {
		return nil, 0
	}
	// known surname anywhere in the run (last token first), unless the run
	// is someone else's name or a place ("Al Salam palace")
	for k := end - 1; k >= i; k-- {
		if ids := lx.peopleShort[toks[k].fold]; len(ids) > 0 {
			if k > i && role == "" && !ar.namedBefore(ids) {
				break
			}
			if ids = ar.givenNamesFit(ids, toks[i:k]); len(ids) == 0 {
				break // "Marina Silva" is not Lula da Silva
			}
			if ids = ar.rolesFit(ids, role); len(ids) == 0 {
				break // "the King, Sultan Ibrahim" is not Prime Minister Anwar Ibrahim
			}
			return ar.person(ar.pickPerson(ids, demo)), k + 1
		}
	}
	// someone already named whose name starts with this (truncated: "Cavu")
	last := toks[end-1].fold
	if len(last) >= 3 {
		for _, p := range ar.porder {
			for _, part := range strings.Fields(Fold(p.Name)) {
				if len(part) > len(last) && strings.HasPrefix(part, last) && (demo == "" || p.Country == demo) {
					return p, end
				}
			}
		}
	}
	if role == "" {
		return nil, 0
	}
	// an unknown person after a title: mint
	var parts []string
	for k := i; k < end; k++ {
		parts = append(parts, toks[k].text)
	}
	name := strings.Join(parts, " ")
	if len(parts) == 1 && len([]rune(name)) < 3 {
		return nil, 0
	}
	sl := slug(name)
	if p := ar.persons[sl]; p != nil {
		return p, end
	}
	// a single unknown word that is the surname of someone named before
	for _, p := range ar.porder {
		f := strings.Fields(Fold(p.Name))
		if len(f) > 0 && f[len(f)-1] == Fold(name) && (role == "other" || len(p.Roles) == 0 || p.hasRole(role)) {
			return p, end
		}
	}
	e := &Entity{Kind: "person", Slug: sl, Name: name, Country: demo}
	if role != "" && role != "other" {
		e.Roles = []string{role}
	}
	ar.persons[sl] = e
	ar.porder = append(ar.porder, e)
	return e, end
}

// givenNamesFit keeps the people whose names hold the words written before
// their surname: "Marina Silva" fits no one named Silva but Marina.
func (ar *articleRun) givenNamesFit(ids []int, given []token) []int {
	if len(given) == 0 {
		return ids
	}
	var out []int
	for _, id := range ids {
		p := &ar.x.lex.People[id]
		words := map[string]bool{}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for _, w := range strings.Fields(Fold(n)) {
				words[w] = true
			}
		}
		fit := true
		for _, g := range given {
			if !words[g.fold] {
				fit = false
			}
		}
		if fit {
			out = append(out, id)
		}
	}
	return out
}

// rolesFit keeps the people who held the office a title names; a title of
// no particular office ("other") or a person without known roles fits.
func (ar *articleRun) rolesFit(ids []int, role string) []int {
	if role == "" || role == "other" {
		return ids
	}
	var out []int
	for _, id := range ids {
		p := &ar.x.lex.People[id]
		fit := len(p.Roles) == 0
		for _, r := range p.Roles {
			if r.Name == role {
				fit = true
			}
		}
		if fit {
			out = append(out, id)
		}
	}
	return out
}

// namedBefore reports whether one of the lexicon people was already named
// in the article.
func (ar *articleRun) namedBefore(ids []int) bool {
	for _, id := range ids {
		if ar.persons[ar.x.lex.People[id].ID] != nil {
			return true
		}
	}
	return false
}

// nameToken: a capitalised token that can be part of a person's name (not a
// country, city, title or month).
func (ar *articleRun) nameToken(s *sent, k int, continues bool) bool {
	t := s.toks[k]
	if t.upper && len(t.fold) <= 3 {
		return false
	}
	if _, ok := ar.l.countries.longest(s.toks, k); ok {
		return false
	}
	if _, ok := ar.l.titles.longest(s.toks, k); ok {
		return false
	}
	if _, ok := ar.l.dates.longest(s.toks, k); ok {
		return false
	}
	if _, ok := ar.l.meeting.longest(s.toks, k); ok {
		return false
	}
	if ar.l.stop[t.fold] {
		return false
	}
	if m, ok := ar.x.lex.cityTrie.longest(s.toks, k); ok && m.end > k {
		if _, isP := ar.x.lex.peopleShort[t.fold]; !isP && !ar.givenName(s, k) {
			return false
		}
	}
	if continues {
		between := s.text[s.toks[k-1].end:t.start]
		if strings.ContainsAny(between, ",;:()\"“”") {
			return false // a name does not run across punctuation
		}
	}
	return true
}

// givenName reports whether token k, a word that is also a place, is a given
// name here: a known surname follows it directly ("Marina Silva").
func (ar *articleRun) givenName(s *sent, k int) bool {
	if k+1 >= len(s.toks) || !s.toks[k+1].cap || s.toks[k].suf != "" {
		return false
	}
	if s.text[s.toks[k].end:s.toks[k+1].start] != " " {
		return false
	}
	_, ok := ar.x.lex.peopleShort[s.toks[k+1].fold]
	return ok
}

// pickPerson chooses among lexicon people sharing a name: one already in the
// article, then one of the given country, then one with a current role.
func (ar *articleRun) pickPerson(ids []int, demo string) int {
	lx := ar.x.lex
	best, bestScore := ids[0], -1
	for _, id := range ids {
		p := lx.People[id]
		sc := 0
		if ar.persons[p.ID] != nil {
			sc += 8
		}
		if demo != "" && p.Country == demo {
			sc += 4
		}
		for _, r := range p.Roles {
			if r.To == "" || (!ar.pub.IsZero() && r.To >= ar.pub.Format("2006")) {
				sc += 2
				break
			}
		}
		if sc > bestScore {
			best, bestScore = id, sc
		}
	}
	return best
}

// person returns the article entity of lexicon person id.
func (ar *articleRun) person(id int) *Entity {
	p := ar.x.lex.People[id]
	if e := ar.persons[p.ID]; e != nil {
		return e
	}
	e := &Entity{Kind: "person", Slug: p.ID, Name: p.Name, Aliases: p.Aliases, Country: p.Country, Wikidata: p.Wikidata}
	seen := map[string]bool{}
	for _, r := range p.Roles {
		if !seen[r.Name] {
			seen[r.Name] = true
			e.Roles = append(e.Roles, r.Name)
		}
	}
	ar.persons[p.ID] = e
	ar.porder = append(ar.porder, e)
	return e
}

// byCountry resolves "the Turkish leader" to the person of that country
// named most recently.
func (ar *articleRun) byCountry(iso, role string) *Entity {
	var best *Entity
	for _, p := range ar.porder {
		if p.Country == iso {
			if role != "" && role != "other" && len(p.Roles) > 0 && !p.hasRole(role) {
				continue
			}
			best = p
		}
	}
	return best
}

// participants are the people of a sentence who take part: not
// spokespeople, and not a possessive ("Xi's message") unless a meeting word
// follows ("Erdoğan's talks with Putin").
func (s *sent) participants() []*Entity { return s.clauseParticipants(-1) }

// clauseParticipants are the participants within clause c (-1: any).
func (s *sent) clauseParticipants(c int) []*Entity {
	var out []*Entity
	for _, p := range s.people {
		if p.spokes || (c >= 0 && s.clause[p.start] != c) {
			continue
		}
		if last := s.toks[p.end-1]; last.suf == "s" && !s.triggerAt(p.end) {
			continue
		}
		out = append(out, p.p)
	}
	return out
}

// subject is the sentence's first named person who is not a spokesperson.
func (s *sent) subject() *Entity {
	for _, p := range s.people {
		if !p.spokes {
			return p.p
		}
	}
	return nil
}

// subjectIn is the sentence's subject for later pronouns: its first named
// person who is not a spokesperson and not after a preposition ("Besides
// Biden, Erdogan held talks" is about Erdogan).
func (s *sent) subjectIn(l *Lang) *Entity {
	for _, p := range s.people {
		if p.spokes {
			continue
		}
		if p.start > 0 {
			switch l.locative[s.toks[p.start-1].fold] {
			case "in", "to", "with", "prep":
				continue
			}
		}
		return p.p
	}
	return s.subject()
}

// objectOnly reports whether the clause's one named person is an object
// ("Pezeşkiyan ile görüştü", "Scholz'u kabul etti"): the subject was left
// out and is the one of the sentences before.
func (s *sent) objectOnly(l *Lang, c int) bool {
	var ms []pmention
	for _, p := range s.people {
		if !p.spokes && s.clause[p.start] == c {
			ms = append(ms, p)
		}
	}
	if len(ms) != 1 {
		return false
	}
	p := ms[0]
	last := s.toks[p.end-1]
	if k := l.locative[last.suf]; k == "acc" || k == "to" {
		return true
	}
	return p.end < len(s.toks) && l.locative[s.toks[p.end].fold] == "with"
}

func (s *sent) triggerAt(i int) bool {
	for _, t := range s.trig {
		if t.start == i {
			return true
		}
	}
	return false
}

func sortEntities(es []*Entity) {
	sort.Slice(es, func(i, j int) bool { return es[i].Slug < es[j].Slug })
}
