// Package gephi holds the conventions Gephi's importers share across the
// GEXF, GraphML and CSV writers: how a list of strings is written in one
// value, how a day is written, and how an XML document is written.
package gephi

import (
	"time"
	"unicode/utf8"
)

// List writes items as Gephi 0.9+ parses a liststring value: ["a", "b"], each
// item in double quotes with \ and " escaped by a backslash. Gephi, Gephi
// Lite (graphology-gexf) and the spreadsheet importer's liststring columns
// all read this form; a bare a,b or a|b form would split items that contain
// a comma or a bar.
func List(items []string) string { return string(AppendList(nil, items)) }

// AppendList appends items in List's form to b and returns the extended
// slice.
func AppendList(b []byte, items []string) []byte {
	b = append(b, '[')
	for i, s := range items {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '"')
		last := 0
		for j := 0; j < len(s); {
			switch c := s[j]; {
			case c == '"' || c == '\\':
				b = append(b, s[last:j]...)
				b = append(b, '\\', c)
				j++
				last = j
			case c < utf8.RuneSelf:
				j++
			default:
				r, width := utf8.DecodeRuneInString(s[j:])
				if r == utf8.RuneError && width == 1 {
					// Invalid UTF-8, written as U+FFFD.
					b = append(b, s[last:j]...)
					b = utf8.AppendRune(b, r)
					last = j + 1
				}
				j += width
			}
		}
		b = append(b, s[last:]...)
		b = append(b, '"')
	}
	return append(b, ']')
}

// Day writes t as YYYY-MM-DD, the form GEXF's timeformat="date" and the
// spreadsheet importer's Timeset read.
func Day(t time.Time) string { return t.Format(time.DateOnly) }
