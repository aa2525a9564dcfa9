package kb_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// TestWriteRoundTrip writes a knowledge base that fills every key of the
// records with AppendField and AppendItem, and as JSON Lines with
// encoding/json, and loads both: the writers' records are what the loader
// reads, value for value.
func TestWriteRoundTrip(t *testing.T) {
	q := func(s string) []kb.Evidence {
		return []kb.Evidence{{Source: "s", Quote: s, Inferred: true, Note: "推断", URL: "https://example.org/q"}}
	}
	f := kb.File{
		Name: "round-trip", Title: "往返: 测试",
		Sources: []kb.Source{{ID: "s", Title: "报道", Publisher: "日报", Date: "2016-05", URL: "https://example.org", File: "s.txt"}},
		Entities: []kb.Entity{
			{ID: "yu", Kind: graph.Official, Name: "喻华锋", NameEn: "Yu Huafeng", FullName: "喻华锋同志", Aliases: []string{"喻", "小喻"}, Note: "挂职"},
			{ID: "daxing", Kind: graph.Body, Name: "大兴区", Jurisdiction: "beijing", Parent: "beijing"},
			{ID: "beijing", Kind: graph.Body, Name: "北京市", Jurisdiction: "beijing"},
			{ID: "langfang", Kind: graph.Body, Name: "廊坊市", Jurisdiction: "hebei"},
		},
		Secondments: []kb.Secondment{{Official: "yu", From: kb.Place{Body: "daxing", Post: "副区长", Evidence: q("原任大兴区副区长")},
			To: kb.Place{Body: "langfang", Post: "副市长"}, Start: "2015-07", End: "2016-07", Note: "一年",
			Disputed: []string{"end"}, Evidence: q("喻华锋挂任廊坊市副市长")}},
		Agreements: []kb.Agreement{{ID: "deal", Title: "电子商务合作协议", Parties: []string{"daxing", "langfang"}, Status: "signed",
			Date: "2015-10-12", Value: "总投资1亿元", Venue: "廊坊", Officials: []kb.Role{{Official: "yu", Role: "推动"}},
			Note: "签约", Disputed: []string{"value"}, Evidence: q("双方签署电子商务合作协议")}},
		Links: []kb.Link{{Kind: "visit", From: "yu", To: "daxing", Date: "2016-05", Title: "考察: 园区", Venue: "园区",
			Place: "大兴", Officials: []kb.Role{{Official: "yu"}}, Note: "回访", Disputed: []string{"place"}, Evidence: q("喻华锋带队考察")}},
	}
	text := "原任大兴区副区长。喻华锋挂任廊坊市副市长。双方签署电子商务合作协议。喻华锋带队考察。"

	var y []byte
	y = kb.AppendField(y, "name", f.Name)
	y = kb.AppendField(y, "title", f.Title)
	section := func(name string, n int, rec func(i int) any) {
		y = append(y, name+":\n"...)
		for i := range n {
			y = kb.AppendItem(y, rec(i))
		}
	}
	section("sources", len(f.Sources), func(i int) any { return &f.Sources[i] })
	section("entities", len(f.Entities), func(i int) any { return &f.Entities[i] })
	section("secondments", len(f.Secondments), func(i int) any { return f.Secondments[i] })
	section("agreements", len(f.Agreements), func(i int) any { return &f.Agreements[i] })
	section("links", len(f.Links), func(i int) any { return &f.Links[i] })

	var j strings.Builder
	put := func(kind string, v any) {
		b, err := json.Marshal(map[string]any{kind: v})
		if err != nil {
			t.Fatal(err)
		}
		j.Write(b)
		j.WriteByte('\n')
	}
	b, _ := json.Marshal(map[string]string{"name": f.Name, "title": f.Title})
	j.Write(append(b, '\n'))
	for _, s := range f.Sources {
		put("source", s)
	}
	for _, e := range f.Entities {
		put("entity", e)
	}
	for _, s := range f.Secondments {
		put("secondment", s)
	}
	for _, a := range f.Agreements {
		put("agreement", a)
	}
	for _, l := range f.Links {
		put("link", l)
	}

	fs := fstest.MapFS{"s.txt": {Data: []byte(text)}}
	var attrs []string
	for _, in := range []kb.Input{{Name: "kb.yaml", Data: y}, {Name: "kb.jsonl", Data: []byte(j.String())}} {
		g, err := kb.Parse(fs, in)
		if err != nil {
			t.Fatalf("%s:\n%s\n%v", in.Name, in.Data, err)
		}
		var got []string
		for _, e := range g.Entities {
			for _, a := range e.Attrs() {
				got = append(got, e.ID+" "+a.Key+"="+a.Value+strings.Join(a.List, ","))
			}
		}
		for _, r := range g.Relations {
			for _, a := range g.RelationAttrs(r) {
				got = append(got, r.Kind+" "+a.Key+"="+a.Value+strings.Join(a.List, ","))
			}
		}
		for _, want := range []string{"yu name_en=Yu Huafeng", "yu full_name=喻华锋同志", "yu aliases=喻,小喻", "yu note=挂职",
			"daxing parent=beijing", "secondment start=2015-07", "secondment end=2016-07", "secondment note=一年",
			"post post=副区长", "agreement value=总投资1亿元", "agreement venue=廊坊", "agreement status=signed",
			"visit place=大兴", "visit venue=园区", "visit title=考察: 园区", "visit urls=https://example.org/q"} {
			if !slices.Contains(got, want) {
				t.Errorf("%s: no %q among %q", in.Name, want, got)
			}
		}
		if g.Title != f.Title || g.Sources[0].URL != "https://example.org" {
			t.Errorf("%s: title %q, source %+v", in.Name, g.Title, g.Sources[0])
		}
		if attrs == nil {
			attrs = got
		} else if !slices.Equal(attrs, got) {
			t.Errorf("YAML and JSON Lines give different graphs:\n%q\n%q", attrs, got)
		}
	}
}
