package graph

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestEntityAttrs(t *testing.T) {
	e := &Entity{ID: "x", Kind: Official, Name: "张三", NameEn: "Zhang San", Aliases: []string{"老张"}, Jurisdiction: "beijing",
		Sources: []string{"s", "t"}}
	var keys []string
	for _, a := range e.Attrs() {
		keys = append(keys, a.Key)
	}
	if want := []string{"kind", "jurisdiction", "name_en", "aliases", "source_count", "attested_by"}; !slices.Equal(keys, want) {
		t.Errorf("keys %q, want %q (NodeAttrs order, empty ones left out)", keys, want)
	}
	for _, a := range e.Attrs() {
		if !slices.Contains(nodeAttrs, a.AttrDef) {
			t.Errorf("%v is not declared in NodeAttrs", a.AttrDef)
		}
	}
}

func TestRelationAttrs(t *testing.T) {
	g := &Graph{byID: map[string]*Entity{"z": {ID: "z", Name: "张三"}}}
	for _, tc := range []struct {
		name string
		r    *Relation
		want map[string]string // key → Value, or the list joined by |
	}{
		{"secondment", &Relation{Kind: Secondment, Directed: true, Post: "副市长", Start: Date{2015, 7, 0},
			Evidence: []Evidence{{Source: "s", Quote: "q1"}, {Source: "t", Quote: "q2", Inferred: true}}},
			map[string]string{"kind": Secondment, "directed": "true", "post": "副市长", "start": "2015-07",
				"sources": "s|t", "quotes": "q1|q2", "evidence": "[s] q1\n[t] q2 (inferred)", "source_count": "2", "attested_by": "s|t"}},
		{"fused", &Relation{Kind: Secondment, Directed: true, Post: "市委常委、副市长", Start: Date{2015, 7, 24},
			Variants: []Variant{
				{Key: "post", Values: []Stated{{"副市长", []string{"s"}}, {"市委常委、副市长", []string{"t"}}}},
				{Key: "end", Values: []Stated{{"2016-07", []string{"s"}}, {"2016-08", []string{"t", "u"}}}, Disputed: true}},
			Evidence: []Evidence{{Source: "s", Quote: "q1"}, {Source: "t", Quote: "q2"}, {Source: "t", Quote: "q3"}}},
			map[string]string{"kind": Secondment, "directed": "true", "post": "市委常委、副市长", "start": "2015-07-24",
				"variants": "post: 副市长 (s) | 市委常委、副市长 (t)", "disputed": "end: 2016-07 (s) | 2016-08 (t, u)",
				"sources": "s|t|t", "quotes": "q1|q2|q3", "evidence": "[s] q1\n[t] q2\n[t] q3", "source_count": "2", "attested_by": "s|t"}},
		{"agreement", &Relation{Kind: Agreement, Agreement: "a", Title: "协议", Date: Date{2015, 0, 0},
			Officials: []Role{{Official: "z", Role: "签约"}, {Official: "unknown"}}},
			map[string]string{"kind": Agreement, "directed": "false", "agreement": "a", "title": "协议", "date": "2015",
				"officials": "张三(签约)|unknown", "source_count": "0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]string{}
			var keys []string
			for _, a := range g.RelationAttrs(tc.r) {
				if !slices.Contains(edgeAttrs, a.AttrDef) {
					t.Errorf("%v is not declared in EdgeAttrs", a.AttrDef)
				}
				keys = append(keys, a.Key)
				v := a.Value
				if a.Type == AttrStrings {
					for i, s := range a.List {
						if i > 0 {
							v += "|"
						}
						v += s
					}
				}
				got[a.Key] = v
			}
			for k, w := range tc.want {
				if got[k] != w {
					t.Errorf("%s = %q, want %q", k, got[k], w)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("keys %q, want those of %v", keys, tc.want)
			}
		})
	}
}

func TestInterval(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		name       string
		r          Relation
		start, end string
		ok         bool
	}{
		{"secondment", Relation{Start: Date{2015, 7, 0}, End: Date{2016, 7, 0}}, "2015-07-01", "2016-07-31", true},
		{"open end", Relation{Start: Date{2016, 0, 0}}, "2016-01-01", "", true},
		{"open start", Relation{End: Date{2016, 2, 0}}, "", "2016-02-29", true},
		{"day", Relation{Date: Date{2015, 10, 12}}, "2015-10-12", "2015-10-12", true},
		{"month", Relation{Date: Date{2015, 8, 0}}, "2015-08-01", "2015-08-31", true},
		{"year", Relation{Date: Date{2015, 0, 0}}, "2015-01-01", "2015-12-31", true},
		{"undated", Relation{Kind: Post}, "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start, end, ok := tc.r.Interval()
			var ws, we time.Time
			if tc.start != "" {
				ws = day(tc.start)
			}
			if tc.end != "" {
				we = day(tc.end)
			}
			if ok != tc.ok || !start.Equal(ws) || !end.Equal(we) {
				t.Errorf("Interval() = %v, %v, %v; want %s, %s, %v", start, end, ok, tc.start, tc.end, tc.ok)
			}
		})
	}
}

