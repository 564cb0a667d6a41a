package graph

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cayleyBin finds the upstream cayley command of the version Parley uses:
// $PARLEY_CAYLEY_BIN (the CI script builds it there), else cayley on PATH.
func cayleyBin(t *testing.T) string {
	if p := os.Getenv("PARLEY_CAYLEY_BIN"); p != "" {
		return p
	}
	p, err := exec.LookPath("cayley")
	if err != nil {
		t.Skip("upstream cayley not built: set PARLEY_CAYLEY_BIN (.ci/run does)")
	}
	return p
}

// TestUpstreamCayleyOpensStore checks that a store written by Parley is a
// plain Cayley store: the upstream command opens it and finds the facts.
func TestUpstreamCayleyOpensStore(t *testing.T) {
	bin := cayleyBin(t)
	dir := filepath.Join(t.TempDir(), "parley.db")
	st, err := Open(context.Background(), dir, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	q := append(person("putin", "Vladimir Putin", art1), meeting("m1", art1, "putin")...)
	if _, err := st.Load(context.Background(), []Article{{IRI: art1, Hash: "h", Quads: q}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	cmd := exec.Command(bin, "query", "-d", "bolt", "-a", dir, "--lang", "gizmo",
		`g.V("<`+Entity("meeting", "m1")+`>").Out("<`+Pred(Participant)+`>").Out("<`+Pred(Name)+`>").All()`)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cayley query: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Vladimir Putin") {
		t.Fatalf("upstream cayley did not find the participant's name:\n%s", out)
	}
}
