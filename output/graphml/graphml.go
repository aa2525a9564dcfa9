package graphml

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
	// the smaller id) instead of directed="false" edges of the directed
	// graph; their "directed" attribute stays false. Readers that reject
	// mixed graphs need it: NetworkX's read_graphml raises
	// "directed=false edge found in directed graph." on the default form.
	// Default false, which is what Gephi reads as agreements without a
	// direction.
	AllDirected bool
	// Positions places nodes: node id → x, y (y up), written as the data
	// of the keys "x" and "y", which Gephi's importer and graphology read
	// as positions; cmd/guazhi passes the diagram's (svg.RenderLayout).
	// Nodes without one get none, and with no Positions the keys are not
	// declared. Default none.
	Positions map[string][2]float64
}

// Namespace is GraphML's.
const Namespace = "http://graphml.graphdrawing.org/xmlns"

// Key ids of the labels. Gephi's GraphML importer maps a key whose id or
// attr.name is "label" to node labels (for="node") and to edge labels
// (for="edge"); key ids are unique in a document, so the edge label's key
// has the id "edgelabel", which Gephi also knows.
const (
	nodeLabelKey = "label"
	edgeLabelKey = "edgelabel"
	// weightKey is the key of the edge weight Gephi reads (attr.name
	// "weight"): the number of distinct sources behind the relation, so
	// better-attested edges are drawn thicker.
	weightKey = "weight"
)

// Write writes g to w as a GraphML document, streaming: the key
// declarations first, then the nodes and edges, encoded in chunks on all
// CPUs and written in order.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	x := gephi.NewEncoder(w)
	x.Start("graphml")
	x.Attr("xmlns", Namespace)
	keys(x)
	if len(opt.Positions) > 0 {
		key(x, "x", "node", "x", "double")
		key(x, "y", "node", "y", "double")
	}
	// Node colours from the palette, in the r, g and b keys Gephi's
	// importer reads as a node's colour (the GEXF's viz:color).
	for _, c := range []string{"r", "g", "b"} {
		key(x, c, "node", c, "int")
	}
	x.Start("graph")
	x.Attr("id", g.Name)
	x.Attr("edgedefault", "directed")
	// The edge ids take a map of them all: make them while the nodes are
	// written.
	edgeIDs := make(chan []string, 1)
	go func() { edgeIDs <- g.EdgeIDs() }()
	if err := x.Each(len(g.Entities), func(x *gephi.Encoder, i int) {
		e := g.Entities[i]
		x.Start("node")
		x.Attr("id", e.ID)
		data(x, nodeLabelKey, e.Label(opt.Lang))
		x.Attrs = e.AppendAttrs(x.Attrs[:0])
		for _, a := range x.Attrs {
			value(x, a.Key, a)
		}
		if p, ok := opt.Positions[e.ID]; ok {
			data(x, "x", strconv.FormatFloat(p[0], 'f', -1, 64))
			data(x, "y", strconv.FormatFloat(p[1], 'f', -1, 64))
		}
		c := palette.NodeOf(e.Kind, e.Jurisdiction).Solid
		data(x, "r", strconv.Itoa(int(c.R)))
		data(x, "g", strconv.Itoa(int(c.G)))
		data(x, "b", strconv.Itoa(int(c.B)))
		x.End("node")
	}); err != nil {
		return err
	}
	ids := <-edgeIDs
	edgeAttrs := graph.EdgeAttrs()
	edgeKeys := make([]string, len(edgeAttrs)) // the key ids of edgeAttrs
	for i, d := range edgeAttrs {
		edgeKeys[i] = edgeKey(d.Key)
	}
	if err := x.Each(len(g.Relations), func(x *gephi.Encoder, i int) {
		r := g.Relations[i]
		x.Start("edge")
		x.Attr("id", ids[i])
		if !r.Directed && !opt.AllDirected {
			x.Attr("directed", "false")
		}
		x.Attr("source", r.From)
		x.Attr("target", r.To)
		data(x, edgeLabelKey, r.Label())
		data(x, weightKey, strconv.Itoa(r.Weight()))
		x.Attrs = g.AppendRelationAttrs(x.Attrs[:0], r)
		j := 0 // x.Attrs come in EdgeAttrs order
		for _, a := range x.Attrs {
			for edgeAttrs[j].Key != a.Key {
				j++
			}
			value(x, edgeKeys[j], a)
		}
		x.End("edge")
	}); err != nil {
		return err
	}
	x.End("graph")
	x.End("graphml")
	return x.Close()
}

// keys declares the labels and every attribute of the model, each key for
// nodes or for edges: Gephi's importer neither maps for="all" keys to
// labels nor gives edges their columns. A node key's id is the attribute
// name; an edge attribute whose name a node attribute already uses (kind,
// note) gets the id "edge_" + name. attr.name is always the attribute name.
func keys(x *gephi.Encoder) {
	key(x, nodeLabelKey, "node", "label", "string")
	for _, d := range graph.NodeAttrs() {
		key(x, d.Key, "node", d.Key, attrType(d.Type))
	}
	key(x, edgeLabelKey, "edge", "label", "string")
	key(x, weightKey, "edge", "weight", "double")
	for _, d := range graph.EdgeAttrs() {
		key(x, edgeKey(d.Key), "edge", d.Key, attrType(d.Type))
	}
}

func key(x *gephi.Encoder, id, domain, name, typ string) {
	x.Start("key")
	x.Attr("id", id)
	x.Attr("for", domain)
	x.Attr("attr.name", name)
	x.Attr("attr.type", typ)
	x.End("key")
}

// edgeKey is the id of the key of the edge attribute name.
func edgeKey(name string) string {
	for _, d := range graph.NodeAttrs() {
		if d.Key == name {
			return "edge_" + name
		}
	}
	return name
}

func attrType(t graph.AttrType) string {
	switch t {
	case graph.AttrBool:
		return "boolean"
	case graph.AttrInt:
		return "int"
	case graph.AttrString, graph.AttrStrings, graph.AttrDate:
		return "string" // lists in Gephi's ["a", "b"] form, dates as written
	}
	panic(fmt.Sprintf("graphml: no GraphML type for %v", t))
}

// data writes the value s of the key.
func data(x *gephi.Encoder, key, s string) {
	x.Start("data")
	x.Attr("key", key)
	x.Text(s)
	x.End("data")
}

// value writes a as the data of the key, lists in Gephi's ["a", "b"] form
// and dates as written.
func value(x *gephi.Encoder, key string, a graph.Attr) {
	if a.Type != graph.AttrStrings {
		data(x, key, a.Value)
		return
	}
	x.Start("data")
	x.Attr("key", key)
	x.TextList(a.List)
	x.End("data")
}
