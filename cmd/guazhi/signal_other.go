//go:build !unix

package main

import (
	"os"
)

// interrupts are the signals that make writeAll abort its output set.
var interrupts = []os.Signal{os.Interrupt}

// dieOf ends the process after an interrupt.
func dieOf(os.Signal) { os.Exit(1) }
