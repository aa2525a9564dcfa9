package palette

import (
	"testing"

	"github.com/guazhi/guazhi/graph"
)

// TestDistinct checks that every jurisdiction has its own hue, and that
// entities of one kind (drawn in one shape) in two jurisdictions, or an
// agreement and any entity, never share a diagram fill.
func TestDistinct(t *testing.T) {
	hues := map[RGB]string{agreementHue: "agreement"}
	for _, j := range graph.Jurisdictions {
		if _, ok := jurisdictions[j]; !ok {
			t.Errorf("jurisdiction %s has no hue", j)
		}
		if other, ok := hues[Jurisdiction(j)]; ok {
			t.Errorf("%s and %s share a hue", j, other)
		}
		hues[Jurisdiction(j)] = j
	}
	agreement := NodeOf(graph.Agreement, "").Fill
	for _, k := range graph.EntityKinds {
		fills := map[RGB]string{agreement: "agreement"}
		for _, j := range graph.Jurisdictions {
			n := NodeOf(k, j)
			key := k + "/" + j
			if other, ok := fills[n.Fill]; ok {
				t.Errorf("%s and %s share the fill %s", key, other, n.Fill.Hex())
			}
			fills[n.Fill] = key
		}
	}
	if Jurisdiction("") != Jurisdiction("other") {
		t.Error("an empty jurisdiction is not drawn as other")
	}
	if got := (RGB{1, 2, 255}).Hex(); got != "#0102ff" {
		t.Errorf("Hex = %s", got)
	}
}
