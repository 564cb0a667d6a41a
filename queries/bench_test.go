package queries

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parley/parley/graph"
)

// synthetic builds a graph of about n quads: people, cities and topics
// shared by many meetings, one article per 10 meetings.
func synthetic(n int) []graph.Article {
	var arts []graph.Article
	const perMeeting = 12
	meetings := n / perMeeting
	people, cities, topics := 500, 200, 150
	key := func(id, name, class, label string) []graph.Quad {
		q := []graph.Quad{
			{Subject: id, Predicate: graph.Pred(graph.Type), Object: graph.IRITerm(graph.Class(class)), Label: label},
			{Subject: id, Predicate: graph.Pred(graph.Name), Object: graph.Literal(name), Label: label},
		}
		for _, k := range graph.Tokens(name) {
			q = append(q, graph.Quad{Subject: id, Predicate: graph.Pred(graph.Key), Object: graph.Literal(k), Label: label})
		}
		return q
	}
	var cur *graph.Article
	for i := 0; i < meetings; i++ {
		if i%10 == 0 {
			arts = append(arts, graph.Article{IRI: graph.Entity("article", fmt.Sprint("a", i/10)), Hash: fmt.Sprint(i)})
			cur = &arts[len(arts)-1]
		}
		l := cur.IRI
		m := graph.Entity("meeting", fmt.Sprint("m", i))
		p1 := graph.Entity("person", fmt.Sprint("p", i%people))
		p2 := graph.Entity("person", fmt.Sprint("p", (i*7+1)%people))
		c := graph.Entity("city", fmt.Sprint("c", i%cities))
		q := []graph.Quad{
			{Subject: m, Predicate: graph.Pred(graph.Type), Object: graph.IRITerm(graph.Class(graph.ClassMeeting)), Label: l},
			{Subject: m, Predicate: graph.Pred(graph.Participant), Object: graph.IRITerm(p1), Label: l},
			{Subject: m, Predicate: graph.Pred(graph.Participant), Object: graph.IRITerm(p2), Label: l},
			{Subject: m, Predicate: graph.Pred(graph.At), Object: graph.IRITerm(c), Label: l},
			{Subject: m, Predicate: graph.Pred(graph.Date), Object: graph.Typed(fmt.Sprintf("%04d-%02d-%02d", 2015+i%10, 1+i%12, 1+i%28), graph.XSDDate), Label: l},
			{Subject: m, Predicate: graph.Pred(graph.Kind), Object: graph.Literal("in_person"), Label: l},
			{Subject: p1, Predicate: graph.Pred(graph.Met), Object: graph.IRITerm(p2), Label: l},
			{Subject: p2, Predicate: graph.Pred(graph.Met), Object: graph.IRITerm(p1), Label: l},
		}
		for t := 0; t < 3; t++ {
			q = append(q, graph.Quad{Subject: m, Predicate: graph.Pred(graph.Discussed), Object: graph.IRITerm(graph.Entity("topic", fmt.Sprint("t", (i+t*31)%topics))), Label: l})
		}
		q = append(q, key(p1, fmt.Sprintf("Person%d Surname%d", i%people, i%people), graph.ClassPerson, l)[:2]...)
		cur.Quads = append(cur.Quads, q...)
	}
	// names and keys once, in the first article
	for i := 0; i < people; i++ {
		arts[0].Quads = append(arts[0].Quads, key(graph.Entity("person", fmt.Sprint("p", i)), fmt.Sprintf("Person%d Surname%d", i, i), graph.ClassPerson, arts[0].IRI)...)
	}
	for i := 0; i < cities; i++ {
		arts[0].Quads = append(arts[0].Quads, key(graph.Entity("city", fmt.Sprint("c", i)), fmt.Sprintf("City%d", i), graph.ClassCity, arts[0].IRI)...)
	}
	for i := 0; i < topics; i++ {
		arts[0].Quads = append(arts[0].Quads, key(graph.Entity("topic", fmt.Sprint("t", i)), fmt.Sprintf("Topic%d", i), graph.ClassTopic, arts[0].IRI)...)
	}
	return arts
}

func benchStore(b *testing.B, quads int) *graph.Store {
	b.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), graph.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	arts := synthetic(quads)
	for i := 0; i < len(arts); i += 200 {
		j := min(i+200, len(arts))
		if _, err := st.Load(ctx, arts[i:j]); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// BenchmarkTopicsStored runs the stored topics query (walked from the person
// one meeting at a time) on a bolt store of about 100k quads.
func BenchmarkTopicsStored(b *testing.B) {
	st := benchStore(b, 100_000)
	defer st.Close()
	lib, err := Open("")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if n, _ := st.Size(ctx); n < 100_000 {
		b.Fatalf("store has %d quads, want ≥ 100k", n)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := lib.Run(ctx, st, "topics", map[string]string{"person": "Person7 Surname7", "place": "City7"}, 1000)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Rows) == 0 {
			b.Fatal("no rows")
		}
	}
}

// BenchmarkTopicsNaive is the same question in the form Cayley plans as a
// scan of every quad: g.V(p).In(participant).Has(at, c).Out(discussed).
func BenchmarkTopicsNaive(b *testing.B) {
	st := benchStore(b, 100_000)
	defer st.Close()
	ctx := context.Background()
	q := fmt.Sprintf(`g.V("<%s>").In("<%s>").Has("<%s>", "<%s>").Out("<%s>").All()`,
		graph.Entity("person", "p7"), graph.Pred(graph.Participant), graph.Pred(graph.At), graph.Entity("city", "c7"), graph.Pred(graph.Discussed))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := st.Gizmo(ctx, q, 1000)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Values) == 0 {
			b.Fatal("no rows")
		}
	}
}
