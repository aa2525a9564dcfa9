package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/guazhi/guazhi/extract"
	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

func (e env) extract(args []string) error {
	flags := pflag.NewFlagSet("extract", pflag.ContinueOnError)
	var (
		kbs  = flags.StringArray("kb", nil, "an existing knowledge base, or a built-in data set's name, whose ids the draft reuses (repeatable)")
		out  = flags.StringP("out", "o", "-", "the draft's file, or - for standard output")
		date = flags.String("date", "", "the article's date (YYYY-MM-DD), when no header or dateline in the text gives it; default: a date in the file's name")
	)
	usage := "Usage: guazhi extract ARTICLE.txt [--kb KB.yaml ...] [-o draft.yaml]\n\n" +
		"Drafts a knowledge base from a Chinese news text for a person to review:\n" +
		"secondments, agreements, links and the entities they name, each with its\n" +
		"sentence quoted verbatim; inferred facts are flagged. A summary goes to\n" +
		"standard error.\n\n" +
		"Examples:\n" +
		"  guazhi extract article.txt -o draft.yaml\n" +
		"  guazhi extract article.txt --kb jingji-2015 -o draft.yaml   reuse the built-in ids\n" +
		"  guazhi check draft.yaml                                      then verify it\n"
	if err := e.parseFlags(flags, usage, args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return usagef("extract needs exactly one article")
	}
	article := flags.Arg(0)
	text, err := kb.OSReader{}.ReadFile(article)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return kb.ErrorList{{Pos: graph.Pos{File: article}, Msg: "cannot read: " + err.Error(), Err: kb.ErrSource}}
	}
	opt := extract.Options{SourceFile: filepath.ToSlash(article)}
	if *date != "" {
		if opt.Date, err = graph.ParseDate(*date); err != nil {
			return usagef("--date %q: %v", *date, err)
		}
	}
	if *out != "-" {
		abs, err1 := filepath.Abs(article)
		dir, err2 := filepath.Abs(filepath.Dir(*out))
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(dir, abs); err == nil {
				opt.SourceFile = filepath.ToSlash(rel)
			}
		}
	}
	if len(*kbs) > 0 {
		if opt.KB, err = kb.Load(kb.OSReader{}, *kbs...); err != nil {
			return err
		}
	}
	res, err := extract.Draft(extract.Article{Name: filepath.Base(article), Text: string(text)}, opt)
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err = e.stdout.Write(res.YAML)
	} else {
		if err = os.MkdirAll(filepath.Dir(*out), 0o755); err == nil {
			err = writeAll([]string{*out}, func(w []io.Writer) error {
				_, err := w[0].Write(res.YAML)
				return err
			})
		}
	}
	if err != nil {
		return err
	}
	for _, r := range res.Review {
		fmt.Fprintln(e.stderr, "review: "+r)
	}
	if opt.KB != nil {
		if err := account(res, opt.KB, *kbs, *out); err != nil {
			return err
		}
	}
	fmt.Fprintln(e.stderr, res.Summary.String())
	return nil
}

// account counts the draft as check counts its merge with the knowledge
// base files kbs (loaded as base); out names the draft's file, "-" for none.
func account(res *extract.Result, base *graph.Graph, kbs []string, out string) error {
	name := out
	if name == "-" {
		name = "draft.yaml"
	}
	merged, err := kb.Load(draftReader{name: name, data: res.YAML}, append(append([]string(nil), kbs...), name)...)
	if err != nil {
		return fmt.Errorf("the draft does not merge with the knowledge base: %w", err)
	}
	res.Summary.Account(base, merged)
	return nil
}

// draftReader reads the draft from memory and every other file from disk.
type draftReader struct {
	name string
	data []byte
}

func (r draftReader) ReadFile(name string) ([]byte, error) {
	if name == r.name {
		return r.data, nil
	}
	return kb.OSReader{}.ReadFile(name)
}
