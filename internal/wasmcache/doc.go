// Package wasmcache keeps go-graphviz's cache of compiled machine code in a
// directory only the user running guazhi can write, or keeps no cache.
//
// go-graphviz compiles its WebAssembly Graphviz in a package init and caches
// the machine code in os.TempDir()/go-graphviz, a directory any user of the
// machine can usually write and whose files it runs after checking only a
// CRC. This package imports nothing outside the standard library, so Go's
// package initialisation order (import paths sorted, a package as soon as
// its imports are initialised) runs its init before go-graphviz's, whose
// import of github.com/tetratelabs/wazero sorts after github.com/guazhi. Its
// init points TMPDIR at the private cache directory Dir (or at /dev/null/,
// where go-graphviz can make no cache); each package that imports go-graphviz
// also imports this one and calls Restore from its own init, which runs after
// go-graphviz's, to put TMPDIR back.
package wasmcache
