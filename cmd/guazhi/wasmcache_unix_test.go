//go:build unix

package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// These tests run guazhi in child processes with TMPDIR and the user's cache
// directory of their own, as a second user of the machine would find them;
// they never change this process's environment. go-graphviz caches the
// machine code it compiles from WebAssembly in TMPDIR/go-graphviz unless
// guazhi (internal/wasmcache) points it elsewhere.

// child returns a command running guazhi (the copy of the test binary that
// testscript puts on PATH) with HOME, XDG_CACHE_HOME and TMPDIR set as
// given and nothing else of this process's environment but PATH.
func child(t *testing.T, exe, home, tmp string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(exe, args...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"TMPDIR=" + tmp,
	}
	cmd.Dir = home
	return cmd
}

func guazhiExe(t *testing.T) string {
	t.Helper()
	exe, err := exec.LookPath("guazhi")
	if err != nil {
		t.Fatal("testscript put no guazhi on PATH:", err)
	}
	return exe
}

// output runs cmd and returns its standard output, failing the test unless
// it exits 0.
func output(t *testing.T, cmd *exec.Cmd) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.String())
	}
	return stdout.String()
}

// cacheFiles returns the files under dir/go-graphviz, relative to dir.
func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(filepath.Join(dir, "go-graphviz"), func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return fs.SkipAll
		}
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// doctor replaces the machine code in a wazero compilation cache file with
// int3 instructions and fixes its checksum, as an attacker would.
func doctor(t *testing.T, b []byte) []byte {
	t.Helper()
	b = bytes.Clone(b)
	if !bytes.HasPrefix(b, []byte("WAZEVO")) {
		t.Fatalf("not a wazero cache file: %q", b[:min(len(b), 16)])
	}
	i := 6 + 1 + int(b[6])
	funcs := int(binary.LittleEndian.Uint32(b[i:]))
	i += 4 + 8*funcs
	n := int(binary.LittleEndian.Uint64(b[i:]))
	i += 8
	code := b[i : i+n]
	for j := range code {
		code[j] = 0xCC // int3
	}
	binary.LittleEndian.PutUint32(b[i+n:], crc32.Checksum(code, crc32.MakeTable(crc32.Castagnoli)))
	return b
}

