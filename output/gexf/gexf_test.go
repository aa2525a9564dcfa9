package gexf_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/internal/tooltest"
	"github.com/guazhi/guazhi/output/gexf"
	"github.com/guazhi/guazhi/output/internal/exporttest"
)

func TestGolden(t *testing.T) {
	g := exporttest.KB(t)
	exporttest.GoldenWrite(t, "want.gexf", func(w io.Writer) error { return gexf.Write(w, g, gexf.Options{}) })
	exporttest.GoldenWrite(t, "want-alldirected.gexf", func(w io.Writer) error { return gexf.Write(w, g, gexf.Options{AllDirected: true}) })
}

// doc is what the structural checks read back.
type doc struct {
	Graph struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID   string `xml:"id,attr"`
				Type string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID    string `xml:"id,attr"`
			Label string `xml:"label,attr"`
			Color struct {
				A string `xml:"a,attr"`
			} `xml:"http://gexf.net/1.3/viz color"`
			Values []struct {
				For string `xml:"for,attr"`
			} `xml:"attvalues>attvalue"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Type   string `xml:"type,attr"`
			Label  string `xml:"label,attr"`
			Kind   string `xml:"kind,attr"`
			Spells []struct {
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"spells>spell"`
			Values []struct {
				For string `xml:"for,attr"`
			} `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

func TestStructure(t *testing.T) {
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		out := exporttest.WriteWith(t, gexf.Write, g, gexf.Options{})
		if !bytes.HasPrefix(out, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n<gexf ")) {
			t.Errorf("output does not start with the XML declaration and <gexf: %.80q", out)
		}
		if bytes.Contains(out, []byte("schemaLocation")) {
			t.Error("output carries xsi:schemaLocation, which the RELAX NG schema rejects")
		}
		var d doc
		if err := xml.Unmarshal(out, &d); err != nil {
			t.Fatal(err)
		}
		if d.Graph.Mode != "dynamic" || d.Graph.TimeFormat != "date" {
			t.Errorf("mode=%q timeformat=%q, want dynamic and date", d.Graph.Mode, d.Graph.TimeFormat)
		}
		declared := map[string]bool{}
		for _, a := range d.Graph.Attributes {
			for _, at := range a.Attrs {
				declared[a.Class+"/"+at.ID] = true
			}
		}
		for _, key := range []string{"kind", "jurisdiction", "full_name", "name_en", "aliases", "parent"} {
			if !declared["node/"+key] {
				t.Errorf("node attribute %s is not declared", key)
			}
		}
		for _, key := range []string{"kind", "post", "from_body", "from_post", "agreement", "title", "status", "date",
			"value", "venue", "officials", "sources", "quotes", "evidence", "start", "end"} {
			if !declared["edge/"+key] {
				t.Errorf("edge attribute %s is not declared", key)
			}
		}
		if len(d.Graph.Nodes) != len(g.Entities) {
			t.Errorf("%d nodes, want %d", len(d.Graph.Nodes), len(g.Entities))
		}
		for _, n := range d.Graph.Nodes {
			if n.Label == "" {
				t.Errorf("node %s has no label", n.ID)
			}
			if n.Color.A != "" {
				t.Errorf("node %s has a colour with alpha", n.ID)
			}
			for _, v := range n.Values {
				if !declared["node/"+v.For] {
					t.Errorf("node %s has a value for undeclared %s", n.ID, v.For)
				}
			}
		}
		if len(d.Graph.Edges) != len(g.Relations) {
			t.Fatalf("%d edges, want %d (one per relation)", len(d.Graph.Edges), len(g.Relations))
		}
		ids := map[string]bool{}
		for i, e := range d.Graph.Edges {
			r := g.Relations[i]
			if ids[e.ID] {
				t.Errorf("edge id %s is not unique", e.ID)
			}
			ids[e.ID] = true
			if e.Label == "" || e.Kind != r.Kind || e.Source != r.From || e.Target != r.To {
				t.Errorf("edge %s: label %q kind %q %s→%s, want a label and %s %s→%s", e.ID, e.Label, e.Kind, e.Source, e.Target, r.Kind, r.From, r.To)
			}
			if want := map[bool]string{true: "", false: "undirected"}[r.Directed]; e.Type != want {
				t.Errorf("edge %s: type %q, want %q", e.ID, e.Type, want)
			}
			for _, v := range e.Values {
				if !declared["edge/"+v.For] {
					t.Errorf("edge %s has a value for undeclared %s", e.ID, v.For)
				}
			}
			_, _, dated := r.Interval()
			if dated != (len(e.Spells) == 1) {
				t.Errorf("edge %s: %d spells for a relation dated %v", e.ID, len(e.Spells), dated)
			}
			for _, s := range e.Spells {
				for _, day := range []string{s.Start, s.End} {
					if day != "" && len(day) != len("2015-07-01") {
						t.Errorf("edge %s: spell date %q is not YYYY-MM-DD", e.ID, day)
					}
				}
			}
		}
	})
}

func TestSpells(t *testing.T) {
	g := exporttest.KB(t)
	var d doc
	if err := xml.Unmarshal(exporttest.WriteWith(t, gexf.Write, g, gexf.Options{}), &d); err != nil {
		t.Fatal(err)
	}
	spells := map[string]string{}
	for _, e := range d.Graph.Edges {
		for _, s := range e.Spells {
			spells[e.ID] = s.Start + "/" + s.End
		}
	}
	for _, tc := range []struct{ edge, want string }{
		{"secondment:zhang-san:baoding", "2015-07-01/2016-07-31"},
		{"secondment:zhang-san:xiongxian", "2016-01-01/"},
		{"agreement:health:baoding:xicheng", "2015-10-12/2015-10-12"},
		{"agreement:park:baoding:xicheng", "2015-01-01/2015-12-31"},
		{"visit:baoding:xicheng", "2015-08-01/2015-08-31"},
		{"post:zhang-san:xicheng", ""},
		{"part_of:xiongxian:baoding", ""},
	} {
		t.Run(tc.edge, func(t *testing.T) {
			if got := spells[tc.edge]; got != tc.want {
				t.Errorf("spell %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSchemas(t *testing.T) {
	xsd := exporttest.Schema(t, "gexf-1.3/gexf.xsd")
	rng := exporttest.Schema(t, "gexf-1.3/gexf.rng")
	for _, tc := range []struct {
		name string
		load func(testing.TB) *graph.Graph
		opt  gexf.Options
	}{
		{"kb", exporttest.KB, gexf.Options{}},
		{"kb-alldirected", exporttest.KB, gexf.Options{AllDirected: true}},
		{"default", exporttest.Default, gexf.Options{}},
		{"followup", exporttest.Followup, gexf.Options{}},
		{"kb-positions", exporttest.KB, gexf.Options{Positions: exporttest.Positions(exporttest.KB(t))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := exporttest.WriteWith(t, gexf.Write, tc.load(t), tc.opt)
			exporttest.Xmllint(t, out, "--schema", xsd)
			exporttest.Xmllint(t, out, "--relaxng", rng)
		})
	}
}

func TestNetworkX(t *testing.T) {
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		// NetworkX rejects mixed graphs, hence AllDirected.
		exporttest.NetworkX(t, "gexf", exporttest.WriteWith(t, gexf.Write, g, gexf.Options{AllDirected: true}), g)
	})
}

func TestGraphology(t *testing.T) {
	node := tooltest.Look(t, "node")
	script := filepath.Join(exporttest.Root(t), "conform", "graphology", "check.js")
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules", "graphology-gexf")); err != nil {
		tooltest.Missing(t, "conform/graphology/node_modules (npm ci --prefix conform/graphology)")
	}
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		f := filepath.Join(t.TempDir(), "graph.gexf")
		if err := os.WriteFile(f, exporttest.WriteWith(t, gexf.Write, g, gexf.Options{}), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(node, script, f)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("graphology-gexf cannot parse the GEXF: %v\n%s", err, stderr.String())
		}
		var got struct {
			exporttest.View
			Type      string `json:"type"`
			NodeCount int    `json:"nodeCount"`
			EdgeCount int    `json:"edgeCount"`
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if got.NodeCount != len(g.Entities) || got.EdgeCount != len(g.Relations) {
			t.Errorf("graphology finds %d nodes and %d edges, want %d and %d", got.NodeCount, got.EdgeCount, len(g.Entities), len(g.Relations))
		}
		if g.Name == exporttest.KB(t).Name {
			// Gephi Lite filters years on numbers: graphology must read them so.
			var years struct {
				Edges map[string]struct{ Years []any }
			}
			json.Unmarshal(out, &years)
			for edge, want := range map[string]string{
				"secondment:zhang-san:baoding":   "[2015 2016]",
				"secondment:zhang-san:xiongxian": "[2016 <nil>]",
				"post:zhang-san:xicheng":         "[<nil> <nil>]",
			} {
				y := years.Edges[edge].Years
				if got := fmt.Sprint(y); got != want {
					t.Errorf("%s: years %s, want %s", edge, got, want)
				}
				for _, v := range y {
					if _, isNumber := v.(float64); v != nil && !isNumber {
						t.Errorf("%s: year %v is a %T, not a number", edge, v, v)
					}
				}
			}
		}
		if got.Type != "mixed" {
			t.Errorf("graphology reads a %s graph, want mixed (agreements undirected)", got.Type)
		}
		exporttest.Compare(t, "graphology", got.View, exporttest.Model(g))
	})
}

func TestWriteErrors(t *testing.T) {
	exporttest.WriteErrorsWith(t, gexf.Write, exporttest.KB(t), gexf.Options{})
}

func TestLang(t *testing.T) {
	g := exporttest.KB(t)
	out := exporttest.WriteWith(t, gexf.Write, g, gexf.Options{Lang: "en"})
	if !bytes.Contains(out, []byte(`<node id="zhang-san" label="Zhang San">`)) {
		t.Error(`Lang "en" does not label zhang-san "Zhang San"`)
	}
	exporttest.Xmllint(t, exporttest.WriteWith(t, gexf.Write, g, gexf.Options{Lang: "both"}), "--relaxng", exporttest.Schema(t, "gexf-1.3/gexf.rng"))
}

// BenchmarkWrite writes synthetic graphs of 1k, 10k and 100k officials
// (about 4 relations each; -short skips 100k) to io.Discard.
func BenchmarkWrite(b *testing.B) { gentest.WriteWith(b, gexf.Write, gexf.Options{}) }

// TestPositions checks that a node with a position gets a viz:position with
// its coordinates, and one without none.
func TestPositions(t *testing.T) {
	g := exporttest.KB(t)
	pos := exporttest.Positions(g)
	out := string(exporttest.WriteWith(t, gexf.Write, g, gexf.Options{Positions: pos}))
	if n := strings.Count(out, "<viz:position "); n != len(pos) {
		t.Errorf("%d viz:position elements, want %d", n, len(pos))
	}
	first := g.Entities[0].ID
	if want := `<viz:position x="-100" y="0.25"></viz:position>`; !strings.Contains(out, want) {
		t.Errorf("no %s for %s", want, first)
	}
	if strings.Contains(string(exporttest.WriteWith(t, gexf.Write, g, gexf.Options{})), "viz:position") {
		t.Error("positions written without Positions")
	}
}
