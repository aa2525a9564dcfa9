package svg_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/guazhi/guazhi/output/svg"
)

// serveArg makes the test binary a layout process (svg.Serve), as guazhi's
// __layout command is.
const serveArg = "serve-layout"

func TestMain(m *testing.M) {
	if len(os.Args) == 2 && os.Args[1] == serveArg {
		if err := svg.Serve(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func process() *exec.Cmd {
	cmd := exec.Command(os.Args[0], serveArg)
	svg.KillWithParent(cmd)
	return cmd
}

// TestProcess renders the same DOT here and in a layout process: the same
// SVG and the same positions; a DOT Graphviz cannot read is the same
// error both ways.
func TestProcess(t *testing.T) {
	src := []byte(`digraph g { a -> b; b -> c; a [label="甲"]; }`)
	for _, layout := range []string{"dot", "sfdp"} {
		var here, there bytes.Buffer
		p1, err := svg.RenderLayout(context.Background(), &here, src, svg.Options{Layout: layout})
		if err != nil {
			t.Fatal(err)
		}
		p2, err := svg.RenderLayout(context.Background(), &there, src, svg.Options{Layout: layout, Process: process})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(here.Bytes(), there.Bytes()) {
			t.Errorf("%s: the layout process's SVG differs", layout)
		}
		if fmt.Sprint(p1) != fmt.Sprint(p2) {
			t.Errorf("%s: positions %v here, %v there", layout, p1, p2)
		}
	}
	bad := []byte(`digraph { a -> }`)
	err1 := svg.Render(context.Background(), &bytes.Buffer{}, bad, svg.Options{})
	err2 := svg.Render(context.Background(), &bytes.Buffer{}, bad, svg.Options{Process: process})
	if err1 == nil || err2 == nil || err1.Error() != err2.Error() {
		t.Errorf("bad DOT: %v here, %v there", err1, err2)
	}
}

// TestProcessCancel cancels a long layout in a layout process: Render
// returns the context's error at once.
func TestProcessCancel(t *testing.T) {
	var b strings.Builder
	b.WriteString("digraph g { mclimit=100; ")
	for i := range 1500 {
		fmt.Fprintf(&b, "n%d -> n%d [label=\"edge %d\"]; n%d -> n%d; ", i, (i*7+3)%1500, i, i, (i*13+5)%1500)
	}
	b.WriteString("}")
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := svg.Render(ctx, &bytes.Buffer{}, []byte(b.String()), svg.Options{Process: process})
	took := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Render = %v after %v, want the deadline's error", err, took)
	}
	if took > 1500*time.Millisecond {
		t.Errorf("Render returned %v after the start, a second after the deadline", took)
	}
}
