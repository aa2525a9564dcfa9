package graph

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
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
func NodeAttrs() []AttrDef { return slices.Clone(nodeAttrs) }

// EdgeAttrs declares every attribute Graph.RelationAttrs can return, in
// order. Evidence appears three ways: the source ids, the quotes and the
// other values declared for a list (fields.go) as parallel lists, and the
// whole evidence as one readable text (Quotes).
// Variants and disputed give Relation.Variants, one "key: value (sources) |
// value (sources)" string per attribute (see Variant.String). Entities and
// relations both end with their provenance: the number of distinct sources
// behind them (source_count) and their ids (attested_by).
func EdgeAttrs() []AttrDef { return slices.Clone(edgeAttrs) }

// nodeAttrs is what NodeAttrs returns: the one declaration of the entity
// attributes, which Entity.AppendAttrs gives in this order.
var nodeAttrs = slices.Concat([]AttrDef{
	{"kind", AttrString},
	{"jurisdiction", AttrString},
}, textDefs(entityTexts), []AttrDef{ // name_en, …
	{"full_name", AttrString},
	{"aliases", AttrStrings},
	{"parent", AttrString},
	{"note", AttrString},
	{"source_count", AttrInt},
	{"attested_by", AttrStrings},
})

// edgeAttrs is what EdgeAttrs returns: the one declaration of the relation
// attributes, which Graph.AppendRelationAttrs gives in this order. To add
// one, declare it here and give it there; every writer then writes it. An
// agreement's or link's key kept as written is declared in fields.go alone
// (with rel): its attribute comes after date.
var edgeAttrs = slices.Concat([]AttrDef{
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
}, textDefs(relationTexts), []AttrDef{ // value, venue, …
	{"officials", AttrStrings},
	{"role", AttrString},
	{"note", AttrString},
	{"variants", AttrStrings},
	{"disputed", AttrStrings},
}, listDefs(), []AttrDef{ // sources, quotes, …
	{"evidence", AttrString},
	{"source_count", AttrInt},
	{"attested_by", AttrStrings},
})

// The attributes of the texts that entities and relations hold as the
// knowledge base writes them (an English name, an agreement's value, a
// venue), and the lists relations give of a value of each piece of their
// evidence: the one declaration of each, which the attribute lists above,
// the writers and the knowledge base's keys (package kb names them by key)
// all follow. To add a text, give Entity or Relation its field and
// declare it here.
var (
	entityTexts = []text[Entity]{
		{"name_en", func(e *Entity) *string { return &e.NameEn }},
	}
	relationTexts = []text[Relation]{
		{"value", func(r *Relation) *string { return &r.Value }},
		{"venue", func(r *Relation) *string { return &r.Venue }},
		{"place", func(r *Relation) *string { return &r.Place }},
	}
	evidenceLists = []evidenceList{
		{"sources", "source", func(e *Evidence) string { return e.Source }, false},
		{"quotes", "quote", func(e *Evidence) string { return e.Quote }, false},
		{"urls", "url", func(e *Evidence) string { return e.URL }, true},
	}
)

// text is an attribute that a string field of T holds as written.
type text[T any] struct {
	key string
	at  func(*T) *string
}

// evidenceList is a relation attribute (key) that lists a value of each
// piece of its evidence (one); tip says the value is shown after the quote
// in tooltips (Quotes) and the viewer's panel, named by one.
type evidenceList struct {
	key, one string
	value    func(*Evidence) string
	tip      bool
}

func textDefs[T any](list []text[T]) []AttrDef {
	var out []AttrDef
	for _, t := range list {
		out = append(out, AttrDef{t.key, AttrString})
	}
	return out
}

func listDefs() []AttrDef {
	var out []AttrDef
	for _, l := range evidenceLists {
		out = append(out, AttrDef{l.key, AttrStrings})
	}
	return out
}

func textOf[T any](list []text[T], key string) func(*T) *string {
	for _, t := range list {
		if t.key == key {
			return t.at
		}
	}
	return nil
}

