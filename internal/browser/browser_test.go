package browser_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/guazhi/guazhi/internal/browser"
	"github.com/guazhi/guazhi/internal/tooltest"
)

func TestEval(t *testing.T) {
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	page := []byte(`<!doctype html><meta charset="utf-8"><p id="p">北京 &amp; &lt;/pre&gt; "x"</p>
<script>window.addEventListener("load", function () { document.getElementById("p").dataset.loaded = "yes"; });</script>`)
	raw, err := browser.Eval(ctx, chromium, page, `
		var p = document.getElementById("p");
		return {text: p.textContent, loaded: p.dataset.loaded, n: 1 + 1};`)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Text, Loaded string
		N            int
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got.Text != `北京 & </pre> "x"` || got.Loaded != "yes" || got.N != 2 {
		t.Errorf("got %+v", got)
	}
}

func TestEvalError(t *testing.T) {
	chromium := tooltest.Look(t, "chromium", "chromium-browser")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	_, err := browser.Eval(ctx, chromium, []byte(`<!doctype html><p>x</p>`), `throw new Error("boom");`)
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want the script's exception", err)
	}
}
