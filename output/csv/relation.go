package csv

import (
	"slices"
	"strconv"

	"github.com/guazhi/guazhi/output/internal/gephi"

	"github.com/guazhi/guazhi/graph"
)

// relationAttrs are the attributes, in order, that row.relation writes
// straight from a relation's fields, as graph.Graph.AppendRelationAttrs gives them.
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
// so that row.relation writes what the attribute view holds. When the
// declarations change, Write falls back to the attribute view (and a test
// fails until row.relation is brought up to date).
func direct() bool { return slices.Equal(graph.EdgeAttrs, relationAttrs) }

// relation adds the cells of r's attributes, in the columns of
// graph.EdgeAttrs, from the relation's fields: the cells attrs adds for
// graph.Graph.AppendRelationAttrs, without building the attribute view.
func (b *row) relation(g *graph.Graph, r *graph.Relation) {
	b.str(r.Kind)
	if r.Directed {
		b.str("true")
	} else {
		b.str("false")
	}
	b.str(r.Post)
	b.str(r.FromBody)
	b.str(r.FromPost)
	b.date(r.Start)
	b.date(r.End)
	b.str(r.Agreement)
	b.str(r.Title)
	b.str(r.Status)
	b.date(r.Date)
	b.str(r.Value)
	b.str(r.Venue)
	if len(r.Officials) > 0 {
		// As graph.Graph.OfficialNames writes them.
		b.list = b.list[:0]
		for _, o := range r.Officials {
			name := o.Official
			if ent := g.Entity(o.Official); ent != nil {
				name = ent.Name
			}
			if o.Role != "" {
				name += "(" + o.Role + ")"
			}
			b.list = append(b.list, name)
		}
		b.strings(b.list)
	} else {
		b.cells = append(b.cells, "")
	}
	b.str(r.Note)
	for _, disputed := range []bool{false, true} {
		b.list = b.list[:0]
		for _, v := range r.Variants {
			if v.Disputed == disputed {
				b.list = append(b.list, v.String())
			}
		}
		if len(b.list) > 0 {
			b.strings(b.list)
		} else {
			b.cells = append(b.cells, "")
		}
	}
	srcs := r.SourceIDs()
	defer func() {
		b.str(strconv.Itoa(len(srcs)))
		if len(srcs) > 0 {
			b.strings(srcs)
		} else {
			b.cells = append(b.cells, "")
		}
	}()
	if len(r.Evidence) == 0 {
		b.cells = append(b.cells, "", "", "")
		return
	}
	b.list = b.list[:0]
	for _, ev := range r.Evidence {
		b.list = append(b.list, ev.Source)
	}
	b.strings(b.list)
	b.list = b.list[:0]
	for _, ev := range r.Evidence {
		b.list = append(b.list, ev.Quote)
	}
	b.strings(b.list)
	// As graph.Quotes joins them.
	b.begin()
	for i, ev := range r.Evidence {
		if i > 0 {
			b.text = append(b.text, '\n')
		}
		b.text = append(b.text, '[')
		b.text = append(b.text, ev.Source...)
		b.text = append(b.text, "] "...)
		b.text = append(b.text, ev.Quote...)
		if ev.Inferred {
			b.text = append(b.text, " (inferred"...)
			if ev.Note != "" {
				b.text = append(b.text, ": "...)
				b.text = append(b.text, ev.Note...)
			}
			b.text = append(b.text, ')')
		}
	}
	b.end()
}

// date adds the date as written, an empty cell for a zero date.
func (b *row) date(d graph.Date) {
	if d.IsZero() {
		b.cells = append(b.cells, "")
		return
	}
	b.begin()
	b.text = d.Append(b.text)
	b.end()
}

// strings adds a list in gephi.List's form.
func (b *row) strings(items []string) {
	b.begin()
	b.text = gephi.AppendList(b.text, items)
	b.end()
}