// EntityText returns where an entity holds the text attribute key (name_en,
// say), or nil when key is no such attribute.
func EntityText(key string) func(*Entity) *string { return textOf(entityTexts, key) }

// RelationText returns where a relation holds the text attribute key
// (value, venue, place), or nil when key is no such attribute.
func RelationText(key string) func(*Relation) *string { return textOf(relationTexts, key) }

// EvidenceList returns the value of each piece of evidence that the
// relation attribute key lists (sources, quotes, urls), or nil when key
// is no such list.
func EvidenceList(key string) func(*Evidence) string {
	for _, l := range evidenceLists {
		if l.key == key {
			return l.value
		}
	}
	return nil
}

// IsEvidenceAttr reports whether the relation attribute key is made from
// the relation's evidence (its lists, such as sources and quotes, and the
// joined evidence), which a viewer that shows the evidence itself leaves
// out.
func IsEvidenceAttr(key string) bool {
	return key == "evidence" || EvidenceList(key) != nil
}

// Extra returns the evidence's values that tooltips and the viewer's panel
// show after its quote (a URL for the quote's page, say), by key; empty
// values are left out.
func (e *Evidence) Extra() []Attr { return e.AppendExtra(nil) }

// AppendExtra appends Extra's values to dst.
func (e *Evidence) AppendExtra(dst []Attr) []Attr {
	for _, l := range evidenceLists {
		if l.tip {
			if v := l.value(e); v != "" {
				dst = append(dst, Attr{AttrDef: AttrDef{l.one, AttrString}, Value: v})
			}
		}
	}
	return dst
}

// attrList appends the non-empty attributes of an entity or relation to dst
// in the order of defs. Each value must be given in that order: a key out of
// order or not declared is a programming error and panics.
type attrList struct {
	defs []AttrDef
	next int // index in defs of the next key expected
	dst  []Attr

	c *composer // for composed values; nil for an entity's
}

// A composer holds the values an attribute view composes (dates,
// officials with roles, the joined evidence, the lists): strings and lists
// cut from blocks that are only ever appended to, so that what was cut
// stays as it was while the rest of the block serves the next values.
// Writers ask for the attributes of every relation; composers spare them
// allocating for each. A composer serves one goroutine at a time.
type composer struct {
	text  strings.Builder // composed strings are cut from text
	items []string        // lists are cut from items, from mark on
	mark  int
}

var composers = sync.Pool{New: func() any { return new(composer) }}

// Sizes of the blocks a composer cuts from.
const (
	textBlock  = 64 << 10
	itemsBlock = 1 << 10
	// textRoom is the room reserve leaves for the text of one relation.
	// A relation that composes more grows the block: its strings are
	// still right, but the block is copied.
	textRoom = 4 << 10
)

// reserve makes room for the text of one relation and k more items.
func (c *composer) reserve(k int) {
	if c.text.Cap()-c.text.Len() < textRoom {
		c.text = strings.Builder{}
		c.text.Grow(textBlock)
	}
	if cap(c.items)-len(c.items) < k {
		c.items = make([]string, 0, max(k, itemsBlock))
		c.mark = 0
	}
}

// compose returns what was written to c.text since its length was lo.
func (c *composer) compose(lo int) string { return c.text.String()[lo:] }

