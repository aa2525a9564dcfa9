package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
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
//   - link: their dates agree, or one states none;
//   - part_of: always (an entity has one parent).
//
// The fused relation carries the evidence of every statement (each quote
// keeps its source), the officials credited by any, and each attribute that
// any states. Attributes must agree, where a finer value agrees with a
// coarser one that it refines: a date lying inside the period of a less
// precise one (2015-07-24 refines 2015-07), and a post whose parts (split
// at 、,,;; and spaces) include all of the other's (市委常委、副市长 refines
// 副市长). The fused relation holds the finest value and lists every value
// stated, with its sources, in Relation.Variants. Values that disagree are
// an error naming both places, unless a statement lists the attribute in
// its `disputed:` key: then the relation keeps the first value (in the
// canonical order of files and lines) and Variants lists all, marked
// disputed. Notes are kept, each once.

// statement is one attribute as one list item states it.
type statement struct {
	key, value string
	pos        Pos
}

// fact is what the statement behind a relation said, for fusion.
type fact struct {
	vals     []statement
	disputed []str
	sources  []string // of the statement's evidence, distinct and sorted
	parties  []string // agreement: every party, for "same parties"
}

// fusedKeys lists, per relation kind, the attributes fusion compares, in
// EdgeAttrs order.
func fusedKeys(kind string) []string {
	switch kind {
	case Secondment:
		return []string{"post", "from_body", "from_post", "start", "end"}
	case Post:
		return []string{"post"}
	case Agreement:
		return []string{"agreement", "title", "status", "date", "value", "venue"}
	case PartOf:
		return nil
	}
	return []string{"title", "date", "venue"}
}

// state records the statement behind r: its attributes, in fusedKeys
// order, with their positions, and its disputed keys, which must be among
// them.
func (b *builder) state(r *Relation, disputed []str, vals ...statement) {
	keys := fusedKeys(r.Kind)
	for _, d := range disputed {
		if !slices.Contains(keys, d.V) || d.V == "agreement" {
			want := slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return k == "agreement" })
			b.add(d.Pos, ErrInvalid, fmt.Sprintf("disputed: %q is not an attribute of a %s (want %s)", d.V, kindWord(r.Kind), strings.Join(want, ", ")))
		}
	}
	f := &fact{disputed: disputed, sources: r.SourceIDs()}
	for _, v := range vals {
		if v.value != "" {
			f.vals = append(f.vals, v)
		}
	}
	if b.facts == nil {
		b.facts = map[*Relation]*fact{}
	}
	b.facts[r] = f
}

func kindWord(kind string) string {
	if kind == PartOf || kind == Secondment || kind == Post || kind == Agreement {
		return kind
	}
	return kind + " link"
}

// get returns the value of a fused attribute of r, as written.
func get(r *Relation, key string) string {
	switch key {
	case "post":
		return r.Post
	case "from_body":
		return r.FromBody
	case "from_post":
		return r.FromPost
	case "start":
		return r.Start.String()
	case "end":
		return r.End.String()
	case "agreement":
		return r.Agreement
	case "title":
		return r.Title
	case "status":
		return r.Status
	case "date":
		return r.Date.String()
	case "value":
		return r.Value
	case "venue":
		return r.Venue
	}
	panic("graph: no fused attribute " + key)
}

// set sets a fused attribute of r to a value get returned.
func set(r *Relation, key, v string) {
	date := func() Date { d, _ := ParseDate(v); return d }
	switch key {
	case "post":
		r.Post = v
	case "from_body":
		r.FromBody = v
	case "from_post":
		r.FromPost = v
	case "start":
		r.Start = date()
	case "end":
		r.End = date()
	case "agreement":
		r.Agreement = v
	case "title":
		r.Title = v
	case "status":
		r.Status = v
	case "date":
		r.Date = date()
	case "value":
		r.Value = v
	case "venue":
		r.Venue = v
	default:
		panic("graph: no fused attribute " + key)
	}
}

