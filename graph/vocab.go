// Package graph stores Parley's knowledge graph in a Cayley quad store and
// reads it back. It is the only package that knows about Cayley: the rest of
// Parley speaks in the terms defined here (IRIs, predicates, types, Model).
package graph

import "strings"

// NS is the namespace of Parley's vocabulary. Predicates and types are NS +
// a local name, so the last path segment of every predicate is its name.
const NS = "https://w3id.org/parley/vocab/"

// IDNS is the namespace of entity IRIs: IDNS + type + "/" + slug.
const IDNS = "https://w3id.org/parley/id/"

// Predicate local names. These names are fixed: users' saved queries depend
// on them.
const (
	Met         = "met"         // person → person, both directions
	Participant = "participant" // meeting → person
	At          = "at"          // meeting → city
	Discussed   = "discussed"   // meeting → topic
	BuiltBy     = "built_by"    // project → country or company
	Kind        = "kind"        // meeting → "in_person" | "phone" | "video"
	Status      = "status"      // meeting → "held" | "planned"
	Date        = "date"        // meeting → xsd:date, xsd:gYearMonth or xsd:gYear
	LocatedIn   = "located_in"  // city → country; project → city or country
	Name        = "name"        // every node → display name
	Source      = "source"      // meeting (or statement) → article
	Type        = "type"        // every node → class (stored as rdf:type)

	// Extensions.
	Alias      = "alias"      // node → alternative name
	Country    = "country"    // person → country
	Role       = "role"       // person → role ("foreign_minister", …)
	Wikidata   = "wikidata"   // node → Wikidata Q-id
	Evidence   = "evidence"   // meeting/statement → sentence text
	Confidence = "confidence" // meeting/statement → xsd:decimal in [0,1]
	Latitude   = "latitude"   // city → xsd:double
	Longitude  = "longitude"  // city → xsd:double
	CAMEO      = "cameo"      // meeting → CAMEO event code ("036", "040"…)
	Published  = "published"  // article → publication date
	Lang       = "lang"       // article → language code
	Path       = "path"       // article → file path it was read from
	Hash       = "hash"       // article → content hash (replace-by-article)
	Subject    = "subject"    // statement → subject node
	Predicate  = "predicate"  // statement → predicate IRI
	Object     = "object"     // statement → object node
	Offset     = "offset"     // statement/meeting → byte offset of evidence in the cleaned text
)

// Node classes (objects of rdf:type).
const (
	ClassPerson       = "Person"
	ClassMeeting      = "Meeting"
	ClassCity         = "City"
	ClassCountry      = "Country"
	ClassTopic        = "Topic"
	ClassProject      = "Project"
	ClassOrganization = "Organization"
	ClassArticle      = "Article"
	ClassStatement    = "Statement"
)

// RDFType is the IRI of rdf:type, used for the Type predicate.
const RDFType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

// XSD datatypes used for literals.
const (
	XSDDate       = "http://www.w3.org/2001/XMLSchema#date"
	XSDGYearMonth = "http://www.w3.org/2001/XMLSchema#gYearMonth"
	XSDGYear      = "http://www.w3.org/2001/XMLSchema#gYear"
	XSDDecimal    = "http://www.w3.org/2001/XMLSchema#decimal"
	XSDDouble     = "http://www.w3.org/2001/XMLSchema#double"
)

// predIRIs caches the IRIs of the vocabulary's predicates.
var predIRIs = map[string]string{}

func init() {
	for _, p := range []string{Met, Participant, At, Discussed, BuiltBy, Kind, Status, Date, LocatedIn, Name, Source,
		Alias, Country, Role, Wikidata, Evidence, Confidence, Latitude, Longitude, CAMEO, Published, Lang, Path, Hash,
		Subject, Predicate, Object, Offset, Key} {
		predIRIs[p] = NS + p
	}
	predIRIs[Type] = RDFType
}

// Pred returns the IRI of a predicate local name. Type maps to rdf:type.
func Pred(local string) string {
	if iri, ok := predIRIs[local]; ok {
		return iri
	}
	return NS + local
}

// Class returns the IRI of a node class.
func Class(name string) string { return NS + name }

// Entity returns the IRI of an entity of the given kind ("person", "city",
// "meeting", …) and slug.
func Entity(kind, slug string) string { return IDNS + kind + "/" + slug }

// Local returns the last segment of an IRI (after the last '/', '#' or ':').
func Local(iri string) string {
	i := strings.LastIndexAny(iri, "/#:")
	return iri[i+1:]
}
