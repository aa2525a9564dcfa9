// Command gen writes a deterministic synthetic knowledge base for guazhi's
// benchmarks and scale tests:
//
//	go run ./internal/gen -officials 10000 -seed 1 -o /tmp/kb10k
//	go run ./internal/gen -kind exchange -officials 1000 -o /tmp/x1k
//	guazhi check /tmp/kb10k/*.yaml
//
// It writes DIR/kb.yaml (or, past the loader's file-size limit,
// DIR/kb-0001.yaml, kb-0002.yaml, … which load together), or with -format
// jsonl DIR/kb.jsonl, and the source texts under DIR/sources/, and prints
// the knowledge-base files' paths, one a line.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/guazhi/guazhi/internal/gen/synth"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintln(os.Stderr, "gen:", err)
		}
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opt synth.Options
	fl.IntVar(&opt.Officials, "officials", 1000, "number of officials")
	fl.Uint64Var(&opt.Seed, "seed", 1, "random seed: the same seed gives byte-identical files")
	fl.StringVar(&opt.Name, "name", "synthetic", "the knowledge base's name")
	fl.IntVar(&opt.PerSource, "per-source", 40, "officials reported on by one source article")
	out := fl.String("o", "", "output directory (required)")
	maxBytes := fl.Int("max-bytes", synth.MaxFileBytes, "size limit of one YAML file")
	format := fl.String("format", "yaml", "yaml, or jsonl for one JSON Lines file (kb.jsonl)")
	kind := fl.String("kind", "random", "random (bodies and links at random), or exchange (yearly rotations between\nBeijing's districts and Hebei's cities and counties, as the real exchange was)")
	rotations := fl.Int("rotations", 5, "with -kind exchange: yearly rotations from 2015")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" || fl.NArg() > 0 {
		fl.Usage()
		return fmt.Errorf("usage: gen -officials N -seed S -o DIR")
	}
	var kb *synth.KB
	switch *kind {
	case "random":
		kb = synth.Generate(opt)
	case "exchange":
		name := opt.Name
		if name == "synthetic" {
			name = "exchange"
		}
		kb = synth.Exchange(synth.ExchangeOptions{Officials: opt.Officials, Rotations: *rotations, Seed: opt.Seed,
			Name: name, PerSource: opt.PerSource})
	default:
		return fmt.Errorf("unknown -kind %q (want random or exchange)", *kind)
	}
	var d *synth.Dir
	switch *format {
	case "yaml":
		d = kb.Files(*maxBytes)
	case "jsonl":
		d = kb.BulkFiles()
	default:
		return fmt.Errorf("unknown -format %q (want yaml or jsonl)", *format)
	}
	if err := d.Write(*out); err != nil {
		return err
	}
	for _, f := range d.KB {
		fmt.Fprintln(stdout, filepath.Join(*out, f))
	}
	return nil
}
