package graph

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Key is the predicate of a node's search tokens: the folded words of its
// name and aliases, indexed by Cayley so that names resolve without a scan.
const Key = "key"

var stripMarks = runes.Remove(runes.In(unicode.Mn))

// Fold lowercases s and removes diacritics, treating the Turkish dotted and
// dotless i (İ, ı) as plain i: "ERDOĞAN", "Erdoğan" and "erdogan" all fold
// to "erdogan".
func Fold(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case 'İ', 'I', 'ı':
			return 'i'
		case 'ß':
			return 's'
		}
		return r
	}, s)
	t := transform.Chain(norm.NFD, stripMarks, norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
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
