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

// TestControlCharacters renders, many times in one process, text with
// ASCII control characters in node and edge labels, as FuzzWrite found:
// Graphviz warns that it has no width for them, and go-graphviz's
// WebAssembly build mishandles the warnings: after some forty renders in one
// process its heap was corrupt, every later render failed ("wasm error: out
// of bounds memory access"), and its parser could return no graph, which
// guazhi did not check (a nil-pointer panic).
func TestControlCharacters(t *testing.T) {
	for _, c := range []string{"\x7f", "0\t", "a\x7fb"} {
		g, err := outcheck.Graph("0", c, "0"+c)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 60 {
			var out bytes.Buffer
			if err := svg.Write(&out, g, svg.Options{}); err != nil {
				t.Fatalf("%q, render %d: %v", c, i, err)
			}
		}
	}
}
