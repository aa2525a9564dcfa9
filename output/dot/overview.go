package dot

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/palette"
)

// MaxColumn is the most groups the overview stacks in one column; a side
// with more gets more columns. One column a side reads best: every edge
// then runs straight across, where a second column would put the first's
// edges through it (dot stacks a virtual node per edge in each column it
// crosses, which made the picture three times taller than wide).
const MaxColumn = 40

// maxLabelled is the most flows labelled with their number, the
// largest: the others say it in their tooltip, as labels on every edge
// would crowd each other where the edges converge.
const maxLabelled = 12

// labelledFlows picks the largest flows to label: at most maxLabelled, of
// three secondments or more.
func labelledFlows(ov *graph.Overview) map[*graph.Flow]bool {
	big := slices.Clone(ov.Flows)
	slices.SortStableFunc(big, func(a, b *graph.Flow) int { return cmp.Compare(len(b.Secondments), len(a.Secondments)) })
	out := map[*graph.Flow]bool{}
	for _, f := range big[:min(len(big), maxLabelled)] {
		if len(f.Secondments) >= 3 {
			out[f] = true
		}
	}
	return out
}

// maxTipLines is the most officials an edge's tooltip lists.
const maxTipLines = 40

// WriteOverview writes the overview ov of g as a Graphviz digraph: a box
// per group of bodies, labelled with its name, how many officials it sent
// and hosted and how many agreements its bodies made; one edge per flow,
// its width and label the number of secondments along it and its tooltip
// the officials with their posts and terms (the largest flows' numbers
// are xlabels, placed after the layout; as labels dot would make each a
// node of the rank between the sides, stretching it beyond the sides'
// height, and on every flow they would crowd each other where the flows
// converge). Beijing's groups stand in the
// columns on the left, Hebei's on the right, the others between; every
// edge is drawn from left to right, its arrow showing the way officials
// went. The title says what the picture shows, in place of a legend.
func WriteOverview(out io.Writer, g *graph.Graph, ov *graph.Overview, opt Options) error {
	if opt.Lang == "" {
		opt.Lang = "zh"
	}
	if opt.FontName == "" {
		opt.FontName = DefaultFont
	}
	w := &writer{w: bufio.NewWriter(out), opt: opt, g: g}
	w.printf("digraph %s {\n", quote(g.Name))
	w.printf("\tgraph")
	w.attrs([]attr{
		{"label", overviewTitle(g, ov)}, {"labelloc", "t"}, {"labeljust", "l"}, {"fontsize", "16"}, {"fontname", opt.FontName},
		{"rankdir", "LR"}, {"nodesep", "0.1"}, {"ranksep", "2"}, {"newrank", "true"}, {"forcelabels", "false"},
		{"tooltip", g.Title}, {"bgcolor", "white"}, {"pad", "0.3"},
	})
	w.printf("\tnode")
	w.attrs([]attr{{"fontname", opt.FontName}, {"fontsize", "12"}, {"margin", "0.08,0.02"}, {"height", "0.3"}, {"shape", "box"}, {"style", "filled,rounded"}})
	w.printf("\tedge")
	w.attrs([]attr{{"fontname", opt.FontName}, {"fontsize", "9"}})

	side := func(gr *graph.Group) int {
		switch gr.Jurisdiction {
		case "beijing":
			return 0
		case "hebei":
			return 2
		}
		return 1
	}
	var sides [3][]*graph.Group
	for _, gr := range ov.Groups {
		sides[side(gr)] = append(sides[side(gr)], gr)
	}
	orderOverview(ov, &sides)
	// Columns, left to right: Beijing's (its last column nearest the
	// middle), the others', Hebei's.
	var cols [][]*graph.Group
	for _, list := range sides {
		n := (len(list) + MaxColumn - 1) / MaxColumn
		for c := range n {
			lo, hi := c*len(list)/n, (c+1)*len(list)/n
			cols = append(cols, list[lo:hi])
		}
	}
	col := map[string]int{}
	for c, list := range cols {
		w.printf("\tsubgraph %s {\n\t\tgraph", quote(fmt.Sprintf("column_%d", c)))
		w.attrs([]attr{{"rank", "same"}})
		for _, gr := range list {
			col[gr.ID] = c
			w.printf("\t\t%s", quote(gr.ID))
			w.attrs(w.groupAttrs(gr))
		}
		w.printf("\t}\n")
	}
	for c := 1; c < len(cols); c++ {
		w.printf("\t%s -> %s", quote(cols[c-1][0].ID), quote(cols[c][0].ID))
		w.attrs([]attr{{"class", "layout"}, {"style", "invis"}})
	}
	color := palette.Edge(graph.Secondment).Hex()
	labelled := labelledFlows(ov)
	for i, f := range ov.Flows {
		tail, head, dir := f.From.ID, f.To.ID, "forward"
		if col[tail] > col[head] {
			tail, head, dir = head, tail, "back"
		}
		n := len(f.Secondments)
		list := []attr{
			{"id", "f-" + strconv.Itoa(i)}, {"class", "flow"}, {"dir", dir},
			{"penwidth", strconv.FormatFloat(1+1.6*math.Log2(float64(n)), 'f', 1, 64)},
			{"color", color + "b0"}, {"arrowsize", "0.7"},
			{"fontcolor", color}, {"fontsize", "11"},
			{"tooltip", w.flowTip(f)},
		}
		if labelled[f] {
			list = append(list, attr{"xlabel", strconv.Itoa(n)})
		}
		if col[tail] == col[head] {
			list = append(list, attr{"constraint", "false"})
		}
		w.printf("\t%s -> %s", quote(tail), quote(head))
		w.attrs(list)
	}
	w.w.WriteString("}\n")
	return w.w.Flush()
}

