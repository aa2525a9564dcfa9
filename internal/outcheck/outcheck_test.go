package outcheck_test

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/internal/outcheck"
)

// TestHostile puts every hostile text in every place of the template and
// checks every format.
func TestHostile(t *testing.T) {
	for i, h := range outcheck.Hostile {
		t.Run(h, func(t *testing.T) {
			g, err := outcheck.Graph(h, "乙"+h, h+"丙"+outcheck.Hostile[(i+1)%len(outcheck.Hostile)])
			if err != nil {
				t.Fatal(err)
			}
			outcheck.Check(t, g)
		})
	}
}

// FuzzWrite puts fuzzed text in the names, titles, posts, roles and quotes
// of a knowledge base and checks the output of every writer with its
// format's parser: no text may add a node or an edge to the DOT, break the
// XML, JSON or CSV, or run as a spreadsheet formula. (output/svg fuzzes the
// rendering through Graphviz on its own.)
func FuzzWrite(f *testing.F) {
	outcheck.Fuzz(f, func(t *testing.T, g *graph.Graph) { outcheck.Check(t, g) })
}

// TestParallel checks that every writer writes the same bytes whether it
// encodes a graph of several chunks on one goroutine or on several.
func TestParallel(t *testing.T) {
	g := gentest.Graph(t, 1000) // thousands of relations: several chunks
	var out [2]map[string][]byte
	for i, procs := range []int{1, 4} {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var err error
		if out[i], err = outcheck.Outputs(g); err != nil {
			t.Fatal(err)
		}
	}
	for name, one := range out[0] {
		if !bytes.Equal(one, out[1][name]) {
			t.Errorf("%s on 4 CPUs differs from %s on 1", name, name)
		}
	}
}
