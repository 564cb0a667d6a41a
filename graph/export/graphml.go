package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/parley/parley/graph"
)

type graphmlDoc struct {
	XMLName        xml.Name     `xml:"graphml"`
	XMLNS          string       `xml:"xmlns,attr"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphmlKey `xml:"key"`
	Graph          graphmlGraph `xml:"graph"`
}

type graphmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphmlGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphmlNode `xml:"node"`
	Edges       []graphmlEdge `xml:"edge"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphmlData `xml:"data"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// WriteGraphML writes m as GraphML, as read by networkx and Gephi. Nodes
// have the data keys type, name, label (the name, or the IRI's last segment
// when there is none, for Gephi) and one per attribute; edges have
// predicate, date, sources and weight, and a projected model's extra edge
// attributes. latitude, longitude, confidence and numeric Options.NodeAttrs
// are declared as numbers.
func WriteGraphML(w io.Writer, m *graph.Model, opt Options) error {
	t, err := newTable(m, opt)
	if err != nil {
		return err
	}
	doc := graphmlDoc{
		XMLNS:          "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Graph:          graphmlGraph{ID: "parley", EdgeDefault: "directed"},
	}
	if t.undirected {
		doc.Graph.EdgeDefault = "undirected"
	}
	key := func(for_, name, typ string) string {
		id := "k" + strconv.Itoa(len(doc.Keys))
		doc.Keys = append(doc.Keys, graphmlKey{ID: id, For: for_, Name: name, Type: typ})
		return id
	}

	kType := key("node", "type", typString)
	kName := key("node", "name", typString)
	kLabel := key("node", "label", typString)
	colKeys := make([]string, len(t.cols))
	for i, c := range t.cols {
		colKeys[i] = key("node", c.name, c.typ)
	}
	kPred := key("edge", "predicate", typString)
	kDate := key("edge", "date", typString)
	kSources := key("edge", "sources", typString)
	kWeight := key("edge", "weight", typDouble)
	extraKeys := make([]string, len(t.edgeCols))
	for i, c := range t.edgeCols {
		extraKeys[i] = key("edge", c, typString)
	}

	for _, n := range t.nodes {
		gn := graphmlNode{ID: n.ID}
		add := func(k, v string) { gn.Data = append(gn.Data, graphmlData{k, v}) }
		if n.Type != "" {
			add(kType, n.Type)
		}
		if n.Name != "" {
			add(kName, n.Name)
		}
		add(kLabel, label(n))
		for i, c := range t.cols {
			if v, ok := t.value(n, c.name); ok {
				add(colKeys[i], v)
			}
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for _, r := range t.edges {
		ge := graphmlEdge{ID: r.id, Source: r.e.From, Target: r.e.To}
		add := func(k, v string) { ge.Data = append(ge.Data, graphmlData{k, v}) }
		add(kPred, r.e.Predicate)
		if r.date != "" {
			add(kDate, r.date)
		}
		if len(r.e.Sources) > 0 {
			add(kSources, strings.Join(r.e.Sources, Sep))
		}
		add(kWeight, formatWeight(r.weight))
		for i, c := range t.edgeCols {
			if v, ok := r.extra[c]; ok && len(v) > 0 {
				add(extraKeys[i], strings.Join(v, Sep))
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return writeXML(w, doc)
}

// writeXML writes an XML declaration, v indented, and a final newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
