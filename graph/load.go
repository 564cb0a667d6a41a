package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Article is the unit of loading: every quad an article yields, all
// labelled with the article's IRI. An article lands whole or not at all.
type Article struct {
	IRI   string
	Hash  string // content hash, stored as <IRI> hash "…"; equal hash = unchanged
	Quads []Quad
}

// LoadStats counts what a Load changed.
type LoadStats struct {
	Articles      int // articles whose facts were written (new or changed)
	Unchanged     int // articles skipped because their hash was already stored
	MeetingsAdded int // meeting nodes that did not exist before
	QuadsAdded    int
	QuadsRemoved  int
}

// Add accumulates another batch's counts.
func (s *LoadStats) Add(o LoadStats) {
	s.Articles += o.Articles
	s.Unchanged += o.Unchanged
	s.MeetingsAdded += o.MeetingsAdded
	s.QuadsAdded += o.QuadsAdded
	s.QuadsRemoved += o.QuadsRemoved
}

// ErrReadOnly is returned when writing through a read-only Store.
var ErrReadOnly = errors.New("store is read-only")

// Load writes a batch of articles in one transaction, replacing each
// article's previous facts: quads the article no longer yields are removed,
// new ones added, and an article whose hash is already stored is skipped.
// Either the whole batch lands or none of it does.
func (s *Store) Load(ctx context.Context, batch []Article) (LoadStats, error) {
	var st LoadStats
	if s.readOnly {
		return st, ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx := graph.NewTransaction()
	newMeetings := map[string]bool{}
	meetingClass := quad.IRI(Class(ClassMeeting))
	for _, a := range batch {
		if err := ctx.Err(); err != nil {
			return LoadStats{}, err
		}
		old, err := s.labelled(ctx, a.IRI)
		if err != nil {
			return LoadStats{}, fmt.Errorf("read article %s: %w", a.IRI, err)
		}
		hashQ := quad.Quad{Subject: quad.IRI(a.IRI), Predicate: quad.IRI(Pred(Hash)), Object: quad.String(a.Hash), Label: quad.IRI(a.IRI)}
		if _, same := old[hashQ.String()]; a.Hash != "" && same {
			st.Unchanged++
			continue
		}
		want := make(map[string]quad.Quad, len(a.Quads))
		for _, q := range a.Quads {
			cq, err := ToCayley(q)
			if err != nil {
				return LoadStats{}, fmt.Errorf("article %s: %w", a.IRI, err)
			}
			cq.Label = quad.IRI(a.IRI)
			want[cq.String()] = cq
		}
		if a.Hash != "" {
			want[hashQ.String()] = hashQ
		}
		for k, q := range old {
			if _, keep := want[k]; !keep {
				tx.RemoveQuad(q)
				st.QuadsRemoved++
			}
		}
		for k, q := range want {
			if _, ok := old[k]; ok {
				continue
			}
			tx.AddQuad(q)
			st.QuadsAdded++
			if q.Predicate == quad.IRI(RDFType) && q.Object == meetingClass {
				if m := q.Subject.String(); !newMeetings[m] && s.qs.ValueOf(q.Subject) == nil {
					newMeetings[m] = true
				}
			}
		}
		st.Articles++
	}
	if len(tx.Deltas) == 0 {
		return st, nil
	}
	if err := s.qs.ApplyDeltas(tx.Deltas, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return LoadStats{}, fmt.Errorf("write batch: %w", err)
	}
	st.MeetingsAdded = len(newMeetings)
	return st, nil
}

// labelled returns the quads stored with the given label, keyed by their
// N-Quads form.
func (s *Store) labelled(ctx context.Context, label string) (map[string]quad.Quad, error) {
	set := map[string]quad.Quad{}
	ref := s.qs.ValueOf(quad.IRI(label))
	if ref == nil {
		return set, nil
	}
	it := s.qs.QuadIterator(quad.Label, ref)
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		set[q.String()] = q
	}
	return set, it.Err()
}

// RemoveArticle deletes every quad labelled with the article IRI.
func (s *Store) RemoveArticle(ctx context.Context, iri string) (int, error) {
	if s.readOnly {
		return 0, ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.labelled(ctx, iri)
	if err != nil {
		return 0, err
	}
	tx := graph.NewTransaction()
	for _, q := range old {
		tx.RemoveQuad(q)
	}
	if len(tx.Deltas) == 0 {
		return 0, nil
	}
	if err := s.qs.ApplyDeltas(tx.Deltas, graph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return 0, fmt.Errorf("remove article %s: %w", iri, err)
	}
	return len(tx.Deltas), nil
}
