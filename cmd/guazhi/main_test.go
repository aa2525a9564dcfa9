package main

import (
	"bytes"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/guazhi/guazhi/internal/golden"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"guazhi": main})
}

// TestScript runs the end-to-end CLI scripts in testdata/script: each runs
// guazhi and checks its output, exit status and files. -update rewrites
// the files the scripts compare with (cmp stdout want.txt).
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", UpdateScripts: golden.Update()})
}

func TestExitCodes(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"no command", nil, 2},
		{"unknown command", []string{"nope"}, 2},
		{"unknown flag", []string{"render", "--nope"}, 2},
		{"unknown format", []string{"render", "-f", "png"}, 2},
		{"help", []string{"render", "--help"}, 0},
		{"version", []string{"version"}, 0},
		{"check default", []string{"check"}, 0},
		{"missing file", []string{"check", "testdata/no-such.yaml"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if got := exitCode(run(c.args, nil, &out, &errs), &errs); got != c.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", got, c.want, errs.String())
			}
		})
	}
}
