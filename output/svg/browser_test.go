package svg_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guazhi/guazhi/internal/browser"
	"github.com/guazhi/guazhi/internal/tooltest"
	"github.com/guazhi/guazhi/output/svg"
)

// measureJS runs in Chromium on a page holding several SVGs, each in a
// <div data-name>. For each it returns the bounding boxes, in the SVG's user
// units, of node shapes and their labels, cluster frames and their labels,
// edge labels, and the canvas; and it measures the width of Chinese text in
// svg.FontFamily, to prove a CJK font is drawing it.
const measureJS = `
function box(b) { return {x: b.x, y: b.y, w: b.width, h: b.height}; }
function union(els) {
  var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  els.forEach(function (el) {
    var b = el.getBBox();
    x1 = Math.min(x1, b.x); y1 = Math.min(y1, b.y);
    x2 = Math.max(x2, b.x + b.width); y2 = Math.max(y2, b.y + b.height);
  });
  return {x: x1, y: y1, w: x2 - x1, h: y2 - y1};
}
function title(g) { var t = g.querySelector("title"); return t ? t.textContent : g.id; }
function texts(g) { return Array.prototype.slice.call(g.querySelectorAll("text")); }
function labelled(g) {
  var ts = texts(g).filter(function (t) { return t.textContent.trim() !== ""; });
  return {id: title(g), text: union(ts), lines: ts.map(function (t) { return t.textContent; }),
    boxes: ts.map(function (t) { return box(t.getBBox()); })};
}
var out = [];
document.querySelectorAll("div[data-name]").forEach(function (div) {
  var r = {name: div.dataset.name, nodes: [], clusters: [], edges: [], texts: []};
  // The first polygon is the canvas, even inside a tooltip's <a>.
  r.canvas = box(div.querySelector("g.graph polygon").getBBox());
  div.querySelectorAll("g.node").forEach(function (g) {
    if (!texts(g).length) return;
    var n = labelled(g);
    // Graphviz draws a node's outline before its label. A node whose first
    // element is text has no outline (plaintext with an HTML table).
    var shape = g.querySelector("polygon, ellipse, path, polyline, text");
    n.tag = shape.tagName;
    if (shape.tagName === "text") { r.nodes.push(n); return; }
    n.shape = box(shape.getBBox());
    if (shape.tagName === "ellipse") {
      n.ellipse = ["cx", "cy", "rx", "ry"].map(function (a) { return +shape.getAttribute(a); });
    }
    r.nodes.push(n);
  });
  div.querySelectorAll("g.cluster").forEach(function (g) {
    if (!texts(g).length) return;
    var c = labelled(g);
    c.shape = box(g.querySelector("polygon, path").getBBox());
    r.clusters.push(c);
  });
  div.querySelectorAll("g.edge").forEach(function (g) {
    if (texts(g).length) r.edges.push(labelled(g));
  });
  div.querySelectorAll("text").forEach(function (t) {
    r.texts.push({text: t.textContent, box: box(t.getBBox())});
  });
  out.push(r);
});

// A CJK font draws every Han character 1em wide; a Latin font falling back
// to tofu or to another font would not be asked for here.
var probe = document.createElementNS("http://www.w3.org/2000/svg", "text");
var first = document.querySelector("svg text");
probe.setAttribute("font-family", first.getAttribute("font-family"));
probe.setAttribute("font-size", "20");
probe.textContent = "北京市发展和改革委员会";
first.ownerSVGElement.appendChild(probe);
return {svgs: out, probe: {family: getComputedStyle(probe).fontFamily, width: probe.getComputedTextLength(), chars: 11, size: 20}};
`

type rect struct{ X, Y, W, H float64 }

func (r rect) String() string { return fmt.Sprintf("[%.1f,%.1f %.1fx%.1f]", r.X, r.Y, r.W, r.H) }

// inside reports whether r lies within o, allowing tol user units.
func (r rect) inside(o rect, tol float64) bool {
	return r.X >= o.X-tol && r.Y >= o.Y-tol && r.X+r.W <= o.X+o.W+tol && r.Y+r.H <= o.Y+o.H+tol
}

// overlaps reports whether r and o share more than tol in both directions.
func (r rect) overlaps(o rect, tol float64) bool {
	return r.X+r.W-tol > o.X && o.X+o.W-tol > r.X && r.Y+r.H-tol > o.Y && o.Y+o.H-tol > r.Y
}

type labelled struct {
	ID      string
	Text    rect   // the union of Boxes
	Boxes   []rect // one per non-blank <text>
	Lines   []string
	Tag     string // of the outline; "text" when there is none
	Shape   rect
	Ellipse []float64 // cx, cy, rx, ry
}

type measured struct {
	SVGs []struct {
		Name     string
		Canvas   rect
		Nodes    []labelled
		Clusters []labelled
		Edges    []labelled
		Texts    []struct {
			Text string
			Box  rect
		}
	}
	Probe struct {
		Family      string
		Width       float64
		Chars, Size int
	}
}

// renderAll renders each DOT sample with layout.
func renderAll(t *testing.T, samples map[string][]byte, layout string) map[string][]byte {
	t.Helper()
	svgs := map[string][]byte{}
	for name, src := range samples {
		svgs[name] = render(t, src, svg.Options{Layout: layout})
	}
	return svgs
}

