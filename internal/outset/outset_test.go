package outset

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func write(t *testing.T, s *Set, texts ...string) {
	t.Helper()
	for i, w := range s.Writers() {
		if _, err := io.WriteString(w, texts[i]); err != nil {
			t.Fatal(err)
		}
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

// only fails unless dir holds exactly the files named.
func only(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var have []string
	for _, e := range entries {
		have = append(have, e.Name())
	}
	if fmt.Sprint(have) != fmt.Sprint(names) {
		t.Errorf("%s holds %v, want %v", dir, have, names)
	}
}

func TestCommit(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.svg"), filepath.Join(dir, "b.dot")
	os.WriteFile(a, []byte("old a"), 0o600)
	s, err := Create([]string{a, b})
	if err != nil {
		t.Fatal(err)
	}
	write(t, s, "new a", "new b")
	if read(t, a) != "old a" {
		t.Error("a replaced before Commit")
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, a) != "new a" || read(t, b) != "new b" {
		t.Errorf("a %q, b %q", read(t, a), read(t, b))
	}
	// A replaced file keeps its mode: the user made it 0600.
	if st, _ := os.Stat(a); st.Mode().Perm() != 0o600 {
		t.Errorf("a's mode is %v, want 0600 as it was", st.Mode().Perm())
	}
	only(t, dir, "a.svg", "b.dot")
}

// TestRollback makes the second rename fail: the first file, already
// replaced, is put back, and the new one that was not there is removed.
func TestRollback(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "c")
	os.WriteFile(a, []byte("old a"), 0o644)
	os.WriteFile(c, []byte("old c"), 0o644)
	s, err := Create([]string{a, b, c})
	if err != nil {
		t.Fatal(err)
	}
	write(t, s, "new a", "new b", "new c")
	calls := 0
	rename = func(from, to string) error {
		if calls++; calls == 3 {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EPERM}
		}
		return os.Rename(from, to)
	}
	defer func() { rename = os.Rename }()
	if err := s.Commit(); err == nil {
		t.Fatal("Commit succeeded")
	}
	if read(t, a) != "old a" || read(t, c) != "old c" {
		t.Errorf("a %q, c %q: want the earlier files", read(t, a), read(t, c))
	}
	only(t, dir, "a", "c")
	// The lock is released: a new set can be written.
	s, err = Create([]string{a})
	if err != nil {
		t.Fatal(err)
	}
	s.Abort()
}

func TestAbort(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a")
	os.WriteFile(a, []byte("old"), 0o644)
	s, err := Create([]string{a, filepath.Join(dir, "b")})
	if err != nil {
		t.Fatal(err)
	}
	write(t, s, "new", "new")
	s.Abort()
	if err := s.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	if read(t, a) != "old" {
		t.Error("a replaced")
	}
	only(t, dir, "a")
}

// TestLock: a second set into the same directory is refused while the
// first is being written, with a message that says so.
func TestLock(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the lock file is tested on unix only")
	}
	dir := t.TempDir()
	s, err := Create([]string{filepath.Join(dir, "a")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Create([]string{filepath.Join(dir, "b")})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "cannot write into "+dir+": another guazhi run is writing there") {
		t.Errorf("second Create: %v, want ErrLocked", err)
	}
	write(t, s, "x")
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	s, err = Create([]string{filepath.Join(dir, "b")})
	if err != nil {
		t.Fatalf("after the first ended: %v", err)
	}
	s.Abort()
}

func TestDirectoryInTheWay(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "b"), 0o755)
	if _, err := Create([]string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}); err == nil ||
		!strings.Contains(err.Error(), "it is a directory") {
		t.Errorf("Create = %v", err)
	}
	only(t, dir, "b")
}

// TestUmask runs a child process with umask 077 (the umask is the
// process's, so not this one): a new file is created 0600, as os.Create
// would create it.
func TestUmask(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no umask")
	}
	if dir := os.Getenv("OUTSET_UMASK_CHILD"); dir != "" {
		syscall.Umask(0o077)
		s, err := Create([]string{filepath.Join(dir, "new")})
		if err != nil {
			t.Fatal(err)
		}
		write(t, s, "x")
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestUmask$")
	cmd.Env = append(os.Environ(), "OUTSET_UMASK_CHILD="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	st, err := os.Stat(filepath.Join(dir, "new"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v under umask 077, want 0600", st.Mode().Perm())
	}
}