// orderOverview orders each side's groups so that flows cross little:
// Beijing's by the barycentre of the Hebei groups they exchange with,
// Hebei's by their own top and name, the others by their barycentre too.
func orderOverview(ov *graph.Overview, sides *[3][]*graph.Group) {
	pos := map[string]float64{}
	for i, gr := range sides[2] {
		pos[gr.ID] = float64(i)
	}
	sum, n := map[string]float64{}, map[string]float64{}
	for _, f := range ov.Flows {
		a, b := f.From.ID, f.To.ID
		for _, p := range [][2]string{{a, b}, {b, a}} {
			if x, ok := pos[p[1]]; ok {
				k := float64(len(f.Secondments))
				sum[p[0]] += x * k
				n[p[0]] += k
			}
		}
	}
	bary := func(id string) float64 {
		if n[id] == 0 {
			return math.Inf(1)
		}
		return sum[id] / n[id]
	}
	for _, s := range []int{0, 1} {
		slices.SortStableFunc(sides[s], func(a, b *graph.Group) int {
			return cmp.Or(cmp.Compare(bary(a.ID), bary(b.ID)), cmp.Compare(a.ID, b.ID))
		})
	}
}

func (w *writer) groupAttrs(gr *graph.Group) []attr {
	c := palette.NodeOf(graph.Body, gr.Jurisdiction)
	name := gr.Label(w.opt.Lang)
	counts := fmt.Sprintf("派%d 收%d", gr.Sent, gr.Hosted)
	if len(gr.Deals) > 0 {
		counts += fmt.Sprintf(" 协%d", len(gr.Deals))
	}
	tip := []string{gr.Name, fmt.Sprintf("派出 sent %d · 接收 hosted %d · 协议 agreements %d", gr.Sent, gr.Hosted, len(gr.Deals))}
	if len(gr.Members) > 1 {
		name += fmt.Sprintf(" (+%d)", len(gr.Members)-1)
		names := make([]string, 0, len(gr.Members)-1)
		for _, m := range gr.Members[1:] {
			names = append(names, m.Name)
		}
		tip = append(tip, fmt.Sprintf("含 %d 个下属机构 includes %d bodies: %s", len(names), len(names), capList(names, 30, "、")))
	}
	if len(gr.Deals) > 0 {
		var deals []string
		for _, d := range gr.Deals {
			deals = append(deals, d.Title)
		}
		tip = append(tip, "协议 agreements: "+capList(deals, 20, "；"))
	}
	return []attr{
		{"id", "n-" + gr.ID}, {"label", name + "  " + counts},
		{"fillcolor", c.Fill.Hex()}, {"color", c.Line.Hex()}, {"tooltip", strings.Join(tip, "\n")},
		{"class", "group " + gr.Jurisdiction},
	}
}

