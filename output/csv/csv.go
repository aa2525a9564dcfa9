package csv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/chunks"
	"github.com/guazhi/guazhi/output/internal/gephi"
)

// Options configures Write. The zero Options writes the default form.
type Options struct {
	// Lang is the label language of nodes: "zh" (the name, the default
	// when empty), "en" or "both"; see graph.Entity.Label.
	Lang string
	// NoBOM omits the UTF-8 byte-order mark that otherwise starts both
	// files (see the package documentation). Default false.
	NoBOM bool
}

// bom is the UTF-8 byte-order mark.
const bom = "\ufeff"

// Headers Gephi's spreadsheet importer recognises, for the attributes it
// has columns of its own for; every other attribute keeps its key.
var (
	nodeHeader = map[string]string{"kind": "Kind", "jurisdiction": "Jurisdiction"}
	edgeHeader = map[string]string{"kind": "Kind"}
)

// Write writes the entities of g to nodes and its relations to edges, one
// row per relation, parallel ones included. Rows are written as they are
// made (in chunks encoded on several goroutines for a large graph, written
// in order), so memory does not grow with the size of the files.
func Write(nodes, edges io.Writer, g *graph.Graph, opt Options) error {
	if err := writeNodes(nodes, g, opt); err != nil {
		return fmt.Errorf("nodes.csv: %w", err)
	}
	if err := writeEdges(edges, g, opt); err != nil {
		return fmt.Errorf("edges.csv: %w", err)
	}
	return nil
}

func writeNodes(w io.Writer, g *graph.Graph, opt Options) error {
	defs := graph.NodeAttrs()
	header := []string{"Id", "Label"}
	for _, d := range defs {
		header = append(header, column(nodeHeader, d.Key))
	}
	return write(w, opt, header, len(g.Entities), func(b *row, i int) {
		e := g.Entities[i]
		b.str(e.ID)
		b.str(e.Label(opt.Lang))
		b.attrs(defs, e.AppendAttrs(b.scratch[:0]))
	})
}

func writeEdges(w io.Writer, g *graph.Graph, opt Options) error {
	// Beside the ids, the labels of the two ends, for people reading the
	// file in a spreadsheet.
	defs := graph.EdgeAttrs()
	header := []string{"Source", "Target", "Source Label", "Target Label", "Type", "Id", "Label", "Weight", "Timeset"}
	for _, d := range defs {
		header = append(header, column(edgeHeader, d.Key))
	}
	ids := g.EdgeIDs()
	label := func(id string) string { return g.Entity(id).Name }
	if opt.Lang != "" && opt.Lang != "zh" {
		// Romanising is slow: once per entity.
		labels := make(map[string]string, len(g.Entities))
		for _, e := range g.Entities {
			labels[e.ID] = e.Label(opt.Lang)
		}
		label = func(id string) string { return labels[id] }
	}
	return write(w, opt, header, len(g.Relations), func(b *row, i int) {
		r := g.Relations[i]
		b.str(r.From)
		b.str(r.To)
		b.str(label(r.From))
		b.str(label(r.To))
		if r.Directed {
			b.str("Directed")
		} else {
			b.str("Undirected")
		}
		b.str(ids[i])
		b.str(r.Label())
		b.str(strconv.Itoa(r.Weight())) // the sources behind it: Gephi draws better-attested edges thicker
		b.timeset(r)
		b.attrs(defs, g.AppendRelationAttrs(b.scratch[:0], r))
	})
}

func column(known map[string]string, key string) string {
	if h, ok := known[key]; ok {
		return h
	}
	return key
}

// A row collects the cells of one row. Cells made of several parts (lists,
// Timesets, neutralised formulas) are built in one byte slice, which
// becomes one string when the row is done.
type row struct {
	cells   []string
	text    []byte
	built   []span       // cells taken from text
	scratch []graph.Attr // for the attributes of one row
}

type span struct{ cell, lo, hi int }

func (b *row) reset() {
	b.cells = b.cells[:0]
	b.text = b.text[:0]
	b.built = b.built[:0]
}

// str adds the cell s.
func (b *row) str(s string) {
	if formula(s) {
		b.begin()
		b.text = append(b.text, s...)
		b.end()
		return
	}
	b.cells = append(b.cells, s)
}

