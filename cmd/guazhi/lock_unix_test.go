//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestConcurrentRuns starts a long render into a directory and, while it
// writes, a second into the same directory: the second is refused at once
// with a message saying why, the first finishes, and the directory holds
// the first's set alone.
func TestConcurrentRuns(t *testing.T) {
	exe := guazhiExe(t)
	kb := exchangeKB(t, 1000)
	out := t.TempDir()
	first := exec.Command(exe, append([]string{"render", "--view", "detail", "--layout", "dot", "-f", "svg,dot", "-o", out}, kb...)...)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if names, _ := filepath.Glob(filepath.Join(out, ".exchange.svg.tmp-*")); len(names) > 0 {
			break
		}
		if time.Now().After(deadline) {
			first.Process.Kill()
			t.Fatal("the first run made no temporary file in a minute")
		}
	}
	var stderr bytes.Buffer
	second := exec.Command(exe, "render", "-f", "svg,dot", "-o", out)
	second.Stderr = &stderr
	err := second.Run()
	if err == nil || !strings.Contains(stderr.String(), "cannot write into "+out+": another guazhi run is writing there") {
		t.Errorf("second run: %v, stderr %q", err, stderr.String())
	}
	if err := first.Wait(); err != nil {
		t.Fatalf("first run: %v", err)
	}
	d, _ := os.ReadFile(filepath.Join(out, "exchange.dot"))
	if !bytes.HasPrefix(d, []byte(`digraph "exchange"`)) {
		t.Errorf("the DOT is not the first run's: %.40q", d)
	}
	if _, err := os.Stat(filepath.Join(out, "jingji-2015.svg")); err == nil {
		t.Error("the second run wrote its files")
	}
}
