package diff

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

// Op says what happened to an entity, source or fact.
type Op string

// The operations, in the order a report lists them for one id.
const (
	Removed   Op = "removed"
	Added     Op = "added"
	Changed   Op = "changed"   // a field of the fact changed (and maybe its provenance)
	Resourced Op = "resourced" // only its provenance changed: sources, quotes, variants
)

// Change is one entity, source or fact that differs.
type Change struct {
	Op    Op     `json:"op"`
	Kind  string `json:"kind"`  // entity kind, "source", or relation kind (agreements one each, not one per pair of parties)
	ID    string `json:"id"`    // entity or source id; a relation's ends and what tells it apart (see Compare)
	Label string `json:"label"` // name, title or label, from NEW (from OLD when removed)
	// Fields are the fact's fields: for an added one, each with its New
	// value; for a removed one, with its Old; for a changed one, those
	// that differ.
	Fields []Field `json:"fields,omitempty"`
	// Sources are the provenance fields that differ (sources, quotes,
	// variants, disputed); only for changed and re-sourced facts.
	Sources []Field `json:"sources,omitempty"`
}

// Field is one field's value before and after. A value is a string, or a
// []string for a list; nil when absent.
type Field struct {
	Key string `json:"key"`
	Old any    `json:"old,omitempty"`
	New any    `json:"new,omitempty"`
}

// Report lists the changes sorted by kind (entity kinds, relation kinds
// in the graph's canonical order, then sources), then id, then Op.
type Report struct {
	Changes []Change `json:"changes"`
}

// Empty reports whether the knowledge bases compared are the same.
func (r Report) Empty() bool { return len(r.Changes) == 0 }

// item is one comparable thing of a knowledge base: its kind, identity,
// label, fact fields and provenance fields.
type item struct {
	kind, id, label string
	// fields and prov are an entity's, source's or brokered credit's; a
	// relation's are read from the graph's attribute view when it is
	// compared (see attrs), so that those unchanged cost no memory.
	fields, prov []graph.Attr
	g            *graph.Graph
	rel          *graph.Relation // a relation's, for matching and attrs
	parties      []string        // agreement: every party, sorted
}

// scratch holds the attributes of the two relations being compared, old
// (0) and new (1), reused from one pair to the next.
type scratch struct {
	all, fields, prov [2][]graph.Attr
}

// attrs returns the item's fields and provenance; a relation's in s's
// buffers for side, valid until the next call for that side.
func (it *item) attrs(s *scratch, side int) (fields, prov []graph.Attr) {
	if it.rel == nil {
		return it.fields, it.prov
	}
	all := it.g.AppendRelationAttrs(s.all[side][:0], it.rel)
	fields, prov = s.fields[side][:0], s.prov[side][:0]
	var quoted graph.Attr
	for _, a := range all {
		switch {
		case a.Key == "kind" || a.Key == "directed":
		case a.Key == "officials":
			fields = append(fields, list("officials", officialIDs(it.rel.Officials)))
		case relationFacts[a.Key]:
			fields = append(fields, a)
		case a.Key == "variants" || a.Key == "disputed":
			prov = append(prov, a)
		case a.Key == "attested_by":
			prov = append(prov, list("sources", a.List))
		case a.Key == "evidence": // all the quotes, compared as one text
			quoted = str("quotes", a.Value)
		}
	}
	if quoted.Value != "" {
		prov = append(prov, quoted) // after the sources
	}
	if it.parties != nil {
		fields = append(fields, list("parties", it.parties))
	}
	s.all[side], s.fields[side], s.prov[side] = all, fields, prov
	return fields, prov
}

// Compare reports what changed from old to new. Entities and sources are
// matched by id; relations by kind and ends and, among those, by
// graph.SameFact: secondments whose terms are not apart, posts whose posts
// agree, links with the same date and title. An agreement, which the graph
// holds as one relation per pair of its parties, is compared once: matched
// by id, else by the same parties, date and title. A brokered relation is
// one official's credit for one agreement, whose only field is the role;
// its evidence is the agreement's.
//
// A Change's ID for a relation is "from → to" followed by its start
// (secondment), post (post), or date and title (link), as NEW has them;
// an agreement's is its id and a brokered relation's "official → agreement".
//
// Every map is keyed by identity, so the work is linear in the size of
// the knowledge bases, save for relations with the same kind and ends,
// which are compared with each other.
func Compare(old, new *graph.Graph) Report {
	var out []Change
	s := &scratch{}
	out = compareByID(out, s, entities(old), entities(new))
	out = compareByID(out, s, sources(old), sources(new))
	renamed := matchAgreements(&out, s, agreements(old), agreements(new))
	out = compareByID(out, s, brokered(old, renamed), brokered(new, nil))
	out = compareRelations(out, s, relations(old), relations(new))
	sortChanges(out)
	return Report{Changes: out}
}

