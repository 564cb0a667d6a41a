package extract

import "strings"

// maxListItem is the longest list item, in tokens, taken as a topic: longer
// spans are clauses, not names of subjects.
const maxListItem = 7

// findListTopics reads the lists a sentence gives of what was discussed
// ("discussed trade, river data sharing and rare earths"; "ticaret ve enerji
// konularını görüştü"), driven by the language's topiclist.tsv. An item that
// holds a taxonomy topic lends that topic its wording; any other item becomes
// a topic of its own, named by the article's words.
func (ar *articleRun) findListTopics(s *sent) {
	l := ar.l
	if l.lists == nil || len(l.listRole) == 0 {
		return
	}
	for i := 0; i < len(s.toks); {
		m, ok := l.lists.longest(s.toks, i)
		if !ok {
			i++
			continue
		}
		switch l.listRole[m.vals[0]] {
		case "after":
			end := ar.listEnd(s, m.end, 1)
			ar.listItems(s, m.end, end)
			i = max(end, m.end)
			continue
		case "before":
			start := ar.listEnd(s, m.start-1, -1)
			ar.listItems(s, start, m.start)
		}
		i = m.end
	}
}

// listEnd walks from token i in direction dir (+1 forward, -1 backward)
// and returns the bound of the list: the exclusive end going forward, the
// first token going backward.
func (ar *articleRun) listEnd(s *sent, i, dir int) int {
	from := i
	for ; i >= 0 && i < len(s.toks); i += dir {
		// punctuation between this token and the one before it (forward) or
		// after it (backward) closes the list
		var gap string
		if dir > 0 && i > 0 {
			gap = s.text[s.toks[i-1].end:s.toks[i].start]
		} else if dir < 0 && i+1 < len(s.toks) {
			gap = s.text[s.toks[i].end:s.toks[i+1].start]
		}
		if strings.ContainsAny(gap, ";:()[]\"“”—–") || strings.Contains(gap, ". ") {
			return i - min(dir, 0)
		}
		if ar.listBoundary(s, i) {
			if dir > 0 && s.triggerAt(i) {
				// "…, and terrorism, the ministry said": the words after the
				// last comma are who said it
				for j := i - 1; j > from; j-- {
					if strings.Contains(s.text[s.toks[j-1].end:s.toks[j].start], ",") {
						return j
					}
				}
			}
			return i - min(dir, 0)
		}
	}
	if dir > 0 {
		return len(s.toks)
	}
	return 0
}

// listBoundary reports whether token i cannot belong to a list of topics:
// a stop phrase, another list phrase, a person, a date, or a place the
// meeting happened in.
func (ar *articleRun) listBoundary(s *sent, i int) bool {
	l := ar.l
	if m, ok := l.lists.longest(s.toks, i); ok {
		if r := l.listRole[m.vals[0]]; r == "stop" || r == "after" || r == "before" {
			return true
		}
	}
	for _, p := range s.people {
		if i >= p.start && i < p.end {
			return true
		}
	}
	if _, ok := l.dates.longest(s.toks, i); ok {
		return true
	}
	if f := s.toks[i].fold; digits(f, 0, len(f)) {
		return true // a number: "20 agreements"
	}
	for _, c := range s.cities {
		if i >= c.start && i < c.end && c.locative {
			return true
		}
	}
	return false
}

// listItems splits tokens [a,b) at commas and separator phrases and adds
// each item to the sentence's topics.
func (ar *articleRun) listItems(s *sent, a, b int) {
	l := ar.l
	start, pair := a, false
	for i := a; i < b; {
		if i > start && strings.Contains(s.text[s.toks[i-1].end:s.toks[i].start], ",") {
			ar.listItem(s, start, i)
			start, pair = i, false
		}
		m, ok := l.lists.longest(s.toks, i)
		if ok && l.listRole[m.vals[0]] == "pair" {
			pair = true // "between A and B" is one item
		} else if ok && l.listRole[m.vals[0]] == "sep" && m.end <= b && !(pair && m.end < b && s.toks[m.end].cap) {
			// after "between", a separator joins two names ("between Israel
			// and Hamas"); before a lower-case word it starts the next item
			if i > start {
				ar.listItem(s, start, i)
			}
			start, i = m.end, m.end
			continue
		} else if ok && l.listRole[m.vals[0]] == "sep" {
			pair = false
		}
		i++
	}
	if start < b {
		ar.listItem(s, start, b)
	}
}

// listItem adds tokens [a,b) as a topic of the sentence.
func (ar *articleRun) listItem(s *sent, a, b int) {
	l := ar.l
	for a < b {
		m, ok := l.lists.longest(s.toks, a)
		if !ok || l.listRole[m.vals[0]] != "drop" || m.end > b {
			break
		}
		a = m.end
	}
	if a >= b || b-a > maxListItem {
		return
	}
	if l.stop[s.toks[a].fold] || l.stop[s.toks[b-1].fold] || l.abbrev[s.toks[b-1].fold] {
		return // a fragment: "to look", "route for"
	}
	for _, y := range s.country {
		if y.start <= a && y.end >= b {
			return // a country alone is a party, not a subject
		}
	}
	for _, c := range s.cities {
		if c.start <= a && c.end >= b {
			return
		}
	}
	if b-a <= 2 {
		for i := a; i < b; i++ {
			if s.triggerAt(i) {
				return // "the talks", "the visit"
			}
		}
	}
	surf := s.text[s.toks[a].start:s.toks[b-1].end]
	covered := false
	for _, t := range s.topics {
		if t.start < b && t.end > a && !strings.HasPrefix(t.id, freeTopic) {
			covered = true
			s.topics = append(s.topics, topicHit{id: t.id, surf: surf, start: a, end: b})
		}
	}
	if covered {
		return
	}
	var slug strings.Builder
	for i := a; i < b; i++ {
		if slug.Len() > 0 {
			slug.WriteByte('-')
		}
		slug.WriteString(s.toks[i].fold)
	}
	s.topics = append(s.topics, topicHit{id: freeTopic + slug.String(), surf: surf, start: a, end: b})
}

// freeTopic prefixes the ids of topics named by an article's own words.
const freeTopic = "free:"
