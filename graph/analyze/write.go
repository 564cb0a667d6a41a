package analyze

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Formats lists the names Write accepts.
var Formats = []string{"table", "csv", "json"}

// Write writes r to w in the named format (in any case).
func Write(format string, w io.Writer, r *Result) error {
	switch strings.ToLower(format) {
	case "table":
		return WriteTable(w, r)
	case "csv":
		return WriteCSV(w, r)
	case "json":
		return WriteJSON(w, r)
	}
	return fmt.Errorf("analyze: unknown format %q (valid formats: %s)", format, strings.Join(Formats, ", "))
}

// WriteTable writes r as an aligned text table, one row per node in the
// order of r.Rows, followed by a summary line.
func WriteTable(w io.Writer, r *Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RANK\tNAME\tTYPE\tDEGREE\tWEIGHTED\tPAGERANK\tBETWEENNESS\tCOMMUNITY\tID")
	for i, row := range r.Rows {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%.4f\t%.2f\t%d\t%s\n",
			i+1, oneLine(row.Name), row.Type, row.Degree, strconv.FormatFloat(row.WeightedDegree, 'g', 6, 64),
			row.PageRank, row.Betweenness, row.Community, row.ID)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s network: %d nodes, %d edges, %d communities, modularity %.4f\n",
		r.Network, r.Nodes, r.Edges, r.Communities, r.Modularity)
	return err
}

// oneLine keeps a name on one table line and its columns aligned.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// WriteCSV writes r as CSV with the header
// id,name,type,degree,weighted_degree,pagerank,betweenness,community.
func WriteCSV(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "name", "type", "degree", "weighted_degree", "pagerank", "betweenness", "community"})
	for _, row := range r.Rows {
		cw.Write([]string{row.ID, row.Name, row.Type, strconv.Itoa(row.Degree), formatFloat(row.WeightedDegree),
			formatFloat(row.PageRank), formatFloat(row.Betweenness), strconv.Itoa(row.Community)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes r as an indented JSON object with the fields network,
// rows, modularity, communities, nodes and edges.
func WriteJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
