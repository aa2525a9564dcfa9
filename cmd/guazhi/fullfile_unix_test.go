//go:build unix

package main

import (
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestFullDisk makes the disk fill up halfway through a run: a file-size
// limit (RLIMIT_FSIZE, which makes write fail with EFBIG as a full disk makes
// it fail with ENOSPC) lets the small DOT file be written but not the larger
// SVG. The earlier outputs must stay byte-identical and no temporary file
// may be left.
func TestFullDisk(t *testing.T) {
	copyCorpus(t)
	if _, stderr, code := runGuazhi("render", "-f", "dot,svg,gexf", "-o", "out", "good.yaml"); code != 0 {
		t.Fatal(stderr)
	}
	before := snapshot(t, "out")
	dotSize, svgSize := len(before["out/bad.dot"]), len(before["out/bad.svg"])
	if dotSize == 0 || svgSize < 2*dotSize {
		t.Fatalf("want a small DOT and a larger SVG, have %d and %d bytes", dotSize, svgSize)
	}
	edited := strings.Replace(goodKB, "副区长}", "区长}", 1)
	if err := os.WriteFile("good.yaml", []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}

	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip("no RLIMIT_FSIZE:", err)
	}
	limit := syscall.Rlimit{Cur: uint64(dotSize + svgSize/2), Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Skip("cannot set RLIMIT_FSIZE:", err)
	}
	_, stderr, code := runGuazhi("render", "-f", "dot,svg,gexf", "-o", "out", "good.yaml")
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	if code != 1 || !strings.Contains(stderr, "writing out/bad.svg failed") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	sameFiles(t, "out", before)

	// The same run with room to write replaces every output.
	if _, stderr, code := runGuazhi("render", "-f", "dot,svg,gexf", "-o", "out", "good.yaml"); code != 0 {
		t.Fatal(stderr)
	}
	for p, b := range snapshot(t, "out") {
		if string(b) == string(before[p]) {
			t.Errorf("%s did not change", p)
		}
	}
}
