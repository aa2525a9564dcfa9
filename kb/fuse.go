package kb

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

// Fusion: a fact is held once, however many statements (list items, in one
// file or several) state it. Two relations state the same fact when they
// have the same kind and ends and
//
//   - secondment: their terms are not apart: one of them has no start, or
//     neither ends before the other starts;
//   - post: their posts agree (see below), or one states none;
//   - agreement: they have the same id, or the same parties, the same date
//     (stated by both) and the same title (or one states none);
//   - link: their dates agree, or one states none, and so do their titles
//     (two events on one day between the same ends are told apart by
//     their titles);
//   - part_of: always (an entity has one parent).
//
// The fused relation carries the evidence of every statement (each quote
// keeps its source), the officials credited by any, and each attribute that
// any states. Attributes must agree, where a finer value agrees with a
// coarser one that it refines: a date lying inside the period of a less
// precise one (2015-07-24 refines 2015-07), and a post whose parts (split
// at 、，,；; and spaces) include all of the other's (市委常委、副市长 refines
// 副市长), and a value or venue (any key kept as written, fields.go) that
// is the other followed by an addition set off by a bracket or punctuation
// (总投资17亿元(两处园区) refines 总投资17亿元). The fused relation holds the finest value and lists every value
// stated, with its sources, in Relation.Variants. Values that disagree are
// an error naming both places, unless a statement lists the attribute in
// its `disputed:` key: then the relation keeps the first value (in the
// canonical order of files and lines) and Variants lists all, marked
// disputed. Notes are kept, each once.

// statement is one attribute as one list item states it.
type statement struct {
	key, value string
	pos        graph.Pos
}

// fact is what the statement behind a relation said, for fusion.
type fact struct {
	vals     []statement
	disputed []str
	parties  []string // agreement: every party, for "same parties"
}

// fusedKeys lists, per relation kind, the attributes fusion compares, in
// EdgeAttrs order; the caller must not modify the list.
func fusedKeys(kind string) []string {
	switch kind {
	case graph.Secondment:
		return secondmentKeys
	case graph.Post:
		return postKeys
	case graph.Agreement:
		return agreementKeys
	case graph.PartOf:
		return nil
	}
	return linkKeys
}

var (
	secondmentKeys = []string{"post", "from_body", "from_post", "start", "end"}
	postKeys       = []string{"post"}
	agreementKeys  = append([]string{"agreement", "title", "status", "date"}, keptKeys(agreementRecord)...)
	linkKeys       = append([]string{"title", "date"}, keptKeys(linkRecord)...)
)

// written is a parsed date as written (which is how Date.String writes
// it), without making a new string; "" when it is absent or invalid.
func written(d graph.Date, s str) string {
	if d.IsZero() {
		return ""
	}
	return s.V
}

// state records the statement behind r: its attributes, in fusedKeys
// order, with their positions, and its disputed keys, which must be among
// them.
func (b *builder) state(r *graph.Relation, disputed []str, vals ...statement) {
	keys := fusedKeys(r.Kind)
	for _, d := range disputed {
		if !slices.Contains(keys, d.V) || d.V == "agreement" {
			want := slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return k == "agreement" })
			b.add(d.Pos, ErrInvalid, fmt.Sprintf("disputed: %q is not an attribute of a %s (want %s)", d.V, kindWord(r.Kind), strings.Join(want, ", ")))
		}
	}
	n := 0
	for _, v := range vals {
		if v.value != "" {
			n++
		}
	}
	f := &fact{disputed: disputed, vals: make([]statement, 0, n)}
	for _, v := range vals {
		if v.value != "" {
			f.vals = append(f.vals, v)
		}
	}
	b.stated[r] = f
}

func kindWord(kind string) string {
	if kind == graph.PartOf || kind == graph.Secondment || kind == graph.Post || kind == graph.Agreement {
		return kind
	}
	return kind + " link"
}

// get returns the value of a fused attribute of r, as written.
func get(r *graph.Relation, key string) string {
	s, d := fusedField(r, key)
	if d != nil {
		return d.String()
	}
	return *s
}

// set sets a fused attribute of r to a value get returned.
func set(r *graph.Relation, key, v string) {
	if s, d := fusedField(r, key); d != nil {
		*d, _ = graph.ParseDate(v)
	} else {
		*s = v
	}
}

// fusedField returns where a fused attribute is in r: a text or a date.
func fusedField(r *graph.Relation, key string) (*string, *graph.Date) {
	if at, ok := fusedTexts[key]; ok {
		return at(r), nil
	}
	if at := graph.RelationText(key); at != nil {
		return at(r), nil
	}
	if at, ok := fusedDates[key]; ok {
		return nil, at(r)
	}
	panic("kb: no fused attribute " + key)
}

