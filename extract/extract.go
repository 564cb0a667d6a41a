// Package extract turns news articles about diplomacy into facts — who met
// whom, where, when, how and about what, and which projects are built by whom
// — and those facts into quads for the graph. Everything language-specific
// lives in data files under lang/, everything about the world (people,
// places, topics, projects) under data/.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Version changes whenever extraction output changes, so that re-ingesting
// an unchanged article after an upgrade refreshes its facts.
const Version = "parley-extract/1"

// Extractor extracts facts from articles. It is safe for concurrent use.
type Extractor struct {
	lex *Lexicon
}

// New returns an extractor over the embedded lexicon.
func New() (*Extractor, error) {
	lx, err := LoadLexicon(Data)
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	return &Extractor{lex: lx}, nil
}

// NewWithLexicon returns an extractor over a given lexicon.
func NewWithLexicon(lx *Lexicon) *Extractor { return &Extractor{lex: lx} }

// Lexicon returns the extractor's lexicon.
func (x *Extractor) Lexicon() *Lexicon { return x.lex }

// ErrNoLanguageData reports an article in a language Parley has no data for.
type ErrNoLanguageData struct {
	Lang string
	Have []string // languages with data
}

func (e *ErrNoLanguageData) Error() string {
	return fmt.Sprintf("language %q has no extraction data (have: %s); skipped", e.Lang, strings.Join(e.Have, ", "))
}

// Entity is a person, place, topic, project or organisation named in facts.
type Entity struct {
	Kind     string // person, city, country, topic, project, organization
	Slug     string // IRI slug, stable across articles
	Name     string
	Aliases  []string
	Country  string // ISO code: person's or city's country, project's location
	Roles    []string
	Wikidata string
	Lat, Lon float64
	Category string // topic category, project type
	CityOf   string // project located in this city slug
}

// Evidence is where a fact was read: the sentence and its byte offset in the
// cleaned text, with a confidence in [0,1].
type Evidence struct {
	Sentence   string
	Offset     int
	Confidence float64
}

// Meeting is one meeting the article states.
type Meeting struct {
	Participants []*Entity
	Place        *Entity // city, nil if unknown or a call
	Kind         string  // in_person, phone, video
	Status       string  // held, planned
	Date         string  // xsd lexical form, "" if unknown
	DateType     string  // date, gYearMonth, gYear
	Topics       []*Entity
	Evidence     []Evidence
	TopicEv      map[string]Evidence
	PlaceEv      Evidence
}

// BuiltBy is a project and its builder.
type BuiltBy struct {
	Project, Builder *Entity
	Evidence         Evidence
}

// Article is what extraction yields for one document.
type Article struct {
	ID        string // slug of the file name
	Path      string
	Title     string
	Lang      string
	Published string
	Hash      string
	Meetings  []*Meeting
	BuiltBy   []BuiltBy
	Projects  []*Entity
}

// ArticleID is the stable identifier of an article read from path: the
// slug of its file name without extension.
func ArticleID(path string, data []byte) string {
	if path == "" || path == "-" {
		h := sha256.Sum256(data)
		return "stdin-" + hex.EncodeToString(h[:6])
	}
	base := filepath.Base(path)
	return slug(strings.TrimSuffix(base, filepath.Ext(base)))
}

// Extract reads one document. An article in a language without data returns
// *ErrNoLanguageData.
func (x *Extractor) Extract(doc Document) (*Article, error) {
	c, err := x.Clean(doc)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	h.Write([]byte(Version))
	h.Write(doc.Data)
	a := &Article{ID: ArticleID(doc.Path, doc.Data), Path: doc.Path, Title: c.Title, Lang: c.Lang,
		Published: c.Published, Hash: hex.EncodeToString(h.Sum(nil))}
	l := x.lex.Langs[c.Lang]
	if l == nil {
		return a, &ErrNoLanguageData{Lang: c.Lang, Have: x.lex.langCodes()}
	}
	ar := newArticleRun(x, l, c)
	ar.run()
	a.Meetings = ar.meetings()
	a.BuiltBy = ar.builtBy
	a.Projects = ar.projectList()
	return a, nil
}

// pubTime parses a YYYY-MM-DD publication date ("" → zero time).
func pubTime(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// slug makes an ASCII IRI slug from a name.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == '_':
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
