package gexf

import (
	"fmt"
	"io"
	"strconv"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/gephi"
	"github.com/guazhi/guazhi/output/internal/palette"
)

// Options configures Write. The zero Options writes the default form.
type Options struct {
	// Lang is the label language of nodes: "zh" (the name, the default
	// when empty), "en" or "both"; see graph.Entity.Label.
	Lang string
	// AllDirected writes agreements as directed edges (from the party with
	// the smaller id) instead of type="undirected" edges of the directed
	// graph; their "directed" attribute stays false. Readers that reject
	// mixed graphs need it: NetworkX's read_gexf raises "Undirected edge
	// found in directed graph." on the default form. Default false, which
	// is what Gephi reads as agreements without a direction.
	AllDirected bool
	// Positions places nodes: node id → x, y (y up), written as
	// viz:position, so that Gephi opens on that layout; cmd/guazhi passes
	// the diagram's (svg.RenderLayout). Nodes without one get no position.
	// Default none.
	Positions map[string][2]float64
}

// Namespaces of GEXF 1.3.
const (
	Namespace    = "http://gexf.net/1.3"
	VizNamespace = "http://gexf.net/1.3/viz"
)

// Write writes g to w as a GEXF 1.3 document, streaming: the attribute
// declarations first, then the nodes and edges, encoded in chunks on all
// CPUs and written in order.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	x := gephi.NewEncoder(w)
	x.Start("gexf")
	x.Attr("xmlns", Namespace)
	x.Attr("xmlns:viz", VizNamespace)
	x.Attr("version", "1.3")
	x.Start("meta")
	x.Element("creator", "guazhi")
	x.Element("description", description(g))
	x.End("meta")
	x.Start("graph")
	x.Attr("defaultedgetype", "directed")
	x.Attr("mode", "dynamic")
	x.Attr("timeformat", "date")
	declare(x, "node", graph.NodeAttrs())
	declare(x, "edge", append(graph.EdgeAttrs(), yearAttrs...))

	// The edge ids take a map of them all: make them while the nodes are
	// written.
	edgeIDs := make(chan []string, 1)
	go func() { edgeIDs <- g.EdgeIDs() }()
	deg := g.Degree()
	x.Start("nodes")
	x.AttrInt("count", len(g.Entities))
	if err := x.Each(len(g.Entities), func(x *gephi.Encoder, i int) {
		e := g.Entities[i]
		x.Start("node")
		x.Attr("id", e.ID)
		x.Attr("label", e.Label(opt.Lang))
		x.Attrs = e.AppendAttrs(x.Attrs[:0])
		values(x, x.Attrs)
		writeColor(x, palette.NodeOf(e.Kind, e.Jurisdiction).Solid)
		if p, ok := opt.Positions[e.ID]; ok {
			x.Start("viz:position")
			x.Attr("x", strconv.FormatFloat(p[0], 'f', -1, 64))
			x.Attr("y", strconv.FormatFloat(p[1], 'f', -1, 64))
			x.End("viz:position")
		}
		x.Start("viz:size")
		x.AttrInt("value", 10+2*deg[e.ID])
		x.End("viz:size")
		x.End("node")
	}); err != nil {
		return err
	}
	x.End("nodes")

	ids := <-edgeIDs
	x.Start("edges")
	x.AttrInt("count", len(g.Relations))
	if err := x.Each(len(g.Relations), func(x *gephi.Encoder, i int) {
		r := g.Relations[i]
		x.Start("edge")
		x.Attr("id", ids[i])
		if !r.Directed && !opt.AllDirected {
			x.Attr("type", "undirected")
		}
		x.Attr("source", r.From)
		x.Attr("target", r.To)
		x.Attr("label", r.Label())
		x.Attr("kind", r.Kind)
		x.AttrInt("weight", r.Weight()) // Gephi draws better-attested edges thicker
		x.Attrs = g.AppendRelationAttrs(x.Attrs[:0], r)
		start, end, ok := r.Interval()
		if ok && !start.IsZero() {
			x.Attrs = append(x.Attrs, graph.Attr{AttrDef: yearAttrs[0], Value: strconv.Itoa(start.Year())})
		}
		if ok && !end.IsZero() {
			x.Attrs = append(x.Attrs, graph.Attr{AttrDef: yearAttrs[1], Value: strconv.Itoa(end.Year())})
		}
		values(x, x.Attrs)
		if ok {
			x.Start("spells")
			x.Start("spell")
			if !start.IsZero() {
				x.AttrDay("start", start)
			}
			if !end.IsZero() {
				x.AttrDay("end", end)
			}
			x.End("spell")
			x.End("spells")
		}
		writeColor(x, palette.Edge(r.Kind))
		x.End("edge")
	}); err != nil {
		return err
	}
	x.End("edges")
	x.End("graph")
	x.End("gexf")
	return x.Close()
}

// yearAttrs are the years a relation's spell begins and ends in, as
// numbers: Gephi's timeline reads the spells, but Gephi Lite and
// graphology ignore spells, and filter a range of years only on a numeric
// attribute. An open end has none.
var yearAttrs = []graph.AttrDef{{Key: "start_year", Type: graph.AttrInt}, {Key: "end_year", Type: graph.AttrInt}}

func description(g *graph.Graph) string {
	if g.Filter == "" {
		return g.Title
	}
	return g.Title + " (" + g.Filter + ")"
}

// declare writes the attributes of class, mapping the model's attribute
// types to GEXF's.
func declare(x *gephi.Encoder, class string, defs []graph.AttrDef) {
	x.Start("attributes")
	x.Attr("class", class)
	for _, d := range defs {
		x.Start("attribute")
		x.Attr("id", d.Key)
		x.Attr("title", d.Key)
		x.Attr("type", attrType(d.Type))
		x.End("attribute")
	}
	x.End("attributes")
}

func attrType(t graph.AttrType) string {
	switch t {
	case graph.AttrStrings:
		return "liststring"
	case graph.AttrBool:
		return "boolean"
	case graph.AttrInt:
		return "integer"
	case graph.AttrString, graph.AttrDate:
		return "string" // dates as written; spells carry full days
	}
	panic(fmt.Sprintf("gexf: no GEXF type for %v", t))
}

// values writes attrs as the attvalues of a node or edge; none when attrs
// is empty.
func values(x *gephi.Encoder, attrs []graph.Attr) {
	if len(attrs) == 0 {
		return
	}
	x.Start("attvalues")
	for _, a := range attrs {
		x.Start("attvalue")
		x.Attr("for", a.Key)
		if a.Type == graph.AttrStrings {
			x.AttrList("value", a.List)
		} else {
			x.Attr("value", a.Value)
		}
		x.End("attvalue")
	}
	x.End("attvalues")
}
