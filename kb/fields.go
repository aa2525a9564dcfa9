package kb

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

// The knowledge base's records, each key declared once: its name, how
// messages name its value, the one context where it may appear, and the
// raw record's field it fills, whose type says what the key holds (str: a
// string; []str: a list of strings; bool: true or false; string: a string
// kept as written, without checks; []rawEvidence, []rawRole, rawPlace: the
// records below). The YAML decoder (keys, "want one of" lists), the JSON
// Lines decoder (its record types are made from these), the attribute views
// (an evidence key with attr becomes a list attribute of the relation),
// the writers' records in schema.go (TestSchemaGo), which the generator and
// extract's drafts are made of, and docs/keys.md (TestKeysDoc) all follow
// these declarations. To add a key: its row here and the raw record's
// field (decode.go), then go test ./kb -update.

// field declares one key of the record R.
type field[R any] struct {
	key  string
	what string       // how messages name its value
	only string       // the one context (a place's "from") where it may appear; "" for any
	at   func(*R) any // the raw record's field that the key's value fills
	doc  string       // what it holds, for docs/keys.md
	// date: the key holds a date, which YAML may write bare (2015,
	// 2015-09-09: a number and a timestamp to YAML); any other string key
	// refuses a bare number or date, as JSON Lines does.
	date bool

	// attr names the graph's attribute the key fills (package graph
	// declares each): for evidence, the relation attribute listing the
	// key's values, one per piece of evidence (value gets it); for an
	// agreement's or link's key, a text the relation holds as written (a
	// venue, say: rel); for an entity's, a text it holds as written
	// (name_en: ent). A kept text's raw field is one of the record's kept
	// values (at is left unset): the builder copies it into every relation
	// or entity the record makes, fusion compares it as a text (a value
	// that is the other followed by an addition refines it), and two
	// definitions of an entity that give it differently are reported.
	attr  string
	value func(*graph.Evidence) string
	rel   func(*graph.Relation) *string
	ent   func(*graph.Entity) *string
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
		if f.attr != "" {
			switch any(new(R)).(type) {
			case *rawEvidence:
				fields[i].value = graph.EvidenceList(f.attr)
			case *rawEntity:
				fields[i].ent = graph.EntityText(f.attr)
			default:
				fields[i].rel = graph.RelationText(f.attr)
			}
			if fields[i].value == nil && fields[i].ent == nil && fields[i].rel == nil {
				panic("kb: " + name + " key " + f.key + ": the graph has no attribute " + f.attr)
			}
			f = fields[i]
		}
		if f.rel != nil || f.ent != nil {
			k := len(r.kept)
			if k == maxKept {
				panic("kb: more than maxKept kept keys in " + name)
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
	panic("kb: no JSON type for " + reflect.TypeOf(p).String())
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

// docKeys are a file's top-level keys, in order, each with the type a
// writer gives it (schema.go).
var docKeys = []struct{ key, typ string }{
	{"name", "string"}, {"title", "string"}, {"uses", "[]string"}, {"sources", "[]Source"}, {"entities", "[]Entity"},
	{"secondments", "[]Secondment"}, {"agreements", "[]Agreement"}, {"links", "[]Link"},
}

// topKeys returns the top-level keys.
func topKeys() []string {
	var out []string
	for _, k := range docKeys {
		out = append(out, k.key)
	}
	return out
}

var (
	sourceRecord = newRecord("source",
		field[rawSource]{key: "id", what: "source id", at: func(r *rawSource) any { return &r.id }, doc: "the id evidence names it by"},
		field[rawSource]{key: "title", what: "source title", at: func(r *rawSource) any { return &r.title }, doc: "its title"},
		field[rawSource]{key: "publisher", what: "source publisher", at: func(r *rawSource) any { return &r.publisher }},
		field[rawSource]{key: "date", what: "source date", date: true, at: func(r *rawSource) any { return &r.date }, doc: "YYYY, YYYY-MM or YYYY-MM-DD"},
		field[rawSource]{key: "url", what: "source url", at: func(r *rawSource) any { return &r.url }, doc: "where it is published"},
		field[rawSource]{key: "file", what: "source file", at: func(r *rawSource) any { return &r.file }, doc: "its text, relative to the knowledge base; quotes are checked against it"},
	)
	entityRecord = newRecord("entity",
		field[rawEntity]{key: "id", what: "entity id", at: func(r *rawEntity) any { return &r.id }, doc: "lower-case letters and digits, joined by hyphens"},
		field[rawEntity]{key: "kind", what: "entity kind", at: func(r *rawEntity) any { return &r.kind }, doc: "official, body, company or organisation"},
		field[rawEntity]{key: "name", what: "entity name", at: func(r *rawEntity) any { return &r.name }, doc: "the name it is shown by"},
		field[rawEntity]{key: "name_en", what: "entity name_en", attr: "name_en", doc: "the English name (--lang en)"},
		field[rawEntity]{key: "full_name", what: "entity full_name", at: func(r *rawEntity) any { return &r.fullName }},
		field[rawEntity]{key: "aliases", what: "aliases", at: func(r *rawEntity) any { return &r.aliases }, doc: "other names references may use"},
		field[rawEntity]{key: "jurisdiction", what: "entity jurisdiction", at: func(r *rawEntity) any { return &r.jurisdiction }, doc: "beijing, hebei, tianjin, national, other, foreign, or the id of another province (shanghai, yunnan, xinjiang, shaanxi …; internal/lexicon/provinces.tsv)"},
		field[rawEntity]{key: "parent", what: "entity parent", at: func(r *rawEntity) any { return &r.parent }, doc: "a reference to the body it belongs to"},
		field[rawEntity]{key: "note", what: "entity note", at: func(r *rawEntity) any { return &r.note }},
	)
	evidenceRecord = newRecord("evidence",
		field[rawEvidence]{key: "source", what: "evidence source", at: func(r *rawEvidence) any { return &r.source }, doc: "a source id",
			attr: "sources"},
		field[rawEvidence]{key: "quote", what: "quote", at: func(r *rawEvidence) any { return &r.quote }, doc: "verbatim from the source's text",
			attr: "quotes"},
		field[rawEvidence]{key: "inferred", what: "inferred", at: func(r *rawEvidence) any { return &r.ev.Inferred }, doc: "the quote implies the fact rather than stating it"},
		field[rawEvidence]{key: "note", what: "evidence note", at: func(r *rawEvidence) any { return &r.ev.Note }, doc: "why the fact is inferred, or another remark"},
		field[rawEvidence]{key: "url", what: "evidence url", at: func(r *rawEvidence) any { return &r.ev.URL }, doc: "the quote's page",
			attr: "urls"},
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
		field[rawSecondment]{key: "start", what: "start", date: true, at: func(r *rawSecondment) any { return &r.start }, doc: "YYYY, YYYY-MM or YYYY-MM-DD"},
		field[rawSecondment]{key: "end", what: "end", date: true, at: func(r *rawSecondment) any { return &r.end }, doc: "YYYY, YYYY-MM or YYYY-MM-DD"},
		field[rawSecondment]{key: "note", what: "note", at: func(r *rawSecondment) any { return &r.note }},
		field[rawSecondment]{key: "disputed", what: "disputed", at: func(r *rawSecondment) any { return &r.disputed }, doc: "keys whose values the sources dispute"},
		field[rawSecondment]{key: "evidence", at: func(r *rawSecondment) any { return &r.evidence }, doc: "one or more"},
	)
	agreementRecord = newRecord("agreement",
		field[rawAgreement]{key: "id", what: "agreement id", at: func(r *rawAgreement) any { return &r.id }},
		field[rawAgreement]{key: "title", what: "agreement title", at: func(r *rawAgreement) any { return &r.title }},
		field[rawAgreement]{key: "parties", what: "parties", at: func(r *rawAgreement) any { return &r.parties }, doc: "references to two or more bodies"},
		field[rawAgreement]{key: "status", what: "agreement status", at: func(r *rawAgreement) any { return &r.status }, doc: "signed, framework, consensus or intent"},
		field[rawAgreement]{key: "date", what: "agreement date", date: true, at: func(r *rawAgreement) any { return &r.date }},
		field[rawAgreement]{key: "value", what: "agreement value", attr: "value"},
		field[rawAgreement]{key: "venue", what: "agreement venue", attr: "venue"},
		field[rawAgreement]{key: "officials", at: func(r *rawAgreement) any { return &r.officials }, doc: "the officials who took part"},
		field[rawAgreement]{key: "note", what: "agreement note", at: func(r *rawAgreement) any { return &r.note }},
		field[rawAgreement]{key: "disputed", what: "disputed", at: func(r *rawAgreement) any { return &r.disputed }, doc: "keys whose values the sources dispute"},
		field[rawAgreement]{key: "evidence", at: func(r *rawAgreement) any { return &r.evidence }, doc: "one or more"},
	)
	linkRecord = newRecord("link",
		field[rawLink]{key: "kind", what: "link kind", at: func(r *rawLink) any { return &r.kind }, doc: "any lower-case word"},
		field[rawLink]{key: "from", what: "link from", at: func(r *rawLink) any { return &r.from }, doc: "a reference"},
		field[rawLink]{key: "to", what: "link to", at: func(r *rawLink) any { return &r.to }, doc: "a reference"},
		field[rawLink]{key: "date", what: "link date", date: true, at: func(r *rawLink) any { return &r.date }},
		field[rawLink]{key: "title", what: "link title", at: func(r *rawLink) any { return &r.title }},
		field[rawLink]{key: "venue", what: "link venue", attr: "venue"},
		field[rawLink]{key: "place", what: "link place", attr: "place", doc: "where it took place (a city, a building), as written"},
		field[rawLink]{key: "officials", at: func(r *rawLink) any { return &r.officials }, doc: "the officials who took part"},
		field[rawLink]{key: "note", what: "link note", at: func(r *rawLink) any { return &r.note }},
		field[rawLink]{key: "disputed", what: "disputed", at: func(r *rawLink) any { return &r.disputed }, doc: "keys whose values the sources dispute"},
		field[rawLink]{key: "evidence", at: func(r *rawLink) any { return &r.evidence }, doc: "one or more"},
	)
)

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
func keep[R any](rec *record[R], raw *[maxKept]str, r *graph.Relation, vals []statement) []statement {
	for k, i := range rec.kept {
		f := &rec.fields[i]
		*f.rel(r) = raw[k].V
		vals = append(vals, statement{f.attr, raw[k].V, raw[k].Pos})
	}
	return vals
}

// keysDoc writes the declared keys of every record as Markdown, for
// docs/keys.md.
func keysDoc() string {
	var b strings.Builder
	b.WriteString("# Knowledge-base keys\n\nGenerated from kb/fields.go by `go test ./kb -run TestKeysDoc -update`; do not edit.\n")
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
