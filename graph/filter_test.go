package graph_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

func loadBasic(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := kb.Load(kb.OSReader{}, "../testdata/basic/kb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func ids(g *graph.Graph) []string {
	var out []string
	for _, e := range g.Entities {
		out = append(out, e.ID)
	}
	return out
}

func kinds(g *graph.Graph) []string {
	var out []string
	for _, r := range g.Relations {
		out = append(out, r.Kind)
	}
	return out
}

func TestSelect(t *testing.T) {
	g := loadBasic(t)
	for _, c := range []struct {
		name      string
		opt       graph.Selection
		ents      []string
		relations []string
		desc      string
	}{
		{"none", graph.Selection{}, []string{"bing", "ding", "jia", "yi", "zhang-san"},
			[]string{"secondment", "post", "agreement", "agreement", "agreement", "agreement", "agreement", "brokered", "brokered", "post_confirmed", "visit", "part_of"}, ""},
		{"focus official depth 1", graph.Selection{Focus: "张三"}, []string{"jia", "yi", "zhang-san"},
			[]string{"secondment", "post", "agreement", "agreement", "agreement", "brokered", "brokered", "post_confirmed", "visit"}, "张三 (zhang-san) and 1 step around"},
		{"focus company depth 2", graph.Selection{Focus: "丙有限公司", Depth: 2}, []string{"bing", "ding", "jia", "yi", "zhang-san"},
			[]string{"secondment", "post", "agreement", "agreement", "agreement", "agreement", "agreement", "brokered", "brokered", "post_confirmed", "visit", "part_of"}, "丙公司 (bing) and 2 steps around"},
		{"kinds", graph.Selection{Kinds: []string{"secondment"}}, []string{"yi", "zhang-san"},
			[]string{"secondment"}, "kinds secondment"},
		{"since", graph.Selection{Since: graph.Date{2020, 9, 15}}, []string{"bing", "ding", "jia", "yi", "zhang-san"},
			[]string{"secondment", "post", "agreement", "agreement", "agreement", "agreement", "post_confirmed", "part_of"}, "active 2020-09-15 – …"},
		{"until", graph.Selection{Until: graph.Date{2020, 7, 0}, Kinds: []string{"secondment", "agreement", "visit"}}, []string{"bing", "jia", "yi", "zhang-san"},
			[]string{"secondment", "agreement", "agreement", "agreement"}, "kinds secondment,agreement,visit; active … – 2020-07"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := g.Select(c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(f); !slices.Equal(got, c.ents) {
				t.Errorf("entities %q, want %q", got, c.ents)
			}
			if got := kinds(f); !slices.Equal(got, c.relations) {
				t.Errorf("relations %q, want %q", got, c.relations)
			}
			if f.Filter != c.desc {
				t.Errorf("description %q, want %q", f.Filter, c.desc)
			}
		})
	}
	if _, err := g.Select(graph.Selection{Focus: "nobody"}); !errors.Is(err, graph.ErrUnknownRef) {
		t.Errorf("unknown focus: %v", err)
	}
}
