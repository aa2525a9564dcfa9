package graph

import (
	"cmp"
	"slices"

	dg "github.com/dominikbraun/graph"
)

// Graph is a loaded, validated knowledge base as a graph. Entities are sorted
// by id and relations in a fixed order (see sortRelations), so every writer
// that ranges over them is deterministic.
type Graph struct {
	Name    string // used for output file names
	Title   string
	Sources []*Source
	// Entities sorted by id.
	Entities []*Entity
	// Relations in canonical order; parallel relations between one pair of
	// nodes are all here.
	Relations []*Relation
	// Filter describes the filters applied, "" when none.
	Filter string

	byID  map[string]*Entity
	srcID map[string]*Source
	// g holds one edge per ordered pair of nodes; its edge data is the
	// []*Relation between that pair.
	g dg.Graph[string, *Entity]
}

// Entity returns the entity with the given id, or nil.
func (g *Graph) Entity(id string) *Entity { return g.byID[id] }

// Source returns the source with the given id, or nil.
func (g *Graph) Source(id string) *Source { return g.srcID[id] }

// Degree returns the number of relations each entity takes part in.
func (g *Graph) Degree() map[string]int {
	deg := make(map[string]int, len(g.Entities))
	for _, r := range g.Relations {
		deg[r.From]++
		deg[r.To]++
	}
	return deg
}

// Between returns the relations stored on the edge from → to of the
// underlying dominikbraun graph (agreements are stored once, from the
// smaller id to the larger).
func (g *Graph) Between(from, to string) []*Relation {
	e, err := g.g.Edge(from, to)
	if err != nil {
		return nil
	}
	rels, _ := e.Properties.Data.([]*Relation)
	return rels
}

// newGraph builds the graph from validated entities and relations.
func newGraph(name, title string, sources []*Source, ents []*Entity, rels []*Relation) (*Graph, error) {
	g := &Graph{
		Name:     name,
		Title:    title,
		Sources:  slices.Clone(sources),
		Entities: slices.Clone(ents),
		byID:     make(map[string]*Entity, len(ents)),
		srcID:    make(map[string]*Source, len(sources)),
		g:        dg.New(func(e *Entity) string { return e.ID }, dg.Directed()),
	}
	slices.SortFunc(g.Sources, func(a, b *Source) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(g.Entities, func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })
	for _, s := range g.Sources {
		g.srcID[s.ID] = s
	}
	for _, e := range g.Entities {
		g.byID[e.ID] = e
		if err := g.g.AddVertex(e); err != nil {
			return nil, err
		}
	}
	g.Relations = slices.Clone(rels)
	sortRelations(g.Relations)

	type pair struct{ from, to string }
	edges := map[pair][]*Relation{}
	var order []pair
	for _, r := range g.Relations {
		p := pair{r.From, r.To}
		if !r.Directed && p.to < p.from {
			p.from, p.to = p.to, p.from
		}
		if _, ok := edges[p]; !ok {
			order = append(order, p)
		}
		edges[p] = append(edges[p], r)
	}
	for _, p := range order {
		if err := g.g.AddEdge(p.from, p.to, dg.EdgeData(edges[p])); err != nil {
			return nil, err
		}
	}
	return g, nil
}

var kindRank = map[string]int{Secondment: 0, Post: 1, Agreement: 2, PartOf: 4}

func rank(kind string) int {
	if r, ok := kindRank[kind]; ok {
		return r
	}
	return 3 // links
}

// sortRelations puts relations in the one canonical order every writer uses.
func sortRelations(rels []*Relation) {
	slices.SortStableFunc(rels, func(a, b *Relation) int {
		return cmp.Or(
			cmp.Compare(rank(a.Kind), rank(b.Kind)),
			cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.From, b.From),
			cmp.Compare(a.To, b.To),
			a.Start.Compare(b.Start),
			a.Date.Compare(b.Date),
			cmp.Compare(a.Agreement, b.Agreement),
			cmp.Compare(a.Title, b.Title),
			cmp.Compare(a.Post, b.Post),
		)
	})
}
