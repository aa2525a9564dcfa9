//go:build !unix

package outset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// lock is a lock file in the directory, made exclusively and removed on
// release. A run that dies leaves it: remove it by hand then.
type lock struct{ name string }

func lockDir(dir string) (*lock, error) {
	name := filepath.Join(dir, ".guazhi.lock")
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("cannot write into %s: %w (%s; remove it if no run is)", dir, ErrLocked, name)
		}
		return nil, err
	}
	f.Close()
	return &lock{name}, nil
}

func (l *lock) release() { os.Remove(l.name) }

// Stale reports that a temporary file cannot be told stale here.
func Stale(int, fs.FileInfo) bool { return false }
