package html

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/palette"
)

// Options control the page. The zero value gives the defaults.
type Options struct {
	// Title is the page's title; default the graph's title, or its name
	// when it has none.
	Title string
	// View is what the page opens on: "detail" or "overview"; default
	// "", the detail for a graph of fewer than DetailLimit entities.
	View string
}

var (
	//go:embed viewer.js
	viewerJS string
	// cytoscapeJS is the graph library that draws the overview; see
	// cytoscape/README.md.
	//go:embed cytoscape/cytoscape.min.js
	cytoscapeJS string
	//go:embed viewer.css
	viewerCSS string
	//go:embed page.html.tmpl
	pageTmpl string

	page = template.Must(template.New("page").Parse(pageTmpl))

	// style is the page's style sheet: the viewer's, then the badge
	// colours from the palette.
	style = viewerCSS + paletteCSS()
)

// paletteCSS colours the panel's kind badges as the diagram colours them:
// an entity by its jurisdiction (an agreement by its own hue), a relation
// by its kind, and every link kind in the link colour.
func paletteCSS() string {
	var b strings.Builder
	fmt.Fprintf(&b, "#panel .kind { background: %s; }\n", palette.Edge("link").Hex())
	for _, j := range graph.Jurisdictions {
		fmt.Fprintf(&b, "#panel .kind.j-%s { background: %s; }\n", j, palette.NodeOf(graph.Body, j).Line.Hex())
	}
	fmt.Fprintf(&b, "#panel .kind.n-%s { background: %s; }\n", graph.Agreement, palette.NodeOf(graph.Agreement, "").Line.Hex())
	for _, k := range []string{graph.Secondment, graph.Post, graph.Agreement, graph.Brokered, graph.Party, graph.PartOf} {
		fmt.Fprintf(&b, "#panel .kind.%s { background: %s; }\n", k, palette.Edge(k).Hex())
	}
	return b.String()
}

// csp is the Content-Security-Policy the page declares: nothing may be
// fetched, and the only scripts and style that run are the library's and
// the viewer's own, named by their hashes. A script or style that text from
// the knowledge base smuggled into the page would not run.
var csp = "default-src 'none'; script-src " + hash(cytoscapeJS) + " " + hash(viewerJS) + "; style-src " + hash(style) +
	"; img-src data:; base-uri 'none'; form-action 'none'"

// hash is the CSP source expression for an inline script or style.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// Write writes g as a self-contained HTML page. A graph of fewer than
// DetailLimit entities opens on its detail (opt.View may say otherwise): svg, the SVG document that
// output/svg rendered from output/dot's DOT of the same graph, whose node
// and edge elements (ids "n-<entity id>" and "e-<index in g.Relations>")
// the page links to the data of g it carries. A larger graph opens on its
// overview, drawn with cytoscape.js: the bodies, and an edge per home and
// host body counting the officials seconded along it; its svg is not used
// and may be nil (so may a small graph's: then the detail is drawn like the
// overview, every body expanded). Either view can switch to the other. It
// fetches nothing: the diagram, the data, the scripts and the styles are
// all inline. The output is the same bytes for the same graph and SVG.
func Write(w io.Writer, g *graph.Graph, svg []byte, opt Options) error {
	detail := len(g.Entities) < DetailLimit
	switch opt.View {
	case "detail":
		detail = true
	case "overview":
		detail = false
	}
	var diagram []byte
	if detail && svg != nil {
		var err error
		if diagram, err = inlineSVG(svg); err != nil {
			return err
		}
	}
	title := opt.Title
	if title == "" {
		title = g.Title
	}
	if title == "" {
		title = g.Name
	}
	// json.Marshal escapes <, > and & (and U+2028, U+2029), so the data
	// cannot end its <script> element or open a comment.
	d := newData(g, title)
	d.Open = "overview"
	if detail {
		d.Open = "detail"
	}
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	var b bytes.Buffer
	years := d.Overview.Years
	if years == nil {
		years = []int{0, 0}
	}
	err = page.Execute(&b, map[string]any{
		"Title":    title,
		"CSP":      csp,
		"Style":    template.CSS(style),
		"Library":  template.JS(cytoscapeJS),
		"Script":   template.JS(viewerJS),
		"Data":     template.JS(data),
		"Diagram":  template.HTML(diagram),
		"Detail":   diagram != nil,
		"Overview": !detail,
		"Nodes":    len(g.Entities),
		"Edges":    len(g.Relations),
		"Bodies":   len(d.Overview.Bodies),
		"Flows":    len(d.Overview.Flows),
		"YearAll":  years[0] - 1, // the slider's first position: every year
		"YearLast": years[1],
		"Years":    d.Overview.Years != nil,
	})
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// pageData is what the viewer script reads from the page's JSON.
type pageData struct {
	Title   string   `json:"title"`
	Sources []source `json:"sources"`
	Nodes   []node   `json:"nodes"`
	Edges   []edge   `json:"edges"`
	Filter  string   `json:"filter,omitempty"`
	// Open is the view the page opens on: "detail" or "overview".
	Open     string            `json:"open"`
	Overview overview          `json:"overview"`
	Colours  map[string]colour `json:"colours"`
}

// colour is how the overview draws an entity ("kind/jurisdiction") or an
// edge kind: Fill is "" for an edge.
type colour struct {
	Fill string `json:"fill,omitempty"`
	Line string `json:"line"`
}

type source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
	// Text is the source's text, for showing quotes in context: only of
	// sources the edges quote, and no longer than maxSourceText.
	Text string `json:"text,omitempty"`
}

