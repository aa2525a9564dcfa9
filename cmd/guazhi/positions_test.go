package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/internal/tooltest"
)

// TestPositionsInGraphology renders GEXF and GraphML as the CLI does and
// reads them with graphology (graphology-gexf, the parser Gephi Lite uses,
// and graphology-graphml): every node has finite coordinates, those of the
// diagram's layout, and ForceAtlas2 runs on them without seeding.
func TestPositionsInGraphology(t *testing.T) {
	node := tooltest.Look(t, "node")
	script, err := filepath.Abs(filepath.Join("..", "..", "conform", "graphology", "positions.js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules", "graphology-graphml")); err != nil {
		tooltest.Missing(t, "conform/graphology/node_modules (npm ci --prefix conform/graphology)")
	}
	for _, c := range []struct {
		name string
		args []string
	}{
		{"default", nil},
		{"agreements as edges", []string{"--agreements", "edges"}},
		{"basic kb, neato", []string{"--layout", "neato", "../../testdata/basic/kb.yaml"}},
		{"focus", []string{"--focus", "曹蕾", "--depth", "2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var stdout, stderr bytes.Buffer
			args := append([]string{"render", "-f", "gexf,graphml", "-o", dir}, c.args...)
			if err := run(args, nil, &stdout, &stderr); err != nil {
				t.Fatal(err, stderr.String())
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*.g*ml"))
			gexfs, _ := filepath.Glob(filepath.Join(dir, "*.gexf"))
			files = append(files, gexfs...)
			if len(files) != 2 {
				t.Fatalf("wrote %q, want a GEXF and a GraphML", files)
			}
			var extents []string
			for _, f := range files {
				out, err := exec.Command(node, script, f).Output()
				if err != nil {
					t.Fatalf("%s: %v", filepath.Base(f), err)
				}
				var got struct {
					Nodes                     int
					Unplaced                  []string
					Extent                    json.RawMessage
					NonFiniteAfterForceAtlas2 int
				}
				if err := json.Unmarshal(out, &got); err != nil {
					t.Fatalf("%v: %s", err, out)
				}
				t.Logf("%s: %s", filepath.Base(f), out)
				if got.Nodes == 0 || len(got.Unplaced) > 0 || got.NonFiniteAfterForceAtlas2 > 0 {
					t.Errorf("%s: %d nodes, unplaced %q, %d non-finite after ForceAtlas2", filepath.Base(f), got.Nodes, got.Unplaced, got.NonFiniteAfterForceAtlas2)
				}
				extents = append(extents, string(got.Extent))
			}
			if extents[0] != extents[1] {
				t.Errorf("the GraphML and the GEXF place the nodes differently: %s", strings.Join(extents, " vs "))
			}
		})
	}
}
