package outcheck_test

import (
	"testing"

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
	outcheck.AddSeeds(f)
	f.Fuzz(func(t *testing.T, a, b, c string) {
		g, err := outcheck.Graph(a, b, c)
		if err != nil {
			return // text the loader refuses; FuzzLoad covers that
		}
		outcheck.Check(t, g)
	})
}
