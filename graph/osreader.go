package graph

import (
	"fmt"
	"io"
	"os"
)

// OSReader is the FileReader of the file system: it reads knowledge-base
// and source files by their paths, no more than SizeLimit bytes of each
// (MaxFileSize, or MaxBulkSize for JSON Lines), whatever the file is (a
// regular file, a pipe, /dev/zero). For the files under one directory, use
// os.DirFS; for files in memory, testing/fstest.MapFS.
type OSReader struct{}

// ReadFile reads the file name.
func (OSReader) ReadFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", name)
	}
	limit := SizeLimit(name)
	if st.Mode().IsRegular() && st.Size() > limit {
		return nil, fmt.Errorf("%s: file is %d bytes, over the limit of %d", name, st.Size(), limit)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: more than %d bytes, over the limit", name, limit)
	}
	return b, nil
}
