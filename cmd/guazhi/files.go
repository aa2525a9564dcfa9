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
	set, err := outset.Create(paths)
	if err != nil {
		return err
	}
	defer abortOnSignal(set)()
	if err := write(set.Writers()); err != nil {
		set.Abort()
		return err
	}
	return set.Commit()
}

// abortOnSignal makes SIGINT, SIGTERM and SIGHUP (those not ignored, as
// nohup ignores SIGHUP) abort set, removing its temporary files, and then
// end the process as the signal would have. It returns the function that
// stops this.
func abortOnSignal(set *outset.Set) (stop func()) {
	c := make(chan os.Signal, 1)
	for _, sig := range interrupts {
		if !signal.Ignored(sig) {
			signal.Notify(c, sig)
		}
	}
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-c:
			set.Abort() // waits for a rename in progress: all earlier or all new
			dieOf(sig)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(c)
		close(done)
	}
}
