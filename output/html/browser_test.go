//go:build unix

package html

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/browser"
	"github.com/guazhi/guazhi/internal/tooltest"
	"github.com/guazhi/guazhi/output/internal/exporttest"
)

var screenshot = flag.Bool("screenshot", false, "TestScreenshot writes docs/viewer.png")

// openPage writes page to a file and opens it in a fresh headless Chromium
// of width×height pixels, checking that the viewer started.
func openPage(t *testing.T, page []byte, width, height int) *browser.Chrome {
	t.Helper()
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	c := browser.Start(ctx, t, chromium, width, height)
	c.Open((&url.URL{Scheme: "file", Path: file}).String()) // escaped: test names may hold any text
	// The viewer adds a hit area to each edge; its absence means the
	// script did not run (its hash did not match the CSP, or it threw).
	var hits int
	if err := c.Eval(`document.querySelectorAll("#view g.edge .hit").length`, &hits); err != nil {
		t.Fatal(err)
	}
	if hits == 0 {
		t.Fatalf("the viewer did not start; exceptions %q, console %q", c.Exceptions, c.Console)
	}
	return c
}

// checkQuiet fails the test for any dialog, uncaught exception or console
// error the page caused.
func checkQuiet(t *testing.T, c *browser.Chrome) {
	t.Helper()
	if len(c.Dialogs) > 0 {
		t.Errorf("dialogs opened: %q", c.Dialogs)
	}
	if len(c.Exceptions) > 0 {
		t.Errorf("exceptions: %q", c.Exceptions)
	}
	for _, m := range c.Console {
		t.Errorf("console: %s", m)
	}
}

// state is what stateJS reports of the page.
type state struct {
	HL, NB, Sel []string // ids of groups with the classes hl, nb, sel
	Dim         bool
	Results     []string
	Title       string   // the panel's heading
	Quotes      []string // the panel's evidence quotes
	Cites       []string // and their sources
	Panel       string
	ViewBox     string
}

const stateJS = `(function () {
  function ids(sel) { return Array.from(document.querySelectorAll(sel), function (g) { return g.id; }); }
  function texts(sel) { return Array.from(document.querySelectorAll(sel), function (x) { return x.textContent; }); }
  var h2 = document.querySelector("#panel h2");
  return {hl: ids("#view g.hl"), nb: ids("#view g.nb"), sel: ids("#view g.sel"),
    dim: document.querySelector("#view svg").classList.contains("dim"),
    results: document.getElementById("results").hidden ? [] : texts("#results li"),
    title: h2 ? h2.textContent : "", quotes: texts("#panel blockquote .quote"), cites: texts("#panel section.source > cite"),
    panel: document.getElementById("panel").textContent,
    viewBox: document.querySelector("#view svg").getAttribute("viewBox")};
})()`

func pageState(c *browser.Chrome) state {
	c.T.Helper()
	var s state
	if err := c.Eval(stateJS, &s); err != nil {
		c.T.Fatal(err)
	}
	return s
}

// click dispatches a click on the element with the given id, as the brief
// for the test asks: a click on the edge's or node's group.
func click(c *browser.Chrome, id string) {
	c.T.Helper()
	js := fmt.Sprintf(`(function () {
  var g = document.getElementById(%q);
  if (!g) throw new Error("no element " + %q);
  g.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, view: window}));
})()`, id, id)
	if err := c.Eval(js, nil); err != nil {
		c.T.Fatal(err)
	}
}

// search focuses the search box and types text into it.
func search(c *browser.Chrome, text string) {
	c.T.Helper()
	if err := c.Eval(`document.getElementById("q").focus()`, nil); err != nil {
		c.T.Fatal(err)
	}
	c.TypeText(text)
}

// involving returns the indexes of the relations that end at id or name it
// among their officials: the edges a search for it highlights.
func involving(g *graph.Graph, id string) []int {
	var out []int
	for i, r := range g.Relations {
		if r.From == id || r.To == id || slices.ContainsFunc(r.Officials, func(o graph.Role) bool { return o.Official == id }) {
			out = append(out, i)
		}
	}
	return out
}

