package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeAll writes the files at paths atomically: write streams their
// contents into temporary files beside their targets, one writer per path,
// and only when all are written and synced are they renamed into place. A
// failure removes the temporary files and leaves every earlier output as it
// was.
func writeAll(paths []string, write func(w []io.Writer) error) (err error) {
	// A directory in a target's place would make its rename fail after
	// earlier targets were replaced: refuse before writing anything.
	for _, p := range paths {
		if st, err := os.Lstat(p); err == nil && st.IsDir() {
			return fmt.Errorf("cannot write %s: it is a directory", p)
		}
	}
	temps := make([]*os.File, 0, len(paths))
	defer func() {
		if err != nil {
			for _, t := range temps {
				t.Close()
				os.Remove(t.Name())
			}
		}
	}()
	bufs := make([]*bufio.Writer, len(paths))
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		t, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".tmp-*")
		if err != nil {
			return err
		}
		temps = append(temps, t)
		bufs[i] = bufio.NewWriterSize(t, 256<<10)
		ws[i] = bufs[i]
	}
	if err := write(ws); err != nil {
		return err
	}
	for i, t := range temps {
		err := bufs[i].Flush()
		if err == nil {
			err = t.Chmod(0o644)
		}
		if err == nil {
			err = t.Sync() // a full disk may only tell now
		}
		if err != nil {
			return errors.Join(errors.New("writing "+paths[i]+" failed"), err)
		}
	}
	for i, t := range temps {
		if err := t.Close(); err != nil {
			return errors.Join(errors.New("writing "+paths[i]+" failed"), err)
		}
	}
	for i, t := range temps {
		if err := os.Rename(t.Name(), paths[i]); err != nil {
			return err
		}
	}
	return nil
}
