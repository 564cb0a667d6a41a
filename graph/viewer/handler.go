package viewer

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/parley/parley/graph"
)

//go:embed static
var staticFS embed.FS

// Source is where the graph comes from: *graph.Store, or anything else that
// can produce a Model.
type Source interface {
	Snapshot(ctx context.Context) (*graph.Model, error)
}

// Handler serves the viewer. Mount it at "/".
type Handler struct {
	src  Source
	mu   sync.Mutex // serialises loading
	ix   atomic.Pointer[index]
	mux  *http.ServeMux
	page *template.Template
	art  *template.Template
}

// New returns the viewer over src. The graph is read from src on the first
// request that needs it and kept from then on (a failed read is retried on
// the next request): the store must not change while it is served.
func New(src Source) *Handler {
	h := &Handler{src: src, mux: http.NewServeMux()}
	funcs := template.FuncMap{
		"kind":       kindText,
		"human":      func(s string) string { return strings.ReplaceAll(s, "_", " ") },
		"lower":      strings.ToLower,
		"num":        func(f float64) string { return strconv.FormatFloat(round1(f), 'f', -1, 64) },
		"articleURL": articleURL,
	}
	h.page = template.Must(template.New("page.html").Funcs(funcs).ParseFS(staticFS, "static/page.html", "static/parts.html"))
	h.art = template.Must(template.New("article.html").Funcs(funcs).ParseFS(staticFS, "static/article.html", "static/parts.html"))
	h.mux.HandleFunc("GET /{$}", h.servePage)
	h.mux.HandleFunc("GET /article", h.serveArticle)
	h.mux.HandleFunc("GET /api/suggest", h.serveSuggest)
	h.mux.HandleFunc("GET /api/ego", h.serveEgo)
	h.mux.HandleFunc("GET /api/node", h.serveNode)
	h.mux.HandleFunc("GET /static/", serveStatic)
	return h
}

// ServeHTTP serves the page, the article pages, the JSON endpoints and the
// static files; anything else is 404 and anything but GET or HEAD is 405.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	// Nothing but this server's own files runs on the page.
	hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "+
		"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	h.mux.ServeHTTP(w, r)
}

