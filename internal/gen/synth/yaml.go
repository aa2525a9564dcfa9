package synth

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// The YAML is written by hand, record by record, in the block style a
// curator uses (see kb/data/jingji-2015.yaml), so that a knowledge base
// can be split into files of bounded size and generating 100k officials
// takes seconds.

// scalar returns s as a YAML scalar: plain when that reads back as the same
// string, else double-quoted (a JSON string is a valid YAML one).
func scalar(s string) string {
	if plain(s) {
		return s
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // cannot fail for a string
	return strings.TrimSuffix(b.String(), "\n")
}

func plain(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~":
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.', r == '/', r == ' ':
		case r >= 0x80 && r != utf8.RuneError && r != 0x85 && r != 0x2028 && r != 0x2029 && r != 0xFEFF && r != 0xFFFE && r != 0xFFFF:
		default:
			return false
		}
	}
	return true
}

type emitter struct{ b []byte }

// kv writes "key: value" on a line of its own, indented, unless v is empty.
func (e *emitter) kv(indent, k, v string) {
	if v != "" {
		e.raw(indent, k, scalar(v))
	}
}

// raw writes "key: v" with v as it is.
func (e *emitter) raw(indent, k, v string) {
	e.b = append(e.b, indent...)
	e.b = append(e.b, k...)
	e.b = append(e.b, ": "...)
	e.b = append(e.b, v...)
	e.b = append(e.b, '\n')
}

// item starts a list item: "  - " and its first key.
func (e *emitter) item(k, v string) {
	e.b = append(e.b, "  - "...)
	e.b = append(e.b, k...)
	e.b = append(e.b, ": "...)
	e.b = append(e.b, scalar(v)...)
	e.b = append(e.b, '\n')
}

func (e *emitter) flowList(indent, k string, list []string) {
	if len(list) == 0 {
		return
	}
	e.b = append(e.b, indent...)
	e.b = append(e.b, k...)
	e.b = append(e.b, ": ["...)
	for i, s := range list {
		if i > 0 {
			e.b = append(e.b, ", "...)
		}
		e.b = append(e.b, scalar(s)...)
	}
	e.b = append(e.b, "]\n"...)
}

func (e *emitter) evidence(indent string, list []Evidence) {
	if len(list) == 0 {
		return
	}
	e.b = append(e.b, indent...)
	e.b = append(e.b, "evidence:\n"...)
	for _, ev := range list {
		e.b = append(e.b, indent...)
		e.b = append(e.b, "  - source: "...)
		e.b = append(e.b, scalar(ev.Source)...)
		e.b = append(e.b, '\n')
		e.kv(indent+"    ", "quote", ev.Quote)
		if ev.Inferred {
			e.raw(indent+"    ", "inferred", "true")
		}
		e.kv(indent+"    ", "note", ev.Note)
	}
}

func (e *emitter) roles(indent string, list []Role) {
	if len(list) == 0 {
		return
	}
	e.b = append(e.b, indent...)
	e.b = append(e.b, "officials:\n"...)
	for _, r := range list {
		e.b = append(e.b, indent...)
		e.b = append(e.b, "  - {official: "...)
		e.b = append(e.b, scalar(r.Official)...)
		if r.Role != "" {
			e.b = append(e.b, ", role: "...)
			e.b = append(e.b, scalar(r.Role)...)
		}
		e.b = append(e.b, "}\n"...)
	}
}

const in = "    " // the indentation of a list item's keys

func (e *emitter) source(s *Source) {
	e.item("id", s.ID)
	e.kv(in, "title", s.Title)
	e.kv(in, "publisher", s.Publisher)
	e.kv(in, "date", s.Date)
	e.kv(in, "file", s.File)
}

func (e *emitter) entity(x *Entity) {
	e.item("id", x.ID)
	e.kv(in, "kind", x.Kind)
	e.kv(in, "name", x.Name)
	e.kv(in, "name_en", x.NameEn)
	e.kv(in, "full_name", x.FullName)
	e.flowList(in, "aliases", x.Aliases)
	e.kv(in, "jurisdiction", x.Jurisdiction)
	e.kv(in, "parent", x.Parent)
}

func (e *emitter) place(k string, p *Place) {
	if len(p.Evidence) == 0 {
		e.b = append(e.b, in+k+": {body: "...)
		e.b = append(e.b, scalar(p.Body)...)
		if p.Post != "" {
			e.b = append(e.b, ", post: "...)
			e.b = append(e.b, scalar(p.Post)...)
		}
		e.b = append(e.b, "}\n"...)
		return
	}
	e.b = append(e.b, in+k+":\n"...)
	e.kv(in+"  ", "body", p.Body)
	e.kv(in+"  ", "post", p.Post)
	e.evidence(in+"  ", p.Evidence)
}

func (e *emitter) secondment(s *Secondment) {
	e.item("official", s.Official)
	e.place("from", &s.From)
	e.place("to", &s.To)
	e.kv(in, "start", s.Start)
	e.kv(in, "end", s.End)
	e.evidence(in, s.Evidence)
}

func (e *emitter) agreement(a *Agreement) {
	e.item("id", a.ID)
	e.kv(in, "title", a.Title)
	e.flowList(in, "parties", a.Parties)
	e.kv(in, "status", a.Status)
	e.kv(in, "date", a.Date)
	e.kv(in, "value", a.Value)
	e.kv(in, "venue", a.Venue)
	e.roles(in, a.Officials)
	e.evidence(in, a.Evidence)
}

func (e *emitter) link(l *Link) {
	e.item("kind", l.Kind)
	e.kv(in, "from", l.From)
	e.kv(in, "to", l.To)
	e.kv(in, "date", l.Date)
	e.kv(in, "title", l.Title)
	e.roles(in, l.Officials)
	e.evidence(in, l.Evidence)
}
