package main

import (
	"io"
	"os"
	"os/signal"

	"github.com/guazhi/guazhi/internal/outset"
)

// writeAll writes the files at paths atomically, as a set (internal/outset):
// write streams their contents, one writer per path, into temporary files
// beside their targets, which replace them only when all are written; a
// failure leaves every earlier output as it was, and so does an interrupt
// (SIGINT, SIGTERM or SIGHUP), after which the process ends as the signal
// would have ended it.
func writeAll(paths []string, write func(w []io.Writer) error) error {
	// Caught from before the first temporary file exists, so that none
	// can be left by a signal that arrives while they are made.
	c := make(chan os.Signal, 1)
	for _, sig := range interrupts {
		if !signal.Ignored(sig) {
			signal.Notify(c, sig)
		}
	}
	defer signal.Stop(c)
	set, err := outset.Create(paths)
	if err != nil {
		select {
		case sig := <-c:
			dieOf(sig)
		default:
		}
		return err
	}
	defer abortOnSignal(c, set)()
	if err := write(set.Writers()); err != nil {
		set.Abort()
		return err
	}
	return set.Commit()
}

// abortOnSignal makes a signal that reaches c (SIGINT, SIGTERM or SIGHUP,
// those not ignored, as nohup ignores SIGHUP) abort set, removing its
// temporary files, and then end the process as the signal would have. It
// returns the function that stops this.
func abortOnSignal(c chan os.Signal, set *outset.Set) (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-c:
			set.Abort() // waits for a rename in progress: all earlier or all new
			dieOf(sig)
		case <-done:
		}
	}()
	return func() { close(done) }
}
