package kb

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"syscall"
)

// OSReader is the FileReader (and FileOpener) of the file system: it reads
// knowledge-base and source files by their paths, no more than SizeLimit
// bytes of each (MaxFileSize, or MaxBulkSize for JSON Lines). It reads
// regular files only: a named pipe would block forever, and a device
// (/dev/zero) is no knowledge base. The file is checked before it is
// opened, opened without blocking, and checked again, in case it was
// replaced in between. For files in memory, use testing/fstest.MapFS.
type OSReader struct{}

// ReadFile reads the file name.
func (o OSReader) ReadFile(name string) ([]byte, error) {
	f, st, err := o.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	limit := SizeLimit(name)
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead) // read once into a buffer of the right size
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: more than %d bytes, over the limit", name, limit)
	}
	return b, nil
}

// Open opens a regular file to read as a stream: Load decodes JSON
// Lines as it reads them, and checks their size.
func (o OSReader) Open(name string) (io.ReadCloser, error) {
	f, _, err := o.open(name)
	if err != nil {
		return nil, err // a nil *os.File in an io.ReadCloser would not be nil
	}
	return f, nil
}

// open opens a regular file no larger than SizeLimit, refusing
// anything else: it checks the file, opens it without blocking (a pipe put
// in its place meanwhile would block), and checks what it opened.
func (OSReader) open(name string) (*os.File, os.FileInfo, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if err := regular(name, st); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	if st, err = f.Stat(); err == nil {
		err = regular(name, st)
	}
	if limit := SizeLimit(name); err == nil && st.Size() > limit {
		err = fmt.Errorf("%s: file is %d bytes, over the limit of %d", name, st.Size(), limit)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// regular refuses anything but a regular file, saying what it is.
func regular(name string, st os.FileInfo) error {
	m := st.Mode()
	what := "not a regular file"
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return fmt.Errorf("%s: is a directory", name)
	case m&os.ModeNamedPipe != 0:
		what = "is a named pipe, not a regular file"
	case m&os.ModeSocket != 0:
		what = "is a socket, not a regular file"
	case m&os.ModeDevice != 0:
		what = "is a device, not a regular file"
	}
	return fmt.Errorf("%s: %s", name, what)
}
