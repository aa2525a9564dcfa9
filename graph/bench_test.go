package graph_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/internal/gen/synth"
	"github.com/guazhi/guazhi/kb"
)

// The benchmarks load synthetic knowledge bases (internal/gen) of 1k, 10k
// and 100k officials, about 4 relations each, from memory: run them with
//
//	go test -run '^$' -bench . -benchmem ./graph
//
// -short skips 100k. ns/rel is the time per relation of the graph, which
// stays flat when the time grows linearly.

// benchKB generates each size once per process: the knowledge base with
// its source files, and the same without them (no quotes to verify).
var benchKB = struct {
	sync.Mutex
	dirs map[string]*synth.Dir
}{dirs: map[string]*synth.Dir{}}

func benchDir(b *testing.B, n int, withTexts, bulk bool) *synth.Dir {
	b.Helper()
	benchKB.Lock()
	defer benchKB.Unlock()
	key := fmt.Sprint(n, withTexts, bulk)
	if d, ok := benchKB.dirs[key]; ok {
		return d
	}
	base := synth.Generate(synth.Options{Officials: n, Seed: 1})
	if !withTexts {
		for i := range base.Sources {
			base.Sources[i].File = ""
		}
	}
	d := base.Files(0)
	if bulk {
		d = base.BulkFiles()
	}
	benchKB.dirs[key] = d
	return d
}

// BenchmarkLoad decodes YAML, resolves and builds the graph; the sources
// have no file, so no quote is verified.
func BenchmarkLoad(b *testing.B) { benchLoad(b, false, false) }

// BenchmarkLoadJSONL is BenchmarkLoad for the same knowledge base in JSON
// Lines.
func BenchmarkLoadJSONL(b *testing.B) { benchLoad(b, true, false) }

// BenchmarkCheck is what guazhi check does: load YAML, verifying every
// quote against its source text, and count.
func BenchmarkCheck(b *testing.B) { benchLoad(b, false, true) }

// BenchmarkCheckJSONL is BenchmarkCheck for JSON Lines.
func BenchmarkCheckJSONL(b *testing.B) { benchLoad(b, true, true) }

// benchLoad loads the knowledge bases (in JSON Lines if bulk); with check,
// it verifies the quotes and counts, as guazhi check does.
func benchLoad(b *testing.B, bulk, check bool) {
	gentest.EachSize(b, func(b *testing.B, n int) {
		d := benchDir(b, n, check, bulk)
		b.SetBytes(d.Size())
		b.ReportAllocs()
		var g *graph.Graph
		for b.Loop() {
			var err error
			if g, err = kb.Load(d, d.KB...); err != nil {
				b.Fatal(err)
			}
			if check {
				g.Stats()
			}
		}
		gentest.PerRelation(b, len(g.Relations))
	})
}

// BenchmarkBuild builds the graph from loaded entities and relations:
// Select with every relation kind keeps everything and builds anew.
func BenchmarkBuild(b *testing.B) {
	gentest.EachSize(b, func(b *testing.B, n int) {
		d := benchDir(b, n, false, true)
		g, err := kb.Load(d, d.KB...)
		if err != nil {
			b.Fatal(err)
		}
		all := graph.Selection{Kinds: g.RelationKinds()}
		b.ReportAllocs()
		for b.Loop() {
			f, err := g.Select(all)
			if err != nil {
				b.Fatal(err)
			}
			if len(f.Relations) != len(g.Relations) {
				b.Fatalf("select kept %d of %d relations", len(f.Relations), len(g.Relations))
			}
		}
		gentest.PerRelation(b, len(g.Relations))
	})
}
