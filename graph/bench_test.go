package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkLoad stores batches of 64 articles of about 120 quads each into
// a bolt store, the way ingest does, and reports articles per second.
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "load.db"), OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		batch := make([]Article, 64)
		for j := range batch {
			n++
			iri := Entity("article", fmt.Sprint("b", n))
			var q []Quad
			for k := 0; k < 10; k++ {
				q = append(q, person(fmt.Sprint("p", (n+k)%300), fmt.Sprintf("Person %d", (n+k)%300), iri)...)
				q = append(q, meeting(fmt.Sprint("m", n, "-", k), iri, fmt.Sprint("p", (n+k)%300), fmt.Sprint("p", (n+k+1)%300))...)
			}
			batch[j] = Article{IRI: iri, Hash: fmt.Sprint(n), Quads: q}
		}
		if _, err := st.Load(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
