package graph

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// The knowledge base's records, each key declared once: its name, how
// messages name its value, the one context where it may appear, and the
// raw record's field it fills, whose type says what the key holds (str: a
// string; []str: a list of strings; bool: true or false; string: a string
// kept as written, without checks; []rawEvidence, []rawRole, rawPlace: the
// records below). The YAML decoder (keys, "want one of" lists), the JSON
// Lines decoder (its record types are made from these), the attribute views
// (an evidence key with attr becomes a list attribute of the relation) and
// docs/keys.md (TestKeysDoc) all follow these declarations.

// field declares one key of the record R.
type field[R any] struct {
	key  string
	what string       // how messages name its value
	only string       // the one context (a place's "from") where it may appear; "" for any
	at   func(*R) any // the raw record's field that the key's value fills
	doc  string       // what it holds, for docs/keys.md

	// For evidence: the relation attribute listing the key's values, one
	// per piece of evidence, and where the value is in the Evidence.
	attr  string
	value func(*Evidence) string
	tip   bool // shown after the quote in tooltips (Quotes) and the viewer's panel

	// For a key of an agreement or link kept as written (a venue, say):
	// where the relation holds it, as the string attribute attr. Its raw
	// field is one of the record's kept values (at is left unset). The
	// builder copies it into every relation the record makes, fusion
	// compares it as a text (a value that is the other followed by an
	// addition refines it), and the attribute view gives it after value.
	rel func(*Relation) *string

	// For an entity's key kept as written (name_en, say): where the entity
	// holds it, as the string attribute attr. Its raw field is one of the
	// record's kept values. The builder copies it into the entity, reports
	// two definitions that differ and fills it from a later one that gives
	// it, and the attribute view gives it after jurisdiction.
	ent func(*Entity) *string
}

// maxKept is how many keys kept as written (rel) one record may declare.
const maxKept = 4

// keeper is a raw record that holds values kept as written.
type keeper interface{ keptVals() *[maxKept]str }

// record declares a kind of knowledge-base record.
type record[R any] struct {
	name   string // how messages name the record; "" for the context (a place: from, to)
	fields []field[R]
	keys   []string       // the keys that may appear in any context, in order
	js     reflect.Type   // the JSON Lines decoding of the record: one field per key
	index  map[string]int // key → index in fields
	kept   []int          // the indexes in fields of the keys kept as written (rel), in order
}

func newRecord[R any](name string, fields ...field[R]) *record[R] {
	r := &record[R]{name: name, fields: fields, index: map[string]int{}}
	for i, f := range fields {
		if f.rel != nil || f.ent != nil {
			k := len(r.kept)
			if k == maxKept {
				panic("graph: more than maxKept kept keys in " + name)
			}
			fields[i].at = func(r *R) any { return &any(r).(keeper).keptVals()[k] }
			r.kept = append(r.kept, i)
		}
		r.index[f.key] = i
		if f.only == "" {
			r.keys = append(r.keys, f.key)
		}
	}
	return r
}

// makeJSON makes the record's JSON Lines type, after those of the records
// it holds.
func (r *record[R]) makeJSON() {
	var sf []reflect.StructField
	for i, f := range r.fields {
		sf = append(sf, reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: jsonTypeOf(f.at(new(R))), Tag: reflect.StructTag(`json:"` + f.key + `"`)})
	}
	r.js = reflect.StructOf(sf)
}

func init() { // in the order the records hold one another
	evidenceRecord.makeJSON()
	roleRecord.makeJSON()
	placeRecord.makeJSON()
	sourceRecord.makeJSON()
	entityRecord.makeJSON()
	secondmentRecord.makeJSON()
	agreementRecord.makeJSON()
	linkRecord.makeJSON()
	makeJSONRecord()
}

// keysIn returns the keys that may appear in the context ctx, in order.
func (r *record[R]) keysIn(ctx string) []string {
	keys := r.keys
	for _, f := range r.fields {
		if f.only != "" && f.only == ctx {
			keys = append(keys[:len(keys):len(keys)], f.key)
		}
	}
	return keys
}

// named returns how messages name the record in the context ctx.
func (r *record[R]) named(ctx string) string {
	if r.name == "" {
		return ctx
	}
	return r.name
}

// what returns how messages name the value of f in the context ctx.
func (r *record[R]) what(f *field[R], ctx string) string {
	if r.name == "" {
		return ctx + " " + f.what
	}
	return f.what
}

// isText reports whether the raw field p holds a string: a str, or a
// string kept without its position.
func isText(p any) bool {
	switch p.(type) {
	case *str, *string:
		return true
	}
	return false
}

// setText sets the raw field p, which holds a string, to s.
func setText(p any, s str) {
	if t, ok := p.(*str); ok {
		*t = s
	} else {
		*p.(*string) = s.V
	}
}

