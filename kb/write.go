package kb

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Writing knowledge bases as YAML, in the block style a curator uses
// (see kb/data/jingji-2015.yaml): AppendField for a file's name and title,
// AppendItem for each record of its lists. The keys and their order are
// the records' in schema.go, so a key fields.go declares is written as
// soon as a writer fills it. Record by record, so that a writer can split
// a knowledge base into files of bounded size.

// AppendField appends "key: value" as a top-level line, unless value is
// empty.
func AppendField(dst []byte, key, value string) []byte {
	if value == "" {
		return dst
	}
	return appendKV(dst, "", key, value)
}

// AppendItem appends rec (a Source, Entity, Secondment, Agreement or Link,
// or a pointer to one) as an item of its list: "  - " and its first key,
// then its other non-empty keys, each on a line of its own.
func AppendItem(dst []byte, rec any) []byte {
	v := reflect.Indirect(reflect.ValueOf(rec))
	first := true
	eachKey(v, func(key string, f reflect.Value) {
		indent := "    "
		if first {
			dst = append(dst, "  - "...)
			indent, first = "", false
		}
		dst = appendValue(dst, indent, key, f)
	})
	return dst
}

// eachKey calls do for each key of the record v whose value is not empty,
// in order.
func eachKey(v reflect.Value, do func(key string, f reflect.Value)) {
	t := v.Type()
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if f := v.Field(i); !f.IsZero() && !(f.Kind() == reflect.Slice && f.Len() == 0) {
			do(key, f)
		}
	}
}

// appendValue appends one key of a record: a string as a scalar, true, a
// list of strings in the flow style, a place in the flow style unless it
// holds evidence, and roles and evidence as block lists.
func appendValue(dst []byte, indent, key string, f reflect.Value) []byte {
	switch x := f.Interface().(type) {
	case string:
		return appendKV(dst, indent, key, x)
	case bool:
		return append(append(append(dst, indent...), key...), ": true\n"...)
	case []string:
		dst = append(append(append(dst, indent...), key...), ": ["...)
		for i, s := range x {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendScalar(dst, s)
		}
		return append(dst, "]\n"...)
	case Place:
		if len(x.Evidence) == 0 {
			return append(appendFlow(append(append(append(dst, indent...), key...), ": "...), reflect.ValueOf(x)), '\n')
		}
		dst = append(append(append(dst, indent...), key...), ":\n"...)
		eachKey(reflect.ValueOf(x), func(k string, v reflect.Value) { dst = appendValue(dst, indent+"  ", k, v) })
		return dst
	case []Role:
		dst = append(append(append(dst, indent...), key...), ":\n"...)
		for _, r := range x {
			dst = append(appendFlow(append(append(dst, indent...), "  - "...), reflect.ValueOf(r)), '\n')
		}
		return dst
	case []Evidence:
		dst = append(append(append(dst, indent...), key...), ":\n"...)
		for _, e := range x {
			first := true
			eachKey(reflect.ValueOf(e), func(k string, v reflect.Value) {
				in := indent + "    "
				if first {
					dst = append(dst, indent+"  - "...)
					in, first = "", false
				}
				dst = appendValue(dst, in, k, v)
			})
		}
		return dst
	}
	panic("kb: cannot write a " + f.Type().String())
}

// appendFlow appends a record of strings in the flow style: {body: …, post: …}.
func appendFlow(dst []byte, v reflect.Value) []byte {
	dst = append(dst, '{')
	n := 0
	eachKey(v, func(key string, f reflect.Value) {
		s, ok := f.Interface().(string)
		if !ok {
			return
		}
		if n > 0 {
			dst = append(dst, ", "...)
		}
		n++
		dst = appendScalar(append(append(dst, key...), ": "...), s)
	})
	return append(dst, '}')
}

func appendKV(dst []byte, indent, key, value string) []byte {
	dst = append(append(append(dst, indent...), key...), ": "...)
	return append(appendScalar(dst, value), '\n')
}

// appendScalar appends s as a YAML scalar: plain when that reads back as
// the same string, else double-quoted (a JSON string is a valid YAML one).
func appendScalar(dst []byte, s string) []byte {
	if plain(s) {
		return append(dst, s...)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // cannot fail for a string
	return append(dst, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
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
