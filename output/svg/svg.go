package svg

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/gvc"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/wasmcache"
	"github.com/guazhi/guazhi/output/dot"
)

// init runs after go-graphviz's, which cached its compiled code where
// wasmcache pointed it: TMPDIR goes back to what it was.
func init() { wasmcache.Restore() }

// Options configure Render and Write. The zero value means the defaults.
type Options struct {
	// Layout is the Graphviz layout engine: dot, neato, fdp, sfdp, circo or
	// twopi; for Write also Auto, which picks one by the graph's size (see
	// Layout). The default, "", means dot.
	Layout string
	// DOT configures the DOT that Write renders (label language, legend);
	// its zero value means dot's defaults. Its FontName does not reach the
	// SVG, which always names FontFamily.
	DOT dot.Options
	// Process, when set, makes the command the layout runs in: a program
	// that calls Serve on its standard input and output (guazhi's hidden
	// __layout command). Render then kills it as soon as its context is
	// done, which a layout in this process would not notice. Default nil:
	// the layout runs here.
	Process func() *exec.Cmd
}

// Layouts lists the layout engines Options.Layout accepts.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi"}

// Auto is the layout that Layout resolves by the size of the graph.
const Auto = "auto"

// autoCrossover is the node count above which Auto switches from dot to
// sfdp. Measured on synthetic knowledge bases (internal/gen), whole guazhi
// render -f svg: dot 0.48 s at 330 nodes, 1.3 s at 660, 2.7 s at 1100 and
// 18 s at 1980; sfdp 0.33, 0.70, 1.3 and 3.1 s. Up to 500 nodes dot stays
// near a second and keeps the left-to-right story; above it dot's time
// climbs steeply while sfdp's grows linearly.
const autoCrossover = 500

// Layout resolves the layout for a graph of n nodes: an engine of Layouts
// stays itself; Auto becomes dot up to 500 nodes and sfdp above, where the
// DOT should leave edge labels out (noEdgeLabels): they could not be read,
// and sfdp lays the graph out six times faster without them. Tooltips keep
// the text.
func Layout(layout string, n int) (engine string, noEdgeLabels bool) {
	switch {
	case layout != Auto:
		// Above the crossover labels cannot be read whatever the engine,
		// and dot's network simplex places each as a node of its own: at
		// 1,000 officials 4,200 label nodes took it 47 s, 3.2 s without.
		return layout, n > autoCrossover
	case n > autoCrossover:
		return "sfdp", true
	}
	return "dot", false
}

// maxNodes is the most nodes each engine is given: beyond it, it would not
// finish in about a minute on a laptop, or would take gigabytes (measured
// with bench/views.sh on exchange knowledge bases: dot 16 s at 1,760
// entities and over 150 s at 6,400; sfdp 4 s at 1,760 and 27 s with a
// peak of 4.8 GB at 5,850).
var maxNodes = map[string]int{"dot": 3000, "sfdp": 4000, "neato": 1500, "fdp": 1500, "circo": 1500, "twopi": 3000}

// MaxNodes is the most nodes the engine (of Layouts) is given a graph of.
func MaxNodes(engine string) int { return maxNodes[engine] }

// TooLarge reports whether a graph of n nodes is beyond what the engine
// lays out in reasonable time and memory.
func TooLarge(engine string, n int) bool { return n > maxNodes[engine] }

// ErrLayout is returned, wrapped, for a layout engine not in Layouts.
var ErrLayout = errors.New("unknown layout engine")

// FontFamily is the CSS font-family list every text element of the SVG
// gets: CJK-capable sans-serif fonts for Linux, macOS and Windows, then the
// generic fallback.
const FontFamily = `'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif`

// layoutFont is the font Graphviz lays text out with. The WebAssembly build
// has no font library: it estimates widths from built-in tables of ASCII
// glyph widths for a few fonts and counts every byte of a non-ASCII
// character as one space. A CJK character is three UTF-8 bytes, so it takes
// three spaces: 0.75em in Times (the fallback for any font it does not know,
// so a 16-character label is a quarter too narrow in a browser) but 1.055em
// in Verdana, whose space is 0.352em. A CJK glyph is 1em wide, and
// Verdana's ASCII glyphs are wider than those of the fonts in FontFamily, so
// with Verdana every label's box is at least as wide as the text a browser
// draws in it. The SVG then names FontFamily instead.
const layoutFont = "Verdana"

