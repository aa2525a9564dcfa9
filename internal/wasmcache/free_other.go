//go:build unix && !linux

package wasmcache

// freeSpace reports that it cannot tell the free space outside Linux.
func freeSpace(string) (uint64, bool) { return 0, false }
