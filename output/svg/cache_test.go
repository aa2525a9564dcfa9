package svg

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/guazhi/guazhi/internal/wasmcache"
)

// TestCacheOrder checks the package initialisation order wasmcache relies
// on: go-graphviz's init ran after wasmcache's, so it cached its compiled
// code in wasmcache's private directory, and this package's init, after
// both, put TMPDIR back.
func TestCacheOrder(t *testing.T) {
	dir := wasmcache.Dir()
	if dir == "" {
		t.Skip("skipping: this user's cache directory cannot be used safely, so go-graphviz has no cache")
	}
	if os.Getenv("TMPDIR") == dir {
		t.Errorf("TMPDIR is still %s", dir)
	}
	files, err := filepath.Glob(filepath.Join(dir, "go-graphviz", "wazero-*", "*"))
	if err != nil || len(files) == 0 {
		t.Errorf("go-graphviz cached nothing in %s (%v): its init ran before wasmcache's", dir, err)
	}
}
