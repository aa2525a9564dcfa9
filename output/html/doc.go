// Package html writes a knowledge-base graph as one self-contained,
// interactive HTML page: the rendered SVG diagram of a small graph, or an
// overview of a large one's bodies and secondments drawn with cytoscape.js,
// with pan, zoom, search and a year slider, and a panel with each node's
// and edge's attributes and evidence quotes.
package html
