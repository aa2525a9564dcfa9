package graph

import (
	"cmp"
	"slices"
	"strings"
	"sync"

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
	// pairs holds one edge per ordered pair of nodes; its edge data is the
	// []*Relation between that pair. It is built on first use (by between
	// and the neighbourhood filter): exports range over Relations and never
	// pay for it.
	pairsOnce sync.Once
	pairs     dg.Graph[string, *Entity]
	// edgeIDs are made on first use by EdgeIDs, which every writer but DOT
	// asks for: once per graph, however many formats are written.
	edgeIDsOnce sync.Once
	edgeIDs     []string
}

// adjacency returns the dominikbraun graph of the relations, building it
// the first time.
func (g *Graph) adjacency() dg.Graph[string, *Entity] {
	g.pairsOnce.Do(func() {
		p := dg.New(func(e *Entity) string { return e.ID }, dg.Directed())
		for _, e := range g.Entities {
			_ = p.AddVertex(e) // ids are unique: cannot fail
		}
		type pair struct{ from, to string }
		edges := map[pair][]*Relation{}
		var order []pair
		for _, r := range g.Relations {
			k := pair{r.From, r.To}
			if !r.Directed && k.to < k.from {
				k.from, k.to = k.to, k.from
			}
			if _, ok := edges[k]; !ok {
				order = append(order, k)
			}
			edges[k] = append(edges[k], r)
		}
		for _, k := range order {
			_ = p.AddEdge(k.from, k.to, dg.EdgeData(edges[k])) // both ends exist, each pair once
		}
		g.pairs = p
	})
	return g.pairs
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
	e, err := g.adjacency().Edge(from, to)
	if err != nil {
		return nil
	}
	rels, _ := e.Properties.Data.([]*Relation)
	return rels
}

// New builds the graph from validated entities and relations: the
// knowledge-base loader, the filters and the views make graphs with it.
func New(name, title string, sources []*Source, ents []*Entity, rels []*Relation) *Graph {
	g := &Graph{
		Name:     name,
		Title:    title,
		Sources:  slices.Clone(sources),
		Entities: slices.Clone(ents),
		byID:     make(map[string]*Entity, len(ents)),
		srcID:    make(map[string]*Source, len(sources)),
	}
	slices.SortFunc(g.Sources, func(a, b *Source) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(g.Entities, func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })
	for _, s := range g.Sources {
		g.srcID[s.ID] = s
	}
	for _, e := range g.Entities {
		g.byID[e.ID] = e
	}
	g.Relations = slices.Clone(rels)
	sortRelations(g.Relations)
	return g
}

var kindRank = map[string]int{Secondment: 0, Post: 1, Agreement: 2, Brokered: 2, Party: 2, PartOf: 4}

func rank(kind string) int {
	if r, ok := kindRank[kind]; ok {
		return r
	}
	return 3 // links
}

// relKey is what relations are ordered by, computed once per relation.
type relKey struct {
	rank                   int
	kind, from, to         string
	start, date            int64
	agreement, title, post string
	index                  int
}

// sortRelations puts relations in the one canonical order every writer
// uses: by kind (secondment, post, agreement, brokered, party, links, part_of), ends, dates,
// agreement, title and post, and input order last.
func sortRelations(rels []*Relation) {
	keys := make([]relKey, len(rels))
	for i, r := range rels {
		keys[i] = relKey{rank(r.Kind), r.Kind, r.From, r.To, r.Start.key(), r.Date.key(), r.Agreement, r.Title, r.Post, i}
	}
	slices.SortFunc(keys, func(a, b relKey) int {
		if a.rank != b.rank {
			return cmp.Compare(a.rank, b.rank)
		}
		if c := strings.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		if c := strings.Compare(a.from, b.from); c != 0 {
			return c
		}
		if c := strings.Compare(a.to, b.to); c != 0 {
			return c
		}
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		if a.date != b.date {
			return cmp.Compare(a.date, b.date)
		}
		if c := strings.Compare(a.agreement, b.agreement); c != 0 {
			return c
		}
		if c := strings.Compare(a.title, b.title); c != 0 {
			return c
		}
		if c := strings.Compare(a.post, b.post); c != 0 {
			return c
		}
		return cmp.Compare(a.index, b.index)
	})
	sorted := make([]*Relation, len(rels))
	for i, k := range keys {
		sorted[i] = rels[k.index]
	}
	copy(rels, sorted)
}
