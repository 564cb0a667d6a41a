package extract

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Data holds the lexicons, gazetteer and language files. data/ is
// language-independent (people, countries, cities, topics, projects);
// lang/CODE/ holds what is specific to one language. Adding a language means
// adding a folder under lang/.
//
//go:embed data/*.tsv lang
var Data embed.FS

// Person is a lexicon entry for a known person.
type Person struct {
	ID, Name string
	Aliases  []string
	Country  string // ISO 3166-1 alpha-2, or an organisation code
	Roles    []Role
	Wikidata string
}

// Role is one office a person held, with years "2014" or "2014-05" ("" To = current).
type Role struct{ Name, From, To string }

// Country is a sovereign state.
type Country struct {
	ISO, Name, Capital, Wikidata string
}

// City is a gazetteer entry.
type City struct {
	GeonameID, Name, Country string
	Lat, Lon                 float64
	Population               int
	Capital                  bool
}

// Venue is a building where leaders meet ("White House", "Beştepe"), in a
// known city of the gazetteer.
type Venue struct {
	ID, Name string
	Aliases  []string
	City     int // index into Cities
}

// Topic is a canonical topic of the taxonomy.
type Topic struct {
	ID, Name, NameTR, Category, Wikidata string
}

// Project is a known named infrastructure project.
type Project struct {
	ID, Name  string
	Aliases   []string
	Type      string
	Countries []string
	Wikidata  string
}

// Lang is the language-specific data of one language.
type Lang struct {
	Code      string
	stop      map[string]bool
	meeting   *trie
	meetClass []string
	dates     *trie
	dateVals  []dateWord
	dateBound map[string]int // "until" (-1, before a date), "kadar" (+1, after it): a span's bound, not an event's day
	coref     *trie
	corefCls  []string
	titles    *trie
	titleRole []string
	countries *trie
	countryOf []countryRef
	topics    *trie
	topicIDs  []string
	lists     *trie    // topiclist.tsv phrases
	listRole  []string // after, before, sep, stop, drop
	projects  *trie
	projPat   [][2]string
	locative  map[string]string
	clause    map[string]clauseStart // words that start a clause
	boiler    *trie                  // boilerplate phrases
	abbrev    map[string]bool        // abbreviations that do not end a sentence
	byline    [][]string             // first words of byline lines, folded
}

// clauseStart is a word that opens a new clause after a comma, or without
// one when the next word ends in bareSuffix ("before sitting").
type clauseStart struct{ bareSuffix string }

type dateWord struct {
	kind string
	val  int
}

type countryRef struct {
	iso     string
	demonym bool
}

// Lexicon is everything the extractor knows, loaded once.
type Lexicon struct {
	People    []Person
	Countries map[string]*Country
	Cities    []City
	Topics    map[string]*Topic
	Projects  []Project
	Venues    []Venue
	Langs     map[string]*Lang

	peopleFull  *trie            // full names and aliases → person index
	peopleShort map[string][]int // folded surname → person indexes
	cityTrie    *trie            // city names → city index
	venueTrie   *trie            // venue names → venue index
	codes       []string         // languages with data, sorted
	projTrie    *trie
	stopWords   *trie // stop words → indexes in codes of the languages listing them
}

