package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"time"
)

// resultID is the id of the element the injected script writes its JSON
// result into; Eval reads it back from the dumped DOM.
const resultID = "guazhi-browser-result"

// Flags are the Chromium flags Eval and Start always pass: headless, no
// sandbox (so it runs as root in containers), and no network traffic of
// its own.
var Flags = []string{
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--no-default-browser-check",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-extensions",
	"--disable-dev-shm-usage",
	"--mute-audio",
	"--hide-scrollbars",
}

// Eval opens the HTML document page in headless Chromium (the program at
// chromium), and once the page has loaded runs script, the body of a
// JavaScript function whose return value must be JSON-serialisable. It
// returns that value as JSON. An exception thrown by script is returned as
// an error carrying its message.
//
// The page is written to a temporary file, so relative references resolve
// against that file's directory; give pages that need files of their own
// absolute file:// URLs. Eval needs no network and starts a fresh profile
// every time. Cancelling ctx kills Chromium and every process it started.
func Eval(ctx context.Context, chromium string, page []byte, script string) (json.RawMessage, error) {
	dir, err := os.MkdirTemp("", "guazhi-browser-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)

	file := filepath.Join(dir, "page.html")
	doc := append(bytes.Clone(page), injected(script)...)
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		return nil, err
	}

	args := append([]string{}, Flags...)
	args = append(args,
		"--window-size=1600,1200",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		// Let timers and the load event run before the DOM is dumped.
		"--virtual-time-budget=10000",
		"--dump-dom",
		"file://"+file,
	)
	cmd := exec.CommandContext(ctx, chromium, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	cmd.WaitDelay = 5 * time.Second
	ownProcessGroup(cmd)
	runErr := cmd.Run()
	killProcessGroup(cmd)

	m := resultRE.FindSubmatch(stdout.Bytes())
	if m == nil {
		if runErr == nil {
			runErr = errors.New("no result in the dumped DOM")
		}
		return nil, fmt.Errorf("browser: %s: %w\n%s", chromium, runErr, tail(stderr.Bytes(), 2000))
	}
	raw := []byte(html.UnescapeString(string(m[1])))
	var res struct {
		OK    json.RawMessage `json:"ok"`
		Error *string         `json:"error"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("browser: decoding the script's result: %w", err)
	}
	if res.Error != nil {
		return nil, fmt.Errorf("browser: script failed: %s", *res.Error)
	}
	return res.OK, nil
}

var resultRE = regexp.MustCompile(`(?s)<pre id="` + resultID + `">(.*?)</pre>`)

// injected returns the script appended to the page: it runs script after
// the load event and writes {"ok": value} or {"error": message} into a
// <pre> element that Eval finds in the dumped DOM.
func injected(script string) string {
	return `
<script>
window.addEventListener("load", function () {
  setTimeout(function () {
    var out;
    try {
      var value = (function () {
` + script + `
      })();
      out = JSON.stringify({ok: value === undefined ? null : value});
    } catch (e) {
      out = JSON.stringify({error: String(e && e.stack || e)});
    }
    var pre = document.createElement("pre");
    pre.id = "` + resultID + `";
    pre.textContent = out;
    document.body.appendChild(pre);
  }, 0);
});
</script>
`
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return b
}
