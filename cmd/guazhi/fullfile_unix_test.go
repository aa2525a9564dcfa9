//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// fsizeVar holds the file-size limit, in bytes, that guazhi-fsize sets on
// itself before it runs guazhi (after start-up, which reads and writes no
// more than go-graphviz's cache).
const fsizeVar = "GUAZHI_TEST_FSIZE"

func init() {
	commands["guazhi-fsize"] = func() {
		n, err := strconv.ParseUint(os.Getenv(fsizeVar), 10, 64)
		if err == nil {
			var old syscall.Rlimit
			if err = syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err == nil {
				err = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: old.Max})
			}
		}
		if err != nil {
			os.Stderr.WriteString("guazhi-fsize: " + err.Error() + "\n")
			os.Exit(3)
		}
		main()
	}
}

// fsizeExe returns the path of guazhi-fsize, which testscript puts on PATH.
func fsizeExe(t *testing.T) string {
	t.Helper()
	exe, err := exec.LookPath("guazhi-fsize")
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

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

	// The limit applies to a child process only: set in this one, it would
	// make other tests' writes fail.
	limit := dotSize + svgSize/2
	cmd := exec.Command(fsizeExe(t), "render", "-f", "dot,svg,gexf", "-o", "out", "good.yaml")
	cmd.Env = append(os.Environ(), fsizeVar+"="+strconv.Itoa(limit))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Meanwhile this process can still write more than the limit.
	if err := os.WriteFile(filepath.Join(t.TempDir(), "big"), make([]byte, 2*limit), 0o600); err != nil {
		t.Errorf("this process cannot write %d bytes while the child runs: %v", 2*limit, err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), "writing out/bad.svg failed") {
		t.Errorf("%v, stderr:\n%s", err, stderr.String())
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
