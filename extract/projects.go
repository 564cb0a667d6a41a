package extract

import "strings"

// findProjects finds named projects: lexicon projects, and capitalised names
// before a project head noun ("Sinop Nuclear Power Plant", "TurkStream
// pipeline"); an unnamed head ("the first nuclear power plant") is kept as a
// generic project when a builder or a country is near.
func (ar *articleRun) findProjects(s *sent) {
	lx, l := ar.x.lex, ar.l
	toks := s.toks
	for i := 0; i < len(toks); {
		if m, ok := lx.projTrie.longest(toks, i); ok && toks[i].cap {
			p := lx.Projects[m.vals[0]]
			e := ar.project(&Entity{Kind: "project", Slug: p.ID, Name: p.Name, Aliases: p.Aliases, Category: p.Type, Wikidata: p.Wikidata, Country: first(p.Countries)})
			s.projects = append(s.projects, prmention{e: e, start: i, end: m.end})
			ar.lastNamed, ar.lastNamedAt = e, s.idx
			i = m.end
			continue
		}
		m, ok := l.projects.longest(toks, i)
		if !ok || l.projPat[m.vals[0]][0] != "head" {
			i++
			continue
		}
		typ := l.projPat[m.vals[0]][1]
		// the capitalised name before the head
		j := i
		for j > 0 && toks[j-1].cap && i-j < 4 && !ar.l.stop[toks[j-1].fold] {
			if _, isTitle := l.titles.longest(toks, j-1); isTitle {
				break
			}
			j--
		}
		if j < i && toks[j].cap && j == 0 && i-j == 1 && !s.title {
			// a sentence-initial capital alone ("Pipeline …") is no name
			if _, ok := l.countries.longest(toks, j); !ok {
				j = i
			}
		}
		var name string
		start := j
		if j < i {
			var parts []string
			for k := j; k < m.end; k++ {
				parts = append(parts, toks[k].text)
			}
			name = strings.Join(parts, " ")
			// "Baku-Tbilisi-Kars railway": keep the hyphens as written
			name = s.text[toks[j].start : toks[m.end-1].start+len(toks[m.end-1].text)]
			if strings.ContainsAny(name, ",;") {
				name = ""
			}
		}
		if name == "" && ar.lastNamed != nil && s.idx-ar.lastNamedAt <= 3 && sameFamily(ar.lastNamed.Category, typ) {
			// "the plant", "its second nuclear plant": the project named just before
			s.projects = append(s.projects, prmention{e: ar.lastNamed, start: i, end: m.end})
			i = m.end
			continue
		}
		if name == "" {
			name = ar.unnamedProject(s, i, m.end)
			if name == "" {
				i = m.end
				continue
			}
			start = i
		}
		e := ar.project(&Entity{Kind: "project", Slug: slug(name), Name: name, Category: typ})
		s.projects = append(s.projects, prmention{e: e, start: start, end: m.end})
		if start < i {
			ar.lastNamed, ar.lastNamedAt = e, s.idx
		}
		i = m.end
	}
}

// sameFamily: project types close enough for "the plant" to refer back.
func sameFamily(a, b string) bool {
	fam := func(t string) string {
		switch t {
		case "nuclear_power_plant", "power_plant":
			return "plant"
		case "gas_pipeline", "oil_pipeline":
			return "pipeline"
		case "railway", "high_speed_rail":
			return "rail"
		}
		return t
	}
	return fam(a) == fam(b)
}

// unnamedProject names a project told only by its kind: "the railway
// between Belgrade and Novi Sad", "the first nuclear power plant that will be
// built in Turkey". Without such a place it is not a project of its own.
func (ar *articleRun) unnamedProject(s *sent, i, end int) string {
	lx, toks := ar.x.lex, s.toks
	head := strings.ToLower(s.text[toks[i].start : toks[end-1].start+len(toks[end-1].text)])
	// "between X and Y", "from X to Y", "linking X with Y"
	if end+3 < len(toks) {
		switch toks[end].fold {
		case "between", "from", "linking", "connecting":
			a, b := end+1, end+2
			for b < len(toks) && toks[b].cap {
				b++
			}
			if b < len(toks) && toks[a].cap && (toks[b].fold == "and" || toks[b].fold == "to" || toks[b].fold == "with") && b+1 < len(toks) && toks[b+1].cap {
				c := b + 2
				for c < len(toks) && toks[c].cap {
					c++
				}
				return head + " " + s.text[toks[end].start:toks[c-1].start+len(toks[c-1].text)]
			}
		}
	}
	// "… in Turkey": a country after a locative word
	for _, y := range s.country {
		if y.demonym || y.start <= end || y.start == 0 {
			continue
		}
		if ar.l.locative[toks[y.start-1].fold] == "in" || ar.l.locative[toks[y.end-1].suf] == "in" {
			return head + " in " + lx.Countries[y.iso].Name
		}
	}
	return ""
}

