package extract

import (
	"hash/maphash"
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
	cap   bool   // starts with an upper-case letter
	upper bool   // all letters upper-case (headlines)
	hash  uint64 // foldHash(fold), set by tokenize so that trie look-ups do not rehash the word
}

// foldKey is the token's hash for trie look-ups, computed if the token was
// not made by tokenize.
func (t *token) foldKey() uint64 {
	if t.hash == 0 {
		return foldHash(t.fold)
	}
	return t.hash
}

// foldSeed seeds the hashes of folded words; tokens and tries share it.
var foldSeed = maphash.MakeSeed()

// foldHash hashes a folded word for trie lookups.
func foldHash(s string) uint64 { return maphash.String(foldSeed, s) }

// asciiWord marks the ASCII letters and digits, the bytes that make up
// most words, so that tokenizing English needs no rune decoding.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isApos reports whether r is an apostrophe that may precede a Turkish suffix.
func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// nextToken finds the first token at or after byte i of s: its bounds
// [start,end) and the offset of the apostrophe before its suffix (-1 if it
// has none). start == len(s) when no token is left. A token starts with a
// letter or digit and runs over letters, digits and marks; an apostrophe
// followed by a letter continues it once, as its suffix.
func nextToken(s string, i int) (start, end, apos int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += w
	}
	j := i
	apos = -1
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf && asciiWord[c] {
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if c >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			j += w
			continue
		}
		if isApos(r) && apos < 0 && j+w < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[j+w:]); unicode.IsLetter(r2) {
				apos = j
				j += w
				continue
			}
		}
		break
	}
	return i, j, apos
}

// tokenize splits s into word tokens (letters and digits; an apostrophe and
// the letters after it become the token's suffix). Punctuation is dropped
// but token offsets let callers look at what lies between tokens.
//
// Tokenizing is on the path of every line and sentence, so it allocates
// at most twice: the tokens, counted first, and one buffer holding the
// folded words that differ from the text (see folder).
func tokenize(s string) []token {
	n := 0
	for i := 0; ; n++ {
		start, end, _ := nextToken(s, i)
		if start == len(s) {
			break
		}
		i = end
	}
	if n == 0 {
		return nil
	}
	toks := make([]token, n)
	var f folder
	i := 0
	for k := range toks {
		start, end, apos := nextToken(s, i)
		t := &toks[k]
		t.start, t.end, t.text = start, end, s[start:end]
		if apos >= 0 {
			t.text = s[start:apos]
			_, aw := utf8.DecodeRuneInString(s[apos:])
			// English possessive: "Russia's" keeps suffix "s".
			t.suf = f.fold(s[apos+aw:end], len(s)-start)
		}
		t.fold = f.fold(t.text, len(s)-start)
		t.hash = foldHash(t.fold)
		if c := t.text[0]; c < utf8.RuneSelf {
			t.cap = 'A' <= c && c <= 'Z'
		} else {
			first, _ := utf8.DecodeRuneInString(t.text)
			t.cap = unicode.IsUpper(first)
		}
		t.upper = t.cap && isAllUpper(t.text)
		i = end
	}
	return toks
}

// folder folds the words of one text into a shared buffer. A word already
// folded (lowercase ASCII, most words) is its own folded form and needs no
// copy.
type folder struct {
	buf strings.Builder
}

// fold returns graph.Fold(w); rest bounds the size of what is left to
// fold, for sizing the buffer once. The buffer only grows, so earlier
// results stay valid.
func (f *folder) fold(w string, rest int) string {
	if isFoldedASCII(w) {
		return w
	}
	if f.buf.Cap() == 0 {
		f.buf.Grow(rest)
	}
	k := f.buf.Len()
	graph.FoldTo(&f.buf, w)
	return f.buf.String()[k:]
}

// isFoldedASCII reports whether s is ASCII without upper-case letters, so
// that folding leaves it as it is.
func isFoldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
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
//
// Every word of a sentence is looked up at the root of a dozen tries, and
// in a few of them (the gazetteer's root has tens of thousands of
// children) most words lead nowhere. Children are therefore found by the
// hash the token carries, and each node keeps a filter of its children's
// hashes: a word that leads nowhere usually costs a bit test. Many
// children are kept in an open-addressing hash table, where finding one
// reads one or two cache lines.
type trie struct {
	key    string                  // the folded token leading to this node
	vals   []int                   // values of the phrases ending here
	bits   uint64                  // filter of the hashes of few children
	kids   []edge                  // few children (at most maxKids)
	table  []edge                  // many children: a power of two slots, at most 3/4 used
	many   int                     // children in table
	filter []uint64                // filter of the hashes of the children in table
	prefix []prefixEdge            // prefixes shorter than 3 bytes
	byHead map[uint32][]prefixEdge // longer prefixes, by their first 3 bytes
}

// edge is a child with the hash of its key (an empty table slot has no child).
type edge struct {
	hash uint64
	t    *trie
}

type prefixEdge struct {
	p string
	t *trie
}

// maxKids is how many children a node keeps in a list before it moves
// them to a table.
const maxKids = 8

func newTrie() *trie { return &trie{} }

