package json_test

import (
	"bytes"
	stdjson "encoding/json"
	"io"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/output/internal/exporttest"
	"github.com/guazhi/guazhi/output/json"
)

func TestGolden(t *testing.T) {
	g := exporttest.KB(t)
	exporttest.GoldenWrite(t, "want.json", func(w io.Writer) error { return json.Write(w, g, json.Options{}) })
}

type doc struct {
	Directed   *bool            `json:"directed"`
	Multigraph *bool            `json:"multigraph"`
	Graph      map[string]any   `json:"graph"`
	Nodes      []map[string]any `json:"nodes"`
	Links      []map[string]any `json:"links"`
}

func TestStructure(t *testing.T) {
	for _, tc := range []struct {
		name string
		load func(testing.TB) *graph.Graph
		opt  json.Options
	}{
		{"kb", exporttest.KB, json.Options{}},
		{"kb-compact", exporttest.KB, json.Options{Compact: true}},
		{"default", exporttest.Default, json.Options{}},
		{"followup", exporttest.Followup, json.Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.load(t)
			out := exporttest.WriteWith(t, json.Write, g, tc.opt)
			if tc.opt.Compact && bytes.Count(out, []byte("\n")) != 1 {
				t.Error("compact output spans several lines")
			}
			var d doc
			if err := stdjson.Unmarshal(out, &d); err != nil {
				t.Fatal(err)
			}
			if d.Directed == nil || !*d.Directed || d.Multigraph == nil || !*d.Multigraph || d.Graph["name"] != g.Name {
				t.Errorf("directed %v multigraph %v graph %v", d.Directed, d.Multigraph, d.Graph)
			}
			if len(d.Nodes) != len(g.Entities) || len(d.Links) != len(g.Relations) {
				t.Fatalf("%d nodes and %d links, want %d and %d", len(d.Nodes), len(d.Links), len(g.Entities), len(g.Relations))
			}
			keys := map[any]bool{}
			for i, l := range d.Links {
				r := g.Relations[i]
				if keys[l["key"]] {
					t.Errorf("link key %v is not unique", l["key"])
				}
				keys[l["key"]] = true
				if l["source"] != r.From || l["target"] != r.To || l["kind"] != r.Kind || l["directed"] != r.Directed || l["label"] == "" {
					t.Errorf("link %d: %v, want %s %s→%s directed %v", i, l, r.Kind, r.From, r.To, r.Directed)
				}
			}
		})
	}
}

func TestNetworkX(t *testing.T) {
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		exporttest.NetworkX(t, "json", exporttest.WriteWith(t, json.Write, g, json.Options{}), g)
	})
}

func TestWriteErrors(t *testing.T) {
	exporttest.WriteErrorsWith(t, json.Write, exporttest.KB(t), json.Options{})
}

func TestLang(t *testing.T) {
	g := exporttest.KB(t)
	for _, tc := range []struct{ lang, want string }{
		{"", "张三"},
		{"zh", "张三"},
		{"en", "Zhang San"},
		{"both", "张三\nZhang San"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			var d doc
			if err := stdjson.Unmarshal(exporttest.WriteWith(t, json.Write, g, json.Options{Lang: tc.lang}), &d); err != nil {
				t.Fatal(err)
			}
			for _, n := range d.Nodes {
				if n["id"] == "zhang-san" && n["label"] != tc.want {
					t.Errorf("label %q, want %q", n["label"], tc.want)
				}
			}
		})
	}
}

// BenchmarkWrite writes synthetic graphs of 1k, 10k and 100k officials
// (about 4 relations each; -short skips 100k) to io.Discard.
func BenchmarkWrite(b *testing.B) { gentest.WriteWith(b, json.Write, json.Options{}) }
