package kb

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"
)

// equalNodes returns the first difference between the trees a and b, in
// the fields parseFast must get as yaml.v3 does, with its path; "" when
// there is none.
func equalNodes(path string, a, b *node) string {
	switch {
	case a.Kind != b.Kind:
		return fmt.Sprintf("%s: kind %v, yaml.v3 %v", path, a.Kind, b.Kind)
	case a.Style != b.Style:
		return fmt.Sprintf("%s: style %v, yaml.v3 %v", path, a.Style, b.Style)
	case a.Tag != b.Tag:
		return fmt.Sprintf("%s: tag %q, yaml.v3 %q", path, a.Tag, b.Tag)
	case a.Value != b.Value:
		return fmt.Sprintf("%s: value %q, yaml.v3 %q", path, a.Value, b.Value)
	case a.Anchored != b.Anchored:
		return fmt.Sprintf("%s: anchored %v, yaml.v3 %v", path, a.Anchored, b.Anchored)
	case a.Line != b.Line || a.Column != b.Column:
		return fmt.Sprintf("%s: at %d:%d, yaml.v3 %d:%d", path, a.Line, a.Column, b.Line, b.Column)
	case (a.alias() == nil) != (b.alias() == nil):
		return fmt.Sprintf("%s: alias %v, yaml.v3 %v", path, a.alias() != nil, b.alias() != nil)
	case a.alias() != nil && (a.alias().Kind != b.alias().Kind || !a.alias().Anchored || !b.alias().Anchored || a.alias().Line != b.alias().Line || a.alias().Column != b.alias().Column):
		return fmt.Sprintf("%s: alias of the node at %d:%d, yaml.v3 of the one at %d:%d", path, a.alias().Line, a.alias().Column, b.alias().Line, b.alias().Column)
	case len(a.children()) != len(b.children()):
		return fmt.Sprintf("%s: %d children, yaml.v3 %d", path, len(a.children()), len(b.children()))
	}
	for i := range a.children() {
		if d := equalNodes(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// fastDiff parses data with parseFast and, when it takes it, with yaml.v3,
// and returns whether parseFast took it and how the trees differ ("" when
// they do not, or it was not taken).
func fastDiff(data []byte) (bool, string) {
	var fast node
	if !parseFast(data, &fast) {
		return false, ""
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var slow, next yaml.Node
	if err := dec.Decode(&slow); err != nil {
		return true, fmt.Sprintf("taken, but yaml.v3 says: %v", err)
	}
	if err := dec.Decode(&next); err != io.EOF {
		return true, fmt.Sprintf("taken, but yaml.v3 finds more than one document (%v)", err)
	}
	return true, equalNodes("", &fast, fromYAML(&slow))
}

// fastCovers checks that parseFast takes data, a knowledge-base file, and
// each of the pieces that parsePieces would cut it into with pieces of
// about size bytes (when it would cut it), and gives yaml.v3's trees; it
// returns the number of pieces.
func fastCovers(data []byte, size int) (int, error) {
	texts := [][]byte{data}
	var pieces []piece
	if parsePieces(data, size) != nil { // else the whole file is parsed
		pieces = cutPieces(data, size)
	}
	for _, p := range pieces {
		text := data[p.start:p.end]
		if p.more { // as piece.parse puts the key's line first
			k := data[p.key:]
			k = k[:bytes.IndexByte(k, '\n')+1]
			text = append(append([]byte{}, k...), text...)
		}
		texts = append(texts, text)
	}
	for i, text := range texts {
		ok, diff := fastDiff(text)
		switch {
		case !ok:
			return 0, fmt.Errorf("text %d of %d (%d bytes): not taken", i, len(texts), len(text))
		case diff != "":
			return 0, fmt.Errorf("text %d of %d: %s", i, len(texts), diff)
		}
	}
	return len(pieces), nil
}

var fastCases = []struct {
	name, data string
	taken      bool
}{
	{"null at the end of a mapping", "a:\n  b: 1\n  c:\nd: x\n", true},
	{"null at the end of the file", "a: 1\nb:", true},
	{"null at the end of the file, newline", "a: 1\nb:\n", true},
	{"null before a less indented key", "a:\n  b:\n    c:\nd:\n", true},
	{"null with a comment", "a: # none\nb:   \n", true},
	{"empty flow collections", "a: []\nb: {}\nc: [ ]\nd: { }\n", true},
	{"list of scalars", "- a\n- 'b'\n- \"c\"\n-   d  # e\n", true},
	{"list of mappings", "l:\n  - k: v\n    j: w\n  -   x: y\n      z:\n  -\n    p: q\n  -\n", true},
	{"list of lists", "l:\n  -\n    - a\n    - b\n", true},
	{"flow in lists", "l:\n  - [a, 'b', \"c\"]\n  - {k: v, 'q': \"w\"}\n", true},
	{"quoted keys", "'a': 1\n\"b\": 2\n'c''d': 3\n", true},
	{"Han text", "名字: 张三 # 注\n键: {来源: 甲, 引: 乙}\n列: [甲, 乙 丙]\n- x: 1\n", false},
	{"Han text in a mapping", "名字: 张三 # 注\n键: {来源: 甲, 引: 乙}\n列: [甲, 乙 丙]\n", true},
	{"Han keys in lists", "- 名字: 张三\n  键: [甲]\n", true},
	{"colon and # in values", "a: http://x.y/z#w\nb: 'c: d # e'\nc: \"f: g # h\"\nd: e:f\n", true},
	{"trailing spaces", "a: b   \nc:   \n  - d   \n", true},
	{"no final newline", "a: b", true},
	{"comments everywhere", "# head\na: # x\n  # y\n  b: c # z\n# w\n  d: e\n#\n", true},
	{"indented document", "  a: 1\n  b: 2\n", true},
	{"blank lines", "\n\na: 1\n\n\nb:\n\n  - c\n\n", true},
	{"tags resolved", "a: 1\nb: 2.5\nc: true\nd: ~\ne: null\nf: 2015-07-01\ng: 2015-07\nh: 0x1f\ni: -.inf\nj: .5\nk: 1_000\nl: +1\nm: no\nn: -x\n1: 2\n", true},
	{"escapes", `a: "\t\n\\\"\u00e9\x41\U0001F600\ "` + "\n", true},
	{"single quotes", "a: 'it''s'\nb: ''\nc: \"\"\n", true},
	{"nested", "a:\n  b:\n    c:\n      - d: [e]\n        f: {g: h}\n", true},

	{"empty", "", false},
	{"only comments", "# a\n\n", false},
	{"a scalar document", "a\n", false},
	{"a flow document", "[a]\n", false},
	{"tab", "a:\tb\n", false},
	{"CRLF line ends", "a: b\r\nc: [d, 'e'] # f\r\n\r\n# g\r\nh:\r\n  - i\r\n  - {j: k}\r\n", true},
	{"CRLF at the end without a line", "a: b\r\nc: d", true},
	{"byte-order mark", "\uFEFFa: b\nc: [d]\n", true},
	{"byte-order mark, then a comment", "\uFEFF# x\r\n---\r\n- a\r\n", true},
	{"byte-order mark later", "a: \uFEFFb\n", false},
	{"carriage return alone", "a: b\rc: d\n", false},
	{"carriage return in a value", "a: b\r c\n", false},
	{"carriage return at the end", "a: b\r", false},
	{"document marker first", "# c\n--- # d\na: b\n", true},
	{"document marker first, a list", "---\n- a\n", true},
	{"document marker with content", "--- a: b\n", false},
	{"second document marker", "---\na: b\n---\nc: d\n", false},
	{"document marker after content", "a: b\n---\n", false},
	{"document end marker", "a: b\n...\n", false},
	{"document end", "a: b\n...\n", false},
	{"directive", "%YAML 1.2\n---\na: b\n", false},
	{"anchors and aliases", "a: &x b\nc: *x\nd: &y\n  - e\nf: &z\n  g: h\nl:\n  - &w\n    k: v\n  - *w\n  - &v [i, *y]\n  - {m: *z, n: [*x, *v]}\n", true},
	{"anchor redefined", "a: &x 1\nb: &x 2\nc: *x\n", true},
	{"anchor redefined inside its node", "a: &x\n  b: &x 1\nc: *x\n", true},
	{"anchor on an alias", "a: &x b\nc: &y *x\n", false},
	{"unknown alias", "a: *x\n", false},
	{"alias inside its anchor", "a: &x\n  b: *x\n", false},
	{"alias inside a redefinition", "a: &x 1\nb: &x\n  c: *x\n", false},
	{"anchor on nothing", "a: &x\nb: 1\n", false},
	{"anchor on an item's mapping", "- &x a: b\n", false},
	{"anchor in a flow list", "a: [&x b]\n", false},
	{"alias as a key", "a: &x b\n*x : c\n", false},
	{"tag", "a: !!str 1\n", false},
	{"block scalar", "a: |\n  b\n", false},
	{"folded scalar", "a: >\n  b\n", false},
	{"scalar over two lines", "a: b\n  c\n", false},
	{"quoted over two lines", "a: \"b\n  c\"\n", false},
	{"question mark key", "? a\n: b\n", false},
	{"merge key", "a: {b: c}\n<<: {d: e}\n", false},
	{"flow over two lines", "a: [b,\n  c]\n", false},
	{"nested flow", "a: [[b], {c: [d]}, [{e: f}]]\n", true},
	{"flow over two lines, nested", "a: [[b],\n  c]\n", false},
	{"list not indented under its key", "a:\n- b\n- {c: d}\ne: f\n", true},
	{"list not indented, in an item", "- a:\n  - x\n  -\n  b: 1\n- c\n", true},
	{"list not indented, of mappings", "entities:\n- id: a\n  kind: body\n-\n- {}\nlinks: []\n", true},
	{"list not indented, then deeper", "a:\n- b\n  c: d\n", false},
	{"list on one line", "- - a\n", false},
	{"mapping in a mapping value", "a: b: c\n", false},
	{"wrong indentation", "a:\n    b: 1\n  c: 2\n", false},
	{"key without value", "a\nb: c\n", false},
	{"space before the colon", "a : b\n", false},
	{"unknown escape", `a: "\q"` + "\n", false},
	{"surrogate escape", `a: "\ud800"` + "\n", false},
	{"control character", "a: b\x01\n", false},
	{"trailing comma", "a: [b, c,]\n", false},
	{"flow key without value", "a: {b}\n", false},
	{"junk after a quote", "a: 'b' c\n", false},
}

func TestParseFast(t *testing.T) {
	for _, c := range fastCases {
		t.Run(c.name, func(t *testing.T) {
			taken, diff := fastDiff([]byte(c.data))
			if diff != "" {
				t.Fatal(diff)
			}
			if taken != c.taken {
				t.Errorf("parseFast(%q) took it: %v, want %v", c.data, taken, c.taken)
			}
		})
	}
}

// FuzzFastParse: whenever parseFast takes an input, yaml.v3 decodes it as
// one document without error, into the same tree.
func FuzzFastParse(f *testing.F) {
	var seeds []string
	for _, g := range []string{"data/*.yaml", "../testdata/*/*.yaml"} {
		m, _ := filepath.Glob(g)
		seeds = append(seeds, m...)
	}
	if len(seeds) == 0 {
		f.Fatal("no seed files")
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, c := range fastCases {
		f.Add([]byte(c.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, diff := fastDiff(data); diff != "" {
			t.Fatalf("%q: %s", data, diff)
		}
	})
}

// BenchmarkParseYAML parses the embedded knowledge base with parseFast and
// with yaml.v3's Decoder.
func BenchmarkParseYAML(b *testing.B) {
	data, err := os.ReadFile("data/jingji-2015.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var n node
			if !parseFast(data, &n) {
				b.Fatal("not taken")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var n yaml.Node
			if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
