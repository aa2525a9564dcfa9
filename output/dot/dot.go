package dot

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// Options control the DOT output. The zero value gives the defaults.
type Options struct {
	// Lang picks the label language: "zh" (default), "en" or "both".
	Lang string
	// FontName is the font Graphviz lays text out with; default
	// DefaultFont.
	FontName string
	// NoLegend leaves the legend out (default: a legend is drawn).
	NoLegend bool
	// NoEdgeLabels draws edges without labels, for graphs too large to
	// read them; tooltips still carry the text (default: labelled).
	NoEdgeLabels bool
}

// DefaultFont is the font list the labels name: a CJK font first, so that
// native Graphviz (with fontconfig) measures Chinese text correctly.
const DefaultFont = "Noto Sans CJK SC"

// nodeStyle is how an entity kind and jurisdiction are drawn.
type nodeStyle struct {
	shape, fill, border, style string
}

var (
	bodyFill = map[string]string{
		"beijing":  "#d6e6f5",
		"hebei":    "#f7dada",
		"tianjin":  "#e3f1dc",
		"national": "#e8e0f2",
		"other":    "#eeeeee",
		"foreign":  "#fdf0d5",
	}
	kindStyle = map[string]nodeStyle{
		graph.Official:     {shape: "ellipse", fill: "#fff2b3", border: "#9a7d0a", style: "filled"},
		graph.Body:         {shape: "box", border: "#34495e", style: "filled"},
		graph.Company:      {shape: "box", fill: "#d5f0e3", border: "#1e8449", style: "filled,rounded"},
		graph.Organisation: {shape: "hexagon", fill: "#f2e6f7", border: "#7d3c98", style: "filled"},
	}
)

// edgeStyle is how a relation kind is drawn.
type edgeStyle struct {
	color, style, arrow string
	pen                 string
	legend              string
}

var edgeStyles = map[string]edgeStyle{
	graph.Secondment: {color: "#c0392b", style: "bold", arrow: "normal", pen: "2", legend: "挂职 secondment"},
	graph.Post:       {color: "#2471a3", style: "dashed", arrow: "normal", pen: "1.2", legend: "原任 post"},
	graph.Agreement:  {color: "#1e8449", style: "solid", arrow: "none", pen: "2", legend: "协议 agreement"},
	graph.PartOf:     {color: "#909497", style: "dotted", arrow: "empty", pen: "1", legend: "隶属 part of"},
}

var linkStyle = edgeStyle{color: "#7d3c98", style: "solid", arrow: "vee", pen: "1", legend: "其他 link"}

func styleOf(kind string) edgeStyle {
	if s, ok := edgeStyles[kind]; ok {
		return s
	}
	return linkStyle
}

// quote returns s as a DOT double-quoted string; see writeQuoted.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	writeQuoted(&b, s)
	return b.String()
}

// maxQuoted is the most bytes writeQuoted puts between two quotes. Native
// Graphviz's scanner refuses a quoted string longer than 16384 bytes, so a
// longer one is written as several joined with DOT's + operator.
const maxQuoted = 8000

// writeQuoted writes s as a DOT double-quoted string. It is the only place
// text enters the output, so no label can add or change statements:
// backslashes and quotes are escaped, and line breaks become the \n escape.
// Graphviz also decodes HTML entities in quoted strings, so & is written
// &amp; and "&lt;" stays four characters. Text longer than maxQuoted bytes
// once escaped is split into "…" + "…" between characters, never inside an
// escape or a UTF-8 sequence.
func writeQuoted(w io.StringWriter, s string) {
	w.WriteString(`"`)
	long := len(s) > maxQuoted/len("&amp;") // may need splitting
	start, n := 0, 0                        // s[start:i] is still to write; n bytes are in this string
	for i := 0; i < len(s); {
		var esc string
		switch s[i] {
		case '"':
			esc = `\"`
		case '\\':
			esc = `\\`
		case '\n':
			esc = `\n`
		case '&':
			esc = "&amp;"
		case '\r':
		default:
			size := 1
			if long && s[i] >= utf8.RuneSelf {
				_, size = utf8.DecodeRuneInString(s[i:])
			}
			if long && n+size > maxQuoted {
				w.WriteString(s[start:i])
				w.WriteString(`" + "`)
				start, n = i, 0
			}
			n += size
			i += size
			continue
		}
		w.WriteString(s[start:i])
		if long && n+len(esc) > maxQuoted {
			w.WriteString(`" + "`)
			n = 0
		}
		w.WriteString(esc)
		n += len(esc)
		i++
		start = i
	}
	w.WriteString(s[start:])
	w.WriteString(`"`)
}

