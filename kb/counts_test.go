package kb_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// TestDefaultCounts pins the size of the embedded jingji-2015 knowledge base,
// so that an accidental deletion (or an unreviewed addition) fails. When the
// knowledge base is curated further, update these numbers together with
// docs/curation.md.
func TestDefaultCounts(t *testing.T) {
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	wantEntities := map[string]int{
		graph.Official:     6,
		graph.Body:         22,
		graph.Company:      11,
		graph.Organisation: 7,
	}
	wantRelations := map[string]int{
		graph.Secondment: 6,
		graph.Post:       6,
		graph.Agreement:  7,  // 5 agreements; the three-party 张北 consensus makes 3 pairs
		graph.Brokered:   14, // 7 officials credited with an agreement, each to 2 parties
		graph.PartOf:     21,
		"meeting":        10,
		"visit":          6,
		"promotion":      3,
		"event":          5,
		"intent":         1,
		"matchmaking":    1,
		"coordination":   1,
		"borders":        1,
		"project":        1,
	}
	gotEntities := map[string]int{}
	for _, e := range g.Entities {
		gotEntities[e.Kind]++
	}
	gotRelations := map[string]int{}
	agreements := map[string]bool{}
	for _, r := range g.Relations {
		gotRelations[r.Kind]++
		if r.Kind == graph.Agreement {
			agreements[r.Agreement] = true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(union(wantEntities, gotEntities))) {
		if gotEntities[k] != wantEntities[k] {
			t.Errorf("entities of kind %s: got %d, want %d", k, gotEntities[k], wantEntities[k])
		}
	}
	for _, k := range slices.Sorted(maps.Keys(union(wantRelations, gotRelations))) {
		if gotRelations[k] != wantRelations[k] {
			t.Errorf("relations of kind %s: got %d, want %d", k, gotRelations[k], wantRelations[k])
		}
	}
	if len(g.Entities) != 46 {
		t.Errorf("entities: got %d, want 46", len(g.Entities))
	}
	if len(g.Relations) != 83 {
		t.Errorf("relations: got %d, want 83", len(g.Relations))
	}
	if len(agreements) != 5 {
		t.Errorf("agreements: got %d distinct ids, want 5: %v", len(agreements), slices.Sorted(maps.Keys(agreements)))
	}
}

func union(a, b map[string]int) map[string]int {
	out := maps.Clone(a)
	for k, v := range b {
		out[k] += v
	}
	return out
}

// TestDefaultSurfaceFormsUnique checks that no two entities share a name,
// full name or alias. The loader only reports such a clash when the form is
// used as a reference; an unreferenced clash would still mean that one
// real-world thing is in the knowledge base twice, or that a form is wrong.
func TestDefaultSurfaceFormsUnique(t *testing.T) {
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	for _, e := range g.Entities {
		forms := append([]string{e.ID, e.Name, e.FullName}, e.Aliases...)
		seen := map[string]bool{}
		for _, f := range forms {
			if f == "" || seen[f] {
				continue
			}
			seen[f] = true
			if o, ok := owner[f]; ok {
				t.Errorf("%q names both %s and %s", f, o, e.ID)
				continue
			}
			owner[f] = e.ID
		}
	}
}

// TestDefaultAliasesInSource checks that every alias is a surface form the
// article actually uses (names and full names may be the curator's labels or
// background knowledge; aliases may not).
func TestDefaultAliasesInSource(t *testing.T) {
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	src := g.Source("thepaper-2015-11-17")
	if src == nil || src.Text == "" {
		t.Fatal("source thepaper-2015-11-17 or its text is missing")
	}
	for _, e := range g.Entities {
		for _, a := range e.Aliases {
			if !strings.Contains(src.Text, a) {
				t.Errorf("entity %s: alias %q does not occur in the article", e.ID, a)
			}
		}
	}
}

// TestDefaultSecondments checks the six named officials' secondments: a home
// body, a host post, and the one-year term from 2015-07.
func TestDefaultSecondments(t *testing.T) {
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{ // official → {home body, host body}
		"yu-huafeng":   {"daxing", "langfang"},
		"cao-lei":      {"fangshan", "baoding"},
		"tong-tengfei": {"beijing-jxw", "hebei-gxt"},
		"zhang-yuan":   {"yanqing", "zhangjiakou"},
		"shui-yong":    {"beijing-tcj", "tangshan"},
		"hong-jiyuan":  {"beijing-fgw", "hebei-fgw"},
	}
	got := map[string][2]string{}
	for _, r := range g.Relations {
		if r.Kind != graph.Secondment {
			continue
		}
		got[r.From] = [2]string{r.FromBody, r.To}
		if r.Post == "" {
			t.Errorf("secondment of %s has no host post", r.From)
		}
		if r.Start.String() != "2015-07" || r.End.String() != "2016-07" {
			t.Errorf("secondment of %s: %s–%s, want 2015-07–2016-07", r.From, r.Start, r.End)
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("secondments: got %v, want %v", got, want)
	}
}

// TestDefaultEvidence checks that every relation other than part_of carries
// evidence, and that every inferred piece of evidence says why.
func TestDefaultEvidence(t *testing.T) {
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Relations {
		if r.Kind == graph.PartOf {
			continue
		}
		if len(r.Evidence) == 0 {
			t.Errorf("%s %s → %s has no evidence", r.Kind, r.From, r.To)
		}
		for _, ev := range r.Evidence {
			if ev.Inferred && ev.Note == "" {
				t.Errorf("%s %s → %s: inferred evidence %q has no note", r.Kind, r.From, r.To, ev.Quote)
			}
		}
	}
}

// TestDefaultNoPageChrome checks that nothing from the web page around the
// article (the publisher's company, licence numbers, app download) became an
// entity or a relation.
func TestDefaultNoPageChrome(t *testing.T) {
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{"东方报业", "澎湃", "ICP", "公网安备", "许可证", "客户端", "报料", "中国政库"}
	check := func(where, s string) {
		for _, b := range bad {
			if strings.Contains(s, b) {
				t.Errorf("%s contains %q (web-page chrome): %q", where, b, s)
			}
		}
	}
	for _, e := range g.Entities {
		for _, s := range append([]string{e.Name, e.NameEn, e.FullName}, e.Aliases...) {
			check("entity "+e.ID, s)
		}
	}
	for _, r := range g.Relations {
		for _, s := range []string{r.Title, r.Venue, r.Value, r.Post, r.FromPost} {
			check(r.Kind+" "+r.From+" → "+r.To, s)
		}
		for _, ev := range r.Evidence {
			check(r.Kind+" "+r.From+" → "+r.To+" quote", ev.Quote)
		}
	}
}
