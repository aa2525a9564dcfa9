package kb

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
)

// base is a valid knowledge base that the error cases break one piece at a
// time.
const base = `name: t
sources:
  - {id: s, title: T, file: s.txt}
entities:
  - {id: a, kind: official, name: 甲, aliases: [甲某]}
  - {id: b, kind: body, name: 乙市, jurisdiction: beijing}
  - {id: c, kind: body, name: 丙市, jurisdiction: hebei}
`

const text = "甲挂任丙市副市长。乙市与丙市签约。"

func parse(t *testing.T, files map[string]string) (*graph.Graph, error) {
	t.Helper()
	fs := fstest.MapFS{"s.txt": {Data: []byte(text)}}
	var in []Input
	for _, name := range []string{"kb.yaml", "kb2.yaml"} {
		if data, ok := files[name]; ok {
			fs[name] = &fstest.MapFile{Data: []byte(data)}
			in = append(in, Input{Name: name, Data: []byte(data)})
		}
	}
	return Parse(fs, in...)
}

const goodSecondment = `secondments:
  - official: 甲
    from: {body: 乙市, post: 副区长}
    to: {body: 丙市, post: 副市长}
    start: 2015-07
    end: 2016-07
    evidence: [{source: s, quote: 甲挂任丙市副市长}]
`

