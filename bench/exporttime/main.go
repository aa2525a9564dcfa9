// Command exporttime loads knowledge bases once and times each of guazhi's
// writers on the graph, writing to files the way guazhi render does, so
// that bench/compare.sh can set them against NetworkX's writers, which it
// also times without loading:
//
//	go run ./bench/exporttime -o /tmp/out KB.yaml ...
//
// It prints one line per step: "load SECONDS" (parse, resolve, verify
// quotes, build), then "FORMAT SECONDS BYTES", the best of -runs runs.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/csv"
	"github.com/guazhi/guazhi/output/dot"
	"github.com/guazhi/guazhi/output/gexf"
	"github.com/guazhi/guazhi/output/graphml"
	"github.com/guazhi/guazhi/output/json"
)

func main() {
	runs := flag.Int("runs", 3, "runs of each writer; the best is printed")
	out := flag.String("o", os.TempDir(), "directory to write the files in")
	flag.Parse()
	if err := run(*out, *runs, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "exporttime:", err)
		os.Exit(1)
	}
}

func run(dir string, runs int, kbs []string) error {
	start := time.Now()
	g, err := kb.Load(kb.OSReader{}, kbs...)
	if err != nil {
		return err
	}
	fmt.Printf("load %.3f\n", time.Since(start).Seconds())
	writers := []struct {
		name  string
		files []string
		write func(w []io.Writer) error
	}{
		{"gexf", []string{"g.gexf"}, func(w []io.Writer) error { return gexf.Write(w[0], g, gexf.Options{}) }},
		{"graphml", []string{"g.graphml"}, func(w []io.Writer) error { return graphml.Write(w[0], g, graphml.Options{}) }},
		{"csv", []string{"nodes.csv", "edges.csv"}, func(w []io.Writer) error { return csv.Write(w[0], w[1], g, csv.Options{}) }},
		{"json", []string{"g.json"}, func(w []io.Writer) error { return json.Write(w[0], g, json.Options{}) }},
		{"dot", []string{"g.dot"}, func(w []io.Writer) error { return dot.Write(w[0], g, dot.Options{}) }},
	}
	for _, wr := range writers {
		best, size := time.Duration(1<<62), int64(0)
		for range runs {
			d, n, err := timeWrite(dir, wr.files, wr.write)
			if err != nil {
				return fmt.Errorf("%s: %w", wr.name, err)
			}
			best, size = min(best, d), n
		}
		fmt.Printf("%s %.3f %d\n", wr.name, best.Seconds(), size)
	}
	return nil
}

// timeWrite creates the files, writes them through buffers and closes
// them, and returns the time that took and the bytes written.
func timeWrite(dir string, names []string, write func([]io.Writer) error) (time.Duration, int64, error) {
	start := time.Now()
	var files []*os.File
	var bufs []*bufio.Writer
	var ws []io.Writer
	for _, n := range names {
		f, err := os.Create(filepath.Join(dir, n))
		if err != nil {
			return 0, 0, err
		}
		files = append(files, f)
		b := bufio.NewWriterSize(f, 1<<16)
		bufs, ws = append(bufs, b), append(ws, b)
	}
	err := write(ws)
	var size int64
	for i, f := range files {
		if ferr := bufs[i].Flush(); err == nil {
			err = ferr
		}
		if st, serr := f.Stat(); serr == nil {
			size += st.Size()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return time.Since(start), size, err
}
