package kb

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestScanLine(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"title：会议", `1:6: full-width colon "：" at 1:6 where YAML needs ":"`},
		{"  - {id: a，title: 会议}", `1:11: full-width comma "，" at 1:11 where YAML needs ","`},
		{"parties: 【甲, 乙】", `1:10: full-width bracket "【" at 1:10 where YAML needs "["`},
		{"parties: [甲, 乙】", `1:15: full-width bracket "】" at 1:15 where YAML needs "]"`},
		{"title: 会议: 签约", `1:10: the colon after "会议" makes a key of what follows: quote the value, as title: "会议: 签约"`},
		{"- {id: x, title: 会议: 签约, note: n}", `1:20: the colon after "会议" makes a key of what follows: quote the value, as title: "会议: 签约"`},
		// Valid YAML: nothing to say.
		{"title: 【重要】通知", ""},
		{"quote: 张三，李四：好", ""},
		{"- {quote: 张三，李四, source: s}", ""},
		{"title: 会议:签约", ""},
		{`title: "会议: 签约"`, ""},
		{"note: a # b: c", ""},
		{"url: http://example.com/a", ""},
	} {
		t.Run(c.line, func(t *testing.T) {
			got := ""
			if h := scanLine([]rune(c.line), 1); h != nil {
				got = strings.Join([]string{itoa(h.line), itoa(h.col)}, ":") + ": " + h.msg
			}
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestIndentation(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"between", "a:\n  - id: x\n    k: v\n   n: v\n", "4:4 indentation: indented 3 spaces, but its siblings are at 4 (line 3) or 2 (line 2)"},
		{"deeper", "a:\n  - id: x\n    k: v\n      n: v\n", "4:7 indentation: indented 6 spaces, deeper than line 3 (4 spaces), which opens no block"},
		{"among items", "a:\n  - id: x\n  n: v\n", `3:3 indentation: indented 2 spaces like the list items (line 2) but is not one ("- "): indent it 4 spaces to put it in the item above`},
		{"indentless list", "a:\n- id: x\n  k: v\nb: 1\n", ""},
		{"block scalar", "a:\n  note: |\n      deep\n    less\n  b: 1\n", ""},
		{"flow over lines", "a: [1,\n      2]\nb: 1\n", ""},
		{"anchor", "a:\n  b: &x\n    - 1\n  c: *x\n", ""},
		{"plain value over lines", "a: one\n  two\nb: 1\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := ""
			if h := indentation(strings.Split(c.text, "\n"), 1); h != nil {
				got = itoa(h.line) + ":" + itoa(h.col) + " " + h.msg
			}
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestExplainValidFiles checks that the scans find nothing to say about
// the knowledge bases in the repository, which are valid YAML.
func TestExplainValidFiles(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.yaml")
	files = append(files, "data/jingji-2015.yaml")
	for _, f := range files {
		if strings.Contains(f, "/bad/") || strings.Contains(f, "/hostile/") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for n, l := range lines {
			if h := scanLine([]rune(l), n+1); h != nil {
				t.Errorf("%s:%d:%d: %s", f, h.line, h.col, h.msg)
			}
		}
		if h := indentation(lines, 1); h != nil {
			t.Errorf("%s:%d:%d: %s", f, h.line, h.col, h.msg)
		}
	}
}
