package main

import (
	"fmt"
	"os"

	"github.com/parley/parley/graph"
	"github.com/spf13/cobra"
)

type loadOptions struct {
	db string
}

func newLoadCmd(e *env) *cobra.Command {
	o := &loadOptions{}
	cmd := &cobra.Command{
		Use:   "load FILE.nq...",
		Short: "Load N-Quads made elsewhere, replacing each article's facts",
		Long: `Load reads N-Quads files (for example written by 'parley extract -o' on another
machine) and stores them with the same rule as ingest: quads are grouped by
their label (the article IRI), and each article's facts replace what the
store held for it. A file that does not parse is reported and skipped whole.`,
		Example: `  parley extract -o facts.nq testdata/articles
  parley load --db /tmp/news.db facts.nq`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLoad(cmd, e, o, args)
		},
	}
	cmd.Flags().StringVar(&o.db, "db", "", "store location (default ./parley.db or $PARLEY_DB)")
	return cmd
}

func runLoad(cmd *cobra.Command, e *env, o *loadOptions, args []string) error {
	ctx := cmd.Context()
	st, err := graph.Open(ctx, graph.Location(o.db), graph.OpenOptions{})
	if err != nil {
		return err
	}
	defer st.Close()
	var total graph.LoadStats
	failed := 0
	for _, path := range args {
		arts, err := readArticles(path)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "parley: %s: %v\n", path, err)
			continue
		}
		s, err := st.Load(ctx, arts)
		if err != nil {
			return fmt.Errorf("load %s: %w", path, err)
		}
		total.Add(s)
	}
	printLoadStats(e, st, total, failed)
	if failed > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d file(s) failed", failed)}
	}
	return nil
}

// readArticles parses a whole N-Quads file into articles grouped by label.
// Nothing is returned unless the whole file parses.
func readArticles(path string) ([]graph.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byLabel := map[string]*graph.Article{}
	var order []string
	hashPred := graph.Pred(graph.Hash)
	err = graph.ReadNQuads(f, func(q graph.Quad) error {
		if q.Label == "" {
			return fmt.Errorf("quad without a label (%s %s): every quad must name its article", q.Subject, q.Predicate)
		}
		a := byLabel[q.Label]
		if a == nil {
			a = &graph.Article{IRI: q.Label}
			byLabel[q.Label] = a
			order = append(order, q.Label)
		}
		if q.Predicate == hashPred && q.Subject == q.Label {
			a.Hash = q.Object.Value
			return nil
		}
		a.Quads = append(a.Quads, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]graph.Article, 0, len(order))
	for _, l := range order {
		out = append(out, *byLabel[l])
	}
	return out, nil
}
