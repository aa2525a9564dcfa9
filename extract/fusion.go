package extract

import (
	"slices"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// Against a knowledge base (Options.KB), each drafted fact is new, confirms
// a fact the KB holds (the draft then states the same fact with the same
// ids, so that the new source becomes added evidence for it when the draft
// is loaded with the KB), or conflicts with one. Outlets misspell names: an
// official the KB does not know whose name differs by one character from a
// known official with the same post and body is reported for review, never
// merged and never silently new.

// standing is how a drafted fact stands against the KB.
type standing int

const (
	factNew standing = iota
	factConfirmed
	factConflicting
)

// compareKB classifies the drafted facts and finds possible misspellings.
func (d *drafter) compareKB(kb *graph.Graph) {
	if kb == nil {
		return
	}
	bySec := map[string][]*graph.Relation{} // official id → its secondments
	agrParties := map[string][]string{}     // agreement id → party ids
	var agrOrder []string
	links := map[[3]string]bool{}
	for _, r := range kb.Relations {
		switch r.Kind {
		case graph.Secondment:
			bySec[r.From] = append(bySec[r.From], r)
		case graph.Agreement:
			if _, ok := agrParties[r.Agreement]; !ok {
				agrOrder = append(agrOrder, r.Agreement)
			}
			for _, p := range []string{r.From, r.To} {
				if !slices.Contains(agrParties[r.Agreement], p) {
					agrParties[r.Agreement] = append(agrParties[r.Agreement], p)
				}
			}
		case graph.Post, graph.PartOf:
		default:
			links[[3]string{r.Kind, r.From, r.To}] = true
		}
	}
	for _, s := range d.secs {
		s.standing = factNew
		for _, k := range bySec[s.official.id] {
			switch {
			case k.To == s.to.body.id && !overlap(k.Start, k.End, s.start, s.end):
				// Another secondment to the same body, at another time.
			case k.To == s.to.body.id && graph.Compatible("post", k.Post, s.to.post):
				// The same post, or one refining the other (市委常委、副市长 refines 副市长).
				s.standing, s.standingNote = factConfirmed, ""
			case s.standing != factConfirmed:
				s.standing = factConflicting
				s.standingNote = "the knowledge base has " + s.official.name + " seconded to " + kbName(kb, k.To) + " " + k.Post
			}
			if s.standing == factConfirmed {
				break
			}
		}
		if s.standing == factNew && s.official.kb == nil {
			d.possibleMatch(kb, s, bySec)
		}
	}
	for _, a := range d.agrs {
		var ids []string
		for _, p := range a.parties {
			ids = append(ids, p.id)
		}
		for _, id := range agrOrder {
			if sameSet(ids, agrParties[id]) {
				a.standing = factConfirmed
				break
			}
		}
	}
	for _, l := range d.lnks {
		if links[[3]string{l.kind, l.from.id, l.to.id}] {
			l.standing = factConfirmed
		}
	}
}

func kbName(kb *graph.Graph, id string) string {
	if e := kb.Entity(id); e != nil {
		return e.Name
	}
	return id
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// possibleMatch reports a known official whose name differs from the
// drafted one by one character and whose secondment has the same host body
// and post, or the same home body and post.
func (d *drafter) possibleMatch(kb *graph.Graph, s *secondment, bySec map[string][]*graph.Relation) {
	for _, e := range kb.Entities {
		if e.Kind != graph.Official || !oneApart(e.Name, s.official.name) {
			continue
		}
		for _, k := range bySec[e.ID] {
			sameHost := k.To == s.to.body.id && k.Post == s.to.post
			sameHome := s.from.body != nil && k.FromBody == s.from.body.id && k.FromPost == s.from.post
			if !sameHost && !sameHome {
				continue
			}
			msg := "possible match: " + s.official.name + " may be " + e.Name + " (" + e.ID + ") of the knowledge base, " +
				"one character apart with the same post and body; review before merging"
			s.official.review = msg
			d.review = append(d.review, msg)
			return
		}
	}
}

// oneApart reports whether two names of the same length differ in exactly
// one character.
func oneApart(a, b string) bool {
	if a == b || utf8.RuneCountInString(a) != utf8.RuneCountInString(b) {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	diff := 0
	for i := range ra {
		if ra[i] != rb[i] {
			diff++
		}
	}
	return diff == 1
}

// standingCounts counts the drafted facts by standing.
func (d *drafter) standingCounts() (fresh, confirmed, conflicting int) {
	count := func(s standing) {
		switch s {
		case factConfirmed:
			confirmed++
		case factConflicting:
			conflicting++
		default:
			fresh++
		}
	}
	for _, s := range d.secs {
		count(s.standing)
	}
	for _, a := range d.agrs {
		count(a.standing)
	}
	for _, l := range d.lnks {
		count(l.standing)
	}
	return
}

// overlap reports whether two terms share a day, an unstated start or end
// reaching as far as it may.
func overlap(s1, e1, s2, e2 graph.Date) bool {
	before := func(end, start graph.Date) bool { // end is before start
		return !end.IsZero() && !start.IsZero() && end.LastDay().Before(start.FirstDay())
	}
	return !before(e1, s2) && !before(e2, s1)
}
