//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// interrupts are the signals that make writeAll abort its output set.
var interrupts = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// dieOf ends the process as sig does when nothing catches it, so that the
// exit status tells the shell that the run was interrupted.
func dieOf(sig os.Signal) {
	signal.Reset(sig)
	if s, ok := sig.(syscall.Signal); ok && syscall.Kill(os.Getpid(), s) == nil {
		time.Sleep(time.Second) // the signal ends the process meanwhile
	}
	os.Exit(1)
}
