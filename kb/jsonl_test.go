package kb

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
)

// describe flattens a graph into comparable text.
func describe(g *graph.Graph) []string {
	var out []string
	for _, e := range g.Entities {
		out = append(out, fmt.Sprintf("%+v", *e))
	}
	for _, r := range g.Relations {
		c := *r
		c.Pos = graph.Pos{}
		c.Evidence = nil
		out = append(out, fmt.Sprintf("%+v", c))
		for _, ev := range r.Evidence {
			ev.Pos = graph.Pos{}
			out = append(out, fmt.Sprintf("  %+v", ev))
		}
	}
	return out
}

// TestJSONLMatchesYAML loads the same knowledge base written as YAML and as
// JSON Lines and finds the same graph.
func TestJSONLMatchesYAML(t *testing.T) {
	y := loadBasic(t)
	j, err := Load(OSReader{}, "../testdata/basic/kb.jsonl")
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

func samePosOnly(y, j *graph.Graph, i int) bool {
	if i >= len(y.Entities) {
		return false
	}
	a, b := *y.Entities[i], *j.Entities[i]
	a.Pos, b.Pos = graph.Pos{}, graph.Pos{}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

func TestJSONLErrors(t *testing.T) {
	const src = `{"name": "x", "title": "X"}
{"source": {"id": "s", "title": "T", "file": "s.txt"}}
{"entity": {"id": "a", "kind": "official", "name": "甲"}}
{"entity": {"id": "b", "kind": "body", "name": "乙市"}}
`
	for _, c := range []struct {
		name, line string
		sentinel   error
		want       string
	}{
		{"syntax", `{"entity": {"id": "c",}}`, ErrSyntax, "kb.jsonl:5:23: JSON: invalid character '}' looking for beginning of object key string"},
		{"unknown key", `{"entity": {"id": "c", "nmae": "丙"}}`, ErrUnknownKey, `kb.jsonl:5:24: unknown key "nmae"`},
		{"unknown key in evidence", `{"link": {"kind": "met", "from": "a", "to": "b", "evidence": [{"source": "s", "qoute": "甲"}]}}`, ErrUnknownKey, `kb.jsonl:5:79: unknown key "qoute"`},
		{"unknown key in a role", `{"link": {"kind": "met", "from": "a", "to": "b", "officials": ["a", {"official": "a", "rol": "x"}]}}`, ErrUnknownKey, `kb.jsonl:5:87: unknown key "rol"`},
		{"unknown key in a place", `{"secondment": {"official": "a", "to": {"body": "b", "psot": "x"}}}`, ErrUnknownKey, `kb.jsonl:5:54: unknown key "psot"`},
		{"unknown record", `{"entiti": {"id": "c"}}`, ErrUnknownKey, `kb.jsonl:5:2: unknown key "entiti"`},
		{"wrong type", `{"entity": {"id": 7}}`, ErrSyntax, "kb.jsonl:5:19: JSON: entity.id must be a string, not number"},
		{"two records", `{"entity": {"id": "c", "kind": "body", "name": "丙"}, "link": {}}`, ErrInvalid,
			"kb.jsonl:5:1: a line must hold exactly one of: name, title and uses, source, entity, secondment, agreement, link"},
		{"two values", `{"name": "x"} {"title": "y"}`, ErrSyntax, "kb.jsonl:5:15: JSON: more than one value on the line"},
		{"stray brace", `{"entity": {"id": "c", "kind": "body", "name": "丙"}}}`, ErrSyntax, "kb.jsonl:5:53: JSON: invalid character '}' after the value"},
		{"stray bracket", `{"entity": {"id": "c", "kind": "body", "name": "丙"}} ]`, ErrSyntax, "kb.jsonl:5:54: JSON: invalid character ']' after the value"},
		{"unknown ref", `{"secondment": {"official": "甲", "to": {"body": "丙"}, "evidence": [{"source": "s", "quote": "甲"}]}}`, graph.ErrUnknownRef,
			`kb.jsonl:5:1: to.body "丙" is not an entity id, name or alias`},
		{"quote", `{"secondment": {"official": "甲", "to": {"body": "乙市"}, "evidence": [{"source": "s", "quote": "丁"}]}}`, ErrQuote,
			`kb.jsonl:5:1: quote is not verbatim in source s (s.txt): "丁" not found`},
		{"invalid UTF-8", "{\"entity\": {\"id\": \"\xff\"}}", ErrSyntax, "kb.jsonl:5:20: invalid UTF-8"},
		{"repeated key", `{"entity": {"id": "c", "kind": "body", "name": "丙", "id": "d"}}`, ErrDuplicate,
			`kb.jsonl:5:53: key "id" repeated in entity`},
		{"repeated key, escaped", `{"entity": {"id": "c", "kind": "body", "name": "丙", "\u0069d": "d"}}`, ErrDuplicate,
			`kb.jsonl:5:53: key "id" repeated in entity`},
		{"repeated record key", `{"name": "x", "name": "y"}`, ErrDuplicate, `kb.jsonl:5:15: key "name" repeated in record`},
		{"repeated key in a list", `{"link": {"kind": "m", "from": "甲", "to": "乙市", "evidence": [{"source": "s", "quote": "甲", "quote": "乙"}]}}`, ErrDuplicate,
			`kb.jsonl:5:92: key "quote" repeated in evidence`},
		{"same key in two objects", `{"link": {"kind": "m", "from": "甲", "to": "乙市", "evidence": [{"source": "s", "quote": "甲"}, {"source": "s", "quote": "乙", "note": "x"}], "note": "y"}}`, nil, ""},
		{"key in upper case", `{"entity": {"id": "c", "kind": "body", "Name": "丙"}}`, ErrUnknownKey,
			`kb.jsonl:5:40: unknown key "Name" (keys are lower-case)`},
		{"key with a long s", `{"ſource": {"id": "t", "title": "T"}}`, ErrUnknownKey,
			`kb.jsonl:5:2: unknown key "ſource" (keys are lower-case)`},
		{"lone high surrogate", `{"entity": {"id": "c", "kind": "body", "name": "丙\ud800"}}`, ErrSyntax,
			`kb.jsonl:5:50: JSON: \ud800 is half of a surrogate pair, not a character`},
		{"lone low surrogate", `{"entity": {"id": "c", "kind": "body", "name": "\udc00丙"}}`, ErrSyntax,
			`kb.jsonl:5:49: JSON: \udc00 is half of a surrogate pair, not a character`},
		{"high surrogate then escape", `{"entity": {"id": "c", "kind": "body", "name": "\uD83D\n"}}`, ErrSyntax,
			`kb.jsonl:5:49: JSON: \uD83D is half of a surrogate pair, not a character`},
		{"two high surrogates", `{"entity": {"id": "c", "kind": "body", "name": "\ud83d\ud83d\ude00"}}`, ErrSyntax,
			`kb.jsonl:5:49: JSON: \ud83d is half of a surrogate pair, not a character`},
		{"surrogate pair", `{"entity": {"id": "c", "kind": "body", "name": "\ud83d\ude00\u4e19"}}`, nil, ""},
		{"second name", `{"name": "y"}`, ErrDuplicate, "kb.jsonl:5:1: name given again: it is given at kb.jsonl:1:1"},
		{"second title", `{"title": "Y"}`, ErrDuplicate, "kb.jsonl:5:1: title given again: it is given at kb.jsonl:1:1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := fstest.MapFS{"s.txt": {Data: []byte("甲乙")}}
			_, err := Parse(fs, Input{Name: "kb.jsonl", Data: []byte(src + c.line + "\n")})
			if c.want == "" {
				if err != nil {
					t.Errorf("error:\n%v", err)
				}
				return
			}
			if err == nil || err.Error() != c.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, c.want)
			}
			if !errors.Is(err, c.sentinel) {
				t.Errorf("errors.Is(err, %v) is false", c.sentinel)
			}
		})
	}
}

