package kb_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/synth"
	"github.com/guazhi/guazhi/internal/outcheck"
	"github.com/guazhi/guazhi/kb"
)

// fuseBase is a knowledge base that the cases add a second file to.
const fuseBase = `name: base
sources:
  - {id: a, title: A, file: a.txt}
  - {id: b, title: B}
entities:
  - {id: zhang, kind: official, name: 张三}
  - {id: jia, kind: body, name: 甲区}
  - {id: yi, kind: body, name: 乙市}
  - {id: bing, kind: company, name: 丙公司}
secondments:
  - official: 张三
    from: {body: 甲区, post: 副区长}
    to: {body: 乙市, post: 副市长}
    start: 2015-07
    evidence: [{source: a, quote: 张三挂任乙市副市长}]
agreements:
  - {id: deal, title: 合作协议, parties: [乙市, 丙公司], status: signed, date: 2015-10,
     evidence: [{source: a, quote: 乙市与丙公司签约}]}
links:
  - {kind: visit, from: 乙市, to: 甲区, date: 2016, evidence: [{source: a, quote: 乙市考察甲区}]}
`

// dump is the graph's relations with their attributes, one per line.
func dump(g *graph.Graph) string {
	var b strings.Builder
	for _, r := range g.Relations {
		fmt.Fprintf(&b, "%s %s→%s", r.Kind, r.From, r.To)
		for _, a := range g.RelationAttrs(r) {
			if a.Key == "kind" || a.Key == "directed" || a.Key == "evidence" {
				continue
			}
			v := a.Value
			if a.Type == graph.AttrStrings {
				v = strings.Join(a.List, "|")
			}
			fmt.Fprintf(&b, " %s=%s", a.Key, v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func parseFiles(files ...string) (*graph.Graph, error) {
	fs := fstest.MapFS{"a.txt": {Data: []byte("张三挂任乙市副市长。乙市与丙公司签约。乙市考察甲区。")}}
	var in []kb.Input
	for i, f := range files {
		in = append(in, kb.Input{Name: fmt.Sprintf("kb%d.yaml", i+1), Data: []byte(f)})
	}
	return kb.Parse(fs, in...)
}

func TestFuse(t *testing.T) {
	for _, c := range []struct {
		name, second string
		want         string // lines of dump that must be present, or the error
	}{
		{"finer values refine coarser ones", `secondments:
  - official: zhang
    from: {body: jia, post: 副区长}
    to: {body: yi, post: 市委常委、副市长}
    start: 2015-07-24
    evidence: [{source: b, quote: 张三任乙市市委常委、副市长}]
`, "secondment zhang→yi post=市委常委、副市长 from_body=jia from_post=副区长 start=2015-07-24 " +
			"variants=post: 副市长 (a) | 市委常委、副市长 (b)|start: 2015-07 (a) | 2015-07-24 (b) sources=a|b " +
			"quotes=张三挂任乙市副市长|张三任乙市市委常委、副市长 source_count=2 attested_by=a|b\n" +
			"post zhang→jia post=副区长 sources=a|b quotes=张三挂任乙市副市长|张三任乙市市委常委、副市长 source_count=2 attested_by=a|b\n"},
		{"two secondments from one home post make one post edge", `entities:
  - {id: ding, kind: body, name: 丁市}
secondments:
  - {official: zhang, from: {body: jia, post: 副区长}, to: {body: ding}, start: 2017, evidence: [{source: b, quote: 张三再挂职丁市}]}
`, "secondment zhang→ding from_body=jia from_post=副区长 start=2017 sources=b quotes=张三再挂职丁市 source_count=1 attested_by=b\n" +
			"secondment zhang→yi post=副市长 from_body=jia from_post=副区长 start=2015-07 sources=a quotes=张三挂任乙市副市长 source_count=1 attested_by=a\n" +
			"post zhang→jia post=副区长 sources=a|b quotes=张三挂任乙市副市长|张三再挂职丁市 source_count=2 attested_by=a|b\n"},
		{"a second source adds evidence to an agreement by id", `agreements:
  - {id: deal, parties: [乙市, 丙公司], date: 2015-10-12, evidence: [{source: b, quote: 10月12日签约}]}
`, "agreement bing→yi agreement=deal title=合作协议 status=signed date=2015-10-12 variants=date: 2015-10 (a) | 2015-10-12 (b) " +
			"sources=a|b quotes=乙市与丙公司签约|10月12日签约 source_count=2 attested_by=a|b\n"},
		{"a value followed by more detail refines it", `agreements:
  - {id: deal, parties: [乙市, 丙公司], value: 1亿元(两期), evidence: [{source: b, quote: 签约}]}
  - {id: deal, parties: [乙市, 丙公司], value: 1亿元, evidence: [{source: b, quote: 签约}]}
`, "agreement bing→yi agreement=deal title=合作协议 status=signed date=2015-10 value=1亿元(两期) variants=value: 1亿元 (b) | 1亿元(两期) (b)"},
		{"a value that only starts like another does not", `agreements:
  - {id: deal, parties: [乙市, 丙公司], value: 1亿元, evidence: [{source: b, quote: 签约}]}
  - {id: deal-2, title: 合作协议, parties: [乙市, 丙公司], status: signed, date: 2015-10, value: 11亿元, evidence: [{source: b, quote: 签约}]}
`, `kb2.yaml:3:89: agreement 丙公司 → 乙市: value "11亿元" contradicts "1亿元" at kb2.yaml:2:43, which states the same agreement ` +
			"(same id, or same parties, date and title); if the sources disagree, record it with `disputed: [value]` on either; " +
			"if one is wrong, correct it; if these are two agreements, give them different ids"},
		{"an agreement under another id with the same parties, date and title", `agreements:
  - {id: deal-2, title: 合作协议, parties: [丙公司, 乙市], status: signed, date: 2015-10, evidence: [{source: b, quote: 签约}]}
`, "agreement bing→yi agreement=deal title=合作协议 status=signed date=2015-10 variants=agreement: deal (a) | deal-2 (b) " +
			"sources=a|b quotes=乙市与丙公司签约|签约 source_count=2 attested_by=a|b\n"},
		{"another agreement between the same parties on the same date", `agreements:
  - {id: deal-2, title: 另一协议, parties: [丙公司, 乙市], status: signed, date: 2015-10, evidence: [{source: b, quote: 签约}]}
`, "agreement bing→yi agreement=deal-2 title=另一协议"},
		{"a link on a date inside the other's", `links:
  - {kind: visit, from: 乙市, to: 甲区, date: 2016-05, title: 考察, evidence: [{source: b, quote: 五月考察}]}
`, "visit yi→jia title=考察 date=2016-05 variants=date: 2016 (a) | 2016-05 (b) sources=a|b"},
		{"an official's role stated on one side only", `entities:
  - {id: li, kind: official, name: 李四}
links:
  - {kind: visit, from: 乙市, to: 甲区, date: 2016, officials: [张三, {official: 李四, role: 陪同}], evidence: [{source: b, quote: 考察}]}
  - {kind: visit, from: 乙市, to: 甲区, officials: [{official: 张三, role: 带队}, 李四, {official: 李四, role: 主持}], evidence: [{source: b, quote: 考察}]}
`, "visit yi→jia date=2016 officials=张三(带队)|李四(陪同、主持)"},
		{"a link on another date is another fact", `links:
  - {kind: visit, from: 乙市, to: 甲区, date: 2017, evidence: [{source: b, quote: 再次考察}]}
`, "visit yi→jia date=2017 sources=b quotes=再次考察 source_count=1 attested_by=b\n"},
		{"a secondment after the first ended is another fact", `secondments:
  - {official: zhang, to: {body: yi, post: 市长}, start: 2019, evidence: [{source: b, quote: 张三再赴乙市}]}
  - {official: zhang, to: {body: yi}, start: 2015-07, end: 2016-07, evidence: [{source: b, quote: 挂职一年}]}
`, "secondment zhang→yi post=市长 start=2019 sources=b"},
		{"a known disagreement", `secondments:
  - {official: zhang, to: {body: yi}, start: 2015-08, disputed: [start], evidence: [{source: b, quote: 八月到任}]}
`, "secondment zhang→yi post=副市长 from_body=jia from_post=副区长 start=2015-07 disputed=start: 2015-07 (a) | 2015-08 (b)"},
		{"two posts for one secondment", `secondments:
  - {official: zhang, to: {body: yi, post: 市长}, evidence: [{source: b, quote: 市长}]}
`, `kb2.yaml:2:44: secondment 张三 → 乙市: post "市长" contradicts "副市长" at kb1.yaml:13:26, which states the same secondment ` +
			"(same official and host body, terms not apart); if the sources disagree, record it with `disputed: [post]` on either; " +
			"if one is wrong, correct it; if these are two secondments, give the earlier one its end"},
		{"two dates for one agreement", `agreements:
  - {id: deal, parties: [乙市, 丙公司], date: 2016, evidence: [{source: b, quote: 签约}]}
`, `kb2.yaml:2:42: agreement 丙公司 → 乙市: date "2016" contradicts "2015-10" at kb1.yaml:17:71, which states the same agreement ` +
			"(same id, or same parties, date and title); if the sources disagree, record it with `disputed: [date]` on either; " +
			"if one is wrong, correct it; if these are two agreements, give them different ids"},
		{"a disputed key that is no attribute", `links:
  - {kind: visit, from: 乙市, to: 甲区, disputed: [post], evidence: [{source: b, quote: 考察}]}
`, `kb2.yaml:2:48: disputed: "post" is not an attribute of a visit link (want title, date, venue, place)`},
		{"one person under two ids", `entities:
  - {id: zhang-san, kind: official, name: 张三}
`, `kb2.yaml:2:5: entity zhang-san: "张三" already names official zhang (张三) at kb1.yaml:6:5; if they are one, ` +
			"drop this definition and refer to it as zhang; if not, give each a name that tells them apart"},
		{"one source id, two texts", `sources:
  - {id: a, title: A, file: b.txt}
`, `kb2.yaml:2:29: source a: file "b.txt" holds a different text from file "a.txt" at kb1.yaml:3:5; ` +
			"one source id is one text: give the other text its own source id"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := fstest.MapFS{"a.txt": {Data: []byte("张三挂任乙市副市长。乙市与丙公司签约。乙市考察甲区。")}, "b.txt": {Data: []byte("另一篇")}}
			g, err := kb.Parse(fs, kb.Input{Name: "kb1.yaml", Data: []byte(fuseBase)}, kb.Input{Name: "kb2.yaml", Data: []byte(c.second)})
			if strings.HasPrefix(c.want, "kb") {
				if err == nil || err.Error() != c.want {
					t.Fatalf("error:\n%v\nwant:\n%s", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := dump(g); !strings.Contains(d, c.want) {
				t.Errorf("relations:\n%s\nwant them to hold:\n%s", d, c.want)
			}
		})
	}
}

// TestFuseOrder: the order of the files, a file given twice or a copy of
// it change nothing.
func TestFuseOrder(t *testing.T) {
	fs := fstest.MapFS{"a.txt": {Data: []byte("张三挂任乙市副市长。乙市与丙公司签约。乙市考察甲区。")}}
	second := []byte(`secondments:
  - {official: zhang, from: {body: jia, post: 副区长}, to: {body: yi}, start: 2015-07-24, evidence: [{source: b, quote: 到任}]}
links:
  - {kind: visit, from: 乙市, to: 甲区, date: 2016, note: 另一说明, evidence: [{source: b, quote: 考察}]}
`)
	base := kb.Input{Name: "base.yaml", Data: []byte(fuseBase)}
	more := kb.Input{Name: "more.yaml", Data: second}
	one, err := kb.Parse(fs, base, more)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range [][]kb.Input{
		{more, base},
		{base, more, more},
		{more, base, {Name: "./more.yaml", Data: second}},
		{base, more, {Name: "copy.yaml", Data: second}},
	} {
		g, err := kb.Parse(fs, in...)
		if err != nil {
			t.Fatal(err)
		}
		if dump(g) != dump(one) || g.Name != one.Name {
			t.Errorf("%s gives\n%s\nnot\n%s", names(in), dump(g), dump(one))
		}
	}
	if len(one.Relations) != 4 {
		t.Errorf("%d relations, want 4 (secondment, post, agreement, visit):\n%s", len(one.Relations), dump(one))
	}
}

func names(in []kb.Input) string {
	var out []string
	for _, i := range in {
		out = append(out, i.Name)
	}
	return strings.Join(out, " ")
}

func TestGraphName(t *testing.T) {
	fs := fstest.MapFS{}
	a := kb.Input{Name: "a.yaml", Data: []byte("name: one\ntitle: 一\nsources: [{id: s, title: S}]\n")}
	b := kb.Input{Name: "b.yaml", Data: []byte("name: two\ntitle: 二\nsources: [{id: t, title: T}]\n")}
	c := kb.Input{Name: "dir/c.yaml", Data: []byte("sources: [{id: u, title: U}]\n")}
	builtin, _ := kb.BuiltinInput("jingji-2015")
	for _, tc := range []struct {
		opt         kb.Options
		in          []kb.Input
		name, title string
		err         string
	}{
		{kb.Options{}, []kb.Input{builtin}, "jingji-2015", "京冀互派挂职干部(2015)", ""},
		{kb.Options{}, []kb.Input{builtin, a}, "one", "一 + 京冀互派挂职干部(2015)", ""},
		{kb.Options{}, []kb.Input{c, builtin}, "c", "c + 京冀互派挂职干部(2015)", ""},
		{kb.Options{Title: "自定"}, []kb.Input{builtin, a}, "one", "自定", ""},
		{kb.Options{}, []kb.Input{b, a}, "", "", `b.yaml:1:7: name "two" contradicts "one" at a.yaml:1:7: the files name the merged graph differently; give --name` + "\n" +
			`b.yaml:2:8: title "二" contradicts "一" at a.yaml:2:8: the files name the merged graph differently; give --title`},
		{kb.Options{Name: "both", Title: "合并"}, []kb.Input{b, a}, "both", "合并", ""},
		{kb.Options{Name: "a/b"}, []kb.Input{a}, "", "", `--name "a/b" must be letters, digits, '.', '_' or '-', starting with a letter or digit (it names output files)`},
	} {
		g, err := tc.opt.Parse(fs, tc.in...)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: error\n%v\nwant\n%s", names(tc.in), err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", names(tc.in), err)
			continue
		}
		if g.Name != tc.name || g.Title != tc.title {
			t.Errorf("%s: named %q, %q; want %q, %q", names(tc.in), g.Name, g.Title, tc.name, tc.title)
		}
	}
}

func TestBuiltinHint(t *testing.T) {
	_, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: "kb.yaml", Data: []byte(`sources: [{id: s, title: S}]
links: [{kind: visit, from: 廊坊市, to: 大兴区, evidence: [{source: s, quote: q}]}]
`)})
	want := "kb.yaml:2:29: from \"廊坊市\" is not an entity id, name or alias; it is langfang in the built-in data set jingji-2015: " +
		"add `uses: [jingji-2015]` to the file, or name jingji-2015 on the command line"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error\n%v\nwant it to start\n%s", err, want)
	}
	g, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: "kb.yaml", Data: []byte(`uses: [jingji-2015]
sources: [{id: s, title: S}]
links: [{kind: visit, from: 廊坊市, to: 大兴区, evidence: [{source: s, quote: q}]}]
`)})
	if err != nil {
		t.Fatal(err)
	}
	if g.Entity("langfang") == nil || len(g.Entity("langfang").Sources) != 2 {
		t.Errorf("langfang: %+v, want it with two sources", g.Entity("langfang"))
	}
}

