// Reads a GEXF (graphology-gexf) or GraphML (graphology-graphml) file and
// checks that it places every node: it prints as JSON the number of nodes,
// the ids of those without finite x and y, the extent of the positions, and
// how many nodes have non-finite coordinates after ForceAtlas2 runs on the
// positions as read (no seeding).
// Usage: node positions.js graph.gexf|graph.graphml
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const forceAtlas2 = require('graphology-layout-forceatlas2');

const file = process.argv[2];
const text = fs.readFileSync(file, 'utf8');
const graph = file.endsWith('.graphml')
  ? require('graphology-graphml').parse(Graph, text, {addMissingNodes: false})
  : require('graphology-gexf').parse(Graph, text);

const unplaced = [];
let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
graph.forEachNode((id, a) => {
  if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) {
    unplaced.push(id);
    return;
  }
  minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x);
  minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
});
let nonFinite = graph.order;
if (unplaced.length === 0) {
  forceAtlas2.assign(graph, {iterations: 100, settings: forceAtlas2.inferSettings(graph)});
  nonFinite = 0;
  graph.forEachNode((id, a) => {
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) nonFinite++;
  });
}
process.stdout.write(JSON.stringify({
  nodes: graph.order,
  unplaced,
  extent: unplaced.length === graph.order ? null : {minX, maxX, minY, maxY},
  nonFiniteAfterForceAtlas2: nonFinite,
}));
