package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Group levels of an overview, coarsest first. A body's level is how many
// part_of steps it is below a body that is part of none: a province (河北省,
// 北京市) is at the top, a city of Hebei or a district or municipal bureau
// of Beijing one step below, a county or a city's bureau two. A
// municipality's districts count as counties.
const (
	ByProvince = "province" // every body into its top
	ByCity     = "city"     // into its ancestor one step below the top
	ByCounty   = "county"   // into its ancestor two steps below the top
	ByBody     = "body"     // every body its own group
)

// municipalities are the province-level cities, whose districts are
// county-level.
var municipalities = map[string]bool{"北京市": true, "天津市": true, "上海市": true, "重庆市": true}

// GroupLevels lists the group levels, coarsest first.
var GroupLevels = []string{ByProvince, ByCity, ByCounty, ByBody}

// Overview is the graph drawn by body instead of by person: groups of
// bodies, and one flow per home group → host group carrying the
// secondments along it.
type Overview struct {
	Level  string
	Groups []*Group // sorted by jurisdiction, then by the top they are part of, then id
	Flows  []*Flow  // sorted by From, then To
	// Homeless are the secondments whose home body is not known, which no
	// flow carries.
	Homeless []*Relation
	// Agreements counts the distinct agreements among groups.
	Agreements int
	// Sources counts the sources behind the flows.
	Sources int
}

// Group is a body and the bodies below it folded into it.
type Group struct {
	*Entity             // the body that stands for the group
	Members []*Entity   // the bodies folded into it, itself first, the rest by id
	Top     *Entity     // the body at the top of its part_of chain (itself when none)
	Sent    int         // secondments from its members
	Hosted  int         // secondments to its members
	Deals   []*Relation // one relation per agreement a member is party to: its title, status and parties
}

// Flow is the secondments from one group's bodies to another's.
type Flow struct {
	From, To    *Group
	Secondments []*Relation // sorted by start, then official
}

// Overview folds g's bodies into groups at level (one of GroupLevels) and
// its secondments into flows between them. Officials and agreements are
// not groups; every other entity may be (a company that hosts a
// secondment is one). Each secondment goes from its home body (FromBody,
// else the body of the official's first post) to its host: this is the
// one place that decides who went from where to where. Companies and
// organisations that host no one are counted only in the deals of the
// groups that made agreements with them.
func (g *Graph) Overview(level string) (*Overview, error) {
	depth := slices.Index(GroupLevels, level) // province 0, city 1, county 2, body 3
	if depth < 0 {
		return nil, fmt.Errorf("unknown group level %q (want %s)", level, joinOr(GroupLevels))
	}
	ov := &Overview{Level: level}
	groups := map[string]*Group{}
	member := map[*Entity]bool{}
	var chain []*Entity
	// fold returns the body that stands for body id at the level, and the
	// top of its part_of chain; nil when id is not a body.
	fold := func(id string) (head, top *Entity) {
		e := g.byID[id]
		if e == nil || e.Kind == Official || e.Kind == Agreement {
			return nil, nil
		}
		chain = chain[:0]
		for x := e; x != nil && len(chain) <= len(g.Entities); x = g.byID[x.Parent] {
			chain = append(chain, x) // self first, top last
		}
		head, top = e, chain[len(chain)-1]
		d := depth
		if level == ByCounty && municipalities[top.Name] {
			d = 1 // a municipality's districts are its counties
		}
		if level != ByBody && len(chain) > d {
			head = chain[len(chain)-1-d]
		}
		return head, top
	}
	groupOf := func(id string) *Group {
		head, top := fold(id)
		if head == nil {
			return nil
		}
		gr := groups[head.ID]
		if gr == nil {
			gr = &Group{Entity: head, Members: []*Entity{head}, Top: top}
			groups[head.ID] = gr
		}
		if e := g.byID[id]; e != head && !member[e] {
			member[e] = true
			gr.Members = append(gr.Members, e)
		}
		return gr
	}

	homes := map[string]string{} // official → the body of its first post
	for _, r := range g.Relations {
		if _, ok := homes[r.From]; r.Kind == Post && !ok {
			homes[r.From] = r.To
		}
	}
	flows := map[[2]string]*Flow{}
	sources := map[string]bool{}
	for _, r := range g.Relations {
		if r.Kind != Secondment {
			continue
		}
		home := r.FromBody
		if home == "" {
			home = homes[r.From]
		}
		to := groupOf(r.To)
		if to == nil {
			continue // a secondment to an official or agreement: none
		}
		from := groupOf(home)
		if from == nil {
			ov.Homeless = append(ov.Homeless, r)
			continue
		}
		from.Sent++
		to.Hosted++
		k := [2]string{from.ID, to.ID}
		f := flows[k]
		if f == nil {
			f = &Flow{From: from, To: to}
			flows[k] = f
		}
		f.Secondments = append(f.Secondments, r)
		for _, ev := range r.Evidence {
			sources[ev.Source] = true
		}
	}
	ov.Sources = len(sources)

	// Deals: each agreement once per group among its parties.
	seen := map[[2]string]bool{}
	agreements := map[string]bool{}
	for _, r := range g.Relations {
		ends := []string{r.From, r.To}
		switch r.Kind {
		case Party: // agreements as nodes (AgreementNodes): from its node
			ends = ends[1:]
		case Agreement:
		default:
			continue
		}
		for _, end := range ends {
			head, _ := fold(end)
			if head == nil {
				continue
			}
			gr := groups[head.ID] // only groups that carry flows count deals
			if gr == nil || seen[[2]string{gr.ID, r.Agreement}] {
				continue
			}
			seen[[2]string{gr.ID, r.Agreement}] = true
			agreements[r.Agreement] = true
			gr.Deals = append(gr.Deals, r)
		}
	}
	ov.Agreements = len(agreements)

	for _, gr := range groups {
		slices.SortFunc(gr.Members[1:], func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })
		ov.Groups = append(ov.Groups, gr)
	}
	jr := func(j string) int {
		if i := slices.Index(Jurisdictions, j); i >= 0 {
			return i
		}
		return len(Jurisdictions)
	}
	slices.SortFunc(ov.Groups, func(a, b *Group) int {
		return cmp.Or(cmp.Compare(jr(a.Jurisdiction), jr(b.Jurisdiction)), cmp.Compare(a.Top.ID, b.Top.ID), cmp.Compare(a.ID, b.ID))
	})
	for _, f := range flows {
		slices.SortFunc(f.Secondments, func(a, b *Relation) int {
			return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.From, b.From))
		})
		ov.Flows = append(ov.Flows, f)
	}
	slices.SortFunc(ov.Flows, func(a, b *Flow) int {
		return cmp.Or(cmp.Compare(a.From.ID, b.From.ID), cmp.Compare(a.To.ID, b.To.ID))
	})
	return ov, nil
}

// Officials returns the number of distinct officials the flows carry.
func (ov *Overview) Officials() int {
	seen := map[string]bool{}
	for _, f := range ov.Flows {
		for _, r := range f.Secondments {
			seen[r.From] = true
		}
	}
	return len(seen)
}

func joinOr(list []string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " or " + list[len(list)-1]
}
