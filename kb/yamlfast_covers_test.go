package kb_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/internal/gen/synth"
	"github.com/guazhi/guazhi/kb"
)

// TestFastCovers: the fast YAML parser takes every file of the embedded
// knowledge base and of generated ones of both kinds, and every piece a
// large file is cut into, with yaml.v3's trees: the fast path is really
// taken, also for files saved with CRLF line ends.
func TestFastCovers(t *testing.T) {
	files, _ := filepath.Glob("data/*.yaml")
	if len(files) == 0 {
		t.Fatal("no YAML under data")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := kb.FastCovers(data, 1<<10); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	for name, d := range map[string]*synth.Dir{
		"exchange": synth.Exchange(synth.ExchangeOptions{Officials: 300, Seed: 1}).Files(0),
		"random":   synth.Generate(synth.Options{Officials: 300, Seed: 1}).Files(0),
	} {
		for _, f := range d.KB {
			if !strings.HasSuffix(f, ".yaml") {
				t.Fatalf("%s: %s is no YAML file", name, f)
			}
			data, err := d.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// Pieces of 16 kB: a few dozen of them, each list cut in several.
			n, err := kb.FastCovers(data, 16<<10)
			if err != nil {
				t.Errorf("%s %s: %v", name, f, err)
			} else if n < 10 {
				t.Errorf("%s %s: cut in %d pieces, want 10 or more", name, f, n)
			}
			// As an editor on Windows may save it: a byte-order mark, a
			// document marker, "\r\n" line ends.
			windows := "\uFEFF---\r\n" + strings.ReplaceAll(string(data), "\n", "\r\n")
			if n, err := kb.FastCovers([]byte(windows), 16<<10); err != nil || n < 10 {
				t.Errorf("%s %s, with a byte-order mark, a document marker and CRLF: cut in %d pieces (want 10 or more), %v", name, f, n, err)
			}
		}
	}
}
