package kb

import (
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/golden"
)

// TestKeysDoc keeps docs/keys.md, the key lists of the knowledge base,
// what kb/fields.go declares (-update writes it).
func TestKeysDoc(t *testing.T) {
	golden.Check(t, "../docs/keys.md", []byte(keysDoc()))
}

// TestEvidenceAttrs checks that every evidence key declared with an
// attribute gives it, in EdgeAttrs, between the relation's other attributes
// and its joined evidence, and that Extra gives the keys shown in tooltips.
func TestEvidenceAttrs(t *testing.T) {
	var keys []string
	for _, d := range graph.EdgeAttrs() {
		keys = append(keys, d.Key)
	}
	for _, f := range evidenceRecord.fields {
		if f.attr == "" {
			continue
		}
		i := indexOf(keys, f.attr)
		if i < 0 || i > indexOf(keys, "evidence") {
			t.Errorf("evidence key %s: attribute %s missing or after evidence in %v", f.key, f.attr, keys)
		}
	}
	var ev graph.Evidence
	if x := ev.Extra(); len(x) != 0 {
		t.Errorf("Extra of empty evidence = %v", x)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// TestEvidenceURL follows an evidence url from YAML and JSON Lines to the
// relation's attributes, the joined evidence and Extra.
func TestEvidenceURL(t *testing.T) {
	yaml := `sources: [{id: s1, title: T}]
entities: [{id: a, kind: body, name: 甲}, {id: b, kind: body, name: 乙}]
links:
  - {kind: meeting, from: a, to: b, evidence: [{source: s1, quote: 甲乙, url: "https://example.org/1"}, {source: s1, quote: 会}]}
`
	jsonl := `{"source": {"id": "s1", "title": "T"}}
{"entity": {"id": "a", "kind": "body", "name": "甲"}}
{"entity": {"id": "b", "kind": "body", "name": "乙"}}
{"link": {"kind": "meeting", "from": "a", "to": "b", "evidence": [{"source": "s1", "quote": "甲乙", "url": "https://example.org/1"}, {"source": "s1", "quote": "会"}]}}
`
	for _, in := range []Input{{Name: "kb.yaml", Data: []byte(yaml)}, {Name: "kb.jsonl", Data: []byte(jsonl)}} {
		g, err := Parse(nil, in)
		if err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
		r := g.Relations[0]
		var urls []string
		for _, a := range g.RelationAttrs(r) {
			if a.Key == "urls" {
				urls = a.List
			}
		}
		if len(urls) != 2 || urls[0] != "https://example.org/1" || urls[1] != "" {
			t.Errorf("%s: urls = %q, want the url and an empty value, parallel to quotes", in.Name, urls)
		}
		if q, want := graph.Quotes(r.Evidence), "[s1] 甲乙 (url: https://example.org/1)\n[s1] 会"; q != want {
			t.Errorf("%s: Quotes = %q, want %q", in.Name, q, want)
		}
		if x := r.Evidence[0].Extra(); len(x) != 1 || x[0].Key != "url" {
			t.Errorf("%s: Extra = %v", in.Name, x)
		}
	}
}

// TestUnknownEvidenceKey checks that the declaration gives the keys an
// unknown key's message lists, in YAML and JSON Lines.
func TestUnknownEvidenceKey(t *testing.T) {
	for _, in := range []Input{
		{Name: "kb.yaml", Data: []byte("sources: [{id: s1, title: T}]\nentities: [{id: a, kind: body, name: 甲}, {id: b, kind: body, name: 乙}]\n" +
			"links: [{kind: meeting, from: a, to: b, evidence: [{source: s1, quote: q, urls: x}]}]\n")},
		{Name: "kb.jsonl", Data: []byte(`{"link": {"kind": "meeting", "from": "a", "to": "b", "evidence": [{"source": "s1", "quote": "q", "urls": "x"}]}}` + "\n")},
	} {
		_, err := Parse(nil, in)
		want := `unknown key "urls" in evidence (want one of source, quote, inferred, note, url)`
		if in.Name == "kb.jsonl" {
			want = `unknown key "urls"`
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", in.Name, err, want)
		}
	}
}

// TestKeptAttrs checks that every agreement and link key kept as written
// gives one string attribute, in EdgeAttrs between date and officials, and
// that fusion compares it for its record's relations.
func TestKeptAttrs(t *testing.T) {
	var keys []string
	for _, d := range graph.EdgeAttrs() {
		keys = append(keys, d.Key)
	}
	check := func(kind, key, attr string) {
		i := indexOf(keys, attr)
		if i < 0 || i < indexOf(keys, "date") || i > indexOf(keys, "officials") {
			t.Errorf("%s key %s: attribute %s missing or out of place in %v", kind, key, attr, keys)
		}
		if indexOf(fusedKeys(kind), attr) < 0 {
			t.Errorf("%s key %s: fusion does not compare %s (%v)", kind, key, attr, fusedKeys(kind))
		}
		if graph.RelationText(attr) == nil {
			t.Errorf("%s key %s: %s is not kept", kind, key, attr)
		}
	}
	n := 0
	for _, i := range agreementRecord.kept {
		f := agreementRecord.fields[i]
		check(graph.Agreement, f.key, f.attr)
		n++
	}
	for _, i := range linkRecord.kept {
		f := linkRecord.fields[i]
		check("meeting", f.key, f.attr)
		n++
	}
	if n == 0 {
		t.Fatal("no key kept as written is declared")
	}
	var nodeKeys []string
	for _, d := range graph.NodeAttrs() {
		nodeKeys = append(nodeKeys, d.Key)
	}
	for _, i := range entityRecord.kept {
		f := entityRecord.fields[i]
		if j := indexOf(nodeKeys, f.attr); j < 0 || j < indexOf(nodeKeys, "jurisdiction") || j > indexOf(nodeKeys, "full_name") {
			t.Errorf("entity key %s: attribute %s missing or out of place in %v", f.key, f.attr, nodeKeys)
		}
	}
	if len(entityRecord.kept) == 0 {
		t.Error("no entity key kept as written is declared")
	}
}

// TestEntityKept follows an entity's key kept as written (name_en) from
// YAML and JSON Lines to the entity and its attributes, through a second
// definition that fills it, and into the error two that differ give.
func TestEntityKept(t *testing.T) {
	for _, in := range []Input{
		{Name: "kb.yaml", Data: []byte("entities: [{id: a, kind: body, name: 甲, name_en: Jia}]\n")},
		{Name: "kb.jsonl", Data: []byte(`{"entity": {"id": "a", "kind": "body", "name": "甲", "name_en": "Jia"}}` + "\n")},
	} {
		g, err := Parse(nil, in)
		if err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
		e := g.Entities[0]
		if a := e.Attrs(); e.NameEn != "Jia" || len(a) < 3 || a[2].Key != "name_en" || a[2].Value != "Jia" {
			t.Errorf("%s: NameEn %q, attributes %v", in.Name, e.NameEn, a)
		}
	}
	one := Input{Name: "a.yaml", Data: []byte("entities: [{id: a, kind: body, name: 甲}]\n")}
	g, err := Parse(nil, one, Input{Name: "b.yaml", Data: []byte("entities: [{id: a, kind: body, name: 甲, name_en: Jia}]\n")})
	if err != nil || g.Entities[0].NameEn != "Jia" {
		t.Errorf("a later definition's name_en: %v, %v", err, g)
	}
	_, err = Parse(nil, Input{Name: "a.yaml", Data: []byte("entities: [{id: a, kind: body, name: 甲, name_en: Jia}]\n")},
		Input{Name: "b.yaml", Data: []byte("entities: [{id: a, kind: body, name: 甲, name_en: Chia}]\n")})
	if err == nil || !strings.Contains(err.Error(), "name_en") {
		t.Errorf("two name_en: %v, want an error naming name_en", err)
	}
}