// fusedTexts and fusedDates say where the fused attributes are in a
// Relation.
var (
	fusedTexts = map[string]func(*graph.Relation) *string{
		"post": func(r *graph.Relation) *string { return &r.Post }, "from_body": func(r *graph.Relation) *string { return &r.FromBody },
		"from_post": func(r *graph.Relation) *string { return &r.FromPost }, "agreement": func(r *graph.Relation) *string { return &r.Agreement },
		"title": func(r *graph.Relation) *string { return &r.Title }, "status": func(r *graph.Relation) *string { return &r.Status },
	}
	fusedDates = map[string]func(*graph.Relation) *graph.Date{
		"start": func(r *graph.Relation) *graph.Date { return &r.Start }, "end": func(r *graph.Relation) *graph.Date { return &r.End },
		"date": func(r *graph.Relation) *graph.Date { return &r.Date },
	}
)

// same reports whether r states the fact that head, the first relation
// of a group, holds (with what the group's statements added to it).
func (b *builder) same(head *graph.Relation, r *graph.Relation) bool {
	return graph.SameFact(head, r, func() bool { return sameSet(b.stated[head].parties, b.stated[r].parties) })
}

// fused is a relation being fused from statements.
type fused struct {
	rel      *graph.Relation
	said     map[string][]statedAt // key → every value stated
	disputed map[string]bool
	notes    []string
}

// statedAt is one value of an attribute as one statement gives it.
type statedAt struct {
	statement
	sources []string
}

// fuse replaces b.rels by one relation per fact. Relations are taken in
// the canonical order of their statements (files in canonical order, the
// built-in data sets first, then lines), secondments first by start (absent
// last) so that an earlier term is known before a later secondment is
// compared with it. So which relation a statement joins and which value a
// disputed attribute keeps do not depend on the order of the inputs.
func (b *builder) fuse() {
	type ends struct{ kind, from, to string }
	// A group is one fact: the relation that holds it, and its fusion
	// state once a second statement joins it.
	type group struct {
		rel *graph.Relation
		f   *fused
	}
	// first maps ends to the index in groups of their first fact; next
	// chains the facts with the same ends.
	first := make(map[ends]int, len(b.rels))
	groups := make([]group, 0, len(b.rels))
	var next []int
	type key struct {
		undated         bool // a secondment without a start: last
		start           graph.Date
		rank, line, col int
		index           int
		file            string
	}
	keys := make([]key, len(b.rels))
	for i, r := range b.rels {
		// Secondments by start, so that an earlier term is known before a
		// later one is compared with it; other facts in the order of their
		// statements, so that the built-in data set's come first.
		var start graph.Date
		if r.Kind == graph.Secondment {
			start = r.Start
		}
		keys[i] = key{r.Kind == graph.Secondment && r.Start.IsZero(), start, b.fileRank(r.Pos.File), r.Pos.Line, r.Pos.Col, i, r.Pos.File}
	}
	slices.SortFunc(keys, func(x, y key) int {
		return cmp.Or(compareBool(x.undated, y.undated), x.start.Compare(y.start), cmp.Compare(x.rank, y.rank),
			strings.Compare(x.file, y.file), cmp.Compare(x.line, y.line), cmp.Compare(x.col, y.col), cmp.Compare(x.index, y.index))
	})
	out := make([]*graph.Relation, 0, len(b.rels))
	var merged []*fused
	for _, k := range keys {
		r := b.rels[k.index]
		e := ends{r.Kind, r.From, r.To}
		var into *group
		last := -1
		i, ok := first[e]
		for ; ok && i >= 0; i = next[i] {
			if b.same(groups[i].rel, r) {
				into = &groups[i]
				break
			}
			last = i
		}
		if into == nil {
			groups = append(groups, group{rel: r})
			next = append(next, -1)
			if !ok {
				first[e] = len(groups) - 1
			} else {
				next[last] = len(groups) - 1
			}
			out = append(out, r)
			continue
		}
		if into.f == nil {
			into.f = b.newFused(into.rel)
			merged = append(merged, into.f)
		}
		b.merge(into.f, r)
	}
	for _, f := range merged {
		f.finish()
	}
	for _, r := range b.rels {
		delete(b.stated, r) // done with: fused relations keep Variants
	}
	for _, r := range out {
		if !slices.IsSortedFunc(r.Evidence, bySource) {
			r.Evidence = slices.Clone(r.Evidence) // it may share its array with another relation
			slices.SortStableFunc(r.Evidence, bySource)
		}
	}
	b.rels = out
}

// newFused starts fusing statements into r.
func (b *builder) newFused(r *graph.Relation) *fused {
	f := &fused{rel: r, said: map[string][]statedAt{}, disputed: map[string]bool{}}
	if fa := b.stated[r]; fa != nil {
		srcs := r.SourceIDs() // before other statements' evidence joins
		for _, v := range fa.vals {
			f.said[v.key] = append(f.said[v.key], statedAt{v, srcs})
		}
		for _, d := range fa.disputed {
			f.disputed[d.V] = true
		}
	}
	if r.Note != "" {
		f.notes = append(f.notes, r.Note)
	}
	return f
}

// bySource orders evidence by source; sorted stably, a source's quotes stay
// in the order of the statements (in the canonical order) and as each
// lists them.
func bySource(x, y graph.Evidence) int { return strings.Compare(x.Source, y.Source) }

