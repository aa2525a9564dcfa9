package html

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/guazhi/guazhi/graph"
)

// DetailLimit is how many entities a graph may have for the page to open
// on the detail, every entity drawn; a larger graph opens on the overview.
const DetailLimit = 60

// overview is what the viewer draws of a graph too large to show every
// official: its bodies, and one flow per home body and host body that
// carries the officials seconded along it (graph.Overview's flows, by
// body).
type overview struct {
	// Bodies are every entity that is not an official nor an agreement,
	// in the graph's order.
	Bodies []obody `json:"bodies"`
	// Flows are sorted by home body, then host body; those whose home is
	// not known come first.
	Flows []flow `json:"flows"`
	// Columns are the bodies' jurisdictions from left to right: beijing,
	// then the others in graph.Jurisdictions' order (any unknown one after
	// them, by name), hebei last.
	Columns []string `json:"columns"`
	// Years are the first and the last year the dated secondments cover;
	// absent when none is dated.
	Years []int `json:"years,omitempty"`
}

type obody struct {
	ID string `json:"id"`
	// Parent is the body it is part of, when that is one of the bodies, of
	// the same jurisdiction (the overview draws it inside its parent, in
	// its jurisdiction's column) and not part of it in turn.
	Parent string `json:"parent,omitempty"`
	// Agreements is how many distinct agreements it is a party to.
	Agreements int `json:"agreements,omitempty"`
	// Officials are the ids, sorted, of the officials with a post or
	// secondment at the body: those its expansion shows.
	Officials []string `json:"officials,omitempty"`
}

// flow is the officials seconded from one body to another.
type flow struct {
	ID     string  `json:"id"`   // "f-<index>"
	From   string  `json:"from"` // the home body; "" when not known (no edge is drawn)
	To     string  `json:"to"`   // the host body
	Stints []stint `json:"stints"`
}

// stint is one secondment as the overview counts it.
type stint struct {
	Official string `json:"official"`
	Edge     string `json:"edge"`               // the secondment's edge id, "e-<index>"
	Post     string `json:"post,omitempty"`     // the post it was seconded to
	HomePost string `json:"homePost,omitempty"` // the post at home
	Start    string `json:"start,omitempty"`
	End      string `json:"end,omitempty"`
	// From and To are the first and last year it covers, both 0 when it
	// is undated (then every year shows it).
	From int `json:"y0,omitempty"`
	To   int `json:"y1,omitempty"`
}