// TestOrderSynthetic: a generated knowledge base split into several files,
// loaded with the files in several orders (and one given twice), comes out
// of every writer byte for byte the same.
func TestOrderSynthetic(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		d := synth.Generate(synth.Options{Officials: 150, Seed: seed}).Files(16 << 10)
		if len(d.KB) < 3 {
			t.Fatalf("seed %d: %d files, want several", seed, len(d.KB))
		}
		var want map[string][]byte
		rng := rand.New(rand.NewPCG(seed, 7))
		for i := range 4 {
			names := slices.Clone(d.KB)
			switch i {
			case 1:
				slices.Reverse(names)
			case 2:
				rng.Shuffle(len(names), func(a, b int) { names[a], names[b] = names[b], names[a] })
			case 3:
				names = append(names, names[0])
			}
			g, err := kb.Load(d, names...)
			if err != nil {
				t.Fatalf("seed %d, files %v: %v", seed, names, err)
			}
			out, err := outcheck.Outputs(g)
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want = out
				continue
			}
			for f, b := range out {
				if !bytes.Equal(b, want[f]) {
					t.Errorf("seed %d, files %v: %s differs from the first order's", seed, names, f)
				}
			}
		}
	}
}

// TestJSONLUsesDisputed: JSON Lines take uses and disputed as YAML does.
func TestJSONLUsesDisputed(t *testing.T) {
	file := `{"uses": ["jingji-2015"]}
{"source": {"id": "s", "title": "S"}}
{"secondment": {"official": "喻华锋", "to": {"body": "廊坊市"}, "end": "2016-12", "disputed": ["end"], "evidence": [{"source": "s", "quote": "q"}]}}
`
	g, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: "file.jsonl", Data: []byte(file)})
	if err != nil {
		t.Fatal(err)
	}
	want := "disputed=end: 2016-07 (thepaper-2015-11-17) | 2016-12 (s)"
	if d := dump(g); !strings.Contains(d, want) {
		t.Errorf("relations:\n%s\nwant one with %s", d, want)
	}
}

