package gencities

import (
	"encoding/csv"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const (
	citiesPath    = "../../data/cities.tsv"
	countriesPath = "../../data/countries.tsv"
)

var langCountryPaths = []string{
	"../../lang/en/countries.tsv",
	"../../lang/tr/countries.tsv",
}

// readTSV reads a tab-separated file, checks its header and returns the data
// rows. Every row must have exactly len(header) fields.
func readTSV(t *testing.T, path string, header []string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = len(header)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", path)
	}
	if !slices.Equal(recs[0], header) {
		t.Fatalf("%s: header %q, want %q", path, recs[0], header)
	}
	return recs[1:]
}

type city struct {
	id         int
	name       string
	aliases    []string
	country    string
	population int
	capital    bool
}

func loadCities(t *testing.T) []city {
	t.Helper()
	rows := readTSV(t, citiesPath, []string{"geonameid", "name", "aliases", "country", "lat", "lon", "population", "capital"})
	if len(rows) < 10000 {
		t.Fatalf("%s: only %d rows", citiesPath, len(rows))
	}
	var out []city
	for i, r := range rows {
		line := i + 2
		id, err := strconv.Atoi(r[0])
		if err != nil || id <= 0 {
			t.Errorf("%s:%d: bad geonameid %q", citiesPath, line, r[0])
		}
		if strings.TrimSpace(r[1]) == "" || strings.TrimSpace(r[1]) != r[1] {
			t.Errorf("%s:%d: bad name %q", citiesPath, line, r[1])
		}
		var aliases []string
		if r[2] != "" {
			aliases = strings.Split(r[2], "|")
			for _, a := range aliases {
				if a == "" || strings.TrimSpace(a) != a || a == r[1] {
					t.Errorf("%s:%d: bad alias %q in %q", citiesPath, line, a, r[2])
				}
			}
		}
		if len(r[3]) != 2 || strings.ToUpper(r[3]) != r[3] {
			t.Errorf("%s:%d: bad country %q", citiesPath, line, r[3])
		}
		for j, lim := range []float64{90, 180} {
			v, err := strconv.ParseFloat(r[4+j], 64)
			if err != nil || v < -lim || v > lim {
				t.Errorf("%s:%d: bad coordinate %q", citiesPath, line, r[4+j])
			}
		}
		pop, err := strconv.Atoi(r[6])
		if err != nil || pop < 0 {
			t.Errorf("%s:%d: bad population %q", citiesPath, line, r[6])
		}
		if r[7] != "0" && r[7] != "1" {
			t.Errorf("%s:%d: bad capital %q", citiesPath, line, r[7])
		}
		out = append(out, city{id: id, name: r[1], aliases: aliases, country: r[3], population: pop, capital: r[7] == "1"})
	}
	return out
}

func TestCities(t *testing.T) {
	cities := loadCities(t)
	seen := map[int]bool{}
	for i, c := range cities {
		if seen[c.id] {
			t.Errorf("duplicate geonameid %d (%s)", c.id, c.name)
		}
		seen[c.id] = true
		if i > 0 {
			p := cities[i-1]
			if p.country > c.country || (p.country == c.country && p.name > c.name) {
				t.Errorf("not sorted by country, name: %s %q before %s %q", p.country, p.name, c.country, c.name)
			}
		}
	}
}

// lookup returns the most populous city whose name or one of whose aliases
// is name.
func lookup(cities []city, name string) (city, bool) {
	var best city
	found := false
	for _, c := range cities {
		if c.name != name && !slices.Contains(c.aliases, name) {
			continue
		}
		if !found || c.population > best.population {
			best, found = c, true
		}
	}
	return best, found
}

