package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract extracts every seed and development article once per
// iteration and reports the time per article (cleaning, finding facts and
// rendering quads; HTML pages go through the main-content extractor).
func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	var docs []Document
	for _, pat := range []string{"../testdata/articles/*", "../testdata/dev/articles/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, Document{Path: f, Data: data})
		}
	}
	if len(docs) == 0 {
		b.Fatal("no articles")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			a, err := x.Extract(d)
			if err != nil {
				b.Fatal(err)
			}
			x.Quads(a)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs))/1e3, "µs/article")
}

// BenchmarkExtractText is the same over the plain-text articles only.
func BenchmarkExtractText(b *testing.B) {
	x := extractor(b)
	var docs []Document
	for _, pat := range []string{"../testdata/articles/*.txt", "../testdata/dev/articles/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, _ := os.ReadFile(f)
			docs = append(docs, Document{Path: f, Data: data})
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			a, err := x.Extract(d)
			if err != nil {
				b.Fatal(err)
			}
			x.Quads(a)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs))/1e3, "µs/article")
}

// BenchmarkLoadLexicon is the start-up cost: reading the embedded data.
func BenchmarkLoadLexicon(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := LoadLexicon(Data); err != nil {
			b.Fatal(err)
		}
	}
}
