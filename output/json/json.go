package json

import (
	"io"
	"strings"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/chunks"
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

// Write writes g to w as node-link JSON: directed, multigraph, graph (name,
// title, filter, sources), nodes (id, label and the entity's attributes)
// and links (source, target, key, label and the relation's attributes,
// kind first), one link per relation.
//
// The document is streamed: nodes and links are encoded in chunks, on
// several goroutines for a large graph, and written in order, so memory
// does not grow with the size of the output. The bytes are those
// encoding/json writes for the same document without HTML escaping,
// indented by json.Indent with two spaces unless opt.Compact.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	e := &encoder{w: w, compact: opt.Compact}
	e.open('{')
	e.key("directed")
	e.buf = append(e.buf, "true"...)
	e.key("multigraph")
	e.buf = append(e.buf, "true"...)

	e.key("graph")
	e.open('{')
	e.keyString("name", g.Name)
	e.keyString("title", g.Title)
	e.optString("filter", g.Filter)
	e.key("sources")
	e.open('[')
	for _, s := range g.Sources {
		e.elem()
		e.open('{')
		e.keyString("id", s.ID)
		e.optString("title", s.Title)
		e.optString("publisher", s.Publisher)
		if !s.Date.IsZero() {
			e.key("date")
			e.buf = append(e.buf, '"')
			e.buf = s.Date.Append(e.buf)
			e.buf = append(e.buf, '"')
		}
		e.optString("url", s.URL)
		e.optString("file", s.File)
		e.close('}')
	}
	e.close(']')
	e.close('}')

	e.key("nodes")
	e.open('[')
	e.each(len(g.Entities), func(c *encoder, i int) {
		ent := g.Entities[i]
		c.elem()
		c.open('{')
		c.keyString("id", ent.ID)
		c.keyString("label", ent.Label(opt.Lang))
		c.attrs(ent.AppendAttrs(c.scratch[:0]))
		c.close('}')
	})
	e.close(']')

	e.key("links")
	e.open('[')
	ids := g.EdgeIDs()
	e.each(len(g.Relations), func(c *encoder, i int) {
		r := g.Relations[i]
		c.elem()
		c.open('{')
		c.keyString("source", r.From)
		c.keyString("target", r.To)
		c.keyString("key", ids[i])
		c.keyString("label", r.Label())
		c.attrs(g.AppendRelationAttrs(c.scratch[:0], r))
		c.close('}')
	})
	e.close(']')
	e.close('}')
	e.buf = append(e.buf, '\n')
	e.flush()
	return e.err
}

// attrs writes the attributes with their JSON types: lists as arrays,
// booleans as booleans, dates as written (YYYY, YYYY-MM or YYYY-MM-DD).
// It keeps attrs as e.scratch for the next element.
func (e *encoder) attrs(attrs []graph.Attr) {
	e.scratch = attrs
	for _, a := range attrs {
		e.key(a.Key)
		switch a.Type {
		case graph.AttrStrings:
			e.open('[')
			for _, s := range a.List {
				e.elem()
				e.string(s)
			}
			e.close(']')
		case graph.AttrInt:
			e.buf = append(e.buf, a.Value...)
		case graph.AttrBool:
			if a.Value == "true" {
				e.buf = append(e.buf, "true"...)
			} else {
				e.buf = append(e.buf, "false"...)
			}
		default:
			e.string(a.Value)
		}
	}
}

// An encoder appends a JSON document to buf, laid out as json.Indent lays
// it out with prefix "" and indent "  " (or compact), and writes buf to w
// whenever it grows past flushSize. It keeps the first write error in err
// and stops writing after it.
type encoder struct {
	w       io.Writer // nil for a chunk of each, written whole
	buf     []byte
	err     error
	compact bool
	depth   int  // containers open
	empty   bool // the innermost container has no member yet

	scratch []graph.Attr // for the attributes of one element
}

// flushSize is how many bytes an encoder collects before writing them.
const flushSize = 64 << 10

// indent is a newline and the spaces of up to 64 levels.
var indent = "\n" + strings.Repeat("  ", 64)

// newline starts a line at the current depth, as json.Indent does before
// each member and before the end of a non-empty container.
func (e *encoder) newline() {
	if e.compact {
		return
	}
	if n := 1 + 2*e.depth; n <= len(indent) {
		e.buf = append(e.buf, indent[:n]...)
		return
	}
	e.buf = append(e.buf, '\n')
	for range e.depth {
		e.buf = append(e.buf, "  "...)
	}
}

func (e *encoder) open(c byte) {
	e.buf = append(e.buf, c)
	e.depth++
	e.empty = true
}

func (e *encoder) close(c byte) {
	e.depth--
	if !e.empty {
		e.newline()
	}
	e.buf = append(e.buf, c)
	e.empty = false
}

// elem starts a member of the innermost container.
func (e *encoder) elem() {
	if !e.empty {
		e.buf = append(e.buf, ',')
	}
	e.empty = false
	e.newline()
	if len(e.buf) >= flushSize {
		e.flush()
	}
}

// key starts a member of an object, up to its value.
func (e *encoder) key(k string) {
	e.elem()
	e.string(k)
	if e.compact {
		e.buf = append(e.buf, ':')
	} else {
		e.buf = append(e.buf, ": "...)
	}
}

func (e *encoder) keyString(k, v string) {
	e.key(k)
	e.string(v)
}

// optString writes the member k unless v is empty.
func (e *encoder) optString(k, v string) {
	if v != "" {
		e.keyString(k, v)
	}
}

// string writes s as a JSON string.
func (e *encoder) string(s string) {
	e.buf = append(e.buf, '"')
	e.buf = appendEscaped(e.buf, s)
	e.buf = append(e.buf, '"')
}

func (e *encoder) flush() {
	if e.w == nil {
		return
	}
	chunks.Flush(e.w, &e.buf, &e.err)
}

// each writes n elements into the container just opened, the ith by
// encode(c, i) through c. The elements are encoded in chunks (see package
// chunks), so encode must only read what it shares with the other
// goroutines.
func (e *encoder) each(n int, encode func(c *encoder, i int)) {
	empty := e.empty
	chunks.Encode(n, func() *encoder {
		return &encoder{compact: e.compact, depth: e.depth}
	}, func(c *encoder, i int) {
		c.empty = empty && i == 0 // the first element, or one after another
		encode(c, i)
	}, func(c *encoder) error {
		return chunks.WriteAfter(e.w, &e.buf, &c.buf, &e.err)
	})
	if n > 0 {
		e.empty = false
	}
}
