package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The end-to-end tests build the real binary once and run it on real files.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parley-e2e")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "parley")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build parley: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const seeds = "../../testdata/articles"

// run runs the binary and returns stdout, stderr and the exit code.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "PARLEY_DB=")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return out.String(), errb.String(), code
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, "", args...)
	if code != 0 {
		t.Fatalf("parley %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

var reCounts = regexp.MustCompile(`articles: (\d+) stored, (\d+) unchanged, (\d+) failed\nmeetings added: (\d+)\nquads added: (\d+), removed: (\d+)`)

func counts(t *testing.T, out string) []string {
	t.Helper()
	m := reCounts.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary in:\n%s", out)
	}
	return m[1:]
}

func TestIngestQueryReingest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "news.db")
	c := counts(t, mustRun(t, "ingest", "--db", db, seeds))
	if c[0] != "5" || c[2] != "0" || c[3] == "0" || c[4] == "0" {
		t.Fatalf("first ingest counts %v", c)
	}
	c = counts(t, mustRun(t, "ingest", "--db", db, seeds))
	if c[0] != "0" || c[1] != "5" || c[3] != "0" || c[4] != "0" || c[5] != "0" {
		t.Fatalf("re-ingest of unchanged articles changed the store: %v", c)
	}

	out := mustRun(t, "query", "topics", "--db", db, "--person", "Putin", "--place", "Astana", "-o", "json")
	var res struct {
		Rows []map[string]interface{} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("query json: %v\n%s", err, out)
	}
	var topics []string
	for _, r := range res.Rows {
		topics = append(topics, strings.ToLower(fmt.Sprint(r["topic"])))
	}
	all := strings.Join(topics, " | ")
	for _, want := range []string{"ukrain", "israel", "syria", "terror", "sinop", "trade"} {
		if !strings.Contains(all, want) {
			t.Errorf("topics of Putin in Astana lack %q: %s", want, all)
		}
	}
	for _, name := range []string{"Putin", "putin", "PUTİN"} {
		if out := mustRun(t, "query", "met", "--db", db, "--person", name); !strings.Contains(out, "Erdoğan") {
			t.Errorf("met --person %s does not list Erdoğan:\n%s", name, out)
		}
	}
	for _, name := range []string{"Erdoğan", "erdogan", "ERDOĞAN"} {
		if out := mustRun(t, "query", "met", "--db", db, "--person", name); !strings.Contains(out, "Aliyev") || !strings.Contains(out, "Putin") {
			t.Errorf("met --person %s lacks Aliyev or Putin:\n%s", name, out)
		}
	}
	out = mustRun(t, "query", "meetings", "--db", db, "--person", "Lavrov")
	if !strings.Contains(out, "Antalya") || !strings.Contains(out, "2016-12-01") {
		t.Errorf("Lavrov's meetings lack Antalya on 2016-12-01:\n%s", out)
	}
	out = mustRun(t, "query", "built-by", "--db", db, "--country", "Russia")
	if !strings.Contains(out, "Akkuyu") {
		t.Errorf("built-by Russia lacks Akkuyu:\n%s", out)
	}
	_, errOut, code := run(t, "", "query", "met", "--db", db, "--person", "Nobody Atall")
	if code == 0 || !strings.Contains(errOut, `no person matches "Nobody Atall"`) {
		t.Errorf("unknown name: exit %d, stderr %q", code, errOut)
	}
	// a value full of JavaScript is data, not code
	_, errOut, code = run(t, "", "query", "met", "--db", db, "--person", `"]); g.Emit("pwned"); //`)
	if code == 0 || strings.Contains(errOut, "pwned") && !strings.Contains(errOut, "matches") {
		t.Errorf("injection attempt: exit %d, stderr %q", code, errOut)
	}
}

func TestChangedArticleReplacesFacts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	art := filepath.Join(dir, "story.txt")
	v1 := "Russian Foreign Minister Sergey Lavrov met his Turkish counterpart Mevlüt Çavuşoğlu in Antalya on Thursday to discuss Syria and trade.\n"
	v2 := "Russian Foreign Minister Sergey Lavrov met his Iranian counterpart Abbas Araghchi in Tehran on Thursday to discuss Syria and trade.\n"
	os.WriteFile(art, []byte(v1), 0o644)
	mustRun(t, "ingest", "--db", db, art)
	os.WriteFile(art, []byte(v2), 0o644)
	c := counts(t, mustRun(t, "ingest", "--db", db, art))
	if c[0] != "1" || c[5] == "0" {
		t.Fatalf("changed article: counts %v", c)
	}
	out := mustRun(t, "query", "met", "--db", db, "--person", "Lavrov")
	if strings.Contains(out, "Çavuşoğlu") || !strings.Contains(out, "Araghchi") {
		t.Fatalf("after the change Lavrov met:\n%s", out)
	}
}

func TestBadInputIsReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte{0, 1, 2, 0, 'x'}, 0o644)
	os.WriteFile(filepath.Join(dir, "russian.txt"), []byte("Президент России Владимир Путин провёл переговоры с президентом Турции Реджепом Тайипом Эрдоганом в Сочи. Стороны обсудили ситуацию в Сирии и торговлю.\n"), 0o644)
	b, _ := os.ReadFile(filepath.Join(seeds, "004_5f58014c1943b2e3.txt"))
	os.WriteFile(filepath.Join(dir, "good.txt"), b, 0o644)
	out, errOut, code := run(t, "", "ingest", "--db", db, dir)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitPartial, out, errOut)
	}
	for _, f := range []string{"empty.txt", "binary.txt", "russian.txt"} {
		if !strings.Contains(errOut, f) {
			t.Errorf("stderr does not name %s:\n%s", f, errOut)
		}
	}
	if !strings.Contains(errOut, `language "ru"`) {
		t.Errorf("the Russian article is not reported as a language without data:\n%s", errOut)
	}
	if c := counts(t, out); c[0] != "1" || c[2] != "3" {
		t.Errorf("counts %v, want 1 stored and 3 failed", c)
	}
	if out := mustRun(t, "query", "met", "--db", db, "--person", "Aliyev"); !strings.Contains(out, "Erdoğan") {
		t.Errorf("the good article did not land:\n%s", out)
	}
}

func TestExtractLoadRoundTrip(t *testing.T) {
	dir := t.TempDir()
	nq := filepath.Join(dir, "facts.nq")
	mustRun(t, "extract", "-o", nq, seeds)
	b, err := os.ReadFile(nq)
	if err != nil || len(b) == 0 {
		t.Fatalf("extract -o wrote nothing: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if !strings.Contains(line, "<https://w3id.org/parley/id/article/") || !strings.HasSuffix(line, "> .") {
			t.Fatalf("quad without an article label: %s", line)
		}
	}
	// stdin
	a, _ := os.ReadFile(filepath.Join(seeds, "001_f7b2e25b2d585171.txt"))
	out, _, code := run(t, string(a), "extract", "-")
	if code != 0 || !strings.Contains(out, "/vocab/participant>") {
		t.Fatalf("extract - : exit %d\n%s", code, out)
	}
	db1, db2 := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	c1 := counts(t, mustRun(t, "ingest", "--db", db1, seeds))
	c2 := counts(t, mustRun(t, "load", "--db", db2, nq))
	if c1[3] != c2[3] || c1[4] != c2[4] {
		t.Fatalf("load of extracted quads differs from ingest: ingest %v, load %v", c1, c2)
	}
	c2 = counts(t, mustRun(t, "load", "--db", db2, nq))
	if c2[1] != "5" || c2[4] != "0" {
		t.Fatalf("re-load of the same file changed the store: %v", c2)
	}
	bad := filepath.Join(dir, "bad.nq")
	os.WriteFile(bad, []byte("<a> <b> \"unterminated .\n"), 0o644)
	_, errOut, code := run(t, "", "load", "--db", db2, bad)
	if code == 0 || !strings.Contains(errOut, "bad.nq") {
		t.Fatalf("bad N-Quads: exit %d, stderr %q", code, errOut)
	}
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "news.db")
	mustRun(t, "ingest", "--db", db, seeds)
	addr := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--db", db, "--addr", addr)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); cmd.Wait() }()
	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/api/v1/queries")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not come up: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	getJSON := func(resp *http.Response, err error) (int, map[string]interface{}) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]interface{}
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			t.Fatalf("decode: %v", err)
		}
		return resp.StatusCode, v
	}
	code, v := getJSON(http.Get(base + "/api/v1/queries/topics?person=Putin&place=Astana"))
	if code != 200 || !strings.Contains(strings.ToLower(fmt.Sprint(v["rows"])), "sinop") {
		t.Fatalf("stored query over HTTP: %d %v", code, v)
	}
	code, v = getJSON(http.Get(base + "/api/v1/queries/met?person=Nobody"))
	if code != 404 || v["error"] == nil {
		t.Fatalf("unknown name over HTTP: %d %v", code, v)
	}
	q := `g.V("<https://w3id.org/parley/id/person/vladimir-putin>").Out("<https://w3id.org/parley/vocab/met>").Out("<https://w3id.org/parley/vocab/name>").All()`
	code, v = getJSON(http.Post(base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(q)))
	if code != 200 || !strings.Contains(fmt.Sprint(v["result"]), "Erdoğan") {
		t.Fatalf("API v2: %d %v", code, v)
	}
	code, v = getJSON(http.Post(base+"/api/v2/query?lang=gizmo&limit=2", "application/javascript",
		strings.NewReader(`g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>").All()`)))
	if code != 200 || v["truncated"] != true || len(v["result"].([]interface{})) != 2 {
		t.Fatalf("API v2 limit: %d %v", code, v)
	}
	code, v = getJSON(http.Post(base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(`g.V(`)))
	if code != 400 || v["error"] == nil {
		t.Fatalf("API v2 syntax error: %d %v", code, v)
	}
	// read-only: the store is not written through the server
	resp, err := http.Post(base+"/api/v2/write", "application/n-quads", strings.NewReader("<a> <b> <c> .\n"))
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode == 200 {
			t.Fatal("the server accepted a write")
		}
	}
}