// maxSourceText is the longest source text the page carries for showing
// quotes in context; a longer one is left out (its quotes show alone).
const maxSourceText = 1 << 20

type node struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Jurisdiction is "" for an agreement's node.
	Jurisdiction string `json:"jurisdiction,omitempty"`
	// Names are the other forms the search matches: English name (or the
	// pinyin of a name without one), full name, aliases.
	Names []string `json:"names,omitempty"`
	// Py holds the pinyin syllables of each name with Chinese characters
	// (graph.Entity.Syllables), space-separated: the search matches the
	// syllables of a query in order.
	Py    []string `json:"py,omitempty"`
	Attrs []attr   `json:"attrs"`
}

// attr is one row of the panel. Ref is the entity id Value names, if any.
type attr struct {
	Key   string `json:"k"`
	Value string `json:"v"`
	Ref   string `json:"ref,omitempty"`
}

type edge struct {
	ID        string     `json:"id"`  // the SVG element's id, "e-<index>"
	Key       string     `json:"key"` // graph.EdgeIDs
	Kind      string     `json:"kind"`
	From      string     `json:"from"`
	To        string     `json:"to"`
	Directed  bool       `json:"directed"`
	Label     string     `json:"label"`
	Attrs     []attr     `json:"attrs"`
	Officials []role     `json:"officials,omitempty"`
	Evidence  []evidence `json:"evidence"`
}

type role struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
	// Quotes are the official's own evidence: the quotes of their brokered
	// relation (or of the relation) that credit them (graph.Credits).
	Quotes []string `json:"quotes,omitempty"`
}

type evidence struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
	// At is where the quote starts in its source's text, in UTF-16 code
	// units (JavaScript's string indexes); -1 when the page does not carry
	// the text.
	At       int    `json:"at"`
	Inferred bool   `json:"inferred,omitempty"`
	Note     string `json:"note,omitempty"`
	Extra    []attr `json:"extra,omitempty"` // graph.Evidence.Extra
}

// refAttrs are the attributes whose value is an entity id.
var refAttrs = map[string]bool{"parent": true, "from_body": true}

// skipEdgeAttr reports whether a relation attribute is shown by other
// parts of the panel: the kind, the officials and what the evidence makes.
func skipEdgeAttr(key string) bool {
	return key == "kind" || key == "directed" || key == "officials" || graph.IsEvidenceAttr(key)
}

