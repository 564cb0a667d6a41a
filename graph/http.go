package graph

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// DefaultAPILimit caps results of /api/v2/query, as upstream Cayley does.
const DefaultAPILimit = 100

// MaxAPILimit is the largest ?limit= a client may ask for.
const MaxAPILimit = 100000

// APIv2 serves Cayley's HTTP API v2 query endpoint (POST
// /api/v2/query?lang=gizmo with the script as body, or GET with ?qu=) over
// the store, read-only. Responses have upstream's shape — {"result": [...]}
// or {"error": "..."} — plus "truncated": true and the header
// X-Parley-Truncated when the result was cut at the limit. The request's
// context reaches the query, so a client that goes away stops it.
func APIv2(s *Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := r.URL.Query().Get("lang")
		if lang == "" {
			writeJSONError(w, http.StatusBadRequest, "query language not specified")
			return
		}
		if lang != "gizmo" {
			writeJSONError(w, http.StatusBadRequest, "unknown query language (this server speaks gizmo)")
			return
		}
		var qu string
		switch r.Method {
		case http.MethodGet:
			qu = r.URL.Query().Get("qu")
		case http.MethodPost:
			b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20+1))
			if err != nil {
				writeJSONError(w, http.StatusBadRequest, err.Error())
				return
			}
			if len(b) > 1<<20 {
				writeJSONError(w, http.StatusRequestEntityTooLarge, "request is too large")
				return
			}
			qu = string(b)
		default:
			writeJSONError(w, http.StatusMethodNotAllowed, "use GET or POST")
			return
		}
		if qu == "" {
			writeJSONError(w, http.StatusBadRequest, "query is empty")
			return
		}
		limit := DefaultAPILimit
		if v := r.URL.Query().Get("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > MaxAPILimit {
				writeJSONError(w, http.StatusBadRequest, "limit must be 1.."+strconv.Itoa(MaxAPILimit))
				return
			}
			limit = n
		}
		res, err := s.Gizmo(r.Context(), qu, limit)
		if err != nil {
			if r.Context().Err() != nil {
				return // the client is gone
			}
			writeJSONError(w, http.StatusBadRequest, err.Error())
			return
		}
		out := map[string]interface{}{"result": res.Values}
		if res.Truncated {
			out["truncated"] = true
			out["limit"] = limit
			w.Header().Set("X-Parley-Truncated", "true")
		}
		WriteJSON(w, http.StatusOK, out)
	})
}

// WriteJSON writes v as a JSON response.
func WriteJSON(w http.ResponseWriter, status int, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, map[string]string{"error": msg})
}