// measureInBrowser shows all the SVGs on one page in headless Chromium and
// returns the measurements.
func measureInBrowser(t *testing.T, svgs map[string][]byte) measured {
	t.Helper()
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	requireCJKFont(t)

	var page bytes.Buffer
	page.WriteString("<!doctype html>\n<html><head><meta charset=\"utf-8\"></head><body>\n")
	names := make([]string, 0, len(svgs))
	for name := range svgs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		doc := svgs[name]
		// Drop the XML declaration and DOCTYPE: the SVG goes inline.
		i := bytes.Index(doc, []byte("<svg"))
		fmt.Fprintf(&page, "<div data-name=\"%s\">\n%s</div>\n", html.EscapeString(name), doc[i:])
	}
	page.WriteString("</body></html>\n")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	raw, err := browser.Eval(ctx, chromium, page.Bytes(), measureJS)
	if err != nil {
		t.Fatal(err)
	}
	var m measured
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.SVGs) != len(svgs) {
		t.Fatalf("measured %d SVGs, want %d", len(m.SVGs), len(svgs))
	}
	return m
}

// requireCJKFont checks that fontconfig knows a CJK font, which Chromium
// then uses for the generic families at the end of svg.FontFamily.
func requireCJKFont(t *testing.T) {
	t.Helper()
	fcList := tooltest.Look(t, "fc-list")
	out, err := exec.Command(fcList, ":lang=zh-cn", "family").Output()
	if err != nil {
		t.Fatalf("fc-list: %v", err)
	}
	if !strings.Contains(strings.ToLower(string(out)), "cjk") {
		tooltest.Missing(t, "a CJK font (fonts-noto-cjk)")
	}
}

const tol = 1 // user units (points), for anti-aliasing and rounding

func TestLabelsFitInBrowser(t *testing.T) {
	svgs := renderAll(t, samples(t), "dot")
	svgs["default"] = defaultSVG(t, svg.Options{})
	m := measureInBrowser(t, svgs)

	p := m.Probe
	if perChar := p.Width / float64(p.Chars) / float64(p.Size); perChar < 0.98 || perChar > 1.02 {
		t.Errorf("Chinese text in %s is %.3fem per character, want 1em: no CJK font draws it", p.Family, perChar)
	}
	t.Logf("probe: %d characters at %dpx in %s are %.1fpx wide", p.Chars, p.Size, p.Family, p.Width)

	for _, s := range m.SVGs {
		t.Run(s.Name, func(t *testing.T) {
			if len(s.Nodes) == 0 || len(s.Edges) == 0 {
				t.Fatalf("%d labelled nodes, %d labelled edges: the selectors found nothing", len(s.Nodes), len(s.Edges))
			}
			checkLabels(t, s.Nodes, s.Clusters)
			for i, a := range s.Edges {
				for _, b := range s.Edges[i+1:] {
					if a.Text.overlaps(b.Text, tol) {
						t.Errorf("edge labels overlap: %s %q %v and %s %q %v", a.ID, a.Lines, a.Text, b.ID, b.Lines, b.Text)
					}
				}
				for _, n := range s.Nodes {
					if a.Text.overlaps(n.Shape, tol) {
						t.Errorf("edge label %s %q %v overlaps node %s %v", a.ID, a.Lines, a.Text, n.ID, n.Shape)
					}
				}
			}
			t.Logf("%d edge labels, %d clusters, %d texts", len(s.Edges), len(s.Clusters), len(s.Texts))
			for _, x := range s.Texts {
				if !x.Box.inside(s.Canvas, tol) {
					t.Errorf("text %q %v is cut off by the canvas %v", x.Text, x.Box, s.Canvas)
				}
			}
		})
	}
}

// TestNodeLabelsFitInBrowserOtherLayouts: node sizes do not depend on the
// layout engine, but check one force-directed layout anyway.
func TestNodeLabelsFitInBrowserOtherLayouts(t *testing.T) {
	m := measureInBrowser(t, renderAll(t, map[string][]byte{"generated-50": sampleDOT(26)}, "neato"))
	for _, s := range m.SVGs {
		checkLabels(t, s.Nodes, s.Clusters)
	}
}

// checkLabels checks that each node's label lies within its shape (for an
// ellipse, that the label's corners do), and each cluster's label within
// its frame, and logs the tightest fit.
func checkLabels(t *testing.T, nodes, clusters []labelled) {
	t.Helper()
	fullest, fullestID := 0.0, ""
	for _, n := range nodes {
		if n.Tag == "text" {
			// No outline (an HTML table): its texts must not overlap.
			for i, a := range n.Boxes {
				for j, b := range n.Boxes[i+1:] {
					if a.overlaps(b, tol) {
						t.Errorf("node %s: texts %q %v and %q %v overlap", n.ID, n.Lines[i], a, n.Lines[i+1+j], b)
					}
				}
			}
			continue
		}
		if !n.Text.inside(n.Shape, tol) {
			t.Errorf("node %s: label %q %v sticks out of its %s %v", n.ID, n.Lines, n.Text, n.Tag, n.Shape)
		}
		if full := n.Text.W / n.Shape.W; full > fullest {
			fullest, fullestID = full, n.ID
		}
		if len(n.Ellipse) == 4 {
			cx, cy, rx, ry := n.Ellipse[0], n.Ellipse[1], n.Ellipse[2]+tol, n.Ellipse[3]+tol
			for _, x := range []float64{n.Text.X, n.Text.X + n.Text.W} {
				for _, y := range []float64{n.Text.Y, n.Text.Y + n.Text.H} {
					if d := (x-cx)*(x-cx)/(rx*rx) + (y-cy)*(y-cy)/(ry*ry); d > 1 {
						t.Errorf("node %s: label %q %v has a corner outside its ellipse (%.2f)", n.ID, n.Lines, n.Text, d)
					}
				}
			}
		}
	}
	t.Logf("%d node labels fit; the fullest, %s, fills %.0f%% of its width", len(nodes), fullestID, 100*fullest)
	for _, c := range clusters {
		if !c.Text.inside(c.Shape, tol) {
			t.Errorf("cluster %s: label %q %v sticks out of its frame %v", c.ID, c.Lines, c.Text, c.Shape)
		}
	}
}
