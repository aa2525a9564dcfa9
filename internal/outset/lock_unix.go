//go:build unix

package outset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// lock is an advisory lock on a directory (flock on the directory
// itself): no file is left behind, and the kernel releases it when the
// process ends, however it ends.
type lock struct{ f *os.File }

func lockDir(dir string) (*lock, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("cannot write into %s: %w; wait for it to end, or write elsewhere (-o)", dir, ErrLocked)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", dir, err)
	}
	return &lock{f}, nil
}

func (l *lock) release() {
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}

// Stale reports whether a temporary file of this user's, made by process
// pid, was left behind: no process pid runs on this machine any more. A
// file of another user's is never stale: it is not ours to remove.
func Stale(pid int, info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) != os.Geteuid() {
		return false
	}
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