// TestPlantedCache plants doctored machine code where go-graphviz would
// look for its cache, in a world-writable TMPDIR, and shows that guazhi
// does not run it: the commands work and their output is right. A control
// run first shows that the doctored file kills guazhi when it is read.
func TestPlantedCache(t *testing.T) {
	exe := guazhiExe(t)
	want, stderr, code := runGuazhi("render", "-f", "svg", "-o", "-")
	if code != 0 {
		t.Fatal(stderr)
	}

	// A genuine cache file, made by a run with a fresh cache.
	home, clean := t.TempDir(), t.TempDir()
	output(t, child(t, exe, home, clean, "version"))
	own := filepath.Join(home, "cache", "guazhi")
	files := cacheFiles(t, own)
	if len(files) != 1 {
		t.Fatalf("want one file cached in %s, have %v", own, files)
	}
	if leaked := cacheFiles(t, clean); len(leaked) != 0 {
		t.Errorf("go-graphviz cached in TMPDIR: %v", leaked)
	}
	genuine, err := os.ReadFile(filepath.Join(own, files[0]))
	if err != nil {
		t.Fatal(err)
	}
	bad := doctor(t, genuine)

	// Control: in the user's own cache the doctored file is run.
	if err := os.WriteFile(filepath.Join(own, files[0]), bad, 0o600); err != nil {
		t.Fatal(err)
	}
	ctl := child(t, exe, home, clean, "version")
	if out, err := ctl.CombinedOutput(); err == nil {
		t.Fatalf("the doctored cache file was not run, so this test proves nothing:\n%s", out)
	}

	// The attack: a world-writable TMPDIR holding the doctored file where
	// go-graphviz looks, in directories anyone may write.
	shared := t.TempDir()
	planted := filepath.Join(shared, files[0])
	if err := os.MkdirAll(filepath.Dir(planted), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(planted, bad, 0o666); err != nil {
		t.Fatal(err)
	}
	for p := planted; p != filepath.Dir(shared); p = filepath.Dir(p) {
		mode := os.FileMode(0o777)
		if p == planted {
			mode = 0o666
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	victim := t.TempDir()
	if got := output(t, child(t, exe, victim, shared, "version")); !strings.HasPrefix(got, "guazhi ") {
		t.Errorf("version printed %q", got)
	}
	if got := output(t, child(t, exe, victim, shared, "render", "-f", "svg", "-o", "-")); got != want {
		t.Errorf("the SVG differs from this process's (%d bytes, want %d)", len(got), len(want))
	}
	if got := cacheFiles(t, filepath.Join(victim, "cache", "guazhi")); len(got) != 1 {
		t.Errorf("want the victim's own cache to hold one file, have %v", got)
	}
}

// TestUnusableCache gives guazhi a cache directory it must not use, or one
// another user made: each command still works, without a cache, and writes
// nothing there or in TMPDIR.
func TestUnusableCache(t *testing.T) {
	exe := guazhiExe(t)
	want, stderr, code := runGuazhi("render", "-f", "svg", "-o", "-")
	if code != 0 {
		t.Fatal(stderr)
	}
	const nobody = 65534
	root := os.Geteuid() == 0
	for _, c := range []struct {
		name     string
		needRoot bool
		spoil    func(dir string) error // dir is the user's guazhi cache
	}{
		{"writable by the group", false, func(dir string) error {
			return os.Chmod(dir, 0o770)
		}},
		{"writable by anyone", false, func(dir string) error {
			return os.Chmod(dir, 0o777)
		}},
		{"a file", false, func(dir string) error {
			if err := os.Remove(dir); err != nil {
				return err
			}
			return os.WriteFile(dir, nil, 0o600)
		}},
		{"in a directory anyone may write", false, func(dir string) error {
			// Anyone could rename the cache away and put theirs in its place.
			return os.Chmod(filepath.Dir(dir), 0o777)
		}},
		{"owned by another user", true, func(dir string) error {
			return os.Chown(dir, nobody, nobody)
		}},
		{"holding another user's file", true, func(dir string) error {
			f := filepath.Join(dir, "go-graphviz", "planted")
			if err := os.MkdirAll(filepath.Dir(f), 0o700); err != nil {
				return err
			}
			if err := os.WriteFile(f, nil, 0o600); err != nil {
				return err
			}
			return os.Chown(f, nobody, nobody)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.needRoot && !root {
				t.Skip("skipping: only root can give a file to another user")
			}
			home, tmp := t.TempDir(), t.TempDir()
			dir := filepath.Join(home, "cache", "guazhi")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := c.spoil(dir); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, home)
			if got := output(t, child(t, exe, home, tmp, "render", "-f", "svg", "-o", "-")); got != want {
				t.Errorf("the SVG differs from this process's (%d bytes, want %d)", len(got), len(want))
			}
			sameFiles(t, home, before)
			sameFiles(t, tmp, nil)
		})
	}

	// A second user finds the first one's cache in TMPDIR, in directories
	// only the first may read, as go-graphviz leaves it.
	t.Run("second user", func(t *testing.T) {
		if !root {
			t.Skip("skipping: only root can run a command as another user")
		}
		shared, err := os.MkdirTemp("", "guazhi-shared-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(shared) })
		if err := os.Chmod(shared, 0o755); err != nil {
			t.Fatal(err)
		}
		// The first user's run, with the shared directory as TMPDIR.
		tmp := filepath.Join(shared, "tmp")
		first := filepath.Join(shared, "first", "cache", "guazhi", "go-graphviz")
		for _, d := range []string{tmp, filepath.Join(shared, "first")} {
			if err := os.MkdirAll(d, 0o777); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(tmp, 0o777|fs.ModeSticky); err != nil {
			t.Fatal(err)
		}
		output(t, child(t, exe, filepath.Join(shared, "first"), tmp, "version"))
		// (Without guazhi's protection the first run cached in TMPDIR itself.)
		if _, err := os.Stat(filepath.Join(tmp, "go-graphviz")); errors.Is(err, fs.ErrNotExist) {
			if err := os.CopyFS(filepath.Join(tmp, "go-graphviz"), os.DirFS(first)); err != nil {
				t.Fatal(err)
			}
		}
		if err := filepath.WalkDir(filepath.Join(tmp, "go-graphviz"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() && p != filepath.Join(tmp, "go-graphviz") {
				err = os.Chmod(p, 0o700)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}

		// The second user runs a copy of guazhi they may execute.
		bin := filepath.Join(shared, "bin", "guazhi")
		if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(exe)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, b, 0o755); err != nil {
			t.Fatal(err)
		}
		home := filepath.Join(shared, "second")
		if err := os.Mkdir(home, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(home, nobody, nobody); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"version"}, {"render", "-f", "svg", "-o", "-"}} {
			cmd := child(t, bin, home, tmp, args...)
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
			got := output(t, cmd)
			if args[0] == "render" && got != want {
				t.Errorf("the SVG differs from this process's (%d bytes, want %d)", len(got), len(want))
			}
		}
		if got := cacheFiles(t, filepath.Join(home, "cache", "guazhi")); len(got) != 1 {
			t.Errorf("want the second user's own cache to hold one file, have %v", got)
		}
	})
}

// TestCacheNoRoom runs guazhi with an empty cache and no room to write the
// compiled code into it (a file-size limit standing in for a full disk):
// go-graphviz would panic on the failed write, so guazhi must give it no
// cache at all.
func TestCacheNoRoom(t *testing.T) {
	want, stderr, code := runGuazhi("render", "-f", "svg", "-o", "-")
	if code != 0 {
		t.Fatal(stderr)
	}
	home, tmp := t.TempDir(), t.TempDir()
	// The limit must hold from start-up on: the shell sets it (in blocks of
	// 512 or 1024 bytes, far below what the cache needs) and runs guazhi.
	cmd := child(t, "/bin/sh", home, tmp, "-c", `ulimit -f 2000 && exec "$0" "$@"`, guazhiExe(t), "render", "-f", "svg", "-o", "-")
	if got := output(t, cmd); got != want {
		t.Errorf("the SVG differs from this process's (%d bytes, want %d)", len(got), len(want))
	}
	if got := cacheFiles(t, filepath.Join(home, "cache", "guazhi")); len(got) != 0 {
		t.Errorf("cached %v", got)
	}
}
