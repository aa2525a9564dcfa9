// Package outset writes a set of output files atomically as a set: every
// file is written to a temporary file beside its target, and only when all
// are written and synced are they renamed into place; if one rename fails,
// the files already replaced are put back, so a failed run leaves every
// earlier output as it was. A lock keeps a second run from writing into the
// same directories at the same time, files are created as os.Create
// creates them (0666 less the umask; a replaced file keeps its mode), and
// Abort, safe to call from a signal handler's goroutine at any moment,
// removes the temporary files.
package outset

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// rename is os.Rename; the tests make it fail.
var rename = os.Rename

// ErrLocked is returned, wrapped, when another run holds the lock of an
// output directory.
var ErrLocked = errors.New("another guazhi run is writing there")

// Set is an output set being written. Its methods are safe for concurrent
// use.
type Set struct {
	mu      sync.Mutex
	paths   []string
	temps   []*os.File // nil once renamed or removed
	bufs    []*bufio.Writer
	locks   []*lock
	aborted bool
}

// Create starts writing the files at paths: it locks their directories
// (which must exist), removes the temporary files that runs no longer
// alive left beside them, and creates a temporary file per path. A
// directory in a target's place is an error, before anything is written.
func Create(paths []string) (*Set, error) {
	for _, p := range paths {
		if st, err := os.Lstat(p); err == nil && st.IsDir() {
			return nil, fmt.Errorf("cannot write %s: it is a directory", p)
		}
	}
	s := &Set{paths: slices.Clone(paths)}
	var dirs []string
	for _, p := range paths {
		dirs = append(dirs, filepath.Dir(p))
	}
	slices.Sort(dirs)
	for _, d := range slices.Compact(dirs) {
		l, err := lockDir(d)
		if err != nil {
			s.Abort()
			return nil, err
		}
		s.locks = append(s.locks, l)
	}
	for _, p := range paths {
		removeStale(p)
		f, err := s.create(p)
		if err != nil {
			s.Abort()
			return nil, err
		}
		s.bufs = append(s.bufs, bufio.NewWriterSize(f, 256<<10))
	}
	return s, nil
}

// Writers returns one writer per path, in the order of the paths.
func (s *Set) Writers() []io.Writer {
	ws := make([]io.Writer, len(s.bufs))
	for i, b := range s.bufs {
		ws[i] = b
	}
	return ws
}

// TempPrefix begins the name of every temporary file of the output path p:
// hidden, beside p, followed by the process id of the run that made it and
// a random part.
func TempPrefix(p string) string { return "." + filepath.Base(p) + ".tmp-" }

// create makes p's temporary file as os.Create would make p (mode 0666
// less the umask), or with the mode of the file it will replace.
func (s *Set) create(p string) (*os.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.aborted {
		return nil, errors.New("outset: aborted")
	}
	var random [6]byte
	rand.Read(random[:])
	name := filepath.Join(filepath.Dir(p), TempPrefix(p)+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(random[:]))
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return nil, err
	}
	s.temps = append(s.temps, f)
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		if err := f.Chmod(st.Mode().Perm()); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// Commit flushes, syncs and closes every temporary file, then renames each
// onto its path. If a rename fails, the files already replaced are put
// back as they were (new files removed) and the error returned.
func (s *Set) Commit() error {
	for i, b := range s.bufs {
		err := b.Flush()
		if err == nil {
			err = s.temps[i].Sync() // a full disk may only tell now
		}
		if err == nil {
			err = s.temps[i].Close()
		}
		if err != nil {
			s.Abort()
			return errors.Join(errors.New("writing "+s.paths[i]+" failed"), err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.unlock()
	if s.aborted {
		return errors.New("outset: aborted")
	}
	type undo struct{ path, backup string } // backup "" : the path was new
	var done []undo
	rollback := func() {
		for _, u := range slices.Backward(done) {
			if u.backup == "" {
				os.Remove(u.path)
			} else {
				os.Rename(u.backup, u.path)
			}
		}
	}
	for i, f := range s.temps {
		p := s.paths[i]
		u := undo{path: p}
		if _, err := os.Lstat(p); err == nil {
			// Keep the earlier file under another name, linked so that p
			// never goes missing meanwhile.
			u.backup = strings.Replace(f.Name(), ".tmp-", ".old-", 1)
			if err := os.Link(p, u.backup); err != nil {
				u.backup = ""
				err = fmt.Errorf("cannot keep %s to put it back if the run fails: %w", p, err)
				rollback()
				s.removeLocked()
				return err
			}
		}
		if err := rename(f.Name(), p); err != nil {
			if u.backup != "" {
				os.Remove(u.backup)
			}
			rollback()
			s.removeLocked()
			return err
		}
		s.temps[i] = nil
		done = append(done, u)
	}
	for _, u := range done {
		if u.backup != "" {
			os.Remove(u.backup)
		}
	}
	return nil
}

// Abort removes the temporary files not yet renamed and releases the
// locks. During a Commit it waits until the Commit ends, so that the
// outputs are either all the earlier ones or all the new.
func (s *Set) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.aborted = true
	s.removeLocked()
	s.unlock()
}

func (s *Set) removeLocked() {
	for i, f := range s.temps {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
			s.temps[i] = nil
		}
	}
}

func (s *Set) unlock() {
	for _, l := range s.locks {
		l.release()
	}
	s.locks = nil
}

// removeStale removes the temporary files of the output path p (and the
// kept earlier files, .old-) that runs no longer alive left behind, and
// leaves those of a run still writing.
func removeStale(p string) {
	dir := filepath.Dir(p)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, prefix := range []string{TempPrefix(p), strings.Replace(TempPrefix(p), ".tmp-", ".old-", 1)} {
		for _, e := range entries {
			rest, ok := strings.CutPrefix(e.Name(), prefix)
			if !ok || !e.Type().IsRegular() {
				continue
			}
			pid, _, _ := strings.Cut(rest, "-")
			n, err := strconv.Atoi(pid)
			if err != nil || n <= 0 {
				continue
			}
			if info, err := e.Info(); err == nil && Stale(n, info) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}
