// Package exporttest holds what the writers' tests share: the test
// graphs, golden files under testdata/export, the schemas in
// ../shared/schemas, NetworkX, a writer that fails, and byte comparisons.
package exporttest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/internal/golden"
	"github.com/guazhi/guazhi/internal/tooltest"
	"github.com/guazhi/guazhi/kb"
)

// Root returns the module root: the nearest directory above the test's
// working directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Dir returns testdata/export in the module root.
func Dir(t testing.TB) string { return filepath.Join(Root(t), "testdata", "export") }

// KB loads testdata/export/kb.yaml: parallel relations, a three-party
// agreement, Chinese and hostile text.
func KB(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := kb.Load(kb.OSReader{}, filepath.Join(Dir(t), "kb.yaml"))
	if err != nil {
		t.Fatalf("loading the test knowledge base: %v", err)
	}
	return g
}

// Followup loads testdata/followup/followup.yaml, a fictional follow-up
// report's knowledge base built on the default data set: relations fused
// from two sources, with variants.
func Followup(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := kb.Load(kb.OSReader{}, filepath.Join(Root(t), "testdata", "followup", "followup.yaml"))
	if err != nil {
		t.Fatalf("loading the follow-up knowledge base: %v", err)
	}
	return g
}

// Default loads the embedded default data set.
func Default(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatalf("loading the default data set: %v", err)
	}
	return g
}

// Golden compares got with testdata/export/name, or rewrites that file
// when the test runs with -update.
func Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join(Dir(t), name), got)
}

// Schema returns the path of a schema file under ../shared/schemas, or
// calls tooltest.Missing.
func Schema(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Root(t), "..", "shared", "schemas", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tooltest.Missing(t, "the schema "+p)
	}
	return p
}

// Xmllint validates data with xmllint --noout --nonet and the given schema
// flag (--schema or --relaxng) and file.
func Xmllint(t testing.TB, data []byte, flagName, schema string) {
	t.Helper()
	xmllint := tooltest.Look(t, "xmllint")
	f := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", flagName, schema, f).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint %s %s: %v\n%s", flagName, filepath.Base(schema), err, out)
	}
}

// ErrFailed is what a FailingWriter returns.
var ErrFailed = errors.New("exporttest: write failed")

// FailingWriter accepts N bytes and then fails every write with ErrFailed.
type FailingWriter struct{ N int }

func (w *FailingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.N {
		w.N -= len(p)
		return len(p), nil
	}
	n := w.N
	w.N = 0
	return n, ErrFailed
}

// WriteErrorsWith runs WriteErrors on a writer of the usual form,
// write(w, g, opt).
func WriteErrorsWith[O any](t *testing.T, write func(io.Writer, *graph.Graph, O) error, g *graph.Graph, opt O) {
	t.Helper()
	WriteErrors(t, len(WriteWith(t, write, g, opt)), func(w *FailingWriter) error { return write(w, g, opt) })
}

// WriteErrors calls write with writers failing after 0, 1, … bytes up to
// size (the length of the full output) in steps, and requires every call to
// return ErrFailed.
func WriteErrors(t *testing.T, size int, write func(w *FailingWriter) error) {
	t.Helper()
	step := max(1, size/50)
	for n := 0; n < size; n += step {
		if err := write(&FailingWriter{N: n}); !errors.Is(err, ErrFailed) {
			t.Errorf("writer failing after %d of %d bytes: got error %v, want %v", n, size, err, ErrFailed)
		}
	}
}

// Write returns what write writes, and fails the test if it fails.
func Write(t testing.TB, write func(w io.Writer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// WriteWith returns what a writer of the usual form, write(w, g, opt),
// writes, and fails the test if it fails.
func WriteWith[O any](t testing.TB, write func(io.Writer, *graph.Graph, O) error, g *graph.Graph, opt O) []byte {
	t.Helper()
	return Write(t, func(w io.Writer) error { return write(w, g, opt) })
}

// GoldenWrite writes with write twice, requires the same bytes both times,
// and compares them with testdata/export/name (see Golden).
func GoldenWrite(t testing.TB, name string, write func(w io.Writer) error) {
	t.Helper()
	got := Write(t, write)
	if again := Write(t, write); !bytes.Equal(got, again) {
		t.Error("two writes of the same graph differ")
	}
	Golden(t, name, got)
}

// Graphs runs f in a subtest for each of the test knowledge base ("kb"),
// the embedded data set ("default") and the fictional follow-up built on it,
// whose relations fuse several sources ("followup"); with large, also for a synthetic
// graph large enough to be encoded in parallel chunks ("synth-1k") and an
// empty graph ("empty").
func Graphs(t *testing.T, large bool, f func(t *testing.T, g *graph.Graph)) {
	t.Helper()
	type namedGraph struct {
		name string
		load func(testing.TB) *graph.Graph
	}
	cases := []namedGraph{{"kb", KB}, {"default", Default}, {"followup", Followup}}
	if large {
		cases = append(cases,
			namedGraph{"synth-1k", func(tb testing.TB) *graph.Graph { return gentest.Graph(tb, 1000) }},
			namedGraph{"empty", func(testing.TB) *graph.Graph { return &graph.Graph{} }})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { f(t, c.load(t)) })
	}
}

// Same fails the test when got differs from want, showing the first byte
// where they part.
func Same(t testing.TB, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < min(len(got), len(want)) && got[i] == want[i] {
		i++
	}
	t.Errorf("%s differs at byte %d of %d (want %d):\ngot  %q\nwant %q",
		what, i, len(got), len(want), got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
}

// Positions places the entities of g for the writers' Positions options,
// as plain data: on a grid with negative, fractional and large coordinates,
// leaving the last entity without a position.
func Positions(g *graph.Graph) map[string][2]float64 {
	pos := map[string][2]float64{}
	for i, e := range g.Entities[:max(len(g.Entities)-1, 0)] {
		pos[e.ID] = [2]float64{float64(i%7)*72.5 - 100, float64(i/7)*1e5 + 0.25}
	}
	return pos
}
