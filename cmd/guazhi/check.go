package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/guazhi/guazhi/graph"
)

// kbCommand parses a command that takes only knowledge-base files, and
// loads them.
func (e env) kbCommand(name, summary string, args []string) (*graph.Graph, error) {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	opt := nameFlags(fs)
	if err := e.parseFlags(fs, "Usage: guazhi "+name+" [flags] [KB.yaml | DATASET ...]\n\n"+summary+"\n", args); err != nil {
		return nil, err
	}
	if err := checkName(*opt); err != nil {
		return nil, err
	}
	return load(fs.Args(), *opt)
}

// What guazhi check and guazhi stats --help say they do.
const (
	checkSummary = "Validates the knowledge bases given, merged (with none, the embedded\n" +
		"jingji-2015 data set), and verifies every quote against its source text.\n" +
		"Prints every problem as file:line:col: message and exits 1 when there is one.\n\n" +
		"Examples:\n" +
		"  guazhi check                          the built-in data set\n" +
		"  guazhi check my.yaml                  a file (uses: [jingji-2015] builds on the built-in one)\n" +
		"  guazhi check kb/*.yaml                several files, fused into one graph"
	statsSummary = "Prints counts by entity kind, jurisdiction and relation kind, and the\n" +
		"officials ranked by how many bodies, companies and organisations they connect,\n" +
		"and the agreements each official is credited with.\n\n" +
		"Examples:\n" +
		"  guazhi stats\n" +
		"  guazhi stats jingji-2015 my.yaml"
)

func (e env) check(args []string) error {
	g, err := e.kbCommand("check", checkSummary, args)
	if err != nil {
		return err
	}
	quotes, verified := 0, 0
	for _, r := range g.Relations {
		if r.Kind == graph.Brokered {
			continue // the agreement's quotes, counted with it
		}
		quotes += len(r.Evidence)
		for _, ev := range r.Evidence {
			if src := g.Source(ev.Source); src != nil && src.Text != "" {
				verified++
			}
		}
	}
	fmt.Fprintf(e.stdout, "ok: %s: %d entities, %d relations, %d quotes (%d verified verbatim against %d %s)\n",
		g.Name, len(g.Entities), len(g.Relations), quotes, verified, len(g.Sources), plural(len(g.Sources), "source", "sources"))
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "source\tquotes\tverified\trelations it alone supports\n")
	for _, s := range g.Support() {
		fmt.Fprintf(tw, "  %s	%d	%d	%d\n", s.Source.ID, s.Quotes, s.Verified, s.Alone)
	}
	return tw.Flush()
}

func (e env) stats(args []string) error {
	g, err := e.kbCommand("stats", statsSummary, args)
	if err != nil {
		return err
	}
	s := g.Stats()
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\n", g.Name, g.Title)
	fmt.Fprintf(tw, "%d entities, %d relations, %d quotes from %d %s\n", s.Entities, s.Relations, s.Quotes,
		s.Sources, plural(s.Sources, "source", "sources"))
	fmt.Fprintf(tw, "%d %s on one source only, %d on a single inferred quote\n\n", s.SingleSource,
		plural(s.SingleSource, "relation rests", "relations rest"), s.SingleInferred)
	for _, sec := range []struct {
		title string
		list  []graph.KindCount
	}{
		{"entities by kind", s.ByKind},
		{"entities by jurisdiction", s.ByJurisdiction},
		{"relations by kind", s.ByRelation},
	} {
		fmt.Fprintf(tw, "%s\n", sec.title)
		for _, c := range sec.list {
			fmt.Fprintf(tw, "  %s\t%d\n", c.Kind, c.N)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintf(tw, "officials by reach\tconnects\trelations\tname: bodies, companies, organisations\n")
	for _, o := range s.Officials {
		var names []string
		for _, c := range o.Connected {
			names = append(names, c.Name)
		}
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%s: %s\n", o.Official.ID, len(o.Connected), o.Relations, o.Official.Name,
			strings.Join(names, "、"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// What each official achieved: the agreements they are credited with.
	fmt.Fprintf(e.stdout, "\nagreements by official (from the brokered relations)\n")
	for _, o := range s.Officials {
		if len(o.Brokered) == 0 {
			continue
		}
		fmt.Fprintf(e.stdout, "  %s %s: %d\n", o.Official.ID, o.Official.Name, len(o.Brokered))
		for _, d := range o.Brokered {
			var parties []string
			for _, p := range d.Parties {
				parties = append(parties, p.Name)
			}
			line := "    " + d.Title
			if d.Role != "" {
				line += " (" + d.Role + ")"
			}
			line += ": " + strings.Join(parties, "、") + "; " + d.Status
			if !d.Date.IsZero() {
				line += ", " + d.Date.String()
			}
			fmt.Fprintln(e.stdout, line)
		}
	}
	return nil
}
