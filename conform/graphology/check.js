// Reads a GEXF file with graphology-gexf, the parser Gephi Lite uses, and
// prints what guazhi's tests compare: nodes with label and kind, edges by id
// with ends, kind, label, quotes and years (start_year, end_year: numbers
// when the GEXF declares them integer), and the graph's type.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], 'utf8'));
const out = {type: graph.type, multi: graph.multi, nodes: {}, edges: {}};
graph.forEachNode((id, a) => {
  out.nodes[id] = {label: a.label, kind: a.kind};
});
graph.forEachEdge((id, a, source, target) => {
  out.edges[id] = {source, target, kind: a.kind, label: a.label, quotes: a.quotes || [], years: [a.start_year, a.end_year]};
});
out.nodeCount = graph.order;
out.edgeCount = graph.size;
process.stdout.write(JSON.stringify(out));
