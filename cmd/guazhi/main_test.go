package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// commands are the programs testscript puts on PATH, each a copy of the test
// binary that runs the function given when started under that name: the
// tests run them as child processes too.
var commands = map[string]func(){
	"guazhi": guazhiMain,
}

func guazhiMain() { os.Exit(exitCode(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr), os.Stderr)) }

func TestMain(m *testing.M) {
	testscript.Main(m, commands)
}

// TestScript runs the end-to-end CLI scripts in testdata/script: each runs
// guazhi and checks its output, exit status and files.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
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