// begin starts a cell whose text the caller appends to b.text; end ends
// it.
func (b *row) begin() {
	b.built = append(b.built, span{cell: len(b.cells), lo: len(b.text)})
	b.cells = append(b.cells, "")
}

func (b *row) end() {
	s := &b.built[len(b.built)-1]
	if formula(b.text[s.lo:]) {
		b.text = slices.Insert(b.text, s.lo, '\'')
	}
	s.hi = len(b.text)
}

// done returns the cells of the row.
func (b *row) done() []string {
	text := string(b.text)
	for _, s := range b.built {
		b.cells[s.cell] = text[s.lo:s.hi]
	}
	return b.cells
}

// attrs lays attrs out in the columns of defs, empty where an attribute
// is absent; it keeps attrs as b.scratch for the next row.
func (b *row) attrs(defs []graph.AttrDef, attrs []graph.Attr) {
	b.scratch = attrs
	j := 0
	for _, d := range defs {
		if j < len(attrs) && attrs[j].Key == d.Key {
			a := attrs[j]
			if a.Type == graph.AttrStrings {
				b.strings(a.List)
			} else {
				b.str(a.Value)
			}
			j++
		} else {
			b.cells = append(b.cells, "")
		}
	}
}

// timeset adds the relation's interval as Gephi's spreadsheet importer
// reads a Timeset: <[2015-07-01, 2016-07-31]>, with Infinity for an open
// bound; an empty cell for a relation without dates.
func (b *row) timeset(r *graph.Relation) {
	start, end, ok := r.Interval()
	if !ok {
		b.cells = append(b.cells, "")
		return
	}
	b.begin()
	b.text = append(b.text, "<["...)
	if start.IsZero() {
		b.text = append(b.text, "-Infinity"...)
	} else {
		b.text = start.AppendFormat(b.text, time.DateOnly)
	}
	b.text = append(b.text, ", "...)
	if end.IsZero() {
		b.text = append(b.text, "Infinity"...)
	} else {
		b.text = end.AppendFormat(b.text, time.DateOnly)
	}
	b.text = append(b.text, "]>"...)
	b.end()
}

// formula reports whether a spreadsheet could run a cell starting like s
// as a formula, so that it is written with an apostrophe before it: it
// starts with =, +, -, @, a tab, a carriage return or a line feed, or with
// a character that spreadsheets skip or read as one of these: a byte-order
// mark, a no-break or ideographic space, or a full-width ＝, ＋, －, ＠.
func formula[S ~string | ~[]byte](s S) bool {
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	}
	if s[0] < utf8.RuneSelf {
		return false
	}
	for _, p := range formulaStarts {
		if len(s) >= len(p) && string(s[:len(p)]) == p {
			return true
		}
	}
	return false
}

// formulaStarts are the characters other than ASCII that make a cell
// starting with them a formula (see formula).
var formulaStarts = []string{"\uFEFF", "\u00A0", "\u3000", "＝", "＋", "－", "＠"}

// write writes the header and n rows through encoding/csv, starting with
// the byte-order mark unless opt.NoBOM; the ith row is made by fill(b, i)
// into b. The rows are made in chunks (see package chunks), so fill must
// only read what it shares with the other goroutines.
func write(w io.Writer, opt Options, header []string, n int, fill func(b *row, i int)) error {
	if !opt.NoBOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	var b row
	for _, h := range header {
		b.str(h)
	}
	if err := cw.Write(b.done()); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	type chunk struct {
		buf bytes.Buffer
		cw  *csv.Writer
		b   row
	}
	return chunks.Encode(n, func() *chunk {
		c := &chunk{}
		c.cw = csv.NewWriter(&c.buf)
		return c
	}, func(c *chunk, i int) {
		c.b.reset()
		fill(&c.b, i)
		c.cw.Write(c.b.done()) // its errors are the buffer's: none
	}, func(c *chunk) error {
		c.cw.Flush()
		if err := c.cw.Error(); err != nil {
			return err
		}
		if c.buf.Len() == 0 {
			return nil
		}
		_, err := w.Write(c.buf.Bytes())
		c.buf.Reset()
		return err
	})
}

// strings adds a list in gephi.List's form.
func (b *row) strings(items []string) {
	b.begin()
	b.text = gephi.AppendList(b.text, items)
	b.end()
}
