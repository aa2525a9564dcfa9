package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/guazhi/guazhi/internal/golden"
	"github.com/guazhi/guazhi/kb"
)

// commands are the programs testscript puts on PATH, each a copy of the test
// binary that runs the function given when started under that name: the
// tests run them as child processes too.
var commands = map[string]func(){
	"guazhi": main,
}

func TestMain(m *testing.M) {
	testscript.Main(m, commands)
}

// TestScript runs the end-to-end CLI scripts in testdata/script: each runs
// guazhi and checks its output, exit status and files. -update rewrites
// the files the scripts compare with (cmp stdout want.txt). Each script
// finds the follow-up report and its knowledge base (testdata/followup, at
// the repository's root) in $WORK/followup.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", UpdateScripts: golden.Update(), Setup: func(e *testscript.Env) error {
		return copyDir(filepath.Join("..", "..", "testdata", "followup"), filepath.Join(e.WorkDir, "followup"))
	}, Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits}})
}

// exits runs a program and checks its exit status, which exec only tells
// apart as zero or not: "exits 2 guazhi diff a.yaml".
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: status %q is not a number", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
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
		{"diff the same", []string{"diff", "jingji-2015", "jingji-2015"}, 0},
		{"diff one side only", []string{"diff", "jingji-2015"}, 2},
		{"diff a missing file", []string{"diff", "jingji-2015", "testdata/no-such.yaml"}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if got := exitCode(run(c.args, nil, &out, &errs), &errs); got != c.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", got, c.want, errs.String())
			}
		})
	}
}

// TestErrorCapCLI checks that a knowledge base of nothing but errors
// prints the first kb.MaxErrors, a count of the rest and the total.
func TestErrorCapCLI(t *testing.T) {
	base := filepath.Join(t.TempDir(), "kb.yaml")
	if err := os.WriteFile(base, []byte("entities:\n"+strings.Repeat("- {}\n", 1500)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runGuazhi("check", base)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	want := []string{"… and 500 more problems (only the first 1000 found are listed)", "guazhi: 1500 problems"}
	if code != 1 || len(lines) != kb.MaxErrors+2 || !slices.Equal(lines[len(lines)-2:], want) {
		t.Errorf("exit %d, %d lines ending %q; want exit 1, %d lines ending %q", code, len(lines), lines[max(0, len(lines)-2):], kb.MaxErrors+2, want)
	}
}

// TestVersionOf checks what guazhi version says of each kind of build.
func TestVersionOf(t *testing.T) {
	for _, tc := range []struct {
		info debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.4.0"}}, "v0.4.0 go1.26.8"},
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d"}, {Key: "vcs.time", Value: "2026-12-03T09:00:00Z"}, {Key: "vcs.modified", Value: "true"}}},
			"devel 1a2b3c4d5e6f 2026-12-03T09:00:00Z (modified) go1.26.8"},
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"devel (no revision recorded: built with go run or from outside a clone) go1.26.8"},
	} {
		if got := versionOf(&tc.info); got != tc.want {
			t.Errorf("versionOf = %q, want %q", got, tc.want)
		}
	}
}
