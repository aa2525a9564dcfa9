//go:build unix

package html

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/browser"
	"github.com/guazhi/guazhi/internal/names"
	"github.com/guazhi/guazhi/internal/tooltest"
	"github.com/guazhi/guazhi/kb"
)

var (
	officials = flag.Int("officials", 1000, "TestBrowserOverviewOpen: how many synthetic officials")
	shot      = flag.String("shot", "", "TestBrowserOverviewOpen writes a screenshot of the opening overview to this PNG file")
)

// openLimit is the longest the overview of 1,000 officials may take to
// open: generous, for a slow shared machine.
const openLimit = 15 * time.Second

// writePage writes g's page as the CLI does for a large graph, whose SVG
// the page does not use.
func writePage(t testing.TB, g *graph.Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, g, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// openOverview opens page in a fresh headless Chromium of width×height and
// waits until the overview is drawn: the page has loaded, the viewer has
// made its cytoscape.js instance, and two frames have been painted. It
// returns how long that took from the navigation.
func openOverview(t *testing.T, page []byte, width, height int) (*browser.Chrome, string, time.Duration) {
	t.Helper()
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	c := browser.Start(ctx, t, chromium, width, height)
	u := (&url.URL{Scheme: "file", Path: file}).String()
	start := time.Now()
	c.Open(u)
	var n int
	if err := c.Eval(`new Promise(function (done) {
  requestAnimationFrame(function () { requestAnimationFrame(function () { done(window.guazhiCy ? guazhiCy.nodes().length : 0); }); });
})`, &n); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if n == 0 {
		t.Fatalf("the overview did not start; exceptions %q, console %q", c.Exceptions, c.Console)
	}
	return c, u, took
}

// clickNode clicks, with the mouse, at the centre of the overview's node id.
func clickNode(c *browser.Chrome, id string) {
	c.T.Helper()
	var p struct{ X, Y float64 }
	if err := c.Eval(fmt.Sprintf(`(function () {
  var n = guazhiCy.getElementById(%q), r = document.getElementById("cy").getBoundingClientRect();
  if (n.empty()) throw new Error("no node " + %q);
  var p = n.renderedPosition();
  return {x: r.left + p.x, y: r.top + p.y};
})()`, id, id), &p); err != nil {
		c.T.Fatal(err)
	}
	c.Call("Input.dispatchMouseEvent", map[string]any{"type": "mouseMoved", "x": p.X, "y": p.Y}, nil)
	for _, typ := range []string{"mousePressed", "mouseReleased"} {
		c.Call("Input.dispatchMouseEvent", map[string]any{"type": typ, "x": p.X, "y": p.Y, "button": "left", "buttons": 1, "clickCount": 1}, nil)
	}
	settle(c)
}

// overviewState is what overviewJS reports.
type overviewState struct {
	Bodies, Officials, Expanded []string // node ids
	Flows                       map[string]int
	Zoom                        float64
	Serving                     string
	YearLabel, Panel            string
	HL, Sel                     []string
	InView                      []string // nodes whose centre is in the view
}

const overviewJS = `(function () {
  var cy = guazhiCy, w = cy.width(), h = cy.height();
  function ids(c) { return c.map(function (n) { return n.id(); }); }
  var flows = {};
  cy.edges(".flow").forEach(function (e) { if (e.visible()) flows[e.id()] = e.data("n"); });
  var inView = cy.nodes().filter(function (n) { var p = n.renderedPosition(); return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h; });
  return {bodies: ids(cy.nodes(".body")), officials: ids(cy.nodes(".official")), expanded: ids(cy.nodes(".open")),
    flows: flows, zoom: cy.zoom(), serving: document.body.dataset.serving || "",
    yearLabel: document.getElementById("year-label").textContent, panel: document.getElementById("panel").textContent,
    hl: ids(cy.elements(".hl")), sel: ids(cy.elements(".sel")), inView: ids(inView)};
})()`

func overviewOf(c *browser.Chrome) overviewState {
	c.T.Helper()
	var s overviewState
	if err := c.Eval(overviewJS, &s); err != nil {
		c.T.Fatal(err)
	}
	return s
}

// labelBox is a node's label's box on screen.
type labelBox struct {
	ID             string
	X1, Y1, X2, Y2 float64
}

// labelBoxes returns the boxes of the labels of the nodes shown.
func labelBoxes(c *browser.Chrome) []labelBox {
	c.T.Helper()
	var out []labelBox
	if err := c.Eval(`guazhiCy.nodes(":visible").map(function (n) {
  var b = n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false});
  return {id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2};
})`, &out); err != nil {
		c.T.Fatal(err)
	}
	return out
}

// TestBrowserOverview opens the page of 1,000 synthetic officials at
// 1600×1000 and checks the overview: it opens within openLimit, shows every
// body with no two labels overlapping, counts the secondments on its flows,
// expands and folds a body on a click, finds officials by name and by
// pinyin, shows who served in the year the slider names when it is moved
// from the keyboard, and makes no request.
func TestBrowserOverview(t *testing.T) {
	g := synthGraph(t, 1000)
	page := writePage(t, g)
	ov := newOverview(g)
	c, u, took := openOverview(t, page, 1600, 1000)
	t.Logf("1,000 officials: %d bytes, opened in %v", len(page), took.Round(time.Millisecond))
	if took > openLimit {
		t.Errorf("the overview took %v to open, want under %v", took, openLimit)
	}
	s := overviewOf(c)

	// Every body, and no official yet.
	var want []string
	for _, b := range ov.Bodies {
		want = append(want, "n-"+b.ID)
	}
	slices.Sort(want)
	got := slices.Sorted(slices.Values(s.Bodies))
	if !slices.Equal(got, want) || len(s.Officials) > 0 {
		t.Errorf("the overview shows %d bodies and %d officials, want the %d bodies only", len(got), len(s.Officials), len(want))
	}
	if missing := len(slices.DeleteFunc(slices.Clone(want), func(id string) bool { return slices.Contains(s.InView, id) })); missing > 0 {
		t.Errorf("%d bodies are out of the opening view", missing)
	}
	// Legible: labels of 13 px at the opening zoom are at least 9 px.
	t.Logf("opening zoom %.2f: labels of %.1f px", s.Zoom, 13*s.Zoom)
	if 13*s.Zoom < 9 {
		t.Errorf("the opening zoom %.2f draws labels at %.1f px, want at least 9", s.Zoom, 13*s.Zoom)
	}
	checkNoOverlap(t, labelBoxes(c))

	// The flows count the officials seconded along them.
	drawn := 0
	for _, f := range ov.Flows {
		if f.From == "" {
			continue
		}
		drawn++
		if s.Flows[f.ID] != len(f.Stints) {
			t.Errorf("flow %s %s→%s shows %d, want %d", f.ID, f.From, f.To, s.Flows[f.ID], len(f.Stints))
		}
	}
	if len(s.Flows) != drawn || drawn == 0 {
		t.Errorf("%d flows shown, want %d", len(s.Flows), drawn)
	}

	// A click on a body (one inside no other, with officials) adds its
	// officials; a second click folds them.
	var body obody
	for _, b := range ov.Bodies {
		if len(b.Officials) >= 5 && b.Parent == "" && !slices.ContainsFunc(ov.Bodies, func(x obody) bool { return x.Parent == b.ID }) {
			body = b
			break
		}
	}
	if body.ID == "" {
		t.Fatal("no body with officials to click")
	}
	clickNode(c, "n-"+body.ID)
	s = overviewOf(c)
	var wantOff []string
	for _, o := range body.Officials {
		wantOff = append(wantOff, "n-"+o)
	}
	if got := slices.Sorted(slices.Values(s.Officials)); !slices.Equal(got, wantOff) || !slices.Contains(s.Expanded, "n-"+body.ID) {
		t.Errorf("after a click on %s, officials %q (expanded %q), want %q", body.ID, got, s.Expanded, wantOff)
	}
	if !strings.Contains(s.Panel, g.Entity(body.ID).Name) {
		t.Errorf("the panel does not show %s", g.Entity(body.ID).Name)
	}
	var relEdges int
	if err := c.Eval(`guazhiCy.edges(".rel").length`, &relEdges); err != nil {
		t.Fatal(err)
	}
	if relEdges < len(body.Officials) {
		t.Errorf("%d secondment and post edges for %d officials", relEdges, len(body.Officials))
	}
	clickNode(c, "n-"+body.ID)
	if s = overviewOf(c); len(s.Officials) > 0 || len(s.Expanded) > 0 {
		t.Errorf("after a second click, officials %q, expanded %q; want none", s.Officials, s.Expanded)
	}

	// Search by name and by pinyin: Enter shows the official, in view,
	// highlighted with their edges.
	var who []*graph.Entity
	for _, e := range g.Entities {
		if e.Kind == graph.Official && len(who) < 2 && slices.ContainsFunc(ov.Flows, func(f flow) bool {
			return f.From != "" && slices.ContainsFunc(f.Stints, func(s stint) bool { return s.Official == e.ID })
		}) {
			who = append(who, e)
		}
	}
	for i, e := range who {
		query := e.Name
		if i == 1 {
			query = strings.ToLower(strings.ReplaceAll(names.Personal(e.Name), " ", ""))
		}
		c.Key("Escape", 27)
		setQuery(c, query)
		var results []string
		if err := c.Eval(`Array.from(document.querySelectorAll("#results li"), function (li) { return li.textContent; })`, &results); err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(results, func(r string) bool { return strings.HasPrefix(r, e.Name) }) {
			t.Errorf("search %q: results %q, want %s among them", query, results, e.Name)
			continue
		}
		// Pick it from the results, as a click on it does.
		if err := c.Eval(fmt.Sprintf(`Array.from(document.querySelectorAll("#results li button")).find(function (b) { return b.firstChild.textContent === %q; }).click()`, e.Name), nil); err != nil {
			t.Fatal(err)
		}
		s = overviewOf(c)
		id := "n-" + e.ID
		if !slices.Contains(s.Officials, id) || !slices.Contains(s.Sel, id) || !slices.Contains(s.InView, id) {
			t.Errorf("search %q: %s shown %v, selected %v, in view %v", query, id, slices.Contains(s.Officials, id), slices.Contains(s.Sel, id), slices.Contains(s.InView, id))
		}
		edges := 0
		for _, h := range s.HL {
			if strings.HasPrefix(h, "e-") || strings.HasPrefix(h, "f-") {
				edges++
			}
		}
		if edges == 0 {
			t.Errorf("search %q: no edge of %s highlighted: %q", query, e.Name, s.HL)
		}
		t.Logf("search %q: %s, zoom %.2f, %d edges highlighted", query, e.Name, s.Zoom, edges)
	}
	c.Key("Escape", 27)

	// The year slider, from the keyboard: its first step is the first
	// year; the flows then count only who served in it.
	if err := c.Eval(`document.getElementById("year").focus()`, nil); err != nil {
		t.Fatal(err)
	}
	all := overviewOf(c)
	c.Key("ArrowRight", 39)
	c.Key("ArrowRight", 39)
	settle(c)
	s = overviewOf(c)
	year := ov.Years[0] + 1
	serving := map[string]bool{}
	count := map[string]int{}
	for _, f := range ov.Flows {
		for _, x := range f.Stints {
			if x.From == 0 || (x.From <= year && year <= x.To) {
				serving[x.Official] = true
				if f.From != "" {
					count[f.ID]++
				}
			}
		}
	}
	if !strings.HasPrefix(s.YearLabel, fmt.Sprint(year)) || s.Serving != fmt.Sprint(len(serving)) {
		t.Errorf("after two steps right, the label reads %q and %q serve, want %d and %d", s.YearLabel, s.Serving, year, len(serving))
	}
	if !mapsEqual(s.Flows, count) || mapsEqual(s.Flows, all.Flows) {
		t.Errorf("in %d the flows show %v, want %v", year, s.Flows, count)
	}
	t.Logf("in %d: %d officials serving, %d flows shown of %d", year, len(serving), len(s.Flows), len(all.Flows))
	c.Key("Home", 36)
	settle(c)
	if s = overviewOf(c); s.Serving != "" || !mapsEqual(s.Flows, all.Flows) {
		t.Errorf("Home: serving %q, %d flows; want all years", s.Serving, len(s.Flows))
	}

	for _, r := range c.Requests {
		if r != u {
			t.Errorf("the page requested %s", r)
		}
	}
	if len(c.Requests) != 1 {
		t.Errorf("requests %q, want the page's own only", c.Requests)
	}
	checkQuiet(t, c)
}

// settle waits for the page to handle the input events sent to it and
// paint: two animation frames.
func settle(c *browser.Chrome) {
	c.T.Helper()
	if err := c.Eval(`new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(done); }); })`, nil); err != nil {
		c.T.Fatal(err)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// setQuery puts text in the search box as typing would.
func setQuery(c *browser.Chrome, text string) {
	c.T.Helper()
	if err := c.Eval(fmt.Sprintf(`(function () {
  var q = document.getElementById("q");
  q.focus();
  q.value = %q;
  q.dispatchEvent(new Event("input", {bubbles: true}));
})()`, text), nil); err != nil {
		c.T.Fatal(err)
	}
}

// checkNoOverlap fails the test for any two label boxes that overlap.
func checkNoOverlap(t *testing.T, boxes []labelBox) {
	t.Helper()
	bad := 0
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2 {
				if bad++; bad <= 10 {
					t.Errorf("labels overlap: %+v and %+v", a, b)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d pairs of %d labels overlap", bad, len(boxes))
	}
	if len(boxes) == 0 {
		t.Error("no label")
	}
}

// TestBrowserOverviewOpen reports the page's size and how long its
// overview takes to open for -officials synthetic officials (default
// 1,000); bench/viewer.sh runs it at 1,000 and 5,000.
func TestBrowserOverviewOpen(t *testing.T) {
	g := synthGraph(t, *officials)
	page := writePage(t, g)
	c, _, took := openOverview(t, page, 1600, 1000)
	s := overviewOf(c)
	t.Logf("%d officials: %d bodies, %d flows, page %d bytes, opened in %v, zoom %.2f",
		*officials, len(s.Bodies), len(s.Flows), len(page), took.Round(time.Millisecond), s.Zoom)
	if *shot != "" {
		if err := os.WriteFile(*shot, c.Screenshot(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if *officials <= 1000 && took > openLimit {
		t.Errorf("the overview took %v to open, want under %v", took, openLimit)
	}
	checkNoOverlap(t, labelBoxes(c))

	// The detail: every body expanded.
	start := time.Now()
	click(c, "mode")
	settle(c)
	s = overviewOf(c)
	at := map[string]bool{} // the officials with a post or secondment at a body
	for _, b := range newOverview(g).Bodies {
		for _, o := range b.Officials {
			at[o] = true
		}
	}
	n := len(at)
	t.Logf("the detail (every body expanded): %d officials shown in %v", len(s.Officials), time.Since(start).Round(time.Millisecond))
	if len(s.Officials) != n || n == 0 {
		t.Errorf("the detail shows %d officials, want %d", len(s.Officials), n)
	}
	checkQuiet(t, c)
}

// TestBrowserSwitchViews: the built-in graph opens on its detail, the SVG;
// the button shows the overview, and then the detail again.
func TestBrowserSwitchViews(t *testing.T) {
	g := defaultGraph(t)
	c := openPage(t, render(t, g), 1600, 1000)
	visible := func() (svgShown, cyShown bool, button string) {
		var v struct {
			SVG, Cy bool
			Button  string
		}
		if err := c.Eval(`({svg: !document.getElementById("view").hidden, cy: !document.getElementById("cy").hidden,
  button: document.getElementById("mode").textContent})`, &v); err != nil {
			t.Fatal(err)
		}
		return v.SVG, v.Cy, v.Button
	}
	if s, y, b := visible(); !s || y {
		t.Errorf("opens with the SVG shown %v, the overview shown %v (button %q)", s, y, b)
	}
	click(c, "mode")
	if s, y, b := visible(); s || !y || b != "细节 Detail" {
		t.Errorf("after the button, the SVG shown %v, the overview shown %v (button %q)", s, y, b)
	}
	st := overviewOf(c)
	if n := len(newOverview(g).Bodies); len(st.Bodies) != n || n == 0 {
		t.Errorf("the overview shows %d bodies, want %d", len(st.Bodies), n)
	}
	checkNoOverlap(t, labelBoxes(c))
	// In the overview, a search still finds an official, shown by expanding
	// the body she was seconded to.
	setQuery(c, "曹蕾")
	c.Key("Enter", 13)
	if st = overviewOf(c); !slices.Contains(st.Officials, "n-cao-lei") || !slices.Contains(st.Sel, "n-cao-lei") {
		t.Errorf("search 曹蕾 in the overview: officials %q, selected %q", st.Officials, st.Sel)
	}
	click(c, "mode")
	if s, y, _ := visible(); !s || y {
		t.Errorf("after the button again, the SVG shown %v, the overview shown %v", s, y)
	}
	checkQuiet(t, c)
}

// TestBrowserOverviewHostile: in the overview the hostile names are
// labels and panel text, nothing runs, and the search finds them.
func TestBrowserOverviewHostile(t *testing.T) {
	g := hostileGraph(t)
	c := openPage(t, render(t, g), 1200, 800)
	click(c, "mode")
	var labels []string
	if err := c.Eval(`guazhiCy.nodes().map(function (n) { return n.data("label"); })`, &labels); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(labels, onloadName) {
		t.Errorf("no overview label reads %q: %q", onloadName, labels)
	}
	clickNode(c, "n-evil-attr") // expands it: the official seconded there
	s := overviewOf(c)
	if !slices.Contains(s.Officials, "n-evil-script") {
		t.Errorf("after a click on evil-attr, officials %q", s.Officials)
	}
	var title string
	if err := c.Eval(`document.querySelector("#panel h2").textContent`, &title); err != nil {
		t.Fatal(err)
	}
	if title != onloadName {
		t.Errorf("panel heading %q, want %q", title, onloadName)
	}
	clickNode(c, "n-evil-script")
	if err := c.Eval(`document.querySelector("#panel h2").textContent`, &title); err != nil {
		t.Fatal(err)
	}
	if title != scriptName {
		t.Errorf("panel heading %q, want %q", title, scriptName)
	}
	var n int
	if err := c.Eval(`document.querySelectorAll("script, img, iframe, object, embed").length`, &n); err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("%d script and embedding elements, want the page's 3 scripts", n)
	}
	checkQuiet(t, c)
}

// TestBrowserDetailWithoutSVG: a small graph written without its SVG opens
// on its detail drawn like the overview, every body expanded, so every
// entity but the agreements is a node.
func TestBrowserDetailWithoutSVG(t *testing.T) {
	g := storyGraph(t)
	c, _, _ := openOverview(t, writePage(t, g), 1600, 1000)
	s := overviewOf(c)
	var want []string
	for _, e := range g.Entities {
		want = append(want, "n-"+e.ID)
	}
	got := slices.Sorted(slices.Values(append(s.Bodies, s.Officials...)))
	if !slices.Equal(got, want) {
		t.Errorf("nodes %q, want %q", got, want)
	}
	checkNoOverlap(t, labelBoxes(c))
	var button string
	if err := c.Eval(`document.getElementById("mode").textContent`, &button); err != nil {
		t.Fatal(err)
	}
	if button != "总览 Overview" {
		t.Errorf("the button reads %q", button)
	}
	click(c, "mode")
	if s = overviewOf(c); len(s.Officials) > 0 || len(s.Bodies) != len(newOverview(g).Bodies) {
		t.Errorf("the overview shows officials %q and %d bodies", s.Officials, len(s.Bodies))
	}
	checkQuiet(t, c)
}

// TestBrowserDetailYears: in the detail, the year slider dims the
// officials who did not serve in its year.
func TestBrowserDetailYears(t *testing.T) {
	g, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: "kb.yaml", Data: []byte(overviewKB)})
	if err != nil {
		t.Fatal(err)
	}
	ov := newOverview(g)
	c := openPage(t, render(t, g), 1600, 1000)
	dimmed := 0
	// The year slider dims, in the diagram, the officials who did not
	// serve in its year.
	for _, year := range []int{ov.Years[0], ov.Years[1]} {
		if err := c.Eval(fmt.Sprintf(`(function () {
  var y = document.getElementById("year");
  y.value = %d;
  y.dispatchEvent(new Event("input", {bubbles: true}));
})()`, year), nil); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, e := range g.Entities {
			if e.Kind == graph.Official && !slices.ContainsFunc(ov.Flows, func(f flow) bool {
				return slices.ContainsFunc(f.Stints, func(s stint) bool { return s.Official == e.ID && (s.From == 0 || s.From <= year && year <= s.To) })
			}) {
				want = append(want, "n-"+e.ID)
			}
		}
		var off []string
		if err := c.Eval(`Array.from(document.querySelectorAll("#view g.node.off"), function (g) { return g.id; })`, &off); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(off, want) {
			t.Errorf("in %d the diagram dims %q, want %q", year, off, want)
		}
		t.Logf("in %d: %d officials dimmed", year, len(off))
		dimmed += len(off)
	}
	if dimmed == 0 {
		t.Error("no official dimmed in any year")
	}
	checkQuiet(t, c)
}
