package csv

import (
	"slices"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
)

// TestDirect fails when graph declares relation attributes other than
// those row.relation writes: Write then still writes them, through the
// attribute view, but slower. Bring row.relation and relationAttrs up to date.
func TestDirect(t *testing.T) {
	if !direct() {
		t.Errorf("graph.EdgeAttrs is %v, relation writes %v", graph.EdgeAttrs, relationAttrs)
	}
}

// writeIDs returns the ids edgeIDs writes, and whether it numbered them
// itself.
func writeIDs(g *graph.Graph) ([]string, bool) {
	ids := newEdgeIDs(g)
	var got []string
	for i := range g.Relations {
		got = append(got, string(ids.append(nil, i)))
	}
	return got, ids.all == nil
}

func TestEdgeIDs(t *testing.T) {
	rel := func(kind, agreement, from, to string) *graph.Relation {
		return &graph.Relation{Kind: kind, Agreement: agreement, From: from, To: to}
	}
	many := func(n int, r *graph.Relation) []*graph.Relation {
		rels := make([]*graph.Relation, n)
		for i := range rels {
			rels[i] = r
		}
		return rels
	}
	for _, tc := range []struct {
		name    string
		rels    []*graph.Relation
		grouped bool
	}{
		{"empty", nil, true},
		{"parallel", []*graph.Relation{rel("post", "", "a", "b"), rel("post", "", "a", "b"), rel("post", "", "a", "c"), rel("visit", "", "a", "c")}, true},
		{"agreements", []*graph.Relation{rel("agreement", "x", "a", "b"), rel("agreement", "y", "a", "b"), rel("agreement", "x", "a", "b"), rel("agreement", "", "a", "b")}, true},
		{"kind again", []*graph.Relation{rel("post", "", "a", "b"), rel("visit", "", "a", "b"), rel("post", "", "a", "b")}, false},
		{"ends unsorted", []*graph.Relation{rel("post", "", "a", "c"), rel("post", "", "a", "b"), rel("post", "", "a", "c")}, false},
		{"colon", []*graph.Relation{rel("post", "", "a:b", "c"), rel("post", "b", "a", "b:c"), rel("post", "a", "b", "c")}, false},
		{"colon id", []*graph.Relation{rel("a", "", "b:c", "d"), rel("a", "b", "c", "d")}, false},
		{"long group", many(maxGroup+1, rel("post", "", "a", "b")), false},
		{"longest group", many(maxGroup, rel("post", "", "a", "b")), true},
		{"quotes", []*graph.Relation{rel("p\"<", "\xff\u2028", "张\n", "b"), rel("p\"<", "\xff\u2028", "张\n", "b")}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &graph.Graph{Relations: tc.rels}
			got, grouped := writeIDs(g)
			if grouped != tc.grouped {
				t.Errorf("grouped %v, want %v", grouped, tc.grouped)
			}
			if want := g.EdgeIDs(); !slices.Equal(got, want) {
				t.Errorf("ids %q, want %q", got, want)
			}
		})
	}
	t.Run("synth-1k", func(t *testing.T) {
		g := gentest.Graph(t, 1000)
		got, grouped := writeIDs(g)
		if !grouped {
			t.Error("the relations of a loaded graph are not grouped")
		}
		if want := g.EdgeIDs(); !slices.Equal(got, want) {
			t.Error("ids differ from g.EdgeIDs()")
		}
	})
}
