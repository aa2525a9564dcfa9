package graph

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// When two relations state the same fact, and how two values of one
// attribute relate: the rules by which the knowledge-base loader fuses
// statements, and by which other tools (guazhi diff, the extractor's --kb)
// match relations without restating them.

// Refinement is how two stated values of one attribute relate.
type Refinement int

const (
	Agree    Refinement = iota // equal, or one is absent
	Finer                      // the first refines the second
	Coarser                    // the second refines the first
	Conflict                   // they disagree
)

// Relate says how value a of the relation attribute key relates to value
// c: equal or one absent, one refining the other (a date inside the
// other's period, a post holding all of the other's parts and more, a text
// kept as written that is the other followed by an addition), or in
// conflict.
func Relate(key, a, c string) Refinement {
	switch {
	case a == c || a == "" || c == "":
		return Agree
	case key == "start" || key == "end" || key == "date":
		x, _ := ParseDate(a)
		y, _ := ParseDate(c)
		return refines(x, y, within)
	case key == "post" || key == "from_post":
		return refines(postParts(a), postParts(c), includes)
	case RelationText(key) != nil:
		return refines(a, c, extends)
	}
	return Conflict
}

// refines says how two different values x and y relate when in(x, y)
// reports whether x refines y.
func refines[T any](x, y T, in func(x, y T) bool) Refinement {
	switch {
	case in(x, y):
		return Finer
	case in(y, x):
		return Coarser
	}
	return Conflict
}

// Compatible reports whether two stated values of the attribute key of a
// relation (post, from_post, start, end, date, value, venue) agree: they
// are equal, one is absent, or one refines the other. Other tools (the
// extractor's --kb) ask it rather than restate the rule.
func Compatible(key, a, b string) bool { return Relate(key, a, b) != Conflict }

// extends reports whether text x is text y followed by an addition set off
// by a bracket or punctuation: 总投资17亿元(固安县两处园区) extends 总投资17亿元,
// but 11亿元 does not extend 1亿元.
func extends(x, y string) bool {
	rest, ok := strings.CutPrefix(x, y)
	if !ok || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune("(\uff08,\uff0c;\uff1b\u3001 [\u3010", r)
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

// SameFact reports whether relations a and b, of one knowledge base or of
// two, state the same fact by the rule of fusion that package kb states. The caller has
// matched their kind and ends. An agreement relation joins one pair of
// parties, not all of them: sameParties reports whether the two agreements
// have the same parties, and is called only when their ids differ. Other
// tools (guazhi diff) ask it rather than restate the rule.
func SameFact(a, b *Relation, sameParties func() bool) bool {
	switch b.Kind {
	case Secondment:
		return a.Start.IsZero() || b.Start.IsZero() ||
			!((!a.End.IsZero() && a.End.LastDay().Before(b.Start.FirstDay())) || (!b.End.IsZero() && b.End.LastDay().Before(a.Start.FirstDay())))
	case Post:
		return Relate("post", a.Post, b.Post) != Conflict
	case Agreement:
		if a.Agreement == b.Agreement {
			return true
		}
		return !a.Date.IsZero() && !b.Date.IsZero() && Relate("date", a.Date.String(), b.Date.String()) != Conflict &&
			Relate("title", a.Title, b.Title) == Agree && sameParties()
	case PartOf:
		return true
	}
	return Relate("date", a.Date.String(), b.Date.String()) != Conflict && Relate("title", a.Title, b.Title) == Agree
}