func TestBrowserSearchAndPanel(t *testing.T) {
	g := defaultGraph(t)
	const who = "cao-lei"
	c := openPage(t, render(t, g), 1600, 1000)

	search(c, "曹蕾")
	s := pageState(c)
	if !slices.Contains(s.HL, "n-"+who) || !s.Dim {
		t.Fatalf("after searching 曹蕾, highlighted %q (dim %v), want n-%s among them", s.HL, s.Dim, who)
	}
	if len(s.Results) == 0 || !strings.HasPrefix(s.Results[0], "曹蕾") {
		t.Errorf("results %q, want 曹蕾 first", s.Results)
	}
	// Her edges are highlighted, and their other ends as neighbours.
	edges := involving(g, who)
	wantNB := map[string]bool{}
	kinds := map[string]int{}
	for _, i := range edges {
		r := g.Relations[i]
		if !slices.Contains(s.HL, fmt.Sprintf("e-%d", i)) {
			t.Errorf("edge e-%d (%s %s→%s) is not highlighted", i, r.Kind, r.From, r.To)
		}
		for _, n := range []string{r.From, r.To} {
			if n != who {
				wantNB["n-"+n] = true
			}
		}
		if _, ok := kinds[r.Kind]; !ok {
			kinds[r.Kind] = i
		}
	}
	for n := range wantNB {
		if !slices.Contains(s.NB, n) {
			t.Errorf("neighbour %s is not marked; nb %q", n, s.NB)
		}
	}
	if len(wantNB) == 0 || len(s.NB) != len(wantNB) {
		t.Errorf("neighbours %q, want %d", s.NB, len(wantNB))
	}
	t.Logf("曹蕾: %d edges %v, %d neighbours", len(edges), kinds, len(wantNB))

	// Enter picks the first result and shows it in the panel.
	c.Key("Enter", 13)
	s = pageState(c)
	if s.Title != "曹蕾" || !slices.Contains(s.Sel, "n-"+who) {
		t.Errorf("after Enter, panel %q, selected %q", s.Title, s.Sel)
	}

	// A click on each kind of her edges shows that edge's evidence.
	for _, kind := range []string{graph.Secondment, "meeting", graph.Agreement} {
		i, ok := kinds[kind]
		if !ok {
			t.Errorf("曹蕾 has no %s edge", kind)
			continue
		}
		r := g.Relations[i]
		id := fmt.Sprintf("e-%d", i)
		click(c, id)
		s := pageState(c)
		var want []string
		for _, ev := range r.Evidence {
			want = append(want, ev.Quote)
		}
		if !slices.Equal(s.Quotes, want) {
			t.Errorf("after clicking %s (%s), the panel's quotes are %q, want %q", id, kind, s.Quotes, want)
		}
		src := g.Source(r.Evidence[0].Source)
		if len(s.Cites) == 0 || !strings.Contains(s.Cites[0], src.Title) {
			t.Errorf("after clicking %s, the panel cites %q, want the source's title %q", id, s.Cites, src.Title)
		}
		if !slices.Contains(s.Sel, id) {
			t.Errorf("after clicking %s, selected %q", id, s.Sel)
		}
	}
	checkQuiet(t, c)
}

