package extract

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Document is one article as read from disk or stdin.
type Document struct {
	Path string // file path, or "-" for stdin
	Data []byte
}

// Line is one kept line of an article's story.
type Line struct {
	Text    string
	Caption bool // a photo caption or a line the page repeats
	Title   bool // the headline
}

// Cleaned is an article reduced to its story.
type Cleaned struct {
	Title     string
	Lines     []Line
	Lang      string // language with data ("en", "tr"), or the detected code otherwise
	Published string // publication date YYYY-MM-DD, "" if unknown
	Dateline  string // city named in a dateline, "" if none
}

// isHTML sniffs whether a document is an HTML page.
func isHTML(doc Document) bool {
	ext := strings.ToLower(path.Ext(doc.Path))
	if ext == ".html" || ext == ".htm" {
		return true
	}
	head := bytes.ToLower(doc.Data[:min(len(doc.Data), 512)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
}

var blockTags = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "div": true, "td": true, "figcaption": true, "pre": true, "section": true, "article": true}

// htmlLines runs the main-content extractor and returns its block texts, the
// title and the publication date from the page's metadata.
func htmlLines(doc Document) (lines []string, title, published string, err error) {
	res, err := trafilatura.Extract(bytes.NewReader(doc.Data), trafilatura.Options{EnableFallback: true, ExcludeComments: true})
	if err != nil {
		return nil, "", "", fmt.Errorf("html: %w", err)
	}
	title = strings.TrimSpace(res.Metadata.Title)
	if !res.Metadata.Date.IsZero() {
		published = res.Metadata.Date.Format("2006-01-02")
	}
	var buf strings.Builder
	var walk func(n *html.Node)
	flush := func() {
		if t := strings.Join(strings.Fields(buf.String()), " "); t != "" {
			lines = append(lines, t)
		}
		buf.Reset()
	}
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			buf.WriteString(n.Data)
			buf.WriteByte(' ')
			return
		case html.ElementNode:
			if n.Data == "br" {
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	if res.ContentNode != nil {
		walk(res.ContentNode)
		flush()
	}
	if len(lines) == 0 && strings.TrimSpace(res.ContentText) != "" {
		lines = strings.Split(res.ContentText, "\n")
	}
	return lines, title, published, nil
}

var (
	reISODate       = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reNumDate       = regexp.MustCompile(`\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b`)
	reColonDateline = regexp.MustCompile(`^([A-ZÇĞİÖŞÜ][A-Za-zÇĞİÖŞÜçğıöşü .'-]{2,25}):\s+[A-ZÇĞİÖŞÜ]`)
	reCaption       = regexp.MustCompile(`\((?:L|R|left|right|C|center|centre|[LR]-[LR]|photo|Photo)\)|\((?:Image|Photo|Picture|File|Foto|Fotoğraf)\s*:|\([A-Z][A-Za-z]+/[A-Z][^)]*\)|^(?i:photo|foto|fotoğraf)\s*:|(?i)\bphoto:`)
	reDateline      = regexp.MustCompile(`^([A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜa-zçğıöşü .'-]{2,30}),\s+(.{3,25}?)\s*(?:\([A-Za-z /]+\))?\s*[-–—]\s`)
	reDateLabel     = regexp.MustCompile(`(?i)^\s*(date|published|updated|yayınlanma|yayın tarihi|güncelleme|tarih)\b[:\s]*`)
)

// Clean reduces a document to its story lines, detects its language and
// finds its publication date.
func (x *Extractor) Clean(doc Document) (*Cleaned, error) {
	if len(bytes.TrimSpace(doc.Data)) == 0 {
		return nil, fmt.Errorf("empty article")
	}
	c := &Cleaned{}
	var raw []string
	if isHTML(doc) {
		lines, title, pub, err := htmlLines(doc)
		if err != nil {
			return nil, err
		}
		c.Title, c.Published = title, pub
		raw = lines
		if title != "" {
			raw = append([]string{title}, raw...)
		}
	} else {
		if !isText(doc.Data) {
			return nil, fmt.Errorf("not a text file (binary data)")
		}
		raw = strings.Split(strings.ReplaceAll(string(doc.Data), "\r\n", "\n"), "\n")
	}
	for i := range raw {
		raw[i] = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if r == '\u00a0' || r == '\u200b' || r == '•' {
				return ' '
			}
			return r
		}, raw[i])), " ")
	}
	rawToks := make([][]token, len(raw))
	for i, r := range raw {
		rawToks[i] = tokenize(r)
	}
	lang := x.detect(rawToks, strings.Join(raw, "\n"))
	c.Lang = lang
	l := x.lex.Langs[lang]
	if l == nil {
		return c, nil
	}
	count := map[string]int{}
	for _, r := range raw {
		if r != "" {
			count[r]++
		}
	}
	// the story starts at the first full sentence line in the article's language
	body := len(raw)
	for i, r := range raw {
		toks := rawToks[i]
		if len(toks) < 12 || !endsSentence(r) {
			continue
		}
		if ll := x.lineLang(toks); !isBoilerplate(l, x.lex, toks) && (ll == lang || ll == "") {
			body = i
			break
		}
	}
	// the header: publication date and headline
	for i := 0; i < body; i++ {
		r := raw[i]
		toks := rawToks[i]
		if r == "" || len(toks) > 25 {
			continue
		}
		if c.Published == "" {
			if d := x.headerDate(l, r, raw); d != "" {
				c.Published = d
				if m := reDateLabel.FindString(r); m != "" || len(toks) <= 10 {
					continue
				}
			}
		}
		if len(toks) >= 4 && !strings.ContainsAny(r, "|#>»丨") && !endsSentence(r) && !isBoilerplate(l, x.lex, toks) &&
			!isByline(l, toks) && !reCaption.MatchString(r) && (c.Title == "" || !isHTML(doc)) {
			c.Title = r // the last headline-like line before the story
		}
	}
	if c.Title != "" {
		c.Lines = append(c.Lines, Line{Text: c.Title, Title: true})
	}
	seen := map[string]bool{c.Title: true}
	for i := body; i < len(raw); i++ {
		r := raw[i]
		if r == "" || seen[r] {
			continue
		}
		seen[r] = true
		if i == body && c.Published == "" {
			// "date 2025-11-24 Cumhurbaşkanı …": a date label opening the story
			if m := reDateLabel.FindString(r); m != "" {
				if d := reISODate.FindString(r); d != "" && strings.Index(r, d) < len(m)+2 {
					c.Published = d
					r = strings.TrimSpace(r[strings.Index(r, d)+len(d):])
				}
			}
		}
		toks := rawToks[i]
		if r != raw[i] {
			toks = tokenize(r)
		}
		if isBoilerplate(l, x.lex, toks) {
			continue
		}
		if len(toks) < 12 && !endsSentence(r) {
			continue // a byline, menu or heading
		}
		if len(toks) < 4 {
			continue
		}
		if other := x.lineLang(toks); other != "" && other != lang && len(toks) >= 5 {
			continue // a cookie banner in another language
		}
		if c.Dateline == "" && len(c.Lines) <= 3 {
			if m := reDateline.FindStringSubmatch(r); m != nil {
				c.Dateline = strings.TrimSpace(m[1])
				e := findDate(l, m[2], tokenize(m[2]))
				if c.Published == "" && e.y > 0 && e.m > 0 && e.d > 0 {
					c.Published, _ = e.resolve(time.Time{}, false)
				}
				if !e.empty() {
					// "Tokyo, May 2 2023 - …": the dateline's date is the
					// report's, not the date of what the sentence tells
					r = r[len(m[0]):]
				}
			} else if m := reColonDateline.FindStringSubmatch(r); m != nil {
				c.Dateline = strings.TrimSpace(m[1])
			}
		}
		caption := count[r] > 1 || (strings.ContainsAny(r, "(:") && reCaption.MatchString(r))
		c.Lines = append(c.Lines, Line{Text: r, Caption: caption})
	}
	return c, nil
}

