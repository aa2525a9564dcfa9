package svg_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/svg"
)

func render(t testing.TB, src []byte, opt svg.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := svg.Render(context.Background(), &buf, src, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// samples returns the DOT inputs every test runs on: the files in testdata
// and the generated 50-node graph.
func samples(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("testdata/*.gv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples in testdata: %v", err)
	}
	m := map[string][]byte{"generated-50": sampleDOT(26)}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m[strings.TrimSuffix(filepath.Base(f), ".gv")] = b
	}
	return m
}

// svgDoc is what the tests read back from an SVG document.
type svgDoc struct {
	root     xml.Name
	texts    []string // the content of each <text>, decoded
	titles   []string // xlink:title attributes (tooltips), decoded
	families []string // the font-family of each <text>
}

// parse decodes the whole document with encoding/xml, failing the test if
// it is not well-formed.
func parse(t testing.TB, doc []byte) svgDoc {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var s svgDoc
	var inText bool
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if s.root.Local == "" {
				s.root = tok.Name
			}
			for _, a := range tok.Attr {
				switch {
				case a.Name.Local == "title" && a.Name.Space == "http://www.w3.org/1999/xlink":
					s.titles = append(s.titles, a.Value)
				case a.Name.Local == "font-family" && tok.Name.Local == "text":
					s.families = append(s.families, a.Value)
				}
			}
			if tok.Name.Local == "text" {
				inText = true
				text.Reset()
			}
		case xml.CharData:
			if inText {
				text.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				inText = false
				s.texts = append(s.texts, text.String())
			}
		}
	}
	return s
}

func TestRenderWellFormedAndDeterministic(t *testing.T) {
	for name, src := range samples(t) {
		t.Run(name, func(t *testing.T) {
			first := render(t, src, svg.Options{})
			doc := parse(t, first)
			if doc.root != (xml.Name{Space: "http://www.w3.org/2000/svg", Local: "svg"}) {
				t.Errorf("root element = %v, want svg in the SVG namespace", doc.root)
			}
			if len(doc.texts) == 0 {
				t.Fatal("no <text> elements")
			}
			for i, f := range doc.families {
				if f != svg.FontFamily {
					t.Errorf("<text> %q has font-family %q, want %q", doc.texts[i], f, svg.FontFamily)
				}
			}
			if len(doc.families) != len(doc.texts) {
				t.Errorf("%d of %d <text> elements name a font-family", len(doc.families), len(doc.texts))
			}
			if again := render(t, src, svg.Options{}); !bytes.Equal(first, again) {
				t.Error("rendering the same DOT twice gave different SVG")
			}
		})
	}
}

// TestHostileText checks that markup, quotes, ampersands and braces in
// labels and tooltips come out as text, and that control characters, which
// Graphviz copies through, do not make the SVG ill-formed.
func TestHostileText(t *testing.T) {
	src, err := os.ReadFile("testdata/secondment.gv")
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, render(t, src, svg.Options{}))
	for _, want := range []string{
		`<b>x</b> "q" & } ]]> &lt;`, // node label; the DOT has &amp;lt;
		`签约 <i>&</i> "}"`,           // edge label
		`<b>x</b> & }`,
	} {
		if !slices.Contains(doc.texts, want) {
			t.Errorf("no <text> reads %q; texts: %q", want, doc.texts)
		}
	}
	if want := `<i>&</i> "}`; !slices.Contains(doc.titles, want) {
		t.Errorf("no tooltip reads %q; tooltips: %q", want, doc.titles)
	}

	ctl := []byte("digraph { a [label=\"北\x01京\x1f\" tooltip=\"\x02\"]; \"b\x03--c\" -> a [label=\"\x0b\"] }")
	doc = parse(t, render(t, ctl, svg.Options{}))
	if !slices.Contains(doc.texts, "北\uFFFD京\uFFFD") {
		t.Errorf("control characters: texts %q, want 北\uFFFD京\uFFFD", doc.texts)
	}
}