func TestLoadValid(t *testing.T) {
	g, err := parse(t, map[string]string{"kb.yaml": base + goodSecondment})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entities) != 3 || len(g.Relations) != 2 {
		t.Fatalf("got %d entities, %d relations; want 3, 2", len(g.Entities), len(g.Relations))
	}
	if r := g.Between("a", "c"); len(r) != 1 || r[0].Kind != graph.Secondment || r[0].Post != "副市长" {
		t.Errorf("secondment edge a→c: %+v", r)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct {
		name     string
		files    map[string]string
		sentinel error
		want     string // the whole error text, one line per error
	}{
		{"syntax", map[string]string{"kb.yaml": "name: [t\n"}, ErrSyntax,
			"kb.yaml:1:1: YAML: did not find expected ',' or ']'"},
		{"tab", map[string]string{"kb.yaml": "name: t\n\tentities: []\n"}, ErrSyntax,
			"kb.yaml:2:1: YAML: found a tab character that violates indentation (tabs cannot indent YAML; use spaces)"},
		{"unknown key", map[string]string{"kb.yaml": base + "  - {id: d, kind: body, nmae: 丁}\n"}, ErrUnknownKey,
			"kb.yaml:8:5: entity d: name is missing\n" +
				"kb.yaml:8:25: unknown key \"nmae\" in entity (want one of id, kind, name, name_en, full_name, aliases, jurisdiction, parent, note)"},
		// Records that give no key are kept as their position: the same errors, in the same order;
		// an element that is no mapping is reported once, as that.
		{"empty records", map[string]string{"kb.yaml": base + "  - {}\n  - x\n  - {id: d, kind: body, name: 丁}\n  - {}\nsecondments: [{}, 7]\nagreements: [{}]\nlinks: [[], {}]\n"}, ErrMissing,
			"kb.yaml:8:5: entity has no id\n" +
				"kb.yaml:9:5: entity must be a mapping, not a scalar\n" +
				"kb.yaml:11:5: entity has no id\n" +
				"kb.yaml:12:15: secondment official is missing\n" +
				"kb.yaml:12:15: secondment to.body is missing\n" +
				"kb.yaml:12:15: secondment has no evidence\n" +
				"kb.yaml:12:19: secondment must be a mapping, not a scalar\n" +
				"kb.yaml:13:14: agreement has no id\n" +
				"kb.yaml:14:9: link must be a mapping, not a list\n" +
				"kb.yaml:14:13: link kind is missing\n" +
				"kb.yaml:14:13: link from is missing\n" +
				"kb.yaml:14:13: link to is missing\n" +
				"kb.yaml:14:13: link has no evidence"},
		{"wrong type", map[string]string{"kb.yaml": base + "  - {id: d, kind: body, name: 丁, aliases: 丁市}\n"}, ErrType,
			"kb.yaml:8:43: aliases must be a list, not a scalar"},
		{"bad kind", map[string]string{"kb.yaml": base + "  - {id: d, kind: person, name: 丁}\n"}, ErrInvalid,
			"kb.yaml:8:19: entity d: kind \"person\" is not one of official, body, company, organisation"},
		{"bad id", map[string]string{"kb.yaml": base + "  - {id: D_1, kind: body, name: 丁}\n"}, ErrInvalid,
			"kb.yaml:8:10: entity id \"D_1\" must be lower-case letters, digits and single hyphens"},
		{"duplicate id", map[string]string{"kb.yaml": base + "  - {id: a, kind: body, name: 丁}\n"}, ErrDuplicate,
			"kb.yaml:8:10: entity id \"a\" already defined at kb.yaml:5:5"},
		{"empty name", map[string]string{"kb.yaml": base + "  - {id: d, kind: body, name: \" \"}\n"}, ErrMissing,
			"kb.yaml:8:31: entity d: name is empty"},
		{"unknown ref", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "body: 乙市", "body: 乙", 1)}, graph.ErrUnknownRef,
			"kb.yaml:10:18: from.body \"乙\" is not an entity id, name or alias (did you mean b (乙市)?)"},
		{"ambiguous ref", map[string]string{"kb.yaml": base + "  - {id: d, kind: body, name: 丁, aliases: [乙市]}\n" + goodSecondment}, graph.ErrAmbiguousRef,
			"kb.yaml:11:18: from.body \"乙市\" is ambiguous: it names b (乙市 at kb.yaml:6:5), d (丁 at kb.yaml:8:5); use an id"},
		{"bad date", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "start: 2015-07", "start: 2015-13-40", 1)}, graph.ErrDate,
			"kb.yaml:12:12: start: date \"2015-13-40\" has no month 13"},
		{"bad day", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "start: 2015-07", "start: 2015-02-29", 1)}, graph.ErrDate,
			"kb.yaml:12:12: start: date \"2015-02-29\" has no day 29"},
		{"start after end", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "end: 2016-07", "end: 2014-07", 1)}, graph.ErrDate,
			"kb.yaml:13:10: end 2014-07 is before start 2015-07"},
		{"no evidence", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "    evidence: [{source: s, quote: 甲挂任丙市副市长}]\n", "", 1)}, ErrEvidence,
			"kb.yaml:9:5: secondment has no evidence"},
		{"quote not in source", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "甲挂任丙市副市长}", "甲挂任丙市市长}", 1)}, ErrQuote,
			"kb.yaml:14:35: quote is not verbatim in source s (s.txt): \"甲挂任丙市\" found, but not what follows: \"市长\""},
		{"unknown source", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "source: s,", "source: x,", 1)}, graph.ErrUnknownRef,
			"kb.yaml:14:25: evidence source \"x\" is not a source id (have s)"},
		{"missing source file", map[string]string{"kb.yaml": strings.Replace(base, "s.txt", "gone.txt", 1)}, ErrSource,
			"kb.yaml:3:29: source s: cannot read gone.txt: file does not exist"},
		{"self link", map[string]string{"kb.yaml": base + "links:\n  - {kind: meeting, from: 乙市, to: b, evidence: [{source: s, quote: 乙市}]}\n"}, ErrInvalid,
			"kb.yaml:9:35: link from and to the same entity b"},
		{"part_of cycle", map[string]string{"kb.yaml": strings.Replace(strings.Replace(base, "jurisdiction: beijing}", "jurisdiction: beijing, parent: c}", 1), "jurisdiction: hebei}", "jurisdiction: hebei, parent: b}", 1)}, ErrCycle,
			"kb.yaml:6:66: part_of cycle: b → c → b"},
		{"agreement one party", map[string]string{"kb.yaml": base + "agreements:\n  - {id: x, title: X, status: signed, parties: [乙市], evidence: [{source: s, quote: 签约}]}\n"}, ErrMissing,
			"kb.yaml:9:5: agreement x: needs two or more parties"},
		{"bad status", map[string]string{"kb.yaml": base + "agreements:\n  - {id: x, title: X, status: done, parties: [乙市, 丙市], evidence: [{source: s, quote: 签约}]}\n"}, ErrInvalid,
			"kb.yaml:9:31: agreement x: status \"done\" is not one of signed, framework, consensus, intent"},
		{"official not an official", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "official: 甲", "official: 乙市", 1)}, ErrInvalid,
			"kb.yaml:9:15: official \"乙市\" is a body, not official"},
		{"to.body an official", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "to: {body: 丙市", "to: {body: 甲某", 1)}, ErrInvalid,
			"kb.yaml:11:16: to.body \"甲某\" is an official, not body, company or organisation"},
		{"from.body an official", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "from: {body: 乙市", "from: {body: a", 1)}, ErrInvalid,
			"kb.yaml:10:18: from.body \"a\" is an official, not body, company or organisation"},
		{"year 1", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "start: 2015-07", "start: 0001-01", 1)}, graph.ErrDate,
			"kb.yaml:12:12: start: date \"0001-01\": year 1 is outside 1900-2100"},
		{"year 9999", map[string]string{"kb.yaml": base + strings.Replace(goodSecondment, "end: 2016-07", "end: 9999-12-31", 1)}, graph.ErrDate,
			"kb.yaml:13:10: end: date \"9999-12-31\": year 9999 is outside 1900-2100"},
		{"name 101 characters", map[string]string{"kb.yaml": strings.Replace(base, "name: t", "name: "+strings.Repeat("n", 101), 1)}, ErrInvalid,
			"kb.yaml:1:7: name \"nnnnnnnnnnnnnnnnnnnn\"… is 101 characters long, more than 100 (it names output files)"},
		{"name with a slash", map[string]string{"kb.yaml": strings.Replace(base, "name: t", "name: ../t", 1)}, ErrInvalid,
			"kb.yaml:1:7: name \"../t\" must be letters, digits, '.', '_' or '-', starting with a letter or digit (it names output files)"},
		{"name CON", map[string]string{"kb.yaml": strings.Replace(base, "name: t", "name: CON", 1)}, ErrInvalid,
			"kb.yaml:1:7: name \"CON\" is a device name that Windows cannot open as a file (CON, PRN, AUX, NUL, COM1-9, LPT1-9)"},
		{"name ending in a dot", map[string]string{"kb.yaml": strings.Replace(base, "name: t", "name: t.", 1)}, ErrInvalid,
			"kb.yaml:1:7: name \"t.\" ends with a dot, which Windows drops from file names"},
		{"contradicting merge", map[string]string{"kb.yaml": base, "kb2.yaml": "entities:\n  - {id: b, kind: body, name: 乙区}\n"}, ErrConflict,
			"kb2.yaml:2:31: entity b: name \"乙区\" contradicts \"乙市\" at kb.yaml:6:31 (one id is one thing: make them agree, or leave the field to one of the files)"},
		{"control character", map[string]string{"kb.yaml": base + "  - {id: d, kind: body, name: \"丁\\x01\"}\n"}, ErrInvalid,
			"kb.yaml:8:31: entity name contains the control character U+0001, which XML cannot carry"},
		{"unknown top-level key", map[string]string{"kb.yaml": "a: &a [x, x]\n"}, ErrUnknownKey,
			"kb.yaml:1:1: unknown key \"a\" in knowledge base (want one of name, title, uses, sources, entities, secondments, agreements, links)"},
		{"several errors in one file", map[string]string{"kb.yaml": base + "  - {id: d, kind: body, name: 丁, jurisdiction: mars}\n  - {id: e, kind: bdy, name: 戊}\n"}, ErrInvalid,
			"kb.yaml:8:48: entity d: jurisdiction \"mars\" is not one of beijing, hebei, tianjin, national, other, foreign, nor a province's id (shanghai, yunnan, …)\n" +
				"kb.yaml:9:19: entity e: kind \"bdy\" is not one of official, body, company, organisation"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parse(t, c.files)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != c.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, c.want)
			}
			if !errors.Is(err, c.sentinel) {
				t.Errorf("errors.Is(err, %v) is false", c.sentinel)
			}
		})
	}
}