// isByline: a line that opens with a byline word ("By", "Reporter:").
func isByline(l *Lang, toks []token) bool {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.fold + " ")
	}
	f := b.String()
	for _, p := range l.byline {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)»`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

func isText(b []byte) bool {
	return !bytes.ContainsRune(b[:min(len(b), 8000)], 0)
}

// headerDate finds a publication date in a short header line: ISO,
// numeric, or a month name with day and year.
func (x *Extractor) headerDate(l *Lang, line string, all []string) string {
	if m := reISODate.FindStringSubmatch(line); m != nil {
		return m[0]
	}
	if m := reNumDate.FindStringSubmatch(line); m != nil {
		return numericDate(m[1], m[2], m[3], strings.Join(all, "\n"))
	}
	if e := findDate(l, line, tokenize(line)); e.y > 0 && e.m > 0 && e.d > 0 {
		d, _ := e.resolve(time.Time{}, false)
		return d
	}
	return ""
}

// detect returns the language of text: a language with data when its
// function words dominate, otherwise the code a statistical detector gives.
func (x *Extractor) detect(lines [][]token, text string) string {
	best, bestN, total := "", 0, 0
	for _, toks := range lines {
		total += len(toks)
	}
	for _, code := range x.lex.langCodes() {
		n := 0
		for _, toks := range lines {
			for _, t := range toks {
				if x.lex.Langs[code].stop[t.fold] {
					n++
				}
			}
		}
		if n > bestN {
			best, bestN = code, n
		}
	}
	if total > 0 && float64(bestN)/float64(total) >= 0.08 {
		return best
	}
	info := whatlanggo.Detect(text)
	if code := info.Lang.Iso6391(); code != "" {
		return code
	}
	return "und"
}

// lineLang returns the data language whose function words clearly dominate
// a line, or "".
func (x *Extractor) lineLang(toks []token) string {
	best, bestN, second := "", 0, 0
	for _, code := range x.lex.langCodes() {
		n := 0
		for _, t := range toks {
			if x.lex.Langs[code].stop[t.fold] {
				n++
			}
		}
		if n > bestN {
			best, second, bestN = code, bestN, n
		} else if n > second {
			second = n
		}
	}
	if bestN >= 2 && bestN >= 2*second+1 {
		return best
	}
	return ""
}

func isBoilerplate(l *Lang, lx *Lexicon, toks []token) bool {
	var b strings.Builder
	b.WriteByte(' ')
	for _, t := range toks {
		b.WriteString(t.fold)
		b.WriteByte(' ')
	}
	f := b.String()
	for _, p := range l.boiler {
		if strings.Contains(f, p) {
			return true
		}
	}
	for _, ll := range lx.Langs {
		if ll == l {
			continue
		}
		for _, p := range ll.boiler {
			if strings.Contains(f, p) && len(toks) < 60 {
				return true
			}
		}
	}
	return false
}

// phraseTokensPlain folds text into tokens without suffix handling.
func phraseTokensPlain(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		out = append(out, t.fold)
	}
	return out
}

func loadWords(fsys fs.FS, name string) []string {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// splitSentences splits a line into sentences, keeping abbreviations,
// initials and decimal numbers intact.
func splitSentences(l *Lang, s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`"'”’»)`, rs[j]) {
			j++
		}
		if j >= len(rs) || !unicode.IsSpace(rs[j]) {
			continue
		}
		k := j
		for k < len(rs) && unicode.IsSpace(rs[k]) {
			k++
		}
		if k >= len(rs) {
			continue
		}
		next := rs[k]
		if !(unicode.IsUpper(next) || strings.ContainsRune(`"“'‘«`, next) || unicode.IsDigit(next)) {
			continue
		}
		if r == '.' {
			// the word before the period
			w := i - 1
			for w >= 0 && (unicode.IsLetter(rs[w]) || rs[w] == '.') {
				w--
			}
			word := strings.ToLower(string(rs[w+1 : i]))
			if len([]rune(word)) == 1 && unicode.IsUpper(rs[i-1]) {
				continue // an initial
			}
			if l.abbrev[word] {
				continue
			}
		}
		out = append(out, strings.TrimSpace(string(rs[start:j])))
		start = k
	}
	if rest := strings.TrimSpace(string(rs[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}
