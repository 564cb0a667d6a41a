package main

import (
	"errors"
	"io"

	"github.com/spf13/cobra"
)

// env is what commands read and write: injected so tests can capture it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

var errUsage = errors.New("usage")

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "parley",
		Short: "Turn news about diplomacy into a knowledge graph and query it",
		Long: `Parley reads news articles (English and Turkish; text or saved HTML),
extracts who met whom, where, when, how and about what, and which projects are
built by whom, and stores the facts in a Cayley graph, each pointing back to
its article and sentence.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newExtractCmd(e), newIngestCmd(e), newLoadCmd(e), newQueryCmd(e), newServeCmd(e), newEvalCmd(e), newExportCmd(e), newAnalyzeCmd(e))
	return root
}
