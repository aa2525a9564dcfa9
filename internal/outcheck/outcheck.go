// Package outcheck checks guazhi's outputs with a real parser of each format
// (go-graphviz for DOT, encoding/xml, encoding/json, encoding/csv), for the
// fuzz and hostile-text tests.
package outcheck

import (
	"bytes"
	stdcsv "encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/goccy/go-graphviz"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/wasmcache"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/csv"
	"github.com/guazhi/guazhi/output/dot"
	"github.com/guazhi/guazhi/output/ftm"
	"github.com/guazhi/guazhi/output/gexf"
	"github.com/guazhi/guazhi/output/graphml"
	gjson "github.com/guazhi/guazhi/output/json"
)

// Hostile is text pasted from the web that must reach every output as text:
// DOT syntax, XML and HTML markup, spreadsheet formulas, bidirectional
// overrides, zero-width characters and byte-order marks.
var Hostile = []string{
	`"]; a -> b [`, `}`, `\`, `\"`, `a\nb`, `subgraph x { y }`, `<<b>html</b>>`, `//`, `/*`,
	`<script>alert(1)</script>`, `" onload="alert(1)`, `' onmouseover='alert(1)`, `&amp;`, `&lt;`, `&#0;`, `]]>`, `<![CDATA[x]]>`, `<!--`, `<?xml version="1.0"?>`,
	`=HYPERLINK("http://x","y")`, `+1`, `-1`, `@SUM(A1)`, "\t=1", "\r=1", `=1+2;cmd|' /C calc'!A0`,
	"\uFEFF=1", "\u00A0=1", "\u3000=1", "\n=1", "＝1+1", "＋1", "－1", "＠SUM(A1)",
	"\u202Eevil\u202C", "a\u200Bb", "a\u200Dz", "\uFEFFbom", "\u2066iso\u2069", "line\u2028sep",
	"名字\"引号\"", "新行\n第二行", "  spaces  ",
}

// yamlQuote writes s as a YAML double-quoted scalar: Go's escapes are a
// subset of YAML's.
func yamlQuote(s string) string { return strconv.Quote(s) }

// Graph loads a knowledge base in which a, b and c stand for names,
// titles, posts, roles, values and quotes, each in several places. Text the
// loader refuses gives an error, not a graph.
func Graph(a, b, c string) (*graph.Graph, error) {
	a, b, c = strings.ToValidUTF8(a, "?"), strings.ToValidUTF8(b, "?"), strings.ToValidUTF8(c, "?")
	qa, qb, qc := yamlQuote(a), yamlQuote(b), yamlQuote(c)
	template := fmt.Sprintf(`name: outcheck-template
title: %[1]s
sources:
  - {id: s, title: %[2]s, publisher: %[3]s, file: s.txt, url: %[1]s}
entities:
  - {id: x, kind: official, name: %[1]s, name_en: %[2]s, aliases: [%[2]s, %[3]s], note: %[3]s}
  - {id: y, kind: body, name: %[2]s, full_name: %[3]s, jurisdiction: beijing}
  - {id: z, kind: company, name: %[3]s, jurisdiction: hebei, parent: y}
secondments:
  - official: x
    from: {body: z, post: %[3]s}
    to: {body: y, post: %[1]s}
    start: 2015-07
    note: %[2]s
    evidence: [{source: s, quote: %[1]s, note: %[2]s}]
agreements:
  - {id: g, title: %[1]s, status: signed, date: 2015-10, value: %[2]s, venue: %[3]s, parties: [y, z],
     officials: [{official: x, role: %[2]s}], evidence: [{source: s, quote: %[2]s}]}
links:
  - {kind: meeting, from: z, to: y, title: %[3]s, venue: %[1]s, officials: [x], evidence: [{source: s, quote: %[3]s}]}
`, qa, qb, qc)
	fs := fstest.MapFS{"s.txt": {Data: []byte(a + "\n" + b + "\n" + c)}}
	return kb.Parse(fs, kb.Input{Name: "kb.yaml", Data: []byte(template)})
}

// init runs after go-graphviz's, which cached its compiled code where
// wasmcache pointed it: TMPDIR goes back to what it was.
func init() { wasmcache.Restore() }

// mu serialises go-graphviz, which runs one WebAssembly module per process.
var mu sync.Mutex

