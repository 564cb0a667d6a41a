package extract

import "github.com/parley/parley/graph"

// Fold lowercases and strips diacritics (Turkish İ/ı → i); see graph.Fold.
func Fold(s string) string { return graph.Fold(s) }
