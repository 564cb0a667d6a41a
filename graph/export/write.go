package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/parley/parley/graph"
)

// WriterFunc writes a model in one format.
type WriterFunc func(w io.Writer, m *graph.Model, opt Options) error

// Formats lists the names Write accepts, in the order they are documented.
var Formats = []string{"graphml", "gexf", "dot", "cytoscape", "geojson", "csv", "csv-nodes", "csv-edges"}

var writers = map[string]WriterFunc{
	"graphml":   WriteGraphML,
	"gexf":      WriteGEXF,
	"dot":       WriteDOT,
	"cytoscape": WriteCytoscape,
	"geojson":   WriteGeoJSON,
	"csv":       WriteCSV,
	"csv-nodes": WriteCSVNodes,
	"csv-edges": WriteCSVEdges,
}

// Writer returns the writer of a format named in Formats (in any case).
func Writer(format string) (WriterFunc, error) {
	if f, ok := writers[strings.ToLower(format)]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("export: unknown format %q (valid formats: %s)", format, strings.Join(Formats, ", "))
}

// Write writes m to w in the named format.
func Write(format string, w io.Writer, m *graph.Model, opt Options) error {
	f, err := Writer(format)
	if err != nil {
		return err
	}
	return f(w, m, opt)
}
