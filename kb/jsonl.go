package kb

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// MaxBulkSize bounds one JSON Lines file. JSON Lines decode into compact
// records one line at a time, at about ten bytes of memory per byte of
// input, so the bound can be far larger than MaxFileSize.
const MaxBulkSize = 1 << 30

// isJSONLines reports whether a file name is a JSON Lines knowledge base
// (.jsonl or .ndjson, in any case).
func isJSONLines(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".jsonl" || ext == ".ndjson"
}

// SizeLimit is the most bytes guazhi reads of the file name.
func SizeLimit(name string) int64 {
	if isJSONLines(name) {
		return MaxBulkSize
	}
	return MaxFileSize
}

// The JSON Lines records: the YAML schema's records, one per line, each
// line an object with one key that says what it holds:
//
//	{"name": "big", "title": "…"}
//	{"source": {"id": "s1", "title": "…", "file": "s1.txt"}}
//	{"entity": {"id": "a", "kind": "official", "name": "张三"}}
//	{"secondment": {"official": "a", "to": {"body": "b"}, "evidence": [...]}}
//	{"agreement": {...}}
//	{"link": {...}}
//
// The record types are made from the declarations in fields.go (see
// record.makeJSON); pointers tell an absent value from an empty one.
var jsRecordType reflect.Type

// The fields of jsRecordType: the header's keys, then one record each.
const (
	jsName = iota
	jsTitle
	jsUses
	jsSource
	jsEntity
	jsSecondment
	jsAgreement
	jsLink
)

func makeJSONRecord() {
	one := func(name string, t reflect.Type) reflect.StructField {
		return reflect.StructField{Name: "F" + name, Type: t, Tag: reflect.StructTag(`json:"` + name + `"`)}
	}
	jsRecordType = reflect.StructOf([]reflect.StructField{
		one("name", reflect.TypeFor[*string]()),
		one("title", reflect.TypeFor[*string]()),
		one("uses", reflect.TypeFor[[]string]()),
		one("source", reflect.PointerTo(sourceRecord.js)),
		one("entity", reflect.PointerTo(entityRecord.js)),
		one("secondment", reflect.PointerTo(secondmentRecord.js)),
		one("agreement", reflect.PointerTo(agreementRecord.js)),
		one("link", reflect.PointerTo(linkRecord.js)),
	})
}

// jsRole is an official's role in JSON Lines: an object, or as in YAML the
// bare reference.
type jsRole struct{ v reflect.Value } // a roleRecord.js

// UnmarshalJSON takes an official's role as an object or, as in YAML, as
// the bare reference.
func (r *jsRole) UnmarshalJSON(b []byte) error {
	r.v = reflect.New(roleRecord.js).Elem()
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		r.v.Field(roleRecord.index["official"]).Set(reflect.ValueOf(&s))
		return nil
	}
	return json.Unmarshal(b, r.v.Addr().Interface()) // unknown keys: see strict
}

// jsonlDecoder turns JSON Lines records into the raw records the YAML
// decoder makes, so both go through one builder. A value's position is its
// line and column 1: JSON Lines are made by programs, and the line names
// the record.
type jsonlDecoder struct {
	file string
	errs *errs
	pos  graph.Pos
	strict
}

func (d *jsonlDecoder) str(p *string, what string) str {
	if p == nil {
		return str{Pos: d.pos}
	}
	for i, r := range *p {
		if r == 0 || (r < 0x20 && r != '\n' && r != '\t' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
			d.errs.add(graph.Pos{File: d.file, Line: d.pos.Line, Col: d.pos.Col + i}, ErrInvalid,
				fmt.Sprintf("%s contains the control character %U, which XML cannot carry", what, r))
			break
		}
	}
	return str{V: *p, Pos: d.pos, ok: true}
}

func (d *jsonlDecoder) strs(list []string, what string) []str {
	out := make([]str, 0, len(list))
	for i := range list {
		out = append(out, d.str(&list[i], what))
	}
	return out
}

// jsonRecord fills r from v, a value of rec.js.
func jsonRecord[R any](d *jsonlDecoder, v reflect.Value, rec *record[R], ctx string, r *R) {
	for i := range rec.fields {
		f, fv := &rec.fields[i], v.Field(i)
		name := rec.what(f, ctx)
		p := f.at(r)
		if isText(p) {
			setText(p, d.str(fv.Interface().(*string), name))
			continue
		}
		switch p := p.(type) {
		case *[]str:
			*p = d.strs(*fv.Addr().Interface().(*[]string), name)
		case *bool:
			*p = !fv.IsNil() && fv.Elem().Bool()
		case *[]rawEvidence:
			*p = make([]rawEvidence, fv.Len())
			for j := range *p {
				(*p)[j].pos = d.pos
				jsonRecord(d, fv.Index(j), evidenceRecord, "", &(*p)[j])
			}
		case *[]rawRole:
			roles := *fv.Addr().Interface().(*[]jsRole)
			*p = make([]rawRole, len(roles))
			for j, role := range roles {
				(*p)[j].pos = d.pos
				jsonRecord(d, role.v, roleRecord, "", &(*p)[j])
			}
		case *rawPlace:
			*p = rawPlace{pos: d.pos}
			if !fv.IsNil() {
				p.ok = true
				jsonRecord(d, fv.Elem(), placeRecord, name, p)
			}
		}
	}
}

