package main

import (
	"github.com/parley/parley/graph"
	"github.com/parley/parley/graph/analyze"
	"github.com/spf13/cobra"
)

type analyzeOptions struct {
	db       string
	network  string
	format   string
	around   []string
	depth    int
	from, to string
}

func newAnalyzeCmd(e *env) *cobra.Command {
	o := &analyzeOptions{}
	cmd := &cobra.Command{
		Use:   "analyze [--network person|full] [-o table|csv|json]",
		Short: "Link analysis: degree, PageRank, betweenness and communities",
		Long: `Analyze computes, with gonum, degree, weighted degree (meetings), PageRank,
betweenness and Louvain communities on the person–person network (people who
met; weight = number of meetings) or on the full graph, optionally on an ego
network or a time window.`,
		Example: `  parley analyze
  parley analyze --network full -o csv > scores.csv
  parley analyze --from 2024 --to 2024 -o json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := graph.Open(ctx, graph.Location(o.db), graph.OpenOptions{ReadOnly: true})
			if err != nil {
				return err
			}
			defer st.Close()
			m, err := st.Snapshot(ctx)
			if err != nil {
				return err
			}
			if m, err = selectModel(ctx, st, m, o.around, o.depth, o.from, o.to); err != nil {
				return err
			}
			res, err := analyze.Analyze(m, analyze.Options{Network: o.network})
			if err != nil {
				return err
			}
			return analyze.Write(o.format, e.stdout, res)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.db, "db", "", "store location (default ./parley.db or $PARLEY_DB)")
	f.StringVar(&o.network, "network", "person", "person or full")
	f.StringVarP(&o.format, "output", "o", "table", "table, csv or json")
	f.StringArrayVar(&o.around, "around", nil, "analyse the ego network of this name")
	f.IntVar(&o.depth, "depth", 2, "hops from --around")
	f.StringVar(&o.from, "from", "", "meetings from this date")
	f.StringVar(&o.to, "to", "", "meetings up to this date")
	return cmd
}
