package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateExpr is a date as written in a sentence, before resolution.
type dateExpr struct {
	y, m, d int // 0 = not given
	weekday int // -1 = none
	rel     int // days relative to publication (rel words), with hasRel
	hasRel  bool
	approx  bool // "last week": a date that cannot be pinned
	same    bool // "the same day": the date of the meeting told before
}

func (e dateExpr) empty() bool {
	return e.y == 0 && e.m == 0 && e.d == 0 && e.weekday < 0 && !e.hasRel && !e.approx && !e.same
}

// findDate finds the most specific date expression in a sentence.
func findDate(l *Lang, s string, toks []token) dateExpr {
	best := dateExpr{weekday: -1}
	// numeric dates need a digit; without one only words can be dates
	if strings.ContainsAny(s, "0123456789") {
		if m := findISODate(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if validYMD(y, mo, d) {
				return dateExpr{y: y, m: mo, d: d, weekday: -1}
			}
		}
		if m := findNumDate(s); m != nil {
			if iso := numericDate(m[1], m[2], m[3], s); iso != "" {
				t, _ := time.Parse("2006-01-02", iso)
				return dateExpr{y: t.Year(), m: int(t.Month()), d: t.Day(), weekday: -1}
			}
		}
	}
	score := func(e dateExpr) int {
		n := 0
		if e.y > 0 {
			n += 4
		}
		if e.m > 0 {
			n += 2
		}
		if e.d > 0 {
			n += 2
		}
		if e.weekday >= 0 || e.hasRel {
			n++
		}
		return n
	}
	for _, mt := range l.dates.all(toks) {
		w := l.dateVals[mt.vals[0]]
		e := dateExpr{weekday: -1}
		switch w.kind {
		case "month":
			// "March" at a sentence start could be a name; require a number near it.
			e.m = w.val
			first, end := mt.start, mt.end
			if mt.start > 0 {
				if d := dayNum(toks[mt.start-1].fold); d > 0 {
					e.d, first = d, mt.start-1
				}
			}
			if mt.end < len(toks) {
				if d := dayNum(toks[mt.end].fold); d > 0 && e.d == 0 {
					e.d, end = d, mt.end+1
					if mt.end+1 < len(toks) {
						if y := yearNum(toks[mt.end+1].fold); y > 0 {
							e.y, end = y, mt.end+2
						}
					}
				} else if y := yearNum(toks[mt.end].fold); y > 0 {
					e.y, end = y, mt.end+1
				}
			}
			if e.d == 0 && e.y == 0 {
				continue
			}
			if boundOfSpan(l, toks, first, end) {
				continue // "a visit that runs until April 20"
			}
			if toks[mt.start].fold == "may" && !toks[mt.start].cap {
				continue
			}
		case "weekday":
			if boundOfSpan(l, toks, mt.start, mt.end) {
				continue
			}
			e.weekday = w.val
		case "rel":
			e.rel, e.hasRel = w.val, true
		case "approx":
			e.approx = true
		case "same":
			e.same = true
		}
		if score(e) > score(best) || (best.empty() && (e.approx || e.same)) {
			best = e
		}
	}
	if best.empty() || (best.y == 0 && best.m == 0 && best.weekday < 0 && !best.hasRel) {
		// "in 2019"
		for i, t := range toks {
			if y := yearNum(t.fold); y > 0 && i > 0 && (toks[i-1].fold == "in" || t.suf != "") {
				if best.approx {
					break
				}
				return dateExpr{y: y, weekday: -1}
			}
		}
	}
	return best
}

// findISODate finds the first ISO date "2024-06-10" standing alone in s,
// as the regular expression \b(\d{4})-(\d{2})-(\d{2})\b would: the match
// and its year, month and day, or nil. Dates are looked for in every
// sentence, and scanning for them is much cheaper than the regexp.
func findISODate(s string) []string {
	for p := 0; p+10 <= len(s); p++ {
		if !isDigit(s[p]) || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		if digits(s, p, 4) && s[p+4] == '-' && digits(s, p+5, 2) && s[p+7] == '-' && digits(s, p+8, 2) &&
			(p+10 == len(s) || !isWordByte(s[p+10])) {
			return []string{s[p : p+10], s[p : p+4], s[p+5 : p+7], s[p+8 : p+10]}
		}
	}
	return nil
}