func TestEdgeIDs(t *testing.T) {
	g := &Graph{Relations: []*Relation{
		{Kind: Secondment, From: "a", To: "b"},
		{Kind: Post, From: "a", To: "b"},
		{Kind: Agreement, Agreement: "x", From: "b", To: "c"},
		{Kind: Agreement, Agreement: "y", From: "b", To: "c"},
		{Kind: "visit", From: "a", To: "b"},
		{Kind: "visit", From: "a", To: "b"},
		{Kind: "visit", From: "a", To: "b"},
	}}
	want := []string{"secondment:a:b", "post:a:b", "agreement:x:b:c", "agreement:y:b:c", "visit:a:b", "visit:a:b:2", "visit:a:b:3"}
	if got := g.EdgeIDs(); !slices.Equal(got, want) {
		t.Errorf("EdgeIDs() = %q, want %q", got, want)
	}
}

func TestRelationLabel(t *testing.T) {
	for _, tc := range []struct {
		r    Relation
		want string
	}{
		{Relation{Kind: Post, Post: "副区长"}, "副区长"},
		{Relation{Kind: Post}, "原单位"},
		{Relation{Kind: Secondment, Post: "副市长"}, "挂任副市长"},
		{Relation{Kind: "visit"}, "visit"},
	} {
		if got := tc.r.Label(); got != tc.want {
			t.Errorf("%+v: Label() = %q, want %q", tc.r, got, tc.want)
		}
	}
}

func TestAppendAttrs(t *testing.T) {
	g := &Graph{byID: map[string]*Entity{"z": {ID: "z", Name: "张三"}}}
	r := &Relation{Kind: Agreement, Agreement: "a", Title: "协议", Date: Date{2015, 0, 0},
		Officials: []Role{{Official: "z", Role: "签约"}}, Evidence: []Evidence{{Source: "s", Quote: "q"}}}
	e := &Entity{ID: "x", Kind: Official, Name: "张三", Aliases: []string{"老张"}}
	prefix := Attr{AttrDef: AttrDef{"prefix", AttrString}, Value: "p"}
	for _, tc := range []struct {
		name     string
		appended []Attr
		want     []Attr
	}{
		{"entity", e.AppendAttrs([]Attr{prefix}), e.Attrs()},
		{"relation", g.AppendRelationAttrs([]Attr{prefix}, r), g.RelationAttrs(r)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.appended) != 1+len(tc.want) || tc.appended[0].Key != "prefix" {
				t.Fatalf("appended %d attributes after %v, want the prefix and %d", len(tc.appended), tc.appended[0].AttrDef, len(tc.want))
			}
			for i, a := range tc.want {
				b := tc.appended[1+i]
				if a.AttrDef != b.AttrDef || a.Value != b.Value || a.Date != b.Date || !slices.Equal(a.List, b.List) {
					t.Errorf("attribute %d: appended %+v, want %+v", i, b, a)
				}
			}
		})
	}
}

// naiveIDs is EdgeIDs by its definition: count each id as it comes.
func naiveIDs(rels []*Relation) []string {
	seen := map[string]int{}
	var ids []string
	for _, r := range rels {
		id := r.Kind + ":" + r.From + ":" + r.To
		if r.Agreement != "" {
			id = r.Kind + ":" + r.Agreement + ":" + r.From + ":" + r.To
		}
		seen[id]++
		if n := seen[id]; n > 1 {
			id += ":" + strconv.Itoa(n)
		}
		ids = append(ids, id)
	}
	return ids
}

