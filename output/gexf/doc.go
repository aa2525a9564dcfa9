// Package gexf writes the graph as GEXF 1.3, the format Gephi and Gephi Lite
// read best: typed attributes, one labelled edge per relation with its kind,
// dates as spells on a dynamic graph, and viz colours and sizes.
package gexf
