package graph

import (
	"slices"
	"strings"
)

// Relation kinds that tie officials to the agreements they are credited
// with, and agreements to their parties.
const (
	// Brokered runs from an official to what they brokered: in the graph
	// Load builds, to each party of the agreement (agreements as edges); in
	// AgreementNodes, to the agreement's node. Its Role is the official's
	// part as the source words it (推动, 首席操盘手, …).
	Brokered = "brokered"
	// Party runs from an agreement's node to each of its parties
	// (AgreementNodes only).
	Party = "party"
)

// fixedKinds lists the relation kinds with a fixed meaning, in their
// canonical order; links add kinds of their own.
var fixedKinds = []string{Secondment, Post, Agreement, Brokered, Party, PartOf}

// BrokeredFrom returns a Brokered relation from the official o, carrying
// the agreement's id, title, status, date and evidence from the agreement
// relation a; To is left for the caller.
func BrokeredFrom(a *Relation, o Role) *Relation {
	return &Relation{Kind: Brokered, From: o.Official, Directed: true, Role: o.Role, Agreement: a.Agreement,
		Title: a.Title, Status: a.Status, Date: a.Date, Officials: []Role{o}, Evidence: a.Evidence, Pos: a.Pos}
}

// AgreementNodes returns g with every agreement as a node of its own (kind
// "agreement", named by its title): a Party relation from it to each of its
// parties, carrying the agreement's status, date, value and evidence, and a
// Brokered relation to it from each official credited with it, carrying
// their role. The agreement edges between parties and the Brokered relations
// from officials to parties are replaced; everything else is kept. A graph
// already in this form is returned as it is.
//
// An agreement's node id is its agreement id, or, when an entity already
// has that id, the id prefixed with "agreement-" as often as it takes.
func (g *Graph) AgreementNodes() *Graph {
	if !slices.ContainsFunc(g.Relations, func(r *Relation) bool { return r.Kind == Agreement }) {
		return g
	}
	type deal struct {
		node    string
		first   *Relation // the first pair relation: the agreement's data
		parties []string
		brokers []Role
	}
	deals := map[string]*deal{}
	var order []*deal
	var rels []*Relation
	for _, r := range g.Relations {
		switch {
		case r.Kind == Agreement:
			d := deals[r.Agreement]
			if d == nil {
				d = &deal{first: r, brokers: r.Officials}
				deals[r.Agreement] = d
				order = append(order, d)
			}
			for _, p := range []string{r.From, r.To} {
				if !slices.Contains(d.parties, p) {
					d.parties = append(d.parties, p)
				}
			}
		case r.Kind == Brokered && r.Agreement != "":
			// Made again below, once per official and agreement.
		default:
			rels = append(rels, r)
		}
	}
	ents := slices.Clone(g.Entities)
	for _, d := range order {
		a := d.first
		id := a.Agreement
		for g.byID[id] != nil {
			id = "agreement-" + id
		}
		d.node = id
		ents = append(ents, &Entity{ID: id, Kind: Agreement, Name: a.Title, Note: a.Note, Sources: a.SourceIDs(), Pos: a.Pos})
		slices.Sort(d.parties)
		for _, p := range d.parties {
			rels = append(rels, &Relation{Kind: Party, From: id, To: p, Directed: true, Agreement: a.Agreement,
				Title: a.Title, Status: a.Status, Date: a.Date, Value: a.Value, Venue: a.Venue, Officials: a.Officials,
				Variants: a.Variants, Evidence: a.Evidence, Pos: a.Pos})
		}
		for _, o := range d.brokers {
			r := BrokeredFrom(a, o)
			r.To = id
			rels = append(rels, r)
		}
	}
	f := New(g.Name, g.Title, g.Sources, ents, rels)
	f.Filter = g.Filter
	return f
}

// Credits returns the evidence of r that credits the official with the
// given id: the quotes that name them (by name or alias); else those that
// word their part in it (a part of their role in r, as 促成 of 促成、见证);
// else all of r's evidence. An agreement's evidence is every credited
// official's: this is each one's own.
func (g *Graph) Credits(r *Relation, official string) []Evidence {
	var names, parts []string
	if e := g.Entity(official); e != nil {
		names = append([]string{e.Name}, e.Aliases...)
	}
	for _, o := range r.Officials {
		if o.Official == official && o.Role != "" {
			parts = append(parts, strings.FieldsFunc(o.Role, func(c rune) bool { return strings.ContainsRune("、,,;; ", c) })...)
		}
	}
	for _, words := range [][]string{names, parts} {
		var out []Evidence
		for _, ev := range r.Evidence {
			if slices.ContainsFunc(words, func(w string) bool { return w != "" && strings.Contains(ev.Quote, w) }) {
				out = append(out, ev)
			}
		}
		if out != nil {
			return out
		}
	}
	return r.Evidence
}

// IsFixedKind reports whether kind is a relation kind with a fixed meaning
// (secondment, post, agreement, brokered, party, part_of), which a link
// may not take.
func IsFixedKind(kind string) bool { return slices.Contains(fixedKinds, kind) }
