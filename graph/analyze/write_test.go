package analyze

import (
	"bytes"
	"strings"
	"testing"
)

func sample() *Result {
	return &Result{
		Network: Person, Nodes: 2, Edges: 1, Communities: 1, Modularity: 0,
		Rows: []Row{
			{ID: person("erdogan"), Name: "Recep Tayyip Erdoğan", Type: "Person", Degree: 1, WeightedDegree: 2, PageRank: 0.5, Betweenness: 0, Community: 0},
			{ID: person("mbs"), Name: "Mohammed bin Salman \"MBS\"\tal-Saud", Type: "Person", Degree: 1, WeightedDegree: 2, PageRank: 0.5, Betweenness: 1.25, Community: 0},
		},
	}
}

func TestWriters(t *testing.T) {
	tests := []struct {
		format, want string
	}{
		{"table", `RANK  NAME                               TYPE    DEGREE  WEIGHTED  PAGERANK  BETWEENNESS  COMMUNITY  ID
1     Recep Tayyip Erdoğan               Person  1       2         0.5000    0.00         0          https://w3id.org/parley/id/person/erdogan
2     Mohammed bin Salman "MBS" al-Saud  Person  1       2         0.5000    1.25         0          https://w3id.org/parley/id/person/mbs

person network: 2 nodes, 1 edges, 1 communities, modularity 0.0000
`},
		{"csv", `id,name,type,degree,weighted_degree,pagerank,betweenness,community
https://w3id.org/parley/id/person/erdogan,Recep Tayyip Erdoğan,Person,1,2.0,0.5,0.0,0
https://w3id.org/parley/id/person/mbs,"Mohammed bin Salman ""MBS""	al-Saud",Person,1,2.0,0.5,1.25,0
`},
		{"JSON", `{
  "network": "person",
  "rows": [
    {
      "id": "https://w3id.org/parley/id/person/erdogan",
      "name": "Recep Tayyip Erdoğan",
      "type": "Person",
      "degree": 1,
      "weighted_degree": 2,
      "pagerank": 0.5,
      "betweenness": 0,
      "community": 0
    },
    {
      "id": "https://w3id.org/parley/id/person/mbs",
      "name": "Mohammed bin Salman \"MBS\"\tal-Saud",
      "type": "Person",
      "degree": 1,
      "weighted_degree": 2,
      "pagerank": 0.5,
      "betweenness": 1.25,
      "community": 0
    }
  ],
  "modularity": 0,
  "communities": 1,
  "nodes": 2,
  "edges": 1
}
`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(tt.format, &b, sample()); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
	err := Write("xml", &bytes.Buffer{}, sample())
	if err == nil || !strings.Contains(err.Error(), "table, csv, json") {
		t.Errorf("unknown format: %v", err)
	}
}

func TestNodeAttrsKeys(t *testing.T) {
	a := sample().NodeAttrs()
	want := map[string]string{"community": "0", "pagerank": "0.5", "betweenness": "1.25", "degree": "1"}
	got := a[person("mbs")]
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("keys %v", got)
	}
}
