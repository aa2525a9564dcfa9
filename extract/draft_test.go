package extract

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

const articlePath = "../../shared/sources/thepaper-2015-11-17.txt"

func readArticle(t *testing.T) Article {
	t.Helper()
	b, err := os.ReadFile(articlePath)
	if errors.Is(err, fs.ErrNotExist) {
		b, err = kb.DefaultFS().ReadFile("data/sources/thepaper-2015-11-17.txt")
	}
	if err != nil {
		t.Fatal(err)
	}
	return Article{Name: "thepaper-2015-11-17.txt", Text: string(b)}
}

// load parses a draft with the article beside it.
func load(t *testing.T, a Article, res *Result) *graph.Graph {
	t.Helper()
	g, err := kb.Parse(fstest.MapFS{a.Name: {Data: []byte(a.Text)}}, kb.Input{Name: "draft.yaml", Data: res.YAML})
	if err != nil {
		t.Fatalf("draft does not load: %v\n%s", err, res.YAML)
	}
	return g
}

func TestDraftArticleLoads(t *testing.T) {
	a := readArticle(t)
	res, err := Draft(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := load(t, a, res)
	if testing.Verbose() {
		t.Logf("%s\n%s", res.Summary, res.YAML)
	}
	for _, r := range g.Relations {
		for _, e := range r.Evidence {
			if !strings.Contains(a.Text, e.Quote) {
				t.Errorf("quote not verbatim: %q", e.Quote)
			}
		}
	}
	again, _ := Draft(a, Options{})
	if string(again.YAML) != string(res.YAML) {
		t.Error("two drafts of one article differ")
	}
}

// Drafted entities get ids a curator can read, from their names in pinyin,
// whatever the province.
func TestReadableIDs(t *testing.T) {
	text := "浙江省商务厅干部下派\n2021-06-01\n\n浙江省杭州市西湖区发改局副局长何建国挂任四川省甘孜州泸定县副县长。\n" +
		"云南省发改委副主任欧阳帆挂任云南省昆明市五华区副区长。\n商务部副司长李明挂任云南省昆明市盘龙区副区长。\n"
	res, err := Draft(Article{Name: "a.txt", Text: text}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"{id: he-jianguo,", "{id: ouyang-fan,", "{id: li-ming,", "{id: luding,", "{id: xihu-fagaiju,",
		"{id: yunnan-fagaiwei,", "{id: wuhua,", "{id: panlong,", "{id: shangwubu,"} {
		if !strings.Contains(string(res.YAML), want) {
			t.Errorf("no %s in the draft:\n%s", want, res.YAML)
		}
	}
}
