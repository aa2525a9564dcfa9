// Package chunks encodes the elements of a document in chunks on several
// goroutines and writes the chunks in order, for the streaming writers.
package chunks

import (
	"io"
	"runtime"
	"sync"
)

// Size is how many elements one goroutine encodes at a time.
const Size = 256

// Encode encodes n elements, the ith by encode(c, i) into a chunk c, and
// hands each chunk to write when it is full or the elements are done.
// newChunk makes a chunk; write writes what the chunk holds, empties it,
// and returns the first error of the underlying writer, which stops
// Encode.
//
// The chunks are encoded on up to GOMAXPROCS goroutines, one chunk per
// goroutine and Size elements per chunk at a time, and written in the
// order of the elements, so the output is the same as encoding the
// elements one by one. encode must therefore only read what chunks share.
// Memory holds one chunk per goroutine, however large the document.
func Encode[C any](n int, newChunk func() C, encode func(c C, i int), write func(c C) error) error {
	return encodeOn(runtime.GOMAXPROCS(0), n, newChunk, encode, write)
}

// encodeOn is Encode on up to procs goroutines.
func encodeOn[C any](procs, n int, newChunk func() C, encode func(c C, i int), write func(c C) error) error {
	cs := make([]C, max(1, min(procs, (n+Size-1)/Size)))
	for j := range cs {
		cs[j] = newChunk()
	}
	for start := 0; start < n; start += len(cs) * Size {
		var wg sync.WaitGroup
		for j, c := range cs {
			lo := min(n, start+j*Size)
			hi := min(n, lo+Size)
			run := func() {
				for i := lo; i < hi; i++ {
					encode(c, i)
				}
			}
			if j < len(cs)-1 {
				wg.Go(run)
			} else {
				run() // the last chunk of the round on this goroutine
			}
		}
		wg.Wait()
		for _, c := range cs {
			if err := write(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// Flush writes buf to w, unless *err already holds an error, keeps the
// first error in *err, and empties buf: the flush of a writer that encodes
// into a byte buffer.
func Flush(w io.Writer, buf *[]byte, err *error) {
	if *err == nil && len(*buf) > 0 {
		_, *err = w.Write(*buf)
	}
	*buf = (*buf)[:0]
}

// WriteAfter writes a chunk's bytes to w after the bytes pending in the
// writer's own buffer, empties both, and returns the first error: Encode's
// write for writers that encode into byte buffers.
func WriteAfter(w io.Writer, pending, chunk *[]byte, err *error) error {
	Flush(w, pending, err)
	Flush(w, chunk, err)
	return *err
}