func TestBrowserPanZoom(t *testing.T) {
	c := openPage(t, render(t, defaultGraph(t)), 1200, 800)
	// The page opens on the story (see TestBrowserOpeningView); Fit shows
	// the whole diagram.
	opening := pageState(c).ViewBox
	click(c, "fit")
	fit := pageState(c).ViewBox
	if fit == opening {
		t.Errorf("the page opens on the whole diagram (%s), too small to read", fit)
	}
	var box [4]float64
	parse := func(s string) [4]float64 {
		var b [4]float64
		if _, err := fmt.Sscan(s, &b[0], &b[1], &b[2], &b[3]); err != nil {
			t.Fatalf("viewBox %q: %v", s, err)
		}
		return b
	}
	box = parse(fit)

	// A wheel turn up zooms in around the pointer.
	c.Call("Input.dispatchMouseEvent", map[string]any{"type": "mouseWheel", "x": 400, "y": 400, "deltaX": 0, "deltaY": -300}, nil)
	zoomed := parse(pageState(c).ViewBox)
	if !(zoomed[2] < box[2]*0.8) {
		t.Errorf("after the wheel, viewBox %v, want narrower than %v", zoomed, box)
	}
	// A drag moves the view.
	for _, ev := range []map[string]any{
		{"type": "mousePressed", "x": 500, "y": 500, "button": "left", "buttons": 1, "clickCount": 1},
		{"type": "mouseMoved", "x": 540, "y": 520, "button": "left", "buttons": 1},
		{"type": "mouseMoved", "x": 600, "y": 550, "button": "left", "buttons": 1},
		{"type": "mouseReleased", "x": 600, "y": 550, "button": "left", "buttons": 0, "clickCount": 1},
	} {
		c.Call("Input.dispatchMouseEvent", ev, nil)
	}
	dragged := parse(pageState(c).ViewBox)
	if !(dragged[0] < zoomed[0] && dragged[1] < zoomed[1] && dragged[2] == zoomed[2]) {
		t.Errorf("after dragging right and down, viewBox %v, want left of and above %v at the same size", dragged, zoomed)
	}
	// The fit button restores the whole diagram.
	click(c, "fit")
	if got := pageState(c).ViewBox; got != fit {
		t.Errorf("after Fit, viewBox %q, want %q", got, fit)
	}
	checkQuiet(t, c)
}

func TestBrowserHostile(t *testing.T) {
	g := hostileGraph(t)
	c := openPage(t, render(t, g), 1200, 800)

	// Nothing ran, and the document holds only the viewer's own elements.
	var doc struct {
		Scripts, Svgs, Images int
		Handlers              []string
		Title, H1             string
		Labels                []string
	}
	err := c.Eval(`(function () {
  var handlers = [];
  document.querySelectorAll("*").forEach(function (el) {
    Array.from(el.attributes).forEach(function (a) { if (/^on/i.test(a.name)) handlers.push(el.tagName + " " + a.name); });
  });
  return {scripts: document.scripts.length, svgs: document.querySelectorAll("svg").length,
    images: document.querySelectorAll("img, image, iframe, object, embed").length, handlers: handlers,
    title: document.title, h1: document.getElementById("title").textContent,
    labels: Array.from(document.querySelectorAll("#view text"), function (t) { return t.textContent; })};
})()`, &doc)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Scripts != 3 || doc.Svgs != 1 || doc.Images != 0 || len(doc.Handlers) > 0 {
		t.Errorf("injected elements: %+v", doc)
	}
	if doc.Title != g.Title || doc.H1 != g.Title {
		t.Errorf("title %q, heading %q, want %q", doc.Title, doc.H1, g.Title)
	}
	for _, name := range []string{scriptName, onloadName} {
		if !slices.Contains(doc.Labels, name) {
			t.Errorf("no label reads %q: %q", name, doc.Labels)
		}
	}

	// Search and panel show the names as text.
	search(c, "alert(1)")
	s := pageState(c)
	if !slices.Contains(s.HL, "n-evil-script") || !slices.Contains(s.HL, "n-evil-attr") {
		t.Errorf("search for alert(1) highlighted %q", s.HL)
	}
	click(c, "n-evil-script")
	if s := pageState(c); s.Title != scriptName {
		t.Errorf("panel heading %q, want %q", s.Title, scriptName)
	}
	click(c, "e-0")
	s = pageState(c)
	if want := []string{scriptName + " " + onloadName}; !slices.Equal(s.Quotes, want) {
		t.Errorf("quotes %q, want %q", s.Quotes, want)
	}
	if len(s.Cites) == 0 || !strings.Contains(s.Cites[0], "</title><script>alert(7)</script>") {
		t.Errorf("cites %q", s.Cites)
	}
	if strings.Contains(s.Panel, "javascript:") {
		t.Errorf("the panel shows the javascript: URL: %q", s.Panel)
	}
	if !strings.Contains(s.Panel, "url: https://example.org/a?b=<i>x</i>") {
		t.Errorf("the panel does not show the evidence url as text: %q", s.Panel)
	}
	for i, r := range g.Relations { // the link's evidence has a javascript: url
		if r.Kind == "meeting" {
			click(c, fmt.Sprintf("e-%d", i))
			if s := pageState(c); len(s.Quotes) != 1 || strings.Contains(s.Panel, "javascript:") {
				t.Errorf("the link's panel: quotes %q, panel %q (no javascript: URL wanted)", s.Quotes, s.Panel)
			}
		}
	}

	// And the policy is in force: markup put into the page cannot run
	// script.
	var pwned any
	err = c.Eval(`new Promise(function (done) {
  document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.pwned = 1" onload="window.pwned = 2"><script>window.pwned = 3</script>');
  var s = document.createElement("script"); s.textContent = "window.pwned = 4"; document.body.appendChild(s);
  setTimeout(function () { done(window.pwned === undefined ? null : window.pwned); }, 300);
})`, &pwned)
	if err != nil {
		t.Fatal(err)
	}
	if pwned != nil {
		t.Errorf("injected markup ran script: pwned = %v", pwned)
	}
	if len(c.Console) == 0 || !strings.Contains(strings.Join(c.Console, "\n"), "Content Security Policy") {
		t.Errorf("no CSP violation reported for the injected markup; console %q", c.Console)
	}
	c.Console = nil // those were the probe's
	checkQuiet(t, c)
}