// newOverview computes the overview of g: its bodies, and the flows of
// graph.Overview by body. A secondment whose home is not known makes a
// flow from "", which the overview does not draw. A secondment's years run
// from its start to its end; one with only a start or an end covers that
// year, as graph.Relation.Active has it.
func newOverview(g *graph.Graph) overview {
	ov := overview{Bodies: []obody{}, Flows: []flow{}, Columns: []string{}}
	isBody := func(id string) bool {
		e := g.Entity(id)
		return e != nil && e.Kind != graph.Official && e.Kind != graph.Agreement
	}
	index := map[string]int{}
	for _, e := range g.Entities {
		if isBody(e.ID) {
			index[e.ID] = len(ov.Bodies)
			ov.Bodies = append(ov.Bodies, obody{ID: e.ID})
		}
	}
	for i := range ov.Bodies {
		b := &ov.Bodies[i]
		e := g.Entity(b.ID)
		if p := e.Parent; p != b.ID && isBody(p) && g.Entity(p).Jurisdiction == e.Jurisdiction && !under(g, p, b.ID) {
			b.Parent = p
		}
	}
	// The home post of each official: the first post relation's, which is
	// also its edge.
	type post struct {
		body, title, edge string
	}
	homes := map[string]post{}
	deals := map[string]map[string]bool{} // body → agreements it is party to
	deal := func(body, agreement string) {
		if _, ok := index[body]; !ok || agreement == "" {
			return
		}
		if deals[body] == nil {
			deals[body] = map[string]bool{}
		}
		deals[body][agreement] = true
	}
	at := map[string]map[string]bool{} // body → officials there
	meet := func(body, official string) {
		if _, ok := index[body]; !ok {
			return
		}
		if at[body] == nil {
			at[body] = map[string]bool{}
		}
		at[body][official] = true
	}
	for i, r := range g.Relations {
		switch r.Kind {
		case graph.Post:
			if _, ok := homes[r.From]; !ok && isBody(r.To) {
				homes[r.From] = post{r.To, r.Post, fmt.Sprintf("e-%d", i)}
			}
			meet(r.To, r.From)
		case graph.Agreement:
			deal(r.From, r.Agreement)
			deal(r.To, r.Agreement)
		case graph.Party:
			deal(r.To, r.Agreement)
		}
	}
	// The flows are graph.Overview's, by body: one place decides who went
	// from where to where. Those with no known home make flows from "".
	gov, err := g.Overview(graph.ByBody)
	if err != nil {
		panic(err) // ByBody is a level
	}
	edge := make(map[*graph.Relation]int, len(g.Relations))
	for i, r := range g.Relations {
		edge[r] = i
	}
	first, last := 0, 0
	stints := func(from string, rels []*graph.Relation) []stint {
		var out []stint
		for _, r := range rels {
			s := stint{Official: r.From, Edge: fmt.Sprintf("e-%d", edge[r]), Post: r.Post, HomePost: r.FromPost,
				Start: dateText(r.Start), End: dateText(r.End)}
			if h, ok := homes[r.From]; ok && s.HomePost == "" && h.body == from {
				s.HomePost = h.title
			}
			s.From, s.To = years(r.Start, r.End)
			if s.From != 0 {
				if first == 0 || s.From < first {
					first = s.From
				}
				last = max(last, s.To)
			}
			meet(r.To, r.From)
			meet(from, r.From)
			out = append(out, s)
		}
		return out
	}
	homeless := map[string][]*graph.Relation{}
	var hosts []string
	for _, r := range gov.Homeless {
		if homeless[r.To] == nil {
			hosts = append(hosts, r.To)
		}
		homeless[r.To] = append(homeless[r.To], r)
	}
	slices.Sort(hosts)
	for _, to := range hosts {
		ov.Flows = append(ov.Flows, flow{ID: fmt.Sprintf("f-%d", len(ov.Flows)), To: to, Stints: stints("", homeless[to])})
	}
	for _, f := range gov.Flows {
		ov.Flows = append(ov.Flows, flow{ID: fmt.Sprintf("f-%d", len(ov.Flows)), From: f.From.ID, To: f.To.ID,
			Stints: stints(f.From.ID, f.Secondments)})
	}
	for i := range ov.Bodies {
		b := &ov.Bodies[i]
		b.Agreements = len(deals[b.ID])
		for o := range at[b.ID] {
			b.Officials = append(b.Officials, o)
		}
		slices.Sort(b.Officials)
	}
	if first != 0 {
		ov.Years = []int{first, last}
	}
	ov.Columns = columns(g, ov.Bodies)
	return ov
}

// columns orders the jurisdictions of the bodies for the overview's
// columns: beijing on the left, hebei on the right, the others between.
func columns(g *graph.Graph, bodies []obody) []string {
	seen := map[string]bool{}
	for _, b := range bodies {
		seen[g.Entity(b.ID).Jurisdiction] = true
	}
	rank := func(j string) int {
		switch i := slices.Index(graph.Jurisdictions, j); {
		case j == "beijing":
			return 0
		case j == "hebei":
			return len(graph.Jurisdictions) + 2
		case i >= 0:
			return 1 + i
		}
		return len(graph.Jurisdictions) + 1
	}
	out := []string{}
	for j := range seen {
		out = append(out, j)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b)) })
	return out
}

// under reports whether body a is, through parents, part of b, or is b:
// a parent that would make a cycle is left out.
func under(g *graph.Graph, a, b string) bool {
	seen := map[string]bool{}
	for id := a; id != "" && !seen[id]; {
		if id == b {
			return true
		}
		seen[id] = true
		e := g.Entity(id)
		if e == nil {
			return false
		}
		id = e.Parent
	}
	return false
}

// years are the first and last year of a term from start to end; a term
// with one date covers its year; an undated one is 0, 0.
func years(start, end graph.Date) (int, int) {
	switch {
	case start.IsZero() && end.IsZero():
		return 0, 0
	case start.IsZero():
		return end.Year, end.Year
	case end.IsZero() || end.Year < start.Year:
		return start.Year, start.Year
	}
	return start.Year, end.Year
}

func dateText(d graph.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
