package synth_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/synth"
	"github.com/guazhi/guazhi/kb"
)

// TestLoads writes a generated knowledge base to disk and loads it the way
// guazhi check does: no error, and every record becomes what it should.
func TestLoads(t *testing.T) {
	base := synth.Generate(synth.Options{Officials: 200, Seed: 7})
	d := base.Files(0)
	dir := t.TempDir()
	if err := d.Write(dir); err != nil {
		t.Fatal(err)
	}
	files := make([]string, len(d.KB))
	for i, f := range d.KB {
		files[i] = filepath.Join(dir, f)
	}
	g, err := kb.Load(kb.OSReader{}, files...)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	officials := 0
	for _, e := range g.Entities {
		if e.Kind == graph.Official {
			officials++
		}
	}
	if officials != 200 {
		t.Errorf("officials = %d, want 200", officials)
	}
	if len(g.Entities) != len(base.Entities) || len(g.Entities) != 224 {
		t.Errorf("entities = %d, generated %d, want 224 (24 non-officials at least)", len(g.Entities), len(base.Entities))
	}
	// The brokered relations are derived from the agreements' officials.
	stated := 0
	for _, r := range g.Relations {
		if r.Kind != graph.Brokered {
			stated++
		}
	}
	if stated != base.Relations() {
		t.Errorf("relations = %d, generated %d", stated, base.Relations())
	}
	if n := stated; n < 3*200 || n > 5*200 {
		t.Errorf("relations = %d, want about 4 per official", n)
	}
	if len(base.Agreements) != 100 || len(base.Links) != 140 || len(g.Sources) != 5 {
		t.Errorf("agreements, links, sources = %d, %d, %d; want 100, 140, 5", len(base.Agreements), len(base.Links), len(g.Sources))
	}
	kinds := map[string]int{}
	for _, r := range g.Relations {
		kinds[r.Kind]++
	}
	for _, k := range []string{graph.Secondment, graph.Post, graph.Agreement, graph.PartOf, "meeting", "visit"} {
		if kinds[k] == 0 {
			t.Errorf("no %s relation (have %v)", k, kinds)
		}
	}
	names := map[string]bool{}
	for _, e := range g.Entities {
		if names[e.Name] {
			t.Errorf("name %s is not unique", e.Name)
		}
		names[e.Name] = true
	}
}

// TestSplit: files of a bounded size load to the same graph as one file.
func TestSplit(t *testing.T) {
	base := synth.Generate(synth.Options{Officials: 300, Seed: 3})
	one, split := base.Files(0), base.Files(20000)
	if len(one.KB) != 1 || one.KB[0] != "kb.yaml" {
		t.Errorf("one file: %v", one.KB)
	}
	if len(split.KB) < 5 {
		t.Errorf("split into %d files, want more", len(split.KB))
	}
	for _, name := range split.KB {
		if b, _ := split.ReadFile(name); len(b) > 20000 {
			t.Errorf("%s has %d bytes, over 20000", name, len(b))
		}
	}
	g1, err := kb.Load(one, one.KB...)
	if err != nil {
		t.Fatal(err)
	}
	g2, err := kb.Load(split, split.KB...)
	if err != nil {
		t.Fatal(err)
	}
	if len(g1.Entities) != len(g2.Entities) || len(g1.Relations) != len(g2.Relations) || g2.Name != "synthetic" {
		t.Errorf("split: %d entities, %d relations, name %q; one file: %d, %d", len(g2.Entities), len(g2.Relations), g2.Name,
			len(g1.Entities), len(g1.Relations))
	}
}

// TestDeterministic: the same options give byte-identical files; another
// seed gives others.
func TestDeterministic(t *testing.T) {
	files := func(seed uint64) *synth.Dir {
		return synth.Generate(synth.Options{Officials: 500, Seed: seed}).Files(50000)
	}
	a, b, c := files(1), files(1), files(2)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two runs", a.Files[i].Name)
		}
	}
	ya, _ := a.ReadFile(a.KB[0])
	yc, _ := c.ReadFile(c.KB[0])
	if bytes.Equal(ya, yc) {
		t.Error("seeds 1 and 2 give the same knowledge base")
	}
	if !strings.Contains(string(ya), "种子1") {
		t.Error("the title does not name the seed")
	}
}

func TestWriteLayout(t *testing.T) {
	dir := t.TempDir()
	d := synth.Generate(synth.Options{Officials: 50}).Files(0)
	if err := d.Write(dir); err != nil {
		t.Fatal(err)
	}
	srcs, _ := filepath.Glob(filepath.Join(dir, "sources", "*.txt"))
	if len(srcs) != 2 {
		t.Errorf("sources: %v, want 2 files", srcs)
	}
	if _, err := os.Stat(filepath.Join(dir, "kb.yaml")); err != nil {
		t.Error(err)
	}
}

// TestBulk: the JSON Lines form loads to the same graph as the YAML.
func TestBulk(t *testing.T) {
	base := synth.Generate(synth.Options{Officials: 300, Seed: 5})
	y, j := base.Files(0), base.BulkFiles()
	gy, err := kb.Load(y, y.KB...)
	if err != nil {
		t.Fatal(err)
	}
	gj, err := kb.Load(j, j.KB...)
	if err != nil {
		t.Fatal(err)
	}
	if gy.Name != gj.Name || gy.Title != gj.Title || len(gy.Entities) != len(gj.Entities) || len(gy.Relations) != len(gj.Relations) {
		t.Fatalf("jsonl: %s %s %d %d; yaml: %s %s %d %d", gj.Name, gj.Title, len(gj.Entities), len(gj.Relations),
			gy.Name, gy.Title, len(gy.Entities), len(gy.Relations))
	}
	for i, r := range gy.Relations {
		s := gj.Relations[i]
		if r.Kind != s.Kind || r.From != s.From || r.To != s.To || r.Start != s.Start || r.End != s.End || r.Date != s.Date ||
			r.Post != s.Post || r.Title != s.Title || len(r.Evidence) != len(s.Evidence) || len(r.Officials) != len(s.Officials) {
			t.Fatalf("relation %d: yaml %+v, jsonl %+v", i, *r, *s)
		}
	}
}
