package main

import (
	"fmt"

	"github.com/parley/parley/extract"
	"github.com/parley/parley/graph"
	"github.com/spf13/cobra"
)

type ingestOptions struct {
	db    string
	batch int
}

func newIngestCmd(e *env) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract articles and store their facts",
		Long: `Ingest extracts articles (files, directories or - for stdin) and stores their
facts in the graph: an embedded Cayley bolt store at ./parley.db (or
$PARLEY_DB, or --db), created on first use. Each article's facts land whole or
not at all; re-ingesting an unchanged article adds nothing, a changed one
replaces its facts. A file that cannot be read or extracted is reported and
skipped; the rest go through.`,
		Example: `  parley ingest testdata/articles
  parley ingest --db /tmp/news.db ~/saved-pages`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd, e, o, args)
		},
	}
	cmd.Flags().StringVar(&o.db, "db", "", "store location: a bolt directory, bolt:PATH or memory: (default ./parley.db or $PARLEY_DB)")
	cmd.Flags().IntVar(&o.batch, "batch", 64, "articles per transaction")
	return cmd
}

func runIngest(cmd *cobra.Command, e *env, o *ingestOptions, args []string) error {
	ctx := cmd.Context()
	if o.batch < 1 {
		return fmt.Errorf("--batch must be at least 1")
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	st, err := graph.Open(ctx, graph.Location(o.db), graph.OpenOptions{})
	if err != nil {
		return err
	}
	defer st.Close()
	var total graph.LoadStats
	failed := 0
	batch := make([]graph.Article, 0, o.batch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		s, err := st.Load(ctx, batch)
		if err != nil {
			return err
		}
		total.Add(s)
		batch = batch[:0]
		return nil
	}
	err = extract.Walk(args, e.stdin, func(doc extract.Document, err error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := extractDoc(x, doc, err)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "parley: %s: %v\n", doc.Path, err)
			return nil
		}
		batch = append(batch, graph.Article{IRI: extract.ArticleIRI(a.ID), Hash: a.Hash, Quads: x.Quads(a)})
		if len(batch) >= o.batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	printLoadStats(e, st, total, failed)
	if failed > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d article(s) failed", failed)}
	}
	return nil
}

func printLoadStats(e *env, st *graph.Store, s graph.LoadStats, failed int) {
	fmt.Fprintf(e.stdout, "articles: %d stored, %d unchanged, %d failed\n", s.Articles, s.Unchanged, failed)
	fmt.Fprintf(e.stdout, "meetings added: %d\n", s.MeetingsAdded)
	fmt.Fprintf(e.stdout, "quads added: %d, removed: %d\n", s.QuadsAdded, s.QuadsRemoved)
	fmt.Fprintf(e.stdout, "store: %s\n", st.Location())
}