// decodeJSONL parses a JSON Lines knowledge base.
func decodeJSONL(file string, data []byte, e *errs) *rawDoc {
	if len(data) > MaxBulkSize {
		e.add(graph.Pos{File: file}, ErrLimit, fmt.Sprintf("file is %d bytes, over the limit of %d", len(data), MaxBulkSize))
		return nil
	}
	return decodeJSONLFrom(file, bytes.NewReader(data), e)
}

// decodeJSONLFrom parses a JSON Lines knowledge base as it reads it,
// holding one line at a time.
func decodeJSONLFrom(file string, r io.Reader, e *errs) *rawDoc {
	doc := &rawDoc{file: file}
	d := &jsonlDecoder{file: file, errs: e}
	lines := &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
	for n := 1; ; n++ {
		line, err := lines.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			e.add(graph.Pos{File: file}, ErrSource, "cannot read: "+unwrapPathError(err))
			return nil
		}
		if lines.read > MaxBulkSize {
			e.add(graph.Pos{File: file}, ErrLimit, fmt.Sprintf("file is more than %d bytes, over the limit", MaxBulkSize))
			return nil
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF")) // a byte-order mark, as YAML and JSON files may have
		}
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		d.pos = graph.Pos{File: file, Line: n, Col: 1}
		if !utf8.Valid(line) {
			col := 1
			for i := 0; i < len(line); {
				r, size := utf8.DecodeRune(line[i:])
				if r == utf8.RuneError && size <= 1 {
					col = utf8.RuneCount(line[:i]) + 1
					break
				}
				i += size
			}
			e.add(graph.Pos{File: file, Line: n, Col: col}, ErrSyntax, "invalid UTF-8")
			continue
		}
		// Unmarshal reads the line where it is; a json.Decoder would copy
		// it, and grow the copy to up to twice its size.
		rec := reflect.New(jsRecordType)
		if err := json.Unmarshal(line, rec.Interface()); err != nil {
			pos, msg := jsonError(d.pos, line, err)
			e.add(pos, ErrSyntax, msg)
			continue
		}
		if off, sentinel, msg := d.check(line); msg != "" {
			e.add(graph.Pos{File: file, Line: n, Col: utf8.RuneCount(line[:off]) + 1}, sentinel, msg)
			continue
		}
		if !e.full() { // past the cap the load fails anyway: keep nothing more
			d.record(doc, rec.Elem())
		}
	}
	return doc
}

// lineReader reads lines of any length, reusing its buffer.
type lineReader struct {
	r    *bufio.Reader
	long []byte // a line longer than r's buffer
	read int64  // bytes read so far
}

// next returns the next line without its line feed, valid until the next
// call, or io.EOF after the last.
func (l *lineReader) next() ([]byte, error) {
	if cap(l.long) > 4<<20 {
		l.long = nil // a long line's buffer is not kept for the lines after it
	}
	line, err := l.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		// The line in pieces, then in one slice made to its size: grown by
		// appending, it would leave some four times its size as garbage.
		pieces := [][]byte{bytes.Clone(line)}
		size := len(line)
		for err == bufio.ErrBufferFull && int64(size) <= MaxBulkSize {
			line, err = l.r.ReadSlice('\n')
			pieces = append(pieces, bytes.Clone(line))
			size += len(line)
		}
		if cap(l.long) < size {
			l.long = make([]byte, 0, size)
		}
		l.long = l.long[:0]
		for i, p := range pieces {
			l.long = append(l.long, p...)
			pieces[i] = nil
		}
		line = l.long
		if err == bufio.ErrBufferFull { // a line over the limit: the caller says so
			err = nil
		}
	}
	l.read += int64(len(line))
	switch {
	case err == io.EOF && len(line) > 0:
		err = nil
	case err != nil:
		return nil, err
	}
	return bytes.TrimSuffix(line, []byte("\n")), nil
}