// takeItems returns the items appended since the last call.
func (c *composer) takeItems() []string {
	v := c.items[c.mark:len(c.items):len(c.items)]
	c.mark = len(c.items)
	return v
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
		var b [len("YYYY-MM-DD")]byte
		lo := l.c.text.Len()
		l.c.text.Write(v.Append(b[:0]))
		l.dst = append(l.dst, Attr{AttrDef: d, Date: v, Value: l.c.compose(lo)})
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
	l := attrList{defs: nodeAttrs, dst: dst}
	l.str("kind", e.Kind)
	l.str("jurisdiction", e.Jurisdiction)
	for _, t := range entityTexts {
		l.str(t.key, *t.at(e))
	}
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
	c := composers.Get().(*composer)
	defer composers.Put(c)
	c.reserve(len(r.Officials) + len(r.Variants) + (len(evidenceLists)+1)*len(r.Evidence))

	l := attrList{defs: edgeAttrs, dst: dst, c: c}
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
	for _, t := range relationTexts {
		l.str(t.key, *t.at(r))
	}
	for _, o := range r.Officials {
		name := g.officialName(o)
		if o.Role != "" {
			lo := c.text.Len()
			c.text.WriteString(name)
			writeRole(&c.text, o.Role)
			name = c.compose(lo)
		}
		c.items = append(c.items, name)
	}
	l.list("officials", c.takeItems())
	l.str("role", r.Role)
	l.str("note", r.Note)
	for _, disputed := range []bool{false, true} {
		for _, v := range r.Variants {
			if v.Disputed == disputed {
				c.items = append(c.items, v.String())
			}
		}
		if disputed {
			l.list("disputed", c.takeItems())
		} else {
			l.list("variants", c.takeItems())
		}
	}
	for _, f := range evidenceLists { // a list of each declared value, when one is given
		given := false
		for i := range r.Evidence {
			v := f.value(&r.Evidence[i])
			c.items = append(c.items, v)
			given = given || v != ""
		}
		if list := c.takeItems(); given {
			l.list(f.key, list)
		} else {
			l.list(f.key, nil)
		}
	}
	lo := c.text.Len()
	writeQuotes(&c.text, r.Evidence)
	l.str("evidence", c.compose(lo))
	for _, ev := range r.Evidence { // the distinct sources, sorted
		if !slices.Contains(c.items[c.mark:], ev.Source) {
			c.items = append(c.items, ev.Source)
		}
	}
	srcs := c.takeItems()
	slices.Sort(srcs)
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
// and ":2", ":3", … after relations that would otherwise share an id. The
// ids are made the first time and kept; EdgeIDs returns a copy.
func (g *Graph) EdgeIDs() []string {
	g.edgeIDsOnce.Do(func() { g.edgeIDs = g.makeEdgeIDs() })
	return slices.Clone(g.edgeIDs)
}

// makeEdgeIDs makes the ids EdgeIDs returns.
func (g *Graph) makeEdgeIDs() []string {
	nums := g.edgeIDNumbers()
	// The ids share one string, which they are cut from.
	n := 0
	for _, r := range g.Relations {
		n += len(r.Kind) + len(r.Agreement) + len(r.From) + len(r.To) + len(":::") + 4
	}
	var all strings.Builder
	all.Grow(n)
	ids := make([]string, len(g.Relations))
	var b []byte
	for i, r := range g.Relations {
		b = appendEdgeID(b[:0], r, nums[i])
		lo := all.Len()
		all.Write(b)
		ids[i] = all.String()[lo:]
	}
	return ids
}

// appendEdgeID appends the id EdgeIDs gives r when it is the nth relation
// with its kind, agreement and ends.
func appendEdgeID(b []byte, r *Relation, n int) []byte {
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
// edgeIDNumbers numbers by looking back over them.
const maxGroup = 64

// edgeIDNumbers returns, for each of g.Relations, its number among the
// relations whose ids EdgeIDs would otherwise make equal: 1 for the first.
// In the canonical order of a graph's relations, such relations follow each
// other, and they are numbered by looking back over their neighbours;
// otherwise (relations in another order, or a colon inside a part of an
// id, which could make two different relations' ids equal) by the ids
// themselves.
func (g *Graph) edgeIDNumbers() []int {
	rels := g.Relations
	nums := make([]int, len(rels))
	if !grouped(rels) {
		seen := make(map[string]int, len(rels))
		var b []byte
		for i, r := range rels {
			b = appendEdgeID(b[:0], r, 1)
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
func (r *Relation) Weight() int {
	n := 0
	for i, e := range r.Evidence {
		if !slices.ContainsFunc(r.Evidence[:i], func(x Evidence) bool { return x.Source == e.Source }) {
			n++
		}
	}
	return max(1, n)
}
