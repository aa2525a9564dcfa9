package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuncLines is the most lines a function of the command may take: it
// parses flags, resolves files and calls the packages, and what needs
// more belongs in a package.
const maxFuncLines = 80

// TestFunctionLength fails for a function of the command longer than
// maxFuncLines, and logs the longest.
func TestFunctionLength(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	longest, where := 0, ""
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
			if n > maxFuncLines {
				t.Errorf("%s: %s is %d lines, more than %d", f, fd.Name.Name, n, maxFuncLines)
			}
			if n > longest {
				longest, where = n, f+": "+fd.Name.Name
			}
		}
	}
	t.Logf("longest function: %s, %d lines", where, longest)
}
