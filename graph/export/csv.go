package export

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/parley/parley/graph"
)

// WriteCSVNodes writes the nodes of m as CSV with the header
// id,type,name followed by one column per node attribute (model attributes
// and Options.NodeAttrs, in name order). Several values of an attribute are
// joined by Sep.
func WriteCSVNodes(w io.Writer, m *graph.Model, opt Options) error {
	t, err := newTable(m, opt)
	if err != nil {
		return err
	}
	return writeCSVNodes(w, t)
}

// WriteCSVEdges writes the edges of m as CSV with the header
// source,target,predicate,date,sources,weight, followed, for a projected
// model, by its extra edge attributes (first, kinds, last, meetings,
// topics). Several sources are joined by Sep.
func WriteCSVEdges(w io.Writer, m *graph.Model, opt Options) error {
	t, err := newTable(m, opt)
	if err != nil {
		return err
	}
	return writeCSVEdges(w, t)
}

// WriteCSV writes the nodes CSV, a blank line and the edges CSV to one
// writer, for standard output.
func WriteCSV(w io.Writer, m *graph.Model, opt Options) error {
	t, err := newTable(m, opt)
	if err != nil {
		return err
	}
	if err := writeCSVNodes(w, t); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	return writeCSVEdges(w, t)
}

func writeCSVNodes(w io.Writer, t *table) error {
	cw := csv.NewWriter(w)
	header := []string{"id", "type", "name"}
	for _, c := range t.cols {
		header = append(header, c.name)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, n := range t.nodes {
		rec := []string{n.ID, n.Type, n.Name}
		for _, c := range t.cols {
			v, _ := t.value(n, c.name)
			rec = append(rec, v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeCSVEdges(w io.Writer, t *table) error {
	cw := csv.NewWriter(w)
	header := append([]string{"source", "target", "predicate", "date", "sources", "weight"}, t.edgeCols...)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range t.edges {
		rec := []string{r.e.From, r.e.To, r.e.Predicate, r.date, strings.Join(r.e.Sources, Sep), formatWeight(r.weight)}
		for _, c := range t.edgeCols {
			rec = append(rec, strings.Join(r.extra[c], Sep))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