// TestFuseShared: a secondment and its home post share their evidence when
// the home post has none of its own; fusing more evidence into each must
// not write into the other's.
func TestFuseShared(t *testing.T) {
	fs := fstest.MapFS{}
	kb1 := `sources: [{id: a, title: A}, {id: b, title: B}]
entities:
  - {id: zhang, kind: official, name: 张三}
  - {id: jia, kind: body, name: 甲区}
  - {id: yi, kind: body, name: 乙市}
  - {id: ding, kind: body, name: 丁市}
secondments:
  - {official: zhang, from: {body: jia}, to: {body: yi}, evidence: [{source: a, quote: e1}, {source: a, quote: e2}, {source: a, quote: e3}]}
`
	kb2 := `secondments:
  - {official: zhang, to: {body: yi}, evidence: [{source: b, quote: x}]}
  - {official: zhang, from: {body: jia}, to: {body: ding}, evidence: [{source: b, quote: y}]}
`
	g, err := kb.Parse(fs, kb.Input{Name: "kb1.yaml", Data: []byte(kb1)}, kb.Input{Name: "kb2.yaml", Data: []byte(kb2)})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"secondment zhang→yi from_body=jia sources=a|a|a|b quotes=e1|e2|e3|x",
		"post zhang→jia sources=a|a|a|b quotes=e1|e2|e3|y",
	} {
		if d := dump(g); !strings.Contains(d, want) {
			t.Errorf("relations:\n%s\nwant one with %s", d, want)
		}
	}
}