// jsonTypeOf is the type a JSON Lines record decodes a key's value into, for
// the raw field p: pointers tell an absent value from an empty one.
func jsonTypeOf(p any) reflect.Type {
	switch p.(type) {
	case *str, *string:
		return reflect.TypeFor[*string]()
	case *[]str:
		return reflect.TypeFor[[]string]()
	case *bool:
		return reflect.TypeFor[*bool]()
	case *[]rawEvidence:
		return reflect.SliceOf(evidenceRecord.js)
	case *[]rawRole:
		return reflect.TypeFor[[]jsRole]()
	case *rawPlace:
		return reflect.PointerTo(placeRecord.js)
	}
	panic("graph: no JSON type for " + reflect.TypeOf(p).String())
}

// docType says what a raw field holds, for docs/keys.md.
func docType(p any) string {
	switch p.(type) {
	case *str, *string:
		return "string"
	case *[]str:
		return "list of strings"
	case *bool:
		return "true or false"
	case *[]rawEvidence:
		return "list of evidence"
	case *[]rawRole:
		return "list of officials' roles"
	case *rawPlace:
		return "place"
	}
	return reflect.TypeOf(p).String()
}

var (
	sourceRecord = newRecord("source",
		field[rawSource]{key: "id", what: "source id", at: func(r *rawSource) any { return &r.id }, doc: "the id evidence names it by"},
		field[rawSource]{key: "title", what: "source title", at: func(r *rawSource) any { return &r.title }, doc: "its title"},
		field[rawSource]{key: "publisher", what: "source publisher", at: func(r *rawSource) any { return &r.publisher }},
		field[rawSource]{key: "date", what: "source date", at: func(r *rawSource) any { return &r.date }, doc: "YYYY, YYYY-MM or YYYY-MM-DD"},
		field[rawSource]{key: "url", what: "source url", at: func(r *rawSource) any { return &r.url }, doc: "where it is published"},
		field[rawSource]{key: "file", what: "source file", at: func(r *rawSource) any { return &r.file }, doc: "its text, relative to the knowledge base; quotes are checked against it"},
	)
	entityRecord = newRecord("entity",
		field[rawEntity]{key: "id", what: "entity id", at: func(r *rawEntity) any { return &r.id }, doc: "lower-case letters and digits, joined by hyphens"},
		field[rawEntity]{key: "kind", what: "entity kind", at: func(r *rawEntity) any { return &r.kind }, doc: "official, body, company or organisation"},
		field[rawEntity]{key: "name", what: "entity name", at: func(r *rawEntity) any { return &r.name }, doc: "the name it is shown by"},
		field[rawEntity]{key: "name_en", what: "entity name_en", attr: "name_en", ent: func(e *Entity) *string { return &e.NameEn }, doc: "the English name (--lang en)"},
		field[rawEntity]{key: "full_name", what: "entity full_name", at: func(r *rawEntity) any { return &r.fullName }},
		field[rawEntity]{key: "aliases", what: "aliases", at: func(r *rawEntity) any { return &r.aliases }, doc: "other names references may use"},
		field[rawEntity]{key: "jurisdiction", what: "entity jurisdiction", at: func(r *rawEntity) any { return &r.jurisdiction }, doc: "beijing, hebei, tianjin, national, other or foreign"},
		field[rawEntity]{key: "parent", what: "entity parent", at: func(r *rawEntity) any { return &r.parent }, doc: "a reference to the body it belongs to"},
		field[rawEntity]{key: "note", what: "entity note", at: func(r *rawEntity) any { return &r.note }},
	)
	evidenceRecord = newRecord("evidence",
		field[rawEvidence]{key: "source", what: "evidence source", at: func(r *rawEvidence) any { return &r.source }, doc: "a source id",
			attr: "sources", value: func(e *Evidence) string { return e.Source }},
		field[rawEvidence]{key: "quote", what: "quote", at: func(r *rawEvidence) any { return &r.quote }, doc: "verbatim from the source's text",
			attr: "quotes", value: func(e *Evidence) string { return e.Quote }},
		field[rawEvidence]{key: "inferred", what: "inferred", at: func(r *rawEvidence) any { return &r.ev.Inferred }, doc: "the quote implies the fact rather than stating it"},
		field[rawEvidence]{key: "note", what: "evidence note", at: func(r *rawEvidence) any { return &r.ev.Note }, doc: "why the fact is inferred, or another remark"},
		field[rawEvidence]{key: "url", what: "evidence url", at: func(r *rawEvidence) any { return &r.ev.URL }, doc: "the quote's page",
			attr: "urls", value: func(e *Evidence) string { return e.URL }, tip: true},
	)
	roleRecord = newRecord("official's role",
		field[rawRole]{key: "official", what: "official", at: func(r *rawRole) any { return &r.official }, doc: "a reference to an official (the role may be given as this alone)"},
		field[rawRole]{key: "role", what: "role", at: func(r *rawRole) any { return &r.role }},
	)
	placeRecord = newRecord("", // named by its context, from or to
		field[rawPlace]{key: "body", what: "body", at: func(r *rawPlace) any { return &r.body }, doc: "a reference to a body"},
		field[rawPlace]{key: "post", what: "post", at: func(r *rawPlace) any { return &r.post }},
		field[rawPlace]{key: "evidence", only: "from", at: func(r *rawPlace) any { return &r.evidence }, doc: "the quotes behind the home post alone (from only)"},
	)
	secondmentRecord = newRecord("secondment",
		field[rawSecondment]{key: "official", what: "official", at: func(r *rawSecondment) any { return &r.official }, doc: "a reference to an official"},
		field[rawSecondment]{key: "from", what: "from", at: func(r *rawSecondment) any { return &r.from }, doc: "the home post"},
		field[rawSecondment]{key: "to", what: "to", at: func(r *rawSecondment) any { return &r.to }, doc: "the post seconded to"},
		field[rawSecondment]{key: "start", what: "start", at: func(r *rawSecondment) any { return &r.start }, doc: "YYYY, YYYY-MM or YYYY-MM-DD"},
		field[rawSecondment]{key: "end", what: "end", at: func(r *rawSecondment) any { return &r.end }, doc: "YYYY, YYYY-MM or YYYY-MM-DD"},
		field[rawSecondment]{key: "note", what: "note", at: func(r *rawSecondment) any { return &r.note }},
		field[rawSecondment]{key: "disputed", what: "disputed", at: func(r *rawSecondment) any { return &r.disputed }, doc: "keys whose values the sources dispute"},
		field[rawSecondment]{key: "evidence", at: func(r *rawSecondment) any { return &r.evidence }, doc: "one or more"},
	)
	agreementRecord = newRecord("agreement",
		field[rawAgreement]{key: "id", what: "agreement id", at: func(r *rawAgreement) any { return &r.id }},
		field[rawAgreement]{key: "title", what: "agreement title", at: func(r *rawAgreement) any { return &r.title }},
		field[rawAgreement]{key: "parties", what: "parties", at: func(r *rawAgreement) any { return &r.parties }, doc: "references to two or more bodies"},
		field[rawAgreement]{key: "status", what: "agreement status", at: func(r *rawAgreement) any { return &r.status }, doc: "signed, framework, consensus or intent"},
		field[rawAgreement]{key: "date", what: "agreement date", at: func(r *rawAgreement) any { return &r.date }},
		field[rawAgreement]{key: "value", what: "agreement value", attr: "value", rel: func(r *Relation) *string { return &r.Value }},
		field[rawAgreement]{key: "venue", what: "agreement venue", attr: "venue", rel: func(r *Relation) *string { return &r.Venue }},
		field[rawAgreement]{key: "officials", at: func(r *rawAgreement) any { return &r.officials }, doc: "the officials who took part"},
		field[rawAgreement]{key: "note", what: "agreement note", at: func(r *rawAgreement) any { return &r.note }},
		field[rawAgreement]{key: "disputed", what: "disputed", at: func(r *rawAgreement) any { return &r.disputed }, doc: "keys whose values the sources dispute"},
		field[rawAgreement]{key: "evidence", at: func(r *rawAgreement) any { return &r.evidence }, doc: "one or more"},
	)
	linkRecord = newRecord("link",
		field[rawLink]{key: "kind", what: "link kind", at: func(r *rawLink) any { return &r.kind }, doc: "any lower-case word"},
		field[rawLink]{key: "from", what: "link from", at: func(r *rawLink) any { return &r.from }, doc: "a reference"},
		field[rawLink]{key: "to", what: "link to", at: func(r *rawLink) any { return &r.to }, doc: "a reference"},
		field[rawLink]{key: "date", what: "link date", at: func(r *rawLink) any { return &r.date }},
		field[rawLink]{key: "title", what: "link title", at: func(r *rawLink) any { return &r.title }},
		field[rawLink]{key: "venue", what: "link venue", attr: "venue", rel: func(r *Relation) *string { return &r.Venue }},
		field[rawLink]{key: "place", what: "link place", attr: "place", rel: func(r *Relation) *string { return &r.Place }, doc: "where it took place (a city, a building), as written"},
		field[rawLink]{key: "officials", at: func(r *rawLink) any { return &r.officials }, doc: "the officials who took part"},
		field[rawLink]{key: "note", what: "link note", at: func(r *rawLink) any { return &r.note }},
		field[rawLink]{key: "disputed", what: "disputed", at: func(r *rawLink) any { return &r.disputed }, doc: "keys whose values the sources dispute"},
		field[rawLink]{key: "evidence", at: func(r *rawLink) any { return &r.evidence }, doc: "one or more"},
	)
)

