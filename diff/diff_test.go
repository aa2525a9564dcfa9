package diff_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/diff"
	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// base is the knowledge base the cases edit.
const base = `name: base
sources:
  - {id: a, title: A, file: a.txt}
  - {id: b, title: B}
entities:
  - {id: zhang, kind: official, name: 张三}
  - {id: li, kind: official, name: 李四}
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
     officials: [{official: 张三, role: 推动}], evidence: [{source: a, quote: 乙市与丙公司签约}]}
links:
  - {kind: visit, from: 乙市, to: 甲区, date: 2016, evidence: [{source: a, quote: 乙市考察甲区}]}
`

const text = "张三挂任乙市副市长。乙市与丙公司签约。乙市考察甲区。张三任乙市市委常委、副市长。"

// load parses the files as one knowledge base, fused.
func load(t *testing.T, files ...string) *graph.Graph {
	t.Helper()
	fs := fstest.MapFS{"a.txt": {Data: []byte(text)}}
	var in []kb.Input
	for i, f := range files {
		in = append(in, kb.Input{Name: fmt.Sprintf("kb%d.yaml", i+1), Data: []byte(f)})
	}
	g, err := kb.Parse(fs, in...)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func textOf(r diff.Report) string {
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		panic(err)
	}
	return b.String()
}

