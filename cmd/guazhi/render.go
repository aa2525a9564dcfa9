package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/csv"
	"github.com/guazhi/guazhi/output/dot"
	"github.com/guazhi/guazhi/output/gexf"
	"github.com/guazhi/guazhi/output/graphml"
	"github.com/guazhi/guazhi/output/html"
	"github.com/guazhi/guazhi/output/json"
	"github.com/guazhi/guazhi/output/svg"
)

// renderJob is everything a format needs to render.
type renderJob struct {
	g      *graph.Graph
	layout string
	lang   string
	// partOf draws the part_of relations in the diagram (dot, svg, html):
	// only when --kinds names them; every other format always has them.
	partOf bool
	dot    []byte // the DOT text, made once for dot, svg and html
	svg    []byte // the SVG, made once for svg and html
	// pos holds the diagram's node positions for gexf and graphml, made
	// with the SVG when wantPos.
	pos     map[string][2]float64
	wantPos bool
}

// maxPositioned is the most nodes a graph may have for the GEXF and
// GraphML to carry the diagram's positions: laying out is what the SVG
// costs (2 s at 2000 nodes with sfdp), and a larger graph is for a layout
// Gephi runs itself.
const maxPositioned = 2000

// positions returns the diagram's node positions, laying the graph out
// when the SVG has not been made yet; nil for a graph too large.
func (j *renderJob) positions() (map[string][2]float64, error) {
	if len(j.g.Entities) > maxPositioned {
		return nil, nil
	}
	if j.pos == nil {
		j.wantPos, j.svg = true, nil
		if _, err := j.svgText(); err != nil {
			return nil, err
		}
	}
	return j.pos, nil
}

func (j *renderJob) dotText() ([]byte, error) {
	if j.dot == nil {
		var b bytes.Buffer
		opt := dot.Options{Lang: j.lang, PartOf: j.partOf}
		if autoLayout(j.layout, len(j.g.Entities)) == "sfdp" && j.layout == "auto" {
			// A graph too large for dot gets no edge labels: they could not
			// be read, and sfdp lays it out six times faster without them.
			// Tooltips keep the text.
			opt.NoEdgeLabels = true
		}
		if err := dot.Write(&b, j.g, opt); err != nil {
			return nil, err
		}
		j.dot = b.Bytes()
	}
	return j.dot, nil
}

func (j *renderJob) svgText() ([]byte, error) {
	if j.svg == nil {
		d, err := j.dotText()
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		opt := svg.Options{Layout: autoLayout(j.layout, len(j.g.Entities))}
		if j.wantPos {
			// One layout for the picture and the positions.
			if j.pos, err = svg.RenderLayout(context.Background(), &b, d, opt); err != nil {
				return nil, err
			}
		} else if err := svg.Render(context.Background(), &b, d, opt); err != nil {
			return nil, err
		}
		j.svg = b.Bytes()
	}
	return j.svg, nil
}

// format renders one output format into its files, streaming: nothing
// proportional to the whole output is held in memory.
type format struct {
	name  string
	files []string // what follows the knowledge base's name in each file's name
	write func(j *renderJob, w []io.Writer) error
}