// evidenceAttrs declares the relation attributes that list a value of each
// piece of evidence, in declaration order.
var evidenceAttrs = func() []AttrDef {
	var out []AttrDef
	for _, f := range evidenceRecord.fields {
		if f.attr != "" {
			out = append(out, AttrDef{f.attr, AttrStrings})
		}
	}
	return out
}()

// keptAttr is a relation attribute that keys kept as written give.
type keptAttr struct {
	AttrDef
	rel func(*Relation) *string
}

// keptAttrs declares the relation attributes of the keys kept as written,
// each once (an agreement's and a link's venue are one attribute), in
// declaration order: agreements' first, then links'.
var keptAttrs = func() []keptAttr {
	var out []keptAttr
	add := func(attr string, rel func(*Relation) *string) {
		if !slices.ContainsFunc(out, func(a keptAttr) bool { return a.Key == attr }) {
			out = append(out, keptAttr{AttrDef{attr, AttrString}, rel})
		}
	}
	for _, i := range agreementRecord.kept {
		add(agreementRecord.fields[i].attr, agreementRecord.fields[i].rel)
	}
	for _, i := range linkRecord.kept {
		add(linkRecord.fields[i].attr, linkRecord.fields[i].rel)
	}
	return out
}()

// isKept reports whether the relation attribute key is given by keys kept
// as written.
func isKept(key string) bool {
	return slices.ContainsFunc(keptAttrs, func(a keptAttr) bool { return a.Key == key })
}

