package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/suggest"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/csv"
	"github.com/guazhi/guazhi/output/dot"
	"github.com/guazhi/guazhi/output/ftm"
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
	// isolated draws the entities no drawn relation touches (--isolated).
	isolated bool
	dot      []byte // the DOT text, made once for dot, svg and html
	svg      []byte // the SVG, made once for svg and html
	// pos holds the diagram's node positions for gexf and graphml, made
	// with the SVG when wantPos.
	pos     map[string][2]float64
	wantPos bool
	// overview, when set, is what the picture (dot, svg, html) draws in
	// place of every entity: --view overview.
	overview *graph.Overview
}

// inProcessLayout is the most entities laid out in guazhi's own process,
// which cannot interrupt a layout: those lay out in well under a second
// (the built-in data set has 46). A larger graph's layout runs in a
// process of its own (see layoutCommand), killed on an interrupt, which
// costs its start (about 0.1 s).
const inProcessLayout = 150

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
	if j.pos == nil && j.overview != nil {
		// The picture is the overview: lay the whole graph out for the
		// positions alone.
		detail := &renderJob{g: j.g, layout: j.layout, lang: j.lang, partOf: j.partOf, isolated: true, wantPos: true}
		if _, err := detail.svgText(); err != nil {
			return nil, err
		}
		j.pos = detail.pos
	}
	if j.pos == nil {
		j.wantPos, j.svg = true, nil
		if _, err := j.svgText(); err != nil {
			return nil, err
		}
	}
	placeLeftOut(j.g, j.pos)
	return j.pos, nil
}

// placeLeftOut gives the entities the picture left out (those no drawn
// relation touches, unless --isolated) a place in a row beneath it, so
// that Gephi has a position for every node.
func placeLeftOut(g *graph.Graph, pos map[string][2]float64) {
	if len(pos) == 0 {
		return
	}
	minX, minY := math.Inf(1), math.Inf(1)
	for _, p := range pos {
		minX, minY = min(minX, p[0]), min(minY, p[1])
	}
	i := 0
	for _, e := range g.Entities {
		if _, ok := pos[e.ID]; !ok {
			pos[e.ID] = [2]float64{minX + 120*float64(i), minY - 60}
			i++
		}
	}
}

