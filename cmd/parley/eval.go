package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/parley/parley/extract"
	"github.com/parley/parley/extract/eval"
	"github.com/parley/parley/graph"
	"github.com/spf13/cobra"
)

type evalOptions struct {
	gold    []string
	verbose bool
	minF1   float64
	langs   string
}

func newEvalCmd(e *env) *cobra.Command {
	o := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval --gold FILE DIR",
		Short: "Measure extraction against annotated articles (precision, recall, F1)",
		Long: `Eval extracts every article of a gold file (ID.txt, .html, .htm or .md in DIR)
and reports precision, recall and F1 for met, at, discussed and built_by, per
article and overall, with meeting kind and date accuracy. The gold format is
the reference scorer's (testdata/score.py); the numbers agree with it, except
that dates are compared as dates (the reference folds their hyphens away).`,
		Example: `  parley eval --gold testdata/seeds-gold.json testdata/articles
  parley eval --gold testdata/dev/gold-en.json --gold testdata/dev/gold-tr.json -v testdata/dev/articles`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEval(e, o, args[0])
		},
	}
	cmd.Flags().StringArrayVar(&o.gold, "gold", nil, "gold file (JSON); repeat for several")
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "per-fact counts for every article")
	cmd.Flags().Float64Var(&o.minF1, "min-f1", 0, "exit with an error when overall F1 is below this")
	cmd.Flags().StringVar(&o.langs, "langs", "", "only articles in these languages, e.g. en,tr")
	cmd.MarkFlagRequired("gold")
	return cmd
}

func runEval(e *env, o *evalOptions, dir string) error {
	x, err := extract.New()
	if err != nil {
		return err
	}
	var golds []eval.Gold
	for _, f := range o.gold {
		g, err := eval.LoadGold(f)
		if err != nil {
			return err
		}
		golds = append(golds, g...)
	}
	if o.langs != "" {
		keep := golds[:0]
		for _, g := range golds {
			if strings.Contains(","+o.langs+",", ","+g.Lang+",") {
				keep = append(keep, g)
			}
		}
		golds = keep
	}
	rep := eval.Run(golds, dir, func(path string) ([]graph.Quad, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		a, err := x.Extract(extract.Document{Path: path, Data: b})
		if err != nil {
			return nil, err
		}
		return x.Quads(a), nil
	})
	rep.Write(e.stdout, o.verbose)
	if _, _, f1 := rep.Total.PRF(); f1 < o.minF1 {
		return fmt.Errorf("F1 %.3f is below --min-f1 %.3f", f1, o.minF1)
	}
	return nil
}
