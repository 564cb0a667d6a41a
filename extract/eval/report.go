package eval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley/parley/graph"
)

// Row is one article's outcome.
type Row struct {
	ID    string
	Quads int
	Err   error
	Tally *Tally
}

// Report is the outcome over a gold set.
type Report struct {
	Rows  []Row
	Total *Tally
}

// FindArticle returns the file of article id in dir: ID.txt, .html, .htm or .md.
func FindArticle(dir, id string) (string, error) {
	for _, ext := range []string{".txt", ".html", ".htm", ".md"} {
		p := filepath.Join(dir, id+ext)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no article file for %s in %s", id, dir)
}

// Run scores every gold article found in dir with quadsOf, which extracts
// one file. An article that fails to extract scores as if nothing was
// extracted, and its error is kept in its row.
func Run(golds []Gold, dir string, quadsOf func(path string) ([]graph.Quad, error)) *Report {
	rep := &Report{Total: NewTally()}
	for _, g := range golds {
		row := Row{ID: g.ID}
		path, err := FindArticle(dir, g.ID)
		var quads []graph.Quad
		if err == nil {
			quads, err = quadsOf(path)
		}
		row.Err = err
		row.Quads = len(quads)
		row.Tally = Score(g, quads)
		rep.Total.Add(row.Tally)
		rep.Rows = append(rep.Rows, row)
	}
	return rep
}

// Write prints the report in the reference scorer's layout.
func (r *Report) Write(w io.Writer, verbose bool) {
	if verbose {
		for _, row := range r.Rows {
			t := row.Tally
			fmt.Fprintf(w, "--- %s: %d quads\n", row.ID, row.Quads)
			if row.Err != nil {
				fmt.Fprintf(w, "    error: %v\n", row.Err)
			}
			for _, f := range Facts {
				fmt.Fprintf(w, "    %-10s tp=%d fp=%d fn=%d\n", f, t.TP[f], t.FP[f], t.FN[f])
			}
			fmt.Fprintf(w, "    kind %d/%d date %d/%d spurious meetings %d\n", t.KindOK, t.KindN, t.DateOK, t.DateN, t.Spurious)
			for _, m := range t.Misses {
				fmt.Fprintf(w, "      %s\n", m)
			}
		}
	}
	fmt.Fprintf(w, "%-24s %6s %5s %5s %5s\n", "article", "quads", "P", "R", "F1")
	failed := 0
	for _, row := range r.Rows {
		p, rc, f1 := row.Tally.PRF()
		id := row.ID
		if len(id) > 24 {
			id = id[:24]
		}
		mark := ""
		if row.Err != nil {
			failed++
			mark = "  error: " + strings.SplitN(row.Err.Error(), "\n", 2)[0]
		}
		fmt.Fprintf(w, "%-24s %6d %5.2f %5.2f %5.2f%s\n", id, row.Quads, p, rc, f1, mark)
	}
	t := r.Total
	for _, f := range Facts {
		p, rc, f1 := t.PRF(f)
		fmt.Fprintf(w, "  %-10s P %.2f R %.2f F1 %.2f  (tp %d fp %d fn %d)\n", f, p, rc, f1, t.TP[f], t.FP[f], t.FN[f])
	}
	fmt.Fprintf(w, "  kind %d/%d  date %d/%d  spurious meetings %d  failed runs %d\n", t.KindOK, t.KindN, t.DateOK, t.DateN, t.Spurious, failed)
	p, rc, f1 := t.PRF()
	fmt.Fprintf(w, "F1 %.3f (P %.3f R %.3f) over %d articles\n", f1, p, rc, len(r.Rows))
}