func (j *renderJob) dotText() ([]byte, error) {
	if j.dot == nil {
		var b bytes.Buffer
		opt := dot.Options{Lang: j.lang, PartOf: j.partOf, Isolated: j.isolated}
		if j.overview != nil {
			if err := dot.WriteOverview(&b, j.g, j.overview, opt); err != nil {
				return nil, err
			}
			j.dot = b.Bytes()
			return j.dot, nil
		}
		_, opt.NoEdgeLabels = svg.Layout(j.layout, len(j.g.Entities))
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
		layout, _ := svg.Layout(j.layout, len(j.g.Entities))
		if j.overview != nil {
			layout = "dot" // the overview's columns are dot's ranks
		}
		opt := svg.Options{Layout: layout}
		if len(j.g.Entities) > inProcessLayout && j.overview == nil {
			opt.Process = layoutProcess()
		}
		if j.wantPos && j.overview == nil {
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

// format renders one output format into its files. GEXF, GraphML, CSV and
// JSON stream into them; the DOT and SVG texts are made whole in memory
// (Graphviz lays out the whole graph at once), once per run, and shared by
// dot, svg and html.
type format struct {
	name  string
	files []string // what follows the knowledge base's name in each file's name
	write func(j *renderJob, w []io.Writer) error
	// picture is whether the format draws the view (dot, svg, html): the
	// others always carry the whole graph.
	picture bool
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
	}, true},
	{"svg", []string{".svg"}, func(j *renderJob, w []io.Writer) error {
		s, err := j.svgText()
		return writeBytes(s, err, w[0])
	}, true},
	{"gexf", []string{".gexf"}, func(j *renderJob, w []io.Writer) error {
		pos, err := j.positions()
		if err != nil {
			return err
		}
		return gexf.Write(w[0], j.g, gexf.Options{Positions: pos})
	}, false},
	{"graphml", []string{".graphml"}, func(j *renderJob, w []io.Writer) error {
		pos, err := j.positions()
		if err != nil {
			return err
		}
		return graphml.Write(w[0], j.g, graphml.Options{Positions: pos})
	}, false},
	{"csv", []string{".nodes.csv", ".edges.csv"}, func(j *renderJob, w []io.Writer) error {
		return csv.Write(w[0], w[1], j.g, csv.Options{})
	}, false},
	{"json", []string{".json"}, func(j *renderJob, w []io.Writer) error { return json.Write(w[0], j.g, json.Options{}) }, false},
	{"ftm", []string{".ftm.json"}, func(j *renderJob, w []io.Writer) error { return ftm.Write(w[0], j.g, ftm.Options{}) }, false},
	{"html", []string{".html"}, func(j *renderJob, w []io.Writer) error {
		if j.overview != nil { // the viewer draws its own overview: no SVG
			return html.Write(w[0], j.g, nil, html.Options{View: "overview"})
		}
		s, err := j.svgText()
		if err != nil {
			return err
		}
		return html.Write(w[0], j.g, s, html.Options{View: "detail"})
	}, true},
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

// layouts are the values of --layout.
var layouts = append([]string{svg.Auto}, svg.Layouts...)

// renderOptions are render's flags and arguments, checked.
type renderOptions struct {
	formats    []format
	out        string
	layout     string
	lang       string
	sel        graph.Selection
	agreements string
	view       string     // --view: auto, overview or detail
	groupBy    string     // --group-by: auto or one of graph.GroupLevels
	isolated   bool       // --isolated
	naming     kb.Options // --name, --title
	kbs        []string
}

func (e env) render(args []string) error {
	o, err := e.renderFlags(args)
	if err != nil {
		return err
	}
	g, err := load(o.kbs, o.naming)
	if err != nil {
		return err
	}
	if o.lang != "zh" {
		warnUntranslated(e.stderr, g, o.lang)
	}
	if o.agreements == "nodes" {
		g = g.AgreementNodes()
	}
	have := g.RelationKinds()
	if slices.Contains(have, graph.Party) {
		have = append(have, graph.Agreement) // selects the party relations
	}
	for _, k := range o.sel.Kinds {
		if !slices.Contains(have, k) {
			return usagef("--kinds: no relation of kind %q (have %s)", k, strings.Join(have, ","))
		}
	}
	if g, err = g.Select(o.sel); err != nil {
		return usagef("%v", err)
	}
	job := &renderJob{g: g, layout: o.layout, lang: o.lang, partOf: slices.Contains(o.sel.Kinds, graph.PartOf), isolated: o.isolated}
	if slices.ContainsFunc(o.formats, func(f format) bool { return f.picture }) {
		if job.overview, err = e.chooseView(g, o); err != nil {
			return err
		}
	}
	// Lay out once for the picture and the positions when both are made.
	job.wantPos = slices.ContainsFunc(o.formats, func(f format) bool { return f.name == "gexf" || f.name == "graphml" }) &&
		len(g.Entities) <= maxPositioned
	var names []string
	for _, f := range o.formats {
		for _, suffix := range f.files {
			names = append(names, g.Name+suffix)
		}
	}
	write := func(w []io.Writer) error {
		for _, f := range o.formats {
			if err := f.write(job, w[:len(f.files)]); err != nil {
				return err
			}
			w = w[len(f.files):]
		}
		return nil
	}
	if o.out == "-" || isDevice(o.out) {
		return e.writeOne(o, names, write)
	}
	paths, err := outputPaths(o.out, names)
	if err != nil {
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

// writeOne writes the one output file names holds to standard output (-o -)
// or into the device o.out. Nothing reaches either unless all of it was
// made.
func (e env) writeOne(o renderOptions, names []string, write func(w []io.Writer) error) error {
	device := o.out != "-"
	if len(names) != 1 && device {
		return usagef("-o %s is a device, not a directory: it takes one output file, not %d (%s)", o.out, len(names), strings.Join(names, ", "))
	}
	if len(names) != 1 {
		return usagef("format %s writes %d files; give a directory with -o", o.formats[0].name, len(names))
	}
	var b bytes.Buffer
	if err := write([]io.Writer{&b}); err != nil {
		return err
	}
	if device {
		return writeDevice(o.out, b.Bytes())
	}
	_, err := e.stdout.Write(b.Bytes())
	return err
}

// renderFlags parses and checks render's flags.
func (e env) renderFlags(args []string) (renderOptions, error) {
	fs := pflag.NewFlagSet("render", pflag.ContinueOnError)
	var (
		formatList = fs.StringP("format", "f", "svg,dot,gexf", "output formats, comma-separated: "+strings.Join(formatNames(), ","))
		out        = fs.StringP("out", "o", "out", "where to write: a FILE.ext writes that file in the format of its extension (.svg, .dot, .gexf,\n.graphml, .json, .ftm.json, .html), as dot -o does; - writes one format to standard output;\nanything else is a directory, which gets a file per format named after the graph")
		layout     = fs.String("layout", svg.Auto, "Graphviz layout engine: "+strings.Join(layouts, "|"))
		lang       = fs.String("lang", "zh", "label language: zh|en|both")
		focus      = fs.String("focus", "", "keep only this entity (id, name or alias) and its neighbourhood")
		depth      = fs.Int("depth", 1, "with --focus: how many relations away to go")
		since      = fs.String("since", "", "keep relations active on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
		until      = fs.String("until", "", "keep relations active on or before DATE")
		kinds      = fs.String("kinds", "", "keep only these relation kinds, comma-separated (secondment,post,agreement,brokered,party,part_of or a link kind; the diagram draws part_of only when named here; with --agreements nodes, agreement keeps the party relations)")
		view       = fs.String("view", "auto", "what the picture (dot, svg, html) draws: detail (every entity), overview (bodies, with one edge\nper home → host carrying the officials), or auto: detail while it stays readable, else overview")
		groupBy    = fs.String("group-by", "auto", "with the overview: fold bodies into their "+strings.Join(graph.GroupLevels[:3], ", ")+", or none ("+graph.ByBody+");\nauto: the finest that stays readable")
		agreements = fs.String("agreements", "nodes", "how agreements are drawn: nodes (a node per agreement, party edges to its parties, brokered edges from its officials) or edges (an edge between each two parties, brokered edges from its officials to each party)")
		isolated   = fs.Bool("isolated", false, "draw the entities no drawn relation touches (default: left out of the picture, and counted in its title)")
		naming     = nameFlags(fs)
	)
	usage := "Usage: guazhi render [flags] [KB.yaml | DATASET ...]\n\n" +
		"Draws and exports the graph of the knowledge bases given, merged; with none,\n" +
		"the embedded jingji-2015 data set. A DATASET is the name of a built-in data set\n" +
		"(" + strings.Join(kb.BuiltinNames(), ", ") + "). Files are written atomically: a failed run leaves\n" +
		"earlier outputs untouched.\n\n" +
		"Examples:\n" +
		"  guazhi render                              out/jingji-2015.svg, .dot and .gexf\n" +
		"  guazhi render -o graph.svg                 one file, its format from its extension\n" +
		"  guazhi render -f gexf,html -o site my.yaml  site/NAME.gexf and site/NAME.html\n" +
		"  guazhi render -f dot -o - | dot -Tpng > graph.png\n" +
		"  guazhi render --focus 喻华锋 --depth 2 -o yu.svg\n" +
		"  guazhi render --view overview --group-by county -o overview.svg exchange/*.yaml\n"
	if err := e.parseFlags(fs, usage, args); err != nil {
		return renderOptions{}, err
	}
	o := renderOptions{out: *out, layout: *layout, lang: *lang, agreements: *agreements, view: *view, groupBy: *groupBy, isolated: *isolated,
		naming: *naming, kbs: fs.Args()}
	var err error
	if o.formats, err = parseFormats(*formatList); err != nil {
		return o, err
	}
	if o.formats, err = formatOfFile(o.out, o.formats, fs.Changed("format")); err != nil {
		return o, err
	}
	switch {
	case !slices.Contains(layouts, o.layout):
		return o, usagef("unknown layout %q (want %s)", o.layout, strings.Join(layouts, "|"))
	case !slices.Contains([]string{"zh", "en", "both"}, o.lang):
		return o, usagef("unknown language %q (want zh|en|both)", o.lang)
	case o.agreements != "nodes" && o.agreements != "edges":
		return o, usagef("unknown --agreements %q (want nodes|edges)", o.agreements)
	case !slices.Contains([]string{"auto", "overview", "detail"}, o.view):
		return o, usagef("unknown --view %q (want auto|overview|detail)", o.view)
	case o.groupBy != "auto" && !slices.Contains(graph.GroupLevels, o.groupBy):
		return o, usagef("unknown --group-by %q (want auto|%s)", o.groupBy, strings.Join(graph.GroupLevels, "|"))
	case o.out == "-" && len(o.formats) != 1:
		return o, usagef("-o - needs exactly one format")
	}
	if o.sel, err = parseSelection(*focus, *depth, *since, *until, *kinds); err != nil {
		return o, err
	}
	if err := checkName(o.naming); err != nil {
		return o, err
	}
	if fs.Changed("kinds") && len(o.sel.Kinds) == 0 {
		return o, usagef("--kinds: no kind given in %q", *kinds)
	}
	return o, nil
}

// formatOfFile applies Graphviz's naming to -o: a FILE whose extension is
// a format's (graph.svg, graph.ftm.json) is written in that format, which
// a --format given must agree with; anything else keeps formats.
func formatOfFile(out string, formats []format, given bool) ([]format, error) {
	if out == "-" || isDevice(out) {
		return formats, nil
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return formats, nil
	}
	f, ok := formatOfName(out)
	switch {
	case !ok && strings.HasSuffix(strings.ToLower(out), ".csv"):
		return nil, usagef("-o %s: CSV is two files (NAME.nodes.csv and NAME.edges.csv); give a directory", out)
	case !ok:
		return formats, nil
	case !given:
		return []format{f}, nil
	case len(formats) == 1 && formats[0].name == f.name:
		return formats, nil
	case len(formats) == 1:
		return nil, usagef("-o %s: the extension says %s, but --format is %s", out, f.name, formats[0].name)
	}
	return nil, usagef("-o %s: the extension says one %s file, but --format names %d formats; give a directory", out, f.name, len(formats))
}

// formatOfName returns the format a file name's extension names.
func formatOfName(name string) (format, bool) {
	lower := strings.ToLower(name)
	var best format
	for _, f := range formats {
		// The longest suffix wins: .ftm.json before .json.
		if len(f.files) == 1 && strings.HasSuffix(lower, f.files[0]) && len(f.files[0]) > len(bestSuffix(best)) {
			best = f
		}
	}
	return best, best.name != ""
}

func bestSuffix(f format) string {
	if len(f.files) == 0 {
		return ""
	}
	return f.files[0]
}

// parseFormats parses --format: known names, each once.
func parseFormats(list string) ([]format, error) {
	var fmts []format
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(strings.ToLower(name))
		if name == "" {
			continue
		}
		f, ok := lookupFormat(name)
		if !ok {
			return nil, usagef("unknown format %q (want %s)", name, strings.Join(formatNames(), ","))
		}
		if !slices.ContainsFunc(fmts, func(x format) bool { return x.name == name }) {
			fmts = append(fmts, f)
		}
	}
	if len(fmts) == 0 {
		return nil, usagef("no format given")
	}
	return fmts, nil
}

// parseSelection parses the flags that select part of the graph.
func parseSelection(focus string, depth int, since, until, kinds string) (graph.Selection, error) {
	sel := graph.Selection{Focus: focus, Depth: depth}
	for _, d := range []struct {
		flag string
		in   string
		out  *graph.Date
	}{{"--since", since, &sel.Since}, {"--until", until, &sel.Until}} {
		if d.in == "" {
			continue
		}
		v, err := graph.ParseDate(d.in)
		if err != nil {
			return sel, usagef("%s: %v", d.flag, err)
		}
		*d.out = v
	}
	if depth < 1 {
		return sel, usagef("--depth must be 1 or more")
	}
	for _, k := range strings.Split(kinds, ",") {
		if k = strings.TrimSpace(k); k != "" {
			sel.Kinds = append(sel.Kinds, k)
		}
	}
	return sel, nil
}

// outputPaths resolves -o for the files named names: each in the
// directory out, or out itself for a single file when it names one. It
// makes the directory.
func outputPaths(out string, names []string) ([]string, error) {
	dir, target := out, ""
	if len(names) == 1 && isFilePath(out) {
		dir, target = filepath.Dir(out), out
	}
	var paths []string
	for _, n := range names {
		p := target
		if p == "" {
			p = filepath.Join(dir, safeBase(n))
		}
		paths = append(paths, p)
	}
	return paths, os.MkdirAll(dir, 0o755)
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
// turns flag errors into usage errors. --help prints usage, then the flags
// if the command has any.
func (e env) parseFlags(fs *pflag.FlagSet, usage string, args []string) error {
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stdout, usage)
		if fs.HasFlags() {
			fmt.Fprint(e.stdout, "\nFlags:\n")
			fs.SetOutput(e.stdout)
			fs.PrintDefaults()
		}
	}
	err := fs.Parse(args)
	if err == pflag.ErrHelp {
		return errHelp
	}
	if err != nil {
		return usagef("%s: %v%s", fs.Name(), err, flagHint(fs, err))
	}
	return nil
}

// flagHint suggests, for an unknown long flag, the flags of fs it may
// have meant: "; did you mean --format?".
func flagHint(fs *pflag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	name, _, _ = strings.Cut(name, "=")
	var names []string
	fs.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	c := suggest.Words(name, names)
	if len(c) == 0 {
		return ""
	}
	return "; did you mean --" + strings.Join(c, " or --") + "?"
}
