package gexf

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/gephi"
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
}

// Namespaces of GEXF 1.3.
const (
	Namespace    = "http://gexf.net/1.3"
	VizNamespace = "http://gexf.net/1.3/viz"
)

type document struct {
	XMLName xml.Name `xml:"gexf"`
	Xmlns   string   `xml:"xmlns,attr"`
	Viz     string   `xml:"xmlns:viz,attr"`
	Version string   `xml:"version,attr"`
	Meta    meta     `xml:"meta"`
	Graph   graphEl  `xml:"graph"`
}

type meta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type graphEl struct {
	DefaultEdgeType string       `xml:"defaultedgetype,attr"`
	Mode            string       `xml:"mode,attr"`
	TimeFormat      string       `xml:"timeformat,attr"`
	Attributes      []attributes `xml:"attributes"`
	Nodes           nodes        `xml:"nodes"`
	Edges           edges        `xml:"edges"`
}

type attributes struct {
	Class string      `xml:"class,attr"`
	Attrs []attribute `xml:"attribute"`
}

type attribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type nodes struct {
	Count int    `xml:"count,attr"`
	Nodes []node `xml:"node"`
}

type node struct {
	ID        string     `xml:"id,attr"`
	Label     string     `xml:"label,attr"`
	AttValues *attValues `xml:"attvalues"`
	Color     color      `xml:"viz:color"`
	Size      size       `xml:"viz:size"`
}

type edges struct {
	Count int    `xml:"count,attr"`
	Edges []edge `xml:"edge"`
}

type edge struct {
	ID        string     `xml:"id,attr"`
	Type      string     `xml:"type,attr,omitempty"`
	Source    string     `xml:"source,attr"`
	Target    string     `xml:"target,attr"`
	Label     string     `xml:"label,attr"`
	Kind      string     `xml:"kind,attr"`
	AttValues *attValues `xml:"attvalues"`
	Spells    *spells    `xml:"spells"`
	Color     color      `xml:"viz:color"`
}

type attValues struct {
	Values []attValue `xml:"attvalue"`
}

type attValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type spells struct {
	Spells []spell `xml:"spell"`
}

type spell struct {
	Start string `xml:"start,attr,omitempty"`
	End   string `xml:"end,attr,omitempty"`
}

// color is a viz:color without alpha: Gephi Lite ignores colours that
// carry one.
type color struct {
	R uint8 `xml:"r,attr"`
	G uint8 `xml:"g,attr"`
	B uint8 `xml:"b,attr"`
}

type size struct {
	Value string `xml:"value,attr"`
}

// Write writes g to w as a GEXF 1.3 document.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	doc := document{
		Xmlns:   Namespace,
		Viz:     VizNamespace,
		Version: "1.3",
		Meta:    meta{Creator: "guazhi", Description: description(g)},
		Graph: graphEl{
			DefaultEdgeType: "directed",
			Mode:            "dynamic",
			TimeFormat:      "date",
			Attributes: []attributes{
				{Class: "node", Attrs: declare(graph.NodeAttrs)},
				{Class: "edge", Attrs: declare(graph.EdgeAttrs)},
			},
		},
	}
	deg := g.Degree()
	for _, e := range g.Entities {
		doc.Graph.Nodes.Nodes = append(doc.Graph.Nodes.Nodes, node{
			ID:        e.ID,
			Label:     e.Label(opt.Lang),
			AttValues: values(e.Attrs()),
			Color:     nodeColor(e),
			Size:      size{Value: strconv.Itoa(10 + 2*deg[e.ID])},
		})
	}
	doc.Graph.Nodes.Count = len(doc.Graph.Nodes.Nodes)
	ids := g.EdgeIDs()
	for i, r := range g.Relations {
		ed := edge{
			ID:        ids[i],
			Source:    r.From,
			Target:    r.To,
			Label:     r.Label(),
			Kind:      r.Kind,
			AttValues: values(g.RelationAttrs(r)),
			Color:     edgeColor(r.Kind),
		}
		if !r.Directed && !opt.AllDirected {
			ed.Type = "undirected"
		}
		if start, end, ok := r.Interval(); ok {
			sp := spell{}
			if !start.IsZero() {
				sp.Start = gephi.Day(start)
			}
			if !end.IsZero() {
				sp.End = gephi.Day(end)
			}
			ed.Spells = &spells{Spells: []spell{sp}}
		}
		doc.Graph.Edges.Edges = append(doc.Graph.Edges.Edges, ed)
	}
	doc.Graph.Edges.Count = len(doc.Graph.Edges.Edges)

	return gephi.WriteXML(w, doc)
}

func description(g *graph.Graph) string {
	if g.Filter == "" {
		return g.Title
	}
	return g.Title + " (" + g.Filter + ")"
}

// declare maps the model's attribute types to GEXF's.
func declare(defs []graph.AttrDef) []attribute {
	out := make([]attribute, len(defs))
	for i, d := range defs {
		out[i] = attribute{ID: d.Key, Title: d.Key, Type: attrType(d.Type)}
	}
	return out
}

func attrType(t graph.AttrType) string {
	switch t {
	case graph.AttrStrings:
		return "liststring"
	case graph.AttrBool:
		return "boolean"
	case graph.AttrString, graph.AttrDate:
		return "string" // dates as written; spells carry full days
	}
	panic(fmt.Sprintf("gexf: no GEXF type for %v", t))
}

func values(attrs []graph.Attr) *attValues {
	if len(attrs) == 0 {
		return nil
	}
	vs := &attValues{}
	for _, a := range attrs {
		v := a.Value
		if a.Type == graph.AttrStrings {
			v = gephi.List(a.List)
		}
		vs.Values = append(vs.Values, attValue{For: a.Key, Value: v})
	}
	return vs
}
