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
)

// layoutChildren returns the pids of the layout processes running exe.
func layoutChildren(exe string) []int {
	var pids []int
	procs, _ := os.ReadDir("/proc")
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join("/proc", p.Name(), "cmdline"))
		self, _ := os.Readlink(filepath.Join("/proc", p.Name(), "exe"))
		if strings.Contains(string(cmdline), layoutCommand) && self == exe {
			pids = append(pids, pid)
		}
	}
	return pids
}

// TestInterruptLayout interrupts guazhi in the middle of a long layout (the
// detail of 1,000 officials with dot, some fifteen seconds) with SIGINT and
// SIGTERM: it must end within a second, its layout process with it, leave
// no temporary file and the earlier output as it was.
func TestInterruptLayout(t *testing.T) {
	exe := guazhiExe(t)
	kb := exchangeKB(t, 1000)
	out := t.TempDir()
	earlier := filepath.Join(out, "exchange.svg")
	if err := os.WriteFile(earlier, []byte("earlier SVG"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(exe, append([]string{"render", "--view", "detail", "--layout", "dot", "-f", "svg", "-o", out}, kb...)...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			var child []int
			for deadline := time.Now().Add(time.Minute); len(child) == 0; time.Sleep(20 * time.Millisecond) {
				select {
				case err := <-exited:
					t.Fatalf("guazhi ended (%v) before its layout began", err)
				default:
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("no layout process after a minute")
				}
				child = layoutChildren(exe)
			}
			time.Sleep(500 * time.Millisecond) // well into the layout
			start := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				t.Fatal("guazhi still running 5 s after the signal")
			}
			took := time.Since(start)
			t.Logf("%v ended guazhi in %v", sig, took.Round(time.Millisecond))
			if took > time.Second {
				t.Errorf("%v took %v to end guazhi, more than a second", sig, took)
			}
			ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("guazhi ended with %v, want the signal %v", cmd.ProcessState, sig)
			}
			for deadline := time.Now().Add(time.Second); len(layoutChildren(exe)) > 0; time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Errorf("layout processes %v still run a second after guazhi ended", layoutChildren(exe))
					for _, pid := range layoutChildren(exe) {
						syscall.Kill(pid, syscall.SIGKILL)
					}
					break
				}
			}
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if e.Name() != "exchange.svg" {
					t.Errorf("%s is left", e.Name())
				}
			}
			if b, err := os.ReadFile(earlier); err != nil || string(b) != "earlier SVG" {
				t.Errorf("the earlier output changed: %q, %v", b, err)
			}
		})
	}
}