// attr is one DOT attribute; value is quoted on output.
type attr struct{ key, value string }

type writer struct {
	w   *bufio.Writer
	opt Options
	g   *graph.Graph
	// labelled is the relation that carries each agreement's label.
	labelled map[string]*graph.Relation
}

func (w *writer) printf(format string, args ...any) { fmt.Fprintf(w.w, format, args...) }

func (w *writer) attrs(list []attr) {
	w.w.WriteString(" [")
	first := true
	for _, a := range list {
		if a.value == "" {
			continue
		}
		if !first {
			w.w.WriteString(", ")
		}
		first = false
		w.w.WriteString(a.key)
		w.w.WriteString("=")
		writeQuoted(w.w, a.value)
	}
	w.w.WriteString("];\n")
}

// Write writes g as a Graphviz digraph. The output is the same bytes for the
// same graph.
func Write(out io.Writer, g *graph.Graph, opt Options) error {
	if opt.Lang == "" {
		opt.Lang = "zh"
	}
	if opt.FontName == "" {
		opt.FontName = DefaultFont
	}
	w := newWriter(out, g, opt)
	w.header()
	w.nodes()
	w.edges()
	if !opt.NoLegend {
		w.legend()
	}
	w.w.WriteString("}\n")
	return w.w.Flush()
}

func newWriter(out io.Writer, g *graph.Graph, opt Options) *writer {
	w := &writer{w: bufio.NewWriter(out), opt: opt, g: g, labelled: map[string]*graph.Relation{}}
	for _, r := range g.Relations {
		if r.Kind == graph.Agreement && w.labelled[r.Agreement] == nil {
			w.labelled[r.Agreement] = r
		}
	}
	return w
}

func (w *writer) header() {
	w.printf("digraph %s {\n", quote(w.g.Name))
	w.printf("\tgraph")
	w.attrs([]attr{
		{"label", w.title()}, {"labelloc", "t"}, {"fontsize", "20"}, {"fontname", w.opt.FontName},
		{"rankdir", "LR"}, {"nodesep", "0.25"}, {"ranksep", "0.9"}, {"newrank", "true"},
		{"tooltip", w.g.Title}, {"bgcolor", "white"}, {"pad", "0.3"},
	})
	w.printf("\tnode")
	w.attrs([]attr{{"fontname", w.opt.FontName}, {"fontsize", "12"}, {"margin", "0.12,0.06"}})
	w.printf("\tedge")
	w.attrs([]attr{{"fontname", w.opt.FontName}, {"fontsize", "9"}})
}

func (w *writer) title() string {
	t := w.g.Title
	var srcs []string
	for _, s := range w.g.Sources {
		line := s.Title
		if s.Publisher != "" {
			line = s.Publisher + ": " + line
		}
		if !s.Date.IsZero() {
			line += " (" + s.Date.String() + ")"
		}
		srcs = append(srcs, line)
	}
	if len(srcs) > 0 {
		t += "\n来源 Sources: " + strings.Join(srcs, "; ")
	}
	if w.g.Filter != "" {
		t += "\n筛选 Filter: " + w.g.Filter
	}
	return t
}

func (w *writer) nodeAttrs(e *graph.Entity) []attr {
	st := kindStyle[e.Kind]
	fill := st.fill
	if e.Kind == graph.Body {
		fill = bodyFill[e.Jurisdiction]
	}
	tip := []string{e.Name}
	if e.FullName != "" {
		tip = append(tip, "全称: "+e.FullName)
	}
	if e.NameEn != "" {
		tip = append(tip, e.NameEn)
	}
	if len(e.Aliases) > 0 {
		tip = append(tip, "又称: "+strings.Join(e.Aliases, "、"))
	}
	tip = append(tip, e.Kind+" · "+e.Jurisdiction)
	if len(e.Sources) > 0 {
		tip = append(tip, sourcesLine(e.Sources))
	}
	return []attr{
		{"id", "n-" + e.ID}, {"label", e.Label(w.opt.Lang)}, {"shape", st.shape}, {"style", st.style},
		{"fillcolor", fill}, {"color", st.border}, {"tooltip", strings.Join(tip, "\n")},
		{"class", e.Kind + " " + e.Jurisdiction},
	}
}

