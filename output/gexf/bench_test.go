package gexf_test

import (
	"io"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/output/gexf"
)

// BenchmarkWrite writes synthetic graphs of 1k, 10k and 100k officials
// (about 4 relations each; -short skips 100k) to io.Discard.
func BenchmarkWrite(b *testing.B) {
	gentest.Write(b, func(w io.Writer, g *graph.Graph) error { return gexf.Write(w, g, gexf.Options{}) })
}
