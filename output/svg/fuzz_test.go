package svg_test

import (
	"bytes"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/outcheck"
	"github.com/guazhi/guazhi/output/svg"
)

// FuzzWrite renders knowledge bases with fuzzed names, titles and quotes
// through Graphviz: the SVG must be one well-formed XML document.
func FuzzWrite(f *testing.F) {
	outcheck.Fuzz(f, func(t *testing.T, g *graph.Graph) {
		var out bytes.Buffer
		if err := svg.Write(&out, g, svg.Options{}); err != nil {
			t.Fatal(err)
		}
		if _, err := outcheck.XML(out.Bytes()); err != nil {
			t.Fatalf("%v\n%s", err, out.Bytes())
		}
	})
}
