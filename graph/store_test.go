package graph

import (
	"context"
	"path/filepath"
	"sort"
	"testing"
)

// backends are the stores every test in this file runs against, like
// Cayley's graphtest: one suite, every backend.
func backends(t *testing.T) map[string]func(t *testing.T) string {
	return map[string]func(t *testing.T) string{
		"bolt":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "parley.db") },
		"memory": func(t *testing.T) string { return "memory:" },
	}
}

func forEachBackend(t *testing.T, fn func(t *testing.T, st *Store)) {
	for name, loc := range backends(t) {
		t.Run(name, func(t *testing.T) {
			st, err := Open(context.Background(), loc(t), OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			fn(t, st)
		})
	}
}

const art1 = IDNS + "article/a1"
const art2 = IDNS + "article/a2"

func person(slug, name string, label string) []Quad {
	id := Entity("person", slug)
	q := []Quad{
		{Subject: id, Predicate: Pred(Type), Object: IRITerm(Class(ClassPerson)), Label: label},
		{Subject: id, Predicate: Pred(Name), Object: Literal(name), Label: label},
	}
	for _, k := range Tokens(name) {
		q = append(q, Quad{Subject: id, Predicate: Pred(Key), Object: Literal(k), Label: label})
	}
	return q
}

func meeting(slug string, label string, people ...string) []Quad {
	id := Entity("meeting", slug)
	q := []Quad{
		{Subject: id, Predicate: Pred(Type), Object: IRITerm(Class(ClassMeeting)), Label: label},
		{Subject: id, Predicate: Pred(Date), Object: Typed("2024-07-03", XSDDate), Label: label},
	}
	for _, p := range people {
		q = append(q, Quad{Subject: id, Predicate: Pred(Participant), Object: IRITerm(Entity("person", p)), Label: label})
	}
	return q
}

func count(t *testing.T, st *Store) int64 {
	n, err := st.Size(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func labelled(t *testing.T, st *Store, label string) []string {
	var out []string
	err := st.Each(context.Background(), func(q Quad) error {
		if q.Label == label {
			out = append(out, q.Subject+" "+q.Predicate+" "+q.Object.Value)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func TestLoadReplaceByArticle(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, st *Store) {
		v1 := append(append(person("erdogan", "Recep Tayyip Erdoğan", art1), person("putin", "Vladimir Putin", art1)...), meeting("m1", art1, "erdogan", "putin")...)
		s, err := st.Load(ctx, []Article{{IRI: art1, Hash: "h1", Quads: v1}})
		if err != nil {
			t.Fatal(err)
		}
		if s.Articles != 1 || s.MeetingsAdded != 1 || s.QuadsAdded != len(v1)+1 {
			t.Fatalf("first load: %+v (want %d quads + hash)", s, len(v1))
		}
		n := count(t, st)

		// unchanged: nothing added
		s, err = st.Load(ctx, []Article{{IRI: art1, Hash: "h1", Quads: v1}})
		if err != nil {
			t.Fatal(err)
		}
		if s.Unchanged != 1 || s.QuadsAdded != 0 || count(t, st) != n {
			t.Fatalf("reload unchanged: %+v, size %d → %d", s, n, count(t, st))
		}

		// changed: Putin replaced by Aliyev; no leftovers of v1
		v2 := append(append(person("erdogan", "Recep Tayyip Erdoğan", art1), person("aliyev", "Ilham Aliyev", art1)...), meeting("m2", art1, "erdogan", "aliyev")...)
		s, err = st.Load(ctx, []Article{{IRI: art1, Hash: "h2", Quads: v2}})
		if err != nil {
			t.Fatal(err)
		}
		if s.QuadsRemoved == 0 || s.MeetingsAdded != 1 {
			t.Fatalf("changed load: %+v", s)
		}
		got := labelled(t, st, art1)
		if len(got) != len(v2)+1 {
			t.Fatalf("after replace: %d quads labelled a1, want %d", len(got), len(v2)+1)
		}
		for _, q := range got {
			if q == Entity("person", "putin")+" "+Pred(Name)+" Vladimir Putin" {
				t.Fatalf("leftover from the old version: %s", q)
			}
		}
	})
}

func TestLoadBatchIsAtomic(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, st *Store) {
		good := person("putin", "Vladimir Putin", art1)
		bad := []Quad{{Subject: "", Predicate: Pred(Name), Object: Literal("x"), Label: art2}}
		if _, err := st.Load(ctx, []Article{{IRI: art1, Hash: "h", Quads: good}, {IRI: art2, Hash: "h", Quads: bad}}); err == nil {
			t.Fatal("a batch with a bad quad loaded without error")
		}
		if n := count(t, st); n != 0 {
			t.Fatalf("a failed batch left %d quads behind", n)
		}
	})
}

func TestSharedFactsSurviveOtherArticle(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, st *Store) {
		a := append(person("putin", "Vladimir Putin", art1), meeting("m1", art1, "putin")...)
		b := append(person("putin", "Vladimir Putin", art2), meeting("m1", art2, "putin")...)
		if _, err := st.Load(ctx, []Article{{IRI: art1, Hash: "1", Quads: a}, {IRI: art2, Hash: "2", Quads: b}}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.RemoveArticle(ctx, art1); err != nil {
			t.Fatal(err)
		}
		ids, err := st.Lookup(ctx, "putin", ClassPerson)
		if err != nil || len(ids) != 1 {
			t.Fatalf("after removing one of two sources, Lookup = %v, %v", ids, err)
		}
		if got := labelled(t, st, art1); len(got) != 0 {
			t.Fatalf("removed article still has %d quads", len(got))
		}
	})
}

func TestLookupFoldsNames(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, st *Store) {
		q := append(person("erdogan", "Recep Tayyip Erdoğan", art1), person("putin", "Vladimir Putin", art1)...)
		if _, err := st.Load(ctx, []Article{{IRI: art1, Quads: q}}); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			in   string
			want int
		}{
			{"Erdoğan", 1}, {"erdogan", 1}, {"ERDOĞAN", 1}, {"Tayyip Erdogan", 1}, {"RECEP TAYYİP", 1},
			{"Putin", 1}, {"putin", 1}, {"Vladimir Erdogan", 0}, {"Merkel", 0},
		} {
			ids, err := st.Lookup(ctx, tc.in, ClassPerson)
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != tc.want {
				t.Errorf("Lookup(%q) = %v, want %d match(es)", tc.in, ids, tc.want)
			}
		}
	})
}

