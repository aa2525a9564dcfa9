package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestReadmeTour runs every command of README.md's tour, as a new user
// would type it, in a fresh directory: my.yaml is the README's own example
// of a knowledge base, article.txt the built-in data set's article, and
// old.yaml and new.yaml the example without and with its visit. Each
// command must succeed (diff exits 1: the two differ) and write what the
// README says it writes.
func TestReadmeTour(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	tour := block(t, string(readme), "## A tour of the commands", "sh")
	example := block(t, string(readme), "`uses: [jingji-2015]`", "yaml")
	article, err := os.ReadFile(filepath.Join("..", "..", "kb", "data", "sources", "thepaper-2015-11-17.txt"))
	if err != nil {
		t.Fatal(err)
	}

	var script strings.Builder
	for _, line := range strings.Split(tour, "\n") {
		line, _, _ = strings.Cut(line, "#")
		args := strings.Fields(line)
		if len(args) == 0 {
			continue
		}
		if args[0] != "guazhi" {
			t.Fatalf("README tour line %q does not run guazhi", line)
		}
		if args[1] == "diff" {
			script.WriteString("! ")
		}
		script.WriteString("exec " + strings.Join(args, " ") + "\n")
		if args[1] == "diff" {
			script.WriteString("stdout 'visit'\n")
		}
	}
	for _, f := range []string{"out/jingji-2015.svg", "out/jingji-2015.dot", "out/jingji-2015.gexf", "graph.svg", "viewer.html", "export/jingji-2015.gexf", "export/jingji-2015.graphml", "export/jingji-2015.json", "export/jingji-2015.ftm.json", "yu.svg", "2016.svg", "draft.yaml"} {
		script.WriteString("exists " + f + "\n")
	}
	old := regexp.MustCompile(`(?s)\nlinks:.*`).ReplaceAllString(example, "\n")
	script.WriteString("-- my.yaml --\n" + example + "-- new.yaml --\n" + example + "-- old.yaml --\n" + old)
	script.WriteString("-- sources/langfang.txt --\n挂职一年:喻华锋与廊坊的电商缘\n2016年5月,喻华锋带队考察电商物流园区,与大兴区的企业座谈。\n")
	script.WriteString("-- article.txt --\n" + string(article))

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tour.txtar"), []byte(script.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{Dir: dir})
}

// block returns the text of the first fenced block of the language lang
// after the text after in the Markdown md.
func block(t *testing.T, md, after, lang string) string {
	t.Helper()
	_, rest, ok := strings.Cut(md, after)
	if !ok {
		t.Fatalf("README.md has no %q", after)
	}
	_, rest, ok = strings.Cut(rest, "```"+lang+"\n")
	if !ok {
		t.Fatalf("README.md has no %s block after %q", lang, after)
	}
	text, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("README.md: the %s block after %q does not end", lang, after)
	}
	return text
}
