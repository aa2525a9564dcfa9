package csv_test

import (
	"bytes"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/internal/outcheck"
	"github.com/guazhi/guazhi/output/csv"
	"github.com/guazhi/guazhi/output/internal/exporttest"
)

// compare requires Write to write what the reference implementation, which
// collects all rows before writing them, writes.
func compare(t *testing.T, g *graph.Graph, opt csv.Options) {
	t.Helper()
	var n, e, wn, we bytes.Buffer
	if err := csv.Write(&n, &e, g, opt); err != nil {
		t.Fatal(err)
	}
	if err := csv.RefWrite(&wn, &we, g, opt); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name      string
		got, want []byte
	}{{"nodes.csv", n.Bytes(), wn.Bytes()}, {"edges.csv", e.Bytes(), we.Bytes()}} {
		if !bytes.Equal(f.got, f.want) {
			g, w := f.got, f.want
			i := 0
			for i < min(len(g), len(w)) && g[i] == w[i] {
				i++
			}
			t.Errorf("%+v: %s differs from the reference at byte %d of %d (want %d):\ngot  %q\nwant %q",
				opt, f.name, i, len(g), len(w), g[max(0, i-40):min(len(g), i+40)], w[max(0, i-40):min(len(w), i+40)])
		}
	}
}

var options = []csv.Options{{}, {NoBOM: true, Lang: "en"}, {Lang: "both"}}

func TestReference(t *testing.T) {
	for _, tc := range []struct {
		name string
		load func(testing.TB) *graph.Graph
	}{
		{"kb", exporttest.KB},
		{"default", exporttest.Default},
		// Large enough to be written in parallel chunks.
		{"synth-1k", func(tb testing.TB) *graph.Graph { return gentest.Graph(tb, 1000) }},
		{"empty", func(testing.TB) *graph.Graph { return &graph.Graph{} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.load(t)
			for _, opt := range options {
				compare(t, g, opt)
			}
		})
	}
}

// FuzzReference writes fuzzed knowledge bases (see FuzzWrite) and compares
// the output with the reference implementation's.
func FuzzReference(f *testing.F) {
	outcheck.AddSeeds(f)
	f.Fuzz(func(t *testing.T, a, b, c string) {
		g, err := outcheck.Graph(a, b, c)
		if err != nil {
			return
		}
		for _, opt := range options {
			compare(t, g, opt)
		}
	})
}
