//go:build unix

package wasmcache

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestCheck checks a cache directory's owner and permissions with the
// user's own id and with another's, so that it runs without root.
func TestCheck(t *testing.T) {
	me := os.Geteuid()
	for _, c := range []struct {
		name  string
		uid   int
		setup func(dir string) error
		ok    bool
	}{
		{"own, private", me, func(string) error { return nil }, true},
		{"own, readable by others", me, func(dir string) error { return os.Chmod(dir, 0o755) }, true},
		{"another user's", me + 1, func(string) error { return nil }, false},
		{"writable by the group", me, func(dir string) error { return os.Chmod(dir, 0o770) }, false},
		{"a file writable by others", me, func(dir string) error {
			f := filepath.Join(dir, "f")
			if err := os.WriteFile(f, nil, 0o600); err != nil {
				return err
			}
			return os.Chmod(f, 0o666)
		}, false},
		{"a link", me, func(dir string) error { return os.Symlink("/etc/passwd", filepath.Join(dir, "l")) }, false},
		{"a named pipe", me, func(dir string) error { return syscall.Mkfifo(filepath.Join(dir, "p"), 0o600) }, false},
		{"sticky and writable by anyone", me, func(dir string) error { return os.Chmod(dir, 0o777|fs.ModeSticky) }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "guazhi")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := c.setup(dir); err != nil {
				t.Fatal(err)
			}
			if err := checkTree(dir, c.uid); (err == nil) != c.ok {
				t.Errorf("checkTree: %v, want ok=%v", err, c.ok)
			}
		})
	}
}

// TestCheckAbove checks the directories above the cache: a sticky
// directory anyone may write (like /tmp) is safe to keep one's own
// directory in, a plain one is not.
func TestCheckAbove(t *testing.T) {
	me := os.Geteuid()
	parent := t.TempDir()
	if err := checkAbove(parent, me); err != nil {
		t.Fatalf("a test's temporary directory: %v", err)
	}
	if err := os.Chmod(parent, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	if err := checkAbove(parent, me); err != nil {
		t.Errorf("sticky, writable by anyone: %v", err)
	}
	if err := os.Chmod(parent, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := checkAbove(parent, me); err == nil {
		t.Error("writable by anyone, not sticky: accepted")
	}
	if err := os.Chmod(parent, 0o700); err != nil {
		t.Fatal(err)
	}
	if me != 0 {
		return
	}
	// Only root can own a directory of another user's; above the cache,
	// root's own directories are accepted for everyone.
	if err := os.Chown(parent, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if err := checkAbove(parent, me); err == nil {
		t.Error("another user's directory above the cache: accepted")
	}
}
