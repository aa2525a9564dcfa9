package kb

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

// Sentinel errors wrapped by every *Error, so callers can test with errors.Is.
var (
	ErrSyntax     = errors.New("syntax error")
	ErrUnknownKey = errors.New("unknown key")
	ErrType       = errors.New("wrong type")
	ErrMissing    = errors.New("missing value")
	ErrInvalid    = errors.New("invalid value")
	ErrDuplicate  = errors.New("duplicate id")
	ErrConflict   = errors.New("contradicting definitions")
	ErrCycle      = errors.New("part_of cycle")
	ErrEvidence   = errors.New("missing evidence")
	ErrQuote      = errors.New("quote not in source")
	ErrSource     = errors.New("source file unreadable")
	ErrLimit      = errors.New("input over limit")
)

// MaxErrors is how many problems one load lists. Past it problems are
// counted, not kept, so that a file that is nothing but errors loads in
// bounded memory and prints a bounded report.
const MaxErrors = 1000

// Error is a problem in a knowledge base at a position. It prints as
// file:line:col: message and unwraps to one of the sentinel errors.
type Error struct {
	Pos graph.Pos
	Msg string
	Err error
	// Omitted is, for the last error of a list cut at MaxErrors (which
	// has no position and wraps ErrLimit), how many problems were left out.
	Omitted int
}

func (e *Error) Error() string {
	if e.Pos.File == "" && e.Pos.Line == 0 {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in one run, in file, line, column order;
// past MaxErrors, the first MaxErrors found and, last, a count of the rest.
type ErrorList []*Error

// Count is how many problems the list reports: one per error, and those
// left out past MaxErrors.
func (l ErrorList) Count() int {
	n := 0
	for _, e := range l {
		n += max(e.Omitted, 1)
	}
	return n
}

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap gives errors.Is access to every error in the list.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// errs collects errors while loading: the first MaxErrors found, and a
// count of the rest.
type errs struct {
	list ErrorList
	more int
}

func (c *errs) add(pos graph.Pos, sentinel error, msg string) {
	if c.full() {
		c.more++
		return
	}
	c.list = append(c.list, &Error{Pos: pos, Msg: msg, Err: sentinel})
}

// full reports whether MaxErrors errors are kept: those found from now on
// are only counted, and what they are in need not be kept either.
func (c *errs) full() bool { return len(c.list) >= MaxErrors }

// err returns the sorted, de-duplicated list, or nil when it is empty.
func (c *errs) err() error {
	if len(c.list) == 0 {
		return nil
	}
	l := slices.Clone(c.list)
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	l = slices.CompactFunc(l, func(a, b *Error) bool { return a.Error() == b.Error() })
	if c.more > 0 {
		l = append(l, &Error{Msg: fmt.Sprintf("… and %d more problems (only the first %d found are listed)", c.more, MaxErrors),
			Err: ErrLimit, Omitted: c.more})
	}
	return l
}
