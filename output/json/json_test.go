package json_test

import (
	"bytes"
	stdjson "encoding/json"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/exporttest"
	"github.com/guazhi/guazhi/output/json"
)

func write(t *testing.T, g *graph.Graph, opt json.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.Write(&b, g, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	g := exporttest.KB(t)
	got := write(t, g, json.Options{})
	if again := write(t, g, json.Options{}); !bytes.Equal(got, again) {
		t.Error("two writes of the same graph differ")
	}
	exporttest.Golden(t, "want.json", got)
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
			out := write(t, g, tc.opt)
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
	for _, tc := range []struct {
		name string
		load func(testing.TB) *graph.Graph
	}{
		{"kb", exporttest.KB},
		{"default", exporttest.Default},
		{"followup", exporttest.Followup},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.load(t)
			exporttest.NetworkX(t, "json", write(t, g, json.Options{}), g)
		})
	}
}

func TestWriteErrors(t *testing.T) {
	g := exporttest.KB(t)
	size := len(write(t, g, json.Options{}))
	exporttest.WriteErrors(t, size, func(w *exporttest.FailingWriter) error {
		return json.Write(w, g, json.Options{})
	})
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
			if err := stdjson.Unmarshal(write(t, g, json.Options{Lang: tc.lang}), &d); err != nil {
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