func newData(g *graph.Graph, title string) pageData {
	d := pageData{Title: title, Filter: g.Filter, Sources: []source{}, Nodes: []node{}, Edges: []edge{},
		Overview: newOverview(g), Colours: map[string]colour{}}
	for _, e := range g.Entities {
		n := palette.NodeOf(e.Kind, e.Jurisdiction)
		d.Colours[e.Kind+"/"+e.Jurisdiction] = colour{Fill: n.Fill.Hex(), Line: n.Line.Hex()}
	}
	for _, k := range []string{graph.Secondment, graph.Post} {
		d.Colours[k] = colour{Line: palette.Edge(k).Hex()}
	}
	quoted := map[string]bool{}
	for _, r := range g.Relations {
		for _, ev := range r.Evidence {
			quoted[ev.Source] = true
		}
	}
	for _, s := range g.Sources {
		src := source{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Date: s.Date.String(), URL: s.URL}
		if quoted[s.ID] && len(s.Text) <= maxSourceText {
			src.Text = s.Text
		}
		d.Sources = append(d.Sources, src)
	}
	for _, e := range g.Entities {
		n := node{ID: e.ID, Name: e.Name, Kind: e.Kind, Jurisdiction: e.Jurisdiction, Attrs: attrsOf(g, e.Attrs(), nil)}
		// The search also finds the English of a name, made when it has
		// none (graph.Entity.English), or else its pinyin.
		en := e.English()
		if en == "" {
			en = e.Pinyin()
		}
		if en == e.Name {
			en = ""
		}
		for _, s := range append([]string{en, e.FullName}, e.Aliases...) {
			if s != "" {
				n.Names = append(n.Names, s)
			}
		}
		for _, syl := range e.Syllables() {
			n.Py = append(n.Py, strings.Join(syl, " "))
		}
		d.Nodes = append(d.Nodes, n)
	}
	// Each official's brokered relation to each agreement: the evidence
	// their entry in the agreement's list of officials shows.
	type credit struct{ official, agreement string }
	brokered := map[credit]*graph.Relation{}
	for _, r := range g.Relations {
		if r.Kind == graph.Brokered && r.Agreement != "" {
			if k := (credit{r.From, r.Agreement}); brokered[k] == nil {
				brokered[k] = r
			}
		}
	}
	keys := g.EdgeIDs()
	for i, r := range g.Relations {
		e := edge{
			ID: fmt.Sprintf("e-%d", i), Key: keys[i], Kind: r.Kind, From: r.From, To: r.To,
			Directed: r.Directed, Label: r.Label(), Attrs: attrsOf(g, g.RelationAttrs(r), skipEdgeAttr),
			Evidence: []evidence{},
		}
		for _, o := range r.Officials {
			name := o.Official
			if x := g.Entity(o.Official); x != nil {
				name = x.Name
			}
			own := r
			if b := brokered[credit{o.Official, r.Agreement}]; r.Agreement != "" && b != nil {
				own = b
			}
			var quotes []string
			for _, ev := range g.Credits(own, o.Official) {
				quotes = append(quotes, ev.Quote)
			}
			e.Officials = append(e.Officials, role{ID: o.Official, Name: name, Role: o.Role, Quotes: quotes})
		}
		for _, ev := range r.Evidence {
			at := -1
			if src := g.Source(ev.Source); src != nil && ev.Quote != "" && len(src.Text) <= maxSourceText {
				if i := strings.Index(src.Text, ev.Quote); i >= 0 {
					at = utf16Len(src.Text[:i])
				}
			}
			e.Evidence = append(e.Evidence, evidence{Source: ev.Source, Quote: ev.Quote, At: at, Inferred: ev.Inferred, Note: ev.Note,
				Extra: attrsOf(g, ev.Extra(), nil)})
		}
		d.Edges = append(d.Edges, e)
	}
	return d
}

// attrsOf turns attributes into panel rows, leaving out those in skip; an
// entity id is shown as the entity's name and linked to it.
func attrsOf(g *graph.Graph, list []graph.Attr, skip func(key string) bool) []attr {
	out := []attr{}
	for _, a := range list {
		if skip != nil && skip(a.Key) {
			continue
		}
		v := a.Value
		if a.Type == graph.AttrStrings {
			v = strings.Join(a.List, "、")
		}
		row := attr{Key: a.Key, Value: v}
		if refAttrs[a.Key] {
			if e := g.Entity(a.Value); e != nil {
				row.Value, row.Ref = e.Name, e.ID
			}
		}
		out = append(out, row)
	}
	return out
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}
