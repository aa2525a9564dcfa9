package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/internal/gen/synth"
	"github.com/guazhi/guazhi/internal/tooltest"
)

// exchangeKB writes a generated exchange of n officials into a temporary
// directory and returns its knowledge-base files.
func exchangeKB(t *testing.T, n int) []string {
	t.Helper()
	d := synth.Exchange(synth.ExchangeOptions{Officials: n, Seed: 1}).Files(0)
	dir := t.TempDir()
	if err := d.Write(dir); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range d.KB {
		files = append(files, filepath.Join(dir, f))
	}
	return files
}

// TestOverviewReadable renders exchanges of 200 and 1,000 officials as the
// default job does (auto view: the overview by city) and checks in
// headless Chromium that the picture reads on one screen: at most three
// times as tall as wide, fitted to a 1600×1000 window its text at least 7
// px high, no two texts of different nodes or edges overlapping, and far fewer
// crossing edges than the detail had (61,703 crossing pairs at 200
// officials).
func TestOverviewReadable(t *testing.T) {
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	for _, n := range []int{200, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "x.svg")
			var stdout, stderr bytes.Buffer
			if err := run(append([]string{"render", "-f", "svg", "-o", out}, exchangeKB(t, n)...), nil, &stdout, &stderr); err != nil {
				t.Fatal(err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "view: overview by city") {
				t.Errorf("stderr %q: want the overview by city chosen", stderr.String())
			}
			svg, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			var m svgMeasure
			evalSVG(t, chromium, svg, readableJS, &m)
			// Text sizes are in the SVG's units, points, which the page
			// draws at 4/3 px; fitted to the window, times scale.
			scale := min(1600/m.Width, 1000/m.Height, 1) * 4 / 3
			edges, _ := sampleSVG(t, chromium, svg)
			f := measureLayout(edges)
			t.Logf("%.0f×%.0f px (fitted to 1600×1000, a point is %.2f px), %d texts, %d edges, %d crossing pairs",
				m.Width, m.Height, scale, len(m.Texts), f.Edges, f.Crossing)
			if m.Height > 3*m.Width {
				t.Errorf("%.0f×%.0f px: more than three times as tall as wide", m.Width, m.Height)
			}
			for i, a := range m.Texts {
				if a.Size*scale < 7 {
					t.Errorf("%q is %.1f px fitted to the window", a.Text, a.Size*scale)
				}
				if !a.Box.inside(m.Canvas, 1) {
					t.Errorf("%q is cut off", a.Text)
				}
				for _, b := range m.Texts[i+1:] {
					if a.Group != b.Group && a.Box.overlaps(b.Box, 1) {
						t.Errorf("%q (%s) overlaps %q (%s)", a.Text, a.Group, b.Text, b.Group)
					}
				}
			}
			if f.Crossing > 10000 {
				t.Errorf("%d crossing pairs, want far fewer than the detail's 61,703", f.Crossing)
			}
		})
	}
}
