package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"slices"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/tooltest"
	"github.com/guazhi/guazhi/kb"
)

// edgesJS samples, in the browser, every drawn edge of the SVG (the path of
// each g.edge whose id is e-N or b-N) at 40 points and densely, in CSS
// pixels, with its label's boxes.
const edgesJS = `
var out = [], nodes = {};
document.querySelectorAll("svg g.node").forEach(function (g) {
  var r = g.getBoundingClientRect();
  nodes[g.id] = r.left + r.width / 2;
});
document.querySelectorAll("svg g.edge").forEach(function (g) {
  var p = g.querySelector("path");
  if (!p) return;
  var m = p.getScreenCTM(), L = p.getTotalLength();
  function at(l) { var q = p.getPointAtLength(l); return [m.a*q.x + m.c*q.y + m.e, m.b*q.x + m.d*q.y + m.f]; }
  var coarse = [], dense = [];
  for (var i = 0; i <= 40; i++) coarse.push(at(L * i / 40));
  var n = Math.max(2, Math.ceil(L / 3));
  for (var i = 0; i <= n; i++) dense.push(at(L * i / n));
  var labels = [];
  g.querySelectorAll("text").forEach(function (t) {
    if (!t.textContent.trim()) return;
    var r = t.getBoundingClientRect();
    labels.push({text: t.textContent, box: {x: r.left, y: r.top, w: r.width, h: r.height}});
  });
  var title = g.querySelector("title");
  out.push({id: g.id, cls: g.getAttribute("class"), title: title ? title.textContent : "", coarse: coarse, dense: dense, labels: labels});
});
return {edges: out, nodes: nodes};
`

type pt [2]float64

type sampledEdge struct {
	ID, Cls, Title string
	Coarse, Dense  []pt
	Labels         []struct {
		Text string
		Box  rect
	}
}

// layoutFigures are the readability figures of a drawing.
type layoutFigures struct {
	Edges, Pairs, Crossing int      // edges, pairs of edges, pairs that cross
	LabelFar               []string // edge labels more than 12 px from their edge
	Stretched              []string // edges more than twice as long as the straight line between their ends
	Worst                  []string // the edges that cross the most others, most first
}

func dist(a, b pt) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

// segCross returns the point where segments ab and cd cross, if they do.
func segCross(a, b, c, d pt) (pt, bool) {
	r := pt{b[0] - a[0], b[1] - a[1]}
	s := pt{d[0] - c[0], d[1] - c[1]}
	den := r[0]*s[1] - r[1]*s[0]
	if math.Abs(den) < 1e-9 {
		return pt{}, false
	}
	t := ((c[0]-a[0])*s[1] - (c[1]-a[1])*s[0]) / den
	u := ((c[0]-a[0])*r[1] - (c[1]-a[1])*r[0]) / den
	if t < 0 || t > 1 || u < 0 || u > 1 {
		return pt{}, false
	}
	return pt{a[0] + t*r[0], a[1] + t*r[1]}, true
}

// crosses reports whether two sampled edges cross away from their end
// points (10 px around each end, where edges that share a node meet).
func crosses(e, f sampledEdge) bool {
	ends := []pt{e.Coarse[0], e.Coarse[len(e.Coarse)-1], f.Coarse[0], f.Coarse[len(f.Coarse)-1]}
	for i := 1; i < len(e.Coarse); i++ {
		for j := 1; j < len(f.Coarse); j++ {
			p, ok := segCross(e.Coarse[i-1], e.Coarse[i], f.Coarse[j-1], f.Coarse[j])
			if !ok {
				continue
			}
			if !slices.ContainsFunc(ends, func(q pt) bool { return dist(p, q) < 10 }) {
				return true
			}
		}
	}
	return false
}

// boxDist is the distance from p to the rectangle b (0 inside it).
func boxDist(p pt, b rect) float64 {
	dx := math.Max(math.Max(b.X-p[0], 0), p[0]-(b.X+b.W))
	dy := math.Max(math.Max(b.Y-p[1], 0), p[1]-(b.Y+b.H))
	return math.Hypot(dx, dy)
}

func measureLayout(edges []sampledEdge) layoutFigures {
	var f layoutFigures
	f.Edges = len(edges)
	per := make([]int, len(edges))
	for i := range edges {
		for j := i + 1; j < len(edges); j++ {
			f.Pairs++
			if crosses(edges[i], edges[j]) {
				f.Crossing++
				per[i]++
				per[j]++
			}
		}
	}
	order := make([]int, len(edges))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return per[b] - per[a] })
	for _, i := range order[:min(10, len(order))] {
		f.Worst = append(f.Worst, fmt.Sprintf("%s %s crosses %d", edges[i].ID, edges[i].Title, per[i]))
	}
	for _, e := range edges {
		length := 0.0
		for i := 1; i < len(e.Dense); i++ {
			length += dist(e.Dense[i-1], e.Dense[i])
		}
		if straight := dist(e.Dense[0], e.Dense[len(e.Dense)-1]); length > 2*straight {
			f.Stretched = append(f.Stretched, fmt.Sprintf("%s %s: %.0f px for %.0f px", e.ID, e.Title, length, straight))
		}
		if len(e.Labels) == 0 {
			continue
		}
		// The label is the box around all its lines.
		box := e.Labels[0].Box
		for _, l := range e.Labels[1:] {
			x0, y0 := math.Min(box.X, l.Box.X), math.Min(box.Y, l.Box.Y)
			x1, y1 := math.Max(box.X+box.W, l.Box.X+l.Box.W), math.Max(box.Y+box.H, l.Box.Y+l.Box.H)
			box = rect{x0, y0, x1 - x0, y1 - y0}
		}
		near := math.Inf(1)
		for _, p := range e.Dense {
			near = math.Min(near, boxDist(p, box))
		}
		if near > 12 {
			f.LabelFar = append(f.LabelFar, fmt.Sprintf("%s %q: %.0f px from its edge", e.ID, e.Labels[0].Text, near))
		}
	}
	return f
}

// sampleSVG opens an SVG document in headless Chromium and samples its
// edges; it also returns the horizontal centre of each node group by id.
func sampleSVG(t *testing.T, chromium string, svg []byte) ([]sampledEdge, map[string]float64) {
	t.Helper()
	var out struct {
		Edges []sampledEdge
		Nodes map[string]float64
	}
	evalSVG(t, chromium, svg, edgesJS, &out)
	return out.Edges, out.Nodes
}

// TestDefaultLayout measures the default diagram (guazhi render on the
// built-in data, as a reader sees it in Chromium with a CJK font) and
// prints the figures: pairs of edges that cross, edge labels far from
// their edge, and edges much longer than the straight line between their
// ends. GUAZHI_LAYOUT_SVG=file measures that SVG instead (to compare with
// an earlier version).
func TestDefaultLayout(t *testing.T) {
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	var svg []byte
	if f := os.Getenv("GUAZHI_LAYOUT_SVG"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		svg = b
	} else {
		svg = renderSVG(t)
	}
	f, x := measureAndLog(t, chromium, svg)
	if os.Getenv("GUAZHI_LAYOUT_SVG") != "" {
		return
	}
	// The targets: at most 150 crossing pairs (from 600), every
	// edge label within 12 px of its edge (10 were not), no edge more than
	// twice the straight distance between its ends (9 were). The default
	// diagram, with its Beijing and Hebei clusters, is at 142, 0 and 0
	// (see docs/diagram.md).
	if f.Crossing > 150 || len(f.LabelFar) > 0 || len(f.Stretched) > 0 {
		t.Errorf("%d crossing pairs (at most 150), %d labels far from their edge (none), %d stretched edges (none)",
			f.Crossing, len(f.LabelFar), len(f.Stretched))
	}
	checkReadingOrder(t, x)
}

// TestDefaultLayoutEdgesView measures the other view of the agreements
// (--agreements edges) the same way: 25 crossing pairs, 3 labels more than
// 12 px from their edge (two home posts and a role, on edges between
// neighbouring columns), none stretched (from 218, 8 and 2). The bounds
// keep it there.
func TestDefaultLayoutEdgesView(t *testing.T) {
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	f, _ := measureAndLog(t, chromium, renderSVG(t, "--agreements", "edges"))
	if f.Crossing > 150 || len(f.LabelFar) > 3 || len(f.Stretched) > 0 {
		t.Errorf("%d crossing pairs (at most 150), %d labels far from their edge (at most 3), %d stretched edges (none)",
			f.Crossing, len(f.LabelFar), len(f.Stretched))
	}
}

// renderSVG renders the built-in data as SVG with the flags given.
func renderSVG(t *testing.T, flags ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run(append([]string{"render", "-f", "svg", "-o", dir + "/x.svg"}, flags...), nil, &stdout, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	b, err := os.ReadFile(dir + "/x.svg")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// measureAndLog measures an SVG's layout in Chromium and logs the figures;
// it also returns the horizontal centre of each node group by id.
func measureAndLog(t *testing.T, chromium string, svg []byte) (layoutFigures, map[string]float64) {
	t.Helper()
	edges, x := sampleSVG(t, chromium, svg)
	f := measureLayout(edges)
	t.Logf("%d edges, %d pairs: %d pairs cross (%.0f %%); %d edge labels more than 12 px from their edge; %d edges more than twice the straight distance",
		f.Edges, f.Pairs, f.Crossing, 100*float64(f.Crossing)/float64(max(f.Pairs, 1)), len(f.LabelFar), len(f.Stretched))
	for _, s := range f.LabelFar {
		t.Logf("far label: %s", s)
	}
	for _, s := range f.Stretched {
		t.Logf("stretched: %s", s)
	}
	for _, s := range f.Worst {
		t.Logf("crossing most: %s", s)
	}
	return f, x
}

// checkReadingOrder checks the default diagram's node centres x, left to
// right: each official's home body, the official, the host body, and the
// agreements the official brokered.
func checkReadingOrder(t *testing.T, x map[string]float64) {
	t.Helper()
	// Left to right: each official's home body, the official, the host
	// body, and the agreements the official brokered.
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	g = g.AgreementNodes()
	host := map[string]string{}
	for _, r := range g.Relations {
		if r.Kind == graph.Secondment {
			host[r.From] = r.To
		}
	}
	checked := 0
	for _, r := range g.Relations {
		var chain []string
		switch r.Kind {
		case graph.Secondment:
			chain = []string{r.FromBody, r.From, r.To}
		case graph.Brokered:
			chain = []string{r.From, host[r.From], r.To}
		default:
			continue
		}
		for i := 1; i < len(chain); i++ {
			a, b := x["n-"+chain[i-1]], x["n-"+chain[i]]
			if !(a < b) {
				t.Errorf("%s %s→%s: %s (x %.0f) is not left of %s (x %.0f)", r.Kind, r.From, r.To, chain[i-1], a, chain[i], b)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Error("no secondment or brokered relation checked")
	}
}