// How two stated values of one attribute relate.
const (
	agree    = iota // equal, or one is absent
	finer           // the first refines the second
	coarser         // the second refines the first
	conflict        // they disagree
)

// relate says how value a of attribute key relates to value c.
func relate(key, a, c string) int {
	switch {
	case a == c || a == "" || c == "":
		return agree
	case key == "start" || key == "end" || key == "date":
		x, _ := ParseDate(a)
		y, _ := ParseDate(c)
		switch {
		case within(x, y):
			return finer
		case within(y, x):
			return coarser
		}
	case key == "post" || key == "from_post":
		x, y := postParts(a), postParts(c)
		switch {
		case includes(x, y):
			return finer
		case includes(y, x):
			return coarser
		}
	}
	return conflict
}

// within reports whether date x is more precise than y and lies inside y's
// period.
func within(x, y Date) bool {
	return x.key()%10 > y.key()%10 && !x.FirstDay().Before(y.FirstDay()) && !x.LastDay().After(y.LastDay())
}

// postParts splits a post into its parts: 市委常委、副市长 → 市委常委, 副市长.
func postParts(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool {
		return r == '、' || r == ',' || r == '\uff0c' || r == ';' || r == '\uff1b' || r == ' ' || r == '\u3000' || r == '/'
	})
}

// includes reports whether x holds every part of y and more.
func includes(x, y []string) bool {
	if len(x) <= len(y) {
		return false
	}
	for _, p := range y {
		if !slices.Contains(x, p) {
			return false
		}
	}
	return true
}

// same reports whether r states the fact that the fused relation f holds.
func (b *builder) same(f *fused, r *Relation) bool {
	switch r.Kind {
	case Secondment:
		x, y := f.rel, r
		return x.Start.IsZero() || y.Start.IsZero() ||
			!((!x.End.IsZero() && x.End.LastDay().Before(y.Start.FirstDay())) || (!y.End.IsZero() && y.End.LastDay().Before(x.Start.FirstDay())))
	case Post:
		return relate("post", f.rel.Post, r.Post) != conflict
	case Agreement:
		if f.rel.Agreement == r.Agreement {
			return true
		}
		return !f.rel.Date.IsZero() && !r.Date.IsZero() && relate("date", f.rel.Date.String(), r.Date.String()) != conflict &&
			relate("title", f.rel.Title, r.Title) == agree && sameSet(f.parties, b.facts[r].parties)
	case PartOf:
		return true
	}
	return relate("date", f.rel.Date.String(), r.Date.String()) != conflict
}

