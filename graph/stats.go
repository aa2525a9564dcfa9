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
	// SingleSource counts the relations whose evidence comes from one
	// source only; SingleInferred those whose whole evidence is one
	// inferred quote (part_of relations, which cite none, are in neither).
	SingleSource, SingleInferred       int
	ByKind, ByJurisdiction, ByRelation []Count
	Officials                          []OfficialReach // best connected first
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