// mu serialises Render: go-graphviz runs one WebAssembly module per process,
// whose memory and callbacks every graphviz.Graphviz shares.
var mu sync.Mutex

// Write writes g as an SVG document: the DOT that dot.Write makes of it,
// rendered by Render.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	var noEdgeLabels bool
	opt.Layout, noEdgeLabels = Layout(opt.Layout, len(g.Entities))
	opt.DOT.NoEdgeLabels = opt.DOT.NoEdgeLabels || noEdgeLabels
	var buf bytes.Buffer
	if err := dot.Write(&buf, g, opt.DOT); err != nil {
		return fmt.Errorf("svg: %w", err)
	}
	return Render(context.Background(), w, buf.Bytes(), opt)
}

// Render lays out the graph in dotSrc (DOT text) with Graphviz and writes it
// to w as an SVG document whose labels fit their shapes when it is shown
// with a CJK font. Every fontname in dotSrc is replaced for the layout, and
// the SVG's text uses FontFamily.
//
// Render is safe for concurrent use, but renders one graph at a time in
// this process. A layout in this process cannot be interrupted (ctx is
// checked before it starts); one in opt.Process is killed when ctx is done.
func Render(ctx context.Context, w io.Writer, dotSrc []byte, opt Options) error {
	_, err := renderTo(ctx, w, dotSrc, opt, false)
	return err
}

// renderTo is Render, and RenderLayout when withPos.
func renderTo(ctx context.Context, w io.Writer, dotSrc []byte, opt Options, withPos bool) (map[string][2]float64, error) {
	if opt.Layout == "" {
		opt.Layout = "dot"
	}
	if !slices.Contains(Layouts, opt.Layout) {
		return nil, fmt.Errorf("svg: %w %q (want one of %s)", ErrLayout, opt.Layout, strings.Join(Layouts, ", "))
	}
	var pos map[string][2]float64
	if withPos {
		pos = map[string][2]float64{}
	}
	var buf bytes.Buffer
	var err error
	if opt.Process != nil {
		err = renderProcess(ctx, opt.Process(), &buf, dotSrc, opt.Layout, pos)
	} else {
		err = renderIn(ctx, &buf, dotSrc, opt, pos)
	}
	if err != nil {
		return nil, err
	}
	_, err = w.Write(buf.Bytes())
	return pos, err
}

// renderIn lays out and renders in this process, fixed up.
func renderIn(ctx context.Context, buf *bytes.Buffer, dotSrc []byte, opt Options, pos map[string][2]float64) error {
	var raw bytes.Buffer
	if err := render(ctx, &raw, dotSrc, graphviz.Layout(opt.Layout), pos); err != nil {
		return err
	}
	buf.Write(fixup(raw.Bytes()))
	return nil
}

// RenderLayout is Render that also returns where the layout put each node:
// its centre in points, x to the right and y up (Graphviz's coordinates),
// by node name (for guazhi's DOT, the entity id; the legend is "_legend").
// The writers of network formats take them as plain data (gexf.Options and
// graphml.Options Positions), so that Gephi opens on the same picture.
func RenderLayout(ctx context.Context, w io.Writer, dotSrc []byte, opt Options) (map[string][2]float64, error) {
	return renderTo(ctx, w, dotSrc, opt, true)
}

