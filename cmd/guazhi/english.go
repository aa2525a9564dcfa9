package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

// maxUntranslated is the most names warnUntranslated lists.
const maxUntranslated = 10

// warnUntranslated says on stderr which names have no English form and so
// stay in Chinese in the labels of --lang en or both: one line, listing
// at most maxUntranslated of them.
func warnUntranslated(stderr io.Writer, g *graph.Graph, lang string) {
	names := g.Untranslated()
	if len(names) == 0 {
		return
	}
	list := names[:min(len(names), maxUntranslated)]
	more := ""
	if len(names) > len(list) {
		more = ", …"
	}
	noun := "names have"
	if len(names) == 1 {
		noun = "name has"
	}
	fmt.Fprintf(stderr, "--lang %s: %d %s no English form and stay in Chinese: %s%s\n", lang, len(names), noun, strings.Join(list, ", "), more)
}
