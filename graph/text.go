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
	for _, r := range s {
		if r < tableSize {
			b.WriteString(foldTable[r])
		} else {
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}

// Tokens splits s into folded word tokens: letters and digits only, a
// Turkish suffix after an apostrophe dropped ("Putin'in" → "putin").
func Tokens(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		if i := strings.IndexAny(f, "'’"); i >= 0 {
			f = f[:i]
		}
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}
