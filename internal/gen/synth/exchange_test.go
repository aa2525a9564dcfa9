package synth_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/synth"
	"github.com/guazhi/guazhi/kb"
)

// TestExchange loads a generated exchange and checks its shape: every
// official counted, a rotation a year from July 2015, some second terms,
// bodies nested by part_of up to a province, most officials sent along
// their district's pairing.
func TestExchange(t *testing.T) {
	base := synth.Exchange(synth.ExchangeOptions{Officials: 1000, Seed: 3})
	d := base.Files(0)
	dir := t.TempDir()
	if err := d.Write(dir); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range d.KB {
		files = append(files, filepath.Join(dir, f))
	}
	g, err := kb.Load(kb.OSReader{}, files...)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	officials, bodies := 0, 0
	for _, e := range g.Entities {
		switch e.Kind {
		case graph.Official:
			officials++
		case graph.Body:
			bodies++
		}
	}
	if officials != 1000 {
		t.Errorf("officials = %d, want 1000", officials)
	}
	if bodies < 200 || bodies > 1000 {
		t.Errorf("bodies = %d, want a few hundred", bodies)
	}
	terms := map[string]int{}
	years := map[string]int{}
	for _, s := range base.Secondments {
		terms[s.Official]++
		years[s.Start]++
		if !strings.HasSuffix(s.Start, "-07") || s.End == "" {
			t.Fatalf("secondment %+v: want a year from July", s)
		}
	}
	twice := 0
	for _, n := range terms {
		if n > 1 {
			twice++
		}
	}
	if twice < 10 || twice > 100 {
		t.Errorf("%d officials seconded twice, want a few in a hundred", twice)
	}
	for y := 2015; y < 2020; y++ {
		if n := years[fmt.Sprintf("%d-07", y)]; n < 190 || n > 230 {
			t.Errorf("rotation %d: %d secondments, want about 200", y, n)
		}
	}
	// Every body is part of a place, up to 北京市 or 河北省.
	parent := map[string]string{}
	for _, e := range base.Entities {
		parent[e.ID] = e.Parent
	}
	for _, e := range base.Entities {
		if e.Kind != "body" {
			continue
		}
		id := e.ID
		for parent[id] != "" {
			id = parent[id]
		}
		if id != "beijingshi" && id != "hebeisheng" {
			t.Errorf("%s (%s) is part of %s, want a province at the top", e.ID, e.Name, id)
		}
	}
	again, _ := synth.Exchange(synth.ExchangeOptions{Officials: 1000, Seed: 3}).Files(0).ReadFile(d.KB[0])
	first, _ := d.ReadFile(d.KB[0])
	if !bytes.Equal(again, first) {
		t.Error("the same options gave different files")
	}
}
