package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/guazhi/guazhi/internal/browser"
	"github.com/guazhi/guazhi/internal/tooltest"
)

// readableJS measures, in the browser, every text element of the SVG on the
// page, the node shapes and the canvas, in CSS pixels at 100 % zoom.
const readableJS = `
var svg = document.querySelector("svg");
function box(el) { var r = el.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; }
var out = {width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height,
  canvas: box(svg.querySelector("g.graph polygon")), texts: [], shapes: []};
svg.querySelectorAll("text").forEach(function (t) {
  if (!t.textContent.trim()) return;
  var g = t.closest("g.node, g.edge, g.cluster, g.graph");
  out.texts.push({text: t.textContent, group: g.id || "", cls: g.getAttribute("class"), box: box(t),
    size: parseFloat(getComputedStyle(t).fontSize)});
});
svg.querySelectorAll("g.node").forEach(function (g) {
  var s = g.querySelector("polygon, ellipse, path");
  if (s) out.shapes.push({id: g.id, box: box(s)});
});
return out;
`

type rect struct{ X, Y, W, H float64 }

// svgMeasure is what readableJS measures of a picture: its size, its
// canvas and every text.
type svgMeasure struct {
	Width, Height float64
	Canvas        rect
	Texts         []struct {
		Text, Group, Cls string
		Box              rect
		Size             float64
	}
}

func (a rect) overlaps(b rect, tol float64) bool {
	return a.X+tol < b.X+b.W && b.X+tol < a.X+a.W && a.Y+tol < b.Y+b.H && b.Y+tol < a.Y+a.H
}

func (a rect) inside(b rect, tol float64) bool {
	return a.X >= b.X-tol && a.Y >= b.Y-tol && a.X+a.W <= b.X+b.W+tol && a.Y+a.H <= b.Y+b.H+tol
}

// TestDefaultReadable renders the default data set as the default job does
// and checks in headless Chromium, with the CJK font installed, that at 100 %
// zoom it fits a 1920-pixel-wide screen, no two labels overlap, no edge label
// lies on a node, and nothing is cut off; also with --agreements edges.
func TestDefaultReadable(t *testing.T) {
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	for name, args := range map[string][]string{"nodes": nil, "edges": {"--agreements", "edges"}} {
		t.Run(name, func(t *testing.T) { checkReadable(t, chromium, args) })
	}
}

func checkReadable(t *testing.T, chromium string, args []string) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run(append([]string{"render", "-f", "svg", "-o", dir + "/x.svg"}, args...), nil, &stdout, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	page, err := os.ReadFile(dir + "/x.svg")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		svgMeasure
		Shapes []struct {
			ID  string
			Box rect
		}
	}
	evalSVG(t, chromium, page, readableJS, &m)
	t.Logf("%.0f×%.0f px, %d texts, %d nodes", m.Width, m.Height, len(m.Texts), len(m.Shapes))
	if m.Width > 1920 {
		t.Errorf("the diagram is %.0f px wide, more than a 1920-pixel screen", m.Width)
	}
	var problems []string
	for i, a := range m.Texts {
		if a.Size < 9 {
			problems = append(problems, fmt.Sprintf("%q is set in %.1f px", a.Text, a.Size))
		}
		if !a.Box.inside(m.Canvas, 1) {
			problems = append(problems, fmt.Sprintf("%q is cut off", a.Text))
		}
		for _, b := range m.Texts[i+1:] {
			if a.Group != b.Group && a.Box.overlaps(b.Box, 1) {
				problems = append(problems, fmt.Sprintf("%q (%s) overlaps %q (%s)", a.Text, a.Group, b.Text, b.Group))
			}
		}
		if strings.HasPrefix(a.Cls, "edge") {
			for _, s := range m.Shapes {
				if a.Box.overlaps(s.Box, 1) {
					problems = append(problems, fmt.Sprintf("edge label %q (%s) lies on node %s", a.Text, a.Group, s.ID))
				}
			}
		}
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// evalSVG shows an SVG document alone on a page in headless Chromium, runs
// js there (see browser.Eval) and decodes its result into v.
func evalSVG(t *testing.T, chromium string, svg []byte, js string, v any) {
	t.Helper()
	page := append([]byte("<!DOCTYPE html><html><body style=\"margin:0\">"), svg...)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	raw, err := browser.Eval(ctx, chromium, page, js)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}
