package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// benchDocs reads the articles matching the patterns.
func benchDocs(b *testing.B, patterns ...string) []Document {
	var docs []Document
	for _, pat := range patterns {
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
	return docs
}

// benchExtract extracts every document once per iteration and reports the
// time per article (cleaning, finding facts and rendering quads).
func benchExtract(b *testing.B, docs []Document) {
	x := extractor(b)
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

// BenchmarkExtract covers every seed and development article; HTML pages go
// through the main-content extractor.
func BenchmarkExtract(b *testing.B) {
	benchExtract(b, benchDocs(b, "../testdata/articles/*", "../testdata/dev/articles/*"))
}

// BenchmarkExtractText is the same over the plain-text articles only.
func BenchmarkExtractText(b *testing.B) {
	benchExtract(b, benchDocs(b, "../testdata/articles/*.txt", "../testdata/dev/articles/*.txt"))
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