// findNumDate finds the first numeric date "5.3.2024", "05/03/2024"
// standing alone in s, as \b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b would:
// the match and its three numbers, or nil.
func findNumDate(s string) []string {
	for p := 0; p < len(s); p++ {
		if !isDigit(s[p]) || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		// one or two digits, a separator, one or two digits, a separator: a
		// third digit can be neither, so the lengths are the digit runs.
		a := p + numLen(s, p)
		if a >= len(s) || !isDateSep(s[a]) {
			continue
		}
		b := a + 1 + numLen(s, a+1)
		if b == a+1 || b >= len(s) || !isDateSep(s[b]) {
			continue
		}
		if b+5 <= len(s) && digits(s, b+1, 4) && (b+5 == len(s) || !isWordByte(s[b+5])) {
			return []string{s[p : b+5], s[p:a], s[a+1 : b], s[b+1 : b+5]}
		}
	}
	return nil
}

// numLen is the length of the run of at most 2 digits at s[i:].
func numLen(s string, i int) int {
	n := 0
	for n < 2 && i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool   { return '0' <= c && c <= '9' }
func isDateSep(c byte) bool { return c == '-' || c == '.' || c == '/' }

// isWordByte reports an ASCII word character, as \b sees them; bytes of
// other runes are not.
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// digits reports whether s[i:i+n] is n ASCII digits.
func digits(s string, i, n int) bool {
	if i+n > len(s) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

// boundOfSpan reports whether the date in tokens [first,end) is the bound
// of a span rather than the day of an event: "until April 20", "since
// Monday", "20 Nisan'a kadar".
func boundOfSpan(l *Lang, toks []token, first, end int) bool {
	if first > 0 && l.dateBound[toks[first-1].fold] < 0 {
		return true
	}
	if end < len(toks) && l.dateBound[toks[end].fold] > 0 {
		return true
	}
	return false
}

func dayNum(s string) int {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd")
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 || d > 31 {
		return 0
	}
	return d
}

func yearNum(s string) int {
	if len(s) != 4 {
		return 0
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1945 || y > 2100 {
		return 0
	}
	return y
}

func validYMD(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// numericDate resolves an all-numeric date "a-b-yyyy". When both day-month
// orders are valid it prefers the one whose month the surrounding text names
// elsewhere (a caption's "Dec. 1, 2016" settles "12-02-2016"); otherwise
// day first.
func numericDate(a, b, ys string, context string) string {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	year, _ := strconv.Atoi(ys)
	dm := validYMD(year, y, x) // a = day
	md := validYMD(year, x, y) // a = month
	switch {
	case dm && !md:
		return fmt.Sprintf("%04d-%02d-%02d", year, y, x)
	case md && !dm:
		return fmt.Sprintf("%04d-%02d-%02d", year, x, y)
	case !md && !dm:
		return ""
	}
	months := monthsNamed(context)
	if months[x] && !months[y] {
		return fmt.Sprintf("%04d-%02d-%02d", year, x, y)
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, y, x)
}

// monthsNamed returns the months text names before a day number ("Dec. 1",
// "March 5"). It finds what the regular expression
//
//	(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b
//
// finds with FindAllStringSubmatch, each month by monthIndex of the first
// group, without running a regexp over a whole article. Like that
// expression it folds case as Unicode does: the long s "ſ" matches s, and
// it and the Kelvin sign "K" match [a-z].
func monthsNamed(text string) map[int]bool {
	months := map[int]bool{}
	for p := 0; p < len(text); p++ {
		if word, end := monthDayAt(text, p); end > 0 {
			months[monthIndex(word)] = true
			p = end - 1
		}
	}
	return months
}

// monthDayAt matches a month and day number at byte p of s (see
// monthsNamed): the month word as written and the end of the match, or
// end 0.
func monthDayAt(s string, p int) (word string, end int) {
	var abbr [3]byte
	q := p
	for k := range abbr {
		switch w := foldedLetter(s[q:]); {
		case w == 1:
			abbr[k] = s[q] | 0x20
			q++
		case w > 0 && strings.HasPrefix(s[q:], "ſ"):
			abbr[k] = 's'
			q += w
		default:
			return "", 0 // no letter, or "K", which no month has
		}
	}
	switch string(abbr[:]) {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
	default:
		return "", 0
	}
	// \b: a word character on exactly one side; "ſ" is none
	if (p > 0 && isWordByte(s[p-1])) == isLetterByte(s[p]) {
		return "", 0
	}
	word = s[p:q]
	// [a-z]*: the longest run, as no shorter one can be followed by \.?\s
	for w := foldedLetter(s[q:]); w > 0; w = foldedLetter(s[q:]) {
		q += w
	}
	if q < len(s) && s[q] == '.' {
		q++
	}
	sp := q
	for q < len(s) && (s[q] == ' ' || s[q] == '\t' || s[q] == '\n' || s[q] == '\f' || s[q] == '\r') {
		q++
	}
	if q == sp {
		return "", 0
	}
	d := q
	for q < len(s) && isDigit(s[q]) {
		q++
	}
	if n := q - d; n < 1 || n > 2 || q < len(s) && isWordByte(s[q]) {
		return "", 0
	}
	return word, q
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// foldedLetter returns the byte length of the letter s starts with if
// (?i)[a-z] matches it: an ASCII letter, "ſ" or "K"; 0 otherwise.
func foldedLetter(s string) int {
	switch {
	case s == "":
		return 0
	case isLetterByte(s[0]):
		return 1
	case strings.HasPrefix(s, "ſ"):
		return len("ſ")
	case strings.HasPrefix(s, "K"):
		return len("K")
	}
	return 0
}

func monthIndex(abbr string) int {
	return strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(abbr)[:3])/3 + 1
}

// resolve turns a date expression into an xsd lexical form and its datatype,
// using the publication date (may be zero) and whether the event is planned.
func (e dateExpr) resolve(pub time.Time, planned bool) (string, string) {
	havePub := !pub.IsZero()
	switch {
	case e.y > 0 && e.m > 0 && e.d > 0:
		return fmt.Sprintf("%04d-%02d-%02d", e.y, e.m, e.d), "date"
	case e.y > 0 && e.m > 0:
		return fmt.Sprintf("%04d-%02d", e.y, e.m), "gYearMonth"
	case e.m > 0 && e.d > 0 && havePub:
		y := pub.Year()
		t := time.Date(y, time.Month(e.m), e.d, 0, 0, 0, 0, time.UTC)
		if !planned && t.After(pub.AddDate(0, 0, 2)) {
			t = t.AddDate(-1, 0, 0)
		}
		if planned && t.Before(pub.AddDate(0, 0, -2)) {
			t = t.AddDate(1, 0, 0)
		}
		return t.Format("2006-01-02"), "date"
	case e.y > 0:
		return fmt.Sprintf("%04d", e.y), "gYear"
	case e.weekday >= 0 && havePub:
		d := int(pub.Weekday()) - e.weekday
		if planned {
			d = e.weekday - int(pub.Weekday())
			if d < 0 {
				d += 7
			}
			return pub.AddDate(0, 0, d).Format("2006-01-02"), "date"
		}
		if d < 0 {
			d += 7
		}
		return pub.AddDate(0, 0, -d).Format("2006-01-02"), "date"
	case e.hasRel && havePub:
		return pub.AddDate(0, 0, e.rel).Format("2006-01-02"), "date"
	}
	return "", ""
}
