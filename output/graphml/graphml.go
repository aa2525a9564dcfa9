package graphml

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/gephi"
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
}

// Namespace is GraphML's.
const Namespace = "http://graphml.graphdrawing.org/xmlns"

type document struct {
	XMLName xml.Name `xml:"graphml"`
	Xmlns   string   `xml:"xmlns,attr"`
	Keys    []key    `xml:"key"`
	Graph   graphEl  `xml:"graph"`
}

type key struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphEl struct {
	ID          string `xml:"id,attr"`
	EdgeDefault string `xml:"edgedefault,attr"`
	Nodes       []node `xml:"node"`
	Edges       []edge `xml:"edge"`
}

type node struct {
	ID   string `xml:"id,attr"`
	Data []data `xml:"data"`
}

type edge struct {
	ID       string `xml:"id,attr"`
	Directed string `xml:"directed,attr,omitempty"`
	Source   string `xml:"source,attr"`
	Target   string `xml:"target,attr"`
	Data     []data `xml:"data"`
}

type data struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// Key ids of the labels. Gephi's GraphML importer maps a key whose id or
// attr.name is "label" to node labels (for="node") and to edge labels
// (for="edge"); key ids are unique in a document, so the edge label's key
// has the id "edgelabel", which Gephi also knows.
const (
	nodeLabelKey = "label"
	edgeLabelKey = "edgelabel"
)

// Write writes g to w as a GraphML document.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	doc := document{
		Xmlns: Namespace,
		Keys:  keys(),
		Graph: graphEl{ID: g.Name, EdgeDefault: "directed"},
	}
	for _, e := range g.Entities {
		doc.Graph.Nodes = append(doc.Graph.Nodes, node{ID: e.ID, Data: nodeValues(e, opt.Lang)})
	}
	ids := g.EdgeIDs()
	for i, r := range g.Relations {
		ed := edge{ID: ids[i], Source: r.From, Target: r.To, Data: edgeValues(g, r)}
		if !r.Directed && !opt.AllDirected {
			ed.Directed = "false"
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ed)
	}
	return gephi.WriteXML(w, doc)
}

// keys declares the labels and every attribute of the model, each key for
// nodes or for edges: Gephi's importer neither maps for="all" keys to
// labels nor gives edges their columns. A node key's id is the attribute
// name; an edge attribute whose name a node attribute already uses (kind,
// note) gets the id "edge_" + name. attr.name is always the attribute name.
func keys() []key {
	out := []key{{ID: nodeLabelKey, For: "node", Name: "label", Type: "string"}}
	for _, d := range graph.NodeAttrs {
		out = append(out, key{ID: d.Key, For: "node", Name: d.Key, Type: attrType(d.Type)})
	}
	out = append(out, key{ID: edgeLabelKey, For: "edge", Name: "label", Type: "string"})
	for _, d := range graph.EdgeAttrs {
		out = append(out, key{ID: edgeKey(d.Key), For: "edge", Name: d.Key, Type: attrType(d.Type)})
	}
	return out
}

// edgeKey is the id of the key of the edge attribute name.
func edgeKey(name string) string {
	for _, d := range graph.NodeAttrs {
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
	case graph.AttrString, graph.AttrStrings, graph.AttrDate:
		return "string" // lists in Gephi's ["a", "b"] form, dates as written
	}
	panic(fmt.Sprintf("graphml: no GraphML type for %v", t))
}

func nodeValues(e *graph.Entity, lang string) []data {
	out := []data{{Key: nodeLabelKey, Value: e.Label(lang)}}
	for _, a := range e.Attrs() {
		out = append(out, data{Key: a.Key, Value: value(a)})
	}
	return out
}

func edgeValues(g *graph.Graph, r *graph.Relation) []data {
	out := []data{{Key: edgeLabelKey, Value: r.Label()}}
	for _, a := range g.RelationAttrs(r) {
		out = append(out, data{Key: edgeKey(a.Key), Value: value(a)})
	}
	return out
}

// value writes lists in Gephi's ["a", "b"] form and dates as written.
func value(a graph.Attr) string {
	if a.Type == graph.AttrStrings {
		return gephi.List(a.List)
	}
	return a.Value
}
