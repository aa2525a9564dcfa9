package graph

import (
	"fmt"
	"slices"
	"strings"

	"github.com/guazhi/guazhi/internal/lexicon"
)

// Pos is a position in a knowledge-base file. Line and Col count from 1;
// zero means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String renders the position as file:line:col, or as much of it as is known.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Entity kinds.
const (
	Official     = "official"
	Body         = "body"
	Company      = "company"
	Organisation = "organisation"
)

// EntityKinds lists the entity kinds in their canonical order.
var EntityKinds = []string{Official, Body, Company, Organisation}

// Jurisdictions lists the jurisdictions with a colour and a place of
// their own, in their canonical order. A body of another province takes
// that province's id (IsJurisdiction), and is drawn and ordered as other.
var Jurisdictions = []string{"beijing", "hebei", "tianjin", "national", "other", "foreign"}

// IsJurisdiction reports whether j is a jurisdiction: one of Jurisdictions,
// or the id of a province-level division (shanghai, yunnan, xinjiang: the
// pinyin of its name without the suffix, shaanxi for 陕西).
func IsJurisdiction(j string) bool {
	return slices.Contains(Jurisdictions, j) || slices.Contains(lexicon.ProvinceIDs(), j)
}

// Relation kinds with a fixed meaning. Links add kinds of their own.
const (
	Secondment = "secondment"
	Post       = "post"
	Agreement  = "agreement"
	PartOf     = "part_of"
)

// Agreement statuses, strongest first.
var Statuses = []string{"signed", "framework", "consensus", "intent"}

// Source is a text that evidence quotes.
type Source struct {
	ID        string
	Title     string
	Publisher string
	Date      Date
	URL       string
	File      string // as written in the knowledge base
	Text      string // the file's contents, when File is set
	Pos       Pos
}

// Entity is a node: an official, a government body, a company or another
// organisation.
type Entity struct {
	ID           string
	Kind         string
	Name         string
	NameEn       string
	FullName     string
	Aliases      []string
	Jurisdiction string
	Parent       string // entity id, or ""
	Note         string
	// Sources lists, sorted, the ids of the distinct sources whose evidence
	// names the entity: the sources of the relations it is an end of or
	// is credited in. Load fills it for the whole knowledge base.
	Sources []string
	Pos     Pos
}

// Evidence ties a relation to a verbatim quote from a source.
type Evidence struct {
	Source   string // source id
	Quote    string
	Inferred bool   // the quote implies the fact rather than stating it
	Note     string // why the fact is inferred, or other curator's remark
	URL      string // the quote's page, when the source has several
	Pos      Pos
}

// Role is an official's part in an agreement or link.
type Role struct {
	Official string // entity id
	Role     string
}

// Relation is an edge of the graph. Secondments, posts, agreements, part_of
// and links all become relations; an agreement among n parties becomes one
// relation per pair of parties.
type Relation struct {
	Kind     string
	From, To string // entity ids
	Directed bool   // false for agreements

	// Secondment and post.
	Post     string
	FromBody string // entity id of the home body (secondment)
	FromPost string
	Start    Date
	End      Date

	// Agreement and link.
	Agreement string // agreement id
	Title     string
	Status    string
	Date      Date
	Value     string
	Venue     string
	Place     string // link: where it took place, as written
	Officials []Role
	Note      string

	// Brokered: the official's part, as the source words it.
	Role string

	// Variants lists the attributes that the statements fused into this
	// relation give differently: in more or less detail (the relation
	// holds the finest value), or, when Disputed, in known disagreement.
	// Each lists every value with the sources stating it. Nil when every
	// statement agrees.
	Variants []Variant

	Evidence []Evidence // sorted by source; a source's quotes in statement order
	Pos      Pos
}

// Variant is the values the sources give for one attribute of a fused
// relation, in the order of EdgeAttrs' keys, then of values.
type Variant struct {
	Key      string // the attribute, as in EdgeAttrs
	Values   []Stated
	Disputed bool // the sources disagree and the knowledge base says so
}

// Stated is one value of an attribute and the sources that state it.
type Stated struct {
	Value   string
	Sources []string // sorted source ids
}

