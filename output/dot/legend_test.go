package dot

import (
	"regexp"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/palette"
)

var legendRE = regexp.MustCompile(`(?m)^\t"` + legendNode + `" \[.*label=<(.*)>\];$`)

// TestLegend checks that the legend has a row for every entity kind,
// jurisdiction and relation kind the drawing holds, and for no other, on
// graphs of different make-up.
func TestLegend(t *testing.T) {
	def, err := graph.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	secondments, err := def.Select(graph.FilterOptions{Kinds: []string{graph.Secondment}})
	if err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string]*graph.Graph{
		"default":       def.AgreementNodes(),
		"default edges": def,
		"secondments":   secondments,
		"basic":         load(t, "basic").AgreementNodes(),
		"hostile":       load(t, "hostile"),
	} {
		t.Run(name, func(t *testing.T) {
			m := legendRE.FindSubmatch(render(t, g, Options{}))
			if m == nil {
				t.Fatal("no legend")
			}
			legend := string(m[1])
			kinds, jurs, rels := map[string]bool{}, map[string]bool{}, map[string]bool{}
			for _, e := range g.Entities {
				kinds[e.Kind], jurs[e.Jurisdiction] = true, true
			}
			for _, r := range g.Relations {
				rels[r.Kind] = true
			}
			check := func(what, text string, present bool) {
				if got := strings.Contains(legend, text); got != present {
					t.Errorf("%s: legend holds %q: %v, want %v", what, text, got, present)
				}
			}
			for _, k := range append(graph.EntityKinds, graph.Agreement) {
				check("entity kind "+k, ">"+kindStyle[k].legend+"<", kinds[k])
			}
			for _, j := range graph.Jurisdictions {
				check("jurisdiction "+j, ">"+palette.JurisdictionName(j)+"<", jurs[j])
			}
			links := false
			for _, k := range g.RelationKinds() {
				if palette.IsLink(k) {
					links = true
					check("link kind "+k, k, true)
				}
			}
			for k, st := range edgeStyles {
				check("relation kind "+k, ">"+st.legend+"<", rels[k])
			}
			check("links", ">"+linkStyle.legend+":<", links)
			events := len(EventIDs(g)) > 0
			check("events", ">"+eventLegend+"<", events)
			check("took part", ">"+attendedLegend+"<", events)
		})
	}
}

// TestEventOfficialFilteredOut checks that a link whose official is not in
// the (filtered) graph still draws, without an edge from the official.
func TestEventOfficialFilteredOut(t *testing.T) {
	def, err := graph.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	g, err := def.AgreementNodes().Select(graph.FilterOptions{Focus: "新华网"})
	if err != nil {
		t.Fatal(err)
	}
	if g.Entity("cao-lei") != nil {
		t.Fatal("曹蕾 is in the graph")
	}
	if len(EventIDs(g)) == 0 {
		t.Fatal("no event")
	}
	out := string(render(t, g, Options{}))
	if strings.Contains(out, `"cao-lei" -> "event:`) {
		t.Error("an edge from an official outside the graph")
	}
}
