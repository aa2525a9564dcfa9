// Package svg renders a guazhi graph as SVG in-process, with Graphviz compiled
// to WebAssembly (goccy/go-graphviz), so that no Graphviz install is needed.
package svg
