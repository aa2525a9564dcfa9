package browser

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Chrome drives headless Chromium over the DevTools protocol, through the
// pipe that --remote-debugging-pipe opens (file descriptors 3 and 4), so
// the tests need neither a WebSocket library nor a debugging port. It is
// just enough for the viewer tests: open a page, run scripts, type, and take
// a screenshot. Unlike Eval, which appends its script to the page, the
// scripts it runs are not subject to the page's Content-Security-Policy,
// and it sees the dialogs the page opens. A failure fails the test.
type Chrome struct {
	T       *testing.T // the test it fails
	cmd     *exec.Cmd
	in      *os.File // commands to Chromium
	out     *bufio.Reader
	next    int
	session string
	// Dialogs are the messages of the alert, confirm and prompt dialogs the
	// page opened; each is dismissed.
	Dialogs []string
	// Exceptions are the page's uncaught JavaScript exceptions.
	Exceptions []string
	// Console holds console messages and browser log entries (CSP
	// violations among them).
	Console []string
	// Requests are the URLs of every request the page made, its own
	// navigation among them, in order.
	Requests []string
}

// message is a DevTools protocol message: a reply (ID set) or an event.
type message struct {
	ID        int             `json:"id"`
	Method    string          `json:"method"`
	Params    json.RawMessage `json:"params"`
	Result    json.RawMessage `json:"result"`
	Error     *struct{ Message string }
	SessionID string `json:"sessionId"`
}

// Start starts Chromium (the program at chromium) with a fresh profile and
// opens a page of width×height CSS pixels. Chromium is killed when the test
// ends or ctx is cancelled.
func Start(ctx context.Context, t *testing.T, chromium string, width, height int) *Chrome {
	t.Helper()
	dir := t.TempDir()
	inR, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	args := append(append([]string{}, Flags...), "--remote-debugging-pipe",
		fmt.Sprintf("--window-size=%d,%d", width, height), "--user-data-dir="+filepath.Join(dir, "profile"), "about:blank")
	cmd := exec.CommandContext(ctx, chromium, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	cmd.ExtraFiles = []*os.File{inR, outW} // fd 3: Chromium reads; fd 4: it writes
	var stderr strings.Builder
	cmd.Stderr = &stderr
	ownProcessGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	inR.Close()
	outW.Close()
	c := &Chrome{T: t, cmd: cmd, in: inW, out: bufio.NewReader(outR)}
	t.Cleanup(func() {
		inW.Close()
		killProcessGroup(cmd)
		_ = cmd.Wait()
		outR.Close()
		if t.Failed() && stderr.Len() > 0 {
			s := stderr.String()
			t.Logf("chromium's stderr (end):\n%s", s[max(0, len(s)-2000):])
		}
	})

	var target struct{ TargetID string }
	c.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct{ SessionID string }
	c.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	c.session = attached.SessionID
	for _, m := range []string{"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"} {
		c.call(c.session, m, nil, nil)
	}
	c.call(c.session, "Emulation.setDeviceMetricsOverride",
		map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}, nil)
	return c
}

// send writes a command and returns its id.
func (c *Chrome) send(session, method string, params any) int {
	c.next++
	m := map[string]any{"id": c.next, "method": method}
	if params != nil {
		m["params"] = params
	}
	if session != "" {
		m["sessionId"] = session
	}
	b, err := json.Marshal(m)
	if err != nil {
		c.T.Fatal(err)
	}
	if _, err := c.in.Write(append(b, 0)); err != nil {
		c.T.Fatalf("chromium: sending %s: %v", method, err)
	}
	return c.next
}

