//go:build unix

package html

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
)

// TestBrowserOpeningView checks that at 1600×1000 the page opens on a view
// where every node label on screen is at least 11 px, centred on the
// officials, with every official in view.
func TestBrowserOpeningView(t *testing.T) {
	for name, g := range map[string]*graph.Graph{
		"default":       defaultGraph(t).AgreementNodes(),
		"default edges": defaultGraph(t),
		"story":         storyGraph(t).AgreementNodes(),
	} {
		t.Run(name, func(t *testing.T) {
			c := openPage(t, render(t, g), 1600, 1000)
			// A diagram that fits at its natural size opens whole.
			opening := pageState(c).ViewBox
			click(c, "fit")
			whole := pageState(c).ViewBox == opening
			if err := c.Eval(fmt.Sprintf(`document.querySelector("#view svg").setAttribute("viewBox", %q)`, opening), nil); err != nil {
				t.Fatal(err)
			}
			var v struct {
				MinFont    float64
				Labels     int
				View       struct{ X, Y, W, H float64 }
				Officials  []struct{ X, Y, W, H float64 }
				FitVisible bool
			}
			if err := c.Eval(`(function () {
  var svg = document.querySelector("#view svg"), k = svg.getScreenCTM().a;
  var r = document.getElementById("view").getBoundingClientRect();
  var min = Infinity, n = 0;
  document.querySelectorAll("#view g.node:not(#legend) text").forEach(function (t) {
    var b = t.getBoundingClientRect();
    if (b.right < r.left || b.left > r.right || b.bottom < r.top || b.top > r.bottom) return;
    n++;
    min = Math.min(min, parseFloat(t.getAttribute("font-size")) * k);
  });
  var officials = Array.from(document.querySelectorAll("#view g.node.official"), function (g) {
    var b = g.getBoundingClientRect(); return {x: b.left, y: b.top, w: b.width, h: b.height};
  });
  return {minFont: min, labels: n, view: {x: r.left, y: r.top, w: r.width, h: r.height}, officials: officials};
})()`, &v); err != nil {
				t.Fatal(err)
			}
			t.Logf("%d node labels in view, the smallest %.1f px", v.Labels, v.MinFont)
			if v.Labels == 0 || v.MinFont < 11 {
				t.Errorf("%d node labels in view, the smallest %.1f px; want at least 11 px", v.Labels, v.MinFont)
			}
			if len(v.Officials) == 0 {
				t.Fatal("no official in the diagram")
			}
			x1, x2 := v.Officials[0].X, v.Officials[0].X+v.Officials[0].W
			y1, y2 := v.Officials[0].Y, v.Officials[0].Y+v.Officials[0].H
			for _, o := range v.Officials {
				x1, x2 = min(x1, o.X), max(x2, o.X+o.W)
				y1, y2 = min(y1, o.Y), max(y2, o.Y+o.H)
			}
			// Every official is in view when they fit at this size.
			fits := x2-x1 <= v.View.W && y2-y1 <= v.View.H
			t.Logf("the officials span %.0f×%.0f px in a view of %.0f×%.0f", x2-x1, y2-y1, v.View.W, v.View.H)
			for _, o := range v.Officials {
				if fits && (o.X < v.View.X || o.X+o.W > v.View.X+v.View.W || o.Y < v.View.Y || o.Y+o.H > v.View.Y+v.View.H) {
					t.Errorf("official at %+v is not in the view %+v", o, v.View)
				}
			}
			if mid := v.View.Y + v.View.H/2; !whole && ((y1+y2)/2 < mid-0.1*v.View.H || (y1+y2)/2 > mid+0.1*v.View.H) {
				t.Errorf("the officials span y %.0f–%.0f, not centred in the view %+v", y1, y2, v.View)
			}
			if whole {
				t.Logf("the whole diagram fits at its natural size")
			} else if mid := v.View.X + v.View.W/2; (x1+x2)/2 < mid-0.1*v.View.W || (x1+x2)/2 > mid+0.1*v.View.W {
				t.Errorf("the officials span x %.0f–%.0f, not centred in the view %+v", x1, x2, v.View)
			}
			checkQuiet(t, c)
		})
	}
}

// TestBrowserEscape checks that Esc clears a selection, a search's
// highlight and results, and restores the panel.
func TestBrowserEscape(t *testing.T) {
	g := storyGraph(t).AgreementNodes()
	c := openPage(t, render(t, g), 1600, 1000)
	intro := pageState(c).Panel
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"node", func() { click(c, "n-li-si") }},
		{"edge", func() { click(c, "e-0") }},
		{"search", func() { search(c, "李四") }},
	} {
		step.do()
		if s := pageState(c); len(s.HL)+len(s.Sel) == 0 || !s.Dim {
			t.Fatalf("%s: nothing selected: %+v", step.name, s)
		}
		c.Key("Escape", 27)
		s := pageState(c)
		if len(s.HL)+len(s.NB)+len(s.Sel) > 0 || s.Dim || len(s.Results) > 0 || s.Panel != intro {
			t.Errorf("%s, then Esc: hl %q, nb %q, sel %q, dim %v, results %q, panel %q (want %q)",
				step.name, s.HL, s.NB, s.Sel, s.Dim, s.Results, s.Panel, intro)
		}
		if err := c.Eval(`document.activeElement.blur()`, nil); err != nil {
			t.Fatal(err)
		}
	}
	checkQuiet(t, c)
}

