package graph

import (
	"testing"

	"github.com/guazhi/guazhi/internal/golden"
)

// TestKeysDoc keeps docs/keys.md, the key lists of the knowledge base,
// what graph/fields.go declares (-update writes it).
func TestKeysDoc(t *testing.T) {
	golden.Check(t, "../docs/keys.md", []byte(keysDoc()))
}

// TestEvidenceAttrs checks that every evidence key declared with an
// attribute gives it, in EdgeAttrs, between the relation's other attributes
// and its joined evidence, and that Extra gives the keys shown in tooltips.
func TestEvidenceAttrs(t *testing.T) {
	var keys []string
	for _, d := range EdgeAttrs() {
		keys = append(keys, d.Key)
	}
	for _, f := range evidenceRecord.fields {
		if f.attr == "" {
			continue
		}
		i := indexOf(keys, f.attr)
		if i < 0 || i > indexOf(keys, "evidence") {
			t.Errorf("evidence key %s: attribute %s missing or after evidence in %v", f.key, f.attr, keys)
		}
	}
	var ev Evidence
	for _, f := range evidenceRecord.fields {
		if f.tip && f.value == nil {
			t.Errorf("evidence key %s is shown in tooltips but has no value", f.key)
		}
	}
	if x := ev.Extra(); len(x) != 0 {
		t.Errorf("Extra of empty evidence = %v", x)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
