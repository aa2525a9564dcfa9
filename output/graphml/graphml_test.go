package graphml_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/output/graphml"
	"github.com/guazhi/guazhi/output/internal/exporttest"
)

func TestGolden(t *testing.T) {
	g := exporttest.KB(t)
	exporttest.GoldenWrite(t, "want.graphml", func(w io.Writer) error { return graphml.Write(w, g, graphml.Options{}) })
	exporttest.GoldenWrite(t, "want-alldirected.graphml", func(w io.Writer) error { return graphml.Write(w, g, graphml.Options{AllDirected: true}) })
}

type doc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Nodes []struct {
		ID   string  `xml:"id,attr"`
		Data []datum `xml:"data"`
	} `xml:"graph>node"`
	Edges []struct {
		ID       string  `xml:"id,attr"`
		Directed string  `xml:"directed,attr"`
		Source   string  `xml:"source,attr"`
		Target   string  `xml:"target,attr"`
		Data     []datum `xml:"data"`
	} `xml:"graph>edge"`
}

type datum struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func get(ds []datum, key string) string {
	for _, d := range ds {
		if d.Key == key {
			return d.Value
		}
	}
	return ""
}

func TestStructure(t *testing.T) {
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		var d doc
		if err := xml.Unmarshal(exporttest.WriteWith(t, graphml.Write, g, graphml.Options{}), &d); err != nil {
			t.Fatal(err)
		}
		keys := map[string]string{} // for/attr.name → id
		for _, k := range d.Keys {
			if (k.For != "node" && k.For != "edge") || k.Type == "" || k.Name == "" {
				t.Errorf("key %s: for=%q attr.name=%q attr.type=%q", k.ID, k.For, k.Name, k.Type)
			}
			keys[k.For+"/"+k.Name] = k.ID
		}
		if keys["node/label"] == "" || keys["edge/label"] == "" {
			t.Errorf("no label keys for nodes and edges")
		}
		for _, a := range graph.NodeAttrs() {
			if keys["node/"+a.Key] == "" {
				t.Errorf("node attribute %s not declared", a.Key)
			}
		}
		for _, a := range graph.EdgeAttrs() {
			if keys["edge/"+a.Key] == "" {
				t.Errorf("edge attribute %s not declared", a.Key)
			}
		}
		if len(d.Nodes) != len(g.Entities) || len(d.Edges) != len(g.Relations) {
			t.Fatalf("%d nodes and %d edges, want %d and %d", len(d.Nodes), len(d.Edges), len(g.Entities), len(g.Relations))
		}
		for i, n := range d.Nodes {
			if want := g.Entities[i].Name; get(n.Data, keys["node/label"]) != want {
				t.Errorf("node %s label %q, want %q", n.ID, get(n.Data, keys["node/label"]), want)
			}
		}
		ids := map[string]bool{}
		for i, e := range d.Edges {
			r := g.Relations[i]
			if ids[e.ID] {
				t.Errorf("edge id %s is not unique", e.ID)
			}
			ids[e.ID] = true
			if get(e.Data, keys["edge/label"]) != r.Label() || get(e.Data, keys["edge/kind"]) != r.Kind || e.Source != r.From || e.Target != r.To {
				t.Errorf("edge %s: %+v, want %s %s→%s labelled %q", e.ID, e, r.Kind, r.From, r.To, r.Label())
			}
			if want := map[bool]string{true: "", false: "false"}[r.Directed]; e.Directed != want {
				t.Errorf("edge %s: directed=%q, want %q", e.ID, e.Directed, want)
			}
		}
	})
}

func TestSchema(t *testing.T) {
	xsd := exporttest.Schema(t, "graphml/graphml.xsd")
	for _, tc := range []struct {
		name string
		load func(testing.TB) *graph.Graph
		opt  graphml.Options
	}{
		{"kb", exporttest.KB, graphml.Options{}},
		{"kb-alldirected", exporttest.KB, graphml.Options{AllDirected: true}},
		{"default", exporttest.Default, graphml.Options{}},
		{"followup", exporttest.Followup, graphml.Options{}},
		{"kb-positions", exporttest.KB, graphml.Options{Positions: exporttest.Positions(exporttest.KB(t))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exporttest.Xmllint(t, exporttest.WriteWith(t, graphml.Write, tc.load(t), tc.opt), "--schema", xsd)
		})
	}
}

func TestNetworkX(t *testing.T) {
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		// NetworkX rejects mixed graphs, hence AllDirected.
		exporttest.NetworkX(t, "graphml", exporttest.WriteWith(t, graphml.Write, g, graphml.Options{AllDirected: true}), g)
	})
}

func TestWriteErrors(t *testing.T) {
	exporttest.WriteErrorsWith(t, graphml.Write, exporttest.KB(t), graphml.Options{})
}

func TestLang(t *testing.T) {
	out := exporttest.WriteWith(t, graphml.Write, exporttest.KB(t), graphml.Options{Lang: "en"})
	if !bytes.Contains(out, []byte(`<node id="zhang-san">`+"\n      "+`<data key="label">Zhang San</data>`)) {
		t.Error(`Lang "en" does not label zhang-san "Zhang San"`)
	}
}

// BenchmarkWrite writes synthetic graphs of 1k, 10k and 100k officials
// (about 4 relations each; -short skips 100k) to io.Discard.
func BenchmarkWrite(b *testing.B) { gentest.WriteWith(b, graphml.Write, graphml.Options{}) }

// TestPositions checks that positions are the data of the keys x and y,
// declared only when there are positions.
func TestPositions(t *testing.T) {
	g := exporttest.KB(t)
	pos := exporttest.Positions(g)
	out := string(exporttest.WriteWith(t, graphml.Write, g, graphml.Options{Positions: pos}))
	for _, want := range []string{
		`<key id="x" for="node" attr.name="x" attr.type="double"></key>`,
		`<key id="y" for="node" attr.name="y" attr.type="double"></key>`,
		`<data key="x">-100</data>`,
		`<data key="y">0.25</data>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s", want)
		}
	}
	if n := strings.Count(out, `<data key="x">`); n != len(pos) {
		t.Errorf("%d x positions, want %d", n, len(pos))
	}
	if strings.Contains(string(exporttest.WriteWith(t, graphml.Write, g, graphml.Options{})), `key="x"`) {
		t.Error("positions written without Positions")
	}
}

// TestColours checks that every node carries the palette's colour in the
// keys r, g and b, as the GEXF does in viz:color.
func TestColours(t *testing.T) {
	g := exporttest.Default(t)
	out := string(exporttest.WriteWith(t, graphml.Write, g, graphml.Options{}))
	for _, c := range []string{"r", "g", "b"} {
		if want := `<key id="` + c + `" for="node" attr.name="` + c + `" attr.type="int"></key>`; !strings.Contains(out, want) {
			t.Errorf("no %s", want)
		}
		if n := strings.Count(out, `<data key="`+c+`">`); n != len(g.Entities) {
			t.Errorf("%d nodes with %s, want %d", n, c, len(g.Entities))
		}
	}
	// 北京市经信委 is a Beijing body: the Beijing hue.
	i := strings.Index(out, `<node id="beijing-jxw">`)
	j := strings.Index(out[i:], "</node>")
	for _, want := range []string{`<data key="r">36</data>`, `<data key="g">113</data>`, `<data key="b">163</data>`} {
		if !strings.Contains(out[i:i+j], want) {
			t.Errorf("beijing-jxw has no %s", want)
		}
	}
}
