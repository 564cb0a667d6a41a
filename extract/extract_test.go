package extract

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parley/parley/graph"
)

var update = flag.Bool("update", false, "rewrite the golden N-Quads in testdata/golden")

var testX *Extractor

func extractor(t testing.TB) *Extractor {
	t.Helper()
	if testX == nil {
		x, err := New()
		if err != nil {
			t.Fatal(err)
		}
		testX = x
	}
	return testX
}

// TestGoldenNQuads compares the N-Quads of every seed article with
// testdata/golden/ID.nq; run with -update to accept a change.
func TestGoldenNQuads(t *testing.T) {
	x := extractor(t)
	files, err := filepath.Glob("../testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(id, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := x.Extract(Document{Path: filepath.Base(f), Data: b})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := graph.WriteNQuads(&got, x.Quads(a)); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("..", "testdata", "golden", id+".nq")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("N-Quads differ from %s at line %d:\n got: %s\nwant: %s\n(run go test ./extract -update to accept)", golden, i+1, g, w)
					}
				}
			}
		})
	}
}

// TestSeedFacts checks the facts the product was specified from.
func TestSeedFacts(t *testing.T) {
	x := extractor(t)
	read := func(id string) *Article {
		b, err := os.ReadFile("../testdata/articles/" + id + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		a, err := x.Extract(Document{Path: id + ".txt", Data: b})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	names := func(es []*Entity) string {
		var out []string
		for _, e := range es {
			out = append(out, Fold(e.Name))
		}
		return strings.Join(out, "; ")
	}
	type want struct {
		people, place, kind, status, date string
		topics                            []string
	}
	cases := map[string][]want{
		"000_cdfe15429a205cf5": {{people: "recep tayyip erdogan; vladimir putin", place: "Astana", kind: "in_person", status: "held",
			topics: []string{"ukraine", "israel", "syria", "terror", "sinop", "trade"}}},
		"001_f7b2e25b2d585171": {{people: "recep tayyip erdogan; vladimir putin", kind: "phone", status: "held", date: "2025-11-24",
			topics: []string{"ukraine", "bilateral"}}},
		"002_13223fc3fbf5ac4f": {
			{people: "recep tayyip erdogan; vladimir putin", place: "Moscow", kind: "in_person", status: "planned", topics: []string{"syria"}},
			{people: "recep tayyip erdogan; vladimir putin", place: "Sochi", kind: "in_person", status: "held", date: "2019-10", topics: []string{"syria"}}},
		"003_7e75ca81b5502c0f": {
			{people: "mevlut cavusoglu; sergey lavrov", place: "Antalya", kind: "in_person", status: "held", date: "2016-12-01",
				topics: []string{"syria", "humanitarian", "iraq", "yemen", "libya", "visa", "trade", "nuclear", "turkstream"}},
			{people: "recep tayyip erdogan; vladimir putin", kind: "phone", status: "held", topics: []string{"syria"}}},
		"004_5f58014c1943b2e3": {{people: "ilham aliyev; recep tayyip erdogan", place: "Ankara", kind: "in_person", status: "held",
			topics: []string{"energy", "transport", "trade", "defence", "baku-tbilisi-kars", "middle corridor", "turkic", "shusha", "cop29"}}},
	}
	for id, wants := range cases {
		a := read(id)
		if len(a.Meetings) != len(wants) {
			t.Errorf("%s: %d meetings, want %d", id, len(a.Meetings), len(wants))
			continue
		}
		for i, w := range wants {
			m := a.Meetings[i]
			if got := names(m.Participants); got != w.people {
				t.Errorf("%s meeting %d: participants %q, want %q", id, i, got, w.people)
			}
			place := ""
			if m.Place != nil {
				place = m.Place.Name
			}
			if place != w.place || m.Kind != w.kind || m.Status != w.status || m.Date != w.date {
				t.Errorf("%s meeting %d: place %q kind %s status %s date %q; want %q %s %s %q", id, i, place, m.Kind, m.Status, m.Date, w.place, w.kind, w.status, w.date)
			}
			topics := names(m.Topics)
			for _, tp := range w.topics {
				if !strings.Contains(topics, tp) {
					t.Errorf("%s meeting %d: no topic %q in %s", id, i, tp, topics)
				}
			}
		}
	}
	var bb []string
	for _, id := range []string{"000_cdfe15429a205cf5", "003_7e75ca81b5502c0f"} {
		for _, b := range read(id).BuiltBy {
			bb = append(bb, Fold(b.Project.Name)+" <- "+Fold(b.Builder.Name))
		}
	}
	all := strings.Join(bb, "\n")
	for _, w := range []string{"akkuyu nuclear power plant <- russia", "sinop nuclear power plant <- russia", "nuclear power plant in turkiye <- russia"} {
		if !strings.Contains(all, w) {
			t.Errorf("built_by lacks %q:\n%s", w, all)
		}
	}
	if strings.Contains(all, "turk stream") || strings.Contains(all, "turkstream") {
		t.Errorf("TurkStream carries gas, nobody is said to build it:\n%s", all)
	}
}

func TestCleanDropsPageFurniture(t *testing.T) {
	x := extractor(t)
	b, _ := os.ReadFile("../testdata/articles/000_cdfe15429a205cf5.txt")
	c, err := x.Clean(Document{Path: "a.txt", Data: b})
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, l := range c.Lines {
		text += l.Text + "\n"
	}
	if strings.Contains(text, "çerez") || strings.Contains(text, "reklam") {
		t.Errorf("the Turkish cookie banner survived cleaning")
	}
	if c.Lang != "en" || !strings.HasPrefix(c.Title, "Erdoğan, Putin meet in Astana") {
		t.Errorf("lang %q title %q", c.Lang, c.Title)
	}
	b, _ = os.ReadFile("../testdata/articles/003_7e75ca81b5502c0f.txt")
	c, _ = x.Clean(Document{Path: "b.txt", Data: b})
	captions := 0
	for _, l := range c.Lines {
		if strings.Contains(l.Text, "QR Code") || strings.Contains(l.Text, "Follow us") {
			t.Errorf("furniture kept: %q", l.Text)
		}
		if strings.HasPrefix(l.Text, "Visiting Russian Foreign Minister") {
			captions++
			if !l.Caption {
				t.Errorf("the repeated photo caption is not marked as one")
			}
		}
	}
	if captions != 1 {
		t.Errorf("the repeated caption appears %d times, want once", captions)
	}
	if c.Published != "2016-12-02" {
		t.Errorf("published %q, want 2016-12-02 (12-02-2016 read as month-day because the text says Dec.)", c.Published)
	}
}

func TestDates(t *testing.T) {
	x := extractor(t)
	en, tr := x.lex.Langs["en"], x.lex.Langs["tr"]
	pub := time.Date(2016, 12, 2, 0, 0, 0, 0, time.UTC) // a Friday
	cases := []struct {
		l       *Lang
		text    string
		planned bool
		want    string
	}{
		{en, "They met on Thursday in Antalya.", false, "2016-12-01"},
		{en, "They met on Friday.", false, "2016-12-02"},
		{en, "They will meet on Monday.", true, "2016-12-05"},
		{en, "They met on March 5.", false, "2016-03-05"},
		{en, "They will meet on March 5.", true, "2017-03-05"},
		{en, "They met in October 2019 in Sochi.", false, "2019-10"},
		{en, "The talks on 2024-06-10 went well.", false, "2024-06-10"},
		{en, "The summit of 5 March 2024 ended.", false, "2024-03-05"},
		{en, "They spoke yesterday.", false, "2016-12-01"},
		{en, "They met in 2015.", false, "2015"},
		{en, "They spoke three times over the last week.", false, ""},
		{tr, "İki lider 5 Mart 2024'te bir araya geldi.", false, "2024-03-05"},
		{tr, "Bakanlar Salı günü görüştü.", false, "2016-11-29"},
		{tr, "Liderler Ekim 2019'da Soçi'de görüşmüştü.", false, "2019-10"},
		{en, "They met on Thursday, on the second day of a visit that runs until November 20.", false, "2016-12-01"},
		{tr, "Liderler 20 Kasım'a kadar sürecek ziyaretin ikinci günü olan perşembe günü görüştü.", false, "2016-12-01"},
	}
	for _, tc := range cases {
		e := findDate(tc.l, tc.text, tokenize(tc.text))
		got, _ := e.resolve(pub, tc.planned)
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct{ a, b, y, ctx, want string }{
		{"12", "02", "2016", "on Dec. 1, 2016", "2016-12-02"},
		{"12", "02", "2016", "", "2016-02-12"},
		{"30", "01", "2023", "", "2023-01-30"},
		{"01", "30", "2023", "", "2023-01-30"},
	} {
		if got := numericDate(tc.a, tc.b, tc.y, tc.ctx); got != tc.want {
			t.Errorf("numericDate(%s-%s-%s, %q) = %s, want %s", tc.a, tc.b, tc.y, tc.ctx, got, tc.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	toks := tokenize("Putin'in Ukrayna'daki ERDOĞAN, Russia's")
	var got []string
	for _, tk := range toks {
		got = append(got, tk.fold+"/"+tk.suf)
	}
	want := "putin/in ukrayna/daki erdogan/ russia/s"
	if strings.Join(got, " ") != want {
		t.Errorf("tokenize = %q, want %q", strings.Join(got, " "), want)
	}
	if !toks[2].upper || !toks[0].cap {
		t.Errorf("case flags wrong: %+v", toks)
	}
}

func TestUnknownLanguageIsReported(t *testing.T) {
	x := extractor(t)
	_, err := x.Extract(Document{Path: "ru.txt", Data: []byte("Президент России Владимир Путин провёл переговоры с президентом Турции в Сочи. Стороны обсудили ситуацию в Сирии и торговлю между странами.")})
	nl, ok := err.(*ErrNoLanguageData)
	if !ok || nl.Lang != "ru" {
		t.Fatalf("err = %v, want no language data for ru", err)
	}
}

// extractText extracts a short invented plain-text article.
func extractText(t *testing.T, x *Extractor, text string) *Article {
	t.Helper()
	a, err := x.Extract(Document{Path: "x.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestUnknownPersonIsMinted(t *testing.T) {
	x := extractor(t)
	a := extractText(t, x, "Foreign Minister Zorblat Quennic met his Turkish counterpart Hakan Fidan in Ankara on Monday to discuss trade and energy.\n")
	if len(a.Meetings) != 1 {
		t.Fatalf("%d meetings, want 1", len(a.Meetings))
	}
	var ps []string
	for _, p := range a.Meetings[0].Participants {
		ps = append(ps, p.Name+"="+p.IRI())
	}
	got := strings.Join(ps, " ")
	if !strings.Contains(got, "Zorblat Quennic=https://w3id.org/parley/id/person/zorblat-quennic") || !strings.Contains(got, "Hakan Fidan") {
		t.Fatalf("participants %s", got)
	}
}

// TestListTopics checks that the items of "discussed A, B and C" lists
// become topics: taxonomy topics keep the article's wording as an alias,
// other items become topics named by the article's words, and the speaker
// after the last comma is not an item.
func TestListTopics(t *testing.T) {
	x := extractor(t)
	cases := []struct {
		name, text string
		want       []string // topic names or aliases, folded
		not        []string
	}{
		{"en after", "Foreign Minister Zorblat Quennic met Hakan Fidan in Ankara on Monday. The two ministers discussed trade, river data sharing, rare earth minerals and the fate of detained fishermen, the ministry said.\n",
			[]string{"river data sharing", "rare earth minerals", "fate of detained fishermen"}, []string{"ministry", "the ministry"}},
		{"en between", "Foreign Minister Zorblat Quennic met Hakan Fidan in Ankara on Monday. They discussed a joint laboratory between two universities and panda conservation.\n",
			[]string{"joint laboratory between two universities", "panda conservation"}, []string{"two universities"}},
		{"en before", "Foreign Minister Zorblat Quennic met Hakan Fidan in Ankara on Monday. Grain corridors and seabed cables were among the subjects raised.\n",
			[]string{"grain corridors", "seabed cables"}, nil},
		{"tr before", "Dışişleri Bakanı Hakan Fidan, Ankara'da Dışişleri Bakanı Zorblat Quennic ile bir araya geldi. İki bakan, nehir verisi paylaşımı ve balıkçı tekneleri konularını görüştü.\n",
			[]string{"nehir verisi paylasimi", "balikci tekneleri"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := extractText(t, x, c.text)
			if len(a.Meetings) != 1 {
				t.Fatalf("%d meetings, want 1", len(a.Meetings))
			}
			var names []string
			for _, tp := range a.Meetings[0].Topics {
				names = append(names, Fold(tp.Name))
				for _, al := range tp.Aliases {
					names = append(names, Fold(al))
				}
			}
			got := "; " + strings.Join(names, "; ") + ";"
			for _, w := range c.want {
				if !strings.Contains(got, "; "+w+";") {
					t.Errorf("no topic %q in %s", w, got)
				}
			}
			for _, w := range c.not {
				if strings.Contains(got, "; "+w+";") {
					t.Errorf("topic %q should not be in %s", w, got)
				}
			}
		})
	}
}

// TestMeetingDetails checks single behaviours of meeting reading on short
// invented texts.
func TestMeetingDetails(t *testing.T) {
	x := extractor(t)
	cases := []struct {
		name, text string
		want       []string // "participants|date" per meeting, participants folded and sorted
	}{
		{"given name decides", "Environment Minister Marina Silva held talks with Germany's development minister Svenja Schulze in Brasilia on Monday.\n",
			[]string{"marina silva; svenja schulze|"}},
		{"same day", "date 2024-10-14\n\nFrench President Emmanuel Macron spoke by phone with Iranian President Masoud Pezeshkian on Sunday about the war. On the same day Macron also telephoned Lebanese Prime Minister Najib Mikati to discuss a ceasefire.\n",
			[]string{"emmanuel macron; masoud pezeshkian|2024-10-13", "emmanuel macron; najib mikati|2024-10-13"}},
		{"dropped subject", "Cumhurbaşkanı Recep Tayyip Erdoğan, Ankara'da Macaristan Başbakanı Viktor Orbán ile görüştü. Ardından İran Cumhurbaşkanı Mesud Pezeşkiyan ile bir araya geldi.\n",
			[]string{"masoud pezeshkian; recep tayyip erdogan|", "recep tayyip erdogan; viktor orban|"}},
		{"shared subject and titled coreference", "Crown Prince Mohammed bin Salman welcomed the guests. President Joe Biden first paid a courtesy call on King Salman bin Abdulaziz, 86, before sitting down for a working session with the crown prince and his ministers.\n",
			[]string{"joe biden; mohammed bin salman|", "joe biden; salman bin abdulaziz al saud|"}},
		{"dateline date and first tense", "Tokyo, May 2 2023 - Japanese Prime Minister Fumio Kishida will travel to South Korea on May 7 for a summit with President Yoon Suk Yeol, returning a visit the South Korean leader made earlier.\n",
			[]string{"fumio kishida; yoon suk yeol|2023-05-07"}},
		{"entourage", "President Recep Tayyip Erdogan, accompanied by Foreign Minister Hakan Fidan, met Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad.\n",
			[]string{"mohammed shia al-sudani; recep tayyip erdogan|"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := extractText(t, x, c.text)
			var got []string
			for _, m := range a.Meetings {
				var ps []string
				for _, p := range m.Participants {
					ps = append(ps, Fold(p.Name))
				}
				sort.Strings(ps)
				got = append(got, strings.Join(ps, "; ")+"|"+m.Date)
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("meetings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestBuiltByPatterns checks builder patterns on invented projects.
func TestBuiltByPatterns(t *testing.T) {
	x := extractor(t)
	cases := []struct{ text, want string }{
		{"In 2014 Northbay Road and Bridge Corporation completed the Varna bridge across the river.\n", "varna bridge <- northbay road and bridge corporation"},
		{"Officials said on Monday that the Kestrel nuclear power plant on the coast is being built by Rosatom.\n", "kestrel nuclear power plant <- rosatom"},
	}
	for _, c := range cases {
		a := extractText(t, x, c.text)
		var got []string
		for _, b := range a.BuiltBy {
			got = append(got, Fold(b.Project.Name)+" <- "+Fold(b.Builder.Name))
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("%q: built_by %q, want %q", c.text, got, c.want)
		}
	}
}

// TestVenuePlace checks that a named venue gives the meeting its city and
// that a city name inside a venue's name is not read as the place.
func TestVenuePlace(t *testing.T) {
	x := extractor(t)
	cases := []struct{ text, want string }{
		{"National Security Adviser Ajit Doval held talks with Chinese Foreign Minister Wang Yi at Hyderabad House on Tuesday.\n", "New Delhi"},
		{"Dışişleri Bakanı Hakan Fidan, Fransa Dışişleri Bakanı Jean-Noël Barrot ile Elysee Sarayı'nda bir araya geldi ve ikili ilişkileri görüştü.\n", "Paris"},
	}
	for _, c := range cases {
		a := extractText(t, x, c.text)
		if len(a.Meetings) != 1 || a.Meetings[0].Place == nil || a.Meetings[0].Place.Name != c.want {
			var got []string
			for _, m := range a.Meetings {
				if m.Place != nil {
					got = append(got, m.Place.Name)
				}
			}
			t.Errorf("%q: places %q in %d meetings, want one meeting in %s", c.text, got, len(a.Meetings), c.want)
		}
	}
}