func TestMergeUnionsAliases(t *testing.T) {
	g, err := parse(t, map[string]string{
		"kb.yaml":  base + goodSecondment,
		"kb2.yaml": "entities:\n  - {id: b, kind: body, name: 乙市, aliases: [乙]}\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	if a := g.Entity("b").Aliases; len(a) != 1 || a[0] != "乙" {
		t.Errorf("aliases %q, want [乙]", a)
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in, want, first, last string
	}{
		{"2015", "2015", "2015-01-01", "2015-12-31"},
		{"2015-07", "2015-07", "2015-07-01", "2015-07-31"},
		{"2016-02", "2016-02", "2016-02-01", "2016-02-29"},
		{"2015-10-12", "2015-10-12", "2015-10-12", "2015-10-12"},
	} {
		d, err := graph.ParseDate(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if d.String() != c.want || d.FirstDay().Format("2006-01-02") != c.first || d.LastDay().Format("2006-01-02") != c.last {
			t.Errorf("%s: %s %s %s", c.in, d, d.FirstDay(), d.LastDay())
		}
	}
	for _, bad := range []string{"", "15", "2015-7", "2015-00", "2015-13", "2015-02-30", "2015-1-1", "abcd", "2015-07-01-01", "+015", "0000", "0001-01", "1899-12-31", "2101"} {
		if _, err := graph.ParseDate(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestHomePostEvidence(t *testing.T) {
	kb := base + strings.Replace(goodSecondment, "from: {body: 乙市, post: 副区长}",
		"from: {body: 乙市, post: 副区长, evidence: [{source: s, quote: 乙市, inferred: true}]}", 1)
	g, err := parse(t, map[string]string{"kb.yaml": kb})
	if err != nil {
		t.Fatal(err)
	}
	post := g.Between("a", "b")
	if len(post) != 1 || len(post[0].Evidence) != 1 || post[0].Evidence[0].Quote != "乙市" || !post[0].Evidence[0].Inferred {
		t.Errorf("home post evidence: %+v", post)
	}
	if sec := g.Between("a", "c"); len(sec) != 1 || sec[0].Evidence[0].Quote != "甲挂任丙市副市长" {
		t.Errorf("secondment evidence: %+v", sec)
	}
}

// TestCRLFSource matches a quote spanning lines, written as a YAML block
// scalar (so with LF), against sources saved with CRLF and with CR line
// endings, short ones and ones long enough to be indexed; the quote is kept
// as written.
func TestCRLFSource(t *testing.T) {
	kb := strings.Replace(base, "file: s.txt}", "file: s.txt}\n  - {id: w, title: W, file: w.txt}", 1) +
		"links:\n  - kind: meeting\n    from: 乙市\n    to: 丙市\n    evidence:\n" +
		"      - source: s\n        quote: |-\n          乙市与丙市\n          签约。\n" +
		"      - source: w\n        quote: |-\n          乙市与丙市\n          签约。\n"
	for _, c := range []struct{ name, eol, pad string }{
		{"CRLF", "\r\n", ""},
		{"CR", "\r", ""},
		{"CRLF indexed", "\r\n", strings.Repeat("填充文字。\r\n", 2000)},
		{"LF indexed", "\n", strings.Repeat("填充文字。\n", 2000)},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := c.pad + "甲挂任丙市副市长。" + c.eol + "乙市与丙市" + c.eol + "签约。" + c.eol + c.pad
			fs := fstest.MapFS{"s.txt": {Data: []byte(src)}, "w.txt": {Data: []byte(c.pad + "乙市与丙市" + c.eol + "签约。")}}
			g, err := Parse(fs, Input{Name: "kb.yaml", Data: []byte(kb)})
			if err != nil {
				t.Fatal(err)
			}
			r := g.Between("b", "c")
			if len(r) != 1 || len(r[0].Evidence) != 2 || r[0].Evidence[0].Quote != "乙市与丙市\n签约。" {
				t.Fatalf("relation b–c: %+v", r)
			}
			if g.Source("s").Text != src {
				t.Errorf("source text changed")
			}
		})
	}
	// A quote the source does not hold still fails, and says how much of it
	// was found.
	fs := fstest.MapFS{"s.txt": {Data: []byte("乙市与丙市\r\n签字。")}, "w.txt": {Data: []byte("乙市与丙市\r\n签约。")}}
	_, err := Parse(fs, Input{Name: "kb.yaml", Data: []byte(kb)})
	if want := "kb.yaml:15:16: quote is not verbatim in source s (s.txt): \"乙市与丙市\\n签\" found, but not what follows: \"约。\""; fmt.Sprint(err) != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestWindowsNames checks the names Windows cannot open as files, which a
// knowledge base may not take, and names close to them, which it may.
func TestWindowsNames(t *testing.T) {
	for _, n := range []string{"CON", "con", "Con.x", "PRN", "aux", "NUL", "nul.tar.gz", "COM1", "com9", "LPT1", "lpt9.dot"} {
		if !windowsReserved(n) || nameProblem(n) == "" {
			t.Errorf("%q: not refused", n)
		}
	}
	for _, n := range []string{"CONS", "icon", "COM0", "COM10", "LPT", "nul-1", "aux2", "t", "a.b"} {
		if windowsReserved(n) || nameProblem(n) != "" {
			t.Errorf("%q: refused: %s", n, nameProblem(n))
		}
	}
}
