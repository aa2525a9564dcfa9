package synth

import "github.com/guazhi/guazhi/kb"

// The records of a generated knowledge base are the knowledge base's own
// (kb's schema.go, made from the keys it declares), so that the generator
// writes what the loader reads.
type (
	Source     = kb.Source
	Entity     = kb.Entity
	Evidence   = kb.Evidence
	Role       = kb.Role
	Place      = kb.Place
	Secondment = kb.Secondment
	Agreement  = kb.Agreement
	Link       = kb.Link
)

// KB is a generated knowledge base: its records, and the text of each
// source, which holds every quote that cites it.
type KB struct {
	kb.File
	Texts []string // by source, in the order of Sources
}

// Relations is how many relations the graph built from kb has: a
// secondment and a home post per secondment, one per pair of an
// agreement's parties, one per link and one per entity with a parent.
func (base *KB) Relations() int {
	n := 2 * len(base.Secondments)
	for _, a := range base.Agreements {
		n += len(a.Parties) * (len(a.Parties) - 1) / 2
	}
	n += len(base.Links)
	for _, e := range base.Entities {
		if e.Parent != "" {
			n++
		}
	}
	return n
}
