package eval

import (
	"testing"

	"github.com/parley/parley/graph"
)

func q(s, p string, o graph.Term) graph.Quad {
	return graph.Quad{Subject: s, Predicate: graph.NS + p, Object: o, Label: "a"}
}

func TestScore(t *testing.T) {
	date := "2016-12-01"
	g := Gold{ID: "x", Meetings: []GoldMeeting{{
		Participants: []string{"lavrov", "cavusoglu"}, Kind: "in_person", Place: []string{"antalya"}, Date: &date,
		Topics:         []GoldTopic{{Name: "Syria", Keys: []string{"syria"}}, {Name: "visa", Keys: []string{"visa"}}},
		OptionalTopics: []GoldTopic{{Name: "trade", Keys: []string{"trade"}}},
	}}, BuiltBy: []GoldBuiltBy{{ProjectKeys: []string{"akkuyu"}, BuilderKeys: []string{"russia"}}}}
	lit := graph.Literal
	iri := graph.IRITerm
	quads := []graph.Quad{
		q("m", "participant", iri("p1")), q("m", "participant", iri("p2")),
		q("p1", "name", lit("Sergey Lavrov")), q("p2", "name", lit("Mevlüt Çavuşoğlu")),
		q("p1", "met", iri("p2")), q("p2", "met", iri("p1")),
		q("p1", "met", iri("p3")), q("p3", "name", lit("Vladimir Putin")), // not in the gold: a false positive
		q("m", "at", iri("c")), q("c", "name", lit("Antalya")),
		q("m", "discussed", iri("t1")), q("t1", "name", lit("Syrian civil war")),
		q("m", "discussed", iri("t2")), q("t2", "name", lit("Bilateral trade")), // optional: neither right nor wrong
		q("m", "discussed", iri("t3")), q("t3", "name", lit("Tourism")), // wrong
		q("m", "kind", lit("in_person")), q("m", "date", graph.Typed("2016-12-01", graph.XSDDate)),
		q("pr", "name", lit("Akkuyu NPP")), q("pr", "built_by", iri("ru")), q("ru", "name", lit("Russia")),
	}
	tl := Score(g, quads)
	want := map[string][3]int{"met": {1, 1, 0}, "at": {1, 0, 0}, "discussed": {1, 1, 1}, "built_by": {1, 0, 0}}
	for f, w := range want {
		if got := [3]int{tl.TP[f], tl.FP[f], tl.FN[f]}; got != w {
			t.Errorf("%s: tp/fp/fn = %v, want %v", f, got, w)
		}
	}
	if tl.KindOK != 1 || tl.DateOK != 1 || tl.Spurious != 0 {
		t.Errorf("kind %d date %d spurious %d", tl.KindOK, tl.DateOK, tl.Spurious)
	}
	if p, r, f1 := tl.PRF(); p != 4.0/6 || r != 4.0/5 || f1 < 0.72 || f1 > 0.73 {
		t.Errorf("P %v R %v F1 %v", p, r, f1)
	}
	// nothing extracted: everything is missed
	empty := Score(g, nil)
	if empty.FN["met"] != 1 || empty.FN["discussed"] != 2 || empty.FN["built_by"] != 1 {
		t.Errorf("empty extraction: %+v", empty.FN)
	}
}
