// Package json writes the graph in NetworkX's node-link JSON form, which
// networkx.node_link_graph(data, edges="links") and d3 load.
package json
