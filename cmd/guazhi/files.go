package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// writeAll writes every file atomically: each goes to a temporary file beside
// its target first, and only when all are written are they renamed into
// place. A failure removes the temporary files and leaves every earlier
// output as it was.
func writeAll(paths []string, files []file) (err error) {
	var temps []string
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	// A directory in a target's place would make its rename fail after
	// earlier targets were replaced: refuse before writing anything.
	for _, p := range paths {
		if st, err := os.Lstat(p); err == nil && st.IsDir() {
			return fmt.Errorf("cannot write %s: it is a directory", p)
		}
	}
	for i, f := range files {
		t, err := writeTemp(paths[i], f.data)
		if err != nil {
			return err
		}
		temps = append(temps, t)
	}
	for i, t := range temps {
		if err := os.Rename(t, paths[i]); err != nil {
			return err
		}
	}
	return nil
}

// writeTemp writes data to a new temporary file in path's directory and
// returns its name.
func writeTemp(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync() // a full disk may only tell now
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", errors.Join(errors.New("writing "+path+" failed"), err)
	}
	return f.Name(), nil
}
