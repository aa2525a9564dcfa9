//go:build unix

package html

import (
	"fmt"
	"slices"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/browser"
)

// find types query into an emptied search box and returns the names of
// the results, best first.
func find(c *browser.Chrome, query string) []string {
	c.T.Helper()
	if err := c.Eval(`document.getElementById("q").value = ""`, nil); err != nil {
		c.T.Fatal(err)
	}
	search(c, query)
	var names []string
	if err := c.Eval(`Array.from(document.querySelectorAll("#results li button > span:first-child"), function (s) { return s.textContent; })`, &names); err != nil {
		c.T.Fatal(err)
	}
	return names
}

// TestBrowserSearchParts: a search finds a name by any part of it, in
// characters or pinyin, with and without spaces, exact matches first.
func TestBrowserSearchParts(t *testing.T) {
	g := defaultGraph(t)
	c := openPage(t, render(t, g), 1200, 800)
	for _, tc := range []struct {
		query, first string
		among        bool // first need only be among the results
	}{
		{"北京发改委", "北京市发改委", false}, // the place suffix 市 left out
		{"北京市发改委", "北京市发改委", false},
		{"beijing fagaiwei", "北京市发改委", false},
		{"beijingfagaiwei", "北京市发改委", false},
		{"Beijing Fagaiwei", "北京市发改委", false},
		{"fagaiwei", "北京市发改委", true}, // also 河北省发改委
		{"yuhuafeng", "喻华锋", false},
		{"yu hua feng", "喻华锋", false},
		{"Yǔ Huáfēng", "喻华锋", false},
		{"华锋", "喻华锋", false},
		{"huafeng", "喻华锋", false},
		{"廊坊", "廊坊市", false}, // exact alias, then the bodies whose names hold it
		{"北京", "北京市", false},
	} {
		got := find(c, tc.query)
		ok := len(got) > 0 && got[0] == tc.first
		if tc.among {
			ok = slices.Contains(got, tc.first)
		}
		if !ok {
			t.Errorf("search %q: results %q, want %s %s", tc.query, got, tc.first, map[bool]string{true: "among them", false: "first"}[tc.among])
		}
	}
	// Exact before prefix before in order: 北京 is 北京市's alias; 北京市经信委
	// starts with it; 中国银行北京分行 only holds it.
	got := find(c, "北京")
	at := func(name string) int { return slices.Index(got, name) }
	if !(at("北京市") == 0 && at("北京市经信委") > 0 && at("中国银行北京分行") > at("北京市经信委")) {
		t.Errorf("search 北京: results %q, want 北京市, then 北京市经信委 before 中国银行北京分行", got)
	}
	// In order, not anywhere: 委发 is not 发…委.
	if got := find(c, "委发改"); slices.Contains(got, "北京市发改委") {
		t.Errorf("search 委发改 finds 北京市发改委: %q", got)
	}
	if got := find(c, "fagaiweibeijing"); slices.Contains(got, "北京市发改委") {
		t.Errorf("search fagaiweibeijing finds 北京市发改委: %q", got)
	}
	checkQuiet(t, c)
}

// TestBrowserBrokeredQuotes: an agreement's panel lists the officials
// credited with it, each with their own quote, in both the agreement's
// node's panel and its party edges' (agreements as nodes), and in its
// edge's (agreements as edges).
func TestBrowserBrokeredQuotes(t *testing.T) {
	const deal = "tangshan-shougang-caofeidian" // brokered by 洪继元 and 税勇
	want := map[string][]string{
		"hong-jiyuan": {"签约仪式上,洪继元、税勇一同见证"},
		"shui-yong":   {"他与税勇一起,共同促成了首钢与唐山市的深度合作", "签约仪式上,洪继元、税勇一同见证"},
	}
	// officials reads the panel's list of officials: each entry's id and quotes.
	officials := func(c *browser.Chrome) map[string][]string {
		c.T.Helper()
		var got map[string][]string
		err := c.Eval(`(function () {
  var out = {};
  document.querySelectorAll("#panel ul.officials > li").forEach(function (li) {
    out[li.dataset.official] = Array.from(li.querySelectorAll("p.own"), function (b) { return b.textContent; });
  });
  return out;
})()`, &got)
		if err != nil {
			c.T.Fatal(err)
		}
		return got
	}
	check := func(c *browser.Chrome, what string) {
		c.T.Helper()
		got := officials(c)
		if len(got) != len(want) {
			t.Errorf("%s: officials %q, want %q", what, got, want)
		}
		for id, quotes := range want {
			if !slices.Equal(got[id], quotes) {
				t.Errorf("%s: %s's quotes %q, want %q", what, id, got[id], quotes)
			}
		}
	}

	nodes := defaultGraph(t).AgreementNodes()
	c := openPage(t, render(t, nodes), 1400, 900)
	click(c, "n-"+deal)
	check(c, "the agreement's node")
	parties := 0
	for i, r := range nodes.Relations {
		if r.Kind == graph.Party && r.From == deal {
			click(c, fmt.Sprintf("e-%d", i))
			check(c, "party edge "+r.To)
			parties++
		}
	}
	if parties != 2 {
		t.Errorf("%d party edges of %s, want 2", parties, deal)
	}
	// Every agreement's officials: each entry quotes the agreement's
	// evidence, at least once.
	for _, e := range nodes.Entities {
		if e.Kind != graph.Agreement {
			continue
		}
		var evidence []string
		for _, r := range nodes.Relations {
			if r.Kind == graph.Party && r.From == e.ID {
				for _, ev := range r.Evidence {
					evidence = append(evidence, ev.Quote)
				}
			}
		}
		click(c, "n-"+e.ID)
		for id, quotes := range officials(c) {
			if len(quotes) == 0 {
				t.Errorf("%s: %s has no quote", e.ID, id)
			}
			name := nodes.Entity(id).Name
			for _, q := range quotes {
				if !slices.Contains(evidence, q) {
					t.Errorf("%s: %s's quote %q is not the agreement's", e.ID, id, q)
				}
			}
			t.Logf("%s: %s: %q", e.ID, name, quotes)
		}
	}
	checkQuiet(t, c)

	edges := defaultGraph(t)
	c = openPage(t, render(t, edges), 1400, 900)
	i := slices.IndexFunc(edges.Relations, func(r *graph.Relation) bool { return r.Kind == graph.Agreement && r.Agreement == deal })
	click(c, fmt.Sprintf("e-%d", i))
	check(c, "the agreement's edge")
	checkQuiet(t, c)
}