// DOT parses DOT text with go-graphviz's parser and returns its node names
// and its number of edges.
func DOT(data []byte) (nodes []string, edges int, err error) {
	mu.Lock()
	defer mu.Unlock()
	g, err := graphviz.ParseBytes(data)
	if err != nil {
		return nil, 0, fmt.Errorf("go-graphviz cannot parse the DOT: %v", err)
	}
	defer g.Close()
	n, err := g.FirstNode()
	for ; err == nil && n != nil; n, err = g.NextNode(n) {
		name, err := n.Name()
		if err != nil {
			return nil, 0, err
		}
		nodes = append(nodes, name)
		e, err := g.FirstOut(n)
		for ; err == nil && e != nil; e, err = g.NextOut(e) {
			edges++
		}
		if err != nil {
			return nil, 0, err
		}
	}
	slices.Sort(nodes)
	return nodes, edges, err
}

// XML parses an XML document with encoding/xml and returns every attribute
// value and every run of character data in it.
func XML(data []byte) (map[string]bool, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	texts := map[string]bool{}
	var text strings.Builder
	root := 0
	for depth := 0; ; {
		tok, err := d.Token()
		if err == io.EOF {
			if root != 1 || depth != 0 {
				return nil, fmt.Errorf("%d root elements, depth %d at the end", root, depth)
			}
			return texts, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				root++
			}
			depth++
			for _, a := range tok.Attr {
				texts[a.Value] = true
			}
			texts[text.String()] = true
			text.Reset()
		case xml.EndElement:
			depth--
			texts[text.String()] = true
			text.Reset()
		case xml.CharData:
			text.Write(tok)
		}
	}
}

// JSON parses a JSON document and returns every string in it.
func JSON(data []byte) (map[string]bool, error) {
	var v any
	d := json.NewDecoder(bytes.NewReader(data))
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("text after the JSON value")
	}
	texts := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			texts[v] = true
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for k, x := range v {
				texts[k] = true
				walk(x)
			}
		}
	}
	walk(v)
	return texts, nil
}

// JSONLines parses a file of one JSON object a line, as FollowTheMoney
// writes entities, and returns every string in it.
func JSONLines(data []byte) (map[string]bool, error) {
	texts := map[string]bool{}
	for i, l := range bytes.SplitAfter(data, []byte("\n")) {
		if len(l) == 0 {
			break
		}
		if l[len(l)-1] != '\n' {
			return nil, fmt.Errorf("line %d does not end in a newline", i+1)
		}
		var obj map[string]any
		if err := json.Unmarshal(l, &obj); err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		t, err := JSON(l)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		maps.Copy(texts, t)
	}
	return texts, nil
}

// CSV parses a CSV file (after its byte-order mark) with encoding/csv, and
// fails when a cell would run as a spreadsheet formula: it starts with =,
// +, -, @, a tab, a carriage return or a line feed, or with what a
// spreadsheet skips or reads as one of those (a byte-order mark, a no-break
// or ideographic space, a full-width ＝, ＋, －, ＠), as output/csv
// promises.
func CSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	r := stdcsv.NewReader(bytes.NewReader(data))
	rows, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	for i, row := range rows {
		for j, cell := range row {
			if r, _ := utf8.DecodeRuneInString(cell); cell != "" && strings.ContainsRune("=+-@\t\r\n\uFEFF\u00A0\u3000＝＋－＠", r) {
				return nil, fmt.Errorf("row %d column %d starts a formula: %q", i+1, j+1, cell)
			}
		}
	}
	return rows, nil
}

// structure parses the DOT of g without its legend, and returns its
// nodes and its number of edges.
func structure(g *graph.Graph) ([]string, int, error) {
	var b bytes.Buffer
	if err := dot.Write(&b, g, dot.Options{NoLegend: true, Isolated: true}); err != nil {
		return nil, 0, err
	}
	nodes, edges, err := DOT(b.Bytes())
	if err != nil {
		return nil, 0, fmt.Errorf("%v\n%s", err, b.Bytes())
	}
	return nodes, edges, nil
}

// templateName names the template's graph.
const templateName = "outcheck-template"

// templateEdges is the number of edges in the DOT of the template with
// plain text (hidden ordering edges included), which any text put in the
// template must leave as it is.
var templateEdges = sync.OnceValues(func() (int, error) {
	g, err := Graph("甲", "乙", "丙")
	if err != nil {
		return 0, err
	}
	_, n, err := structure(g)
	return n, err
})