// fused is a relation being fused from statements.
type fused struct {
	rel      *Relation
	parties  []string
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
// order of their start or date (absent last), then in the canonical order of their
// statements (files in canonical order, then lines), so that an earlier
// term is known before a later secondment is compared with it, and which
// relation a statement joins and which value a disputed attribute keeps do
// not depend on the order of the inputs.
func (b *builder) fuse() {
	type ends struct{ kind, from, to string }
	groups := map[ends][]*fused{}
	rels := slices.Clone(b.rels)
	slices.SortStableFunc(rels, func(x, y *Relation) int {
		return cmp.Or(cmp.Compare(dateOrder(x.Start), dateOrder(y.Start)), cmp.Compare(dateOrder(x.Date), dateOrder(y.Date)),
			b.comparePos(x.Pos, y.Pos))
	})
	var out []*Relation
	for _, r := range rels {
		k := ends{r.Kind, r.From, r.To}
		var into *fused
		for _, f := range groups[k] {
			if b.same(f, r) {
				into = f
				break
			}
		}
		if into == nil {
			f := &fused{rel: r, said: map[string][]statedAt{}, disputed: map[string]bool{}}
			if fa := b.facts[r]; fa != nil {
				f.parties = fa.parties
				for _, v := range fa.vals {
					f.said[v.key] = append(f.said[v.key], statedAt{v, fa.sources})
				}
				for _, d := range fa.disputed {
					f.disputed[d.V] = true
				}
			}
			if r.Note != "" {
				f.notes = append(f.notes, r.Note)
			}
			groups[k] = append(groups[k], f)
			out = append(out, r)
			continue
		}
		b.merge(into, r)
	}
	for _, fs := range groups {
		for _, f := range fs {
			f.finish()
		}
	}
	b.rels = out
}

// dateOrder orders dates for fusion: in time, absent ones last, so that a
// statement without a date joins a fact others date.
func dateOrder(d Date) int64 {
	if d.IsZero() {
		return math.MaxInt64
	}
	return d.key()
}

// comparePos orders positions by file (built-in data sets first), line and
// column.
func (b *builder) comparePos(x, y Pos) int {
	return cmp.Or(cmp.Compare(b.fileRank(x.File), b.fileRank(y.File)), cmp.Compare(x.File, y.File),
		cmp.Compare(x.Line, y.Line), cmp.Compare(x.Col, y.Col))
}

// merge adds the statement behind r to the fused relation f.
func (b *builder) merge(f *fused, r *Relation) {
	fa := b.facts[r]
	if fa == nil {
		fa = &fact{}
	}
	for _, d := range fa.disputed {
		f.disputed[d.V] = true
	}
	for _, v := range fa.vals {
		f.said[v.key] = append(f.said[v.key], statedAt{v, fa.sources})
	}
	for _, v := range fa.vals {
		old := get(f.rel, v.key)
		switch relate(v.key, v.value, old) {
		case agree:
			if old == "" {
				set(f.rel, v.key, v.value)
			}
		case finer:
			set(f.rel, v.key, v.value)
		case conflict:
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
	f.rel.Officials = unionRoles(f.rel.Officials, r.Officials)
	f.rel.Evidence = unionEvidence(f.rel.Evidence, r.Evidence)
	if r.Note != "" && !slices.Contains(f.notes, r.Note) {
		f.notes = append(f.notes, r.Note)
	}
}

// describe names a relation for a message.
func (b *builder) describe(r *Relation) string {
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
	case Secondment:
		return "same official and host body, terms not apart"
	case Post:
		return "same official, body and post"
	case Agreement:
		return "same id, or same parties, date and title"
	}
	return "same kind, ends and date"
}

func conflictHint(kind, key string) string {
	hint := fmt.Sprintf("if the sources disagree, record it with `disputed: [%s]` on either; if one is wrong, correct it", key)
	switch kind {
	case Secondment:
		hint += "; if these are two secondments, give the earlier one its end"
	case Agreement:
		hint += "; if these are two agreements, give them different ids"
	case Post, PartOf:
	default:
		hint += "; if these are two events, give each its date"
	}
	return hint
}

// finish sorts the fused relation's evidence, joins its notes and lists its
// variants.
func (f *fused) finish() {
	r := f.rel
	slices.SortStableFunc(r.Evidence, func(x, y Evidence) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Quote, y.Quote))
	})
	r.Note = strings.Join(f.notes, "\n")
	r.Variants = nil
	for _, key := range fusedKeys(r.Kind) {
		var vals []Stated
		for _, s := range f.said[key] {
			i := slices.IndexFunc(vals, func(v Stated) bool { return v.Value == s.value })
			if i < 0 {
				vals = append(vals, Stated{Value: s.value})
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
		slices.SortFunc(vals, func(x, y Stated) int { return strings.Compare(x.Value, y.Value) })
		r.Variants = append(r.Variants, Variant{Key: key, Values: vals, Disputed: f.disputed[key]})
	}
}

// entitySources fills each entity's Sources from the relations it takes
// part in.
func (b *builder) entitySources() {
	add := func(id string, srcs []string) {
		if e := b.ents[id]; e != nil {
			for _, s := range srcs {
				if !slices.Contains(e.Sources, s) {
					e.Sources = append(e.Sources, s)
				}
			}
		}
	}
	for _, r := range b.rels {
		srcs := r.SourceIDs()
		add(r.From, srcs)
		add(r.To, srcs)
		for _, o := range r.Officials {
			add(o.Official, srcs)
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
