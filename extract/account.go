package extract

import (
	"github.com/guazhi/guazhi/diff"
	"github.com/guazhi/guazhi/graph"
)

// Account counts the draft as `guazhi check` and `guazhi diff` count its
// merge with the knowledge base: merged is the knowledge base and the
// draft loaded together, kb the knowledge base alone. A relation the
// merge adds is new; one whose fields the draft refines (a finer date, a
// fuller post) is refined; one the draft only quotes again is confirmed.
// A draft that contradicts the knowledge base does not load with it: the
// load's errors say where. Account sets the Summary's WithKB, Accounted,
// New, Refined, Confirmed, NewEntities and Totals.
func (s *Summary) Account(kb, merged *graph.Graph) {
	s.WithKB, s.Accounted = true, true
	s.New, s.Refined, s.Confirmed, s.Conflicting, s.NewEntities = 0, 0, 0, 0, 0
	s.Totals = [2][2]int{{len(kb.Entities), len(kb.Relations)}, {len(merged.Entities), len(merged.Relations)}}
	for _, c := range diff.Compare(kb, merged).Changes {
		entity := c.Kind == graph.Official || c.Kind == graph.Body || c.Kind == graph.Company || c.Kind == graph.Organisation
		switch {
		case c.Kind == "source":
		case entity:
			if c.Op == diff.Added {
				s.NewEntities++
			}
		case c.Op == diff.Added:
			s.New++
		case c.Op == diff.Changed:
			s.Refined++
		case c.Op == diff.Resourced:
			s.Confirmed++
		}
	}
}