// render lays out dotSrc and renders it as SVG into buf; with pos not nil,
// it also records each node's position there.
func render(ctx context.Context, buf *bytes.Buffer, dotSrc []byte, layout graphviz.Layout, pos map[string][2]float64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()

	// The Close methods return the count of Graphviz errors seen so far in
	// the process (gvFreeContext and agclose return agerrors()), not a
	// failure to free, so their errors are ignored: once any DOT failed to
	// parse, every later Close would fail.
	gv, err := gvc.New(ctx)
	if err != nil {
		return fmt.Errorf("svg: starting Graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dotSrc)
	if err != nil {
		return fmt.Errorf("svg: parsing DOT: %s", message(err))
	}
	if g == nil { // go-graphviz reports some failures with no message
		return errors.New("svg: parsing DOT: Graphviz read no graph")
	}
	defer g.Close()
	if err := setFont(g, true); err != nil {
		return fmt.Errorf("svg: setting the layout font: %w", err)
	}
	if layout != graphviz.DOT && layout != graphviz.CIRCO && layout != graphviz.TWOPI {
		// The force-directed engines let nodes overlap unless told not to.
		// The default removal, prism, needs the triangulation library the
		// WebAssembly build lacks, and voronoi can crash it; scale is robust.
		if err := g.SafeSet("overlap", "scale", "true"); err != nil {
			return fmt.Errorf("svg: setting overlap removal: %w", err)
		}
		// Polyline edges routed round the nodes (guazhi's DOT asks for
		// them, for dot) cost these engines orders of magnitude more than
		// the layout: native sfdp took over 100 s on 1,000 officials with
		// them and 2.1 s with straight lines.
		if err := g.SafeSet("splines", "line", ""); err != nil {
			return fmt.Errorf("svg: setting splines: %w", err)
		}
	}
	// One layout serves the SVG and the positions (graphviz.Graphviz's
	// Render would lay the graph out again for each format).
	if err := gv.Layout(ctx, g, string(layout)); err != nil {
		return fmt.Errorf("svg: %s layout: %s", layout, message(err))
	}
	defer gv.FreeLayout(ctx, g)
	if err := gv.RenderData(ctx, g, string(graphviz.SVG), buf); err != nil {
		return fmt.Errorf("svg: %s layout: %s", layout, message(err))
	}
	if pos == nil {
		return nil
	}
	// Graphviz writes the positions into the graph's attributes only when it
	// renders DOT.
	if err := gv.RenderData(ctx, g, string(graphviz.XDOT), io.Discard); err != nil {
		return fmt.Errorf("svg: %s layout: %s", layout, message(err))
	}
	return positions(g, pos)
}

// positions reads the pos attribute ("x,y" in points, "!" when pinned) of
// every node of g into pos.
func positions(g *cgraph.Graph, pos map[string][2]float64) error {
	n, err := g.FirstNode()
	for ; err == nil && n != nil; n, err = g.NextNode(n) {
		name, err := n.Name()
		if err != nil {
			return err
		}
		var x, y float64
		if _, err := fmt.Sscanf(strings.TrimSuffix(n.GetStr("pos"), "!"), "%g,%g", &x, &y); err != nil {
			return fmt.Errorf("svg: position of node %q: %q: %w", name, n.GetStr("pos"), err)
		}
		pos[name] = [2]float64{x, y}
	}
	return err
}

// message returns the text of a go-graphviz error, which is Graphviz's last
// error message with its newline.
func message(err error) string { return strings.TrimSpace(err.Error()) }

// setFont sets fontname to layoutFont on g and its subgraphs and, when
// root, on every node and edge, overriding any font the DOT asked for.
func setFont(g *cgraph.Graph, root bool) error {
	const def = "Times-Roman" // Graphviz's default, for objects without one
	if err := g.SafeSet("fontname", layoutFont, def); err != nil {
		return err
	}
	sub, err := g.FirstSubGraph()
	for ; err == nil && sub != nil; sub, err = sub.NextSubGraph() {
		if err := setFont(sub, false); err != nil {
			return err
		}
	}
	if err != nil || !root {
		return err
	}
	n, err := g.FirstNode()
	for ; err == nil && n != nil; n, err = g.NextNode(n) {
		if err := n.SafeSet("fontname", layoutFont, def); err != nil {
			return err
		}
		e, err := g.FirstOut(n)
		for ; err == nil && e != nil; e, err = g.NextOut(e) {
			if err := e.SafeSet("fontname", layoutFont, def); err != nil {
				return err
			}
		}
		if err != nil {
			return err
		}
	}
	return err
}

// fixup rewrites Graphviz's SVG: it names FontFamily where Graphviz wrote
// the layout font, and replaces characters that XML 1.0 forbids (control
// characters from the labels, which Graphviz copies through) and invalid
// UTF-8 with U+FFFD.
//
// The attribute is matched with its quotes: Graphviz escapes every '"' in
// text and attribute values as &quot;, so the literal bytes can only be the
// attribute itself.
func fixup(svg []byte) []byte {
	svg = bytes.ReplaceAll(svg,
		[]byte(` font-family="`+layoutFont+`"`),
		[]byte(` font-family="`+FontFamily+`"`))
	if !utf8.Valid(svg) || bytes.ContainsFunc(svg, forbidden) {
		svg = []byte(strings.Map(func(r rune) rune {
			if forbidden(r) {
				return utf8.RuneError
			}
			return r
		}, string(svg)))
	}
	return svg
}

// forbidden reports whether r may not appear in an XML 1.0 document.
func forbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r == 0xFFFE, r == 0xFFFF:
		return true
	case r >= 0xD800 && r <= 0xDFFF:
		return true
	}
	return false
}
