package csv

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/gephi"
)

// This file keeps the first implementation of Write, which collected every
// row before writing, as the reference the streaming Write must match byte
// for byte.

func refWrite(nodes, edges io.Writer, g *graph.Graph, opt Options) error {
	if err := refWriteNodes(nodes, g, opt); err != nil {
		return fmt.Errorf("nodes.csv: %w", err)
	}
	if err := refWriteEdges(edges, g, opt); err != nil {
		return fmt.Errorf("edges.csv: %w", err)
	}
	return nil
}

func refWriteNodes(w io.Writer, g *graph.Graph, opt Options) error {
	header := []string{"Id", "Label"}
	for _, d := range graph.NodeAttrs() {
		header = append(header, refColumn(nodeHeader, d.Key))
	}
	rows := [][]string{header}
	for _, e := range g.Entities {
		rows = append(rows, append([]string{e.ID, e.Label(opt.Lang)}, refCells(graph.NodeAttrs(), e.Attrs())...))
	}
	return refWriteRows(w, rows, opt)
}

func refWriteEdges(w io.Writer, g *graph.Graph, opt Options) error {
	header := []string{"Source", "Target", "Source Label", "Target Label", "Type", "Id", "Label", "Weight", "Timeset"}
	for _, d := range graph.EdgeAttrs() {
		header = append(header, refColumn(edgeHeader, d.Key))
	}
	rows := [][]string{header}
	ids := g.EdgeIDs()
	for i, r := range g.Relations {
		typ := "Directed"
		if !r.Directed {
			typ = "Undirected"
		}
		row := []string{r.From, r.To, g.Entity(r.From).Label(opt.Lang), g.Entity(r.To).Label(opt.Lang), typ, ids[i], r.Label(), strconv.Itoa(r.Weight()), refTimeset(r)}
		rows = append(rows, append(row, refCells(graph.EdgeAttrs(), g.RelationAttrs(r))...))
	}
	return refWriteRows(w, rows, opt)
}

func refColumn(known map[string]string, key string) string {
	if h, ok := known[key]; ok {
		return h
	}
	return key
}

// cells lays attrs out in the columns of defs, empty where an attribute is
// absent.
func refCells(defs []graph.AttrDef, attrs []graph.Attr) []string {
	out := make([]string, len(defs))
	j := 0
	for i, d := range defs {
		if j < len(attrs) && attrs[j].Key == d.Key {
			a := attrs[j]
			out[i] = a.Value
			if a.Type == graph.AttrStrings {
				out[i] = gephi.List(a.List)
			}
			j++
		}
	}
	return out
}

// timeset writes the relation's interval as Gephi's spreadsheet importer
// reads a Timeset: <[2015-07-01, 2016-07-31]>, with Infinity for an open
// bound; "" for a relation without dates.
func refTimeset(r *graph.Relation) string {
	start, end, ok := r.Interval()
	if !ok {
		return ""
	}
	s, e := "-Infinity", "Infinity"
	if !start.IsZero() {
		s = gephi.Day(start)
	}
	if !end.IsZero() {
		e = gephi.Day(end)
	}
	return "<[" + s + ", " + e + "]>"
}

// write writes the rows through encoding/csv, neutralising formulas and
// starting with the byte-order mark unless opt.NoBOM.
func refWriteRows(w io.Writer, rows [][]string, opt Options) error {
	if !opt.NoBOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	for _, row := range rows {
		for i, c := range row {
			row[i] = refNeutralise(c)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutralise prefixes an apostrophe to a cell a spreadsheet would run as a
// formula.
func refNeutralise(cell string) string {
	if r, _ := utf8.DecodeRuneInString(cell); cell != "" && strings.ContainsRune("=+-@\t\r\n\uFEFF\u00A0\u3000＝＋－＠", r) {
		return "'" + cell
	}
	return cell
}
