package html

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	xhtml "golang.org/x/net/html"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/dot"
	"github.com/guazhi/guazhi/output/svg"
)

// Hostile names, as the issue gives them.
const (
	scriptName = `<script>alert(1)</script>`
	onloadName = `" onload="alert(1)`
)

// hostileYAML is a knowledge base whose every text field tries to become
// markup or script in the page.
const hostileYAML = `name: hostile
title: "<script>alert(8)</script> ]]> <!-- x"
sources:
  - id: src
    title: "</title><script>alert(7)</script>"
    publisher: "<b onmouseover=alert(9)>p</b>"
    url: "javascript:alert(5)"
    file: source.txt
entities:
  - id: evil-script
    kind: official
    name: "<script>alert(1)</script>"
    name_en: "<img src=x onerror=alert(4)>"
    aliases: ["</script><script>alert(2)</script>"]
    jurisdiction: beijing
    note: "<!-- --> ]]> \u2028 &amp; &lt;"
  - id: evil-attr
    kind: body
    name: "\" onload=\"alert(1)"
    full_name: "' onmouseover='alert(6)"
    jurisdiction: hebei
  - id: plain
    kind: body
    name: 普通
    jurisdiction: beijing
secondments:
  - official: evil-script
    from: {body: plain, post: "<svg onload=alert(3)>"}
    to: {body: evil-attr, post: "</text></svg><script>alert(10)</script>"}
    start: 2015-07
    evidence:
      - {source: src, quote: "<script>alert(1)</script> \" onload=\"alert(1)", url: "https://example.org/a?b=<i>x</i>"}
links:
  - kind: meeting
    from: evil-attr
    to: plain
    title: "</script><!--"
    officials: [{official: evil-script, role: "<i>r</i>"}]
    evidence:
      - {source: src, quote: "</script><script>alert(2)</script>", inferred: true, note: "<b>n</b>", url: "javascript:alert(3)//</script><script>"}
`

const hostileSource = `<script>alert(1)</script> " onload="alert(1) and </script><script>alert(2)</script>`