func TestIsJSONLines(t *testing.T) {
	for name, want := range map[string]bool{"kb.jsonl": true, "K.JSONL": true, "k.NdJson": true, "dir/k.ndjson": true,
		"kb.yaml": false, "kb.json": false, "jsonl": false, "kb.jsonl.yaml": false, "kb.JSONL.bak": false} {
		if got := isJSONLines(name); got != want {
			t.Errorf("isJSONLines(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestJSONLByteOrderMark reads a JSON Lines file that starts with a
// byte-order mark, as YAML and JSON files may, and places errors on its
// first line as if the mark were not there.
func TestJSONLByteOrderMark(t *testing.T) {
	fs := fstest.MapFS{"s.txt": {Data: []byte("甲乙")}}
	g, err := Parse(fs, Input{Name: "kb.jsonl", Data: []byte("\uFEFF{\"name\": \"x\"}\n{\"entity\": {\"id\": \"a\", \"kind\": \"body\", \"name\": \"甲\"}}\n")})
	if err != nil || g.Name != "x" || len(g.Entities) != 1 {
		t.Fatalf("got %v, error %v", g, err)
	}
	_, err = Parse(fs, Input{Name: "kb.jsonl", Data: []byte("\uFEFF{\"name\": 7}\n")})
	if want := "kb.jsonl:1:10: JSON: name must be a string, not number"; fmt.Sprint(err) != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// opener streams files, and refuses to read JSON Lines whole.
type opener struct{}

func (opener) ReadFile(name string) ([]byte, error) {
	if isJSONLines(name) {
		return nil, errors.New("read whole")
	}
	return os.ReadFile(name)
}

func (opener) Open(name string) (io.ReadCloser, error) { return os.Open(name) }

// TestJSONLStream loads JSON Lines through a FileOpener, as it reads them,
// and finds what loading them whole finds.
func TestJSONLStream(t *testing.T) {
	whole, err := Load(struct{ FileReader }{OSReader{}}, "../testdata/basic/kb.jsonl") // ReadFile only
	if err != nil {
		t.Fatal(err)
	}
	streamed, err := Load(opener{}, "../testdata/basic/kb.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := describe(whole), describe(streamed); !slices.Equal(a, b) {
		t.Errorf("streamed:\n%s\nwhole:\n%s", strings.Join(b, "\n"), strings.Join(a, "\n"))
	}
	_, err = Load(opener{}, "no-such.jsonl")
	if want := "no-such.jsonl: cannot read: no such file or directory"; fmt.Sprint(err) != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestLongLines reads lines longer than the reader's buffer, and a last
// line without a line feed.
func TestLongLines(t *testing.T) {
	long := strings.Repeat("长", 100000)
	data := "{\"name\": \"x\"}\r\n\n{\"entity\": {\"id\": \"a\", \"kind\": \"body\", \"name\": \"" + long + "\"}}\n" +
		"{\"entity\": {\"id\": \"b\", \"kind\": \"body\", \"name\": \"乙\", \"note\": \"" + long + "\"}}"
	g, err := Parse(fstest.MapFS{}, Input{Name: "kb.jsonl", Data: []byte(data)})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entities) != 2 || g.Entity("a").Name != long || g.Entity("b").Note != long {
		t.Errorf("got %d entities", len(g.Entities))
	}
}

// blankLines reads as n bytes of lines of spaces, each 1 MiB long.
type blankLines struct{ n, off int64 }

func (b *blankLines) Read(p []byte) (int, error) {
	if b.off >= b.n {
		return 0, io.EOF
	}
	const line = 1 << 20
	k := int(min(int64(len(p)), b.n-b.off))
	for i := range p[:k] {
		p[i] = ' '
	}
	for i := (line - 1 - int(b.off%line)) % line; i < k; i += line {
		p[i] = '\n'
	}
	b.off += int64(k)
	return k, nil
}

// TestJSONLStreamLimit streams a JSON Lines file longer than MaxBulkSize:
// it stops with an error, holding one line at a time.
func TestJSONLStreamLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 1 GiB")
	}
	e := &errs{}
	if doc := decodeJSONLFrom("kb.jsonl", &blankLines{n: MaxBulkSize + 2<<20}, e); doc != nil {
		t.Error("decoded")
	}
	if want := "kb.jsonl: file is more than 1073741824 bytes, over the limit"; fmt.Sprint(e.err()) != want {
		t.Errorf("error %v, want %s", e.err(), want)
	}
}

func loadBasic(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := Load(OSReader{}, "../testdata/basic/kb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return g
}
