package export

import (
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/parley/parley/graph"
)

type geoCollection struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

type geoFeature struct {
	Type       string      `json:"type"`
	ID         string      `json:"id"`
	Geometry   geoPoint    `json:"geometry"`
	Properties geoMeetings `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude
}

type geoMeetings struct {
	Name         string   `json:"name"`
	Date         string   `json:"date,omitempty"`
	Kind         string   `json:"kind,omitempty"`
	Status       string   `json:"status,omitempty"`
	City         string   `json:"city"`
	CityID       string   `json:"city_id"`
	Participants []string `json:"participants"`
	Topics       []string `json:"topics"`
	Sources      []string `json:"sources"`
}

// WriteGeoJSON writes the meetings of m as a GeoJSON FeatureCollection:
// one Point feature per meeting that is `at` a city with a latitude and a
// longitude, at [longitude, latitude] as GeoJSON requires. A meeting at
// several such cities is placed at the first by IRI. The feature's id is
// the meeting IRI and its properties are the meeting's name, date, kind,
// status, city (name and IRI), participants and topics (names, sorted) and
// sources (article IRIs: the targets of its `source` edges, or else the
// articles behind its edges). Meetings without a located city are left out.
// Options are not used.
func WriteGeoJSON(w io.Writer, m *graph.Model, _ Options) error {
	if err := checkEdges(m); err != nil {
		return err
	}
	out := geoCollection{Type: "FeatureCollection", Features: []geoFeature{}}
	type info struct {
		cities, people, topics, sources, edgeSources []string
	}
	infos := map[string]*info{}
	for _, e := range m.Edges {
		if !isMeeting(m, e.From) {
			continue
		}
		in := infos[e.From]
		if in == nil {
			in = &info{}
			infos[e.From] = in
		}
		in.edgeSources = append(in.edgeSources, e.Sources...)
		switch e.Predicate {
		case graph.At:
			in.cities = append(in.cities, e.To)
		case graph.Participant:
			in.people = append(in.people, displayName(m.Nodes[e.To]))
		case graph.Discussed:
			in.topics = append(in.topics, displayName(m.Nodes[e.To]))
		case graph.Source:
			in.sources = append(in.sources, e.To)
		}
	}
	for _, id := range m.IDs() {
		in := infos[id]
		if in == nil {
			continue
		}
		sort.Strings(in.cities)
		for _, cid := range in.cities {
			city := m.Nodes[cid]
			lon, okLon := coord(city.Attr(graph.Longitude), 180)
			lat, okLat := coord(city.Attr(graph.Latitude), 90)
			if !okLon || !okLat {
				continue
			}
			n := m.Nodes[id]
			sources := in.sources
			if len(sources) == 0 {
				sources = in.edgeSources
			}
			out.Features = append(out.Features, geoFeature{
				Type:     "Feature",
				ID:       id,
				Geometry: geoPoint{Type: "Point", Coordinates: [2]float64{lon, lat}},
				Properties: geoMeetings{
					Name:         displayName(n),
					Date:         strings.Join(n.Attrs[graph.Date], Sep),
					Kind:         strings.Join(n.Attrs[graph.Kind], Sep),
					Status:       strings.Join(n.Attrs[graph.Status], Sep),
					City:         displayName(city),
					CityID:       cid,
					Participants: uniqSorted(in.people),
					Topics:       uniqSorted(in.topics),
					Sources:      uniqSorted(sources),
				},
			})
			break
		}
	}
	return writeJSON(w, out)
}

// coord parses a coordinate and checks that it is within ±limit.
func coord(s string, limit float64) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < -limit || f > limit {
		return 0, false
	}
	return f, true
}
