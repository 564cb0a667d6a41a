package export

import (
	"github.com/parley/parley/graph"
)

// IRIs of the fixture.
var (
	erdogan  = graph.Entity("person", "recep-tayyip-erdogan")
	putin    = graph.Entity("person", "vladimir-putin")
	fidan    = graph.Entity("person", "hakan-fidan")
	lavrov   = graph.Entity("person", "sergey-lavrov")
	mbs      = graph.Entity("person", "mohammed-bin-salman")
	sochi    = graph.Entity("city", "sochi")
	istanbul = graph.Entity("city", "istanbul")
	turkey   = graph.Entity("country", "turkey")
	russia   = graph.Entity("country", "russia")
	grain    = graph.Entity("topic", "grain-deal")
	energy   = graph.Entity("topic", "energy")
	akkuyu   = graph.Entity("project", "akkuyu")
	m1       = graph.Entity("meeting", "2024-03-05-sochi")
	m2       = graph.Entity("meeting", "2024-04-istanbul")
	m3       = graph.Entity("meeting", "2024-phone")
	a1       = graph.Entity("article", "a1")
	a2       = graph.Entity("article", "a2")
	a3       = graph.Entity("article", "a3")
	a4       = graph.Entity("article", "a4")
)

// fixture builds a small graph: three meetings (one in Sochi on a day, one
// in İstanbul in a month, one phone call in a year), two cities with
// coordinates, names with non-ASCII letters, quotes, ampersands, angle
// brackets, a backslash and a newline.
func fixture() *graph.Model {
	var qs []graph.Quad
	typ := func(s, class string) {
		qs = append(qs, graph.Quad{Subject: s, Predicate: graph.RDFType, Object: graph.IRITerm(graph.Class(class))})
	}
	lit := func(s, p, v, label string) {
		qs = append(qs, graph.Quad{Subject: s, Predicate: graph.Pred(p), Object: graph.Literal(v), Label: label})
	}
	rel := func(s, p, o, label string) {
		qs = append(qs, graph.Quad{Subject: s, Predicate: graph.Pred(p), Object: graph.IRITerm(o), Label: label})
	}
	named := func(s, class, name string) {
		typ(s, class)
		lit(s, graph.Name, name, "")
	}

	named(erdogan, graph.ClassPerson, "Recep Tayyip Erdoğan")
	named(putin, graph.ClassPerson, "Vladimir Putin")
	named(fidan, graph.ClassPerson, "Hakan Fidan")
	named(lavrov, graph.ClassPerson, "Sergey Lavrov")
	named(mbs, graph.ClassPerson, `Mohammed bin Salman "MBS"`)
	lit(erdogan, graph.Role, "president", a1)
	lit(erdogan, graph.Wikidata, "Q39723", a1)
	lit(fidan, graph.Role, "foreign_minister", a2)
	rel(erdogan, graph.Country, turkey, a1)
	rel(fidan, graph.Country, turkey, a2)
	rel(putin, graph.Country, russia, a1)
	rel(lavrov, graph.Country, russia, a2)

	named(sochi, graph.ClassCity, "Sochi")
	lit(sochi, graph.Latitude, "43.5855", "")
	lit(sochi, graph.Longitude, "39.7231", "")
	rel(sochi, graph.LocatedIn, russia, "")
	named(istanbul, graph.ClassCity, "İstanbul")
	lit(istanbul, graph.Latitude, "41.0082", "")
	lit(istanbul, graph.Longitude, "28.9784", "")
	rel(istanbul, graph.LocatedIn, turkey, "")
	named(turkey, graph.ClassCountry, "Türkiye")
	named(russia, graph.ClassCountry, "Russia")

	named(grain, graph.ClassTopic, `Black Sea "grain deal" & <exports>`)
	named(energy, graph.ClassTopic, `Energy\Nuclear`)
	named(akkuyu, graph.ClassProject, "Akkuyu Nuclear Power Plant")
	rel(akkuyu, graph.BuiltBy, russia, a1)
	rel(akkuyu, graph.LocatedIn, turkey, a1)
	rel(akkuyu, graph.BuiltBy, turkey, a1) // a second edge between the same nodes

	named(a1, graph.ClassArticle, "Erdoğan & Putin meet in Sochi")
	named(a2, graph.ClassArticle, "Fidan in İstanbul")
	named(a3, graph.ClassArticle, "Phone call")

	meeting := func(id, name, date, kind, status string, people []string, city string, topics []string, articles ...string) {
		named(id, graph.ClassMeeting, name)
		for _, a := range articles {
			lit(id, graph.Date, date, a)
			lit(id, graph.Kind, kind, a)
			lit(id, graph.Status, status, a)
			rel(id, graph.Source, a, a)
			for _, p := range people {
				rel(id, graph.Participant, p, a)
				for _, q := range people {
					if p != q {
						rel(p, graph.Met, q, a)
					}
				}
			}
			if city != "" {
				rel(id, graph.At, city, a)
			}
			for _, t := range topics {
				rel(id, graph.Discussed, t, a)
			}
		}
	}
	meeting(m1, "Erdoğan–Putin talks in Sochi", "2024-03-05", "in_person", "held",
		[]string{erdogan, putin, fidan}, sochi, []string{grain, energy}, a1, a2)
	lit(m1, graph.Evidence, "Erdoğan met Putin in Sochi.\nThey discussed \"grain\" & gas.", a1)
	lit(m1, graph.Confidence, "0.9", a1)
	meeting(m2, "Fidan–Lavrov meeting", "2024-04", "in_person", "planned",
		[]string{fidan, lavrov, putin}, istanbul, []string{grain}, a2)
	meeting(m3, "Erdoğan–Putin phone call", "2024", "phone", "held",
		[]string{erdogan, putin}, "", []string{energy}, a3)
	rel(m3, graph.Source, a4, a4) // an article with neither type nor name
	return graph.ModelOf(qs)
}

// fixtureAttrs are per-node attributes as analyze would give them.
func fixtureAttrs() Options {
	return Options{NodeAttrs: map[string]map[string]string{
		erdogan: {"community": "0", "pagerank": "0.31", "degree": "3"},
		putin:   {"community": "0", "pagerank": "0.3", "degree": "3"},
		fidan:   {"community": "1", "pagerank": "0.2", "degree": "3"},
		lavrov:  {"community": "1", "pagerank": "0.19", "degree": "2"},
	}}
}
