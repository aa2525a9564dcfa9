package json

import (
	"slices"
	"strconv"

	"github.com/guazhi/guazhi/graph"
)

// relationAttrs are the attributes, in order, that relation writes straight
// from a relation's fields, as graph.Graph.AppendRelationAttrs gives them.
var relationAttrs = []graph.AttrDef{
	{Key: "kind", Type: graph.AttrString},
	{Key: "directed", Type: graph.AttrBool},
	{Key: "post", Type: graph.AttrString},
	{Key: "from_body", Type: graph.AttrString},
	{Key: "from_post", Type: graph.AttrString},
	{Key: "start", Type: graph.AttrDate},
	{Key: "end", Type: graph.AttrDate},
	{Key: "agreement", Type: graph.AttrString},
	{Key: "title", Type: graph.AttrString},
	{Key: "status", Type: graph.AttrString},
	{Key: "date", Type: graph.AttrDate},
	{Key: "value", Type: graph.AttrString},
	{Key: "venue", Type: graph.AttrString},
	{Key: "officials", Type: graph.AttrStrings},
	{Key: "note", Type: graph.AttrString},
	{Key: "variants", Type: graph.AttrStrings},
	{Key: "disputed", Type: graph.AttrStrings},
	{Key: "sources", Type: graph.AttrStrings},
	{Key: "quotes", Type: graph.AttrStrings},
	{Key: "evidence", Type: graph.AttrString},
	{Key: "source_count", Type: graph.AttrInt},
	{Key: "attested_by", Type: graph.AttrStrings},
}

// direct reports whether graph.EdgeAttrs declares exactly relationAttrs,
// so that relation writes what the attribute view holds. When the
// declarations change, Write falls back to the attribute view (and a test
// fails until relation is brought up to date).
func direct() bool { return slices.Equal(graph.EdgeAttrs, relationAttrs) }

// relation writes the attributes of r as graph.Graph.AppendRelationAttrs
// gives them, with their JSON types, from the relation's fields: the same
// bytes as attrs writes for them, without building the strings and lists
// of the attribute view.
func (e *encoder) relation(g *graph.Graph, r *graph.Relation) {
	e.optString("kind", r.Kind)
	e.key("directed")
	if r.Directed {
		e.buf = append(e.buf, "true"...)
	} else {
		e.buf = append(e.buf, "false"...)
	}
	e.optString("post", r.Post)
	e.optString("from_body", r.FromBody)
	e.optString("from_post", r.FromPost)
	e.date("start", r.Start)
	e.date("end", r.End)
	e.optString("agreement", r.Agreement)
	e.optString("title", r.Title)
	e.optString("status", r.Status)
	e.date("date", r.Date)
	e.optString("value", r.Value)
	e.optString("venue", r.Venue)
	if len(r.Officials) > 0 {
		// As graph.Graph.OfficialNames writes them: the name (the id of
		// an unknown official), then the role in brackets.
		e.key("officials")
		e.open('[')
		for _, o := range r.Officials {
			e.elem()
			name := o.Official
			if ent := g.Entity(o.Official); ent != nil {
				name = ent.Name
			}
			e.buf = append(e.buf, '"')
			e.buf = appendEscaped(e.buf, name)
			if o.Role != "" {
				e.buf = append(e.buf, '(')
				e.buf = appendEscaped(e.buf, o.Role)
				e.buf = append(e.buf, ')')
			}
			e.buf = append(e.buf, '"')
		}
		e.close(']')
	}
	e.optString("note", r.Note)
	for _, v := range []struct {
		key      string
		disputed bool
	}{{"variants", false}, {"disputed", true}} {
		open := false
		for _, x := range r.Variants {
			if x.Disputed == v.disputed {
				if !open {
					e.key(v.key)
					e.open('[')
					open = true
				}
				e.elem()
				e.string(x.String())
			}
		}
		if open {
			e.close(']')
		}
	}
	srcs := r.SourceIDs()
	defer func() {
		e.key("source_count")
		e.buf = strconv.AppendInt(e.buf, int64(len(srcs)), 10)
		if len(srcs) > 0 {
			e.key("attested_by")
			e.open('[')
			for _, s := range srcs {
				e.elem()
				e.string(s)
			}
			e.close(']')
		}
	}()
	if len(r.Evidence) == 0 {
		return
	}
	e.key("sources")
	e.open('[')
	for _, ev := range r.Evidence {
		e.elem()
		e.string(ev.Source)
	}
	e.close(']')
	e.key("quotes")
	e.open('[')
	for _, ev := range r.Evidence {
		e.elem()
		e.string(ev.Quote)
	}
	e.close(']')
	// As graph.Quotes joins them. Each part is escaped alone: the ASCII
	// text between them ends any character, so that is how the joined
	// text would be escaped.
	e.key("evidence")
	e.buf = append(e.buf, '"')
	for i, ev := range r.Evidence {
		if i > 0 {
			e.buf = append(e.buf, `\n`...)
		}
		e.buf = append(e.buf, '[')
		e.buf = appendEscaped(e.buf, ev.Source)
		e.buf = append(e.buf, "] "...)
		e.buf = appendEscaped(e.buf, ev.Quote)
		if ev.Inferred {
			e.buf = append(e.buf, " (inferred"...)
			if ev.Note != "" {
				e.buf = append(e.buf, ": "...)
				e.buf = appendEscaped(e.buf, ev.Note)
			}
			e.buf = append(e.buf, ')')
		}
	}
	e.buf = append(e.buf, '"')
}

// date writes the member k, the date as written, unless d is zero.
func (e *encoder) date(k string, d graph.Date) {
	if d.IsZero() {
		return
	}
	e.key(k)
	e.buf = append(e.buf, '"')
	e.buf = d.Append(e.buf) // digits and hyphens: nothing to escape
	e.buf = append(e.buf, '"')
}
