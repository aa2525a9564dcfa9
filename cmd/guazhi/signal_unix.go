//go:build unix

package main

import (
	"errors"
	"io/fs"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// interrupts are the signals that make writeAll remove its temporary files.
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

// stale reports whether a temporary file of this user's, made by process
// pid, was left behind: no process pid runs on this machine any more.
func stale(pid int, info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) != os.Geteuid() {
		return false
	}
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
