package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestView checks which picture render draws and what it says on stderr:
// the detail of the built-in data, the overview of a large exchange, the
// level asked for, and a detail too large refused at once with what to
// draw instead, leaving no file.
func TestView(t *testing.T) {
	small := exchangeKB(t, 200)
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"builtin", nil, "view: detail, every one of 51 entities (--view overview draws bodies only)"},
		{"exchange", small, "view: overview by city, 42 groups of bodies and 79 flows, as 611 entities are too many to read in one picture (--view detail draws every entity"},
		{"county", append([]string{"--view", "overview", "--group-by", "county"}, small...), "view: overview by county, 122 groups"},
		{"builtin overview", []string{"--view", "overview"}, "view: overview by "},
		{"detail", append([]string{"--view", "detail"}, small...), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "x.dot")
			var stdout, stderr bytes.Buffer
			if err := run(append([]string{"render", "-f", "dot", "-o", out}, tc.args...), nil, &stdout, &stderr); err != nil {
				t.Fatal(err, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) || (tc.stderr == "" && strings.Contains(stderr.String(), "view:")) {
				t.Errorf("stderr:\n%s\nwant %q", stderr.String(), tc.stderr)
			}
			d, _ := os.ReadFile(out)
			overview := strings.Contains(string(d), "概览 Overview")
			if want := strings.Contains(tc.stderr, "overview by"); overview != want {
				t.Errorf("the DOT is an overview: %v, want %v", overview, want)
			}
		})
	}

	t.Run("refused", func(t *testing.T) {
		big := exchangeKB(t, 5000)
		out := t.TempDir()
		var stdout, stderr bytes.Buffer
		start := time.Now()
		err := run(append([]string{"render", "--view", "detail", "-f", "svg", "-o", out}, big...), nil, &stdout, &stderr)
		took := time.Since(start)
		code := exitCode(err, &stderr)
		msg := stderr.String()
		if code != 2 {
			t.Errorf("exit %d, want 2 (usage)", code)
		}
		for _, want := range []string{"8593 entities are more than the sfdp layout draws in reasonable time (4000 at most)", "--view overview", "--focus NAME", "--since DATE --until DATE"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q does not say %q", msg, want)
			}
		}
		if entries, _ := os.ReadDir(out); len(entries) > 0 {
			t.Errorf("%d files written", len(entries))
		}
		if took > 10*time.Second {
			t.Errorf("refused after %v, want at once (the load is all it takes)", took)
		}
		// Its DOT alone, for a layout elsewhere, is written.
		stderr.Reset()
		if err := run(append([]string{"render", "--view", "detail", "-f", "dot", "-o", out}, big...), nil, &stdout, &stderr); err != nil {
			t.Errorf("--view detail -f dot: %v", err)
		}
	})

	var stderr bytes.Buffer
	if code := exitCode(run([]string{"render", "--view", "map"}, nil, &bytes.Buffer{}, &stderr), &stderr); code != 2 ||
		!strings.Contains(stderr.String(), `unknown --view "map" (want auto|overview|detail)`) {
		t.Errorf("--view map: exit %d, %s", code, stderr.String())
	}
}