// entityFacts are the keys of the NodeAttrs that are the entity's fact:
// those before source_count. Those after (source_count, attested_by) are
// the sources of its relations, reported with the relations.
var entityFacts = factKeys(graph.NodeAttrs(), "source_count")

// relationFacts are the keys of the EdgeAttrs that are the relation's
// fact: those before variants. Those after are its provenance (variants,
// disputes, evidence, sources), which the attribute view puts last.
var relationFacts = factKeys(graph.EdgeAttrs(), "variants")

// factKeys returns the keys of defs before the key first.
func factKeys(defs []graph.AttrDef, first string) map[string]bool {
	i := slices.IndexFunc(defs, func(d graph.AttrDef) bool { return d.Key == first })
	if i < 0 {
		panic("diff: no attribute " + first)
	}
	keys := map[string]bool{}
	for _, d := range defs[:i] {
		keys[d.Key] = true
	}
	return keys
}

func entities(g *graph.Graph) []item {
	out := make([]item, 0, len(g.Entities))
	for _, e := range g.Entities {
		fields := []graph.Attr{str("name", e.Name)}
		for _, a := range e.Attrs() {
			if entityFacts[a.Key] {
				fields = append(fields, a)
			}
		}
		out = append(out, item{kind: e.Kind, id: e.ID, label: e.Name, fields: fields})
	}
	return out
}

func sources(g *graph.Graph) []item {
	out := make([]item, 0, len(g.Sources))
	for _, s := range g.Sources {
		var fields []graph.Attr
		for _, a := range []graph.Attr{str("title", s.Title), str("publisher", s.Publisher), str("date", s.Date.String()),
			str("url", s.URL), str("file", s.File)} {
			if a.Value != "" {
				fields = append(fields, a)
			}
		}
		if s.Text != "" {
			fields = append(fields, str("text", strconv.Itoa(len(s.Text))+" bytes, "+hash(s.Text)))
		}
		out = append(out, item{kind: "source", id: s.ID, label: s.Title, fields: fields})
	}
	return out
}

// hash is a short fingerprint of a source text, so that an edited text of
// the same length differs.
func hash(s string) string {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return "fnv " + strconv.FormatUint(h, 16)
}

func str(key, v string) graph.Attr {
	return graph.Attr{AttrDef: graph.AttrDef{Key: key, Type: graph.AttrString}, Value: v}
}

func list(key string, v []string) graph.Attr {
	return graph.Attr{AttrDef: graph.AttrDef{Key: key, Type: graph.AttrStrings}, List: v}
}

// relItem makes the item of relation r. Its fields (officials by id,
// without kind and direction, which its kind says) and provenance are
// read when it is compared.
func relItem(g *graph.Graph, r *graph.Relation, kind, id string) item {
	it := item{kind: kind, id: id, label: r.Label(), g: g, rel: r}
	if strings.HasSuffix(id, " "+it.label) {
		it.label = "" // the id says it: a post's post, a link's title
	}
	return it
}

// officialIDs gives the officials credited as "id" or "id(role)": by id,
// so that renaming an official does not change every fact they are in.
func officialIDs(roles []graph.Role) []string {
	out := make([]string, 0, len(roles))
	for _, o := range roles {
		s := o.Official
		if o.Role != "" {
			s += "(" + o.Role + ")"
		}
		out = append(out, s)
	}
	return out
}

// quotes gives each piece of evidence as graph.Quotes writes it.
func quotes(ev []graph.Evidence) []string {
	out := make([]string, 0, len(ev))
	for i := range ev {
		out = append(out, graph.Quotes(ev[i:i+1]))
	}
	return out
}

// relations returns the relations that are neither agreements nor an
// official's credit for one, grouped by kind and ends.
func relations(g *graph.Graph) grouped {
	out := grouped{by: map[ends][]item{}}
	for _, r := range g.Relations {
		if r.Kind == graph.Agreement || (r.Kind == graph.Brokered && r.Agreement != "") {
			continue
		}
		k := ends{r.Kind, r.From, r.To}
		if _, ok := out.by[k]; !ok {
			out.order = append(out.order, k)
		}
		out.by[k] = append(out.by[k], relItem(g, r, r.Kind, relID(r)))
	}
	return out
}

