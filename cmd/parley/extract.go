package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/parley/parley/extract"
	"github.com/parley/parley/graph"
	"github.com/spf13/cobra"
)

type extractOptions struct {
	out string
}

func newExtractCmd(e *env) *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print the facts of articles as N-Quads (nothing is stored)",
		Long: `Extract reads articles — files, directories (walked for .txt, .html, .htm,
.md) or - for standard input — and prints their facts as N-Quads. The fourth
term of every quad is the IRI of the article it came from.`,
		Example: `  parley extract testdata/articles/000_cdfe15429a205cf5.txt
  parley extract -o facts.nq testdata/articles
  cat article.html | parley extract -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd, e, o, args)
		},
	}
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write N-Quads to this file instead of standard output")
	return cmd
}

func runExtract(cmd *cobra.Command, e *env, o *extractOptions, args []string) error {
	x, err := extract.New()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	var f *os.File
	if o.out != "" {
		if f, err = os.Create(o.out); err != nil {
			return err
		}
		defer f.Close()
		w = bufio.NewWriter(f)
	}
	failed := 0
	err = extract.Walk(args, e.stdin, func(doc extract.Document, err error) error {
		if err := cmd.Context().Err(); err != nil {
			return err
		}
		a, err := extractDoc(x, doc, err)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "parley: %s: %v\n", doc.Path, err)
			return nil
		}
		return graph.WriteNQuads(w, x.Quads(a))
	})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d article(s) not extracted", failed)}
	}
	return nil
}

// extractDoc extracts one document; a read error or a language without data
// is an error for that file only.
func extractDoc(x *extract.Extractor, doc extract.Document, readErr error) (*extract.Article, error) {
	if readErr != nil {
		return nil, readErr
	}
	return x.Extract(doc)
}
