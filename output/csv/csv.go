package csv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/guazhi/guazhi/graph"
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
	header := []string{"Id", "Label"}
	for _, d := range graph.NodeAttrs {
		header = append(header, column(nodeHeader, d.Key))
	}
	return write(w, opt, header, len(g.Entities), func() func(b *row, i int) {
		var attrs []graph.Attr
		return func(b *row, i int) {
			e := g.Entities[i]
			b.str(e.ID)
			b.str(e.Label(opt.Lang))
			attrs = e.AppendAttrs(attrs[:0])
			b.attrs(graph.NodeAttrs, attrs)
		}
	})
}

func writeEdges(w io.Writer, g *graph.Graph, opt Options) error {
	header := []string{"Source", "Target", "Type", "Id", "Label", "Weight", "Timeset"}
	for _, d := range graph.EdgeAttrs {
		header = append(header, column(edgeHeader, d.Key))
	}
	// Straight from the relation's fields when this package knows every
	// attribute graph declares, else through the attribute view.
	fast := direct()
	nums := g.EdgeIDNumbers()
	return write(w, opt, header, len(g.Relations), func() func(b *row, i int) {
		var attrs []graph.Attr
		return func(b *row, i int) {
			r := g.Relations[i]
			b.str(r.From)
			b.str(r.To)
			if r.Directed {
				b.str("Directed")
			} else {
				b.str("Undirected")
			}
			b.begin()
			b.text = graph.AppendEdgeID(b.text, r, nums[i])
			b.end()
			b.str(r.Label())
			b.str(strconv.Itoa(r.Weight())) // the sources behind it: Gephi draws better-attested edges thicker
			b.timeset(r)
			if fast {
				b.relation(g, r)
			} else {
				attrs = g.AppendRelationAttrs(attrs[:0], r)
				b.attrs(graph.EdgeAttrs, attrs)
			}
		}
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
	cells []string
	text  []byte
	built []span   // cells taken from text
	list  []string // scratch for the items of a list
}

type span struct{ cell, lo, hi int }

func (b *row) reset() {
	b.cells = b.cells[:0]
	b.text = b.text[:0]
	b.built = b.built[:0]
}

// str adds the cell s.
func (b *row) str(s string) {
	if isFormula(s) {
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
	if s.lo < len(b.text) && formula(b.text[s.lo]) {
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
// is absent.
func (b *row) attrs(defs []graph.AttrDef, attrs []graph.Attr) {
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

// isFormula reports whether a spreadsheet would run cell as a formula; such
// a cell is written with an apostrophe before it.
func isFormula(cell string) bool { return cell != "" && formula(cell[0]) }

// formula reports whether a cell starting with c is a formula.
func formula(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// chunkSize is how many rows write has one goroutine make at a time.
const chunkSize = 256

// write writes the header and n rows through encoding/csv, starting with
// the byte-order mark unless opt.NoBOM; the ith row is made by fill(b, i)
// into b. Rows are made in chunks on up to GOMAXPROCS goroutines, each
// with its own fill, which newFill returns, and its own csv.Writer; the
// chunks are written in order, so the output is the same as writing the
// rows one by one. fill must only read what it shares with the other
// goroutines.
func write(w io.Writer, opt Options, header []string, n int, newFill func() func(b *row, i int)) error {
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
	workers := min(runtime.GOMAXPROCS(0), (n+chunkSize-1)/chunkSize)
	if workers <= 1 {
		fill := newFill()
		for i := range n {
			b.reset()
			fill(&b, i)
			if err := cw.Write(b.done()); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	type worker struct {
		buf  bytes.Buffer
		cw   *csv.Writer
		fill func(b *row, i int)
		b    row
		err  error
	}
	ws := make([]*worker, workers)
	for j := range ws {
		ws[j] = &worker{fill: newFill()}
		ws[j].cw = csv.NewWriter(&ws[j].buf)
	}
	for start := 0; start < n; start += workers * chunkSize {
		var wg sync.WaitGroup
		for j, wk := range ws {
			lo := min(n, start+j*chunkSize)
			hi := min(n, lo+chunkSize)
			wk.buf.Reset()
			run := func() {
				for i := lo; i < hi; i++ {
					wk.b.reset()
					wk.fill(&wk.b, i)
					if err := wk.cw.Write(wk.b.done()); err != nil {
						wk.err = err
						return
					}
				}
				wk.cw.Flush()
				wk.err = wk.cw.Error()
			}
			if j < len(ws)-1 {
				wg.Go(run)
			} else {
				run()
			}
		}
		wg.Wait()
		for _, wk := range ws {
			if wk.err != nil {
				return wk.err
			}
			if wk.buf.Len() == 0 {
				continue
			}
			if _, err := w.Write(wk.buf.Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}
