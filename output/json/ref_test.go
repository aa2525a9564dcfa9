package json

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/guazhi/guazhi/graph"
)

// This file keeps the first implementation of Write, which built the
// document as values and had encoding/json marshal and indent it, as the
// reference the streaming Write must match byte for byte.

type refField struct {
	key   string
	value any
}

type refObject []refField

func (o refObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := refMarshal(f.key)
		if err != nil {
			return nil, err
		}
		v, err := refMarshal(f.value)
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

// refMarshal is json.Marshal without HTML escaping.
func refMarshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func refWrite(w io.Writer, g *graph.Graph, opt Options) error {
	var sources []refObject
	for _, s := range g.Sources {
		o := refObject{{"id", s.ID}}
		o = refAppendString(o, "title", s.Title)
		o = refAppendString(o, "publisher", s.Publisher)
		o = refAppendString(o, "date", s.Date.String())
		o = refAppendString(o, "url", s.URL)
		o = refAppendString(o, "file", s.File)
		sources = append(sources, o)
	}
	if sources == nil {
		sources = []refObject{}
	}
	meta := refObject{{"name", g.Name}, {"title", g.Title}}
	meta = refAppendString(meta, "filter", g.Filter)
	meta = append(meta, refField{"sources", sources})

	nodes := []refObject{}
	for _, e := range g.Entities {
		o := refObject{{"id", e.ID}, {"label", e.Label(opt.Lang)}}
		nodes = append(nodes, refAppendAttrs(o, e.Attrs()))
	}
	links := []refObject{}
	ids := g.EdgeIDs()
	for i, r := range g.Relations {
		o := refObject{{"source", r.From}, {"target", r.To}, {"key", ids[i]}, {"label", r.Label()}}
		links = append(links, refAppendAttrs(o, g.RelationAttrs(r)))
	}
	doc := refObject{
		{"directed", true},
		{"multigraph", true},
		{"graph", meta},
		{"nodes", nodes},
		{"links", links},
	}
	data, err := refMarshal(doc)
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

func refAppendString(o refObject, key, value string) refObject {
	if value == "" {
		return o
	}
	return append(o, refField{key, value})
}

func refAppendAttrs(o refObject, attrs []graph.Attr) refObject {
	for _, a := range attrs {
		var v any = a.Value
		switch a.Type {
		case graph.AttrStrings:
			v = a.List
		case graph.AttrBool:
			v = a.Value == "true"
		case graph.AttrInt:
			v = json.Number(a.Value)
		}
		o = append(o, refField{a.Key, v})
	}
	return o
}
