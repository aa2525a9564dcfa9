package kb_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/golden"
	"github.com/guazhi/guazhi/kb"
)

// badDir holds the corpus of bad knowledge bases: CASE.yaml, merged with
// CASE.2.yaml when there is one, and CASE.err, the exact error text
// expected. oversize.yaml is made by the tests (see BadCase).
const badDir = "../testdata/bad"

// BadCase is one knowledge base of the corpus.
type BadCase struct {
	Name  string
	Files []string          // in load order, relative to badDir
	Data  map[string][]byte // files made by the test instead of read
	Want  string            // the expected error text, one line per error
}

// badCases lists the corpus.
func badCases(t testing.TB) []BadCase {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(badDir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []BadCase
	for _, n := range names {
		base := filepath.Base(n)
		if strings.HasSuffix(base, ".2.yaml") {
			continue
		}
		c := BadCase{Name: strings.TrimSuffix(base, ".yaml"), Files: []string{base}}
		if _, err := os.Stat(filepath.Join(badDir, c.Name+".2.yaml")); err == nil {
			c.Files = append(c.Files, c.Name+".2.yaml")
		}
		cases = append(cases, c)
	}
	// A file one byte over the limit, of otherwise valid YAML: too big to
	// keep in the repository.
	big := bytes.Repeat([]byte("#"), kb.MaxFileSize+1)
	copy(big, "name: bad\n")
	cases = append(cases, BadCase{Name: "oversize", Files: []string{"oversize.yaml"}, Data: map[string][]byte{"oversize.yaml": big}})
	for i, c := range cases {
		want, err := os.ReadFile(filepath.Join(badDir, c.Name+".err"))
		if err != nil && !golden.Update() {
			t.Fatalf("%s: %v (run go test ./kb -run TestBadCorpus -update)", c.Name, err)
		}
		cases[i].Want = string(want)
	}
	if len(cases) < 25 {
		t.Fatalf("only %d cases in %s", len(cases), badDir)
	}
	return cases
}

// load loads a case as guazhi does, with source files read from badDir.
func (c BadCase) load() (*graph.Graph, error) {
	var in []kb.Input
	for _, f := range c.Files {
		data, ok := c.Data[f]
		if !ok {
			var err error
			if data, err = os.ReadFile(filepath.Join(badDir, f)); err != nil {
				return nil, err
			}
		}
		in = append(in, kb.Input{Name: f, Data: data})
	}
	return kb.Parse(os.DirFS(badDir).(fs.ReadFileFS), in...)
}

// errLine is the form of every error: file:line:col: message, or
// file: message where there is no position.
var errLine = regexp.MustCompile(`^[a-z0-9.-]+\.(yaml|jsonl)(:[0-9]+:[0-9]+)?: [^\n]+$`)

// TestBadCorpus loads every bad knowledge base and checks the exact error
// text, that every error has a position (where one exists) and a sentinel,
// and that each finishes in bounded time and memory.
func TestBadCorpus(t *testing.T) {
	const (
		maxTime  = 10 * time.Second // generous: a busy machine must not fail it; blow-ups took minutes
		maxAlloc = 64 << 20         // bytes allocated by one load, the input aside
	)
	for _, c := range badCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			g, err := c.load()
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if g != nil || err == nil {
				t.Fatal("loaded without error")
			}
			if elapsed > maxTime {
				t.Errorf("took %v, more than %v", elapsed, maxTime)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > maxAlloc {
				t.Errorf("allocated %d MB, more than %d MB", alloc>>20, maxAlloc>>20)
			}
			var list kb.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T, want kb.ErrorList: %v", err, err)
			}
			for _, e := range list {
				if !errLine.MatchString(e.Error()) {
					t.Errorf("not file:line:col: message: %q", e.Error())
				}
				if e.Err == nil {
					t.Errorf("no sentinel error: %q", e.Error())
				}
			}
			golden.Check(t, filepath.Join(badDir, c.Name+".err"), []byte(err.Error()+"\n"))
		})
	}
}