func TestWeight(t *testing.T) {
	for _, c := range []struct {
		ev   []graph.Evidence
		want int
	}{
		{nil, 1},
		{[]graph.Evidence{{Source: "a"}, {Source: "a"}}, 1},
		{[]graph.Evidence{{Source: "b"}, {Source: "a"}, {Source: "b"}}, 2},
	} {
		r := &graph.Relation{Evidence: c.ev}
		if got := r.Weight(); got != c.want || (len(c.ev) > 0 && got != len(r.SourceIDs())) {
			t.Errorf("Weight of %v = %d, want %d", c.ev, got, c.want)
		}
		if n := testing.AllocsPerRun(10, func() { r.Weight() }); n != 0 {
			t.Errorf("Weight allocates %v times", n)
		}
	}
}

// FuzzFuseOrder loads two knowledge-base files in both orders: loading
// must not panic, and the two orders must give the same graph, or the
// same errors.
func FuzzFuseOrder(f *testing.F) {
	f.Add([]byte(fuseBase), []byte(`secondments:
  - {official: zhang, from: {body: jia, post: 副区长}, to: {body: yi, post: 市委常委、副市长}, start: 2015-07-24, evidence: [{source: b, quote: 到任}]}
links:
  - {kind: visit, from: 乙市, to: 甲区, date: 2016-05, title: 考察, evidence: [{source: b, quote: 考察}]}
agreements:
  - {id: deal-2, title: 合作协议, parties: [丙公司, 乙市], status: signed, date: 2015-10, value: 1亿元(两期), evidence: [{source: b, quote: 签约}]}
`))
	f.Add([]byte(fuseBase), []byte(`uses: [jingji-2015]
secondments:
  - {official: zhang, to: {body: yi}, end: 2016-12, disputed: [end], evidence: [{source: b, quote: 年底}]}
`))
	fs := fstest.MapFS{"a.txt": {Data: []byte("张三挂任乙市副市长。乙市与丙公司签约。乙市考察甲区。")}}
	f.Fuzz(func(t *testing.T, one, two []byte) {
		x, y := kb.Input{Name: "one.yaml", Data: one}, kb.Input{Name: "two.yaml", Data: two}
		g1, err1 := kb.Parse(fs, x, y)
		g2, err2 := kb.Parse(fs, y, x)
		if fmt.Sprint(err1) != fmt.Sprint(err2) {
			t.Fatalf("errors depend on the order:\n%v\n--- and ---\n%v", err1, err2)
		}
		if err1 == nil && (dump(g1) != dump(g2) || g1.Name != g2.Name || g1.Title != g2.Title) {
			t.Fatalf("graphs depend on the order:\n%s\n--- and ---\n%s", dump(g1), dump(g2))
		}
	})
}

