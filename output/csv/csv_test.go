package csv_test

import (
	"bytes"
	stdcsv "encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/csv"
	"github.com/guazhi/guazhi/output/internal/exporttest"
)

func write(t *testing.T, g *graph.Graph, opt csv.Options) (nodes, edges []byte) {
	t.Helper()
	var n, e bytes.Buffer
	if err := csv.Write(&n, &e, g, opt); err != nil {
		t.Fatal(err)
	}
	return n.Bytes(), e.Bytes()
}

func TestGolden(t *testing.T) {
	g := exporttest.KB(t)
	n, e := write(t, g, csv.Options{})
	n2, e2 := write(t, g, csv.Options{})
	if !bytes.Equal(n, n2) || !bytes.Equal(e, e2) {
		t.Error("two writes of the same graph differ")
	}
	exporttest.Golden(t, "want-nodes.csv", n)
	exporttest.Golden(t, "want-edges.csv", e)
}

// read parses a file the way a CSV reader that knows the byte-order mark
// does.
func read(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := stdcsv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestBOM(t *testing.T) {
	g := exporttest.KB(t)
	for _, tc := range []struct {
		name string
		opt  csv.Options
		want bool
	}{
		{"default", csv.Options{}, true},
		{"NoBOM", csv.Options{NoBOM: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, e := write(t, g, tc.opt)
			for file, data := range map[string][]byte{"nodes": n, "edges": e} {
				if got := bytes.HasPrefix(data, []byte("\xef\xbb\xbf")); got != tc.want {
					t.Errorf("%s.csv starts with a BOM: %v, want %v", file, got, tc.want)
				}
			}
		})
	}
}

func TestStructure(t *testing.T) {
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		n, e := write(t, g, csv.Options{})
		nodes, edges := read(t, n), read(t, e)
		if want := []string{"Id", "Label", "Kind", "Jurisdiction"}; !slices.Equal(nodes[0][:4], want) {
			t.Errorf("nodes.csv header starts %q, want %q", nodes[0][:4], want)
		}
		if want := []string{"Source", "Target", "Source Label", "Target Label", "Type", "Id", "Label", "Weight", "Timeset"}; !slices.Equal(edges[0][:9], want) {
			t.Errorf("edges.csv header starts %q, want %q", edges[0][:9], want)
		}
		if !slices.Contains(edges[0], "Kind") {
			t.Error("edges.csv has no Kind column")
		}
		if len(nodes)-1 != len(g.Entities) || len(edges)-1 != len(g.Relations) {
			t.Fatalf("%d node rows and %d edge rows, want %d and %d", len(nodes)-1, len(edges)-1, len(g.Entities), len(g.Relations))
		}
		col := func(name string) int { return slices.Index(edges[0], name) }
		source, target, sourceLabel, targetLabel := col("Source"), col("Target"), col("Source Label"), col("Target Label")
		typ, id, label := col("Type"), col("Id"), col("Label")
		ids := map[string]bool{}
		for i, row := range edges[1:] {
			r := g.Relations[i]
			if ids[row[id]] {
				t.Errorf("edge id %s is not unique", row[id])
			}
			ids[row[id]] = true
			if row[source] != r.From || row[target] != r.To || row[label] == "" {
				t.Errorf("row %d: %q, want %s→%s with a label", i+1, row, r.From, r.To)
			}
			// The ends' labels stand beside their ids (neutralised
			// like every cell: hostile names may start with =).
			if from, to := g.Entity(r.From).Name, g.Entity(r.To).Name; strings.TrimPrefix(row[sourceLabel], "'") != from || strings.TrimPrefix(row[targetLabel], "'") != to {
				t.Errorf("row %d: labels %q, %q, want %q, %q", i+1, row[sourceLabel], row[targetLabel], from, to)
			}
			if want := map[bool]string{true: "Directed", false: "Undirected"}[r.Directed]; row[typ] != want {
				t.Errorf("row %d: Type %q, want %q", i+1, row[typ], want)
			}
		}
	})
}

