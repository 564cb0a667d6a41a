package graph

import (
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// ToCayley converts a Parley quad to a Cayley quad. Typed literals are
// normalised the way Cayley's N-Quads reader does (xsd:double → Float, …),
// so a quad compares equal whether it was extracted or loaded from a file.
func ToCayley(q Quad) (quad.Quad, error) {
	if q.Subject == "" || q.Predicate == "" {
		return quad.Quad{}, fmt.Errorf("quad with empty subject or predicate")
	}
	cq := quad.Quad{
		Subject:   quad.IRI(q.Subject),
		Predicate: quad.IRI(q.Predicate),
		Object:    termValue(q.Object),
	}
	if q.Label != "" {
		cq.Label = quad.IRI(q.Label)
	}
	return cq, nil
}

func termValue(t Term) quad.Value {
	switch {
	case t.IRI:
		return quad.IRI(t.Value)
	case t.Datatype != "":
		ts := quad.TypedString{Value: quad.String(t.Value), Type: quad.IRI(t.Datatype)}
		if v, err := ts.ParseValue(); err == nil {
			return v
		}
		return ts
	case t.Lang != "":
		return quad.LangString{Value: quad.String(t.Value), Lang: t.Lang}
	default:
		return quad.String(t.Value)
	}
}

// valueTerm converts a Cayley value back to a Term.
func valueTerm(v quad.Value) Term {
	switch v := v.(type) {
	case quad.IRI:
		return IRITerm(string(v))
	case quad.BNode:
		return IRITerm("_:" + string(v))
	case quad.String:
		return Literal(string(v))
	case quad.LangString:
		return Term{Value: string(v.Value), Lang: v.Lang}
	case quad.TypedString:
		return Typed(string(v.Value), string(v.Type))
	case quad.TypedStringer:
		ts := v.TypedString()
		return Typed(string(ts.Value), string(ts.Type))
	case nil:
		return Term{}
	default:
		return Literal(quad.StringOf(v))
	}
}

// FromCayley converts a Cayley quad to a Parley quad.
func FromCayley(q quad.Quad) Quad {
	out := Quad{Object: valueTerm(q.Object)}
	if iri, ok := q.Subject.(quad.IRI); ok {
		out.Subject = string(iri)
	} else {
		out.Subject = quad.StringOf(q.Subject)
	}
	if iri, ok := q.Predicate.(quad.IRI); ok {
		out.Predicate = string(iri)
	}
	if iri, ok := q.Label.(quad.IRI); ok {
		out.Label = string(iri)
	}
	return out
}

// WriteNQuads writes quads as N-Quads.
func WriteNQuads(w io.Writer, quads []Quad) error {
	nw := nquads.NewWriter(w)
	for _, q := range quads {
		cq, err := ToCayley(q)
		if err != nil {
			return err
		}
		if err := nw.WriteQuad(cq); err != nil {
			return err
		}
	}
	return nw.Close()
}

// ReadNQuads parses N-Quads from r, calling fn for each quad. Errors name
// the line where parsing failed.
func ReadNQuads(r io.Reader, fn func(Quad) error) error {
	nr := nquads.NewReader(r, false)
	defer nr.Close()
	n := 0
	for {
		q, err := nr.ReadQuad()
		if err == io.EOF {
			return nil
		}
		n++
		if err != nil {
			return fmt.Errorf("quad %d: %w", n, err)
		}
		if err := fn(FromCayley(q)); err != nil {
			return err
		}
	}
}