// head3 packs the first 3 bytes of s (len(s) >= 3) into a map key.
func head3(s string) uint32 { return uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2]) }

// hashBits are the two bits a hash sets in a filter word.
func hashBits(h uint64) uint64 { return 1<<(h%64) | 1<<(h>>6%64) }

// filterWord is the index of the filter word of hash h; the filter has a
// power of two words.
func (t *trie) filterWord(h uint64) uint64 { return h >> 12 & uint64(len(t.filter)-1) }

// child returns the child reached by the folded token f with hash h, or nil.
func (t *trie) child(f string, h uint64) *trie {
	if t.table == nil {
		if t.bits&hashBits(h) != hashBits(h) {
			return nil
		}
		for _, e := range t.kids {
			if e.hash == h && e.t.key == f {
				return e.t
			}
		}
		return nil
	}
	if t.filter[t.filterWord(h)]&hashBits(h) != hashBits(h) {
		return nil
	}
	mask := uint64(len(t.table) - 1)
	for i := h & mask; t.table[i].t != nil; i = (i + 1) & mask {
		if e := t.table[i]; e.hash == h && e.t.key == f {
			return e.t
		}
	}
	return nil
}

// addChild adds a child reached by its key with hash h.
func (t *trie) addChild(c *trie, h uint64) {
	switch {
	case t.table == nil && len(t.kids) < maxKids:
		t.kids = append(t.kids, edge{h, c})
		t.bits |= hashBits(h)
		return
	case t.table == nil:
		kids := t.kids
		t.kids, t.bits = nil, 0
		t.newTable(4*(len(kids)+1), len(kids)+1)
		for _, e := range kids {
			t.put(e)
		}
	case 4*(t.many+1) > 3*len(t.table):
		old := t.table
		t.newTable(2*len(old), t.many+1)
		for _, e := range old {
			if e.t != nil {
				t.put(e)
			}
		}
	}
	t.put(edge{h, c})
}

// newTable makes an empty table of at least size slots and a filter with
// 16 to 32 bits for each of n children; both have a power of two words.
func (t *trie) newTable(size, n int) {
	slots, words := 1, 1
	for slots < size {
		slots *= 2
	}
	for words*64 < 16*n {
		words *= 2
	}
	t.table, t.filter, t.many = make([]edge, slots), make([]uint64, words), 0
}

// put puts e in the first free slot of the table from its hash on.
func (t *trie) put(e edge) {
	mask := uint64(len(t.table) - 1)
	i := e.hash & mask
	for t.table[i].t != nil {
		i = (i + 1) & mask
	}
	t.table[i] = e
	t.many++
	t.filter[t.filterWord(e.hash)] |= hashBits(e.hash)
}

// add inserts a phrase (already folded tokens) with a value index.
func (t *trie) add(toks []string, v int) {
	n := t
	for _, tk := range toks {
		if strings.HasSuffix(tk, "*") && len(tk) > 1 {
			p := strings.TrimSuffix(tk, "*")
			var found *trie
			list := n.prefix
			if len(p) >= 3 {
				list = n.byHead[head3(p)]
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
						n.byHead = map[uint32][]prefixEdge{}
					}
					n.byHead[head3(p)] = append(n.byHead[head3(p)], prefixEdge{p, found})
				} else {
					n.prefix = append(n.prefix, prefixEdge{p, found})
				}
			}
			n = found
			continue
		}
		h := foldHash(tk)
		c := n.child(tk, h)
		if c == nil {
			c = &trie{key: tk}
			n.addChild(c, h)
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
	w := walker{toks: toks, start: i}
	if i < len(toks) && t.prefix == nil && t.byHead == nil {
		// the common case, a node with words only: most tokens end the
		// search here, and a match needs at least one token
		tk := &toks[i]
		c := t.child(tk.fold, tk.foldKey())
		if c == nil {
			return match{}, false
		}
		w.walk(c, i+1)
	} else {
		w.walk(t, i)
	}
	return w.best, w.ok
}

// walker is the state of one longest-match search.
type walker struct {
	toks  []token
	start int
	best  match
	ok    bool
}

// walk follows every edge token j can take from n: the exact word, then
// the prefixes in the order they were added. On ties the first path wins.
func (w *walker) walk(n *trie, j int) {
	if len(n.vals) > 0 && j > w.start && (!w.ok || j > w.best.end) {
		w.best = match{start: w.start, end: j, vals: n.vals}
		w.ok = true
	}
	if j >= len(w.toks) {
		return
	}
	tk := &w.toks[j]
	if c := n.child(tk.fold, tk.foldKey()); c != nil {
		w.walk(c, j+1)
	}
	for _, e := range n.prefix {
		if strings.HasPrefix(tk.fold, e.p) {
			w.walk(e.t, j+1)
		}
	}
	if f := tk.fold; len(f) >= 3 && n.byHead != nil {
		for _, e := range n.byHead[head3(f)] {
			if strings.HasPrefix(f, e.p) {
				w.walk(e.t, j+1)
			}
		}
	}
}

// occurs reports whether a phrase of t occurs anywhere in toks.
func (t *trie) occurs(toks []token) bool {
	for i := range toks {
		if _, ok := t.longest(toks, i); ok {
			return true
		}
	}
	return false
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
