package extract

import (
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
)

// overlay reads name from files first, then from the embedded data.
type overlay map[string]string

func (o overlay) ReadFile(name string) ([]byte, error) {
	if s, ok := o[name]; ok {
		return []byte(s), nil
	}
	return graph.DefaultFS().ReadFile(name)
}

// With --kb, entities the KB has keep their ids, and the draft merges with
// the KB without contradictions.
func TestDraftReusesKB(t *testing.T) {
	kb, err := graph.LoadDefault()
	if err != nil {
		t.Skipf("embedded KB does not load: %v", err)
	}
	a := readArticle(t)
	res, err := Draft(a, Options{KB: kb, SourceFile: "sources/thepaper-2015-11-17.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary.Reused == 0 {
		t.Errorf("no KB ids reused: %s", res.Summary)
	}
	draft := string(res.YAML)
	for _, id := range []string{"yu-huafeng", "daxing", "langfang", "beijing-jxw", "hebei-gxt", "tangshan", "shougang"} {
		if !strings.Contains(draft, "id: "+id+",") {
			t.Errorf("draft does not reuse KB id %s", id)
		}
	}
	// Alone, next to the article.
	if _, err := graph.Parse(overlay{}, graph.Input{Name: "data/draft.yaml", Data: res.YAML}); err != nil {
		t.Fatalf("draft does not load: %v\n%s", err, draft)
	}
	// Together with the KB.
	builtin, _ := graph.BuiltinInput("jingji-2015")
	g, err := graph.Parse(overlay{}, builtin, graph.Input{Name: "data/draft.yaml", Data: res.YAML})
	if err != nil {
		t.Fatalf("draft and KB do not merge: %v\n%s", err, draft)
	}
	if len(g.Entities) != len(kb.Entities)+res.Summary.Entities-res.Summary.Reused {
		t.Errorf("merged graph has %d entities, want %d + %d new", len(g.Entities), len(kb.Entities), res.Summary.Entities-res.Summary.Reused)
	}
	t.Log(res.Summary)
}

func TestSummaryString(t *testing.T) {
	s := Summary{Secondments: 6, Agreements: 5, Links: 6, Entities: 28, Reused: 20, Inferred: 4}
	want := "drafted 6 secondments, 5 agreements, 6 links, 28 entities (20 from the KB); 4 inferred items to review"
	if s.String() != want {
		t.Errorf("got %q", s.String())
	}
}