func TestLayouts(t *testing.T) {
	src := sampleDOT(12)
	for _, layout := range svg.Layouts {
		t.Run(layout, func(t *testing.T) {
			doc := parse(t, render(t, src, svg.Options{Layout: layout}))
			if !slices.Contains(doc.texts, "挂任廊坊市副市长") {
				t.Errorf("%s: edge label missing; texts %q", layout, doc.texts)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		src  string
		opt  svg.Options
		want string // a regular expression
		is   error
	}{
		{"unknown layout", context.Background(), "digraph{a}", svg.Options{Layout: "osage"},
			`^svg: unknown layout engine "osage" \(want one of dot, neato, fdp, sfdp, circo, twopi\)$`, svg.ErrLayout},
		{"syntax error", context.Background(), "digraph { a -> }", svg.Options{},
			// Graphviz's line count runs on from earlier parses in the process.
			`^svg: parsing DOT: syntax error in line \d+ near '}'$`, nil},
		{"canceled", canceled, "digraph{a}", svg.Options{}, "^context canceled$", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := svg.Render(tt.ctx, &buf, []byte(tt.src), tt.opt)
			if err == nil || !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Fatalf("err = %q, want a match for %s", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(err, %v) = false", tt.is)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before failing", buf.Len())
			}
		})
	}
	// The failed parse must not poison the shared Graphviz instance.
	parse(t, render(t, []byte("digraph{a->b}"), svg.Options{}))
}

// failWriter fails every write.
type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestRenderWriteError(t *testing.T) {
	err := svg.Render(context.Background(), failWriter{}, []byte("digraph{a}"), svg.Options{})
	if !errors.Is(err, errWrite) {
		t.Fatalf("err = %v, want %v", err, errWrite)
	}
}

var boxWidth = regexp.MustCompile(`<title>a</title>\n<polygon [^>]*points="([-0-9.]+),[-0-9.]+ ([-0-9.]+),`)

// TestLayoutWidthEstimate measures what go-graphviz believes a Chinese
// label is wide: a box with margin 0 around N characters. The browser test
// proves the consequence; this one names the cause, and fails if a
// go-graphviz upgrade changes the width tables the fix relies on.
func TestLayoutWidthEstimate(t *testing.T) {
	const fontsize = 14
	for _, n := range []int{1, 4, 16} {
		label := strings.Repeat("北", n)
		src := "digraph { node [shape=box margin=0 width=0 height=0 fontsize=14]; a [label=" + strconv.Quote(label) + "] }"
		m := boxWidth.FindSubmatch(render(t, []byte(src), svg.Options{}))
		if m == nil {
			t.Fatal("no box in the SVG")
		}
		x1, _ := strconv.ParseFloat(string(m[1]), 64)
		x2, _ := strconv.ParseFloat(string(m[2]), 64)
		perChar := (x1 - x2) / float64(n) / fontsize
		t.Logf("%2d characters at %dpt: box %.2fpt wide, %.3fem per character (a CJK glyph is 1em)", n, fontsize, x1-x2, perChar)
		if perChar < 1 || perChar > 1.2 {
			t.Errorf("%d characters: %.3fem per character, want 1em to 1.2em", n, perChar)
		}
	}
}

// defaultSVG renders the embedded data set with Write.
func defaultSVG(t testing.TB, opt svg.Options) []byte {
	t.Helper()
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := svg.Write(&buf, g, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteDefault(t *testing.T) {
	first := defaultSVG(t, svg.Options{})
	doc := parse(t, first)
	if !slices.Contains(doc.texts, "喻华锋") {
		t.Errorf("no <text> reads 喻华锋; texts: %q", doc.texts)
	}
	for i, f := range doc.families {
		if f != svg.FontFamily {
			t.Errorf("<text> %q has font-family %q, want %q", doc.texts[i], f, svg.FontFamily)
		}
	}
	if again := defaultSVG(t, svg.Options{}); !bytes.Equal(first, again) {
		t.Error("writing the same graph twice gave different SVG")
	}
}

// TestRenderConcurrent: go-graphviz shares one WebAssembly module per
// process; Render must serialise its use (run with -race).
func TestRenderConcurrent(t *testing.T) {
	src := sampleDOT(8)
	want := render(t, src, svg.Options{})
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			var buf bytes.Buffer
			err := svg.Render(context.Background(), &buf, src, svg.Options{})
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("concurrent Render gave different SVG")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestHostileKB renders the hostile test knowledge base through the DOT
// writer: every name, post and title shows as the text it is, and every
// quote reaches a tooltip.
func TestHostileKB(t *testing.T) {
	g, b := loadAndWrite(t, "../../testdata/hostile/kb.yaml")
	doc := parse(t, b.Bytes())
	for _, e := range g.Entities {
		for _, line := range strings.Split(e.Name, "\n") {
			if !slices.Contains(doc.texts, line) {
				t.Errorf("no <text> reads %q; texts: %q", line, doc.texts)
			}
		}
	}
	for _, want := range []string{`post \" } \`, "<b>x</b>", `"]; x -> y`, `[label="pwned"`} {
		if !slices.ContainsFunc(doc.texts, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("no <text> contains %q; texts: %q", want, doc.texts)
		}
	}
	for _, r := range g.Relations {
		for _, ev := range r.Evidence {
			if !slices.ContainsFunc(doc.titles, func(s string) bool { return strings.Contains(s, ev.Quote) }) {
				t.Errorf("no tooltip carries the quote %q", ev.Quote)
			}
		}
	}
}

// TestLayout checks the policy of Auto at its crossover, and that engines
// stay as they are.
func TestLayout(t *testing.T) {
	for _, tc := range []struct {
		layout       string
		n            int
		want         string
		noEdgeLabels bool
	}{
		{svg.Auto, 0, "dot", false},
		{svg.Auto, 500, "dot", false},
		{svg.Auto, 501, "sfdp", true},
		{"neato", 500, "neato", false},
		{"neato", 5000, "neato", true},
		{"dot", 5000, "dot", true},
	} {
		got, noLabels := svg.Layout(tc.layout, tc.n)
		if got != tc.want || noLabels != tc.noEdgeLabels {
			t.Errorf("Layout(%q, %d) = %q, %v; want %q, %v", tc.layout, tc.n, got, noLabels, tc.want, tc.noEdgeLabels)
		}
	}
}

// TestRenderLayout checks that the positions RenderLayout returns are the
// centres of the nodes in the SVG it wrote (Graphviz draws y down, from
// the graph's height), for every node, on more than one engine.
func TestRenderLayout(t *testing.T) {
	src := []byte(`digraph g { rankdir=LR; a -> b; b -> c; a -> c; "d e" -> a }`)
	for _, layout := range []string{"dot", "neato"} {
		t.Run(layout, func(t *testing.T) {
			var buf bytes.Buffer
			pos, err := svg.RenderLayout(context.Background(), &buf, src, svg.Options{Layout: layout})
			if err != nil {
				t.Fatal(err)
			}
			var plain bytes.Buffer
			if err := svg.Render(context.Background(), &plain, src, svg.Options{Layout: layout}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), plain.Bytes()) {
				t.Error("RenderLayout's SVG differs from Render's")
			}
			if len(pos) != 4 {
				t.Fatalf("positions %v, want 4 nodes", pos)
			}
			// Each node's ellipse in the SVG is centred on its position,
			// with y negated (the SVG's group is translated by the height).
			for name, p := range pos {
				if !bytes.Contains(buf.Bytes(), []byte(fmt.Sprintf(`cx="%s" cy="%s"`, trimNum(p[0]), trimNum(-p[1])))) {
					t.Errorf("node %s at %v: no ellipse centred there in the SVG", name, p)
				}
			}
		})
	}
}

// trimNum formats a coordinate the way Graphviz writes it in SVG.
func trimNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// TestCollidingIDs renders entities whose ids spell what guazhi and
// Graphviz add to the drawing (testdata/ids: legend, graph0, clust1, n-…,
// e-…): every element id in the SVG is unique, each entity is the one node
// n-<id>, each relation the one edge e-<index>, and the legend is there
// apart from them.
func TestCollidingIDs(t *testing.T) {
	g, b := loadAndWrite(t, "../../testdata/ids/kb.yaml")
	type group struct{ class, title string }
	groups := map[string]*group{}
	seen := map[string]bool{}
	var open *group // the group whose <title> comes next
	d := xml.NewDecoder(b)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			var id, class string
			for _, a := range tok.Attr {
				switch a.Name.Local {
				case "id":
					id = a.Value
				case "class":
					class = a.Value
				}
			}
			if id != "" {
				if seen[id] {
					t.Errorf("two elements have the id %q", id)
				}
				seen[id] = true
			}
			if tok.Name.Local == "g" && id != "" {
				open = &group{class: class}
				groups[id] = open
			}
			if tok.Name.Local == "title" && open != nil {
				var s string
				if err := d.DecodeElement(&s, &tok); err != nil {
					t.Fatal(err)
				}
				open.title, open = s, nil
			}
		}
	}
	for _, e := range g.Entities {
		if n := groups["n-"+e.ID]; n == nil || !strings.HasPrefix(n.class, "node") || n.title != e.ID {
			t.Errorf("entity %s: element n-%s is %+v, want its node", e.ID, e.ID, n)
		}
	}
	for i, r := range g.Relations {
		if r.Kind == graph.PartOf {
			continue // not drawn (dot.Options.PartOf)
		}
		id := "e-" + strconv.Itoa(i)
		// The edge joins the relation's ends, or one of them and the event
		// node it is drawn through (output/dot draws links officials took
		// part in through an "event:N" node).
		ends := func(title string) bool {
			a, b, _ := strings.Cut(title, "->")
			return (a == r.From || a == r.To || strings.HasPrefix(a, "event:")) && (b == r.From || b == r.To || strings.HasPrefix(b, "event:")) &&
				(a == r.From || a == r.To || b == r.From || b == r.To)
		}
		if e := groups[id]; e == nil || !strings.HasPrefix(e.class, "edge") || !ends(e.title) {
			t.Errorf("relation %d (%s→%s): element %s is %+v, want its edge", i, r.From, r.To, id, e)
		}
	}
	if l := groups["legend"]; l == nil || !strings.HasPrefix(l.class, "node") || l.title == "legend" {
		t.Errorf("the legend is %+v, want a node apart from the entity legend", l)
	}
}

// loadAndWrite loads the knowledge base at path and writes its SVG.
func loadAndWrite(t *testing.T, path string) (*graph.Graph, *bytes.Buffer) {
	t.Helper()
	g, err := kb.Load(kb.OSReader{}, path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := svg.Write(&b, g, svg.Options{}); err != nil {
		t.Fatal(err)
	}
	return g, &b
}