func (h *Handler) index(ctx context.Context) (*index, error) {
	if ix := h.ix.Load(); ix != nil {
		return ix, nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if ix := h.ix.Load(); ix != nil {
		return ix, nil
	}
	m, err := h.src.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	ix := newIndex(m)
	h.ix.Store(ix)
	return ix, nil
}

// maxQuery bounds what is typed.
const maxQuery = 200

func param(r *http.Request, name string) string {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if len(v) > maxQuery {
		v = strings.ToValidUTF8(v[:maxQuery], "") // not half a letter
	}
	return v
}

func depthParam(r *http.Request) int {
	d, err := strconv.Atoi(r.URL.Query().Get("depth"))
	if err != nil || d < 1 {
		return defaultDepth
	}
	if d > maxDepth {
		return maxDepth
	}
	return d
}

// linker makes the links of a view: to a node's details within the current
// drawing, or, outside a drawing, to the drawing around the node.
type linker struct {
	q     string
	depth int
}

// NodeURL links to the details of a node.
func (l linker) NodeURL(id string) string {
	v := url.Values{}
	if l.q == "" {
		v.Set("q", id)
	} else {
		v.Set("q", l.q)
		v.Set("node", id)
	}
	if l.depth != defaultDepth && l.depth != 0 {
		v.Set("depth", strconv.Itoa(l.depth))
	}
	return "/?" + v.Encode()
}

// DepthParam is the depth asked for.
func (l linker) DepthParam() int { return l.depth }

// CenterURL links to the drawing around a name.
func (l linker) CenterURL(name string) string {
	return (linker{depth: l.depth}).NodeURL(name)
}

func articleURL(id string) string { return "/article?id=" + url.QueryEscape(id) }

// meetingView is a meeting with the links to use in it.
type meetingView struct {
	M       Meeting
	L       linker
	Title   bool // show the meeting's name (not when it is the page's heading)
	Sources bool // link each group of sentences to its article (not on the article's page)
}

// pageData is what page.html shows.
type pageData struct {
	linker
	Query    string // as typed (a node IRI shows as the node's name)
	Depths   []int
	Drawing  *Drawing
	Centers  []Ref
	Selected string    // IRI of the node whose details are shown
	Info     *NodeInfo // its details
	BadNode  string    // a node= that names nothing
	Examples []Ref
	NotFound bool
}

// DepthURL links to the current view at another depth.
func (p *pageData) DepthURL(d int) string {
	v := url.Values{"q": {p.q}}
	if p.Selected != "" && !p.IsCenter(p.Selected) {
		v.Set("node", p.Selected)
	}
	if d != defaultDepth {
		v.Set("depth", strconv.Itoa(d))
	}
	return "/?" + v.Encode()
}

// With pairs a meeting with the page's links, for the "meeting" template.
func (p *pageData) With(m Meeting) meetingView {
	return meetingView{M: m, L: p.linker, Title: m.ID != p.Selected, Sources: true}
}

// IsCenter reports whether id is a center of the drawing.
func (p *pageData) IsCenter(id string) bool {
	for _, c := range p.Centers {
		if c.ID == id {
			return true
		}
	}
	return false
}

func (h *Handler) servePage(w http.ResponseWriter, r *http.Request) {
	ix, err := h.index(r.Context())
	if err != nil {
		httpError(w, r, err)
		return
	}
	q := param(r, "q")
	p := &pageData{linker: linker{q: q, depth: depthParam(r)}, Query: q, Depths: []int{1, 2, 3, 4}}
	status := http.StatusOK
	if q == "" {
		p.Examples = ix.examples(8)
	} else if centers := ix.resolve(q); len(centers) == 0 {
		p.NotFound = true
		status = http.StatusNotFound
	} else {
		p.Drawing, err = ix.ego(centers, p.depth)
		if err != nil {
			httpError(w, r, err)
			return
		}
		p.Centers = ix.refs(centers)
		if id := ix.nodeID(q); id != "" {
			p.Query = ix.ref(id).Name
		}
		p.Selected = centers[0]
	}
	if n := param(r, "node"); n != "" {
		if id := ix.nodeID(n); id != "" {
			p.Selected = id
		} else {
			p.BadNode = n
			p.Selected = ""
		}
	}
	if p.Selected != "" {
		p.Info = ix.node(p.Selected)
	}
	render(w, h.page, p, status)
}

// articleData is what article.html shows.
type articleData struct {
	Article  *Article
	Meetings []meetingView
}

func (h *Handler) serveArticle(w http.ResponseWriter, r *http.Request) {
	ix, err := h.index(r.Context())
	if err != nil {
		httpError(w, r, err)
		return
	}
	id := ix.nodeID(param(r, "id"))
	if id == "" || ix.m.Nodes[id].Type != graph.ClassArticle {
		http.Error(w, "no such article", http.StatusNotFound)
		return
	}
	d := &articleData{Article: ix.article(id)}
	for _, mid := range ix.meetingIDs(id) {
		m := ix.meeting(mid)
		var ev []Evidence
		for _, e := range m.Evidence {
			if e.Article != nil && e.Article.ID == id {
				ev = append(ev, e)
			}
		}
		m.Evidence = ev
		d.Meetings = append(d.Meetings, meetingView{M: m, Title: true})
	}
	render(w, h.art, d, http.StatusOK)
}

// render executes a template into a buffer first, so that a failure is a
// clean 500 and not half a page.
func render(w http.ResponseWriter, t *template.Template, data any, status int) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		log.Printf("viewer: %s: %v", t.Name(), err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func (h *Handler) serveSuggest(w http.ResponseWriter, r *http.Request) {
	ix, err := h.index(r.Context())
	if err != nil {
		httpError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ix.suggest(param(r, "q")))
}

// EgoAnswer is the answer of /api/ego.
type EgoAnswer struct {
	Query string `json:"query"`
	*Drawing
}

func (h *Handler) serveEgo(w http.ResponseWriter, r *http.Request) {
	ix, err := h.index(r.Context())
	if err != nil {
		httpError(w, r, err)
		return
	}
	q := param(r, "q")
	if q == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "missing q: a name or node IRI"})
		return
	}
	centers := ix.resolve(q)
	if len(centers) == 0 {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no person, place or topic matches " + strconv.Quote(q)})
		return
	}
	d, err := ix.ego(centers, depthParam(r))
	if err != nil {
		httpError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, EgoAnswer{Query: q, Drawing: d})
}

func (h *Handler) serveNode(w http.ResponseWriter, r *http.Request) {
	ix, err := h.index(r.Context())
	if err != nil {
		httpError(w, r, err)
		return
	}
	id := ix.nodeID(param(r, "id"))
	if id == "" {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no node " + strconv.Quote(param(r, "id"))})
		return
	}
	writeJSON(w, http.StatusOK, ix.node(id))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v) // escapes <, > and & in strings
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func httpError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the client went away
	}
	log.Printf("viewer: %s: %v", r.URL.Path, err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	http.Error(w, "cannot read the graph: "+err.Error(), http.StatusInternalServerError)
}

// staticTypes are the files under static/ that are served as they are (the
// templates are not).
var staticTypes = map[string]string{
	".css": "text/css; charset=utf-8",
	".js":  "text/javascript; charset=utf-8",
	".svg": "image/svg+xml",
}

func serveStatic(w http.ResponseWriter, r *http.Request) {
	name := path.Clean(r.URL.Path)
	ctype, ok := staticTypes[path.Ext(name)]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := fs.ReadFile(staticFS, strings.TrimPrefix(name, "/"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}
