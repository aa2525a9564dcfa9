package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// writeAll writes the files at paths atomically: write streams their
// contents into temporary files beside their targets, one writer per path,
// and only when all are written and synced are they renamed into place. A
// failure removes the temporary files and leaves every earlier output as it
// was; so does an interrupt (SIGINT, SIGTERM or SIGHUP), after which the
// process ends as the signal would have ended it. Temporary files that an
// earlier run left behind (one killed with SIGKILL, or by a power cut) are
// removed first; see stale.
func writeAll(paths []string, write func(w []io.Writer) error) (err error) {
	// A directory in a target's place would make its rename fail after
	// earlier targets were replaced: refuse before writing anything.
	for _, p := range paths {
		if st, err := os.Lstat(p); err == nil && st.IsDir() {
			return fmt.Errorf("cannot write %s: it is a directory", p)
		}
	}
	var temps tempFiles
	defer temps.cleanOnSignal()()
	defer func() {
		if err != nil {
			temps.mu.Lock()
			temps.removeLocked()
			temps.mu.Unlock()
		}
	}()
	bufs := make([]*bufio.Writer, len(paths))
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		removeStale(p)
		t, err := temps.create(p)
		if err != nil {
			return err
		}
		bufs[i] = bufio.NewWriterSize(t, 256<<10)
		ws[i] = bufs[i]
	}
	if err := write(ws); err != nil {
		return err
	}
	for i, t := range temps.files {
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
	for i, t := range temps.files {
		if err := t.Close(); err != nil {
			return errors.Join(errors.New("writing "+paths[i]+" failed"), err)
		}
	}
	return temps.rename(paths)
}

// tempFiles are the temporary files of one writeAll, in the order of its
// paths; a renamed one is nil. mu keeps a signal from removing them while
// they are made or renamed.
type tempFiles struct {
	mu    sync.Mutex
	files []*os.File
}

// tempPrefix begins the name of every temporary file of the output path p:
// hidden, beside p, followed by the process id of the run that made it and
// a random part.
func tempPrefix(p string) string { return "." + filepath.Base(p) + ".tmp-" }

func (t *tempFiles) create(p string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, err := os.CreateTemp(filepath.Dir(p), tempPrefix(p)+strconv.Itoa(os.Getpid())+"-*")
	if err == nil {
		t.files = append(t.files, f)
	}
	return f, err
}

// rename moves every temporary file onto its path. A signal waits until
// all are renamed, so that an interrupted run leaves either every earlier
// output or every new one.
func (t *tempFiles) rename(paths []string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, f := range t.files {
		if err := os.Rename(f.Name(), paths[i]); err != nil {
			return err
		}
		t.files[i] = nil
	}
	return nil
}

// removeLocked removes the temporary files not renamed yet; t.mu is held.
func (t *tempFiles) removeLocked() {
	for _, f := range t.files {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

// cleanOnSignal makes SIGINT, SIGTERM and SIGHUP (those not ignored, as
// nohup ignores SIGHUP) remove the temporary files and then end the process
// as the signal would have. It returns the function that stops this.
func (t *tempFiles) cleanOnSignal() (stop func()) {
	c := make(chan os.Signal, 1)
	for _, sig := range interrupts {
		if !signal.Ignored(sig) {
			signal.Notify(c, sig)
		}
	}
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-c:
			t.mu.Lock() // held until the process ends
			t.removeLocked()
			dieOf(sig)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(c)
		close(done)
	}
}

// removeStale removes the temporary files of the output path p that runs
// no longer alive left behind, and leaves those of a run still writing.
func removeStale(p string) {
	dir, prefix := filepath.Dir(p), tempPrefix(p)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
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
		if info, err := e.Info(); err == nil && stale(n, info) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