// keptEntityDefs declares the entity attributes of the keys kept as
// written, in declaration order.
func keptEntityDefs() []AttrDef {
	var out []AttrDef
	for _, i := range entityRecord.kept {
		out = append(out, AttrDef{entityRecord.fields[i].attr, AttrString})
	}
	return out
}

// keptKeys returns the attributes of the record's keys kept as written, in
// order: fusion compares them.
func keptKeys[R any](r *record[R]) []string {
	var out []string
	for _, i := range r.kept {
		out = append(out, r.fields[i].attr)
	}
	return out
}

// keep copies the values kept as written of a raw record into r and
// appends their statements to vals, for fusion.
func keep[R any](rec *record[R], raw *[maxKept]str, r *Relation, vals []statement) []statement {
	for k, i := range rec.kept {
		f := &rec.fields[i]
		*f.rel(r) = raw[k].V
		vals = append(vals, statement{f.attr, raw[k].V, raw[k].Pos})
	}
	return vals
}

// IsEvidenceAttr reports whether the relation attribute key is made from
// the relation's evidence (its lists, such as sources and quotes, and the
// joined evidence), which a viewer that shows the evidence itself leaves
// out.
func IsEvidenceAttr(key string) bool {
	return key == "evidence" || slices.ContainsFunc(evidenceAttrs, func(d AttrDef) bool { return d.Key == key })
}

// Extra returns the evidence's values that tooltips and the viewer's panel
// show after its quote (a URL for the quote's page, say), by key; empty
// values are left out.
func (e *Evidence) Extra() []Attr { return e.appendExtra(nil) }

func (e *Evidence) appendExtra(dst []Attr) []Attr {
	for _, f := range evidenceRecord.fields {
		if f.tip {
			if v := f.value(e); v != "" {
				dst = append(dst, Attr{AttrDef: AttrDef{f.key, AttrString}, Value: v})
			}
		}
	}
	return dst
}

// keysDoc writes the declared keys of every record as Markdown, for
// docs/keys.md.
func keysDoc() string {
	var b strings.Builder
	b.WriteString("# Knowledge-base keys\n\nGenerated from graph/fields.go by `go test ./graph -run TestKeysDoc -update`; do not edit.\n")
	section(&b, sourceRecord.name, sourceRecord)
	section(&b, entityRecord.name, entityRecord)
	section(&b, secondmentRecord.name, secondmentRecord)
	section(&b, "place (from, to)", placeRecord)
	section(&b, agreementRecord.name, agreementRecord)
	section(&b, linkRecord.name, linkRecord)
	section(&b, roleRecord.name, roleRecord)
	section(&b, evidenceRecord.name, evidenceRecord)
	return b.String()
}

func section[R any](b *strings.Builder, title string, r *record[R]) {
	b.WriteString("\n## " + title + "\n\n| key | holds | |\n|---|---|---|\n")
	for _, f := range r.fields {
		doc := f.doc
		if f.attr != "" && f.rel == nil && f.ent == nil { // an evidence list
			doc = strings.TrimPrefix(doc+"; listed in the relation attribute `"+f.attr+"`", "; ")
		}
		b.WriteString("| `" + f.key + "` | " + docType(f.at(new(R))) + " | " + doc + " |\n")
	}
}
