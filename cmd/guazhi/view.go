package main

import (
	"fmt"
	"slices"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/dot"
	"github.com/guazhi/guazhi/output/svg"
)

// chooseView decides what the picture draws: the overview it returns, or
// the detail (nil). --view auto draws the detail while it stays readable
// and the overview beyond; --group-by auto folds bodies into the finest
// level whose overview stays readable. It says on stderr what it chose
// and how to get the other, and refuses a detail the layout engine would
// not finish (its DOT alone, for a layout elsewhere, is not refused).
func (e env) chooseView(g *graph.Graph, o renderOptions) (*graph.Overview, error) {
	n := len(g.Entities)
	laidOut := slices.ContainsFunc(o.formats, func(f format) bool { return f.name == "svg" || f.name == "html" })
	if o.view == "detail" || (o.view == "auto" && dot.Readable(g)) {
		if laidOut {
			if err := checkDetail(o.layout, n); err != nil {
				return nil, err
			}
		}
		if o.view == "auto" {
			fmt.Fprintf(e.stderr, "view: detail, every one of %d entities (--view overview draws bodies only)\n", n)
		}
		return nil, nil
	}
	levels := []string{o.groupBy}
	if o.groupBy == "auto" {
		levels = []string{graph.ByBody, graph.ByCounty, graph.ByCity, graph.ByProvince}
	}
	var ov *graph.Overview
	for _, l := range levels {
		var err error
		if ov, err = g.Overview(l); err != nil {
			return nil, err
		}
		if dot.ReadableOverview(ov) || (o.groupBy == "auto" && l == graph.ByCity) {
			// A province apiece says nothing: the city is the coarsest
			// level auto goes to.
			break
		}
	}
	why := ""
	if o.view == "auto" {
		why = fmt.Sprintf(", as %d entities are too many to read in one picture", n)
	}
	fmt.Fprintf(e.stderr, "view: overview by %s, %d groups of bodies and %d flows%s (--view detail draws every entity; --focus NAME, --since or --until a part of them; --group-by %s)\n",
		ov.Level, len(ov.Groups), len(ov.Flows), why, "province|city|county|body")
	return ov, nil
}

// checkDetail refuses at once a detail picture the layout engine would
// take minutes or gigabytes over, naming what to draw instead.
func checkDetail(layout string, n int) error {
	engine, _ := svg.Layout(layout, n)
	if !svg.TooLarge(engine, n) {
		return nil
	}
	return usagef("--view detail: %d entities are more than the %s layout draws in reasonable time (%d at most); "+
		"draw the overview (--view overview), the neighbourhood of one entity (--focus NAME --depth N), "+
		"or a period (--since DATE --until DATE)", n, engine, svg.MaxNodes(engine))
}
