package graph

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AttrType is the type of an attribute's value in the attribute view.
type AttrType int

// Attribute types.
const (
	AttrString  AttrType = iota // a string, in Attr.Value
	AttrStrings                 // a list of strings, in Attr.List
	AttrDate                    // a possibly partial date, in Attr.Date; Attr.Value as written
	AttrBool                    // "true" or "false", in Attr.Value
	AttrInt                     // a decimal integer, in Attr.Value
)

// String names the type.
func (t AttrType) String() string {
	switch t {
	case AttrString:
		return "string"
	case AttrStrings:
		return "strings"
	case AttrDate:
		return "date"
	case AttrBool:
		return "bool"
	case AttrInt:
		return "int"
	}
	return "AttrType(" + strconv.Itoa(int(t)) + ")"
}

// AttrDef declares an attribute: its key and type.
type AttrDef struct {
	Key  string
	Type AttrType
}

// Attr is one attribute of an entity or relation.
type Attr struct {
	AttrDef
	Value string   // AttrString, AttrBool; AttrDate as written
	List  []string // AttrStrings
	Date  Date     // AttrDate
}

// NodeAttrs declares every attribute Entity.Attrs can return, in order. The
// entity's id and name are not among them: writers use them as the node's id
// and label.
var NodeAttrs = []AttrDef{
	{"kind", AttrString},
	{"jurisdiction", AttrString},
	{"name_en", AttrString},
	{"full_name", AttrString},
	{"aliases", AttrStrings},
	{"parent", AttrString},
	{"note", AttrString},
	{"source_count", AttrInt},
	{"attested_by", AttrStrings},
}

// EdgeAttrs declares every attribute Graph.RelationAttrs can return, in
// order. Evidence appears three ways: the source ids and the quotes as
// parallel lists, and the whole evidence as one readable text (Quotes).
// Variants and disputed give Relation.Variants, one "key: value (sources) |
// value (sources)" string per attribute (see Variant.String). Entities and
// relations both end with their provenance: the number of distinct sources
// behind them (source_count) and their ids (attested_by).
var EdgeAttrs = []AttrDef{
	{"kind", AttrString},
	{"directed", AttrBool},
	{"post", AttrString},
	{"from_body", AttrString},
	{"from_post", AttrString},
	{"start", AttrDate},
	{"end", AttrDate},
	{"agreement", AttrString},
	{"title", AttrString},
	{"status", AttrString},
	{"date", AttrDate},
	{"value", AttrString},
	{"venue", AttrString},
	{"officials", AttrStrings},
	{"note", AttrString},
	{"variants", AttrStrings},
	{"disputed", AttrStrings},
	{"sources", AttrStrings},
	{"quotes", AttrStrings},
	{"evidence", AttrString},
	{"source_count", AttrInt},
	{"attested_by", AttrStrings},
}

// attrList appends the non-empty attributes of an entity or relation to dst
// in the order of defs. Each value must be given in that order: a key out of
// order or not declared is a programming error and panics.
type attrList struct {
	defs []AttrDef
	next int // index in defs of the next key expected
	dst  []Attr
}

// def returns the declaration of key, the next or a later one in defs.
func (l *attrList) def(key string) AttrDef {
	for i := l.next; i < len(l.defs); i++ {
		if l.defs[i].Key == key {
			l.next = i + 1
			return l.defs[i]
		}
	}
	panic(fmt.Sprintf("graph: attribute %s is not declared or out of order", key))
}

func (l *attrList) str(key, v string) {
	d := l.def(key)
	if v != "" {
		l.dst = append(l.dst, Attr{AttrDef: d, Value: v})
	}
}

func (l *attrList) list(key string, v []string) {
	d := l.def(key)
	if len(v) > 0 {
		l.dst = append(l.dst, Attr{AttrDef: d, List: v})
	}
}

func (l *attrList) date(key string, v Date) {
	d := l.def(key)
	if !v.IsZero() {
		l.dst = append(l.dst, Attr{AttrDef: d, Date: v, Value: v.String()})
	}
}

func (l *attrList) integer(key string, v int) {
	l.dst = append(l.dst, Attr{AttrDef: l.def(key), Value: strconv.Itoa(v)})
}

func (l *attrList) boolean(key string, v bool) {
	l.dst = append(l.dst, Attr{AttrDef: l.def(key), Value: strconv.FormatBool(v)})
}

// Attrs returns the entity's non-empty attributes in NodeAttrs order.
func (e *Entity) Attrs() []Attr { return e.AppendAttrs(nil) }

// AppendAttrs appends the entity's non-empty attributes in NodeAttrs order
// to dst and returns the extended slice, for writers that reuse one slice
// across entities.
func (e *Entity) AppendAttrs(dst []Attr) []Attr {
	l := attrList{defs: NodeAttrs, dst: dst}
	l.str("kind", e.Kind)
	l.str("jurisdiction", e.Jurisdiction)
	l.str("name_en", e.NameEn)
	l.str("full_name", e.FullName)
	l.list("aliases", e.Aliases)
	l.str("parent", e.Parent)
	l.str("note", e.Note)
	l.integer("source_count", len(e.Sources))
	l.list("attested_by", e.Sources)
	return l.dst
}

