package svg_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/guazhi/guazhi/output/svg"
)

// BenchmarkRender renders the 50-node sample in a warm process: go-graphviz
// compiled its WebAssembly when the process started.
func BenchmarkRender(b *testing.B) {
	src := sampleDOT(26)
	for b.Loop() {
		if err := svg.Render(context.Background(), io.Discard, src, svg.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderLayout is BenchmarkRender that also returns the nodes'
// positions (the same layout, also rendered as DOT): what the GEXF and GraphML
// of `guazhi render` cost on top of the SVG.
func BenchmarkRenderLayout(b *testing.B) {
	src := sampleDOT(26)
	for b.Loop() {
		if _, err := svg.RenderLayout(context.Background(), io.Discard, src, svg.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteDefault writes the embedded data set: DOT, then SVG.
// rss-KB/op is how much the process's resident memory grew per render
// (Linux only): go-graphviz never frees what it copies into the WebAssembly
// heap (docs/robustness.md, "A long-running program that renders"). Run it with
// -benchtime 500x for a stable figure.
func BenchmarkWriteDefault(b *testing.B) {
	before := residentKB()
	for b.Loop() {
		defaultSVG(b, svg.Options{})
	}
	if after := residentKB(); before > 0 && after > 0 {
		b.ReportMetric(float64(after-before)/float64(b.N), "rss-KB/op")
	}
}

// residentKB returns the process's resident set size in KiB from
// /proc/self/status, or 0 where there is none.
func residentKB() int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	m := regexp.MustCompile(`(?m)^VmRSS:\s+(\d+) kB$`).FindSubmatch(status)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// BenchmarkFirstRender starts a process that renders the 50-node sample
// once, the way the CLI does. go-graphviz compiles its WebAssembly when the
// process starts, caching the compiled code under $TMPDIR/go-graphviz:
// cold-cache gives every process an empty TMPDIR, warm-cache shares one.
// ns/op is the whole process; first-render-ms its one Render.
func BenchmarkFirstRender(b *testing.B) {
	warm := b.TempDir()
	for _, c := range []struct {
		name   string
		tmpdir func() string
	}{
		{"cold-cache", func() string { return b.TempDir() }},
		{"warm-cache", func() string { return warm }},
	} {
		b.Run(c.name, func(b *testing.B) {
			runHelper(b, warm) // fill the warm cache, outside the timing
			var first time.Duration
			n := 0
			for b.Loop() {
				first += runHelper(b, c.tmpdir())
				n++
			}
			b.ReportMetric(float64(first.Milliseconds())/float64(n), "first-render-ms")
		})
	}
}

var helperOut = regexp.MustCompile(`first-render-ns=(\d+)`)

// runHelper runs TestHelperFirstRender in a new process and returns the
// time its Render took.
func runHelper(b *testing.B, tmpdir string) time.Duration {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFirstRender$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), "GUAZHI_SVG_HELPER=1", "TMPDIR="+tmpdir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("helper: %v\n%s", err, out)
	}
	m := helperOut.FindSubmatch(out)
	if m == nil {
		b.Fatalf("helper printed no time:\n%s", out)
	}
	ns, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return time.Duration(ns)
}

// TestHelperFirstRender is the process BenchmarkFirstRender starts; it
// skips unless GUAZHI_SVG_HELPER=1.
func TestHelperFirstRender(t *testing.T) {
	if os.Getenv("GUAZHI_SVG_HELPER") != "1" {
		t.Skip("helper process for BenchmarkFirstRender")
	}
	src := sampleDOT(26)
	start := time.Now()
	var buf bytes.Buffer
	if err := svg.Render(context.Background(), &buf, src, svg.Options{}); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("first-render-ns=%d\n", time.Since(start).Nanoseconds())
}
