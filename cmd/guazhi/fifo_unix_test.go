//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestNotRegular gives a named pipe, with no writer, as a knowledge base
// and as a source file, and a device as both: guazhi must refuse them at
// once rather than block forever or read the device.
func TestNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "kb.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	bulk := filepath.Join(dir, "kb.jsonl")
	for _, p := range []string{filepath.Join(dir, "s.txt"), bulk} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	kb := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(kb, []byte("name: t\nsources:\n  - {id: s, title: T, file: s.txt}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A link to a device is the device.
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "z.txt")); err != nil {
		t.Fatal(err)
	}
	devKB := filepath.Join(dir, "dev.yaml")
	if err := os.WriteFile(devKB, []byte("name: t\nsources:\n  - {id: s, title: T, file: z.txt}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, file, want string }{
		{"pipe as knowledge base", fifo, fifo + ": cannot read: is a named pipe, not a regular file\nguazhi: 1 problem\n"},
		{"pipe as JSON Lines", bulk, bulk + ": cannot read: is a named pipe, not a regular file\nguazhi: 1 problem\n"},
		{"pipe as source", kb, kb + ":3:29: source s: cannot read " + filepath.Join(dir, "s.txt") + ": is a named pipe, not a regular file\nguazhi: 1 problem\n"},
		{"device as knowledge base", "/dev/zero", "/dev/zero: cannot read: is a device, not a regular file\nguazhi: 1 problem\n"},
		{"device as source", devKB, devKB + ":3:29: source s: cannot read " + filepath.Join(dir, "z.txt") + ": is a device, not a regular file\nguazhi: 1 problem\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			type result struct {
				stderr string
				code   int
			}
			done := make(chan result, 1)
			go func() {
				_, stderr, code := runGuazhi("check", c.file)
				done <- result{stderr, code}
			}()
			select {
			case r := <-done:
				if r.code != 1 || r.stderr != c.want {
					t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", r.code, r.stderr, c.want)
				}
			case <-time.After(10 * time.Second):
				// Unblock the reader, so that the test binary can go on.
				for _, p := range []string{fifo, bulk, filepath.Join(dir, "s.txt")} {
					if f, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
						f.Close()
					}
				}
				t.Fatal("blocked for 10 s")
			}
		})
	}
}