// record files one decoded line, a jsRecordType, under its kind; a line
// must hold exactly one.
func (d *jsonlDecoder) record(doc *rawDoc, rec reflect.Value) {
	has := func(i int) bool { return !rec.Field(i).IsNil() }
	kinds := 0
	for _, h := range []bool{has(jsName) || has(jsTitle) || has(jsUses), has(jsSource), has(jsEntity),
		has(jsSecondment), has(jsAgreement), has(jsLink)} {
		if h {
			kinds++
		}
	}
	if kinds != 1 {
		d.errs.add(d.pos, ErrInvalid, "a line must hold exactly one of: name, title and uses, source, entity, secondment, agreement, link")
		return
	}
	for _, f := range []struct {
		key   string
		field int
		to    *str
	}{{"name", jsName, &doc.name}, {"title", jsTitle, &doc.title}} {
		v := rec.Field(f.field).Interface().(*string)
		switch {
		case v == nil:
		case f.to.ok:
			d.errs.add(d.pos, ErrDuplicate, fmt.Sprintf("%s given again: it is given at %s", f.key, f.to.Pos))
		default:
			*f.to = d.str(v, f.key)
		}
	}
	if has(jsUses) {
		doc.uses = append(doc.uses, d.strs(rec.Field(jsUses).Interface().([]string), "uses")...)
	}
	switch {
	case has(jsSource):
		doc.sources = append(doc.sources, jsonOne(d, rec.Field(jsSource), sourceRecord, &rawSource{pos: d.pos}))
	case has(jsEntity):
		doc.entities = append(doc.entities, jsonOne(d, rec.Field(jsEntity), entityRecord, &rawEntity{pos: d.pos}))
	case has(jsSecondment):
		doc.secondments = append(doc.secondments, jsonOne(d, rec.Field(jsSecondment), secondmentRecord, &rawSecondment{pos: d.pos}))
	case has(jsAgreement):
		doc.agreements = append(doc.agreements, jsonOne(d, rec.Field(jsAgreement), agreementRecord, &rawAgreement{pos: d.pos}))
	case has(jsLink):
		doc.links = append(doc.links, jsonOne(d, rec.Field(jsLink), linkRecord, &rawLink{pos: d.pos}))
	}
}

// jsonOne fills r from p, a pointer to a rec.js, and returns it.
func jsonOne[R any](d *jsonlDecoder, p reflect.Value, rec *record[R], r *R) *R {
	jsonRecord(d, p.Elem(), rec, "", r)
	return r
}

// jsonError places a JSON decoding error of line on it and words it.
func jsonError(p graph.Pos, line []byte, err error) (graph.Pos, string) {
	var se *json.SyntaxError
	if errors.As(err, &se) && strings.HasSuffix(se.Error(), "after top-level value") && se.Offset > 0 && int(se.Offset) <= len(line) {
		off := int(se.Offset) - 1
		p.Col = utf8.RuneCount(line[:off]) + 1
		if c := line[off]; c == '}' || c == ']' {
			return p, fmt.Sprintf("JSON: invalid character %q after the value", c)
		}
		return p, "JSON: more than one value on the line"
	}
	return jsonErrorPos(p, line, err), jsonErrorMsg(err)
}

// jsonErrorPos places a JSON decoding error on its line.
func jsonErrorPos(p graph.Pos, line []byte, err error) graph.Pos {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset - 1
	case errors.As(err, &te):
		off = te.Offset - 1
	}
	if off >= 0 && off <= int64(len(line)) {
		p.Col = utf8.RuneCount(line[:off]) + 1
	}
	return p
}

func jsonErrorMsg(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Sprintf("JSON: a line must be an object, not %s", te.Value)
		}
		return fmt.Sprintf("JSON: %s must be %s, not %s", te.Field, jsonType(te.Type.Kind().String()), te.Value)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.HasPrefix(msg, "unknown field ") {
		return "unknown key " + strings.TrimPrefix(msg, "unknown field ")
	}
	return "JSON: " + msg
}

func jsonType(kind string) string {
	switch kind {
	case "string", "ptr":
		return "a string"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	case "bool":
		return "true or false"
	}
	return kind
}

// strict finds in a line of valid JSON what encoding/json lets through but
// guazhi refuses in YAML and JSON knowledge bases: a key repeated in an
// object (encoding/json keeps the last), a key that names a field only
// when case is ignored ("Name", or "ſource" with a long s), a key that
// names no field of the record (json.Decoder's DisallowUnknownFields would
// say so too, but a Decoder copies the line), and a \u escape of a lone
// surrogate (encoding/json makes it U+FFFD). Its buffers are kept from
// line to line.
type strict struct {
	frames []frame
	keys   [][]byte // the keys of the open objects, innermost last
}

