package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parley/parley/graph"
	"github.com/parley/parley/graph/analyze"
	"github.com/parley/parley/graph/export"
	"github.com/parley/parley/queries"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	db       string
	format   string
	out      string
	around   []string
	depth    int
	from, to string
	query    string
	persons  bool
	topics   bool
	analyze  string
	params   map[string]*string
}

func newExportCmd(e *env) *cobra.Command {
	o := &exportOptions{params: map[string]*string{}}
	cmd := &cobra.Command{
		Use:   "export [--around NAME --depth N] [--from D --to D] [--query NAME …] [--persons] --format F",
		Short: "Write the graph or a part of it for Gephi, Cytoscape, Graphviz, a map or a spreadsheet",
		Long: `Export writes a subgraph: the ego network of a name (--around, --depth), a
time window of meetings (--from, --to), the nodes a stored query returns
(--query NAME with its parameters), or the whole graph. --persons turns it
into the person–person network (edge weight = meetings; --topics adds the
topics). --analyze person|full adds community, PageRank, betweenness and
degree as node attributes so Gephi can colour and size by them.

Formats: ` + strings.Join(append(append([]string{}, export.Formats...), "nquads"), ", ") + `.`,
		Example: `  parley export --around Erdoğan --depth 2 --format gexf -o erdogan.gexf
  parley export --persons --topics --analyze person --format graphml -o people.graphml
  parley export --from 2024 --to 2024 --format dot | dot -Tsvg > 2024.svg
  parley export --query meetings --person Putin --format geojson -o putin.geojson
  parley export --format nquads -o all.nq`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), e, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.db, "db", "", "store location (default ./parley.db or $PARLEY_DB)")
	f.StringVar(&o.format, "format", "graphml", "output format")
	f.StringVarP(&o.out, "output", "o", "", "write to this file instead of standard output")
	f.StringArrayVar(&o.around, "around", nil, "centre of an ego network (a name; repeatable)")
	f.IntVar(&o.depth, "depth", 2, "hops from --around (a person's meetings are 1, the people they met 2)")
	f.StringVar(&o.from, "from", "", "keep meetings from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&o.to, "to", "", "keep meetings up to this date")
	f.StringVar(&o.query, "query", "", "keep what this stored query returns (with its parameters)")
	f.BoolVar(&o.persons, "persons", false, "export the person–person network")
	f.BoolVar(&o.topics, "topics", false, "with --persons: topics as edge attributes")
	f.StringVar(&o.analyze, "analyze", "", "add link-analysis scores as node attributes: person or full")
	for _, p := range queryParams {
		if p.name == "from" || p.name == "to" {
			continue
		}
		o.params[p.name] = f.String(p.name, "", "with --query: "+p.help)
	}
	return cmd
}

// selectModel applies the selections shared by export and analyze.
func selectModel(ctx context.Context, st *graph.Store, m *graph.Model, around []string, depth int, from, to string) (*graph.Model, error) {
	var err error
	if len(around) > 0 {
		var ids []string
		for _, name := range around {
			found, err := st.Lookup(ctx, name)
			if err != nil {
				return nil, err
			}
			if len(found) == 0 {
				return nil, fmt.Errorf("nothing matches %q", name)
			}
			ids = append(ids, found...)
		}
		if m, err = export.Ego(m, ids, depth); err != nil {
			return nil, err
		}
	}
	if from != "" || to != "" {
		if m, err = export.Window(m, from, to); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func runExport(ctx context.Context, e *env, o *exportOptions) error {
	st, err := graph.Open(ctx, graph.Location(o.db), graph.OpenOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	var w io.Writer = e.stdout
	if o.out != "" {
		f, err := os.Create(o.out)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		w = bw
	}
	m, err := st.Snapshot(ctx)
	if err != nil {
		return err
	}
	if m, err = selectModel(ctx, st, m, o.around, o.depth, o.from, o.to); err != nil {
		return err
	}
	if o.query != "" {
		if m, err = queryModel(ctx, st, m, o); err != nil {
			return err
		}
	}
	if o.format == "nquads" {
		return writeModelQuads(ctx, st, m, w)
	}
	if o.persons {
		m = export.PersonProjection(m, o.topics)
	}
	opt := export.Options{}
	if o.analyze != "" {
		res, err := analyze.Analyze(m, analyze.Options{Network: o.analyze})
		if err != nil {
			return err
		}
		opt.NodeAttrs = res.NodeAttrs()
	}
	return export.Write(o.format, w, m, opt)
}

// queryModel keeps the nodes a stored query returns (its "id" values) with
// their neighbours.
func queryModel(ctx context.Context, st *graph.Store, m *graph.Model, o *exportOptions) (*graph.Model, error) {
	lib, err := queries.Open("")
	if err != nil {
		return nil, err
	}
	params := map[string]string{}
	for k, v := range o.params {
		if *v != "" {
			params[k] = *v
		}
	}
	res, err := lib.Run(ctx, st, o.query, params, graph.MaxAPILimit)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, r := range res.Rows {
		if id, ok := r["id"].(string); ok && m.Nodes[id] != nil {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("query %s returned no nodes to export (it needs an \"id\" column)", o.query)
	}
	return export.Ego(m, ids, 1)
}

// writeModelQuads writes the stored quads among the model's nodes.
func writeModelQuads(ctx context.Context, st *graph.Store, m *graph.Model, w io.Writer) error {
	var out []graph.Quad
	err := st.Each(ctx, func(q graph.Quad) error {
		if m.Nodes[q.Subject] == nil {
			return nil
		}
		if q.Object.IRI && m.Nodes[q.Object.Value] == nil && q.Predicate != graph.RDFType {
			return nil
		}
		out = append(out, q)
		return nil
	})
	if err != nil {
		return err
	}
	return graph.WriteNQuads(w, out)
}
