package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/parley/parley/graph"
)

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	XMLNS          string    `xml:"xmlns,attr"`
	XSI            string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description,omitempty"`
}

type gexfGraph struct {
	Mode            string           `xml:"mode,attr"`
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	TimeFormat      string           `xml:"timeformat,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class string          `xml:"class,attr"`
	Mode  string          `xml:"mode,attr"`
	Attrs []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	Start     string         `xml:"start,attr,omitempty"`
	End       string         `xml:"end,attr,omitempty"`
	AttValues *gexfAttValues `xml:"attvalues"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Label     string         `xml:"label,attr,omitempty"`
	Weight    string         `xml:"weight,attr"`
	Start     string         `xml:"start,attr,omitempty"`
	End       string         `xml:"end,attr,omitempty"`
	AttValues *gexfAttValues `xml:"attvalues"`
}

type gexfAttValues struct {
	Values []gexfAttValue `xml:"attvalue"`
}

// addAtt appends a value to *a, creating the list if needed, so that an
// element without values has no empty <attvalues/>.
func addAtt(a **gexfAttValues, id, value string) {
	if *a == nil {
		*a = &gexfAttValues{}
	}
	(*a).Values = append((*a).Values, gexfAttValue{id, value})
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// gexfType maps a column type to a GEXF attribute type.
func gexfType(typ string) string {
	if typ == typInt {
		return "integer"
	}
	return typ
}

// WriteGEXF writes m as GEXF 1.3 for Gephi, in dynamic mode with
// timeformat="date": a dated meeting, and every edge touching one, has start
// and end set to the days its date covers ("2024-03" runs from 2024-03-01 to
// 2024-03-31), so that Gephi's timeline shows meetings as they happen; other
// nodes and edges are always present. Nodes have the label (name) and the
// attributes type and one per model or Options attribute; edges have the
// label and predicate, a weight, and the attributes date and sources.
//
// networkx reads GEXF 1.3 from version 3.6 on; older versions know only
// the 1.1draft and 1.2draft namespaces.
func WriteGEXF(w io.Writer, m *graph.Model, opt Options) error {
	t, err := newTable(m, opt)
	if err != nil {
		return err
	}
	doc := gexfDoc{
		XMLNS:          "http://gexf.net/1.3",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		Version:        "1.3",
		Meta:           gexfMeta{Creator: "Parley"},
		Graph:          gexfGraph{Mode: "dynamic", DefaultEdgeType: "directed", TimeFormat: "date"},
	}
	if t.undirected {
		doc.Graph.DefaultEdgeType = "undirected"
	}

	nodeAttrs := gexfAttributes{Class: "node", Mode: "static"}
	nodeAttrs.Attrs = append(nodeAttrs.Attrs, gexfAttribute{"0", "type", "string"})
	for i, c := range t.cols {
		nodeAttrs.Attrs = append(nodeAttrs.Attrs, gexfAttribute{strconv.Itoa(i + 1), c.name, gexfType(c.typ)})
	}
	edgeAttrs := gexfAttributes{Class: "edge", Mode: "static"}
	for i, name := range append([]string{"predicate", "date", "sources"}, t.edgeCols...) {
		edgeAttrs.Attrs = append(edgeAttrs.Attrs, gexfAttribute{strconv.Itoa(i), name, "string"})
	}
	doc.Graph.Attributes = []gexfAttributes{nodeAttrs, edgeAttrs}

	for _, n := range t.nodes {
		gn := gexfNode{ID: n.ID, Label: label(n)}
		if n.Type == graph.ClassMeeting {
			if sp, ok := nodeSpan(n); ok {
				gn.Start, gn.End = sp.start, sp.end
			}
		}
		if n.Type != "" {
			addAtt(&gn.AttValues, "0", n.Type)
		}
		for i, c := range t.cols {
			if v, ok := t.value(n, c.name); ok {
				addAtt(&gn.AttValues, strconv.Itoa(i+1), v)
			}
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for _, r := range t.edges {
		ge := gexfEdge{ID: r.id, Source: r.e.From, Target: r.e.To, Label: r.e.Predicate, Weight: formatWeight(r.weight)}
		if r.hasSpan {
			ge.Start, ge.End = r.span.start, r.span.end
		}
		addAtt(&ge.AttValues, "0", r.e.Predicate)
		if r.date != "" {
			addAtt(&ge.AttValues, "1", r.date)
		}
		if len(r.e.Sources) > 0 {
			addAtt(&ge.AttValues, "2", strings.Join(r.e.Sources, Sep))
		}
		for i, c := range t.edgeCols {
			if v := r.extra[c]; len(v) > 0 {
				addAtt(&ge.AttValues, strconv.Itoa(i+3), strings.Join(v, Sep))
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return writeXML(w, doc)
}