func writeBytes(b []byte, err error, w io.Writer) error {
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

var formats = []format{
	{"dot", []string{".dot"}, func(j *renderJob, w []io.Writer) error {
		d, err := j.dotText()
		return writeBytes(d, err, w[0])
	}},
	{"svg", []string{".svg"}, func(j *renderJob, w []io.Writer) error {
		s, err := j.svgText()
		return writeBytes(s, err, w[0])
	}},
	{"gexf", []string{".gexf"}, func(j *renderJob, w []io.Writer) error {
		pos, err := j.positions()
		if err != nil {
			return err
		}
		return gexf.Write(w[0], j.g, gexf.Options{Positions: pos})
	}},
	{"graphml", []string{".graphml"}, func(j *renderJob, w []io.Writer) error {
		pos, err := j.positions()
		if err != nil {
			return err
		}
		return graphml.Write(w[0], j.g, graphml.Options{Positions: pos})
	}},
	{"csv", []string{".nodes.csv", ".edges.csv"}, func(j *renderJob, w []io.Writer) error {
		return csv.Write(w[0], w[1], j.g, csv.Options{})
	}},
	{"json", []string{".json"}, func(j *renderJob, w []io.Writer) error { return json.Write(w[0], j.g, json.Options{}) }},
	{"html", []string{".html"}, func(j *renderJob, w []io.Writer) error {
		s, err := j.svgText()
		if err != nil {
			return err
		}
		return html.Write(w[0], j.g, s, html.Options{})
	}},
}

func formatNames() []string {
	var names []string
	for _, f := range formats {
		names = append(names, f.name)
	}
	return names
}

func lookupFormat(name string) (format, bool) {
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	return format{}, false
}

var layouts = []string{"auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi"}

// autoCrossover is the node count above which --layout auto switches from
// dot to sfdp. Measured on synthetic knowledge bases (internal/gen), whole
// render -f svg: dot 0.48 s at 330 nodes, 1.3 s at 660, 2.7 s at 1100 and
// 18 s at 1980; sfdp 0.33, 0.70, 1.3 and 3.1 s. Up to 500 nodes dot stays
// near a second and keeps the left-to-right story; above it dot's time
// climbs steeply while sfdp's grows linearly.
const autoCrossover = 500

// autoLayout resolves --layout auto for a graph of n nodes.
func autoLayout(layout string, n int) string {
	if layout != "auto" {
		return layout
	}
	if n > autoCrossover {
		return "sfdp"
	}
	return "dot"
}

func (e env) render(args []string) error {
	fs := pflag.NewFlagSet("render", pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var (
		formatList = fs.StringP("format", "f", "svg,dot,gexf", "output formats, comma-separated: "+strings.Join(formatNames(), ","))
		out        = fs.StringP("out", "o", "out", "output directory; with one format also a FILE, or - for standard output")
		layout     = fs.String("layout", "auto", "Graphviz layout engine: "+strings.Join(layouts, "|"))
		lang       = fs.String("lang", "zh", "label language: zh|en|both")
		focus      = fs.String("focus", "", "keep only this entity (id, name or alias) and its neighbourhood")
		depth      = fs.Int("depth", 1, "with --focus: how many relations away to go")
		since      = fs.String("since", "", "keep relations active on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
		until      = fs.String("until", "", "keep relations active on or before DATE")
		kinds      = fs.String("kinds", "", "keep only these relation kinds, comma-separated (secondment,post,agreement,brokered,party,part_of or a link kind; the diagram draws part_of only when named here; with --agreements nodes, agreement keeps the party relations)")
		agreements = fs.String("agreements", "nodes", "how agreements are drawn: nodes (a node per agreement, party edges to its parties, brokered edges from its officials) or edges (an edge between each two parties, brokered edges from its officials to each party)")
	)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: guazhi render [flags] [KB.yaml ...]\n\n"+
			"Draws and exports the graph of the knowledge bases given, merged; with none,\n"+
			"the embedded jingji-2015 data set. Files are named after the knowledge base's\n"+
			"name and written atomically: a failed run leaves earlier outputs untouched.\n\nFlags:\n")
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var fmts []format
	for _, name := range strings.Split(*formatList, ",") {
		name = strings.TrimSpace(strings.ToLower(name))
		if name == "" {
			continue
		}
		f, ok := lookupFormat(name)
		if !ok {
			return usagef("unknown format %q (want %s)", name, strings.Join(formatNames(), ","))
		}
		if !slices.ContainsFunc(fmts, func(x format) bool { return x.name == name }) {
			fmts = append(fmts, f)
		}
	}
	if len(fmts) == 0 {
		return usagef("no format given")
	}
	if !slices.Contains(layouts, *layout) {
		return usagef("unknown layout %q (want %s)", *layout, strings.Join(layouts, "|"))
	}
	if !slices.Contains([]string{"zh", "en", "both"}, *lang) {
		return usagef("unknown language %q (want zh|en|both)", *lang)
	}
	if *agreements != "nodes" && *agreements != "edges" {
		return usagef("unknown --agreements %q (want nodes|edges)", *agreements)
	}
	if *out == "-" && len(fmts) != 1 {
		return usagef("-o - needs exactly one format")
	}

	sel := graph.FilterOptions{Focus: *focus, Depth: *depth}
	for _, d := range []struct {
		flag string
		in   string
		out  *graph.Date
	}{{"--since", *since, &sel.Since}, {"--until", *until, &sel.Until}} {
		if d.in == "" {
			continue
		}
		v, err := graph.ParseDate(d.in)
		if err != nil {
			return usagef("%s: %v", d.flag, err)
		}
		*d.out = v
	}
	if *depth < 1 {
		return usagef("--depth must be 1 or more")
	}
	for _, k := range strings.Split(*kinds, ",") {
		if k = strings.TrimSpace(k); k != "" {
			sel.Kinds = append(sel.Kinds, k)
		}
	}
	if fs.Changed("kinds") && len(sel.Kinds) == 0 {
		return usagef("--kinds: no kind given in %q", *kinds)
	}

	g, err := load(fs.Args())
	if err != nil {
		return err
	}
	if *agreements == "nodes" {
		g = g.AgreementNodes()
	}
	have := g.RelationKinds()
	if slices.Contains(have, graph.Party) {
		have = append(have, graph.Agreement) // selects the party relations
	}
	for _, k := range sel.Kinds {
		if !slices.Contains(have, k) {
			return usagef("--kinds: no relation of kind %q (have %s)", k, strings.Join(have, ","))
		}
	}
	if g, err = g.Select(sel); err != nil {
		return usagef("%v", err)
	}
	job := &renderJob{g: g, layout: *layout, lang: *lang, partOf: slices.Contains(sel.Kinds, graph.PartOf)}
	// Lay out once for the picture and the positions when both are made.
	job.wantPos = slices.ContainsFunc(fmts, func(f format) bool { return f.name == "gexf" || f.name == "graphml" }) &&
		len(g.Entities) <= maxPositioned
	var names []string
	for _, f := range fmts {
		for _, suffix := range f.files {
			names = append(names, g.Name+suffix)
		}
	}
	write := func(w []io.Writer) error {
		for _, f := range fmts {
			if err := f.write(job, w[:len(f.files)]); err != nil {
				return err
			}
			w = w[len(f.files):]
		}
		return nil
	}
	device := *out != "-" && isDevice(*out)
	if *out == "-" || device {
		if len(names) != 1 && device {
			return usagef("-o %s is a device, not a directory: it takes one output file, not %d (%s)", *out, len(names), strings.Join(names, ", "))
		}
		if len(names) != 1 {
			return usagef("format %s writes %d files; give a directory with -o", fmts[0].name, len(names))
		}
		// Nothing reaches standard output (or the device) unless all of it
		// was made.
		var b bytes.Buffer
		if err := write([]io.Writer{&b}); err != nil {
			return err
		}
		if device {
			return writeDevice(*out, b.Bytes())
		}
		_, err := e.stdout.Write(b.Bytes())
		return err
	}
	dir, target := *out, ""
	if len(names) == 1 && isFilePath(*out) {
		dir, target = filepath.Dir(*out), *out
	}
	var paths []string
	for _, n := range names {
		p := target
		if p == "" {
			p = filepath.Join(dir, safeBase(n))
		}
		paths = append(paths, p)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := writeAll(paths, write); err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintf(e.stderr, "wrote %s\n", p)
	}
	return nil
}

// isFilePath reports whether an -o value names a file rather than a
// directory: it is not an existing directory, does not end in a slash, and
// has an extension.
func isFilePath(p string) bool {
	if strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(filepath.Separator)) {
		return false
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return false
	}
	return filepath.Ext(p) != ""
}

// isDevice reports whether an -o value is an existing device or pipe
// (/dev/null, /dev/stdout), which is written in place rather than replaced.
func isDevice(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && !st.Mode().IsRegular()
}

// writeDevice writes b into the device or pipe p.
func writeDevice(p string, b []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// safeBase keeps an output name inside the output directory whatever the
// knowledge base calls itself.
func safeBase(name string) string {
	name = filepath.Base(filepath.Clean("/" + name))
	if name == "/" || name == "." || name == ".." || strings.HasPrefix(name, ".") {
		name = "guazhi" + name
	}
	return name
}

// parseFlags parses flags that may come before or after the arguments, and
// turns flag errors into usage errors.
func parseFlags(fs *pflag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == pflag.ErrHelp {
		return errHelp
	}
	if err != nil {
		return usagef("%s: %v", fs.Name(), err)
	}
	return nil
}
