package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key is the predicate of a node's search tokens: the folded words of its
// name and aliases, indexed by Cayley so that names resolve without a scan.
const Key = "key"

// foldTable holds the folded form of every rune below tableSize, computed
// once, so that Fold allocates only its result.
const tableSize = 0x3000

var foldTable [tableSize]string

func init() {
	for r := rune(0); r < tableSize; r++ {
		foldTable[r] = foldRune(r)
	}
}

// foldRune lowercases a rune and removes its diacritics, treating the
// Turkish dotted and dotless i (İ, ı) as plain i.
func foldRune(r rune) string {
	switch r {
	case 'İ', 'I', 'ı':
		return "i"
	case 'ß':
		return "ss"
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		b.WriteRune(unicode.ToLower(d))
	}
	return b.String()
}

// Fold lowercases s and removes diacritics, treating the Turkish dotted and
// dotless i (İ, ı) as plain i: "ERDOĞAN", "Erdoğan" and "erdogan" all fold
// to "erdogan".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	FoldTo(&b, s)
	return b.String()
}

// FoldTo writes Fold(s) to b, for callers folding many words into one
// buffer.
func FoldTo(b *strings.Builder, s string) {
	same := 0 // start of the bytes not written yet, which fold to themselves
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteString(s[same:i])
				b.WriteByte(c + 'a' - 'A')
				same = i + 1
			}
			i++
			continue
		}
		b.WriteString(s[same:i])
		r, w := utf8.DecodeRuneInString(s[i:])
		if r < tableSize {
			b.WriteString(foldTable[r])
		} else {
			b.WriteString(foldRune(r))
		}
		i += w
		same = i
	}
	b.WriteString(s[same:])
}

// Tokens splits s into folded word tokens: letters and digits only, a
// Turkish suffix after an apostrophe dropped ("Putin'in" → "putin").
func Tokens(s string) []string {
	var out []string
	f := Fold(s)
	for i := 0; i < len(f); {
		// a field: a run of letters, digits and apostrophes; its token ends
		// at the first apostrophe
		start, end := i, -1
		for i < len(f) {
			r, w := utf8.DecodeRuneInString(f[i:])
			if r == '\'' || r == '’' {
				if end < 0 {
					end = i
				}
			} else if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			i += w
		}
		if i == start {
			_, w := utf8.DecodeRuneInString(f[i:])
			i += w // a separator
			continue
		}
		if end < 0 {
			end = i
		}
		if end > start {
			if out == nil {
				// usually one token per word
				out = make([]string, 0, strings.Count(f[i:], " ")+1)
			}
			out = append(out, f[start:end])
		}
	}
	return out
}