// RelationAttrs returns the relation's non-empty attributes in EdgeAttrs
// order; officials are given by name, as "name(role)".
func (g *Graph) RelationAttrs(r *Relation) []Attr { return g.AppendRelationAttrs(nil, r) }

// AppendRelationAttrs appends the relation's non-empty attributes in
// EdgeAttrs order to dst, as RelationAttrs returns them, and returns the
// extended slice.
func (g *Graph) AppendRelationAttrs(dst []Attr, r *Relation) []Attr {
	l := attrList{defs: EdgeAttrs, dst: dst}
	l.str("kind", r.Kind)
	l.boolean("directed", r.Directed)
	l.str("post", r.Post)
	l.str("from_body", r.FromBody)
	l.str("from_post", r.FromPost)
	l.date("start", r.Start)
	l.date("end", r.End)
	l.str("agreement", r.Agreement)
	l.str("title", r.Title)
	l.str("status", r.Status)
	l.date("date", r.Date)
	l.str("value", r.Value)
	l.str("venue", r.Venue)
	l.list("officials", g.OfficialNames(r.Officials))
	l.str("note", r.Note)
	var variants, disputed []string
	for _, v := range r.Variants {
		if v.Disputed {
			disputed = append(disputed, v.String())
		} else {
			variants = append(variants, v.String())
		}
	}
	l.list("variants", variants)
	l.list("disputed", disputed)
	if len(r.Evidence) > 0 {
		// One backing array for both lists.
		both := make([]string, 2*len(r.Evidence))
		sources, quotes := both[:len(r.Evidence):len(r.Evidence)], both[len(r.Evidence):]
		for i, ev := range r.Evidence {
			sources[i], quotes[i] = ev.Source, ev.Quote
		}
		l.list("sources", sources)
		l.list("quotes", quotes)
		l.str("evidence", Quotes(r.Evidence))
	} else {
		l.list("sources", nil)
		l.list("quotes", nil)
		l.str("evidence", "")
	}
	srcs := r.SourceIDs()
	l.integer("source_count", len(srcs))
	l.list("attested_by", srcs)
	return l.dst
}

// Interval returns the days the relation covers, for formats that need full
// dates: a secondment from the first day of its start to the last day of its
// end, an agreement or link over the whole period its date names. A zero
// start or end is open. ok is false for a relation without dates (post,
// part_of).
func (r *Relation) Interval() (start, end time.Time, ok bool) {
	switch {
	case !r.Date.IsZero():
		return r.Date.FirstDay(), r.Date.LastDay(), true
	case r.Start.IsZero() && r.End.IsZero():
		return time.Time{}, time.Time{}, false
	}
	if !r.Start.IsZero() {
		start = r.Start.FirstDay()
	}
	if !r.End.IsZero() {
		end = r.End.LastDay()
	}
	return start, end, true
}

// EdgeIDs returns a unique, readable id for each of g.Relations, in the same
// order: kind:from:to, with the agreement id after the kind for agreements,
// and ":2", ":3", … after relations that would otherwise share an id.
func (g *Graph) EdgeIDs() []string {
	nums := g.EdgeIDNumbers()
	ids := make([]string, len(g.Relations))
	var b []byte
	for i, r := range g.Relations {
		b = AppendEdgeID(b[:0], r, nums[i])
		ids[i] = string(b)
	}
	return ids
}

// AppendEdgeID appends the id EdgeIDs gives r when it is the nth relation
// with its kind, agreement and ends.
func AppendEdgeID(b []byte, r *Relation, n int) []byte {
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

// maxGroup is the most relations of one kind between the same ends that
// EdgeIDNumbers numbers by looking back over them.
const maxGroup = 64

// EdgeIDNumbers returns, for each of g.Relations, its number among the
// relations whose ids EdgeIDs would otherwise make equal: 1 for the first.
// In the canonical order of a graph's relations, such relations follow each
// other, and they are numbered by looking back over their neighbours;
// otherwise (relations in another order, or a colon inside a part of an
// id, which could make two different relations' ids equal) by the ids
// themselves.
func (g *Graph) EdgeIDNumbers() []int {
	rels := g.Relations
	nums := make([]int, len(rels))
	if !grouped(rels) {
		seen := make(map[string]int, len(rels))
		var b []byte
		for i, r := range rels {
			b = AppendEdgeID(b[:0], r, 1)
			seen[string(b)]++
			nums[i] = seen[string(b)]
		}
		return nums
	}
	for i, r := range rels {
		n := 1
		for j := i - 1; j >= 0; j-- {
			p := rels[j]
			if p.Kind != r.Kind || p.From != r.From || p.To != r.To {
				break
			}
			if p.Agreement == r.Agreement {
				n++
			}
		}
		nums[i] = n
	}
	return nums
}

// grouped reports whether relations with the same id follow each other in
// rels, so that numbering one needs only the relations just before it. It
// also requires that no part of an id holds a colon, so that two ids are
// equal exactly when their kinds, agreements and ends are, and that at most
// maxGroup relations share a kind and ends.
func grouped(rels []*Relation) bool {
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

// Weight is the relation's weight for the writers whose consumers draw or
// weigh edges by it (Gephi, NetworkX): the number of distinct sources
// behind it, at least 1 (part_of relations cite none).
func (r *Relation) Weight() int { return max(1, len(r.SourceIDs())) }
