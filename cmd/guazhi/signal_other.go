//go:build !unix

package main

import (
	"io/fs"
	"os"
)

// interrupts are the signals that make writeAll remove its temporary files.
var interrupts = []os.Signal{os.Interrupt}

// dieOf ends the process after an interrupt.
func dieOf(os.Signal) { os.Exit(1) }

// stale reports that a temporary file cannot be told stale here.
func stale(int, fs.FileInfo) bool { return false }