// Outputs renders g in every text format; names are file names.
func Outputs(g *graph.Graph) (map[string][]byte, error) {
	out := map[string][]byte{}
	var b [7]bytes.Buffer
	errs := []error{
		dot.Write(&b[0], g, dot.Options{Isolated: true}),
		gexf.Write(&b[1], g, gexf.Options{}),
		graphml.Write(&b[2], g, graphml.Options{}),
		csv.Write(&b[3], &b[4], g, csv.Options{}),
		gjson.Write(&b[5], g, gjson.Options{}),
		ftm.Write(&b[6], g, ftm.Options{}),
	}
	for i, name := range []string{"g.dot", "g.gexf", "g.graphml", "g.nodes.csv", "g.edges.csv", "g.json", "g.ftm.json"} {
		out[name] = b[i].Bytes()
	}
	return out, errors.Join(errs...)
}

// Check renders g in every text format and checks each with its parser:
// the DOT (isolated entities drawn) has exactly the entities and events as nodes (no label made a node) and, for
// the template of Graph, the edges that plain text gives (no label made an
// edge); the XML and JSON carry every entity's
// name and every relation's label verbatim; the FollowTheMoney JSON Lines
// carry every entity's name verbatim (up to the 384 characters the model
// allows a name); CSV has no formula and one row per
// entity and relation.
func Check(t testing.TB, g *graph.Graph) {
	t.Helper()
	out, err := Outputs(g)
	if err != nil {
		t.Fatal(err)
	}
	nodes, edges, err := structure(g)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range g.Entities {
		ids = append(ids, e.ID)
	}
	// Links that officials took part in are drawn through nodes of their
	// own ("event:N", an id no entity can have).
	ids = append(ids, dot.EventIDs(g)...)
	slices.Sort(ids)
	slices.Sort(nodes)
	if !slices.Equal(nodes, ids) {
		t.Errorf("the DOT has nodes %q, want %q", nodes, ids)
	}
	if g.Name == templateName {
		want, err := templateEdges()
		if err != nil {
			t.Fatal(err)
		}
		if edges != want {
			t.Errorf("the DOT has %d edges, want %d", edges, want)
		}
	}
	if _, _, err := DOT(out["g.dot"]); err != nil {
		t.Errorf("%v\n%s", err, out["g.dot"])
	}
	var texts []string
	for _, e := range g.Entities {
		texts = append(texts, e.Name)
	}
	for _, r := range g.Relations {
		texts = append(texts, r.Label())
	}
	for _, f := range []string{"g.gexf", "g.graphml", "g.json"} {
		parse := XML
		if f == "g.json" {
			parse = JSON
		}
		got, err := parse(out[f])
		if err != nil {
			t.Errorf("%s: %v\n%s", f, err, out[f])
			continue
		}
		for _, w := range texts {
			if !got[w] {
				t.Errorf("%s does not carry %q verbatim", f, w)
			}
		}
	}
	if got, err := JSONLines(out["g.ftm.json"]); err != nil {
		t.Errorf("g.ftm.json: %v\n%s", err, out["g.ftm.json"])
	} else {
		for _, e := range g.Entities {
			if utf8.RuneCountInString(e.Name) <= 384 && !got[e.Name] {
				t.Errorf("g.ftm.json does not carry the name %q verbatim", e.Name)
			}
		}
	}
	for f, n := range map[string]int{"g.nodes.csv": len(g.Entities), "g.edges.csv": len(g.Relations)} {
		rows, err := CSV(out[f])
		if err != nil {
			t.Errorf("%s: %v\n%s", f, err, out[f])
		} else if len(rows) != n+1 {
			t.Errorf("%s has %d rows, want %d", f, len(rows), n+1)
		}
	}
}

// Fuzz seeds f with the hostile texts and runs check on the graph of each
// three fuzzed strings (see Graph). Text the loader refuses is skipped:
// graph's FuzzLoad covers that.
func Fuzz(f *testing.F, check func(t *testing.T, g *graph.Graph)) {
	n := len(Hostile)
	for i, h := range Hostile {
		f.Add(h, Hostile[(i+1)%n], Hostile[(i+7)%n]+"丙")
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		if g, err := Graph(a, b, c); err == nil {
			check(t, g)
		}
	})
}