// TestLinearTime loads knowledge bases whose size made the loader take
// quadratic time: a long chain of parents, many unknown references, a long
// quote not in its source. Each takes well under a second on an idle 2-core
// machine; the quadratic loader took 19.6 s on the parent chain at 20 000, so
// a bound of 15 s still catches a quadratic step while leaving room for a
// machine busy with other work.
func TestLinearTime(t *testing.T) {
	const maxTime = 15 * time.Second
	head := "name: t\nsources: [{id: s, title: T, file: s.txt}]\nentities:\n"
	var chain, refs strings.Builder
	chain.WriteString(head)
	refs.WriteString(head)
	for i := range 30000 {
		fmt.Fprintf(&chain, "  - {id: e%d, kind: body, name: 名%d, parent: e%d}\n", i, i, i+1)
	}
	chain.WriteString("  - {id: e30000, kind: body, name: 名30000}\n")
	for i := range 5000 {
		fmt.Fprintf(&refs, "  - {id: e%d, kind: body, name: 名字名字%d}\n", i, i)
	}
	refs.WriteString("links:\n")
	for i := range 5000 {
		fmt.Fprintf(&refs, "  - {kind: m, from: 名字%d, to: e1, evidence: [{source: s, quote: 甲}]}\n", i)
	}
	quote := head + "  - {id: a, kind: body, name: A}\n  - {id: b, kind: body, name: B}\n" +
		"links: [{kind: m, from: a, to: b, evidence: [{source: s, quote: " + strings.Repeat("甲", 100000) + "乙}]}]\n"
	text := strings.Repeat("甲", 1<<20)
	for _, c := range []struct{ name, kb, want string }{
		{"parent chain", chain.String(), ""},
		{"unknown references", refs.String(), "kb.yaml:5005:21: from \"名字0\" is not an entity id"},
		{"long quote", quote, "kb.yaml:6:65: quote is not verbatim"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := kb.Parse(fstest.MapFS{"s.txt": {Data: []byte(text)}}, kb.Input{Name: "kb.yaml", Data: []byte(c.kb)})
			if d := time.Since(start); d > maxTime {
				t.Errorf("took %v, more than %v", d, maxTime)
			}
			if got := fmt.Sprint(err); c.want == "" && err != nil || c.want != "" && !strings.HasPrefix(got, c.want) {
				t.Errorf("error %.300s, want %q", got, c.want)
			}
		})
	}
}

// TestErrorCap loads knowledge bases that are nothing but errors: the list
// stops at kb.MaxErrors, ends with a count of the rest, and stays small
// whatever the input's size.
func TestErrorCap(t *testing.T) {
	const lines = 200000
	yaml := "entities:\n" + strings.Repeat("- {}\n", lines)
	jsonl := strings.Repeat("[]\n", lines)
	for _, c := range []struct{ name, file, data, first string }{
		{"YAML", "kb.yaml", yaml, "kb.yaml:2:3: entity has no id"},
		{"JSON Lines", "kb.jsonl", jsonl, "kb.jsonl:1:1: JSON: a line must be an object, not array"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := kb.Parse(fstest.MapFS{}, kb.Input{Name: c.file, Data: []byte(c.data)})
			var list kb.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T, want kb.ErrorList: %v", err, err)
			}
			if len(list) != kb.MaxErrors+1 || list.Count() != lines {
				t.Fatalf("%d errors standing for %d problems, want %d for %d", len(list), list.Count(), kb.MaxErrors+1, lines)
			}
			if got := list[0].Error(); got != c.first {
				t.Errorf("first error %q, want %q", got, c.first)
			}
			last := list[len(list)-1]
			want := fmt.Sprintf("… and %d more problems (only the first %d found are listed)", lines-kb.MaxErrors, kb.MaxErrors)
			if last.Error() != want || !errors.Is(last, kb.ErrLimit) || last.Omitted != lines-kb.MaxErrors {
				t.Errorf("last error %q (omitted %d), want %q wrapping ErrLimit", last.Error(), last.Omitted, want)
			}
			if n := len(err.Error()); n > 100<<10 {
				t.Errorf("error text of %d bytes", n)
			}
		})
	}
}
