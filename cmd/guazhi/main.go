// Command guazhi turns a source-cited knowledge base about officials'
// secondments into a graph and exports it for people and for Gephi,
// NetworkX and d3.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

func main() {
	os.Exit(exitCode(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr), os.Stderr))
}

// usageError is bad usage: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errHelp is returned after --help was printed: exit status 0.
var errHelp = errors.New("help requested")

// exitCode prints err and maps it to the exit status: 0 success, 1 bad
// input or failure, 2 bad usage.
func exitCode(err error, stderr io.Writer) int {
	var u *usageError
	switch {
	case err == nil || errors.Is(err, errHelp):
		return 0
	case errors.As(err, &u):
		fmt.Fprintf(stderr, "guazhi: %s\nRun 'guazhi help' for usage.\n", u.msg)
		return 2
	}
	var list graph.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(stderr, list.Error())
		fmt.Fprintf(stderr, "guazhi: %d %s\n", list.Count(), plural(list.Count(), "problem", "problems"))
		return 1
	}
	fmt.Fprintf(stderr, "guazhi: %s\n", err)
	return 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

const usage = `guazhi turns a source-cited knowledge base about officials' secondments
(挂职) and the agreements they broker into a graph, and exports it.

Usage:
  guazhi render [flags] [KB.yaml ...]   draw and export the graph (default: the embedded jingji-2015 data set)
  guazhi check [KB.yaml ...]            validate and verify every quote against its source
  guazhi stats [KB.yaml ...]            counts and the best-connected officials
  guazhi extract ARTICLE.txt [--kb KB.yaml ...] [-o draft.yaml]
                                        draft a knowledge base from a Chinese news text
  guazhi version                        print the version

Run 'guazhi COMMAND --help' for a command's flags.
`

// env is what a command may touch: its streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{stdin, stdout, stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usagef("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "render":
		return e.render(rest)
	case "check":
		return e.check(rest)
	case "stats":
		return e.stats(rest)
	case "extract":
		return e.extract(rest)
	case "version":
		if len(rest) > 0 && (rest[0] == "--help" || rest[0] == "-h") {
			fmt.Fprintln(stdout, "Usage: guazhi version\n\nPrints guazhi's version.")
			return errHelp
		}
		fmt.Fprintln(stdout, "guazhi", version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return errHelp
	}
	return usagef("unknown command %q", cmd)
}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return strings.TrimSpace(v + " " + info.GoVersion)
}

// load reads the knowledge bases named, or the embedded default when none is.
func load(files []string) (*graph.Graph, error) {
	if len(files) == 0 {
		return graph.LoadDefault()
	}
	return graph.Load(graph.OSReader{}, files...)
}