// grouped is relations grouped by kind and ends, the groups in the
// graph's canonical order.
type grouped struct {
	by    map[ends][]item
	order []ends
}

type ends struct{ kind, from, to string }

// relID names a relation in a report: its ends and what tells it apart
// from another with the same ends.
func relID(r *graph.Relation) string {
	parts := []string{r.From + " → " + r.To}
	switch r.Kind {
	case graph.Secondment:
		parts = append(parts, r.Start.String())
	case graph.Post:
		parts = append(parts, r.Post)
	case graph.PartOf:
	default:
		parts = append(parts, r.Date.String(), r.Title)
	}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), " ")
}

// agreements returns one item per agreement, from its first pair
// relation, with all its parties.
func agreements(g *graph.Graph) []item {
	byID := map[string]int{}
	var out []item
	for _, r := range g.Relations {
		if r.Kind != graph.Agreement {
			continue
		}
		i, ok := byID[r.Agreement]
		if !ok {
			i = len(out)
			byID[r.Agreement] = i
			out = append(out, relItem(g, r, graph.Agreement, r.Agreement))
			out[i].label = r.Title
		}
		for _, p := range []string{r.From, r.To} {
			if !slices.Contains(out[i].parties, p) {
				out[i].parties = append(out[i].parties, p)
			}
		}
	}
	for i := range out {
		slices.Sort(out[i].parties)
	}
	return out
}

// matchAgreements compares the agreements, matched by id, else by the
// same parties, date and title (graph.SameFact), appending the changes to
// out. It returns the ids of the old agreements matched under another id
// in new, mapped to that id.
func matchAgreements(out *[]Change, s *scratch, old, new []item) map[string]string {
	newByID := make(map[string]int, len(new))
	for i, it := range new {
		newByID[it.id] = i
	}
	matched := make([]bool, len(new))
	var rest []item
	for _, o := range old {
		if i, ok := newByID[o.id]; ok {
			matched[i] = true
			*out = appendChanged(*out, s, o, new[i])
		} else {
			rest = append(rest, o)
		}
	}
	// The rest by their parties, then by SameFact among those.
	byParties := map[string][]int{}
	for i, it := range new {
		if !matched[i] {
			k := strings.Join(it.parties, "\x00")
			byParties[k] = append(byParties[k], i)
		}
	}
	renamed := map[string]string{}
	for _, o := range rest {
		k := strings.Join(o.parties, "\x00")
		j := slices.IndexFunc(byParties[k], func(i int) bool {
			return !matched[i] && graph.SameFact(o.rel, new[i].rel, func() bool { return true })
		})
		if j < 0 {
			*out = append(*out, whole(s, Removed, o))
			continue
		}
		i := byParties[k][j]
		matched[i] = true
		renamed[o.id] = new[i].id
		*out = appendChanged(*out, s, o, new[i])
	}
	for i, it := range new {
		if !matched[i] {
			*out = append(*out, whole(s, Added, it))
		}
	}
	return renamed
}

// brokered returns one item per official and agreement they are credited
// with, the agreement's id mapped through renamed; its one field is the
// role, and its evidence is the agreement's.
func brokered(g *graph.Graph, renamed map[string]string) []item {
	seen := map[string]bool{}
	var out []item
	for _, r := range g.Relations {
		if r.Kind != graph.Brokered || r.Agreement == "" {
			continue
		}
		a := r.Agreement
		if n, ok := renamed[a]; ok {
			a = n
		}
		id := r.From + " → " + a
		if seen[id] {
			continue
		}
		seen[id] = true
		it := item{kind: graph.Brokered, id: id, label: r.Label()}
		if r.Role != "" {
			it.fields = []graph.Attr{str("role", r.Role)}
		}
		out = append(out, it)
	}
	return out
}

// compareByID compares items matched by id, whatever their kind: an
// entity that changes kind is changed (its kind field), not removed and
// added.
func compareByID(out []Change, s *scratch, old, new []item) []Change {
	newByID := make(map[string]int, len(new))
	for i, it := range new {
		newByID[it.id] = i
	}
	matched := make([]bool, len(new))
	for _, o := range old {
		i, ok := newByID[o.id]
		if !ok {
			out = append(out, whole(s, Removed, o))
			continue
		}
		matched[i] = true
		out = appendChanged(out, s, o, new[i])
	}
	for i, it := range new {
		if !matched[i] {
			out = append(out, whole(s, Added, it))
		}
	}
	return out
}