// read returns the next message, handling the events the tests watch.
func (c *Chrome) read() message {
	b, err := c.out.ReadBytes(0)
	if err != nil {
		c.T.Fatalf("chromium: reading: %v", err)
	}
	var m message
	if err := json.Unmarshal(b[:len(b)-1], &m); err != nil {
		c.T.Fatalf("chromium: decoding %q: %v", b, err)
	}
	switch m.Method {
	case "Page.javascriptDialogOpening":
		var p struct{ Message, Type string }
		json.Unmarshal(m.Params, &p)
		c.Dialogs = append(c.Dialogs, p.Type+": "+p.Message)
		c.send(m.SessionID, "Page.handleJavaScriptDialog", map[string]any{"accept": false})
	case "Runtime.exceptionThrown":
		var p struct {
			ExceptionDetails struct {
				Text      string
				Exception struct{ Description string }
			}
		}
		json.Unmarshal(m.Params, &p)
		c.Exceptions = append(c.Exceptions, p.ExceptionDetails.Text+" "+p.ExceptionDetails.Exception.Description)
	case "Runtime.consoleAPICalled":
		c.Console = append(c.Console, "console: "+string(m.Params))
	case "Network.requestWillBeSent":
		var p struct {
			Request struct{ URL string }
		}
		json.Unmarshal(m.Params, &p)
		c.Requests = append(c.Requests, p.Request.URL)
	case "Log.entryAdded":
		var p struct {
			Entry struct{ Level, Source, Text string }
		}
		json.Unmarshal(m.Params, &p)
		c.Console = append(c.Console, p.Entry.Level+" "+p.Entry.Source+": "+p.Entry.Text)
	}
	return m
}

// call sends a command and waits for its reply, decoding the result into
// result unless it is nil.
func (c *Chrome) call(session, method string, params, result any) {
	c.T.Helper()
	id := c.send(session, method, params)
	for {
		m := c.read()
		if m.ID != id {
			continue
		}
		if m.Error != nil {
			c.T.Fatalf("chromium: %s: %s", method, m.Error.Message)
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				c.T.Fatalf("chromium: %s: decoding %s: %v", method, m.Result, err)
			}
		}
		return
	}
}

// Open navigates to url and waits for its load event.
func (c *Chrome) Open(url string) {
	c.T.Helper()
	c.call(c.session, "Page.navigate", map[string]any{"url": url}, nil)
	// Wait for the page's own load event, not a late one of about:blank.
	navigated := false
	for {
		m := c.read()
		switch m.Method {
		case "Page.frameNavigated":
			var p struct {
				Frame struct{ URL, ParentID string }
			}
			json.Unmarshal(m.Params, &p)
			if p.Frame.ParentID == "" {
				navigated = p.Frame.URL == url
			}
		case "Page.loadEventFired":
			if navigated {
				return
			}
		}
	}
}

// Eval runs expression, awaiting a promise, and decodes its value into v.
func (c *Chrome) Eval(expression string, v any) error {
	c.T.Helper()
	var r struct {
		Result           struct{ Value json.RawMessage }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	c.call(c.session, "Runtime.evaluate", map[string]any{
		"expression": expression, "returnByValue": true, "awaitPromise": true,
	}, &r)
	if r.ExceptionDetails != nil {
		return errors.New(r.ExceptionDetails.Text + " " + r.ExceptionDetails.Exception.Description)
	}
	if v == nil {
		return nil
	}
	return json.Unmarshal(r.Result.Value, v)
}

// Call sends the DevTools command method to the page and decodes its
// result into result unless it is nil.
func (c *Chrome) Call(method string, params, result any) {
	c.T.Helper()
	c.call(c.session, method, params, result)
}

// TypeText types text into the focused element, as an input method would.
func (c *Chrome) TypeText(text string) {
	c.call(c.session, "Input.insertText", map[string]any{"text": text}, nil)
}

// Key presses and releases a key such as "Enter".
func (c *Chrome) Key(key string, code int) {
	for _, typ := range []string{"keyDown", "keyUp"} {
		p := map[string]any{"type": typ, "key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
		if typ == "keyDown" && key == "Enter" {
			p["text"] = "\r"
		}
		c.call(c.session, "Input.dispatchKeyEvent", p, nil)
	}
}

// Screenshot returns a PNG of the page's viewport.
func (c *Chrome) Screenshot() []byte {
	var r struct{ Data []byte }
	c.call(c.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &r)
	return r.Data
}
