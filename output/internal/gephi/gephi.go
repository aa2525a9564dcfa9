// Package gephi holds the conventions Gephi's importers share across the
// GEXF, GraphML and CSV writers: how a list of strings is written in one
// value, how a day is written, and how an XML document starts.
package gephi

import (
	"encoding/xml"
	"io"
	"strings"
	"time"
)

// List writes items as Gephi 0.9+ parses a liststring value: ["a", "b"], each
// item in double quotes with \ and " escaped by a backslash. Gephi, Gephi
// Lite (graphology-gexf) and the spreadsheet importer's liststring columns
// all read this form; a bare a,b or a|b form would split items that contain
// a comma or a bar.
func List(items []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('"')
		for _, c := range s {
			if c == '"' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteRune(c)
		}
		b.WriteByte('"')
	}
	b.WriteByte(']')
	return b.String()
}

// Day writes t as YYYY-MM-DD, the form GEXF's timeformat="date" and the
// spreadsheet importer's Timeset read.
func Day(t time.Time) string { return t.Format(time.DateOnly) }

// WriteXML writes v as an indented XML document that starts with the UTF-8
// declaration Gephi's GEXF and GraphML importers expect, and ends in a
// newline.
func WriteXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
