// Package dot writes a knowledge-base graph as a Graphviz DOT digraph.
package dot