// nodes writes the entities in four columns, left to right: Beijing's
// bodies (cluster_beijing), the officials, Hebei's bodies (cluster_hebei),
// then companies, organisations and every other body. Each column is one
// rank, and an invisible chain orders the columns; the relations themselves
// do not rank their ends, so a meeting from Hebei to Beijing cannot pull
// the sides out of order.
func (w *writer) nodes() {
	var cols [4][]*graph.Entity
	for _, e := range w.g.Entities {
		c := column(e)
		cols[c] = append(cols[c], e)
	}
	clusters := map[int]struct{ id, label string }{0: {"beijing", "北京 Beijing"}, 2: {"hebei", "河北 Hebei"}}
	var heads []string
	for c, list := range cols {
		if len(list) == 0 {
			continue
		}
		heads = append(heads, list[0].ID)
		indent := "\t"
		if cl, ok := clusters[c]; ok {
			w.printf("\tsubgraph %s {\n\t\tgraph", quote("cluster_"+cl.id))
			w.attrs([]attr{{"label", cl.label}, {"style", "rounded,filled"}, {"fillcolor", clusterFill[cl.id]},
				{"color", "#aab7b8"}, {"fontsize", "16"}, {"rank", "same"}})
			indent = "\t\t"
		} else {
			w.printf("\tsubgraph %s {\n\t\tgraph", quote(fmt.Sprintf("column_%d", c)))
			w.attrs([]attr{{"rank", "same"}})
			indent = "\t\t"
		}
		for _, e := range list {
			w.printf("%s%s", indent, quote(e.ID))
			w.attrs(w.nodeAttrs(e))
		}
		w.printf("\t}\n")
	}
	for i := 1; i < len(heads); i++ {
		w.printf("\t%s -> %s", quote(heads[i-1]), quote(heads[i]))
		w.attrs([]attr{{"class", "layout"}, {"style", "invis"}, {"weight", "0"}})
	}
}

var clusterFill = map[string]string{"beijing": "#f4f8fc", "hebei": "#fdf5f5"}

// Edge labels are wrapped to lines of at most labelWidth characters and cut
// to labelLines lines; the tooltip has the whole text.
const (
	labelWidth = 14
	labelLines = 2
)

// wrap breaks s into lines of at most width characters, keeping its own
// line breaks and preferring to break after punctuation, and cuts it to max
// lines, the last ending in "…".
func wrap(s string, width, max int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		r := []rune(para)
		for {
			n := min(width, len(r))
			if n < len(r) {
				for i := n; i >= width/2; i-- {
					if strings.ContainsRune(",、,:;)》」 ", r[i-1]) || strings.ContainsRune("(《「(", r[i]) {
						n = i
						break
					}
				}
			}
			lines = append(lines, strings.TrimSpace(string(r[:n])))
			r = r[n:]
			if len(r) == 0 {
				break
			}
		}
	}
	if len(lines) > max {
		last := []rune(lines[max-1])
		if len(last) >= width {
			last = last[:width-1]
		}
		lines = append(lines[:max-1], string(last)+"…")
	}
	return lines
}

// label is the edge's label, unless labels are off.
func (w *writer) label(r *graph.Relation) string {
	if w.opt.NoEdgeLabels {
		return ""
	}
	return w.edgeLabel(r)
}

// edgeLabel is the text drawn on a relation's edge. Of an agreement among
// several parties only the first pair's edge is labelled.
func (w *writer) edgeLabel(r *graph.Relation) string {
	var lines []string
	var meta []string
	switch r.Kind {
	case graph.PartOf:
		return ""
	case graph.Secondment:
		lines = wrap(r.Label(), labelWidth, labelLines)
		if !r.Start.IsZero() {
			meta = append(meta, r.Start.String()+"—"+r.End.String())
		}
	case graph.Agreement:
		if w.labelled[r.Agreement] != nil && w.labelled[r.Agreement] != r {
			return ""
		}
		lines = wrap(r.Title, labelWidth, labelLines)
		if !r.Date.IsZero() {
			meta = append(meta, r.Date.String())
		}
		if r.Value != "" {
			meta = append(meta, wrap(r.Value, labelWidth, 1)...)
		}
	default:
		lines = wrap(r.Label(), labelWidth, labelLines)
		if !r.Date.IsZero() {
			meta = append(meta, r.Date.String())
		}
	}
	return strings.Join(append(lines, meta...), "\n")
}

