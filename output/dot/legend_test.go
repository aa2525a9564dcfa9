package dot

import (
	"regexp"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/internal/palette"
)

var legendRE = regexp.MustCompile(`(?m)^\t"` + legendNode + `" \[.*label=<(.*)>\];$`)

// TestLegend checks that the legend has a row for every entity kind,
// jurisdiction and relation kind the drawing holds, and for no other, on
// graphs of different make-up.
func TestLegend(t *testing.T) {
	def, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	secondments, err := def.Select(graph.Selection{Kinds: []string{graph.Secondment}})
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		g   *graph.Graph
		opt Options
	}{
		"default":             {def.AgreementNodes(), Options{}},
		"default edges":       {def, Options{}},
		"default with partOf": {def.AgreementNodes(), Options{PartOf: true}},
		"secondments":         {secondments, Options{}},
		"basic":               {load(t, "basic").AgreementNodes(), Options{}},
		"basic with partOf":   {load(t, "basic"), Options{PartOf: true}},
		"hostile":             {load(t, "hostile"), Options{}},
	} {
		g := c.g
		t.Run(name, func(t *testing.T) {
			m := legendRE.FindSubmatch(render(t, g, c.opt))
			if m == nil {
				t.Fatal("no legend")
			}
			legend := string(m[1])
			kinds, jurs, rels := map[string]bool{}, map[string]bool{}, map[string]bool{}
			for _, e := range g.Entities {
				kinds[e.Kind], jurs[e.Jurisdiction] = true, true
			}
			for _, r := range g.Relations {
				// part_of is drawn only when asked for.
				rels[r.Kind] = r.Kind != graph.PartOf || c.opt.PartOf
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
			check("links", ">"+linkStyle.legend+": ", links)
			events := len(EventIDs(g)) > 0
			check("events", ">"+eventLegend+"<", events)
			check("took part", ">"+attendedLegend+"<", events)
		})
	}
}

// TestEventOfficialFilteredOut checks that a link whose official is not in
// the (filtered) graph still draws, without an edge from the official.
func TestEventOfficialFilteredOut(t *testing.T) {
	def, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	g, err := def.AgreementNodes().Select(graph.Selection{Focus: "新华网"})
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

// TestPartOfInTooltip checks that an entity's tooltip names what it is part
// of when part_of relations are not drawn, and only then.
func TestPartOfInTooltip(t *testing.T) {
	g := load(t, "basic")
	checked := 0
	for _, r := range g.Relations {
		if r.Kind != graph.PartOf {
			continue
		}
		want := "隶属 part of: " + g.Entity(r.To).Name
		for _, partOf := range []bool{false, true} {
			var tip string
			for _, a := range newWriter(nil, g, Options{PartOf: partOf}).nodeAttrs(g.Entity(r.From)) {
				if a.key == "tooltip" {
					tip = a.value
				}
			}
			if got := strings.Contains(tip, want); got == partOf {
				t.Errorf("PartOf %v: %s's tooltip %q holds %q: %v", partOf, r.From, tip, want, got)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no part_of relation in the basic KB")
	}
}
