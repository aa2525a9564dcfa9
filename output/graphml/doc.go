// Package graphml writes the graph as GraphML with typed keys, a label key
// that Gephi maps to labels, and one edge per relation.
package graphml
