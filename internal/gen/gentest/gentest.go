// Package gentest runs benchmarks on synthetic knowledge bases of 1k, 10k
// and 100k officials.
package gentest

import (
	"io"
	"sync"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/synth"
)

// Sizes are the numbers of officials benchmarked, with their names.
var Sizes = []struct {
	Name      string
	Officials int
}{{"1k", 1000}, {"10k", 10000}, {"100k", 100000}}

// Short is the largest size run under -short.
const Short = 10000

var cache = struct {
	sync.Mutex
	graphs map[int]*graph.Graph
}{graphs: map[int]*graph.Graph{}}

// Graph returns the graph of n officials (seed 1), loading it once per
// process.
func Graph(b testing.TB, n int) *graph.Graph {
	b.Helper()
	cache.Lock()
	defer cache.Unlock()
	if g, ok := cache.graphs[n]; ok {
		return g
	}
	g, err := synth.Load(synth.Options{Officials: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	cache.graphs[n] = g
	return g
}

// Each runs f as a sub-benchmark per size, skipping those over Short under
// -short. f gets the graph, loaded outside the timer.
func Each(b *testing.B, f func(b *testing.B, g *graph.Graph)) {
	EachSize(b, func(b *testing.B, n int) { f(b, Graph(b, n)) })
}

// EachSize runs f as a sub-benchmark per size, given the number of
// officials, skipping those over Short under -short.
func EachSize(b *testing.B, f func(b *testing.B, n int)) {
	for _, s := range Sizes {
		b.Run(s.Name, func(b *testing.B) {
			if testing.Short() && s.Officials > Short {
				b.Skip("-short")
			}
			f(b, s.Officials)
		})
	}
}

// Write benchmarks a writer: write writes g to w. It reports the output's
// bytes per second and the time per relation (ns/rel), which stays flat
// when the time grows linearly.
func Write(b *testing.B, write func(w io.Writer, g *graph.Graph) error) {
	Each(b, func(b *testing.B, g *graph.Graph) {
		var c counter
		if err := write(&c, g); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(c))
		b.ReportAllocs()
		for b.Loop() {
			if err := write(io.Discard, g); err != nil {
				b.Fatal(err)
			}
		}
		PerRelation(b, len(g.Relations))
	})
}

// WriteWith benchmarks a writer of the usual form, write(w, g, opt).
func WriteWith[O any](b *testing.B, write func(io.Writer, *graph.Graph, O) error, opt O) {
	Write(b, func(w io.Writer, g *graph.Graph) error { return write(w, g, opt) })
}

// PerRelation reports the time per relation of a graph of rels relations.
func PerRelation(b *testing.B, rels int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rels), "ns/rel")
}

type counter int64

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }
