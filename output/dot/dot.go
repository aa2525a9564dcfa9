package dot

import (
	"bufio"
	"cmp"
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/palette"
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
	// PartOf draws part_of relations as edges. By default they are left
	// out of the diagram, which then reads by the story alone, and each
	// entity's tooltip names what it is part of instead: drawn, part_of
	// edges run up and down every column and cross the story's edges
	// (see docs/diagram.md).
	PartOf bool
	// Isolated draws the entities that no drawn relation touches. By
	// default they are left out, and the title counts them: drawn, they
	// fill the picture's first screen with boxes that say nothing.
	Isolated bool
}

// DefaultFont is the font list the labels name: a CJK font first, so that
// native Graphviz (with fontconfig) measures Chinese text correctly.
const DefaultFont = "Noto Sans CJK SC"

// nodeStyle is how an entity kind is drawn; its colours come from the
// palette.
type nodeStyle struct {
	shape, style string
	legend       string
}

var kindStyle = map[string]nodeStyle{
	graph.Official:     {shape: "ellipse", style: "filled", legend: "官员 official (椭圆 ellipse)"},
	graph.Body:         {shape: "box", style: "filled", legend: "机构 body (方框 box)"},
	graph.Company:      {shape: "box", style: "filled,rounded", legend: "企业 company (圆角框 rounded box)"},
	graph.Organisation: {shape: "hexagon", style: "filled", legend: "组织 organisation (六边形 hexagon)"},
	graph.Agreement:    {shape: "note", style: "filled", legend: "协议 agreement (便笺 note)"},
}

// edgeStyle is how a relation kind is drawn; its colour comes from the
// palette.
type edgeStyle struct {
	style, arrow string
	pen          string
	legend       string
}

var edgeStyles = map[string]edgeStyle{
	graph.Secondment: {style: "bold", arrow: "normal", pen: "2", legend: "挂职 secondment"},
	graph.Post:       {style: "dashed", arrow: "normal", pen: "1.2", legend: "原任 post"},
	graph.Agreement:  {style: "solid", arrow: "none", pen: "2", legend: "协议 agreement"},
	graph.Brokered:   {style: "bold", arrow: "normal", pen: "1.6", legend: "促成 brokered"},
	graph.Party:      {style: "solid", arrow: "none", pen: "1.4", legend: "签约方 party"},
	graph.PartOf:     {style: "dotted", arrow: "empty", pen: "1", legend: "隶属 part of"},
}

// The legend's rows for events and the edges from their officials.
const (
	eventLegend    = "活动 event (officials took part)"
	attendedLegend = "参与 took part (in an event)"
)

var linkStyle = edgeStyle{style: "solid", arrow: "vee", pen: "1", legend: "其他 link"}

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
// Every other ASCII control character (tab, DEL, …) is written as a space:
// Graphviz has no width for them, and go-graphviz's WebAssembly build
// mishandles the warnings it then gives: after some dozens of renders in one
// process its heap is corrupt and every later render fails.
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
		switch c := s[i]; {
		case c == '"':
			esc = `\"`
		case c == '\\':
			esc = `\\`
		case c == '\n':
			esc = `\n`
		case c == '&':
			esc = "&amp;"
		case c == '\r':
		case c < 0x20 || c == 0x7f:
			esc = " "
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
	// deal is the first Party relation of each agreement's node, by node
	// id: the agreement's data.
	deal map[string]*graph.Relation
	// events are the links officials took part in, drawn as nodes; inEvent
	// maps a relation's index to its event.
	events  []*event
	inEvent map[int]*event
	// lastHead is a node of the rightmost column, which the legend joins.
	lastHead string
	// clusters is whether the Beijing and Hebei columns are drawn as
	// clusters: unless agreements are edges (--agreements edges), which
	// run from the Beijing column across the officials' to the Hebei
	// column and beyond, and would go round the clusters; columns alone
	// read better there (see docs/diagram.md).
	clusters bool
	// parents are the entities each entity is part of, by id, for the
	// tooltips when part_of relations are not drawn.
	parents map[string][]string
	// linked holds the entities a drawn relation touches; left counts
	// those left out for it (see Options.Isolated).
	linked map[string]bool
	left   int
}

// event is a node for links that officials took part in (a meeting, a
// visit, a promotion), drawn where the story puts them: beside the
// agreements, with an edge from the link's source, one to each of its
// targets and one from each official, with their role. Links of one kind,
// title, date, source and officials (ten meetings of 保定市 with ten
// partners, all attended by 曹蕾) share one node.
type event struct {
	id   string // the DOT node id: "event:N", which no entity id can be
	rels []int  // indexes in g.Relations, in order
	// shared is the end the links have in common: their source, or, when
	// sharedIsTo, their target (three companies' visits to 唐山市).
	shared     string
	sharedIsTo bool
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
	if !opt.Isolated {
		for _, e := range g.Entities {
			if !w.linked[e.ID] {
				w.left++
			}
		}
	}
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
	w := &writer{w: bufio.NewWriter(out), opt: opt, g: g, labelled: map[string]*graph.Relation{}, deal: map[string]*graph.Relation{},
		inEvent: map[int]*event{}, parents: map[string][]string{}, linked: map[string]bool{}}
	w.clusters = !slices.ContainsFunc(g.Relations, func(r *graph.Relation) bool { return r.Kind == graph.Agreement })
	w.groupEvents()
	for _, r := range g.Relations {
		if w.drawn(r) {
			w.linked[r.From], w.linked[r.To] = true, true
			for _, o := range r.Officials {
				w.linked[o.Official] = true
			}
		}
		if r.Kind == graph.PartOf {
			w.parents[r.From] = append(w.parents[r.From], r.To)
		}
		if r.Kind == graph.Agreement && w.labelled[r.Agreement] == nil {
			w.labelled[r.Agreement] = r
		}
		if r.Kind == graph.Party && w.deal[r.From] == nil {
			w.deal[r.From] = r
		}
	}
	return w
}

func (w *writer) header() {
	w.printf("digraph %s {\n", quote(w.g.Name))
	w.printf("\tgraph")
	w.attrs([]attr{
		{"label", w.title()}, {"labelloc", "t"}, {"fontsize", "20"}, {"fontname", w.opt.FontName},
		{"rankdir", "LR"}, {"nodesep", "0.25"}, {"ranksep", "0.6"}, {"newrank", "true"}, {"mclimit", mclimit(len(w.g.Entities))}, {"forcelabels", "false"},
		{"tooltip", w.g.Title}, {"bgcolor", "white"}, {"pad", "0.3"},
	})
	if w.clusters {
		// Edges that go round a cluster cross fewer others as polylines
		// than as curves (on the built-in data, when this was chosen, 137
		// crossing pairs rather than 155; 142 now that entities no drawn
		// relation touches are left out), and their labels overlap less.
		w.printf("\tgraph")
		w.attrs([]attr{{"splines", "polyline"}})
	}
	w.printf("\tnode")
	w.attrs([]attr{{"fontname", w.opt.FontName}, {"fontsize", "12"}, {"margin", "0.12,0.06"}})
	w.printf("\tedge")
	w.attrs([]attr{{"fontname", w.opt.FontName}, {"fontsize", "9"}})
}

// mclimit is how hard dot's crossing minimisation tries: hard (4) for a
// picture a reader takes in at once, less as the graph grows, down to 0.3
// at 1,000 entities and beyond. At 1,000 officials mclimit=4 took 21 s of
// the layout and 0.3 took 4.7 s for the same number of crossings, since
// the extra passes find nothing in a graph of that size.
func mclimit(entities int) string {
	switch {
	case entities <= 150:
		return "4"
	case entities >= 1000:
		return "0.3"
	}
	f := 4 - 3.7*float64(entities-150)/850
	return strconv.FormatFloat(f, 'f', 1, 64)
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
	if w.left > 0 {
		t += fmt.Sprintf("\n未画出 Not drawn: %d 个无关系的实体 entities with no relation drawn (--isolated draws them)", w.left)
	}
	return t
}

func (w *writer) nodeAttrs(e *graph.Entity) []attr {
	st := kindStyle[e.Kind]
	if st.shape == "" {
		st = kindStyle[graph.Body]
	}
	c := palette.NodeOf(e.Kind, e.Jurisdiction)
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
	label := e.Label(w.opt.Lang)
	if d := w.deal[e.ID]; e.Kind == graph.Agreement && d != nil {
		label = strings.Join(append(wrap(label, labelWidth, 3), dealMeta(d)...), "\n")
		tip = append(tip, strings.Join(dealMeta(d), " · "))
	}
	kind := e.Kind
	if e.Jurisdiction != "" {
		kind += " · " + e.Jurisdiction
	}
	tip = append(tip, kind)
	if len(e.Sources) > 0 {
		tip = append(tip, sourcesLine(e.Sources))
	}
	if !w.opt.PartOf {
		for _, p := range w.parents[e.ID] {
			tip = append(tip, "隶属 part of: "+w.g.Entity(p).Name)
		}
	}
	return []attr{
		{"id", "n-" + e.ID}, {"label", label}, {"shape", st.shape}, {"style", st.style},
		{"fillcolor", c.Fill.Hex()}, {"color", c.Line.Hex()}, {"tooltip", strings.Join(tip, "\n")},
		{"class", strings.TrimSpace(e.Kind + " " + e.Jurisdiction)},
	}
}

// dealMeta is what a label says of an agreement besides its title: its
// status unless signed, its date and its value.
func dealMeta(r *graph.Relation) []string {
	var meta []string
	if r.Status != "" && r.Status != "signed" {
		meta = append(meta, statusName[r.Status])
	}
	if !r.Date.IsZero() {
		meta = append(meta, r.Date.String())
	}
	if r.Value != "" {
		meta = append(meta, wrap(r.Value, labelWidth, 1)...)
	}
	return meta
}

var statusName = map[string]string{"framework": "框架协议", "consensus": "共识", "intent": "意向"}

// nodes writes the entities in five columns, left to right: Beijing's
// bodies (cluster_beijing), the officials, Hebei's bodies (cluster_hebei),
// the agreements' nodes, then companies, organisations and every other
// body. Each column is one rank, and an invisible chain orders the columns;
// the relations themselves do not rank their ends, so a meeting from Hebei
// to Beijing cannot pull the sides out of order.
//
// The edges from the officials to their agreements and events pass the
// Hebei cluster, which is drawn in one piece, so they go round it. To keep
// them from crossing each other and the officials' other edges, the nodes
// of the body and agreement columns start in the order of the officials
// they are drawn with (see officialRank), which dot's crossing reduction
// starts from, and edges are drawn as polylines (see header): on the
// built-in data, when this was chosen, 137 crossing pairs of edges rather
// than 159. With
// agreements as edges there are no clusters (see writer.clusters), and
// the columns keep the data's order.
func (w *writer) nodes() {
	var cols [5][]dotNode
	for _, e := range w.g.Entities {
		if !w.opt.Isolated && !w.linked[e.ID] {
			continue
		}
		c := column(e)
		cols[c] = append(cols[c], dotNode{e.ID, w.nodeAttrs(e)})
	}
	for _, ev := range w.events {
		cols[3] = append(cols[3], dotNode{ev.id, w.eventAttrs(ev)})
	}
	var clusters map[int]struct{ id, label string }
	if w.clusters {
		clusters = map[int]struct{ id, label string }{0: {"beijing", "北京 Beijing"}, 2: {"hebei", "河北 Hebei"}}
		rank := w.officialRank(cols[1])
		for _, c := range []int{0, 2, 3} {
			slices.SortStableFunc(cols[c], func(a, b dotNode) int { return cmp.Compare(rank(a.id), rank(b.id)) })
		}
	}
	var heads []string
	for c, list := range cols {
		if len(list) == 0 {
			continue
		}
		heads = append(heads, list[0].id)
		if cl, ok := clusters[c]; ok {
			w.printf("\tsubgraph %s {\n\t\tgraph", quote("cluster_"+cl.id))
			w.attrs([]attr{{"label", cl.label}, {"style", "rounded,filled"}, {"fillcolor", clusterFill[cl.id]},
				{"color", "#aab7b8"}, {"fontsize", "16"}, {"rank", "same"}})
		} else {
			w.printf("\tsubgraph %s {\n\t\tgraph", quote(fmt.Sprintf("column_%d", c)))
			w.attrs([]attr{{"rank", "same"}})
		}
		for _, n := range list {
			w.printf("\t\t%s", quote(n.id))
			w.attrs(n.attrs)
		}
		w.printf("\t}\n")
	}
	for i := 1; i < len(heads); i++ {
		w.printf("\t%s -> %s", quote(heads[i-1]), quote(heads[i]))
		w.attrs([]attr{{"class", "layout"}, {"style", "invis"}, {"weight", "0"}})
	}
	if len(heads) > 0 {
		w.lastHead = heads[len(heads)-1]
	}
}

var clusterFill = map[string]string{"beijing": "#f4f8fc", "hebei": "#fdf5f5"}

// dotNode is a node as written: its id and attributes.
type dotNode struct {
	id    string
	attrs []attr
}

// officialRank gives each node drawn with an official (by a drawn relation,
// or as an event the official took part in) the mean place of those
// officials in their column; the others rank after them all (+Inf).
func (w *writer) officialRank(officials []dotNode) func(id string) float64 {
	place := map[string]int{}
	for i, n := range officials {
		place[n.id] = i
	}
	sum, count := map[string]int{}, map[string]int{}
	with := func(node, official string) {
		if p, ok := place[official]; ok {
			sum[node] += p
			count[node]++
		}
	}
	for i, r := range w.g.Relations {
		if !w.drawn(r) || w.inEvent[i] != nil {
			continue
		}
		with(r.From, r.To)
		with(r.To, r.From)
	}
	for _, ev := range w.events {
		for _, o := range w.g.Relations[ev.rels[0]].Officials {
			with(ev.id, o.Official)
		}
	}
	return func(id string) float64 {
		if count[id] == 0 {
			return math.Inf(1)
		}
		return float64(sum[id]) / float64(count[id])
	}
}

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
	case graph.PartOf, graph.Party:
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
		meta = dealMeta(r)
	case graph.Brokered:
		lines = wrap(r.Label(), labelWidth, labelLines)
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

// EventIDs returns the ids of the nodes Write draws for events (links that
// officials took part in; see event), besides the entities' nodes.
func EventIDs(g *graph.Graph) []string {
	var ids []string
	for _, ev := range newWriter(io.Discard, g, Options{}).events {
		ids = append(ids, ev.id)
	}
	return ids
}

// groupEvents makes the events: every link with officials whose source is
// not itself an official, grouped by kind, source, title, date and
// officials.
func (w *writer) groupEvents() {
	type key struct{ kind, title, date, officials, end string }
	var links []int
	for i, r := range w.g.Relations {
		if palette.IsLink(r.Kind) && len(r.Officials) > 0 && w.g.Entity(r.From).Kind != graph.Official {
			links = append(links, i)
		}
	}
	keyOf := func(r *graph.Relation, end string) key {
		return key{r.Kind, r.Title, r.Date.String(), strings.Join(w.g.OfficialNames(r.Officials), "\x00"), end}
	}
	// Links that share their source form one event; of the rest, those
	// that share their target.
	bySource, byTarget := map[key][]int{}, map[key][]int{}
	for _, i := range links {
		r := w.g.Relations[i]
		bySource[keyOf(r, r.From)] = append(bySource[keyOf(r, r.From)], i)
		byTarget[keyOf(r, r.To)] = append(byTarget[keyOf(r, r.To)], i)
	}
	for _, i := range links {
		if w.inEvent[i] != nil {
			continue
		}
		r := w.g.Relations[i]
		group, shared, isTo := bySource[keyOf(r, r.From)], r.From, false
		if len(group) == 1 {
			if t := byTarget[keyOf(r, r.To)]; len(t) > 1 {
				group, shared, isTo = t, r.To, true
			}
		}
		ev := &event{id: fmt.Sprintf("event:%d", len(w.events)), shared: shared, sharedIsTo: isTo}
		for _, k := range group {
			if w.inEvent[k] == nil {
				ev.rels = append(ev.rels, k)
				w.inEvent[k] = ev
			}
		}
		w.events = append(w.events, ev)
	}
}

// eventAttrs are the attributes of an event's node: the links' label
// (title and date), and how many partners when more than one.
func (w *writer) eventAttrs(ev *event) []attr {
	r := w.g.Relations[ev.rels[0]]
	lines := wrap(r.Label(), labelWidth, labelLines)
	if !r.Date.IsZero() {
		lines = append(lines, r.Date.String())
	}
	if n := len(ev.rels); n > 1 {
		lines = append(lines, fmt.Sprintf("×%d", n))
	}
	c := palette.Edge(r.Kind)
	tip := []string{r.Kind + ": " + r.Label(), "官员 Officials: " + strings.Join(w.g.OfficialNames(r.Officials), "、")}
	for _, i := range ev.rels {
		if ev.sharedIsTo {
			tip = append(tip, "← "+w.g.Entity(w.g.Relations[i].From).Name)
		} else {
			tip = append(tip, "→ "+w.g.Entity(w.g.Relations[i].To).Name)
		}
	}
	return []attr{
		{"id", "ev-" + strings.TrimPrefix(ev.id, "event:")}, {"label", strings.Join(lines, "\n")}, {"shape", "box"},
		{"style", "rounded,filled,dashed"}, {"fillcolor", c.Mix(palette.RGB{R: 255, G: 255, B: 255}, 0.88).Hex()},
		{"color", c.Hex()}, {"fontcolor", c.Hex()}, {"fontsize", "11"}, {"tooltip", strings.Join(tip, "\n")}, {"class", "event " + r.Kind},
	}
}

// sourcesLine is the tooltip line giving the distinct sources behind an
// entity or relation.
func sourcesLine(ids []string) string {
	return "来源 Sources (" + strconv.Itoa(len(ids)) + "): " + strings.Join(ids, ", ")
}

// column is where an entity is drawn, left to right: 0 Beijing's bodies,
// 1 officials, 2 Hebei's bodies, 3 agreements, 4 the rest.
func column(e *graph.Entity) int {
	switch {
	case e.Kind == graph.Official:
		return 1
	case e.Kind == graph.Body && e.Jurisdiction == "beijing":
		return 0
	case e.Kind == graph.Body && e.Jurisdiction == "hebei":
		return 2
	case e.Kind == graph.Agreement:
		return 3
	}
	return 4
}

// storyKinds are the relation kinds whose edges order the nodes: home
// post, secondment, agreement, brokered and party.
var storyKinds = map[string]bool{graph.Post: true, graph.Secondment: true, graph.Agreement: true, graph.Brokered: true, graph.Party: true}

func (w *writer) edges() {
	for i, r := range w.g.Relations {
		if !w.drawn(r) {
			continue
		}
		st := styleOf(r.Kind)
		color := palette.Edge(r.Kind).Hex()
		list := []attr{
			{"id", fmt.Sprintf("e-%d", i)}, {"class", r.Kind}, {"label", w.label(r)},
			{"color", color}, {"fontcolor", color}, {"style", st.style}, {"penwidth", st.pen},
			{"arrowhead", st.arrow}, {"tooltip", w.edgeTooltip(r)}, {"labeltooltip", w.edgeTooltip(r)},
		}
		tail, tailCol := r.From, column(w.g.Entity(r.From))
		head, headCol := r.To, column(w.g.Entity(r.To))
		if ev := w.inEvent[i]; ev != nil {
			// The link runs through its event, whose node has the label:
			// drawn is its own end's part.
			list[2].value = ""
			if ev.sharedIsTo {
				head, headCol = ev.id, 3
			} else {
				tail, tailCol = ev.id, 3
			}
		}
		w.edge(tail, tailCol, head, headCol, r.Directed, st.arrow, list)
	}
	for n, ev := range w.events {
		r := w.g.Relations[ev.rels[0]]
		st := styleOf(r.Kind)
		color := palette.Edge(r.Kind).Hex()
		// The shared end's part of the links.
		tail, tailCol, head, headCol, arrow := ev.shared, column(w.g.Entity(ev.shared)), ev.id, 3, "none"
		if ev.sharedIsTo {
			tail, tailCol, head, headCol, arrow = ev.id, 3, ev.shared, column(w.g.Entity(ev.shared)), st.arrow
		}
		w.edge(tail, tailCol, head, headCol, true, arrow, []attr{
			{"id", fmt.Sprintf("ev-%d-shared", n)}, {"class", r.Kind}, {"color", color}, {"style", st.style},
			{"penwidth", st.pen}, {"arrowhead", arrow}, {"tooltip", w.edgeTooltip(r)},
		})
		brokered := styleOf(graph.Brokered)
		for k, o := range r.Officials {
			if w.g.Entity(o.Official) == nil {
				continue // filtered out (--focus): named in the tooltip only
			}
			tip := w.g.OfficialNames([]graph.Role{o})[0] + " → " + r.Label()
			w.edge(o.Official, column(w.g.Entity(o.Official)), ev.id, 3, true, brokered.arrow, []attr{
				{"id", fmt.Sprintf("ev-%d-o%d", n, k)}, {"class", "attended"}, {"label", w.roleLabel(o.Role)},
				{"color", palette.Edge(graph.Brokered).Hex()}, {"fontcolor", palette.Edge(graph.Brokered).Hex()},
				{"style", "dashed"}, {"penwidth", "1.2"}, {"arrowhead", brokered.arrow}, {"tooltip", tip}, {"labeltooltip", tip},
			})
		}
	}
}

// drawn reports whether a relation is drawn as an edge: all are but
// part_of, unless Options.PartOf.
func (w *writer) drawn(r *graph.Relation) bool {
	return r.Kind != graph.PartOf || w.opt.PartOf
}

// roleLabel is an official's role as an edge label, unless labels are off.
func (w *writer) roleLabel(role string) string {
	if w.opt.NoEdgeLabels {
		return ""
	}
	return strings.Join(wrap(role, labelWidth, labelLines), "\n")
}

// edge writes one edge from tail (in column tailCol) to head, drawn left to
// right so that the story's edges can order the nodes of each column; one
// drawn right to left keeps its arrow at its head's end.
//
// An edge that passes a column (an official's edge to an agreement passes
// the Hebei column) has its label as an xlabel, placed beside the edge once
// it is routed: as a plain label it would be a node of the column passed,
// set among that column's nodes and often away from the edge (on the
// built-in data six of them more than 12 px from their edge; as xlabels
// none). An edge between neighbouring columns or within one keeps a plain
// label, which dot keeps off the nodes.
func (w *writer) edge(tail string, tailCol int, head string, headCol int, directed bool, arrow string, list []attr) {
	if tailCol > headCol {
		tail, head = head, tail
		tailCol, headCol = headCol, tailCol
		if directed {
			list = append(list, attr{"dir", "back"}, attr{"arrowtail", arrow})
		}
	}
	if !directed {
		list = append(list, attr{"dir", "none"})
	}
	if headCol-tailCol > 1 {
		for i := range list {
			if list[i].key == "label" {
				list[i].key = "xlabel"
			}
		}
	}
	w.printf("\t%s -> %s", quote(tail), quote(head))
	w.attrs(list)
}

// legend draws one table node: a row per entity kind, jurisdiction and
// relation kind present in the graph, and only those. Its markup is
// constant but for link kinds, which are lower-case words, escaped all the
// same.
func (w *writer) legend() {
	kinds, jurs, rels := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var links []string
	for _, e := range w.g.Entities {
		kinds[e.Kind] = true
		if e.Jurisdiction != "" {
			jurs[e.Jurisdiction] = true
		}
	}
	for _, k := range w.g.RelationKinds() {
		if k == graph.PartOf && !w.opt.PartOf {
			continue
		}
		if palette.IsLink(k) {
			links = append(links, k)
		} else {
			rels[k] = true
		}
	}
	// Each item is a swatch cell and a label cell; the legend sets them
	// three to a row, so that it is wide and short rather than a column
	// taller than the rest of the picture.
	var items []string
	swatch := func(fill, line, label string) {
		items = append(items, fmt.Sprintf(`<td border="1" color="%s" bgcolor="%s" width="22"> </td><td align="left">%s</td>`, line, fill, label))
	}
	for _, k := range append(slices.Clone(graph.EntityKinds), graph.Agreement) {
		if !kinds[k] {
			continue
		}
		fill, line := "#ffffff", "#555555"
		if k == graph.Agreement {
			c := palette.NodeOf(k, "")
			fill, line = c.Fill.Hex(), c.Line.Hex()
		}
		swatch(fill, line, kindStyle[k].legend)
	}
	if len(w.events) > 0 {
		c := palette.Edge("link")
		swatch(c.Mix(palette.RGB{R: 255, G: 255, B: 255}, 0.88).Hex(), c.Hex(), eventLegend)
	}
	for _, j := range graph.Jurisdictions {
		if jurs[j] {
			c := palette.NodeOf(graph.Body, j)
			swatch(c.Fill.Hex(), c.Line.Hex(), palette.JurisdictionName(j))
		}
	}
	row := func(kind string, st edgeStyle, label string) {
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
		c := palette.Edge(kind).Hex()
		items = append(items, fmt.Sprintf(`<td><font color="%s">%s</font></td><td align="left"><font color="%s">%s</font></td>`, c, line, c, label))
	}
	for _, k := range []string{graph.Secondment, graph.Post, graph.Agreement, graph.Brokered, graph.Party, graph.PartOf} {
		if rels[k] {
			row(k, edgeStyles[k], edgeStyles[k].legend)
		}
		if k == graph.Brokered && len(w.events) > 0 {
			row(graph.Brokered, edgeStyle{style: "dashed", arrow: "normal"}, attendedLegend)
		}
	}
	if len(links) > 0 {
		// The kinds two to an item: one item of them all would widen
		// the legend's column by itself.
		for i := 0; i < len(links); i += 2 {
			kinds := html.EscapeString(strings.Join(links[i:min(i+2, len(links))], ", "))
			if i == 0 {
				row(links[0], linkStyle, linkStyle.legend+": "+kinds)
				continue
			}
			c := palette.Edge(links[0]).Hex()
			items = append(items, fmt.Sprintf(`<td></td><td align="left"><font color="%s">%s</font></td>`, c, kinds))
		}
	}
	const perRow = 3
	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="0" cellspacing="2" cellpadding="1">`)
	fmt.Fprintf(&b, `<tr><td colspan="%d" align="left"><b>图例 Legend</b></td></tr>`, 2*perRow)
	for i := 0; i < len(items); i += perRow {
		b.WriteString("<tr>")
		for _, it := range items[i:min(i+perRow, len(items))] {
			b.WriteString(it)
		}
		b.WriteString("</tr>")
	}
	b.WriteString(`</table>>`)
	w.printf("\t%s [id=%s, shape=\"plaintext\", fontsize=\"9\", label=%s];\n", quote(legendNode), quote("legend"), b.String())
	if w.lastHead != "" {
		// In the rightmost column, which has room below its nodes, rather
		// than in a column of its own.
		w.printf("\tsubgraph %s {\n\t\tgraph [rank=\"same\"];\n\t\t%s;\n\t\t%s;\n\t}\n", quote("legend_rank"), quote(legendNode), quote(w.lastHead))
	}
}

// legendNode names the legend's node. Node names are entity ids, which
// have no '_' (graph.Entity), so no entity can be the legend. The names
// of the subgraphs (column_…, legend_rank) have one too. In the SVG, ids
// are namespaced instead: n-<entity id> for a node, e-<index> for an edge,
// and legend for the legend.
const legendNode = "_legend"
