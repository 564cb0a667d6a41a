package main

import (
	"fmt"
	"strings"

	"github.com/parley/parley/graph"
	"github.com/parley/parley/queries"
	"github.com/spf13/cobra"
)

type queryOptions struct {
	db      string
	format  string
	list    bool
	expr    string
	dir     string
	limit   int
	params  map[string]*string
	extra   []string
	timeout string
}

// queryParams are the flags every stored query may take (each query says
// which it uses).
var queryParams = []struct{ name, help string }{
	{"person", "a person, as you would type the name (case and diacritics do not matter)"},
	{"with", "another person taking part"},
	{"place", "a city or country"},
	{"country", "a country"},
	{"city", "a city"},
	{"topic", "a topic or project"},
	{"builder", "a country or company building projects"},
	{"person2", "the second person (shared topics, chains)"},
	{"from", "earliest date: YYYY, YYYY-MM or YYYY-MM-DD"},
	{"to", "latest date: YYYY, YYYY-MM or YYYY-MM-DD"},
}

func newQueryCmd(e *env) *cobra.Command {
	o := &queryOptions{params: map[string]*string{}}
	cmd := &cobra.Command{
		Use:   "query NAME [flags] | query -e SCRIPT | query --list",
		Short: "Run a stored query (queries/NAME.js) or ad-hoc Gizmo",
		Long: `Query runs a stored Gizmo query by name with parameters, or an ad-hoc Gizmo
script with -e. Names are typed as a person would: "Putin", "erdogan",
"ERDOĞAN" all work. A name that matches nothing says so.`,
		Example: `  parley query topics --person Putin --place Astana
  parley query met --person Erdogan --from 2024 --to 2024
  parley query meetings --person Erdoğan --with Putin -o json
  parley query built-by --country Türkiye
  parley query -e 'g.V("<https://w3id.org/parley/id/person/vladimir-putin>").Out("<https://w3id.org/parley/vocab/met>").All()'
  parley query --list`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runQuery(cmd, e, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.db, "db", "", "store location (default ./parley.db or $PARLEY_DB)")
	f.StringVarP(&o.format, "output", "o", "table", "output format: table, json or csv")
	f.BoolVar(&o.list, "list", false, "list the stored queries with their parameters")
	f.StringVarP(&o.expr, "expr", "e", "", "run this Gizmo script instead of a stored query")
	f.StringVar(&o.dir, "queries", "", "directory whose .js files override the embedded queries")
	f.IntVar(&o.limit, "limit", 1000, "maximum rows")
	for _, p := range queryParams {
		o.params[p.name] = f.String(p.name, "", p.help)
	}
	return cmd
}

func runQuery(cmd *cobra.Command, e *env, o *queryOptions, args []string) error {
	lib, err := queries.Open(o.dir)
	if err != nil {
		return err
	}
	if o.list {
		for _, q := range lib.List() {
			var ps []string
			for _, p := range q.Params {
				s := "--" + p.Name
				if p.Required {
					s += " (required)"
				}
				ps = append(ps, s)
			}
			fmt.Fprintf(e.stdout, "%s\n    %s\n    params: %s\n    example: %s\n", q.Name, q.Doc, strings.Join(ps, ", "), q.Example)
		}
		return nil
	}
	if o.expr == "" && len(args) != 1 {
		return fmt.Errorf("%w: give a query NAME, -e SCRIPT or --list", errUsage)
	}
	ctx := cmd.Context()
	st, err := graph.Open(ctx, graph.Location(o.db), graph.OpenOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	if o.expr != "" {
		res, err := st.Gizmo(ctx, o.expr, o.limit)
		if err != nil {
			return err
		}
		r := &queries.Result{Truncated: res.Truncated}
		for _, v := range res.Values {
			if m, ok := v.(map[string]interface{}); ok {
				r.Rows = append(r.Rows, m)
			} else {
				r.Rows = append(r.Rows, map[string]interface{}{"value": v})
			}
		}
		return r.Write(e.stdout, o.format)
	}
	params := map[string]string{}
	for k, v := range o.params {
		if *v != "" {
			params[k] = *v
		}
	}
	res, err := lib.Run(ctx, st, args[0], params, o.limit)
	if err != nil {
		return err
	}
	if len(res.Rows) == 0 && o.format == "table" {
		fmt.Fprintln(e.stdout, "(no results)")
		return nil
	}
	return res.Write(e.stdout, o.format)
}