// TestEdgeIDNumbers checks both ways of numbering: by looking back over
// grouped relations, and by the ids when the relations are not grouped.
func TestEdgeIDNumbers(t *testing.T) {
	rel := func(kind, agreement, from, to string) *Relation {
		return &Relation{Kind: kind, Agreement: agreement, From: from, To: to}
	}
	many := func(n int, r *Relation) []*Relation {
		rels := make([]*Relation, n)
		for i := range rels {
			rels[i] = r
		}
		return rels
	}
	for _, tc := range []struct {
		name    string
		rels    []*Relation
		grouped bool
	}{
		{"empty", nil, true},
		{"parallel", []*Relation{rel("post", "", "a", "b"), rel("post", "", "a", "b"), rel("post", "", "a", "c"), rel("visit", "", "a", "c")}, true},
		{"agreements", []*Relation{rel("agreement", "x", "a", "b"), rel("agreement", "y", "a", "b"), rel("agreement", "x", "a", "b"), rel("agreement", "", "a", "b")}, true},
		{"kind again", []*Relation{rel("post", "", "a", "b"), rel("visit", "", "a", "b"), rel("post", "", "a", "b")}, false},
		{"ends unsorted", []*Relation{rel("post", "", "a", "c"), rel("post", "", "a", "b"), rel("post", "", "a", "c")}, false},
		{"colon", []*Relation{rel("post", "", "a:b", "c"), rel("post", "b", "a", "b:c"), rel("post", "a", "b", "c")}, false},
		{"colon id", []*Relation{rel("a", "", "b:c", "d"), rel("a", "b", "c", "d")}, false},
		{"long group", many(maxGroup+1, rel("post", "", "a", "b")), false},
		{"longest group", many(maxGroup, rel("post", "", "a", "b")), true},
		{"quotes", []*Relation{rel("p\"<", "\xff\u2028", "张\n", "b"), rel("p\"<", "\xff\u2028", "张\n", "b")}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := grouped(tc.rels); got != tc.grouped {
				t.Errorf("grouped %v, want %v", got, tc.grouped)
			}
			g := &Graph{Relations: tc.rels}
			if got, want := g.EdgeIDs(), naiveIDs(tc.rels); !slices.Equal(got, want) {
				t.Errorf("ids %q, want %q", got, want)
			}
		})
	}
	// New groups relations however they come.
	ents := []*Entity{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	g := New("t", "", nil, ents, []*Relation{rel("post", "", "a", "b"), rel("visit", "", "a", "b"), rel("post", "", "a", "c"),
		rel("agreement", "y", "a", "b"), rel("post", "", "a", "b"), rel("agreement", "x", "a", "b"), rel("agreement", "y", "a", "b")})
	if !grouped(g.Relations) {
		t.Error("the relations of a new graph are not grouped")
	}
	if got, want := g.EdgeIDs(), naiveIDs(g.Relations); !slices.Equal(got, want) {
		t.Error("ids of a new graph differ from their definition")
	}
}

// TestComposedValuesStay checks that the values the attribute view
// composes stay as they were while later relations are composed, on
// several goroutines, across blocks and with a relation larger than one.
func TestComposedValuesStay(t *testing.T) {
	g := &Graph{byID: map[string]*Entity{"z": {ID: "z", Name: "张三"}}}
	rels := make([]*Relation, 3000)
	for i := range rels {
		quote := strings.Repeat("证据", i%50)
		if i == 1500 {
			quote = strings.Repeat("长", textBlock) // more than a block
		}
		rels[i] = &Relation{Kind: "visit", Start: Date{2015, 1 + i%12, 0}, End: Date{2016, 0, 0},
			Officials: []Role{{Official: "z", Role: strconv.Itoa(i)}, {Official: "y"}},
			Evidence:  []Evidence{{Source: "s" + strconv.Itoa(i), Quote: quote, Inferred: i%2 == 0, Note: "n"}}}
	}
	got := make([][]Attr, len(rels))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(rels); i += 4 {
				got[i] = g.AppendRelationAttrs(nil, rels[i])
			}
		})
	}
	wg.Wait()
	for i, r := range rels {
		want := map[string]string{
			"start": r.Start.String(), "end": r.End.String(), "evidence": Quotes(r.Evidence),
			"officials": strings.Join(g.OfficialNames(r.Officials), "|"),
			"sources":   r.Evidence[0].Source, "quotes": r.Evidence[0].Quote,
		}
		for _, a := range got[i] {
			v := a.Value
			if a.Type == AttrStrings {
				v = strings.Join(a.List, "|")
			}
			if w, ok := want[a.Key]; ok && v != w {
				t.Fatalf("relation %d: %s = %.40q, want %.40q", i, a.Key, v, w)
			}
		}
	}
}