func TestGizmoLimitAndCancel(t *testing.T) {
	forEachBackend(t, func(t *testing.T, st *Store) {
		var q []Quad
		for i := 0; i < 30; i++ {
			q = append(q, person(string(rune('a'+i%26))+string(rune('a'+i/26)), "Person Number", art1)...)
		}
		if _, err := st.Load(context.Background(), []Article{{IRI: art1, Quads: q}}); err != nil {
			t.Fatal(err)
		}
		res, err := st.Gizmo(context.Background(), `g.V("person").In("<`+Pred(Key)+`>").All()`, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Values) != 10 || !res.Truncated {
			t.Fatalf("limit 10: %d values, truncated=%v", len(res.Values), res.Truncated)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := st.Gizmo(ctx, `while (true) {}`, 10); err == nil {
			t.Fatal("a cancelled context did not stop the script")
		}
	})
}

func TestFoldAndTokens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ERDOĞAN", "erdogan"}, {"Erdoğan", "erdogan"}, {"İstanbul", "istanbul"}, {"ISTANBUL", "istanbul"},
		{"ılık", "ilik"}, {"Çavuşoğlu", "cavusoglu"}, {"Aliyev", "aliyev"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	got := Tokens("Putin'in Ukrayna'daki, ERDOĞAN-Putin")
	want := []string{"putin", "ukrayna", "erdogan", "putin"}
	if len(got) != len(want) {
		t.Fatalf("Tokens = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tokens = %v, want %v", got, want)
		}
	}
}