// frame is an open object or array, named for messages after the key
// whose value it is (or is in, for an object in a list); nil names the
// record itself.
type frame struct {
	object bool
	name   []byte
	keys   int          // where its keys start in strict.keys
	typ    reflect.Type // the struct (object) or slice (array) it decodes into; nil when not known
}

// jsonChild returns the type a value decodes into: the field key of the
// struct t (nil, false when it has none), or an element of the slice t;
// pointers followed, and an official's role as the record it holds.
func jsonChild(t reflect.Type, object bool, key []byte) (reflect.Type, bool) {
	if t == nil {
		return nil, true
	}
	var c reflect.Type
	switch {
	case object && t.Kind() == reflect.Struct:
		for i := 0; i < t.NumField() && c == nil; i++ {
			if string(t.Field(i).Tag.Get("json")) == string(key) {
				c = t.Field(i).Type
			}
		}
		if c == nil {
			return nil, false
		}
	case !object && t.Kind() == reflect.Slice:
		c = t.Elem()
	default:
		return nil, true
	}
	for c.Kind() == reflect.Pointer {
		c = c.Elem()
	}
	if c == reflect.TypeFor[jsRole]() {
		c = roleRecord.js
	}
	return c, true
}

// check returns the byte offset, sentinel and message of the first such
// problem in line, or an empty message.
func (c *strict) check(line []byte) (int, error, string) {
	c.frames, c.keys = c.frames[:0], c.keys[:0]
	var last []byte // the last key read
	expectKey := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '{', '[':
			var name []byte // a record
			typ := jsRecordType
			if n := len(c.frames); n > 0 {
				p := c.frames[n-1]
				name = last
				if !p.object {
					name = p.name
				}
				typ, _ = jsonChild(p.typ, p.object, last)
			}
			c.frames = append(c.frames, frame{object: line[i] == '{', name: name, keys: len(c.keys), typ: typ})
			expectKey = line[i] == '{'
		case '}', ']':
			f := c.frames[len(c.frames)-1]
			c.frames, c.keys = c.frames[:len(c.frames)-1], c.keys[:f.keys]
		case ',':
			expectKey = c.frames[len(c.frames)-1].object
		case '"':
			end, bad := stringEnd(line, i)
			if bad >= 0 {
				return bad, ErrSyntax, fmt.Sprintf("JSON: %s is half of a surrogate pair, not a character", line[bad:bad+6])
			}
			if expectKey {
				key := line[i+1 : end]
				if bytes.IndexByte(key, '\\') >= 0 {
					var s string
					json.Unmarshal(line[i:end+1], &s) // valid JSON: no error
					key = []byte(s)
				}
				for _, b := range key {
					if (b < 'a' || b > 'z') && b != '_' {
						return i, ErrUnknownKey, fmt.Sprintf("unknown key %q (keys are lower-case)", key)
					}
				}
				f := c.frames[len(c.frames)-1]
				if _, ok := jsonChild(f.typ, true, key); !ok {
					return i, ErrUnknownKey, fmt.Sprintf("unknown key %q", key)
				}
				for _, k := range c.keys[f.keys:] {
					if bytes.Equal(k, key) {
						in := "record"
						if f.name != nil {
							in = string(f.name)
						}
						return i, ErrDuplicate, fmt.Sprintf("key %q repeated in %s", key, in)
					}
				}
				c.keys = append(c.keys, key)
				last, expectKey = key, false
			}
			i = end
		}
	}
	return 0, nil, ""
}

// stringEnd returns the offset of the quote that ends the JSON string
// starting at line[start], and the offset of a \u escape of a lone
// surrogate in it (-1 when there is none).
func stringEnd(line []byte, start int) (end, bad int) {
	high := -1 // the offset of a high surrogate's escape awaiting its low half
	for i := start + 1; i < len(line); i++ {
		switch line[i] {
		case '"':
			if high >= 0 {
				return i, high
			}
			return i, -1
		case '\\':
			if line[i+1] != 'u' {
				if high >= 0 {
					return i, high
				}
				i++
				continue
			}
			v := 0
			for _, h := range line[i+2 : i+6] { // valid JSON: four hex digits
				v = v<<4 | int(hexDigit(h))
			}
			switch {
			case v >= 0xD800 && v < 0xDC00:
				if high >= 0 {
					return i, high
				}
				high = i
			case v >= 0xDC00 && v < 0xE000:
				if high < 0 {
					return i, i
				}
				high = -1
			default:
				if high >= 0 {
					return i, high
				}
			}
			i += 5
		default:
			if high >= 0 {
				return i, high
			}
		}
	}
	return len(line), high
}

func hexDigit(h byte) byte {
	switch {
	case h >= 'a':
		return h - 'a' + 10
	case h >= 'A':
		return h - 'A' + 10
	}
	return h - '0'
}
