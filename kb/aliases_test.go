package kb_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guazhi/guazhi/kb"
)

// TestManyAliases loads one entity with 200,000 aliases (a 3 MB JSON
// Lines line): in linear time, well under the 24 s a check per alias
// against the list took.
func TestManyAliases(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"name": "al", "title": "aliases"}` + "\n" + `{"entity": {"id": "x", "kind": "body", "name": "某机构", "aliases": [`)
	for i := range 200000 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"别名%d"`, i)
	}
	b.WriteString(`, "别名7"]}}` + "\n")
	start := time.Now()
	g, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: "al.jsonl", Data: []byte(b.String())})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if n := len(g.Entity("x").Aliases); n != 200000 {
		t.Errorf("%d aliases, want 200000 (the repeated one once)", n)
	}
	t.Logf("200,000 aliases loaded in %v", took)
	if took > 8*time.Second {
		t.Errorf("200,000 aliases took %v to load: not linear", took)
	}
}
