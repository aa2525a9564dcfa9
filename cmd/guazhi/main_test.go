package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"guazhi": func() { os.Exit(exitCode(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr), os.Stderr)) },
	})
}

var update = flag.Bool("update", false, "rewrite the expected outputs that the scripts of testdata/script compare with cmp")

// TestScript runs the end-to-end CLI scripts in testdata/script: each runs
// guazhi and checks its output, exit status and files. Each script finds
// the follow-up report and its knowledge base (testdata/followup, at the
// repository's root) in $WORK/followup.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", UpdateScripts: *update, Setup: func(e *testscript.Env) error {
		return copyDir(filepath.Join("..", "..", "testdata", "followup"), filepath.Join(e.WorkDir, "followup"))
	}})
}

// copyDir copies the files of the directory src into a new directory dst.
func copyDir(src, dst string) error {
	files, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	if err := os.Mkdir(dst, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(src, f.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, f.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
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
