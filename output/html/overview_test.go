package html

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/synth"
	"github.com/guazhi/guazhi/kb"
)

// TestOverviewStory: the story's one secondment makes one flow from the
// home body to the host, with its posts, term and year; the three-party
// agreement counts once on each party, whether agreements are edges or
// nodes; the agreement node is no body.
func TestOverviewStory(t *testing.T) {
	for name, g := range map[string]*graph.Graph{"edges": storyGraph(t), "nodes": storyGraph(t).AgreementNodes()} {
		t.Run(name, func(t *testing.T) {
			got := newOverview(g)
			want := overview{
				Bodies: []obody{
					{ID: "bing", Agreements: 1, Officials: []string{"li-si"}},
					{ID: "ding", Agreements: 1, Officials: []string{"li-si"}},
					{ID: "wu", Agreements: 1},
				},
				Flows: []flow{{ID: "f-0", From: "ding", To: "bing", Stints: []stint{{
					Official: "li-si", Edge: edgeID(g, graph.Secondment), Post: "副市长", HomePost: "副区长", Start: "2020-01", From: 2020, To: 2020,
				}}}},
				Columns: []string{"beijing", "other", "hebei"},
				Years:   []int{2020, 2020},
			}
			if !reflect.DeepEqual(got, want) {
				a, _ := json.MarshalIndent(got, "", " ")
				b, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("overview\n%s\nwant\n%s", a, b)
			}
		})
	}
}

func synthGraph(t testing.TB, n int) *graph.Graph {
	t.Helper()
	g, err := synth.Load(synth.Options{Officials: n, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func edgeID(g *graph.Graph, kind string) string {
	i := slices.IndexFunc(g.Relations, func(r *graph.Relation) bool { return r.Kind == kind })
	return "e-" + strconv.Itoa(i)
}

// overviewKB: a home body known only from the official's other
// secondment's post, a secondment whose
// home is not known, one without dates and one with only an end, a body
// inside another of the same jurisdiction, and one whose parent is of
// another jurisdiction.
const overviewKB = `
name: ov
sources:
  - {id: s, title: t}
entities:
  - {id: a, kind: official, name: 甲, jurisdiction: beijing}
  - {id: b, kind: official, name: 乙, jurisdiction: hebei}
  - {id: c, kind: official, name: 丙, jurisdiction: hebei}
  - {id: city, kind: body, name: 市, jurisdiction: hebei}
  - {id: dept, kind: body, name: 局, jurisdiction: hebei, parent: city}
  - {id: far, kind: body, name: 远, jurisdiction: tianjin, parent: city}
  - {id: x, kind: organisation, name: 子, jurisdiction: national}
  - {id: home, kind: body, name: 家, jurisdiction: beijing}
secondments:
  - {official: a, from: {body: home, post: 处长}, to: {body: city, post: 挂职}, start: 2014, evidence: [{source: s, quote: q}]}
  - {official: a, to: {body: dept, post: 副局长}, start: 2016-03, end: 2018-02, evidence: [{source: s, quote: q}]}
  - {official: b, to: {body: city, post: 副市长}, evidence: [{source: s, quote: q}]}
  - {official: c, from: {body: far}, to: {body: city, post: 助理}, end: 2019, evidence: [{source: s, quote: q}]}
`

func TestOverviewCases(t *testing.T) {
	g, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: "kb.yaml", Data: []byte(overviewKB)})
	if err != nil {
		t.Fatal(err)
	}
	ov := newOverview(g)
	parents := map[string]string{}
	for _, b := range ov.Bodies {
		parents[b.ID] = b.Parent
	}
	if want := map[string]string{"city": "", "dept": "city", "far": "", "x": "", "home": ""}; !reflect.DeepEqual(parents, want) {
		t.Errorf("parents %v, want %v", parents, want)
	}
	type fl struct {
		from, to string
		y0, y1   []int
	}
	var got []fl
	for _, f := range ov.Flows {
		x := fl{from: f.From, to: f.To}
		for _, s := range f.Stints {
			x.y0, x.y1 = append(x.y0, s.From), append(x.y1, s.To)
		}
		got = append(got, x)
	}
	want := []fl{
		{"", "city", []int{0}, []int{0}},          // 乙: home not known, undated
		{"far", "city", []int{2019}, []int{2019}}, // 丙: only an end
		{"home", "city", []int{2014}, []int{2014}},
		{"home", "dept", []int{2016}, []int{2018}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("flows %+v, want %+v", got, want)
	}
	if !slices.Equal(ov.Years, []int{2014, 2019}) {
		t.Errorf("years %v", ov.Years)
	}
	if !slices.Equal(ov.Columns, []string{"beijing", "tianjin", "national", "hebei"}) {
		t.Errorf("columns %v", ov.Columns)
	}
	if h := ov.Flows[3].Stints[0].HomePost; h != "处长" {
		t.Errorf("甲's home post %q, want the post's 处长", h)
	}
}

// TestOverviewSynthetic: at 1,000 synthetic officials every secondment is
// counted once, on a flow between two bodies, and each body lists every
// official with a post or secondment there.
func TestOverviewSynthetic(t *testing.T) {
	g := synthGraph(t, 1000)
	ov := newOverview(g)
	bodies := map[string]obody{}
	for _, b := range ov.Bodies {
		bodies[b.ID] = b
		if e := g.Entity(b.ID); e.Kind == graph.Official || e.Kind == graph.Agreement {
			t.Errorf("%s (%s) is a body of the overview", b.ID, e.Kind)
		}
	}
	secondments := 0
	for _, r := range g.Relations {
		if r.Kind == graph.Secondment {
			secondments++
		}
		if r.Kind == graph.Secondment || r.Kind == graph.Post {
			if !slices.Contains(bodies[r.To].Officials, r.From) {
				t.Errorf("%s is not among the officials of %s", r.From, r.To)
			}
		}
	}
	stints := 0
	for i, f := range ov.Flows {
		if i > 0 && (ov.Flows[i-1].From > f.From || ov.Flows[i-1].From == f.From && ov.Flows[i-1].To >= f.To) {
			t.Errorf("flows %d and %d out of order", i-1, i)
		}
		if _, ok := bodies[f.To]; !ok {
			t.Errorf("flow %s goes to %s, no body", f.ID, f.To)
		}
		if _, ok := bodies[f.From]; !ok && f.From != "" {
			t.Errorf("flow %s comes from %s, no body", f.ID, f.From)
		}
		stints += len(f.Stints)
	}
	if stints != secondments || len(ov.Bodies) != 100 {
		t.Errorf("%d stints for %d secondments, %d bodies", stints, secondments, len(ov.Bodies))
	}
	if len(ov.Years) != 2 || ov.Years[0] > ov.Years[1] {
		t.Errorf("years %v", ov.Years)
	}
	t.Logf("%d bodies, %d flows, years %v", len(ov.Bodies), len(ov.Flows), ov.Years)
}