// compareRelations matches the relations of each kind and ends by
// graph.SameFact, each old one with the first new one not yet matched.
func compareRelations(out []Change, s *scratch, old, new grouped) []Change {
	for _, k := range old.order {
		os, ns := old.by[k], new.by[k]
		matched := make([]bool, len(ns))
		for _, o := range os {
			j := -1
			for i := range ns {
				if !matched[i] && graph.SameFact(o.rel, ns[i].rel, nil) {
					j = i
					break
				}
			}
			if j < 0 {
				out = append(out, whole(s, Removed, o))
				continue
			}
			matched[j] = true
			out = appendChanged(out, s, o, ns[j])
		}
		for i, n := range ns {
			if !matched[i] {
				out = append(out, whole(s, Added, n))
			}
		}
	}
	for _, k := range new.order {
		if _, ok := old.by[k]; !ok {
			for _, n := range new.by[k] {
				out = append(out, whole(s, Added, n))
			}
		}
	}
	return out
}

// whole is the change of an item added or removed: every field, on its
// side.
func whole(s *scratch, op Op, it item) Change {
	c := Change{Op: op, Kind: it.kind, ID: it.id, Label: it.label}
	fields, _ := it.attrs(s, 0)
	for _, a := range fields {
		f := Field{Key: a.Key}
		if op == Added {
			f.New = value(a)
		} else {
			f.Old = value(a)
		}
		c.Fields = append(c.Fields, f)
	}
	return c
}

// appendChanged appends the change from o to n, if there is one.
func appendChanged(out []Change, s *scratch, o, n item) []Change {
	of, oprov := o.attrs(s, 0)
	nf, nprov := n.attrs(s, 1)
	fields, prov := fieldDiff(of, nf), fieldDiff(oprov, nprov)
	if len(fields) == 0 && len(prov) == 0 {
		return out
	}
	for i, f := range prov {
		if f.Key == "quotes" { // each quote, as the evidence was compared whole
			prov[i].Old, prov[i].New = list0(quotes(o.rel.Evidence)), list0(quotes(n.rel.Evidence))
		}
	}
	op := Changed
	if len(fields) == 0 {
		op = Resourced
	}
	return append(out, Change{Op: op, Kind: n.kind, ID: n.id, Label: n.label, Fields: fields, Sources: prov})
}

// fieldDiff lists the fields whose values differ, in the order of new's
// fields, then those only old has, in theirs.
func fieldDiff(old, new []graph.Attr) []Field {
	var out []Field
	for _, n := range new {
		i := slices.IndexFunc(old, func(a graph.Attr) bool { return a.Key == n.Key })
		if i < 0 {
			if !empty(n) {
				out = append(out, Field{Key: n.Key, New: value(n)})
			}
			continue
		}
		if o := old[i]; o.Value != n.Value || !slices.Equal(o.List, n.List) {
			out = append(out, Field{Key: n.Key, Old: value(o), New: value(n)})
		}
	}
	for _, o := range old {
		if !empty(o) && !slices.ContainsFunc(new, func(a graph.Attr) bool { return a.Key == o.Key }) {
			out = append(out, Field{Key: o.Key, Old: value(o)})
		}
	}
	return out
}

// list0 is l, or nil (absent) when empty.
func list0(l []string) any {
	if len(l) == 0 {
		return nil
	}
	return l
}

func empty(a graph.Attr) bool { return a.Value == "" && len(a.List) == 0 }

// value is an attribute's value for a Field: its list, or its text.
func value(a graph.Attr) any {
	switch {
	case a.Type == graph.AttrStrings && len(a.List) == 0:
		return nil
	case a.Type == graph.AttrStrings:
		return a.List
	case a.Value == "":
		return nil
	}
	return a.Value
}

// kindOrder orders kinds: entity kinds, relation kinds as the graph orders
// them (links by name), then sources.
func kindOrder(kind string) (int, string) {
	if i := slices.Index(graph.EntityKinds, kind); i >= 0 {
		return i, ""
	}
	switch kind {
	case graph.Secondment:
		return 10, ""
	case graph.Post:
		return 11, ""
	case graph.Agreement:
		return 12, ""
	case graph.Brokered:
		return 13, ""
	case graph.PartOf:
		return 15, ""
	case "source":
		return 16, ""
	}
	return 14, kind // links
}

var opOrder = map[Op]int{Removed: 0, Added: 1, Changed: 2, Resourced: 3}

func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		ar, ak := kindOrder(a.Kind)
		br, bk := kindOrder(b.Kind)
		return cmp.Or(cmp.Compare(ar, br), strings.Compare(ak, bk), strings.Compare(a.ID, b.ID),
			cmp.Compare(opOrder[a.Op], opOrder[b.Op]))
	})
}
