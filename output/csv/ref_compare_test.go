package csv_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/guazhi/guazhi/graph"
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
	exporttest.Same(t, fmt.Sprintf("%+v: nodes.csv", opt), n.Bytes(), wn.Bytes())
	exporttest.Same(t, fmt.Sprintf("%+v: edges.csv", opt), e.Bytes(), we.Bytes())
}

var options = []csv.Options{{}, {NoBOM: true, Lang: "en"}, {Lang: "both"}}

// compareAll compares the outputs of every options.
func compareAll(t *testing.T, g *graph.Graph) {
	for _, opt := range options {
		compare(t, g, opt)
	}
}

func TestReference(t *testing.T) { exporttest.Graphs(t, true, compareAll) }

// FuzzReference writes fuzzed knowledge bases (see outcheck.Fuzz) and
// compares the output with the reference implementation's.
func FuzzReference(f *testing.F) { outcheck.Fuzz(f, compareAll) }
