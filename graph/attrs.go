package graph

import (
	"fmt"
	"strconv"
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
}

// EdgeAttrs declares every attribute Graph.RelationAttrs can return, in
// order. Evidence appears three ways: the source ids and the quotes as
// parallel lists, and the whole evidence as one readable text (Quotes).
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
	{"sources", AttrStrings},
	{"quotes", AttrStrings},
	{"evidence", AttrString},
}

// attrs builds the non-empty attributes in the order of defs from values
// keyed by attribute key (string, []string, Date or bool).
func attrs(defs []AttrDef, values map[string]any) []Attr {
	var out []Attr
	for _, d := range defs {
		a := Attr{AttrDef: d}
		switch v := values[d.Key].(type) {
		case string:
			if v == "" {
				continue
			}
			a.Value = v
		case []string:
			if len(v) == 0 {
				continue
			}
			a.List = v
		case Date:
			if v.IsZero() {
				continue
			}
			a.Date, a.Value = v, v.String()
		case bool:
			a.Value = strconv.FormatBool(v)
		case nil:
			continue
		default:
			panic(fmt.Sprintf("graph: attribute %s has a value of type %T", d.Key, v))
		}
		out = append(out, a)
	}
	return out
}

// Attrs returns the entity's non-empty attributes in NodeAttrs order.
func (e *Entity) Attrs() []Attr {
	return attrs(NodeAttrs, map[string]any{
		"kind":         e.Kind,
		"jurisdiction": e.Jurisdiction,
		"name_en":      e.NameEn,
		"full_name":    e.FullName,
		"aliases":      e.Aliases,
		"parent":       e.Parent,
		"note":         e.Note,
	})
}

// RelationAttrs returns the relation's non-empty attributes in EdgeAttrs
// order; officials are given by name, as "name(role)".
func (g *Graph) RelationAttrs(r *Relation) []Attr {
	var sources, quotes []string
	for _, ev := range r.Evidence {
		sources = append(sources, ev.Source)
		quotes = append(quotes, ev.Quote)
	}
	return attrs(EdgeAttrs, map[string]any{
		"kind":      r.Kind,
		"directed":  r.Directed,
		"post":      r.Post,
		"from_body": r.FromBody,
		"from_post": r.FromPost,
		"start":     r.Start,
		"end":       r.End,
		"agreement": r.Agreement,
		"title":     r.Title,
		"status":    r.Status,
		"date":      r.Date,
		"value":     r.Value,
		"venue":     r.Venue,
		"officials": g.OfficialNames(r.Officials),
		"note":      r.Note,
		"sources":   sources,
		"quotes":    quotes,
		"evidence":  Quotes(r.Evidence),
	})
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
	ids := make([]string, len(g.Relations))
	seen := make(map[string]int, len(g.Relations))
	for i, r := range g.Relations {
		id := r.Kind + ":"
		if r.Agreement != "" {
			id += r.Agreement + ":"
		}
		id += r.From + ":" + r.To
		seen[id]++
		if n := seen[id]; n > 1 {
			id += ":" + strconv.Itoa(n)
		}
		ids[i] = id
	}
	return ids
}