// TestScreenshot saves docs/viewer.png: the viewer after a search for 曹蕾,
// a click on her secondment and on its first quote's context. Run it with
//
//	go test ./output/html -run Screenshot -screenshot
func TestScreenshot(t *testing.T) {
	if !*screenshot {
		t.Skip("run with -screenshot to write docs/viewer.png")
	}
	g := defaultGraph(t).AgreementNodes() // as guazhi render draws it
	c := openPage(t, render(t, g), 1600, 1000)
	search(c, "曹蕾")
	c.Key("Enter", 13)
	for _, i := range involving(g, "cao-lei") {
		if g.Relations[i].Kind == graph.Secondment {
			click(c, fmt.Sprintf("e-%d", i))
			break
		}
	}
	// Show the first quote in its context.
	if err := c.Eval(`document.querySelector("#panel .context-toggle").click()`, nil); err != nil {
		t.Fatal(err)
	}
	checkQuiet(t, c)
	out := filepath.Join("..", "..", "docs", "viewer.png")
	if err := os.WriteFile(out, c.Screenshot(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", out)
}

// TestBrowserSources: the panel of a relation that two sources state
// groups its quotes by source, each group headed by the source's
// publisher, title and date, with its URL.
func TestBrowserSources(t *testing.T) {
	g, err := exporttest.Followup(t).Select(graph.Selection{Focus: "yu-huafeng"})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(g.Relations, func(r *graph.Relation) bool { return r.Kind == graph.Secondment && r.From == "yu-huafeng" })
	r := g.Relations[i]
	c := openPage(t, render(t, g), 1200, 800)
	click(c, fmt.Sprintf("e-%d", i))
	s := pageState(c)
	want := []string{"廊坊日报(虚构):挂职一年:喻华锋与廊坊的电商缘(2017-03-08)", "澎湃新闻:长安街知事:百名京官挂职河北干成了什么?(2015-11-17)"}
	if !slices.Equal(s.Cites, want) {
		t.Errorf("the panel's source headings are %q, want %q", s.Cites, want)
	}
	var quotes []string
	for _, ev := range r.Evidence {
		quotes = append(quotes, ev.Quote)
	}
	if !slices.Equal(s.Quotes, quotes) || r.Evidence[0].Source != "langfang-daily-2017-03-08" {
		t.Errorf("the panel's quotes are %q, want %q, the follow-up's first", s.Quotes, quotes)
	}
	for _, w := range []string{"证据 Evidence (4 · 2 sources 来源)", "https://example.org/langfang-daily/2017-03-08",
		"source_count2", "attested_bylangfang-daily-2017-03-08、thepaper-2015-11-17"} {
		if !strings.Contains(s.Panel, w) {
			t.Errorf("the panel does not show %q: %q", w, s.Panel)
		}
	}
	checkQuiet(t, c)
}
