package kb

import (
	"fmt"
	"strings"
	"testing"
)

// bigYAML returns a knowledge base of more than splitMin bytes whose
// top-level keys are name, title, sources, entities and links, with extra
// text put after the entities.
func bigYAML(extra string) string {
	var b strings.Builder
	b.WriteString("# a comment\nname: big\ntitle: \"大\" # another\n\nsources:\n  - {id: s1, title: t, file: s1.txt}\nentities:\n")
	for i := 0; b.Len() < splitMin+1000; i++ {
		fmt.Fprintf(&b, "  - id: e%d\n    kind: body\n    name: 机构%d\n    aliases: [甲%d, '乙%d']\n    note: |\n      line one\n      line: two\n    evidence:\n      - source: s1\n        quote: \"引\n          文\"\n      -\n        source: s2\n", i, i, i, i)
	}
	b.WriteString(extra)
	b.WriteString("links:\n  - {kind: meeting, from: e1, to: e2}\n  -\n    kind: visit\n    from: e2\n    to: e3\n")
	return b.String()
}

// sameTree fails the test when the tree of the pieces, a, differs from the
// whole file's, b (the messages say "yaml.v3" for the whole file's).
func sameTree(t *testing.T, path string, a, b *node) {
	t.Helper()
	if d := equalNodes(path, a, b); d != "" {
		t.Fatal(d)
	}
}

func TestParseSplit(t *testing.T) {
	for _, c := range []struct {
		name, extra string
		split       bool
	}{
		{"plain", "", true},
		{"a key after the entities", "secondments: []\nagreements:\n  - id: a\n    parties: [e1, e2]\n", true},
		{"a quoted string over a line that starts with a key", "agreements: \"one\nlinks: two\"\n", false},
		{"a flow list over such a line", "agreements: [a,\nlinks: b]\n", false},
		{"an alias of an anchor in another piece", "agreements: &x []\nsecondments: *x\n", false},
		{"an anchor and its alias in one piece", "agreements:\n  - title: &x a\n    note: *x\nsecondments: [&y {a: b}, *y]\n", true},
		{"an anchor on a list that is cut, its alias in it", "agreements: &x\n  - a\n  - *x\n", false},
		{"an anchor given again in a later piece", "agreements:\n  - title: &x a\nsecondments:\n  - a: &x b\n    c: *x\n", true},
		{"a second document", "---\nname: x\n", false},
		{"a syntax error in a part", "agreements: [\n", false},
		{"a tab in a comment and a quoted string", "agreements:\n  - title: \"a\tb\" # c\td\n", true},
		{"a tab that indents", "agreements:\n\t- title: a\n", false},
		{"CRLF", "agreements:\r\n  - title: a\r\n  - title: b # c\r\nsecondments: []\r\n", true},
		{"a carriage return alone", "agreements:\r  - title: a\n", false},
		{"a quoted string over a line that starts an element", "agreements:\n  - title: \"a\n  - b\"\n  - title: c\n", false},
		{"a flow mapping over such a line", "agreements:\n  - {title: a,\n  - b: c}\n", false},
		{"a list of lists", "agreements:\n  - - a\n    - b\n  -\n    - c\n", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := []byte(bigYAML(c.extra))
			whole := parseWhole("kb.yaml", data, &errs{})
			// Cut before every element (size 1), and as Load does.
			every, split := parsePieces(data, 1), parseSplit(data)
			if (every != nil) != c.split {
				t.Errorf("cut before every element: %v, want %v", every != nil, c.split)
			}
			for _, tree := range []*node{every, split} {
				switch {
				case tree == nil:
				case whole == nil:
					t.Error("the file is cut, and parsed, but the whole file does not parse")
				default:
					sameTree(t, "", tree, whole)
				}
			}
		})
	}
	if parseSplit([]byte("name: small\nentities: []\n")) != nil {
		t.Error("a small file is split")
	}
}

// FuzzParseSplit: whenever a file cut before every element parses, it
// gives the tree of the whole file.
func FuzzParseSplit(f *testing.F) {
	f.Add("name: a\nentities:\n  - id: a\n    aliases: [x, y]\n  - id: b\nlinks:\n  - kind: k\n")
	f.Add("entities:\n  - title: \"a\n  - b\"\n  - {a: b,\n  - c: d}\n")
	f.Add("agreements:\n  - - a\n    - b\n  -\n    - c\nnote: |\n  - x\n  y: z\n")
	f.Add("name: a\nentities:\n  - &e {id: a}\n  - *e\n  - id: &i b\n    aliases: [*i]\nlinks:\n  - *e\n  - &e {kind: k}\n  - *e\n")
	f.Add("\uFEFFname: a\r\nentities:\r\n  - id: a\r\n    aliases: [x]\r\n  -\r\n  - id: b\r\nlinks:\r\n- kind: k\r\n")
	f.Add("name: a # a\ttab\nentities:\n  - id: a\n\taliases: [x]\n  - id: b\t\n  - \"c\td\"\nlinks:\n\t- kind: k\n")
	f.Fuzz(func(t *testing.T, s string) {
		data := []byte(s)
		tree := parsePieces(data, 1)
		if tree == nil {
			return
		}
		whole := parseWhole("kb.yaml", data, &errs{})
		if whole == nil {
			t.Fatalf("%q: cut, it parses; whole, it does not", s)
		}
		sameTree(t, "", tree, whole)
	})
}

func TestTopList(t *testing.T) {
	for _, c := range []struct {
		data      string
		line, col int
	}{
		{"- a\n- b\n", 1, 1},
		{"\uFEFF# a list\n\n%YAML 1.2\n---\n  - a\n", 5, 3},
		{"[a, b]\n", 1, 1},
		{"-\n", 1, 1},
		{"name: x\n- a\n", 0, 0},
		{"-name: x\n", 0, 0},
		{"--- - a\n", 0, 0}, // left to the parser
		{"\t- a\n", 0, 0},   // left to the parser, which words the tab
		{"", 0, 0},
	} {
		if line, col := topList([]byte(c.data)); line != c.line || col != c.col {
			t.Errorf("topList(%q) = %d, %d, want %d, %d", c.data, line, col, c.line, c.col)
		}
	}
}
