package csv

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/guazhi/guazhi/graph"
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
// row per relation, parallel ones included.
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
	rows := [][]string{header}
	for _, e := range g.Entities {
		rows = append(rows, append([]string{e.ID, e.Label(opt.Lang)}, cells(graph.NodeAttrs, e.Attrs())...))
	}
	return write(w, rows, opt)
}

func writeEdges(w io.Writer, g *graph.Graph, opt Options) error {
	header := []string{"Source", "Target", "Type", "Id", "Label", "Weight", "Timeset"}
	for _, d := range graph.EdgeAttrs {
		header = append(header, column(edgeHeader, d.Key))
	}
	rows := [][]string{header}
	ids := g.EdgeIDs()
	for i, r := range g.Relations {
		typ := "Directed"
		if !r.Directed {
			typ = "Undirected"
		}
		row := []string{r.From, r.To, typ, ids[i], r.Label(), "1", timeset(r)}
		rows = append(rows, append(row, cells(graph.EdgeAttrs, g.RelationAttrs(r))...))
	}
	return write(w, rows, opt)
}

func column(known map[string]string, key string) string {
	if h, ok := known[key]; ok {
		return h
	}
	return key
}

// cells lays attrs out in the columns of defs, empty where an attribute is
// absent.
func cells(defs []graph.AttrDef, attrs []graph.Attr) []string {
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
func timeset(r *graph.Relation) string {
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
func write(w io.Writer, rows [][]string, opt Options) error {
	if !opt.NoBOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	for _, row := range rows {
		for i, c := range row {
			row[i] = neutralise(c)
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
func neutralise(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
