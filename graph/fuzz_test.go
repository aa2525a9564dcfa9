package graph_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/outcheck"
)

// FuzzLoad loads arbitrary bytes as a knowledge base, seeded from the bad
// corpus and the test knowledge bases. Loading must not panic; an error must
// be an ErrorList of positioned errors with sentinels; a graph must come out
// of every writer as output its format's parser reads.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(badDir, "*.yaml"))
	seeds = append(seeds, "../testdata/hostile/kb.yaml", "../testdata/basic/kb.yaml", "../testdata/export/kb.yaml")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	var text []byte
	for _, s := range []string{"source.txt", "../hostile/source.txt", "../basic/source.txt"} {
		b, err := os.ReadFile(filepath.Join(badDir, s))
		if err != nil {
			f.Fatal(err)
		}
		text = append(text, b...)
	}
	fs := fstest.MapFS{}
	for _, name := range []string{"source.txt", "s.txt", "sources/thepaper.txt"} {
		fs[name] = &fstest.MapFile{Data: text}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := graph.Parse(fs, graph.Input{Name: "kb.yaml", Data: data})
		if err != nil {
			var list graph.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T is not a graph.ErrorList: %v", err, err)
			}
			for _, e := range list {
				if e.Err == nil || !errLine.MatchString(e.Error()) {
					t.Fatalf("error %q has no sentinel or is not file:line:col: message", e.Error())
				}
			}
			return
		}
		outcheck.Check(t, g)
	})
}