func (w *writer) edgeTooltip(r *graph.Relation) string {
	from, to := w.g.Entity(r.From).Name, w.g.Entity(r.To).Name
	head := r.Kind + ": " + from + " → " + to
	if !r.Directed {
		head = r.Kind + ": " + from + " — " + to
	}
	if names := w.g.OfficialNames(r.Officials); len(names) > 0 {
		head += "\n官员 Officials: " + strings.Join(names, "、")
	}
	for _, v := range r.Variants {
		if v.Disputed {
			head += "\n有争议 Disputed: " + v.String()
		} else {
			head += "\n各来源 As stated: " + v.String()
		}
	}
	if ids := r.SourceIDs(); len(ids) > 0 {
		head += "\n" + sourcesLine(ids)
	}
	if q := graph.Quotes(r.Evidence); q != "" {
		head += "\n" + q
	}
	return head
}

// sourcesLine is the tooltip line giving the distinct sources behind an
// entity or relation.
func sourcesLine(ids []string) string {
	return "来源 Sources (" + strconv.Itoa(len(ids)) + "): " + strings.Join(ids, ", ")
}

// column is where an entity is drawn, left to right: 0 Beijing's bodies,
// 1 officials, 2 Hebei's bodies, 3 the rest.
func column(e *graph.Entity) int {
	switch {
	case e.Kind == graph.Official:
		return 1
	case e.Kind == graph.Body && e.Jurisdiction == "beijing":
		return 0
	case e.Kind == graph.Body && e.Jurisdiction == "hebei":
		return 2
	}
	return 3
}

func (w *writer) edges() {
	for i, r := range w.g.Relations {
		st := styleOf(r.Kind)
		list := []attr{
			{"id", fmt.Sprintf("e-%d", i)}, {"class", r.Kind}, {"label", w.label(r)},
			{"color", st.color}, {"fontcolor", st.color}, {"style", st.style}, {"penwidth", st.pen},
			{"arrowhead", st.arrow}, {"tooltip", w.edgeTooltip(r)}, {"labeltooltip", w.edgeTooltip(r)},
		}
		tail, head := w.g.Entity(r.From), w.g.Entity(r.To)
		if !r.Directed {
			list = append(list, attr{"dir", "none"})
			if column(tail) > column(head) {
				tail, head = head, tail
			}
		}
		// The columns rank the nodes; see nodes.
		list = append(list, attr{"constraint", "false"})
		w.printf("\t%s -> %s", quote(tail.ID), quote(head.ID))
		w.attrs(list)
	}
}

// legend draws one table node: a swatch per node style and a line per edge
// style. Its markup is constant; no knowledge-base text enters it.
func (w *writer) legend() {
	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="0" cellspacing="3" cellpadding="2">`)
	b.WriteString(`<tr><td colspan="2"><b>图例 Legend</b></td></tr>`)
	swatches := []struct{ label, fill, border string }{
		{"官员 official", kindStyle[graph.Official].fill, kindStyle[graph.Official].border},
		{"北京机构 Beijing body", bodyFill["beijing"], kindStyle[graph.Body].border},
		{"河北机构 Hebei body", bodyFill["hebei"], kindStyle[graph.Body].border},
		{"中央机构 national body", bodyFill["national"], kindStyle[graph.Body].border},
		{"其他机构 other body", bodyFill["other"], kindStyle[graph.Body].border},
		{"企业 company", kindStyle[graph.Company].fill, kindStyle[graph.Company].border},
		{"组织 organisation", kindStyle[graph.Organisation].fill, kindStyle[graph.Organisation].border},
	}
	for _, s := range swatches {
		fmt.Fprintf(&b, `<tr><td border="1" color="%s" bgcolor="%s" width="28"> </td><td align="left">%s</td></tr>`, s.border, s.fill, s.label)
	}
	for _, k := range []string{graph.Secondment, graph.Post, graph.Agreement, graph.PartOf, "link"} {
		st := styleOf(k)
		line := "━━▶"
		switch st.style {
		case "dashed":
			line = "╌╌▶"
		case "dotted":
			line = "┈┈▷"
		}
		if st.arrow == "none" {
			line = "━━━"
		}
		fmt.Fprintf(&b, `<tr><td><font color="%s">%s</font></td><td align="left"><font color="%s">%s</font></td></tr>`, st.color, line, st.color, st.legend)
	}
	b.WriteString(`</table>>`)
	w.printf("\t%s [id=%s, shape=\"plaintext\", fontsize=\"10\", label=%s];\n", quote(legendNode), quote("legend"), b.String())
}

// legendNode names the legend's node. Node names are entity ids, which
// have no '_' (graph.Entity), so no entity can be the legend. The names
// of the subgraphs (cluster_…, column_…) have one too. In the SVG, ids
// are namespaced instead: n-<entity id> for a node, e-<index> for an edge,
// and legend for the legend.
const legendNode = "_legend"