func TestAliasLookup(t *testing.T) {
	cities := loadCities(t)
	for _, tc := range []struct{ query, name, country string }{
		{"Moskova", "Moscow", "RU"},
		{"Москва", "Moscow", "RU"},
		{"Bakü", "Baku", "AZ"},
		{"Nur-Sultan", "Astana", "KZ"},
		{"Kiev", "Kyiv", "UA"},
		{"Kiyev", "Kyiv", "UA"},
		{"Soçi", "Sochi", "RU"},
		{"Şuşa", "Shusha", "AZ"},
		{"Tiflis", "Tbilisi", "GE"},
		{"Pekin", "Beijing", "CN"},
		{"Vaşington", "Washington", "US"},
		{"Cenevre", "Geneva", "CH"},
		{"Kudüs", "Jerusalem", "IL"},
		{"İstanbul", "Istanbul", "TR"},
		{"Izmir", "İzmir", "TR"},
		{"Bogota", "Bogotá", "CO"},
		{"Istanbul", "Istanbul", "TR"},
	} {
		c, ok := lookup(cities, tc.query)
		if !ok {
			t.Errorf("lookup(%q): not found", tc.query)
			continue
		}
		if c.name != tc.name || c.country != tc.country {
			t.Errorf("lookup(%q) = %s (%s), want %s (%s)", tc.query, c.name, c.country, tc.name, tc.country)
		}
	}
}

var qidRE = regexp.MustCompile(`^Q[1-9][0-9]*$`)

func TestCountries(t *testing.T) {
	cities := loadCities(t)
	rows := readTSV(t, countriesPath, []string{"iso2", "name", "capital", "wikidata"})
	if len(rows) < 190 {
		t.Errorf("%s: only %d countries", countriesPath, len(rows))
	}
	iso := map[string]bool{}
	qids := map[string]string{}
	for _, r := range rows {
		if len(r[0]) != 2 || strings.ToUpper(r[0]) != r[0] {
			t.Errorf("bad iso2 %q", r[0])
		}
		if iso[r[0]] {
			t.Errorf("duplicate iso2 %q", r[0])
		}
		iso[r[0]] = true
		if r[1] == "" {
			t.Errorf("%s: empty name", r[0])
		}
		if r[3] != "" {
			if !qidRE.MatchString(r[3]) {
				t.Errorf("%s: bad wikidata id %q", r[0], r[3])
			}
			if other, ok := qids[r[3]]; ok {
				t.Errorf("%s and %s share wikidata id %s", other, r[0], r[3])
			}
			qids[r[3]] = r[0]
		}
		if r[2] == "" {
			t.Errorf("%s: no capital", r[0])
			continue
		}
		ok := false
		for _, c := range cities {
			if c.country == r[0] && c.name == r[2] && c.capital {
				ok = true
				break
			}
		}
		if !ok {
			t.Errorf("%s: capital %q not in %s as a capital of %s", r[0], r[2], citiesPath, r[0])
		}
	}
	for _, want := range []struct{ iso, name, qid string }{
		{"RU", "Russia", "Q159"}, {"TR", "Türkiye", "Q43"}, {"US", "United States", "Q30"},
		{"CN", "China", "Q148"}, {"AZ", "Azerbaijan", "Q227"}, {"KZ", "Kazakhstan", "Q232"},
	} {
		found := false
		for _, r := range rows {
			if r[0] == want.iso {
				found = true
				if r[1] != want.name || r[3] != want.qid {
					t.Errorf("%s = %q %q, want %q %q", want.iso, r[1], r[3], want.name, want.qid)
				}
			}
		}
		if !found {
			t.Errorf("%s missing", want.iso)
		}
	}

	for _, path := range langCountryPaths {
		lrows := readTSV(t, path, []string{"iso2", "names", "demonyms"})
		got := map[string]bool{}
		for _, r := range lrows {
			if !iso[r[0]] {
				t.Errorf("%s: iso2 %q not in %s", path, r[0], countriesPath)
			}
			if got[r[0]] {
				t.Errorf("%s: duplicate iso2 %q", path, r[0])
			}
			got[r[0]] = true
			if r[1] == "" {
				t.Errorf("%s: %s has no names", path, r[0])
			}
			for _, col := range r[1:] {
				if col == "" {
					continue
				}
				for _, w := range strings.Split(col, "|") {
					if w == "" || strings.TrimSpace(w) != w {
						t.Errorf("%s: %s: bad entry %q in %q", path, r[0], w, col)
					}
				}
			}
		}
		for c := range iso {
			if !got[c] {
				t.Errorf("%s: no row for %s", path, c)
			}
		}
	}
}
