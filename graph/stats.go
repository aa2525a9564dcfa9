package graph

import (
	"cmp"
	"maps"
	"slices"
)

// KindCount is how many entities or relations there are of one kind (or
// jurisdiction, or relation kind), for Stats.
type KindCount struct {
	Kind string
	N    int
}

// OfficialReach is how many bodies, companies and organisations an official
// is tied to, through secondments, posts and the agreements and links they
// brokered or attended.
type OfficialReach struct {
	Official  *Entity
	Connected []*Entity // sorted by id
	Relations int       // relations that name the official
	// Brokered lists the agreements the official is credited with, read
	// from the Brokered relations, by date.
	Brokered []Deal
}

// Deal is an agreement an official is credited with, and their part in it.
type Deal struct {
	Agreement     string // agreement id
	Title, Status string
	Date          Date
	Role          string
	Parties       []*Entity // sorted by id
}

// Stats summarises a graph for a curator.
type Stats struct {
	Entities, Relations, Sources, Quotes int
	// SingleSource counts the relations whose evidence comes from one
	// source only; SingleInferred those whose whole evidence is one
	// inferred quote (part_of relations, which cite none, are in neither).
	SingleSource, SingleInferred       int
	ByKind, ByJurisdiction, ByRelation []KindCount
	Officials                          []OfficialReach // best connected first
}

func counts(m map[string]int, order []string) []KindCount {
	var out []KindCount
	for _, k := range order {
		if m[k] > 0 {
			out = append(out, KindCount{k, m[k]})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(order, k) {
			out = append(out, KindCount{k, m[k]})
		}
	}
	return out
}

// Stats counts entities by kind and jurisdiction, relations by kind, and
// ranks officials by the bodies and companies they connect.
func (g *Graph) Stats() Stats {
	s := Stats{Entities: len(g.Entities), Relations: len(g.Relations), Sources: len(g.Sources)}
	kinds, jur, rels := map[string]int{}, map[string]int{}, map[string]int{}
	for _, e := range g.Entities {
		kinds[e.Kind]++
		jur[e.Jurisdiction]++
	}
	reach := map[string]map[string]bool{}
	nrel := map[string]int{}
	touch := func(official, other string) {
		if k := g.byID[other].Kind; k == Official || k == Agreement {
			return
		}
		if reach[official] == nil {
			reach[official] = map[string]bool{}
		}
		reach[official][other] = true
	}
	type key struct{ id, agreement string }
	counted := map[key]bool{}
	for _, r := range g.Relations {
		rels[r.Kind]++
		if r.Kind == Brokered {
			continue // the agreement's own relations name the official and hold its quotes
		}
		s.Quotes += len(r.Evidence)
		if len(r.SourceIDs()) == 1 {
			s.SingleSource++
		}
		if len(r.Evidence) == 1 && r.Evidence[0].Inferred {
			s.SingleInferred++
		}
		if g.byID[r.From].Kind == Official {
			touch(r.From, r.To)
			nrel[r.From]++
		}
		for _, o := range r.Officials {
			touch(o.Official, r.From)
			touch(o.Official, r.To)
			k := key{o.Official, r.Agreement}
			if r.Agreement == "" || !counted[k] {
				nrel[o.Official]++
				counted[k] = true
			}
		}
	}
	s.ByKind = counts(kinds, EntityKinds)
	s.ByJurisdiction = counts(jur, Jurisdictions)
	s.ByRelation = counts(rels, fixedKinds)
	deals := g.deals()
	for _, e := range g.Entities {
		if e.Kind != Official {
			continue
		}
		o := OfficialReach{Official: e, Relations: nrel[e.ID], Brokered: deals[e.ID]}
		for _, id := range slices.Sorted(maps.Keys(reach[e.ID])) {
			o.Connected = append(o.Connected, g.byID[id])
		}
		s.Officials = append(s.Officials, o)
	}
	slices.SortStableFunc(s.Officials, func(a, b OfficialReach) int {
		return cmp.Or(-cmp.Compare(len(a.Connected), len(b.Connected)), -cmp.Compare(a.Relations, b.Relations),
			cmp.Compare(a.Official.ID, b.Official.ID))
	})
	return s
}

// SourceSupport is what one source contributes to a graph.
type SourceSupport struct {
	Source   *Source
	Quotes   int // the quotes of the relations' evidence that cite it
	Verified int // of them, those checked verbatim against its text
	Alone    int // relations that rest on this source only
}

// Support lists, for each source in id order, the quotes citing it and
// the relations it alone supports.
func (g *Graph) Support() []SourceSupport {
	out := make([]SourceSupport, len(g.Sources))
	at := map[string]int{}
	for i, src := range g.Sources {
		out[i].Source = src
		at[src.ID] = i
	}
	for _, r := range g.Relations {
		if r.Kind == Brokered || r.Kind == Party {
			continue // the agreement's own relations hold its quotes
		}
		for _, ev := range r.Evidence {
			if i, ok := at[ev.Source]; ok {
				out[i].Quotes++
				if out[i].Source.Text != "" {
					out[i].Verified++
				}
			}
		}
		if ids := r.SourceIDs(); len(ids) == 1 {
			if i, ok := at[ids[0]]; ok {
				out[i].Alone++
			}
		}
	}
	return out
}

// deals returns each official's Deals, read from the Brokered relations:
// to the parties (agreements as edges) or to the agreement's node, whose
// parties are the ends of its Party relations.
func (g *Graph) deals() map[string][]Deal {
	parties := map[string][]string{} // agreement id → party ids, from Party relations
	for _, r := range g.Relations {
		if r.Kind == Party {
			parties[r.Agreement] = append(parties[r.Agreement], r.To)
		}
	}
	out := map[string][]Deal{}
	type key struct{ official, agreement string }
	at := map[key]int{}
	for _, r := range g.Relations {
		if r.Kind != Brokered {
			continue
		}
		k := key{r.From, r.Agreement}
		i, ok := at[k]
		if !ok {
			i = len(out[r.From])
			at[k] = i
			out[r.From] = append(out[r.From], Deal{Agreement: r.Agreement, Title: r.Title, Status: r.Status, Date: r.Date, Role: r.Role})
		}
		d := &out[r.From][i]
		ids := []string{r.To}
		if g.byID[r.To].Kind == Agreement {
			ids = parties[r.Agreement]
		}
		for _, id := range ids {
			if e := g.byID[id]; !slices.Contains(d.Parties, e) {
				d.Parties = append(d.Parties, e)
			}
		}
	}
	for _, list := range out {
		for _, d := range list {
			slices.SortFunc(d.Parties, func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })
		}
		slices.SortStableFunc(list, func(a, b Deal) int {
			return cmp.Or(cmp.Compare(a.Date.key(), b.Date.key()), cmp.Compare(a.Agreement, b.Agreement))
		})
	}
	return out
}