// capList joins the first max items of list and says how many it left out.
func capList(list []string, max int, sep string) string {
	if len(list) <= max {
		return strings.Join(list, sep)
	}
	return strings.Join(list[:max], sep) + fmt.Sprintf("%s…（另 %d and %d more）", sep, len(list)-max, len(list)-max)
}

// flowTip lists a flow's officials: name, home post, host post, term.
func (w *writer) flowTip(f *graph.Flow) string {
	lines := []string{fmt.Sprintf("%s → %s: %d 人次 secondments", f.From.Name, f.To.Name, len(f.Secondments))}
	for i, r := range f.Secondments {
		if i == maxTipLines {
			lines = append(lines, fmt.Sprintf("…另 %d and %d more", len(f.Secondments)-i, len(f.Secondments)-i))
			break
		}
		name := r.From
		if e := w.g.Entity(r.From); e != nil {
			name = e.Name
		}
		line := name
		if b := w.g.Entity(r.FromBody); b != nil {
			line += " · " + b.Name + r.FromPost
		}
		if h := w.g.Entity(r.To); h != nil {
			line += " → " + h.Name + r.Post
		}
		if !r.Start.IsZero() || !r.End.IsZero() {
			line += " (" + orOpenDate(r.Start) + "–" + orOpenDate(r.End) + ")"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func orOpenDate(d graph.Date) string {
	if d.IsZero() {
		return "?"
	}
	return d.String()
}

// overviewTitle is the overview's title and legend in one: the data
// set's title, what the picture shows, and its sources (listed when few,
// counted when many).
func overviewTitle(g *graph.Graph, ov *graph.Overview) string {
	secondments := 0
	for _, f := range ov.Flows {
		secondments += len(f.Secondments)
	}
	lines := []string{g.Title,
		fmt.Sprintf("概览 Overview by %s: %d 名官员 officials, %d 人次挂职 secondments in %d flows among %d groups of bodies; %d 项协议 agreements",
			ov.Level, ov.Officials(), secondments, len(ov.Flows), len(ov.Groups), ov.Agreements),
		"方框 box = 机构及其下属 a body and those it includes (+N): 派 sent, 收 hosted, 协 agreements · 箭头 arrow = 挂职方向 where officials went, 宽度与数字 width and number = 人次 secondments",
	}
	if len(ov.Homeless) > 0 {
		lines = append(lines, fmt.Sprintf("%d 人次挂职原单位不详 secondments with no known home body are not drawn", len(ov.Homeless)))
	}
	if len(g.Sources) <= 3 {
		var srcs []string
		for _, s := range g.Sources {
			srcs = append(srcs, s.Title)
		}
		if len(srcs) > 0 {
			lines = append(lines, "来源 Sources: "+strings.Join(srcs, "; "))
		}
	} else {
		lines = append(lines, fmt.Sprintf("来源 Sources: %d 篇 articles (%d behind these flows)", len(g.Sources), ov.Sources))
	}
	if g.Filter != "" {
		lines = append(lines, "筛选 Filter: "+g.Filter)
	}
	return strings.Join(lines, "\n")
}

// ReadableEntities is the most entities the detail picture draws before
// it stops being readable on one screen: beyond it, labels shrink below
// legibility when the picture is fitted to a window, and edges tangle.
const ReadableEntities = 150

// Readable reports whether the detail picture of g can be read on one
// screen.
func Readable(g *graph.Graph) bool { return len(g.Entities) <= ReadableEntities }

// ReadableOverview reports whether the overview ov can be read on one
// screen: at most a column of MaxColumn groups a side, and few
// enough flows to follow.
func ReadableOverview(ov *graph.Overview) bool {
	return len(ov.Groups) <= 2*MaxColumn && len(ov.Flows) <= 240
}
