package csv

import (
	"testing"

	"github.com/guazhi/guazhi/graph"
)

// TestDirect fails when graph declares relation attributes other than
// those row.relation writes: Write then still writes them, through the
// attribute view, but slower. Bring row.relation and relationAttrs up to date.
func TestDirect(t *testing.T) {
	if !direct() {
		t.Errorf("graph.EdgeAttrs is %v, relation writes %v", graph.EdgeAttrs, relationAttrs)
	}
}
