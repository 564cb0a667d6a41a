package export

import (
	"fmt"
	"strconv"
	"time"

	"github.com/parley/parley/graph"
)

// span is a closed interval of days, as "YYYY-MM-DD" strings, which compare
// in date order as long as years have four digits.
type span struct{ start, end string }

func (s span) overlaps(t span) bool { return s.start <= t.end && t.start <= s.end }

// parseSpan reads a date of the form YYYY, YYYY-MM or YYYY-MM-DD as the
// interval of days it covers.
func parseSpan(s string) (span, bool) {
	switch len(s) {
	case 4:
		y, err := strconv.Atoi(s)
		if err != nil || y < 0 {
			return span{}, false
		}
		return span{s + "-01-01", s + "-12-31"}, true
	case 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return span{}, false
		}
		last := t.AddDate(0, 1, -1)
		return span{t.Format(time.DateOnly), last.Format(time.DateOnly)}, true
	case 10:
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return span{}, false
		}
		d := t.Format(time.DateOnly)
		return span{d, d}, true
	}
	return span{}, false
}

// boundSpan parses a Window bound; "" is open and yields ok=false.
func boundSpan(s string) (span, bool, error) {
	if s == "" {
		return span{}, false, nil
	}
	sp, ok := parseSpan(s)
	if !ok {
		return span{}, false, fmt.Errorf("export: bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	return sp, true, nil
}

// nodeSpan returns the interval covered by all the parseable dates of n.
func nodeSpan(n *graph.Node) (span, bool) {
	var out span
	ok := false
	for _, d := range n.Attrs[graph.Date] {
		sp, good := parseSpan(d)
		if !good {
			continue
		}
		if !ok || sp.start < out.start {
			out.start = sp.start
		}
		if !ok || sp.end > out.end {
			out.end = sp.end
		}
		ok = true
	}
	return out, ok
}
