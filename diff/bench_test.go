package diff_test

import (
	"fmt"
	"testing"

	"github.com/guazhi/guazhi/diff"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/internal/gen/synth"
)

// BenchmarkCompare compares synthetic knowledge bases of 1k, 5k and 20k
// officials: seed 1 with another load of itself, and with seed 2. ns/rel,
// the time per relation, stays flat when the comparison is linear:
//
//	go test -run '^$' -bench . -benchmem ./diff
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{1000, 5000, 20000} {
		old, err := synth.Load(synth.Options{Officials: n, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		for _, seed := range []uint64{1, 2} {
			new, err := synth.Load(synth.Options{Officials: n, Seed: seed})
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%d/seed%d", n, seed), func(b *testing.B) {
				for b.Loop() {
					diff.Compare(old, new)
				}
				gentest.PerRelation(b, len(old.Relations)+len(new.Relations))
			})
		}
	}
}