func first(s []string) string {
	if len(s) > 0 {
		return s[0]
	}
	return ""
}

// project returns the article's entity for a project, merging a generic
// mention ("Sinop plant") into a known one of the same name.
func (ar *articleRun) project(e *Entity) *Entity {
	if p := ar.projects[e.Slug]; p != nil {
		return p
	}
	ar.projects[e.Slug] = e
	ar.porderPr = append(ar.porderPr, e)
	return e
}

// findBuiltBy reads "X built by Y" facts.
func (ar *articleRun) findBuiltBy() {
	l := ar.l
	var recent *Entity
	for _, s := range ar.sents {
		for _, m := range l.projects.all(s.toks) {
			pat := l.projPat[m.vals[0]]
			if pat[0] != "builder_after" && pat[0] != "builder_before" {
				continue
			}
			var builders []*Entity
			if pat[0] == "builder_after" {
				builders = ar.builderAt(s, m.end, +1)
			} else {
				builders = ar.builderAt(s, m.start-1, -1)
			}
			if len(builders) == 0 {
				continue
			}
			// the project: nearest before the pattern, else after, else the last one named
			var proj *Entity
			for _, pm := range s.projects {
				if pm.end <= m.start {
					proj = pm.e
				}
			}
			if proj == nil {
				for _, pm := range s.projects {
					if pm.start >= m.end {
						proj = pm.e
						break
					}
				}
			}
			if proj == nil {
				proj = recent
			}
			if proj == nil {
				continue
			}
			for _, b := range builders {
				ar.builtBy = append(ar.builtBy, BuiltBy{Project: proj, Builder: b, Evidence: ar.evidence(s, 0.75)})
			}
		}
		if n := len(s.projects); n > 0 {
			recent = s.projects[n-1].e
		}
	}
	ar.builtBy = dedupeBuiltBy(ar.builtBy)
}

func dedupeBuiltBy(bb []BuiltBy) []BuiltBy {
	seen := map[string]bool{}
	var out []BuiltBy
	for _, b := range bb {
		k := b.Project.Slug + "\t" + b.Builder.Kind + b.Builder.Slug
		if !seen[k] {
			seen[k] = true
			out = append(out, b)
		}
	}
	return out
}

// builderAt reads the builder next to a pattern: a country (or its capital,
// standing for it), or a capitalised organisation name; "Russia's Rosatom"
// yields both.
func (ar *articleRun) builderAt(s *sent, i, dir int) []*Entity {
	lx, l := ar.x.lex, ar.l
	toks := s.toks
	if i < 0 || i >= len(toks) {
		return nil
	}
	// skip an article word: "by the Russian state company"
	if dir > 0 && (toks[i].fold == "the" || toks[i].fold == "a") && i+1 < len(toks) {
		i++
	}
	if !toks[i].cap {
		return nil
	}
	// walk to the start of the name when reading backwards
	start, end := i, i+1
	if dir < 0 {
		for start > 0 && i-start < 5 {
			if toks[start-1].cap {
				start--
			} else if f := toks[start-1].fold; (f == "and" || f == "of") && start > 1 && toks[start-2].cap {
				start -= 2 // "China Road and Bridge Corporation"
			} else {
				break
			}
		}
	} else {
		for end < len(toks) && end-i < 5 && (toks[end].cap || ((toks[end].fold == "and" || toks[end].fold == "of") && end+1 < len(toks) && toks[end+1].cap)) && toks[end-1].suf == "" {
			end++
		}
	}
	var out []*Entity
	k := start
	for k < end {
		if m, ok := l.countries.longest(toks, k); ok && m.end <= end && (m.end == end || !toks[m.end].cap || toks[m.end-1].suf != "") {
			if c := ar.countryEntity(l.countryOf[m.vals[0]].iso); c != nil {
				out = append(out, c)
			}
			k = m.end
			continue
		}
		if m, ok := lx.cityTrie.longest(toks, k); ok && m.end <= end {
			for _, v := range m.vals {
				city := lx.Cities[v]
				if city.Capital {
					if c := ar.countryEntity(city.Country); c != nil {
						out = append(out, c)
					}
					break
				}
			}
			k = m.end
			continue
		}
		// an organisation: the rest of the capitalised run
		var parts []string
		for ; k < end; k++ {
			parts = append(parts, toks[k].text)
		}
		name := strings.Join(parts, " ")
		if len([]rune(name)) >= 3 && !l.stop[Fold(name)] {
			out = append(out, &Entity{Kind: "organization", Slug: slug(name), Name: name})
		}
	}
	return out
}
