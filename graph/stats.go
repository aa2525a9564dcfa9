package graph

import (
	"cmp"
	"slices"
)

// Count is a named count.
type Count struct {
	Name string
	N    int
}

// OfficialReach is how many bodies, companies and organisations an official
// is tied to, through secondments, posts and the agreements and links they
// brokered or attended.
type OfficialReach struct {
	Official  *Entity
	Connected []*Entity // sorted by id
	Relations int       // relations that name the official
}

// Stats summarises a graph for a curator.
type Stats struct {
	Entities, Relations, Sources, Quotes int
	ByKind, ByJurisdiction, ByRelation   []Count
	Officials                            []OfficialReach // best connected first
}

func counts(m map[string]int, order []string) []Count {
	var out []Count
	for _, k := range order {
		if m[k] > 0 {
			out = append(out, Count{k, m[k]})
		}
	}
	for _, k := range sortedKeys(m) {
		if !slices.Contains(order, k) {
			out = append(out, Count{k, m[k]})
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
		if g.byID[other].Kind == Official {
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
		s.Quotes += len(r.Evidence)
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
	s.ByKind = counts(kinds, entityKinds)
	s.ByJurisdiction = counts(jur, Jurisdictions)
	s.ByRelation = counts(rels, []string{Secondment, Post, Agreement, PartOf})
	for _, e := range g.Entities {
		if e.Kind != Official {
			continue
		}
		o := OfficialReach{Official: e, Relations: nrel[e.ID]}
		for _, id := range sortedKeys(reach[e.ID]) {
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
