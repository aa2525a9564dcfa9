package wasmcache

import (
	"os"
	"sync"
)

// envVar is what os.TempDir reads on Unix.
const envVar = "TMPDIR"

var (
	// dir is the cache directory init chose, "" for none.
	dir string
	// oldTMPDIR and hadTMPDIR are TMPDIR as the process started.
	oldTMPDIR string
	hadTMPDIR bool
	restore   sync.Once
)

func init() {
	oldTMPDIR, hadTMPDIR = os.LookupEnv(envVar)
	tmp, ok := point()
	if !ok {
		return
	}
	dir = tmp
	if tmp == "" {
		tmp = noCache
	}
	_ = os.Setenv(envVar, tmp)
}

// Dir returns the directory go-graphviz was given as its temporary directory
// (it caches in Dir()/go-graphviz), or "" when it was given none it could
// cache in.
func Dir() string { return dir }

// Restore puts TMPDIR back as it was when the process started. Call it from
// the init of every package that imports go-graphviz; it does its work once.
func Restore() {
	restore.Do(func() {
		if hadTMPDIR {
			_ = os.Setenv(envVar, oldTMPDIR)
		} else {
			_ = os.Unsetenv(envVar)
		}
	})
}