// String renders the variant as "key: value (source, …) | value (…)".
func (v Variant) String() string {
	var b strings.Builder
	b.WriteString(v.Key)
	b.WriteString(": ")
	for i, s := range v.Values {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(s.Value)
		b.WriteString(" (")
		b.WriteString(strings.Join(s.Sources, ", "))
		b.WriteString(")")
	}
	return b.String()
}

// SourceIDs returns the ids of the distinct sources of the relation's
// evidence, sorted.
func (r *Relation) SourceIDs() []string {
	var out []string
	for _, e := range r.Evidence {
		if !slices.Contains(out, e.Source) {
			out = append(out, e.Source)
		}
	}
	slices.Sort(out)
	return out
}

// Label is a short human-readable description of the relation; never empty,
// so every edge of every format has a label.
func (r *Relation) Label() string {
	switch r.Kind {
	case Secondment:
		return "挂任" + r.Post
	case Post:
		if r.Post == "" {
			return "原单位" // the source names the home body, not the post
		}
		return r.Post
	case Agreement:
		return r.Title
	case PartOf:
		return "隶属"
	case Brokered:
		if r.Role == "" {
			return "促成"
		}
		return r.Role
	case Party:
		return "签约方"
	}
	if r.Title != "" {
		return r.Title
	}
	return r.Kind
}

// Active reports whether the relation's dates fall in the window [since,
// until]; a zero bound is open. A relation without dates is always active.
func (r *Relation) Active(since, until Date) bool {
	start, end := r.Start, r.End
	if !r.Date.IsZero() {
		start, end = r.Date, r.Date
	}
	if start.IsZero() && end.IsZero() {
		return true
	}
	if end.IsZero() {
		end = start
	}
	if start.IsZero() {
		start = end
	}
	if !since.IsZero() && end.LastDay().Before(since.FirstDay()) {
		return false
	}
	if !until.IsZero() && start.FirstDay().After(until.LastDay()) {
		return false
	}
	return true
}

// OfficialNames returns the roles as "name(role)" strings using the graph's
// entity names.
func (g *Graph) OfficialNames(roles []Role) []string {
	var out []string
	for _, o := range roles {
		name := g.officialName(o)
		if o.Role != "" {
			var b strings.Builder
			b.WriteString(name)
			writeRole(&b, o.Role)
			name = b.String()
		}
		out = append(out, name)
	}
	return out
}

// officialName returns the name of the official o names: the entity's
// name, or the id when the graph has no such entity.
func (g *Graph) officialName(o Role) string {
	if e := g.Entity(o.Official); e != nil {
		return e.Name
	}
	return o.Official
}

// writeRole writes the role after an official's name.
func writeRole(b *strings.Builder, role string) {
	b.WriteByte('(')
	b.WriteString(role)
	b.WriteByte(')')
}

// Quotes returns the evidence quotes joined for a tooltip or cell.
func Quotes(ev []Evidence) string {
	var b strings.Builder
	b.Grow(quotesLen(ev))
	writeQuotes(&b, ev)
	return b.String()
}

// quotesLen is at least how many bytes writeQuotes writes for ev.
func quotesLen(ev []Evidence) int {
	n := 0
	for _, e := range ev {
		n += len(e.Source) + len(e.Quote) + len(e.Note) + 24
	}
	return n
}

// writeQuotes writes the evidence as Quotes joins it.
func writeQuotes(b *strings.Builder, ev []Evidence) {
	var extra [4]Attr
	for i := range ev {
		e := &ev[i]
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteByte('[')
		b.WriteString(e.Source)
		b.WriteString("] ")
		b.WriteString(e.Quote)
		if e.Inferred {
			b.WriteString(" (inferred")
			if e.Note != "" {
				b.WriteString(": ")
				b.WriteString(e.Note)
			}
			b.WriteString(")")
		}
		for _, x := range e.AppendExtra(extra[:0]) {
			b.WriteString(" (")
			b.WriteString(x.Key)
			b.WriteString(": ")
			b.WriteString(x.Value)
			b.WriteString(")")
		}
	}
}
