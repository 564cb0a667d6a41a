package queries

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Formats lists the output formats of Write.
var Formats = []string{"table", "json", "csv"}

// columns returns the declared columns, or the sorted keys of the rows.
func (r *Result) columns() []string {
	if len(r.Columns) > 0 {
		return r.Columns
	}
	keys := map[string]bool{}
	for _, row := range r.Rows {
		for k := range row {
			keys[k] = true
		}
	}
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func cell(v interface{}) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		if v == float64(int64(v)) {
			return fmt.Sprintf("%d", int64(v))
		}
		return fmt.Sprintf("%g", v)
	case int, int64:
		return fmt.Sprintf("%d", v)
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}

// Write renders the result as a table, JSON or CSV.
func (r *Result) Write(w io.Writer, format string) error {
	cols := r.columns()
	switch format {
	case "", "table":
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
		for _, row := range r.Rows {
			var cells []string
			for _, c := range cols {
				cells = append(cells, cell(row[c]))
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if r.Truncated {
			fmt.Fprintf(w, "(result cut at %d rows; raise --limit)\n", len(r.Rows))
		}
		return nil
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		rows := r.Rows
		if rows == nil {
			rows = []map[string]interface{}{}
		}
		return enc.Encode(map[string]interface{}{"columns": cols, "rows": rows, "truncated": r.Truncated})
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(cols)
		for _, row := range r.Rows {
			var cells []string
			for _, c := range cols {
				cells = append(cells, cell(row[c]))
			}
			cw.Write(cells)
		}
		cw.Flush()
		return cw.Error()
	}
	return fmt.Errorf("unknown output format %q (want %s)", format, strings.Join(Formats, ", "))
}