// TestBrowserPinyinSearch checks that the search finds names by their
// pinyin without spaces and without tones, and by English names written
// any way.
func TestBrowserPinyinSearch(t *testing.T) {
	for _, c := range []struct {
		g     *graph.Graph
		query string
		want  string
	}{
		{defaultGraph(t), "caolei", "曹蕾"},
		{defaultGraph(t), "Cáo Léi", "曹蕾"},
		{defaultGraph(t), "CAO-LEI", "曹蕾"},
		{defaultGraph(t), "yuhuaf", "喻华锋"},
		{storyGraph(t), "lisi", "李四"},  // no English name: its pinyin
		{storyGraph(t), "lǐ sì", "李四"}, // with tones
		{storyGraph(t), "bingshi", "丙市"},
	} {
		t.Run(c.query, func(t *testing.T) {
			p := openPage(t, render(t, c.g), 1600, 1000)
			// As typed (Input.insertText stalls on some accented text).
			if err := p.Eval(fmt.Sprintf(`(function () {
  var q = document.getElementById("q");
  q.focus();
  q.value = %q;
  q.dispatchEvent(new Event("input", {bubbles: true}));
})()`, c.query), nil); err != nil {
				t.Fatal(err)
			}
			s := pageState(p)
			if len(s.Results) == 0 || !strings.HasPrefix(s.Results[0], c.want) {
				t.Errorf("search %q: results %q, want %s first", c.query, s.Results, c.want)
			}
			checkQuiet(t, p)
		})
	}
}

// relText is how every panel lists a relation (viewer.js relText).
func relText(g *graph.Graph, r *graph.Relation) string {
	arrow := " → "
	if !r.Directed {
		arrow = " — "
	}
	return r.Kind + " · " + r.Label() + ": " + g.Entity(r.From).Name + arrow + g.Entity(r.To).Name
}

// TestBrowserAgreementsReadAlike checks that an agreement's relations read
// the same on the panels of all the entities they touch, in both views.
func TestBrowserAgreementsReadAlike(t *testing.T) {
	for name, g := range map[string]*graph.Graph{
		"nodes": storyGraph(t).AgreementNodes(),
		"edges": storyGraph(t),
	} {
		t.Run(name, func(t *testing.T) {
			c := openPage(t, render(t, g), 1600, 1000)
			panels := map[string][]string{}
			for _, e := range g.Entities {
				click(c, "n-"+e.ID)
				var texts []string
				if err := c.Eval(`Array.from(document.querySelectorAll("#panel ul.rels button"), function (b) { return b.textContent; })`, &texts); err != nil {
					t.Fatal(err)
				}
				panels[e.ID] = texts
			}
			n := 0
			for _, r := range g.Relations {
				if r.Agreement == "" {
					continue
				}
				want := relText(g, r)
				for _, id := range []string{r.From, r.To} {
					n++
					if !slices.Contains(panels[id], want) {
						t.Errorf("%s's panel lists %q, want %q among them", id, panels[id], want)
					}
				}
			}
			if n == 0 {
				t.Fatal("no agreement relation")
			}
			checkQuiet(t, c)
		})
	}
}

// TestBrowserQuoteInContext checks that each quote of an edge can be shown
// inside its source's text, highlighted, with the source's title, date and
// URL, and hidden again.
func TestBrowserQuoteInContext(t *testing.T) {
	for name, g := range map[string]*graph.Graph{"story": storyGraph(t).AgreementNodes(), "default": defaultGraph(t)} {
		t.Run(name, func(t *testing.T) {
			c := openPage(t, render(t, g), 1600, 1000)
			checked := 0
			for i, r := range g.Relations {
				if r.Kind != graph.Secondment && r.Kind != graph.Party && r.Kind != graph.Agreement {
					continue
				}
				click(c, fmt.Sprintf("e-%d", i))
				for j, ev := range r.Evidence {
					src := g.Source(ev.Source)
					var got struct {
						Mark, Text, Source, URL, Toggle string
						Open                            bool
					}
					if err := c.Eval(fmt.Sprintf(`(function () {
  var bq = document.querySelectorAll("#panel blockquote")[%d];
  bq.querySelector(".context-toggle").click();
  var ctx = bq.querySelector(".context"), url = ctx.querySelector(".url");
  var out = {mark: ctx.querySelector("mark").textContent, text: ctx.querySelector(".context-text").textContent,
    source: ctx.querySelector(".context-source").textContent, url: url ? url.textContent : ""};
  bq.querySelector(".context-toggle").click();
  out.open = !!bq.querySelector(".context");
  out.toggle = bq.querySelector(".context-toggle").textContent;
  return out;
})()`, j), &got); err != nil {
						t.Fatalf("e-%d quote %d: %v", i, j, err)
					}
					around := strings.Trim(got.Text, "…")
					if got.Mark != ev.Quote || !strings.Contains(around, ev.Quote) || len(around) <= len(ev.Quote) ||
						!strings.Contains(src.Text, around) {
						t.Errorf("e-%d quote %d: marked %q in %q; want %q inside a longer passage of the source", i, j, got.Mark, got.Text, ev.Quote)
					}
					if !strings.Contains(got.Source, src.Title) || !strings.Contains(got.Source, src.Date.String()) || got.URL != src.URL {
						t.Errorf("e-%d quote %d: source %q, URL %q; want %q, %s, %q", i, j, got.Source, got.URL, src.Title, src.Date, src.URL)
					}
					if got.Open {
						t.Errorf("e-%d quote %d: the context stays open after the second click", i, j)
					}
					checked++
				}
			}
			t.Logf("%d quotes shown in context", checked)
			if checked == 0 {
				t.Fatal("no quote checked")
			}
			checkQuiet(t, c)
		})
	}
}