// edit returns base with each old string replaced by the new one after it.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := base
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("base has no %q", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// secondSource restates the secondment from source b, with a finer post
// and start.
const secondSource = `secondments:
  - official: zhang
    from: {body: jia, post: 副区长}
    to: {body: yi, post: 市委常委、副市长}
    start: 2015-07-24
    evidence: [{source: b, quote: 张三任乙市市委常委、副市长}]
`

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		name     string
		old, new []string
		want     string // the report as text
	}{
		{"identical", []string{base}, []string{base}, ""},
		{"added", []string{base}, []string{base, `entities:
  - {id: wang, kind: official, name: 王五}
secondments:
  - {official: 王五, to: {body: 乙市, post: 副市长}, start: 2016, evidence: [{source: b, quote: 王五挂职}]}
`}, `official
  + wang  王五
secondment
  + wang → yi 2016  挂任副市长
2 differences: 2 added, 0 removed, 0 changed, 0 re-sourced
`},
		{"removed", []string{base}, []string{edit(t, "links:\n  - {kind: visit, from: 乙市, to: 甲区, date: 2016, evidence: [{source: a, quote: 乙市考察甲区}]}\n", "")}, `visit
  - yi → jia 2016  visit
1 difference: 0 added, 1 removed, 0 changed, 0 re-sourced
`},
		{"changed fields", []string{base}, []string{edit(t, "name: 李四}", "name: 李肆, aliases: [老李]}", "status: signed", "status: framework")}, `official
  ~ li  李肆
      name: 李四 → 李肆
      aliases: (none) → [老李]
agreement
  ~ deal  合作协议
      status: signed → framework
2 differences: 0 added, 0 removed, 2 changed, 0 re-sourced
`},
		{"an entity changes kind", []string{base}, []string{edit(t, "{id: bing, kind: company", "{id: bing, kind: organisation")}, `organisation
  ~ bing  丙公司
      kind: company → organisation
1 difference: 0 added, 0 removed, 1 changed, 0 re-sourced
`},
		{"re-sourced only", []string{base}, []string{edit(t, "evidence: [{source: a, quote: 乙市考察甲区}]", "evidence: [{source: a, quote: 乙市考察甲区}, {source: b, quote: 考察}]")}, `visit
  = yi → jia 2016  visit
      sources: [a] → [a, b]
      quotes:
        + [b] 考察
1 difference: 0 added, 0 removed, 0 changed, 1 re-sourced
`},
		{"fused many files", []string{base}, []string{base, secondSource}, `secondment
  ~ zhang → yi 2015-07-24  挂任市委常委、副市长
      post: 副市长 → 市委常委、副市长
      start: 2015-07 → 2015-07-24
      variants: (none) → [post: 副市长 (a) | 市委常委、副市长 (b), start: 2015-07 (a) | 2015-07-24 (b)]
      sources: [a] → [a, b]
      quotes:
        + [b] 张三任乙市市委常委、副市长
post
  = zhang → jia 副区长
      sources: [a] → [a, b]
      quotes:
        + [b] 张三任乙市市委常委、副市长
2 differences: 0 added, 0 removed, 1 changed, 1 re-sourced
`},
		{"the same facts split over files", []string{base, secondSource}, []string{secondSource, base}, ""},
		{"an agreement under another id with the same parties, date and title", []string{base}, []string{edit(t, "{id: deal,", "{id: deal-2015,")}, `agreement
  ~ deal-2015  合作协议
      agreement: deal → deal-2015
1 difference: 0 added, 0 removed, 1 changed, 0 re-sourced
`},
		{"a credit's role changes", []string{base}, []string{edit(t, "role: 推动", "role: 促成")}, `agreement
  ~ deal  合作协议
      officials: [zhang(推动)] → [zhang(促成)]
brokered
  ~ zhang → deal  促成
      role: 推动 → 促成
2 differences: 0 added, 0 removed, 2 changed, 0 re-sourced
`},
		{"a secondment's start moves, its term open", []string{base}, []string{edit(t, "start: 2015-07\n", "start: 2019-07\n")}, `secondment
  ~ zhang → yi 2019-07  挂任副市长
      start: 2015-07 → 2019-07
1 difference: 0 added, 0 removed, 1 changed, 0 re-sourced
`},
		{"a secondment's term moves apart", []string{edit(t, "start: 2015-07\n", "start: 2015-07\n    end: 2016-07\n")},
			[]string{edit(t, "start: 2015-07\n", "start: 2019-07\n    end: 2020-07\n")}, `secondment
  - zhang → yi 2015-07  挂任副市长
  + zhang → yi 2019-07  挂任副市长
2 differences: 1 added, 1 removed, 0 changed, 0 re-sourced
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := diff.Compare(load(t, c.old...), load(t, c.new...))
			if got := textOf(r); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if r.Empty() != (c.want == "") {
				t.Errorf("Empty() = %v", r.Empty())
			}
			if again := textOf(diff.Compare(load(t, c.old...), load(t, c.new...))); again != textOf(r) {
				t.Errorf("not deterministic:\n%s\nthen\n%s", textOf(r), again)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	r := diff.Compare(load(t, base), load(t, edit(t, "name: 李四}", "name: 李肆}"), `entities:
  - {id: wang, kind: official, name: 王五}
`))
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"changes":[{"op":"changed","kind":"official","id":"li","label":"李肆","fields":[{"key":"name","old":"李四","new":"李肆"}]},` +
		`{"op":"added","kind":"official","id":"wang","label":"王五","fields":[{"key":"name","new":"王五"},{"key":"kind","new":"official"},{"key":"jurisdiction","new":"other"}]}],` +
		`"stat":[{"kind":"official","added":1,"removed":0,"changed":1,"resourced":0}]}`
	if string(b) != want {
		t.Errorf("got\n%s\nwant\n%s", b, want)
	}
	empty, _ := json.Marshal(diff.Compare(load(t, base), load(t, base)))
	if string(empty) != `{"changes":[],"stat":[]}` {
		t.Errorf("identical: %s", empty)
	}
}

func TestStat(t *testing.T) {
	r := diff.Compare(load(t, base), load(t, base, secondSource))
	got := r.Stat()
	want := []diff.Count{{Kind: "secondment", Changed: 1}, {Kind: "post", Resourced: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("Stat() = %v, want %v", got, want)
	}
	var b strings.Builder
	if err := r.WriteStat(&b); err != nil {
		t.Fatal(err)
	}
	wantText := `kind        added  removed  changed  re-sourced
secondment      0        0        1           0
post            0        0        0           1
total           0        0        1           1
`
	if b.String() != wantText {
		t.Errorf("WriteStat:\n%q\nwant\n%q", b.String(), wantText)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	r := diff.Compare(load(t, base), load(t, base, secondSource))
	for name, write := range map[string]func() error{
		"Write":     func() error { return r.Write(failWriter{}) },
		"WriteStat": func() error { return r.WriteStat(failWriter{}) },
	} {
		if err := write(); err == nil || err.Error() != "disk full" {
			t.Errorf("%s: got %v, want disk full", name, err)
		}
	}
}
