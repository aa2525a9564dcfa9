package json

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/guazhi/guazhi/graph"
)

// Options configures Write. The zero Options writes the default form.
type Options struct {
	// Lang is the label language of nodes: "zh" (the name, the default
	// when empty), "en" or "both"; see graph.Entity.Label.
	Lang string
	// Compact writes everything on one line. Default false: two-space
	// indentation, one attribute per line.
	Compact bool
}

// field is one member of a JSON object; object keeps its members in the
// order they were added, so the output does not depend on map order.
type field struct {
	key   string
	value any
}

type object []field

func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(f.key)
		if err != nil {
			return nil, err
		}
		v, err := marshal(f.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping: < > & stay readable.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Write writes g to w as node-link JSON: directed, multigraph, graph (name,
// title, filter, sources), nodes (id, label and the entity's attributes)
// and links (source, target, key, label and the relation's attributes,
// kind first), one link per relation.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	var sources []object
	for _, s := range g.Sources {
		o := object{{"id", s.ID}}
		o = appendString(o, "title", s.Title)
		o = appendString(o, "publisher", s.Publisher)
		o = appendString(o, "date", s.Date.String())
		o = appendString(o, "url", s.URL)
		o = appendString(o, "file", s.File)
		sources = append(sources, o)
	}
	meta := object{{"name", g.Name}, {"title", g.Title}}
	meta = appendString(meta, "filter", g.Filter)
	meta = append(meta, field{"sources", nonNil(sources)})

	nodes := []object{}
	for _, e := range g.Entities {
		o := object{{"id", e.ID}, {"label", e.Label(opt.Lang)}}
		nodes = append(nodes, appendAttrs(o, e.Attrs()))
	}
	links := []object{}
	ids := g.EdgeIDs()
	for i, r := range g.Relations {
		o := object{{"source", r.From}, {"target", r.To}, {"key", ids[i]}, {"label", r.Label()}}
		links = append(links, appendAttrs(o, g.RelationAttrs(r)))
	}
	doc := object{
		{"directed", true},
		{"multigraph", true},
		{"graph", meta},
		{"nodes", nodes},
		{"links", links},
	}
	data, err := marshal(doc)
	if err != nil {
		return err
	}
	if !opt.Compact {
		var b bytes.Buffer
		if err := json.Indent(&b, data, "", "  "); err != nil {
			return err
		}
		data = b.Bytes()
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func appendString(o object, key, value string) object {
	if value == "" {
		return o
	}
	return append(o, field{key, value})
}

func nonNil(s []object) []object {
	if s == nil {
		return []object{}
	}
	return s
}

// appendAttrs adds the attributes with their JSON types: lists as arrays,
// booleans as booleans, dates as written (YYYY, YYYY-MM or YYYY-MM-DD).
func appendAttrs(o object, attrs []graph.Attr) object {
	for _, a := range attrs {
		var v any = a.Value
		switch a.Type {
		case graph.AttrStrings:
			v = a.List
		case graph.AttrBool:
			v = a.Value == "true"
		}
		o = append(o, field{a.Key, v})
	}
	return o
}
