package json_test

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/outcheck"
	"github.com/guazhi/guazhi/output/internal/exporttest"
	"github.com/guazhi/guazhi/output/json"
)

// compare requires Write to write what the reference implementation, which
// has encoding/json marshal and indent the document, writes.
func compare(t *testing.T, g *graph.Graph, opt json.Options) {
	t.Helper()
	var got, want bytes.Buffer
	if err := json.Write(&got, g, opt); err != nil {
		t.Fatal(err)
	}
	if err := json.RefWrite(&want, g, opt); err != nil {
		t.Fatal(err)
	}
	exporttest.Same(t, fmt.Sprintf("%+v: the output", opt), got.Bytes(), want.Bytes())
}

var options = []json.Options{{}, {Compact: true}, {Lang: "en"}, {Lang: "both", Compact: true}}

// compareAll compares the outputs of every options.
func compareAll(t *testing.T, g *graph.Graph) {
	for _, opt := range options {
		compare(t, g, opt)
	}
}

func TestReference(t *testing.T) { exporttest.Graphs(t, true, compareAll) }

// FuzzReference writes fuzzed knowledge bases (see outcheck.Fuzz) and
// compares the output with the reference implementation's.
func FuzzReference(f *testing.F) { outcheck.Fuzz(f, compareAll) }

// marshal is encoding/json's encoding of s without HTML escaping.
func marshal(t *testing.T, s string) []byte {
	var b bytes.Buffer
	enc := stdjson.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func checkEscaped(t *testing.T, s string) {
	t.Helper()
	got := append(json.AppendEscaped([]byte{'"'}, s), '"')
	if want := marshal(t, s); !bytes.Equal(got, want) {
		t.Errorf("%q: got %s, want %s", s, got, want)
	}
}

func TestEscape(t *testing.T) {
	for _, s := range escapeSeeds() {
		checkEscaped(t, s)
	}
	// Every character alone and between text, and every byte.
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r < 0x3000 || r%97 == 0 {
			checkEscaped(t, string(r))
			checkEscaped(t, "a"+string(r)+"张")
		}
	}
	for c := range 256 {
		checkEscaped(t, string([]byte{byte(c)}))
		checkEscaped(t, string([]byte{'x', byte(c), 0x80, 0x80, 'y'}))
		checkEscaped(t, string([]byte{byte(c), 0xBF}))
	}
}

func escapeSeeds() []string {
	return []string{
		"", "plain", `"quoted" \back\ <b>x</b> & y`, "\b\f\n\r\t\x00\x1f\x7f",
		"张三\u2028\u2029\ufeff\uffff\ufffd", "\xe2\x80", "\xe2\x80\xa8", "\xed\xa0\x80",
		"\xe0\x80\x80", "\xef\xbf", "\xf0\x9f\x98\x80😀", "\xc3", "é\xc3(",
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range escapeSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEscaped(t, s) })
}
