package graphml_test

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/output/graphml"
)

// TestParallel checks that the nodes and edges encoded in parallel chunks
// come out as they do one by one.
func TestParallel(t *testing.T) {
	g := gentest.Graph(t, 1000) // thousands of relations: several chunks
	var out [2]bytes.Buffer
	for i, procs := range []int{1, 4} {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		if err := graphml.Write(&out[i], g, graphml.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("the output on 4 CPUs differs from that on 1")
	}
}
