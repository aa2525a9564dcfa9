// Command guazhi turns a source-cited knowledge base about officials'
// secondments into a graph and exports it for people and for Gephi,
// NetworkX and d3.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/suggest"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/svg"
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
// input or failure, 2 bad usage. guazhi diff, like diff(1), exits 1 when
// the knowledge bases differ and 2 on any trouble.
func exitCode(err error, stderr io.Writer) int {
	var u *usageError
	switch {
	case err == nil || errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errDiffer):
		return 1
	case errors.As(err, &u):
		fmt.Fprintf(stderr, "guazhi: %s\nRun 'guazhi help' for usage.\n", u.msg)
		return 2
	}
	code := 1
	var trouble *troubleError
	if errors.As(err, &trouble) {
		code = 2
	}
	var list kb.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(stderr, list.Error())
		fmt.Fprintf(stderr, "guazhi: %d %s\n", list.Count(), plural(list.Count(), "problem", "problems"))
		return code
	}
	fmt.Fprintf(stderr, "guazhi: %s\n", err)
	return code
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
  guazhi diff OLD NEW                   what changed between two knowledge bases (exit 1 when any);
                                        e.g. guazhi diff jingji-2015 my.yaml, or --old a.yaml --old b.yaml --new c.yaml
  guazhi extract ARTICLE.txt [--kb KB.yaml ...] [-o draft.yaml]
                                        draft a knowledge base from a Chinese news text
  guazhi version                        print the version

A KB.yaml argument may also name a built-in data set, which a file can build
on with "uses: [NAME]" instead:
`

// usageText is usage with the built-in data sets listed.
func usageText() string {
	var b strings.Builder
	b.WriteString(usage)
	for _, d := range kb.Builtins() {
		fmt.Fprintf(&b, "  %-36s  %s\n", d.Name, d.Title)
	}
	b.WriteString("\nRun 'guazhi COMMAND --help' for a command's flags and examples.\n")
	return b.String()
}

// env is what a command may touch: its streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{stdin, stdout, stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText())
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
	case "diff":
		return e.diff(rest)
	case "extract":
		return e.extract(rest)
	case "version":
		if len(rest) > 0 && (rest[0] == "--help" || rest[0] == "-h") {
			fmt.Fprintln(stdout, "Usage: guazhi version\n\nPrints guazhi's version: the module version it was installed at, or the\ngit revision and date of the clone it was built in, and the Go release.\n\nExample:\n  guazhi version   guazhi v0.0.0-20261203093701-703c3945e54c go1.26.8 (go build in a clone: the\n                   pseudo-version of its commit, +dirty with uncommitted changes)")
			return errHelp
		}
		fmt.Fprintln(stdout, "guazhi", version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usageText())
		return errHelp
	case layoutCommand:
		// The layout process render starts for a large graph: it leaves
		// interrupts to its parent, which cleans up and kills it.
		signal.Ignore(interrupts...)
		return svg.Serve(stdin, stdout)
	}
	if c := suggest.Words(cmd, commandNames); len(c) > 0 {
		return usagef("unknown command %q; did you mean %s?", cmd, strings.Join(c, " or "))
	}
	return usagef("unknown command %q", cmd)
}

// commandNames are the commands run knows, for suggestions.
var commandNames = []string{"render", "check", "stats", "diff", "extract", "version", "help"}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	return versionOf(info)
}

// versionOf says which guazhi a build is: its module version when it was
// installed as a module (go install …@v1.2.3), else the revision, date and
// state of the checkout it was built in, as the go command records them
// (go build in a git clone; go run and tests record none), and the Go
// release.
func versionOf(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return v + " " + info.GoVersion
	}
	var rev, date string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.time":
			date = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel (no revision recorded: built with go run or from outside a clone) " + info.GoVersion
	}
	v = "devel " + rev
	if date != "" {
		v += " " + date
	}
	if modified {
		v += " (modified)"
	}
	return v + " " + info.GoVersion
}

// load reads the knowledge bases named (a name that is no file but a
// built-in data set's loads that), or the embedded default when none is,
// naming the graph as opt says.
func load(files []string, opt kb.Options) (*graph.Graph, error) {
	if len(files) == 0 {
		in, _ := kb.BuiltinInput("jingji-2015")
		return opt.Parse(kb.OSReader{}, in)
	}
	return opt.Load(kb.OSReader{}, files...)
}

// checkName refuses a --name that cannot name output files.
func checkName(opt kb.Options) error {
	if opt.Name != "" {
		if msg := kb.NameProblem(opt.Name); msg != "" {
			return usagef("--%s", msg)
		}
	}
	return nil
}

// nameFlags adds --name and --title, which name the merged graph.
func nameFlags(fs *pflag.FlagSet) *kb.Options {
	var opt kb.Options
	fs.StringVar(&opt.Name, "name", "", "name of the merged graph, for output file names (default: the name the files give,\nelse the first file's name without extension)")
	fs.StringVar(&opt.Title, "title", "", "title of the merged graph (default: the title the files give, else the name,\nthen + the title of each built-in data set merged)")
	return &opt
}

// layoutCommand is the hidden command that runs a layout for render in a
// process of its own (svg.Serve), which an interrupt can kill.
const layoutCommand = "__layout"

// layoutProcess makes the command of a layout process: this program
// again, run as layoutCommand. Nil when the program cannot find itself.
func layoutProcess() func() *exec.Cmd {
	self, err := os.Executable()
	if err != nil {
		return nil
	}
	return func() *exec.Cmd {
		cmd := exec.Command(self, layoutCommand)
		cmd.Args[0] = "guazhi"
		svg.KillWithParent(cmd)
		return cmd
	}
}
