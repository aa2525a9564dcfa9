package graph

import (
	"errors"
	"fmt"
	"testing"
	"testing/fstest"
)

// describe flattens a graph into comparable text.
func describe(g *Graph) []string {
	var out []string
	for _, e := range g.Entities {
		out = append(out, fmt.Sprintf("%+v", *e))
	}
	for _, r := range g.Relations {
		c := *r
		c.Pos = Pos{}
		c.Evidence = nil
		out = append(out, fmt.Sprintf("%+v", c))
		for _, ev := range r.Evidence {
			ev.Pos = Pos{}
			out = append(out, fmt.Sprintf("  %+v", ev))
		}
	}
	return out
}

// TestJSONLMatchesYAML loads the same knowledge base written as YAML and as
// JSON Lines and finds the same graph.
func TestJSONLMatchesYAML(t *testing.T) {
	y := loadBasic(t)
	j, err := Load(osReader{}, "../testdata/basic/kb.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	a, b := describe(y), describe(j)
	if len(a) != len(b) {
		t.Fatalf("YAML gives %d items, JSON Lines %d", len(a), len(b))
	}
	for i := range a {
		// Entity positions differ by format; compare the rest.
		if a[i] != b[i] && !samePosOnly(y, j, i) {
			t.Errorf("item %d:\nYAML  %s\nJSONL %s", i, a[i], b[i])
		}
	}
}

func samePosOnly(y, j *Graph, i int) bool {
	if i >= len(y.Entities) {
		return false
	}
	a, b := *y.Entities[i], *j.Entities[i]
	a.Pos, b.Pos = Pos{}, Pos{}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

func TestJSONLErrors(t *testing.T) {
	const src = `{"source": {"id": "s", "title": "T", "file": "s.txt"}}
{"entity": {"id": "a", "kind": "official", "name": "甲"}}
{"entity": {"id": "b", "kind": "body", "name": "乙市"}}
`
	for _, c := range []struct {
		name, line string
		sentinel   error
		want       string
	}{
		{"syntax", `{"entity": {"id": "c",}}`, ErrSyntax, "kb.jsonl:4:23: JSON: invalid character '}' looking for beginning of object key string"},
		{"unknown key", `{"entity": {"id": "c", "nmae": "丙"}}`, ErrSyntax, `kb.jsonl:4:1: unknown key "nmae"`},
		{"wrong type", `{"entity": {"id": 7}}`, ErrSyntax, "kb.jsonl:4:19: JSON: entity.id must be a string, not number"},
		{"two records", `{"entity": {"id": "c", "kind": "body", "name": "丙"}, "link": {}}`, ErrInvalid,
			"kb.jsonl:4:1: a line must hold exactly one of: name, title and uses, source, entity, secondment, agreement, link"},
		{"two values", `{"name": "x"} {"title": "y"}`, ErrSyntax, "kb.jsonl:4:15: JSON: more than one value on the line"},
		{"unknown ref", `{"secondment": {"official": "甲", "to": {"body": "丙"}, "evidence": [{"source": "s", "quote": "甲"}]}}`, ErrUnknownRef,
			`kb.jsonl:4:1: to.body "丙" is not an entity id, name or alias`},
		{"quote", `{"secondment": {"official": "甲", "to": {"body": "乙市"}, "evidence": [{"source": "s", "quote": "丁"}]}}`, ErrQuote,
			`kb.jsonl:4:1: quote is not verbatim in source s (s.txt): "丁" not found`},
		{"invalid UTF-8", "{\"entity\": {\"id\": \"\xff\"}}", ErrSyntax, "kb.jsonl:4:20: invalid UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := fstest.MapFS{"s.txt": {Data: []byte("甲乙")}}
			_, err := Parse(fs, Input{Name: "kb.jsonl", Data: []byte(src + c.line + "\n")})
			if err == nil || err.Error() != c.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, c.want)
			}
			if !errors.Is(err, c.sentinel) {
				t.Errorf("errors.Is(err, %v) is false", c.sentinel)
			}
		})
	}
}