// Compatible is the fusion's rule for two stated values, as other tools ask
// it.
func TestCompatible(t *testing.T) {
	for _, c := range []struct {
		key, a, b string
		want      bool
	}{
		{"post", "市委常委、副市长", "副市长", true},
		{"post", "副市长", "市委常委、副市长", true},
		{"post", "副市长", "", true},
		{"post", "市长助理", "副市长", false},
		{"start", "2015-07-24", "2015-07", true},
		{"start", "2015-08-01", "2015-07", false},
	} {
		if got := graph.Compatible(c.key, c.a, c.b); got != c.want {
			t.Errorf("Compatible(%q, %q, %q) = %v, want %v", c.key, c.a, c.b, got, c.want)
		}
	}
}

// TestLinkPlace follows a link's place, a key kept as written, from YAML
// and JSON Lines to the relation's attribute, through fusion (a place
// followed by an addition refines it; two different places are an error
// unless disputed), and into the messages that list the keys.
func TestLinkPlace(t *testing.T) {
	link := func(src, place, extra string) string {
		return `{"kind": "meeting", "from": "a", "to": "b", "date": "2015-10", "title": "会谈", "place": "` + place + `"` + extra +
			`, "evidence": [{"source": "` + src + `", "quote": "会谈"}]}`
	}
	files := func(links ...string) (yaml, jsonl string) {
		yaml = "sources: [{id: s1, title: T}, {id: s2, title: U}]\nentities: [{id: a, kind: body, name: 甲}, {id: b, kind: body, name: 乙}]\nlinks:\n"
		jsonl = `{"source": {"id": "s1", "title": "T"}}` + "\n" + `{"source": {"id": "s2", "title": "U"}}` + "\n" +
			`{"entity": {"id": "a", "kind": "body", "name": "甲"}}` + "\n" + `{"entity": {"id": "b", "kind": "body", "name": "乙"}}` + "\n"
		for _, l := range links {
			yaml += "  - " + l + "\n"
			jsonl += `{"link": ` + l + "}\n"
		}
		return yaml, jsonl
	}
	parse := func(yaml, jsonl string) map[string]*graph.Graph {
		out := map[string]*graph.Graph{}
		for _, in := range []kb.Input{{Name: "kb.yaml", Data: []byte(yaml)}, {Name: "kb.jsonl", Data: []byte(jsonl)}} {
			g, err := kb.Parse(nil, in)
			if err != nil {
				t.Fatalf("%s: %v", in.Name, err)
			}
			out[in.Name] = g
		}
		return out
	}
	attr := func(g *graph.Graph, r *graph.Relation, key string) []string {
		for _, a := range g.RelationAttrs(r) {
			if a.Key == key {
				if a.Type == graph.AttrStrings {
					return a.List
				}
				return []string{a.Value}
			}
		}
		return nil
	}

	for name, g := range parse(files(link("s1", "天津", ""), link("s2", "天津(梅江会展中心)", ""))) {
		if len(g.Relations) != 1 {
			t.Fatalf("%s: %d relations, want the two statements fused into one", name, len(g.Relations))
		}
		r := g.Relations[0]
		if p := attr(g, r, "place"); r.Place != "天津(梅江会展中心)" || len(p) != 1 || p[0] != r.Place {
			t.Errorf("%s: Place %q, attribute %q; want the finer place", name, r.Place, p)
		}
		if v := attr(g, r, "variants"); len(v) != 1 || !strings.HasPrefix(v[0], "place: ") {
			t.Errorf("%s: variants %q, want both places", name, v)
		}
	}

	yaml, jsonl := files(link("s1", "天津", ""), link("s2", "北京", ""))
	for _, in := range []kb.Input{{Name: "kb.yaml", Data: []byte(yaml)}, {Name: "kb.jsonl", Data: []byte(jsonl)}} {
		if _, err := kb.Parse(nil, in); err == nil || !strings.Contains(err.Error(), "place") {
			t.Errorf("%s: two places gave %v, want an error naming place", in.Name, err)
		}
	}
	for name, g := range parse(files(link("s1", "天津", `, "disputed": ["place"]`), link("s2", "北京", ""))) {
		r := g.Relations[0]
		if d := attr(g, r, "disputed"); len(g.Relations) != 1 || r.Place != "天津" || len(d) != 1 || !strings.HasPrefix(d[0], "place: ") {
			t.Errorf("%s: disputed place: %d relations, Place %q, disputed %q", name, len(g.Relations), r.Place, d)
		}
	}

	yaml, _ = files(`{kind: meeting, from: a, to: b, plaec: 天津, evidence: [{source: s1, quote: q}]}`)
	_, err := kb.Parse(nil, kb.Input{Name: "kb.yaml", Data: []byte(yaml)})
	if want := "want one of kind, from, to, date, title, venue, place, officials"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("unknown link key: %v, want %q", err, want)
	}
	yaml, _ = files(`{kind: meeting, from: a, to: b, disputed: [room], evidence: [{source: s1, quote: q}]}`)
	_, err = kb.Parse(nil, kb.Input{Name: "kb.yaml", Data: []byte(yaml)})
	if want := "(want title, date, venue, place)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("disputed key not an attribute: %v, want %q", err, want)
	}
}
