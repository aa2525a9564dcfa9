//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/guazhi/guazhi/internal/gen/synth"
)

// TestInterrupt interrupts guazhi in a child process while it lays out a
// large graph, its temporary files made, with each of SIGINT, SIGTERM and
// SIGHUP: it must remove its temporary files, leave the earlier outputs
// as they were, and end as the signal ends a process. Each run also
// removes the temporary files a dead run left beside its outputs, and
// keeps those of a run still going.
func TestInterrupt(t *testing.T) {
	exe := guazhiExe(t)
	dir, out, kbFiles := bigKB(t)
	earlier := map[string]string{"big.dot": "earlier DOT", "big.svg": "earlier SVG"}
	for name, data := range earlier {
		if err := os.WriteFile(filepath.Join(out, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A run that died: its process is gone.
	dead := exec.Command(exe, "version")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	staleTemp := ".big.svg.tmp-" + strconv.Itoa(dead.Process.Pid) + "-1"
	liveTemp := ".big.dot.tmp-" + strconv.Itoa(os.Getpid()) + "-2"

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			for _, name := range []string{staleTemp, liveTemp} {
				if err := os.WriteFile(filepath.Join(out, name), []byte("left behind"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := append([]string{"render", "-f", "dot,svg", "--layout", "dot", "-o", out}, kbFiles...)
			cmd := exec.Command(exe, args...)
			cmd.Dir = dir
			err := signalWhileWriting(t, cmd, out, sig)
			ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("guazhi ended with %v, want the signal %v", err, sig)
			}
			entries, err := os.ReadDir(out)
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			for _, e := range entries {
				have[e.Name()] = true
				if strings.Contains(e.Name(), ".tmp-") && e.Name() != liveTemp {
					t.Errorf("%s is left", e.Name())
				}
			}
			if !have[liveTemp] {
				t.Errorf("the temporary file of a live run, %s, was removed", liveTemp)
			}
			for name, data := range earlier {
				if b, err := os.ReadFile(filepath.Join(out, name)); err != nil || string(b) != data {
					t.Errorf("%s changed: %q, %v", name, b, err)
				}
			}
		})
	}
}

// signalWhileWriting starts cmd, a guazhi render into out, sends it sig
// once it has made its temporary files, and returns what Wait returns.
func signalWhileWriting(t *testing.T, cmd *exec.Cmd, out string, sig syscall.Signal) error {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	mine := ".big.svg.tmp-" + strconv.Itoa(cmd.Process.Pid) + "-"
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(2 * time.Millisecond) {
		select {
		case err := <-exited:
			t.Fatalf("guazhi ended (%v) before it made its temporary files", err)
		default:
		}
		if names, _ := filepath.Glob(filepath.Join(out, mine+"*")); len(names) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no temporary file after a minute")
		}
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	return <-exited
}

// TestIgnoredHangup runs guazhi with SIGHUP ignored, as nohup does: a
// hangup does not stop the render.
func TestIgnoredHangup(t *testing.T) {
	exe := guazhiExe(t)
	dir, out, kbFiles := bigKB(t)
	args := append([]string{"-c", `trap "" HUP; exec "$0" "$@"`, exe, "render", "-f", "dot,svg", "--layout", "dot", "-o", out}, kbFiles...)
	cmd := exec.Command("/bin/sh", args...)
	cmd.Dir = dir
	// The shell execs guazhi, so the pid is guazhi's once it writes.
	if err := signalWhileWriting(t, cmd, out, syscall.SIGHUP); err != nil {
		t.Fatalf("guazhi with SIGHUP ignored: %v", err)
	}
	for _, name := range []string{"big.dot", "big.svg"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
}

// bigKB writes a synthetic knowledge base of 300 officials, large enough
// that a render takes a while, into a new directory, and makes its out
// directory: it returns both and the knowledge base's files.
func bigKB(t *testing.T) (dir, out string, kbFiles []string) {
	dir = t.TempDir()
	kb := synth.Generate(synth.Options{Officials: 300, Seed: 1, Name: "big"}).Files(0)
	if err := kb.Write(dir); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, out, kb.KB
}
