package extract

import (
	"fmt"
	"regexp"
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
		if m := reISODate.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if validYMD(y, mo, d) {
				return dateExpr{y: y, m: mo, d: d, weekday: -1}
			}
		}
		if m := reNumDate.FindStringSubmatch(s); m != nil {
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

var reMonthWord = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b`)

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
	months := map[int]bool{}
	for _, m := range reMonthWord.FindAllStringSubmatch(context, -1) {
		months[monthIndex(m[1])] = true
	}
	if months[x] && !months[y] {
		return fmt.Sprintf("%04d-%02d-%02d", year, x, y)
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, y, x)
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
