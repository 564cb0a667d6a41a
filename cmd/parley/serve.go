package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/parley/parley/graph"
	"github.com/parley/parley/graph/viewer"
	"github.com/parley/parley/queries"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	db    string
	addr  string
	dir   string
	limit int
}

func newServeCmd(e *env) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the graph over HTTP (Cayley API v2 and stored queries), read-only",
		Long: `Serve opens the store read-only and answers:
  GET  /                             the viewer: search a name, see its network, click for meetings and evidence
  POST /api/v2/query?lang=gizmo      Cayley's HTTP API v2 (script as body)
  GET  /api/v1/queries               the stored queries
  GET  /api/v1/queries/NAME?person=… a stored query, JSON
It binds to 127.0.0.1 unless told otherwise. A client that goes away stops its query.`,
		Example: `  parley serve
  curl -s 'http://127.0.0.1:64210/api/v1/queries/topics?person=Putin&place=Astana'
  curl -s -X POST 'http://127.0.0.1:64210/api/v2/query?lang=gizmo' -d 'g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>","<https://w3id.org/parley/vocab/Person>").All()'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd, e, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.db, "db", "", "store location (default ./parley.db or $PARLEY_DB)")
	f.StringVar(&o.addr, "addr", "127.0.0.1:64210", "listen address")
	f.StringVar(&o.dir, "queries", "", "directory whose .js files override the embedded queries")
	f.IntVar(&o.limit, "limit", 1000, "maximum rows of a stored query")
	return cmd
}

// newMux wires the HTTP endpoints.
func newMux(st *graph.Store, lib *queries.Library, limit int) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/api/v2/query", graph.APIv2(st))
	qh := lib.Handler(st, limit)
	mux.Handle("/api/v1/queries", qh)
	mux.Handle("/api/v1/queries/", qh)
	mux.Handle("/", viewer.New(st))
	return mux
}

func runServe(cmd *cobra.Command, e *env, o *serveOptions) error {
	ctx := cmd.Context()
	lib, err := queries.Open(o.dir)
	if err != nil {
		return err
	}
	st, err := graph.Open(ctx, graph.Location(o.db), graph.OpenOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newMux(st, lib, o.limit), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.stdout, "serving %s on http://%s\n", st.Location(), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}