// tool returns the path of an external checker, skipping when it is not
// installed (.ci/run installs them all).
func tool(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (.ci/run installs it)", name)
	}
	return p
}

func TestExportReadByRealTools(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	mustRun(t, "ingest", "--db", db, seeds)

	t.Run("nquads/rapper", func(t *testing.T) {
		rapper := tool(t, "rapper")
		nq := filepath.Join(dir, "all.nq")
		mustRun(t, "export", "--db", db, "--format", "nquads", "-o", nq)
		out, err := exec.Command(rapper, "-i", "nquads", "-c", nq).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "returned") {
			t.Fatalf("rapper: %v\n%s", err, out)
		}
	})
	t.Run("graphml/networkx", func(t *testing.T) {
		py := "/usr/bin/python3"
		if exec.Command(py, "-c", "import networkx").Run() != nil {
			t.Skip("python3-networkx not installed (.ci/run installs it)")
		}
		gm := filepath.Join(dir, "people.graphml")
		mustRun(t, "export", "--db", db, "--persons", "--topics", "--analyze", "person", "--format", "graphml", "-o", gm)
		out, err := exec.Command(py, "-c", `import networkx as nx, sys
g = nx.read_graphml(sys.argv[1])
w = {frozenset((g.nodes[a]["name"].split()[-1], g.nodes[b]["name"].split()[-1])): d.get("weight") for a, b, d in g.edges(data=True)}
print(g.number_of_nodes(), g.number_of_edges(), w.get(frozenset(("Erdoğan", "Putin"))), all("community" in d for _, d in g.nodes(data=True)))`, gm).CombinedOutput()
		if err != nil {
			t.Fatalf("networkx: %v\n%s", err, out)
		}
		// Erdoğan and Putin meet four times in the seeds: Astana, the call, Moscow (planned), Sochi, the calls in 003
		f := strings.Fields(string(out))
		if len(f) != 4 || f[3] != "True" || f[2] == "None" {
			t.Fatalf("networkx read %q", out)
		}
	})
	t.Run("dot/graphviz", func(t *testing.T) {
		dot := tool(t, "dot")
		gv := filepath.Join(dir, "ego.dot")
		mustRun(t, "export", "--db", db, "--around", "Lavrov", "--depth", "2", "--format", "dot", "-o", gv)
		out, err := exec.Command(dot, "-Tsvg", gv).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "Antalya") {
			t.Fatalf("dot: %v\n%.300s", err, out)
		}
	})
	t.Run("analyze", func(t *testing.T) {
		out := mustRun(t, "analyze", "--db", db, "-o", "json")
		var res struct {
			Rows []struct {
				Name     string  `json:"name"`
				PageRank float64 `json:"pagerank"`
			} `json:"rows"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("analyze json: %v\n%s", err, out)
		}
		if len(res.Rows) == 0 || !strings.Contains(res.Rows[0].Name, "Erdoğan") {
			t.Fatalf("the most central person of the seeds is not Erdoğan: %+v", res.Rows)
		}
	})
}

var reF1 = regexp.MustCompile(`(?m)^F1 ([0-9.]+) \(P ([0-9.]+) R ([0-9.]+)\)`)

// TestEvalAgreesWithReferenceScorer runs parley eval and the reference
// scorer (testdata/score.py) on the same gold and articles: the numbers must
// agree within 0.02.
func TestEvalAgreesWithReferenceScorer(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	for _, tc := range []struct{ gold, dir string }{
		{"../../testdata/seeds-gold.json", seeds},
	} {
		ours := reF1.FindStringSubmatch(mustRun(t, "eval", "--gold", tc.gold, tc.dir))
		cmd := exec.Command(py, "../../testdata/score.py", "--gold", tc.gold, "--articles", tc.dir, "--cmd", bin+" extract {file}", "--ext", ".txt")
		out, _ := cmd.CombinedOutput()
		ref := reF1.FindStringSubmatch(string(out))
		if ours == nil || ref == nil {
			t.Fatalf("%s: no F1 line\nparley: %v\nscore.py: %s", tc.gold, ours, out)
		}
		for i := 1; i <= 3; i++ {
			var a, b float64
			fmt.Sscan(ours[i], &a)
			fmt.Sscan(ref[i], &b)
			if a-b > 0.02 || b-a > 0.02 {
				t.Errorf("%s: parley eval %s, score.py %s", tc.gold, ours[0], ref[0])
			}
		}
	}
}