func readTSV(fsys fs.FS, name string, minCols int, fn func(rec []string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	header := true
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		rec := strings.Split(t, "\t")
		if header && strings.HasSuffix(name, ".tsv") && strings.HasPrefix(name, "data/") {
			header = false
			continue // data/ files start with a header line
		}
		for len(rec) < minCols {
			rec = append(rec, "")
		}
		if err := fn(rec); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func splitList(s, sep string) []string {
	var out []string
	for _, x := range strings.Split(s, sep) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// LoadLexicon reads the lexicon from fsys (normally Data).
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	lx := &Lexicon{
		Countries:   map[string]*Country{},
		Topics:      map[string]*Topic{},
		Langs:       map[string]*Lang{},
		peopleFull:  newTrie(),
		peopleShort: map[string][]int{},
		cityTrie:    newTrie(),
		venueTrie:   newTrie(),
		projTrie:    newTrie(),
	}
	if err := readTSV(fsys, "data/people.tsv", 6, func(r []string) error {
		p := Person{ID: r[0], Name: r[1], Aliases: splitList(r[2], "|"), Country: r[3], Wikidata: r[5]}
		for _, ro := range splitList(r[4], ";") {
			name, span, _ := strings.Cut(ro, "@")
			from, to, _ := strings.Cut(span, "/")
			p.Roles = append(p.Roles, Role{Name: name, From: from, To: to})
		}
		lx.People = append(lx.People, p)
		return nil
	}); err != nil {
		return nil, err
	}
	for i, p := range lx.People {
		names := append([]string{p.Name}, p.Aliases...)
		for _, n := range names {
			toks := phraseTokens(n)
			if len(toks) == 0 {
				continue
			}
			lx.peopleFull.add(toks, i)
			if len(toks) >= 2 {
				short := shortName(toks, p.Country)
				lx.peopleShort[short] = appendUniq(lx.peopleShort[short], i)
			}
		}
	}
	if err := readTSV(fsys, "data/countries.tsv", 4, func(r []string) error {
		lx.Countries[r[0]] = &Country{ISO: r[0], Name: r[1], Capital: r[2], Wikidata: r[3]}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readTSV(fsys, "data/cities.tsv", 8, func(r []string) error {
		lat, _ := strconv.ParseFloat(r[4], 64)
		lon, _ := strconv.ParseFloat(r[5], 64)
		pop, _ := strconv.Atoi(r[6])
		c := City{GeonameID: r[0], Name: r[1], Country: r[3], Lat: lat, Lon: lon, Population: pop, Capital: r[7] == "1"}
		i := len(lx.Cities)
		lx.Cities = append(lx.Cities, c)
		for _, n := range append([]string{c.Name}, splitList(r[2], "|")...) {
			if toks := phraseTokens(n); len(toks) > 0 {
				lx.cityTrie.add(toks, i)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readOptionalTSV(fsys, "data/venues.tsv", 5, func(r []string) error {
		city := lx.findCity(r[3], r[4])
		if city < 0 {
			return fmt.Errorf("venue %s: no city %q in %s", r[0], r[3], r[4])
		}
		v := Venue{ID: r[0], Name: r[1], Aliases: splitList(r[2], "|"), City: city}
		i := len(lx.Venues)
		lx.Venues = append(lx.Venues, v)
		for _, n := range append([]string{v.Name}, v.Aliases...) {
			if toks := phraseTokens(n); len(toks) > 0 {
				lx.venueTrie.add(toks, i)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readTSV(fsys, "data/topics.tsv", 5, func(r []string) error {
		lx.Topics[r[0]] = &Topic{ID: r[0], Name: r[1], NameTR: r[2], Category: r[3], Wikidata: r[4]}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readTSV(fsys, "data/projects.tsv", 6, func(r []string) error {
		p := Project{ID: r[0], Name: r[1], Aliases: splitList(r[2], "|"), Type: r[3], Countries: splitList(r[4], "|"), Wikidata: r[5]}
		i := len(lx.Projects)
		lx.Projects = append(lx.Projects, p)
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if toks := phraseTokens(n); len(toks) > 0 {
				lx.projTrie.add(toks, i)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	dirs, err := fs.ReadDir(fsys, "lang")
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		l, err := loadLang(fsys, d.Name())
		if err != nil {
			return nil, err
		}
		lx.Langs[l.Code] = l
		lx.codes = append(lx.codes, l.Code)
	}
	sort.Strings(lx.codes)
	lx.stopWords = newTrie()
	for i, code := range lx.codes {
		for w := range lx.Langs[code].stop {
			if !strings.HasSuffix(w, "*") { // no token is a pattern
				lx.stopWords.add([]string{w}, i)
			}
		}
	}
	return lx, nil
}

// stopCounts counts, for each language of langCodes, the tokens that are
// its stop words, in one look-up per token. It appends to counts, which
// may be a caller's buffer.
func (lx *Lexicon) stopCounts(counts []int, lines ...[]token) []int {
	for range lx.codes {
		counts = append(counts, 0)
	}
	for _, toks := range lines {
		for i := range toks {
			if w := lx.stopWords.child(toks[i].fold, toks[i].foldKey()); w != nil {
				for _, l := range w.vals {
					counts[l]++
				}
			}
		}
	}
	return counts
}

// shortName is how a person is named on second mention: the family name,
// which is the first token for Chinese, Korean and Vietnamese names.
func shortName(toks []string, country string) string {
	switch country {
	case "CN", "KP", "KR", "VN", "TW":
		return toks[0]
	}
	return toks[len(toks)-1]
}

func appendUniq(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func loadLang(fsys fs.FS, code string) (*Lang, error) {
	l := &Lang{Code: code, stop: map[string]bool{}, meeting: newTrie(), dates: newTrie(), coref: newTrie(),
		titles: newTrie(), countries: newTrie(), topics: newTrie(), lists: newTrie(), projects: newTrie(), locative: map[string]string{}, dateBound: map[string]int{}, clause: map[string]clauseStart{},
		boiler: newTrie()}
	dir := path.Join("lang", code)
	if b, err := fs.ReadFile(fsys, path.Join(dir, "stopwords.txt")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for _, w := range strings.Fields(line) {
				for _, t := range phraseTokens(w) {
					l.stop[t] = true
				}
			}
		}
	} else {
		return nil, fmt.Errorf("language %s: %w", code, err)
	}
	for i, b := range loadWords(fsys, path.Join(dir, "boilerplate.txt")) {
		if toks := phraseTokensPlain(b); len(toks) > 0 {
			l.boiler.add(toks, i)
		}
	}
	for _, b := range loadWords(fsys, path.Join(dir, "byline.txt")) {
		if toks := phraseTokensPlain(b); len(toks) > 0 {
			l.byline = append(l.byline, toks)
		}
	}
	l.abbrev = map[string]bool{}
	for _, line := range loadWords(fsys, path.Join(dir, "abbrev.txt")) {
		for _, w := range strings.Fields(line) {
			l.abbrev[w] = true
		}
	}
	type table struct {
		file string
		fn   func(r []string)
	}
	tables := []table{
		{"meeting.tsv", func(r []string) {
			l.meeting.add(phraseTokens(r[0]), len(l.meetClass))
			l.meetClass = append(l.meetClass, r[1])
		}},
		{"dates.tsv", func(r []string) {
			v, _ := strconv.Atoi(r[2])
			if r[1] == "bound" {
				l.dateBound[Fold(r[0])] = v
				return
			}
			l.dates.add(phraseTokens(r[0]), len(l.dateVals))
			l.dateVals = append(l.dateVals, dateWord{r[1], v})
		}},
		{"coref.tsv", func(r []string) {
			l.coref.add(phraseTokens(r[0]), len(l.corefCls))
			l.corefCls = append(l.corefCls, r[1])
		}},
		{"titles.tsv", func(r []string) {
			l.titles.add(phraseTokens(r[0]), len(l.titleRole))
			l.titleRole = append(l.titleRole, r[1])
		}},
		{"countries.tsv", func(r []string) {
			for _, n := range splitList(r[1], "|") {
				l.countries.add(phraseTokens(n), len(l.countryOf))
				l.countryOf = append(l.countryOf, countryRef{iso: r[0]})
			}
			for _, n := range splitList(r[2], "|") {
				l.countries.add(phraseTokens(n), len(l.countryOf))
				l.countryOf = append(l.countryOf, countryRef{iso: r[0], demonym: true})
			}
		}},
		{"topics.tsv", func(r []string) {
			l.topics.add(phraseTokens(r[1]), len(l.topicIDs))
			l.topicIDs = append(l.topicIDs, r[0])
		}},
		{"topiclist.tsv", func(r []string) {
			l.lists.add(phraseTokens(r[1]), len(l.listRole))
			l.listRole = append(l.listRole, r[0])
		}},
		{"projects.tsv", func(r []string) {
			l.projects.add(phraseTokens(r[0]), len(l.projPat))
			l.projPat = append(l.projPat, [2]string{r[1], r[2]})
		}},
		{"locative.tsv", func(r []string) { l.locative[r[0]] = r[1] }},
		{"clause.tsv", func(r []string) { l.clause[Fold(r[0])] = clauseStart{bareSuffix: r[1]} }},
	}
	for _, t := range tables {
		name := path.Join(dir, t.file)
		if _, err := fs.Stat(fsys, name); err != nil {
			continue // a language may lack a table; it then finds nothing of that kind
		}
		if err := readTSV(fsys, name, 3, func(r []string) error {
			if strings.HasPrefix(r[0], "topic_id") || r[0] == "phrase" || r[0] == "iso2" {
				return nil // header line
			}
			t.fn(r)
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// readOptionalTSV is readTSV for a table a lexicon may lack.
func readOptionalTSV(fsys fs.FS, name string, minCols int, fn func(rec []string) error) error {
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return readTSV(fsys, name, minCols, fn)
}

// findCity returns the most populous gazetteer city of a country with the
// given name or alias, or -1.
func (lx *Lexicon) findCity(name, country string) int {
	toks := tokenize(name)
	m, ok := lx.cityTrie.longest(toks, 0)
	if !ok || m.end != len(toks) {
		return -1
	}
	best := -1
	for _, v := range m.vals {
		if c := lx.Cities[v]; c.Country == country && (best < 0 || c.Population > lx.Cities[best].Population) {
			best = v
		}
	}
	return best
}

// langCodes returns the languages with data, sorted.
func (lx *Lexicon) langCodes() []string { return lx.codes }
