package svg

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// A layout in another process: the request is a JSON line (request), then
// the DOT text to the end of the input; the reply a JSON line (reply),
// then the SVG to the end of the output. A layout cannot be interrupted
// inside go-graphviz (its WebAssembly code never yields to the Go
// runtime, which then cannot even stop for a collection), but a process
// can be killed: with Options.Process set, Render runs the layout there,
// and kills it when its context is done.

type request struct {
	Layout    string `json:"layout"`
	Positions bool   `json:"positions"`
}

type reply struct {
	Error     string                `json:"error,omitempty"`
	Positions map[string][2]float64 `json:"positions,omitempty"`
}

// Serve answers one layout request read from in, writing the reply to
// out: what the command that Options.Process starts runs.
func Serve(in io.Reader, out io.Writer) error {
	br := bufio.NewReader(in)
	line, err := br.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("svg: reading the layout request: %w", err)
	}
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return fmt.Errorf("svg: reading the layout request: %w", err)
	}
	dotSrc, err := io.ReadAll(br)
	if err != nil {
		return fmt.Errorf("svg: reading the layout request: %w", err)
	}
	var buf bytes.Buffer
	var rep reply
	if req.Positions {
		rep.Positions = map[string][2]float64{}
	}
	if err := renderIn(context.Background(), &buf, dotSrc, Options{Layout: req.Layout}, rep.Positions); err != nil {
		rep = reply{Error: err.Error()}
		buf.Reset()
	}
	head, err := json.Marshal(rep)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(out)
	bw.Write(head)
	bw.WriteByte('\n')
	bw.Write(buf.Bytes())
	return bw.Flush()
}

// renderProcess runs the layout in the process cmd and reads its reply
// into w and pos; it kills the process when ctx is done.
func renderProcess(ctx context.Context, cmd *exec.Cmd, w *bytes.Buffer, dotSrc []byte, layout string, pos map[string][2]float64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	head, err := json.Marshal(request{Layout: layout, Positions: pos != nil})
	if err != nil {
		return err
	}
	cmd.Stdin = io.MultiReader(bytes.NewReader(append(head, '\n')), bytes.NewReader(dotSrc))
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("svg: starting the layout process: %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-ctx.Done():
		cmd.Process.Kill()
		<-done
		return ctx.Err()
	case err = <-done:
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("svg: the %s layout process failed: %s", layout, msg)
	}
	line, rest, ok := bytes.Cut(out.Bytes(), []byte("\n"))
	var rep reply
	if !ok || json.Unmarshal(line, &rep) != nil {
		return errors.New("svg: the layout process gave no reply")
	}
	if rep.Error != "" {
		return errors.New(rep.Error)
	}
	for k, v := range rep.Positions {
		pos[k] = v
	}
	w.Write(rest)
	return nil
}
