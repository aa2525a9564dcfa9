package json_test

import (
	"testing"

	"github.com/guazhi/guazhi/internal/outcheck"
)

// FuzzWrite puts fuzzed text in the names, titles, posts, roles and quotes
// of a knowledge base and checks every output with its format's parser
// (this format among them): no text may add a node or an edge to the DOT,
// break the XML, JSON or CSV, or run as a spreadsheet formula.
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