func hostileGraph(t testing.TB) *graph.Graph {
	t.Helper()
	fs := fstest.MapFS{"source.txt": {Data: []byte(hostileSource)}}
	g, err := kb.Parse(fs, kb.Input{Name: "kb.yaml", Data: []byte(hostileYAML)})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// storyKB has an official and a body without English names, a
// three-party agreement and a source with a URL whose text has the quotes
// in the middle of paragraphs.
const storyKB = `
name: story
title: 故事
sources:
  - {id: s, title: 某报道, publisher: 某报, date: 2020-05-06, url: "https://example.org/a", file: s.txt}
entities:
  - {id: li-si, kind: official, name: 李四, jurisdiction: beijing}
  - {id: bing, kind: body, name: 丙市, jurisdiction: hebei}
  - {id: ding, kind: body, name: 丁区, jurisdiction: beijing}
  - {id: wu, kind: company, name: 戊公司, jurisdiction: other}
secondments:
  - official: 李四
    from: {body: 丁区, post: 副区长}
    to: {body: 丙市, post: 副市长}
    start: 2020-01
    evidence: [{source: s, quote: 丁区副区长李四挂任丙市副市长}]
agreements:
  - id: tri
    title: 三方协议
    parties: [丙市, 丁区, 戊公司]
    status: signed
    date: 2020-04
    officials: [{official: 李四, role: 牵线}]
    evidence: [{source: s, quote: 丙市、丁区与戊公司签署了《三方协议》}]
`

const storySource = "第一段:开头的话。\n第二段:去年,丁区副区长李四挂任丙市副市长,一年来奔走。\n第三段:四月,丙市、丁区与戊公司签署了《三方协议》,李四牵线。\n第四段:结尾。\n"

func storyGraph(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := kb.Parse(fstest.MapFS{"s.txt": {Data: []byte(storySource)}}, kb.Input{Name: "kb.yaml", Data: []byte(storyKB)})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func defaultGraph(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// render makes the page as the CLI does: DOT, then SVG, then HTML.
func render(t testing.TB, g *graph.Graph) []byte {
	t.Helper()
	var d, s, h bytes.Buffer
	if err := dot.Write(&d, g, dot.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := svg.Render(context.Background(), &s, d.Bytes(), svg.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&h, g, s.Bytes(), Options{}); err != nil {
		t.Fatal(err)
	}
	return h.Bytes()
}

func parse(t testing.TB, page []byte) *xhtml.Node {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// walk calls f on every element of the tree.
func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	if n.Type == xhtml.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attrOf(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	var f func(*xhtml.Node)
	f = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

// elements returns the elements named tag (in any namespace).
func elements(doc *xhtml.Node, tag string) []*xhtml.Node {
	var out []*xhtml.Node
	walk(doc, func(n *xhtml.Node) {
		if n.Data == tag {
			out = append(out, n)
		}
	})
	return out
}

// readData decodes the page's JSON data.
func readData(t testing.TB, doc *xhtml.Node) pageData {
	t.Helper()
	for _, s := range elements(doc, "script") {
		if id, _ := attrOf(s, "id"); id == "data" {
			var d pageData
			dec := json.NewDecoder(strings.NewReader(text(s)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&d); err != nil {
				t.Fatalf("the data does not decode: %v", err)
			}
			return d
		}
	}
	t.Fatal("no <script id=data>")
	return pageData{}
}

// checkStructure checks what every page must hold: the CSP meta first in
// the head, naming the hashes of the two inline scripts (the library and
// the viewer) and the one style; the data; and no element or attribute that
// could run script or fetch anything. A page that opens on the detail has
// one SVG, one that opens on the overview none.
func checkStructure(t *testing.T, page []byte) *xhtml.Node {
	t.Helper()
	doc := parse(t, page)
	head := elements(doc, "head")[0]
	var first *xhtml.Node
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.Data != "meta" {
			break
		}
		if v, _ := attrOf(c, "http-equiv"); c.Type == xhtml.ElementNode && v == "Content-Security-Policy" {
			first = c
		}
	}
	if first == nil {
		t.Fatal("no Content-Security-Policy meta among the head's first meta elements")
	}
	policy, _ := attrOf(first, "content")
	sum := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
	}
	var scripts []string
	for _, s := range elements(doc, "script") {
		typ, _ := attrOf(s, "type")
		switch typ {
		case "application/json":
		case "":
			scripts = append(scripts, text(s))
		default:
			t.Errorf("a script of type %q", typ)
		}
	}
	// The library, as vendored, then the viewer.
	if len(scripts) != 2 {
		t.Fatalf("%d executable scripts, want 2", len(scripts))
	}
	if scripts[0] != cytoscapeJS {
		t.Errorf("the first script is not the vendored cytoscape.js (%d bytes, want %d)", len(scripts[0]), len(cytoscapeJS))
	}
	for _, s := range []string{"</script", "<!--", "<script"} {
		if strings.Contains(strings.ToLower(cytoscapeJS), s) {
			t.Errorf("the vendored library holds %q, which would end or confuse its inline <script>", s)
		}
	}
	if want := "script-src " + sum(scripts[0]) + " " + sum(scripts[1]) + ";"; !strings.Contains(policy, want) {
		t.Errorf("the CSP %q lacks %q", policy, want)
	}
	styles := elements(doc, "style")
	if len(styles) != 1 {
		t.Fatalf("%d style elements, want 1", len(styles))
	}
	if want := "style-src " + sum(text(styles[0])) + ";"; !strings.Contains(policy, want) {
		t.Errorf("the CSP %q lacks %q", policy, want)
	}
	if !strings.HasPrefix(policy, "default-src 'none';") {
		t.Errorf("the CSP %q does not start with default-src 'none'", policy)
	}
	wantSVG := 1
	if readData(t, doc).Open == "overview" {
		wantSVG = 0
	}
	if n := len(elements(doc, "svg")); n != wantSVG {
		t.Errorf("%d svg elements, want %d", n, wantSVG)
	}
	for _, tag := range []string{"img", "image", "iframe", "object", "embed", "link", "base", "form", "foreignObject", "use", "audio", "video"} {
		if n := len(elements(doc, tag)); n > 0 {
			t.Errorf("%d %s elements", n, tag)
		}
	}
	walk(doc, func(n *xhtml.Node) {
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("<%s %s=%q>: an event handler", n.Data, key, a.Val)
			case key == "xmlns" || strings.HasPrefix(key, "xmlns:"):
				// The SVG namespaces are names, not references.
			case strings.Contains(key, "href") || key == "src" || key == "action" || key == "style":
				t.Errorf("<%s %s=%q>: nothing may be linked or styled inline", n.Data, key, a.Val)
			case strings.HasSuffix(key, "title"):
				// A tooltip's text, which may quote a URL: nothing loads it.
			case strings.Contains(a.Val, "http:") || strings.Contains(a.Val, "https:") || strings.HasPrefix(a.Val, "//"):
				t.Errorf("<%s %s=%q>: an external URL", n.Data, key, a.Val)
			}
		}
	})
	css := text(styles[0])
	for _, s := range []string{"url(", "@import"} {
		if strings.Contains(css, s) {
			t.Errorf("the style has %q", s)
		}
	}
	for _, s := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "fetch(", "XMLHttpRequest", "http:", "https:"} {
		if strings.Contains(scripts[1], s) {
			t.Errorf("the viewer script uses %q", s)
		}
	}
	return doc
}

func TestDefaultPage(t *testing.T) {
	g := defaultGraph(t)
	page := render(t, g)
	doc := checkStructure(t, page)
	d := readData(t, doc)
	if len(d.Nodes) != len(g.Entities) || len(d.Edges) != len(g.Relations) {
		t.Fatalf("data has %d nodes and %d edges, want %d and %d", len(d.Nodes), len(d.Edges), len(g.Entities), len(g.Relations))
	}
	// Every node and edge of the graph is an element of the diagram that
	// the data describes, under the same id.
	ids := map[string]string{}
	walk(doc, func(n *xhtml.Node) {
		if id, ok := attrOf(n, "id"); ok && n.Data == "g" {
			class, _ := attrOf(n, "class")
			ids[id] = class
		}
	})
	// The picture leaves out the entities no drawn relation touches.
	touched := map[string]bool{}
	for _, r := range g.Relations {
		if r.Kind != graph.PartOf {
			touched[r.From], touched[r.To] = true, true
		}
	}
	for i, e := range g.Entities {
		if d.Nodes[i].ID != e.ID || d.Nodes[i].Name != e.Name {
			t.Errorf("node %d is %s %s, want %s %s", i, d.Nodes[i].ID, d.Nodes[i].Name, e.ID, e.Name)
		}
		if c := ids["n-"+e.ID]; !strings.HasPrefix(c, "node") && touched[e.ID] {
			t.Errorf("no node element n-%s (class %q)", e.ID, c)
		}
	}
	for i, r := range g.Relations {
		e := d.Edges[i]
		if e.From != r.From || e.To != r.To || e.Kind != r.Kind || len(e.Evidence) != len(r.Evidence) {
			t.Errorf("edge %d is %+v, want %s %s→%s", i, e, r.Kind, r.From, r.To)
		}
		// part_of relations are data but not drawn (dot.Options.PartOf).
		if c := ids[e.ID]; !strings.HasPrefix(c, "edge") && r.Kind != graph.PartOf {
			t.Errorf("no edge element %s (class %q)", e.ID, c)
		}
		for j, ev := range r.Evidence {
			if e.Evidence[j].Quote != ev.Quote {
				t.Errorf("edge %d quote %d is %q, want %q", i, j, e.Evidence[j].Quote, ev.Quote)
			}
		}
	}
	if _, ok := ids["legend"]; !ok {
		t.Error("no legend")
	}
	// The title is the graph's, as text.
	if got := text(elements(doc, "title")[0]); got != g.Title {
		t.Errorf("title %q, want %q", got, g.Title)
	}
}

func TestHostilePage(t *testing.T) {
	g := hostileGraph(t)
	page := render(t, g)
	for _, raw := range []string{scriptName, onloadName, "<script>alert", "onload=\"", "</title><script>", "<img src", "<svg onload", "<!--"} {
		if bytes.Contains(page, []byte(raw)) {
			i := bytes.Index(page, []byte(raw))
			t.Errorf("the page holds %q unescaped: …%s…", raw, page[max(0, i-80):min(len(page), i+80)])
		}
	}
	doc := checkStructure(t, page)
	if n := len(elements(doc, "script")); n != 3 {
		t.Errorf("%d script elements, want 3", n)
	}
	// The text is all there, as text: in the title, the diagram's labels
	// and tooltips, and the data.
	if got := text(elements(doc, "title")[0]); got != g.Title {
		t.Errorf("title %q, want %q", got, g.Title)
	}
	var labels []string
	for _, n := range elements(doc, "text") {
		labels = append(labels, text(n))
	}
	all := strings.Join(labels, "\n")
	for _, s := range []string{scriptName, onloadName} {
		if !strings.Contains(all, s) {
			t.Errorf("no diagram label reads %q; labels: %q", s, labels)
		}
	}
	d := readData(t, doc)
	names := map[string]string{}
	for _, n := range d.Nodes {
		names[n.ID] = n.Name
	}
	if names["evil-script"] != scriptName || names["evil-attr"] != onloadName {
		t.Errorf("names in the data: %q", names)
	}
	if d.Sources[0].Title != "</title><script>alert(7)</script>" {
		t.Errorf("source title in the data: %q", d.Sources[0].Title)
	}
	if q := d.Edges[0].Evidence[0].Quote; q != scriptName+` `+onloadName {
		t.Errorf("quote in the data: %q", q)
	}
	var extra []attr // an evidence url, shown as text in the panel
	for _, e := range d.Edges {
		for _, ev := range e.Evidence {
			extra = append(extra, ev.Extra...)
		}
	}
	urls := map[string]bool{}
	for _, x := range extra {
		urls[x.Key+" "+x.Value] = true
	}
	if len(urls) != 2 || !urls["url https://example.org/a?b=<i>x</i>"] || !urls["url javascript:alert(3)//</script><script>"] {
		t.Errorf("evidence extras in the data: %q", extra)
	}
}

func TestDeterministic(t *testing.T) {
	for name, g := range map[string]*graph.Graph{"default": defaultGraph(t), "hostile": hostileGraph(t)} {
		t.Run(name, func(t *testing.T) {
			var s bytes.Buffer
			if err := svg.Write(&s, g, svg.Options{}); err != nil {
				t.Fatal(err)
			}
			var a, b bytes.Buffer
			if err := Write(&a, g, s.Bytes(), Options{}); err != nil {
				t.Fatal(err)
			}
			if err := Write(&b, g, s.Bytes(), Options{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two writes differ")
			}
		})
	}
}

func TestInlineSVG(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "prolog, doctype and comments",
			in: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Generated by graphviz --><svg width="10pt" height="20pt" viewBox="0 0 10 20" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><!-- a --><g id="n&#45;a" class="node"><title>a&lt;b&gt;</title></g></svg>`,
			want: `<svg width="100%" height="100%" viewBox="0 0 10 20" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><g id="n-a" class="node"><title>a&lt;b&gt;</title></g></svg>`,
		},
		{
			name: "text is escaped afresh",
			in:   `<svg><text x="1">&lt;script&gt;alert(1)&lt;/script&gt; &quot; onload=&quot;x &amp;amp; <![CDATA[<b>]]></text><a xlink:title="&quot; onload=&quot;alert(1)"></a></svg>`,
			want: `<svg><text x="1">&lt;script&gt;alert(1)&lt;/script&gt; &#34; onload=&#34;x &amp;amp; &lt;b&gt;</text><a xlink:title="&#34; onload=&#34;alert(1)"></a></svg>`,
		},
		{
			name: "foreign elements go with their content",
			in:   `<svg><script>alert(1)</script><foreignObject><div><svg/></div></foreignObject><image href="x.png"/><style>*{}</style><g><use href="#a"/></g></svg>`,
			want: `<svg><g></g></svg>`,
		},
		{
			name: "handlers, links, styles and external references",
			in:   `<svg onload="alert(1)"><a xlink:href="javascript:alert(1)" href="https://x" xlink:title="t"><path ONCLICK="x" style="fill:red" fill="url(#g)" stroke="url(https://x/#a)" d="M0,0"/></a></svg>`,
			want: `<svg><a xlink:title="t"><path fill="url(#g)" d="M0,0"></path></a></svg>`,
		},
		{
			name: "one root",
			in:   `<svg></svg><svg><g/></svg>`,
			want: `<svg></svg>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := inlineSVG([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	g := hostileGraph(t)
	var s bytes.Buffer
	if err := svg.Write(&s, g, svg.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, svg, want string
	}{
		{"empty", "", "html: no <svg> element"},
		{"not SVG", "<html><p>x</p></html>", "html: no <svg> element"},
		{"malformed", "<svg><g></svg>", "html: reading the SVG: line 1: unexpected </svg>"},
		{"unclosed", "<svg><g>", "html: reading the SVG: <g> is not closed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, g, []byte(tt.svg), Options{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v, want %s", err, tt.want)
			}
		})
	}
	t.Run("writer", func(t *testing.T) {
		want := errors.New("disk full")
		if err := Write(failWriter{want}, g, s.Bytes(), Options{}); !errors.Is(err, want) {
			t.Errorf("err = %v, want %v", err, want)
		}
	})
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

// TestCollidingIDs renders entities whose ids spell what guazhi, Graphviz
// and the viewer page add (testdata/ids: legend, graph0, clust1, n-…, e-…,
// data, view, panel, q, title): every id in the page is unique, and each
// entity and relation the data describes is its own element of the diagram.
func TestCollidingIDs(t *testing.T) {
	g, err := kb.Load(kb.OSReader{}, "../../testdata/ids/kb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := checkStructure(t, render(t, g))
	d := readData(t, doc)
	classes := map[string]string{}
	walk(doc, func(n *xhtml.Node) {
		id, ok := attrOf(n, "id")
		if !ok {
			return
		}
		if _, dup := classes[id]; dup {
			t.Errorf("two elements have the id %q", id)
		}
		class, _ := attrOf(n, "class")
		classes[id] = n.Data + " " + class
	})
	for _, n := range d.Nodes {
		if c := classes["n-"+n.ID]; !strings.HasPrefix(c, "g node") {
			t.Errorf("entity %s: element n-%s is %q, want its node", n.ID, n.ID, c)
		}
	}
	for _, e := range d.Edges {
		if c := classes[e.ID]; !strings.HasPrefix(c, "g edge") && e.Kind != graph.PartOf {
			t.Errorf("edge %s: element is %q, want its edge", e.ID, c)
		}
	}
	if c := classes["legend"]; c != "g node" {
		t.Errorf("the legend is %q", c)
	}
	for _, id := range []string{"data", "view", "panel", "q", "title"} {
		if c := classes[id]; strings.HasPrefix(c, "g ") {
			t.Errorf("the page's element %s is %q", id, c)
		}
	}
}
