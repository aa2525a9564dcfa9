//go:build !unix

package wasmcache

// noCache is unused where go-graphviz's temporary directory does not follow
// TMPDIR.
const noCache = ""

// point leaves go-graphviz's cache where it is: outside Unix, os.TempDir
// does not read TMPDIR (on Windows it is the user's own %TEMP%).
func point() (string, bool) { return "", false }
