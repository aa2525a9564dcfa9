//go:build unix

package wasmcache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// noCache is the temporary directory go-graphviz gets when there is no
// private one: it tries to make /dev/null/go-graphviz, fails, and caches
// nothing. /dev/null is a device on every Unix, and no one can make a
// directory under it.
const noCache = "/dev/null"

// point returns the directory to give go-graphviz, "" for none.
func point() (string, bool) {
	d, err := private()
	if err != nil {
		return "", true
	}
	return d, true
}

// private returns os.UserCacheDir()/guazhi, made 0700 when missing, once it
// has checked that no other user can write in it or replace it: it and
// everything in it must be directories and regular files owned by this user
// that no one else may write, and every directory above it must belong to
// this user or root and be writable by no one else, unless it is sticky
// (like /tmp, where no one may rename another's files).
func private() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	if !filepath.IsAbs(base) {
		return "", fmt.Errorf("cache directory %q is not absolute", base)
	}
	d := filepath.Join(base, "guazhi")
	if err := os.MkdirAll(d, 0o700); err != nil {
		return "", err
	}
	d, err = filepath.EvalSymlinks(d)
	if err != nil {
		return "", err
	}
	uid := os.Geteuid()
	if err := checkAbove(filepath.Dir(d), uid); err != nil {
		return "", err
	}
	if err := checkTree(d, uid); err != nil {
		return "", err
	}
	if err := room(d); err != nil {
		return "", err
	}
	return d, nil
}

// minRoom is the room to write that the cache needs: wazero writes the
// compiled module, about 6 MB, when it is not cached yet, and go-graphviz's
// init panics when that write fails.
const minRoom = 64 << 20

// room checks that a file of minRoom bytes can be written in dir: the
// file-size limit allows it and the file system has the space (where
// freeSpace can tell).
func room(dir string) error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		return err
	}
	if lim.Cur < minRoom {
		return fmt.Errorf("the file-size limit is %d bytes", lim.Cur)
	}
	if free, ok := freeSpace(dir); ok && free < minRoom {
		return fmt.Errorf("%s has %d bytes free", dir, free)
	}
	return nil
}

// checkTree checks that root and everything in it are directories and
// regular files (no links, devices or sockets) owned by uid and writable by
// no one else.
func checkTree(root string, uid int) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if t := info.Mode().Type(); t != 0 && t != fs.ModeDir {
			return fmt.Errorf("%s is not a regular file or directory", p)
		}
		return owned(p, info, uid, false)
	})
}

// checkAbove checks dir and every directory above it: each must belong to
// uid or root and be writable by no one else unless it is sticky.
func checkAbove(dir string, uid int) error {
	for {
		info, err := os.Lstat(dir)
		if err != nil {
			return err
		}
		if !info.IsDir() {
			return fmt.Errorf("%s is not a directory", dir)
		}
		if err := owned(dir, info, uid, true); err != nil {
			return err
		}
		up := filepath.Dir(dir)
		if up == dir {
			return nil
		}
		dir = up
	}
}

// owned checks the owner and permissions of the file p described by info.
func owned(p string, info fs.FileInfo, uid int, above bool) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return errors.New("no owner information")
	}
	switch {
	case int(st.Uid) == uid:
	case above && st.Uid == 0:
	default:
		return fmt.Errorf("%s belongs to user %d", p, st.Uid)
	}
	if info.Mode().Perm()&0o022 != 0 && !(above && info.Mode()&fs.ModeSticky != 0) {
		return fmt.Errorf("%s is writable by other users (%v)", p, info.Mode())
	}
	return nil
}
