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
	"unicode/utf8"

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
	page := isHTML(doc)
	if page {
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
		raw[i] = normalizeSpace(raw[i])
	}
	rawToks := make([][]token, len(raw))
	for i, r := range raw {
		rawToks[i] = tokenize(r)
	}
	lang := x.detect(rawToks, raw)
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
			!isByline(l, toks) && !isCaption(r) && (c.Title == "" || !page) {
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
				if iso := findISODate(r); iso != nil && strings.Index(r, iso[0]) < len(m)+2 {
					d := iso[0]
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
		caption := count[r] > 1 || isCaption(r)
		c.Lines = append(c.Lines, Line{Text: r, Caption: caption})
	}
	return c, nil
}

// isByline: a line that opens with a byline word ("By", "Reporter:").
func isByline(l *Lang, toks []token) bool {
	for _, p := range l.byline {
		if startsWith(toks, p) {
			return true
		}
	}
	return false
}

// startsWith reports whether the folded tokens open with the phrase p, a
// non-empty list of folded words.
func startsWith(toks []token, p []string) bool {
	if len(p) == 0 || len(p) > len(toks) {
		return false
	}
	for i, w := range p {
		if toks[i].fold != w {
			return false
		}
	}
	return true
}

// normalizeSpace replaces no-break and zero-width spaces and bullets by
// spaces, collapses runs of white space into one space and trims the ends.
// Most lines need none of it and are returned as they are.
func normalizeSpace(s string) string {
	if isNormalSpace(s) {
		return s
	}
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\u200b' || r == '•' {
			return ' '
		}
		return r
	}, s)), " ")
}

// isNormalSpace reports whether normalizeSpace would leave s unchanged:
// valid UTF-8 whose only white space is single spaces between words, with
// no character that becomes a space.
func isNormalSpace(s string) bool {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case ' ' < c && c < utf8.RuneSelf:
			i++
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
			i++
		case c < ' ':
			if c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				return false
			}
			i++
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 || r == '\u00a0' || r == '\u200b' || r == '•' || unicode.IsSpace(r) {
				return false
			}
			i += w
		}
	}
	return true
}

// isCaption reports a photo caption: "(L)", "(Photo: …)", "(AA/Reuters)",
// "Photo: …". Every form has a parenthesis, or a colon and "photo" or
// "foto" in any case, which most lines lack.
func isCaption(s string) bool {
	if strings.IndexByte(s, '(') < 0 && (strings.IndexByte(s, ':') < 0 || !containsOto(s)) {
		return false
	}
	return reCaption.MatchString(s)
}

// containsOto reports whether s contains "oto" in any case.
func containsOto(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		if s[i]|0x20 == 'o' && s[i+1]|0x20 == 't' && s[i+2]|0x20 == 'o' {
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
	if m := findISODate(line); m != nil {
		return m[0]
	}
	if m := findNumDate(line); m != nil {
		return numericDate(m[1], m[2], m[3], strings.Join(all, "\n"))
	}
	if e := findDate(l, line, tokenize(line)); e.y > 0 && e.m > 0 && e.d > 0 {
		d, _ := e.resolve(time.Time{}, false)
		return d
	}
	return ""
}

// detect returns the language of the lines: a language with data when its
// function words dominate, otherwise the code a statistical detector gives.
func (x *Extractor) detect(lines [][]token, raw []string) string {
	var buf [8]int
	counts := x.lex.stopCounts(buf[:0], lines...)
	best, bestN, total := "", 0, 0
	for _, toks := range lines {
		total += len(toks)
	}
	for i, code := range x.lex.langCodes() {
		if n := counts[i]; n > bestN {
			best, bestN = code, n
		}
	}
	if total > 0 && float64(bestN)/float64(total) >= 0.08 {
		return best
	}
	info := whatlanggo.Detect(strings.Join(raw, "\n"))
	if code := info.Lang.Iso6391(); code != "" {
		return code
	}
	return "und"
}

// lineLang returns the data language whose function words clearly dominate
// a line, or "".
func (x *Extractor) lineLang(toks []token) string {
	var buf [8]int
	counts := x.lex.stopCounts(buf[:0], toks)
	best, bestN, second := "", 0, 0
	for i, code := range x.lex.langCodes() {
		n := counts[i]
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

// isBoilerplate reports a line holding a boilerplate phrase ("all rights
// reserved") of its language, or, when short, of another language.
func isBoilerplate(l *Lang, lx *Lexicon, toks []token) bool {
	if l.boiler.occurs(toks) {
		return true
	}
	if len(toks) >= 60 {
		return false
	}
	for _, ll := range lx.Langs {
		if ll != l && ll.boiler.occurs(toks) {
			return true
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
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // each invalid byte becomes U+FFFD
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		r := s[i]
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(s) {
			c, w := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune(`"'”’»)`, c) {
				break
			}
			j += w
		}
		if j >= len(s) {
			continue
		}
		if c, _ := utf8.DecodeRuneInString(s[j:]); !unicode.IsSpace(c) {
			continue
		}
		k := j
		for k < len(s) {
			c, w := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsSpace(c) {
				break
			}
			k += w
		}
		if k >= len(s) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[k:])
		if !(unicode.IsUpper(next) || strings.ContainsRune(`"“'‘«`, next) || unicode.IsDigit(next)) {
			continue
		}
		if r == '.' {
			// the word before the period
			w := i
			for w > 0 {
				c, cw := utf8.DecodeLastRuneInString(s[:w])
				if !unicode.IsLetter(c) && c != '.' {
					break
				}
				w -= cw
			}
			word := strings.ToLower(s[w:i])
			if utf8.RuneCountInString(word) == 1 {
				if last, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsUpper(last) {
					continue // an initial
				}
			}
			if l.abbrev[word] {
				continue
			}
		}
		out = append(out, strings.TrimSpace(s[start:j]))
		start = k
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}
