package csv

import (
	"strconv"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

// edgeIDs gives each relation the id graph.Graph.EdgeIDs gives it, without
// building them all up front when it can: kind:from:to, with the agreement
// id after the kind, and ":n" after the nth relation with the same id.
type edgeIDs struct {
	rels []*graph.Relation
	all  []string // g.EdgeIDs(), when the relations are not grouped
}

// maxGroup is the most relations between the same ends, of the same kind,
// that edgeIDs numbers by looking back over them.
const maxGroup = 64

func newEdgeIDs(g *graph.Graph) edgeIDs {
	if !grouped(g.Relations) {
		return edgeIDs{all: g.EdgeIDs()}
	}
	return edgeIDs{rels: g.Relations}
}

// grouped reports whether relations with the same id follow each other in
// rels, so that numbering one needs only the relations just before it; the
// canonical order of a graph's relations (by kind, then ends) guarantees
// it. It also requires that no part of an id holds a colon, so that two
// ids are equal exactly when their kinds, agreements and ends are, and
// that at most maxGroup relations share a kind and ends.
func grouped(rels []*graph.Relation) bool {
	kinds := map[string]bool{}
	run := 0
	for i, r := range rels {
		if strings.IndexByte(r.Kind, ':') >= 0 || strings.IndexByte(r.Agreement, ':') >= 0 ||
			strings.IndexByte(r.From, ':') >= 0 || strings.IndexByte(r.To, ':') >= 0 {
			return false
		}
		if i == 0 || rels[i-1].Kind != r.Kind {
			if kinds[r.Kind] {
				return false // a kind seen before another
			}
			kinds[r.Kind] = true
			run = 1
			continue
		}
		p := rels[i-1]
		c := strings.Compare(p.From, r.From)
		if c == 0 {
			c = strings.Compare(p.To, r.To)
		}
		switch {
		case c > 0:
			return false
		case c < 0:
			run = 1
		default:
			if run++; run > maxGroup {
				return false
			}
		}
	}
	return true
}

// parts returns the parts of the id of relation i, joined by colons: its
// kind, agreement (if any), ends; and its number among the relations with
// the same id, 1 for the first.
func (ids edgeIDs) parts(i int) (r *graph.Relation, n int) {
	r = ids.rels[i]
	n = 1
	for j := i - 1; j >= 0; j-- {
		p := ids.rels[j]
		if p.Kind != r.Kind || p.From != r.From || p.To != r.To {
			break
		}
		if p.Agreement == r.Agreement {
			n++
		}
	}
	return r, n
}

// append appends the id of relation i to b.
func (ids edgeIDs) append(b []byte, i int) []byte {
	if ids.all != nil {
		return append(b, ids.all[i]...)
	}
	r, n := ids.parts(i)
	b = append(b, r.Kind...)
	b = append(b, ':')
	if r.Agreement != "" {
		b = append(b, r.Agreement...)
		b = append(b, ':')
	}
	b = append(b, r.From...)
	b = append(b, ':')
	b = append(b, r.To...)
	if n > 1 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return b
}
