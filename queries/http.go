package queries

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/parley/parley/graph"
)

// Handler serves the stored queries by name: GET /api/v1/queries lists them,
// GET /api/v1/queries/NAME?person=…&place=… runs one and answers JSON
// {"columns", "rows", "truncated"}. The request's context reaches the query.
func (l *Library) Handler(st *graph.Store, limit int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			graph.WriteJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "use GET"})
			return
		}
		name := strings.Trim(strings.TrimPrefix(r.URL.Path, "/api/v1/queries"), "/")
		if name == "" {
			var list []map[string]interface{}
			for _, q := range l.List() {
				var ps []string
				for _, p := range q.Params {
					ps = append(ps, p.Name)
				}
				list = append(list, map[string]interface{}{"name": q.Name, "doc": q.Doc, "params": ps, "columns": q.Columns, "example": q.Example})
			}
			graph.WriteJSON(w, http.StatusOK, map[string]interface{}{"queries": list})
			return
		}
		params := map[string]string{}
		lim := limit
		for k, v := range r.URL.Query() {
			if k == "limit" {
				n, err := strconv.Atoi(v[0])
				if err != nil || n < 1 {
					graph.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": "bad limit"})
					return
				}
				lim = n
				continue
			}
			params[k] = v[0]
		}
		res, err := l.Run(r.Context(), st, name, params, lim)
		var nm *ErrNoMatch
		switch {
		case err == nil:
		case r.Context().Err() != nil:
			return
		case errors.Is(err, ErrUnknownQuery):
			graph.WriteJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
			return
		case errors.As(err, &nm):
			graph.WriteJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
			return
		default:
			graph.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		rows := res.Rows
		if rows == nil {
			rows = []map[string]interface{}{}
		}
		if res.Truncated {
			w.Header().Set("X-Parley-Truncated", "true")
		}
		graph.WriteJSON(w, http.StatusOK, map[string]interface{}{"query": name, "columns": res.columns(), "rows": rows, "truncated": res.Truncated})
	})
}