func TestCells(t *testing.T) {
	g := exporttest.KB(t)
	n, e := write(t, g, csv.Options{})
	nodes, edges := read(t, n), read(t, e)
	cell := func(rows [][]string, id, col string) string {
		c := slices.Index(rows[0], col)
		idCol := slices.Index(rows[0], "Id")
		for _, r := range rows[1:] {
			if r[idCol] == id {
				return r[c]
			}
		}
		t.Fatalf("no row %s", id)
		return ""
	}
	for _, tc := range []struct {
		name, file, id, col, want string
	}{
		{"formula", "nodes", "li-si", "note", `'=HYPERLINK("x")`},
		{"plus", "nodes", "test-co", "name_en", "'+1"},
		{"minus", "nodes", "test-co", "full_name", "'-1"},
		{"at", "nodes", "test-co", "note", "'@x"},
		{"markup", "nodes", "test-co", "Label", `"测试"公司<b>x</b>&Co`},
		{"list", "nodes", "zhang-san", "aliases", `["西城区副区长张三", "张三, \"老张\""]`},
		{"chinese", "nodes", "xicheng", "full_name", "北京市西城区"},
		{"secondment", "edges", "secondment:zhang-san:baoding", "Timeset", "<[2015-07-01, 2016-07-31]>"},
		{"open end", "edges", "secondment:zhang-san:xiongxian", "Timeset", "<[2016-01-01, Infinity]>"},
		{"year", "edges", "agreement:park:baoding:xicheng", "Timeset", "<[2015-01-01, 2015-12-31]>"},
		{"month", "edges", "visit:baoding:xicheng", "Timeset", "<[2015-08-01, 2015-08-31]>"},
		{"undated", "edges", "post:zhang-san:xicheng", "Timeset", ""},
		{"kind", "edges", "part_of:xiongxian:baoding", "Kind", "part_of"},
		{"agreement type", "edges", "agreement:education:baoding:xicheng", "Type", "Undirected"},
		{"value", "edges", "agreement:health:baoding:xicheng", "value", "'+1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := nodes
			if tc.file == "edges" {
				rows = edges
			}
			if got := cell(rows, tc.id, tc.col); got != tc.want {
				t.Errorf("%s.csv %s %s = %q, want %q", tc.file, tc.id, tc.col, got, tc.want)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	g := exporttest.KB(t)
	n, e := write(t, g, csv.Options{})
	t.Run("nodes", func(t *testing.T) {
		exporttest.WriteErrors(t, len(n), func(w *exporttest.FailingWriter) error {
			return csv.Write(w, io.Discard, g, csv.Options{})
		})
	})
	t.Run("edges", func(t *testing.T) {
		exporttest.WriteErrors(t, len(e), func(w *exporttest.FailingWriter) error {
			err := csv.Write(io.Discard, w, g, csv.Options{})
			if err != nil && !strings.HasPrefix(err.Error(), "edges.csv: ") {
				t.Errorf("error %q does not name edges.csv", err)
			}
			return err
		})
	})
	t.Run("wrapped", func(t *testing.T) {
		err := csv.Write(&exporttest.FailingWriter{}, io.Discard, g, csv.Options{})
		if !errors.Is(err, exporttest.ErrFailed) {
			t.Errorf("got %v, want it to wrap %v", err, exporttest.ErrFailed)
		}
	})
}

func TestLang(t *testing.T) {
	n, _ := write(t, exporttest.KB(t), csv.Options{Lang: "en"})
	if !bytes.Contains(n, []byte("\nzhang-san,Zhang San,")) {
		t.Errorf(`Lang "en" does not label zhang-san "Zhang San":\n%s`, n)
	}
}

// TestFormulaStarts writes cells starting with characters that
// spreadsheets skip or read as =, +, - and @: each gets the apostrophe its
// ASCII form gets; other text keeps its first character.
func TestFormulaStarts(t *testing.T) {
	cases := []struct{ note, want string }{
		{"=1+1", "'=1+1"},
		{"\uFEFF=1+1", "'\uFEFF=1+1"},
		{"\n=1+1", "'\n=1+1"},
		{"\u00A0=1+1", "'\u00A0=1+1"},
		{"\u3000=1+1", "'\u3000=1+1"},
		{"＝1+1", "'＝1+1"},
		{"＋1", "'＋1"},
		{"－1", "'－1"},
		{"＠SUM(A1)", "'＠SUM(A1)"},
		{"１＝１", "１＝１"},
		{"甲＝乙", "甲＝乙"},
		{"\u2003x", "\u2003x"},
		{"x=1", "x=1"},
	}
	var base strings.Builder
	base.WriteString("name: t\nentities:\n")
	for i, c := range cases {
		fmt.Fprintf(&base, "  - {id: e%02d, kind: body, name: %q, note: %q}\n", i, c.note, c.note)
	}
	g, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: "kb.yaml", Data: []byte(base.String())})
	if err != nil {
		t.Fatal(err)
	}
	n, _ := write(t, g, csv.Options{})
	rows := read(t, n)
	label, note := slices.Index(rows[0], "Label"), slices.Index(rows[0], "note")
	for i, c := range cases {
		row := rows[i+1]
		if row[label] != c.want || row[note] != c.want {
			t.Errorf("%q: Label %q, note %q; want %q", c.note, row[label], row[note], c.want)
		}
	}
}
