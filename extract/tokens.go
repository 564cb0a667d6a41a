package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley/parley/graph"
)

// token is one word of a sentence.
type token struct {
	text  string // as written, without a Turkish suffix after an apostrophe
	fold  string // folded: lowercase, no diacritics, i for İ/ı
	suf   string // folded suffix after an apostrophe ("da" in "Astana'da")
	start int    // byte offsets in the sentence
	end   int
	cap   bool // starts with an upper-case letter
	upper bool // all letters upper-case (headlines)
}

// isApos reports whether r is an apostrophe that may precede a Turkish suffix.
func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// tokenize splits s into word tokens (letters and digits; an apostrophe and
// the letters after it become the token's suffix). Punctuation is dropped
// but token offsets let callers look at what lies between tokens.
func tokenize(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += w
			continue
		}
		j := i
		apos := -1
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsMark(r2) {
				j += w2
				continue
			}
			if isApos(r2) && apos < 0 && j+w2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+w2:])
				if unicode.IsLetter(r3) {
					apos = j
					j += w2
					continue
				}
			}
			break
		}
		word := s[i:j]
		t := token{start: i, end: j}
		if apos >= 0 {
			t.text = s[i:apos]
			_, aw := utf8.DecodeRuneInString(s[apos:])
			t.suf = graph.Fold(s[apos+aw : j])
			// English possessive: "Russia's" keeps suffix "s".
		} else {
			t.text = word
		}
		t.fold = graph.Fold(t.text)
		first, _ := utf8.DecodeRuneInString(t.text)
		t.cap = unicode.IsUpper(first)
		t.upper = t.cap && isAllUpper(t.text)
		toks = append(toks, t)
		i = j
	}
	return toks
}

func isAllUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 1
}

// phraseTokens folds a lexicon phrase into the tokens the matcher compares.
func phraseTokens(p string) []string {
	var out []string
	for _, t := range tokenize(p) {
		f := t.fold
		if t.suf != "" {
			// lexicon phrases keep a suffix only when written with it
			f += "'" + t.suf
		}
		out = append(out, f)
	}
	if strings.HasSuffix(strings.TrimSpace(p), "*") && len(out) > 0 {
		out[len(out)-1] += "*"
	}
	return out
}

// trie matches token sequences (folded) to values, longest match first.
// A pattern token ending in '*' matches any token with that prefix.
type trie struct {
	next   map[string]*trie
	prefix []prefixEdge            // prefixes shorter than 3 bytes
	byHead map[string][]prefixEdge // longer prefixes, by their first 3 bytes
	vals   []int
}

type prefixEdge struct {
	p string
	t *trie
}

func newTrie() *trie { return &trie{next: map[string]*trie{}} }

// add inserts a phrase (already folded tokens) with a value index.
func (t *trie) add(toks []string, v int) {
	n := t
	for _, tk := range toks {
		if strings.HasSuffix(tk, "*") && len(tk) > 1 {
			p := strings.TrimSuffix(tk, "*")
			var found *trie
			list := n.prefix
			if len(p) >= 3 {
				list = n.byHead[p[:3]]
			}
			for _, e := range list {
				if e.p == p {
					found = e.t
				}
			}
			if found == nil {
				found = newTrie()
				if len(p) >= 3 {
					if n.byHead == nil {
						n.byHead = map[string][]prefixEdge{}
					}
					n.byHead[p[:3]] = append(n.byHead[p[:3]], prefixEdge{p, found})
				} else {
					n.prefix = append(n.prefix, prefixEdge{p, found})
				}
			}
			n = found
			continue
		}
		c := n.next[tk]
		if c == nil {
			c = newTrie()
			n.next[tk] = c
		}
		n = c
	}
	for _, x := range n.vals {
		if x == v {
			return
		}
	}
	n.vals = append(n.vals, v)
}

// match is a trie hit: tokens [start,end) carry values vals.
type match struct {
	start, end int
	vals       []int
}

// longest returns the longest match starting at token i, if any. A match
// may not end in the middle of a token's apostrophe suffix handling: tokens
// are compared by their folded text only.
func (t *trie) longest(toks []token, i int) (match, bool) {
	best := match{}
	ok := false
	var walk func(n *trie, j int)
	walk = func(n *trie, j int) {
		if len(n.vals) > 0 && j > i && (!ok || j > best.end) {
			best = match{start: i, end: j, vals: n.vals}
			ok = true
		}
		if j >= len(toks) {
			return
		}
		if c := n.next[toks[j].fold]; c != nil {
			walk(c, j+1)
		}
		for _, e := range n.prefix {
			if strings.HasPrefix(toks[j].fold, e.p) {
				walk(e.t, j+1)
			}
		}
		if f := toks[j].fold; len(f) >= 3 && n.byHead != nil {
			for _, e := range n.byHead[f[:3]] {
				if strings.HasPrefix(f, e.p) {
					walk(e.t, j+1)
				}
			}
		}
	}
	walk(t, i)
	return best, ok
}

// all returns non-overlapping longest matches scanning left to right.
func (t *trie) all(toks []token) []match {
	var out []match
	for i := 0; i < len(toks); {
		if m, ok := t.longest(toks, i); ok {
			out = append(out, m)
			i = m.end
			continue
		}
		i++
	}
	return out
}
