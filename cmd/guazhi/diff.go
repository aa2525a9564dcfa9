package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"slices"

	"github.com/spf13/pflag"

	"github.com/guazhi/guazhi/diff"
	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// errDiffer is guazhi diff's answer that the knowledge bases differ: exit
// status 1, nothing more printed.
var errDiffer = errors.New("the knowledge bases differ")

// troubleError is a failure of a command whose exit status 1 is an answer
// (guazhi diff, like diff(1)): exit status 2, the error printed as any.
type troubleError struct{ err error }

func (e *troubleError) Error() string { return e.err.Error() }
func (e *troubleError) Unwrap() error { return e.err }

const diffUsage = `Usage: guazhi diff [flags] OLD NEW
       guazhi diff [flags] --old KB.yaml ... --new KB.yaml ...

Reports what changed from OLD to NEW, each a knowledge base (a file or a
built-in data set's name; --old and --new, repeated, fuse several files
into one side): the entities, sources, secondments, posts, agreements,
brokered credits and links added (+), removed (-), changed (~, each field
as old → new) or only re-sourced (=, other sources or quotes for the same
fact). Entities and sources are matched by id, relations by kind, ends and
the rule by which loading fuses two statements into one fact.

Exit status: 0 no differences, 1 differences, 2 trouble (bad usage, or a
knowledge base that does not load).

Examples:
  guazhi diff jingji-2015 my.yaml
  guazhi diff --stat old.yaml new.yaml
  guazhi diff --json --old a.yaml --old b.yaml --new merged.yaml
`

func (e env) diff(args []string) error {
	fs := pflag.NewFlagSet("diff", pflag.ContinueOnError)
	oldFiles := fs.StringArray("old", nil, "a file or data set of the old side (repeatable; fused)")
	newFiles := fs.StringArray("new", nil, "a file or data set of the new side (repeatable; fused)")
	asJSON := fs.Bool("json", false, `write the report as JSON: {"changes": [...], "stat": [...]}`)
	stat := fs.Bool("stat", false, "write only the number of changes per kind")
	if err := e.parseFlags(fs, diffUsage, args); err != nil {
		return err
	}
	old, new, err := diffSides(*oldFiles, *newFiles, fs.Args())
	if err != nil {
		return err
	}
	g0, g1, err := loadBoth(old, new)
	if err != nil {
		return &troubleError{err}
	}
	r := diff.Compare(g0, g1)
	switch {
	case *asJSON && *stat:
		err = writeJSON(e, struct {
			Stat []diff.Count `json:"stat"`
		}{append([]diff.Count{}, r.Stat()...)})
	case *asJSON:
		err = writeJSON(e, r)
	case *stat:
		err = r.WriteStat(e.stdout)
	default:
		err = r.Write(e.stdout)
	}
	if err != nil {
		return &troubleError{err}
	}
	if !r.Empty() {
		return errDiffer
	}
	return nil
}

func writeJSON(e env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// diffSides gives the files of each side: --old and --new, or the two
// arguments, or one side's flags and the other side's one argument.
func diffSides(old, new, args []string) ([]string, []string, error) {
	switch {
	case len(old) == 0 && len(new) == 0 && len(args) == 2:
		return args[:1], args[1:], nil
	case len(old) > 0 && len(new) > 0 && len(args) == 0:
		return old, new, nil
	case len(old) > 0 && len(new) == 0 && len(args) == 1:
		return old, args, nil
	case len(old) == 0 && len(new) > 0 && len(args) == 1:
		return args, new, nil
	}
	return nil, nil, usagef("diff needs OLD and NEW: two arguments, or --old and --new (got %d %s, %d --old, %d --new)",
		len(args), plural(len(args), "argument", "arguments"), len(old), len(new))
}

// loadBoth loads the two sides, one after the other (at once, the peak
// memory is half as large again, for no time saved on two busy cores).
// When both fail, the problems of both are reported, old's first, each
// once.
func loadBoth(old, new []string) (*graph.Graph, *graph.Graph, error) {
	var g [2]*graph.Graph
	var errs [2]error
	for i, files := range [][]string{old, new} {
		g[i], errs[i] = load(files, kb.Options{})
	}
	var l0, l1 kb.ErrorList
	if errors.As(errs[0], &l0) && errors.As(errs[1], &l1) {
		seen := make(map[string]bool, len(l0))
		for _, e := range l0 {
			seen[e.Error()] = true
		}
		list := slices.Clip(l0)
		for _, e := range l1 {
			if !seen[e.Error()] {
				list = append(list, e) // not once more when a file is on both sides
			}
		}
		return nil, nil, list
	}
	if err := cmp.Or(errs[0], errs[1]); err != nil {
		return nil, nil, err
	}
	return g[0], g[1], nil
}