// compareBool orders false before true.
func compareBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}

// merge adds the statement behind r to the fused relation f.
func (b *builder) merge(f *fused, r *graph.Relation) {
	fa := b.stated[r]
	if fa == nil {
		fa = &fact{}
	}
	srcs := r.SourceIDs()
	for _, d := range fa.disputed {
		f.disputed[d.V] = true
	}
	for _, v := range fa.vals {
		f.said[v.key] = append(f.said[v.key], statedAt{v, srcs})
	}
	for _, v := range fa.vals {
		old := get(f.rel, v.key)
		switch graph.Relate(v.key, v.value, old) {
		case graph.Agree:
			if old == "" {
				set(f.rel, v.key, v.value)
			}
		case graph.Finer:
			set(f.rel, v.key, v.value)
		case graph.Conflict:
			if v.key == "agreement" || f.disputed[v.key] {
				continue // another id for the same agreement; or a known disagreement
			}
			at := f.rel.Pos
			for _, s := range f.said[v.key] {
				if s.value == old {
					at = s.pos
					break
				}
			}
			b.add(v.pos, ErrConflict, fmt.Sprintf("%s: %s %q contradicts %q at %s, which states the same %s (%s); %s",
				b.describe(f.rel), v.key, v.value, old, at, kindWord(r.Kind), sameRule(r.Kind), conflictHint(r.Kind, v.key)))
		}
	}
	// Clipped: a relation may share its lists with another (a secondment
	// and its home post share their evidence), so appending must copy.
	f.rel.Officials = unionRoles(f.rel.Officials, r.Officials)
	f.rel.Evidence = unionEvidence(slices.Clip(f.rel.Evidence), r.Evidence)
	if r.Note != "" && !slices.Contains(f.notes, r.Note) {
		f.notes = append(f.notes, r.Note)
	}
}

// describe names a relation for a message.
func (b *builder) describe(r *graph.Relation) string {
	name := func(id string) string {
		if e := b.ents[id]; e != nil {
			return e.Name
		}
		return id
	}
	return fmt.Sprintf("%s %s → %s", kindWord(r.Kind), name(r.From), name(r.To))
}

func sameRule(kind string) string {
	switch kind {
	case graph.Secondment:
		return "same official and host body, terms not apart"
	case graph.Post:
		return "same official, body and post"
	case graph.Agreement:
		return "same id, or same parties, date and title"
	}
	return "same kind, ends, date and title"
}

func conflictHint(kind, key string) string {
	hint := fmt.Sprintf("if the sources disagree, record it with `disputed: [%s]` on either; if one is wrong, correct it", key)
	switch kind {
	case graph.Secondment:
		hint += "; if these are two secondments, give the earlier one its end"
	case graph.Agreement:
		hint += "; if these are two agreements, give them different ids"
	case graph.Post, graph.PartOf:
	default:
		hint += "; if these are two events, give each its date"
	}
	return hint
}

// finish joins the fused relation's notes and lists its variants.
func (f *fused) finish() {
	r := f.rel
	r.Officials = oneRoleEach(r.Officials)
	r.Note = strings.Join(f.notes, "\n")
	r.Variants = nil
	for _, key := range fusedKeys(r.Kind) {
		var vals []graph.Stated
		for _, s := range f.said[key] {
			i := slices.IndexFunc(vals, func(v graph.Stated) bool { return v.Value == s.value })
			if i < 0 {
				vals = append(vals, graph.Stated{Value: s.value})
				i = len(vals) - 1
			}
			for _, src := range s.sources {
				if !slices.Contains(vals[i].Sources, src) {
					vals[i].Sources = append(vals[i].Sources, src)
				}
			}
		}
		if len(vals) < 2 {
			continue
		}
		for i := range vals {
			slices.Sort(vals[i].Sources)
		}
		slices.SortFunc(vals, func(x, y graph.Stated) int { return strings.Compare(x.Value, y.Value) })
		r.Variants = append(r.Variants, graph.Variant{Key: key, Values: vals, Disputed: f.disputed[key]})
	}
}

// entitySources fills each entity's Sources from the relations it takes
// part in.
func (b *builder) entitySources() {
	add := func(id, src string) {
		if e := b.ents[id]; e != nil && !slices.Contains(e.Sources, src) {
			e.Sources = append(e.Sources, src)
		}
	}
	for _, r := range b.rels {
		for i, ev := range r.Evidence {
			if i > 0 && r.Evidence[i-1].Source == ev.Source {
				continue // sorted by source
			}
			add(r.From, ev.Source)
			add(r.To, ev.Source)
			for _, o := range r.Officials {
				add(o.Official, ev.Source)
			}
		}
	}
	for _, e := range b.entList {
		slices.Sort(e.Sources)
	}
}

// fileRank orders files: built-in data sets (0) before the others (1).
func (b *builder) fileRank(file string) int {
	if b.builtin[file] != nil {
		return 0
	}
	return 1
}
