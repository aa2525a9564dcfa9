// Package html writes a knowledge-base graph as one self-contained,
// interactive HTML page: the rendered SVG diagram with pan, zoom and search,
// and a panel with each node's and edge's attributes and evidence quotes.
package html
