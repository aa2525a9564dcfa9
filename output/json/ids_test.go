package json

import (
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
)

// TestDirect fails when graph declares relation attributes other than
// those relation writes: Write then still writes them, through the
// attribute view, but slower. Bring relation and relationAttrs up to date.
func TestDirect(t *testing.T) {
	if !direct() {
		t.Errorf("graph.EdgeAttrs is %v, relation writes %v", graph.EdgeAttrs, relationAttrs)
	}
}

// TestEdgeID checks that the ids written, unescaped, are graph's.
func TestEdgeID(t *testing.T) {
	rel := func(kind, agreement, from, to string) *graph.Relation {
		return &graph.Relation{Kind: kind, Agreement: agreement, From: from, To: to}
	}
	for _, g := range []*graph.Graph{
		{Relations: []*graph.Relation{rel("p\"<", "\xff\u2028", "张\n", "b"), rel("p\"<", "\xff\u2028", "张\n", "b"),
			rel("agreement", "x", "a", "b"), rel("post", "", "a:b", "c")}},
		gentest.Graph(t, 1000),
	} {
		nums := g.EdgeIDNumbers()
		for i, id := range g.EdgeIDs() {
			e := &encoder{}
			e.edgeID(g.Relations[i], nums[i])
			if got, want := string(e.buf), `"`+string(appendEscaped(nil, id))+`"`; got != want {
				t.Errorf("relation %d: id %s, want %s", i, got, want)
			}
		}
	}
}
