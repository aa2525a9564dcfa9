package graph

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/guazhi/guazhi/internal/suggest"
)

// Selection says which part of a graph Graph.Select keeps. The zero value
// keeps everything.
type Selection struct {
	// Focus is a reference (id, name or alias) to the entity whose
	// neighbourhood is kept; "" keeps every entity.
	Focus string
	// Depth is how many relations away from Focus to go (default 1).
	Depth int
	// Since and Until keep relations active in the window; zero is open.
	Since, Until Date
	// Kinds lists the relation kinds to keep; empty keeps all. Agreement
	// keeps the Party relations of agreements' nodes too.
	Kinds []string
}

// Resolve finds the entity an id, name, full name or alias names. It returns
// an error wrapping ErrUnknownRef or ErrAmbiguousRef.
func (g *Graph) Resolve(ref string) (*Entity, error) {
	if e := g.byID[ref]; e != nil {
		return e, nil
	}
	var found []*Entity
	for _, e := range g.Entities {
		if e.Name == ref || e.FullName == ref || e.NameEn == ref || slices.Contains(e.Aliases, ref) {
			found = append(found, e)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		hint := ""
		if c := Suggester(g.Entities).Suggest(ref); len(c) > 0 {
			hint = " (did you mean " + strings.Join(c, " or ") + "?)"
		}
		return nil, fmt.Errorf("%w: %q is not an entity id, name or alias%s", ErrUnknownRef, ref, hint)
	}
	var ids []string
	for _, e := range found {
		ids = append(ids, e.ID+" ("+e.Name+")")
	}
	return nil, fmt.Errorf("%w: %q names %s; use an id", ErrAmbiguousRef, ref, strings.Join(ids, ", "))
}

// RelationKinds lists the relation kinds present, fixed kinds first.
func (g *Graph) RelationKinds() []string {
	seen := map[string]int{}
	for _, r := range g.Relations {
		seen[r.Kind]++
	}
	var out []string
	for _, c := range counts(seen, fixedKinds) {
		out = append(out, c.Kind)
	}
	return out
}

// Select returns the part of g that opt selects, with Filter describing it.
// Time and kind filters drop the entities they leave without relations.
func (g *Graph) Select(opt Selection) (*Graph, error) {
	if opt.Focus == "" && opt.Since.IsZero() && opt.Until.IsZero() && len(opt.Kinds) == 0 {
		return g, nil
	}
	var desc []string
	if !opt.Since.IsZero() && !opt.Until.IsZero() && opt.Until.LastDay().Before(opt.Since.FirstDay()) {
		return nil, fmt.Errorf("%w: --until %s is before --since %s", ErrDate, opt.Until, opt.Since)
	}
	rels := slices.Clone(g.Relations)
	if len(opt.Kinds) > 0 {
		rels = slices.DeleteFunc(rels, func(r *Relation) bool {
			return !slices.Contains(opt.Kinds, r.Kind) && !(r.Kind == Party && slices.Contains(opt.Kinds, Agreement))
		})
		desc = append(desc, "kinds "+strings.Join(opt.Kinds, ","))
	}
	if !opt.Since.IsZero() || !opt.Until.IsZero() {
		rels = slices.DeleteFunc(rels, func(r *Relation) bool { return !r.Active(opt.Since, opt.Until) })
		desc = append(desc, fmt.Sprintf("active %s – %s", orOpen(opt.Since), orOpen(opt.Until)))
	}
	keep := map[string]bool{}
	if opt.Focus != "" {
		focus, err := g.Resolve(opt.Focus)
		if err != nil {
			return nil, err
		}
		depth := opt.Depth
		if depth <= 0 {
			depth = 1
		}
		keep = g.neighbourhood(focus.ID, depth, rels)
		rels = slices.DeleteFunc(rels, func(r *Relation) bool { return !keep[r.From] || !keep[r.To] })
		desc = slices.Insert(desc, 0, fmt.Sprintf("%s (%s) and %d %s around", focus.Name, focus.ID, depth, plural(depth, "step", "steps")))
	} else {
		for _, r := range rels {
			keep[r.From], keep[r.To] = true, true
		}
	}
	var ents []*Entity
	for _, e := range g.Entities {
		if keep[e.ID] {
			ents = append(ents, e)
		}
	}
	f := New(g.Name, g.Title, g.Sources, ents, rels)
	f.Filter = strings.Join(desc, "; ")
	return f, nil
}

func orOpen(d Date) string {
	if d.IsZero() {
		return "…"
	}
	return d.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// neighbourhood returns the entities at most depth relations from id, going
// along relations either way, through the adjacency and predecessor maps of
// the underlying graph restricted to rels.
func (g *Graph) neighbourhood(id string, depth int, rels []*Relation) map[string]bool {
	allowed := map[*Relation]bool{}
	for _, r := range rels {
		allowed[r] = true
	}
	adj, _ := g.adjacency().AdjacencyMap()
	pred, _ := g.adjacency().PredecessorMap()
	usable := func(from, to string) bool {
		for _, r := range g.Between(from, to) {
			if allowed[r] {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{id: true}
	frontier := []string{id}
	for step := 0; step < depth && len(frontier) > 0; step++ {
		var next []string
		for _, v := range frontier {
			for _, w := range slices.Sorted(maps.Keys(adj[v])) {
				if !seen[w] && usable(v, w) {
					seen[w] = true
					next = append(next, w)
				}
			}
			for _, w := range slices.Sorted(maps.Keys(pred[v])) {
				if !seen[w] && usable(w, v) {
					seen[w] = true
					next = append(next, w)
				}
			}
		}
		frontier = next
	}
	return seen
}

// Suggester indexes the entities' ids and names, to suggest the one or two
// an unknown reference most likely meant.
func Suggester(ents []*Entity) *suggest.Index {
	return suggest.New(func(add func(id, text string)) {
		for _, e := range ents {
			add(e.ID, e.ID)
			add(e.ID, e.Name)
			add(e.ID, e.FullName)
			add(e.ID, e.NameEn)
			for _, a := range e.Aliases {
				add(e.ID, a)
			}
		}
	})
}
