package extract

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// With --kb, entities the KB has keep their ids, and the draft merges with
// the KB without contradictions.
func TestDraftReusesKB(t *testing.T) {
	base, err := kb.LoadDefault()
	if err != nil {
		t.Skipf("embedded KB does not load: %v", err)
	}
	a := readArticle(t)
	res, err := Draft(a, Options{KB: base, SourceFile: "sources/thepaper-2015-11-17.txt"})
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
	if _, err := kb.Parse(kb.DefaultFS(), kb.Input{Name: "data/draft.yaml", Data: res.YAML}); err != nil {
		t.Fatalf("draft does not load: %v\n%s", err, draft)
	}
	// Together with the KB.
	builtin, _ := kb.BuiltinInput("jingji-2015")
	g, err := kb.Parse(kb.DefaultFS(), builtin, kb.Input{Name: "data/draft.yaml", Data: res.YAML})
	if err != nil {
		t.Fatalf("draft and KB do not merge: %v\n%s", err, draft)
	}
	if len(g.Entities) != len(base.Entities)+res.Summary.Entities-res.Summary.Reused {
		t.Errorf("merged graph has %d entities, want %d + %d new", len(g.Entities), len(base.Entities), res.Summary.Entities-res.Summary.Reused)
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

// Against the KB, the seed article's facts are confirmed, not new.
func TestDraftConfirmsKB(t *testing.T) {
	base, err := kb.LoadDefault()
	if err != nil {
		t.Skipf("embedded KB does not load: %v", err)
	}
	res, err := Draft(readArticle(t), Options{KB: base})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	t.Log(s)
	if !s.WithKB || s.Confirmed < 6+5 || s.Conflicting != 0 || s.New+s.Confirmed != s.Secondments+s.Agreements+s.Links {
		t.Errorf("want the six secondments and five agreements confirmed and none conflicting: %s", s)
	}
	if !strings.Contains(s.String(), "confirmed") {
		t.Errorf("summary line does not say what is confirmed: %s", s)
	}
}

// A post that refines the KB's (市委常委、副市长 for 副市长) confirms its
// secondment; another post at the same host, over the same time,
// conflicts with it.
func TestDraftRefinedPost(t *testing.T) {
	base, err := kb.LoadDefault()
	if err != nil {
		t.Skipf("embedded KB does not load: %v", err)
	}
	for _, c := range []struct {
		post                   string
		confirmed, conflicting int
	}{
		{"市委常委、副市长", 1, 0},
		{"副市长", 1, 0},
		{"市长助理", 0, 1},
	} {
		text := "测试新闻\n2017-03-08 10:00\n\n2015年7月24日,时任北京市大兴区副区长的喻华锋来到廊坊,挂职任廊坊市" + c.post + "。\n"
		res, err := Draft(Article{Name: "a.txt", Text: text}, Options{KB: base})
		if err != nil {
			t.Fatal(err)
		}
		if s := res.Summary; s.Secondments != 1 || s.Confirmed != c.confirmed || s.Conflicting != c.conflicting {
			t.Errorf("%s: want %d confirmed, %d conflicting: %s", c.post, c.confirmed, c.conflicting, s)
		}
	}
}

// A name one character apart from a known official's, with the same post
// and body, is reported for review and drafted as an official of its own,
// with a comment.
func TestDraftPossibleMatch(t *testing.T) {
	base, err := kb.LoadDefault()
	if err != nil {
		t.Skipf("embedded KB does not load: %v", err)
	}
	text := "测试新闻\n2016-03-08 10:00\n\n挂任廊坊市副市长的北京市大兴区副区长喻华峰表示,两地合作前景广阔。\n" +
		"挂任保定市副市长的北京市西城区副区长王立新表示,要做好对接。\n"
	res, err := Draft(Article{Name: "a.txt", Text: text}, Options{KB: base})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Review) != 1 || !strings.Contains(res.Review[0], "喻华峰 may be 喻华锋 (yu-huafeng)") {
		t.Fatalf("want one possible match of yu-huafeng, got %q", res.Review)
	}
	draft := string(res.YAML)
	if !strings.Contains(draft, "# possible match: 喻华峰") || strings.Contains(draft, "official: yu-huafeng\n") {
		t.Errorf("the misspelt official is merged or not flagged:\n%s", draft)
	}
	if res.Summary.New != 2 || res.Summary.Confirmed != 0 {
		t.Errorf("want 2 new facts: %s", res.Summary)
	}
}

// Names the KB knows are read first: a four-character name that the
// surname rules would cut short.
func TestDraftKBNamesFirst(t *testing.T) {
	base, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: "kb.yaml", Data: []byte(`title: t
entities:
  - {id: ouyang, kind: official, name: 欧阳晓峰, jurisdiction: beijing}
  - {id: daxing, kind: body, name: 大兴区, jurisdiction: beijing}
  - {id: langfang, kind: body, name: 廊坊市, jurisdiction: hebei}
`)})
	if err != nil {
		t.Fatal(err)
	}
	text := "测试新闻\n2016-03-08 10:00\n\n北京市大兴区副区长欧阳晓峰挂任廊坊市副市长。\n"
	a := Article{Name: "a.txt", Text: text}
	res, err := Draft(a, Options{KB: base})
	if err != nil {
		t.Fatal(err)
	}
	got := facts(load(t, a, res))
	if len(got) != 1 || !strings.Contains(string(res.YAML), "official: ouyang") {
		t.Errorf("want 欧阳晓峰 (ouyang) read whole, got %v\n%s", got, res.YAML)
	}
}

func TestOverlap(t *testing.T) {
	d := func(s string) graph.Date {
		if s == "" {
			return graph.Date{}
		}
		x, err := graph.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	tests := []struct {
		s1, e1, s2, e2 string
		want           bool
	}{
		{"2015-07", "2016-06", "2016-01", "", true},
		{"2015-07", "2016-06", "2016-07", "2017-06", false},
		{"", "", "2016-07", "", true},
		{"2017-01", "", "2015-07", "2016-06", false},
		{"2015-07", "", "", "", true},
	}
	for _, tt := range tests {
		if got := overlap(d(tt.s1), d(tt.e1), d(tt.s2), d(tt.e2)); got != tt.want {
			t.Errorf("overlap(%s–%s, %s–%s) = %v", tt.s1, tt.e1, tt.s2, tt.e2, got)
		}
	}
}
