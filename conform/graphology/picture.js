// Draws guazhi's GEXF the way Gephi Lite would: parsed by graphology-gexf,
// placed by the file's viz:position (the diagram's layout) or, without
// them, laid out with ForceAtlas2, coloured and sized by the file's viz
// attributes.
// Usage: node picture.js in.gexf out.svg
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const forceAtlas2 = require('graphology-layout-forceatlas2');
const render = require('graphology-svg');

const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], 'utf8'));
let placed = true;
graph.forEachNode((id, a) => { placed = placed && Number.isFinite(a.x) && Number.isFinite(a.y); });
if (placed) {
  // The file's viz:positions (the diagram's layout) are what Gephi opens
  // on. They are y up, as in Gephi; SVG is y down.
  graph.forEachNode((id, a) => graph.mergeNodeAttributes(id, {y: -a.y}));
} else {
  // Deterministic start: nodes on a circle in file order.
  let i = 0;
  graph.forEachNode((id) => {
    const a = (2 * Math.PI * i++) / graph.order;
    graph.mergeNodeAttributes(id, {x: 100 * Math.cos(a), y: 100 * Math.sin(a)});
  });
  forceAtlas2.assign(graph, {iterations: 600, settings: {...forceAtlas2.inferSettings(graph), adjustSizes: false, scalingRatio: 8, gravity: 1}});
}
graph.forEachEdge((id) => graph.mergeEdgeAttributes(id, {size: 1}));
// graphology-svg scales node sizes with the layout's extent, as it does
// labels; shrink them to keep Gephi's proportions without overlaps.
// The diagram's positions span about ten times ForceAtlas2's extent.
graph.forEachNode((id, a) => graph.mergeNodeAttributes(id, {size: a.size / (placed ? 3 : 30)}));
render(graph, process.argv[3], {width: 1400, height: 1400, margin: 60}, (err) => {
  if (err) throw err;
  // graphology-svg scales label fonts with the layout's extent; set a
  // readable size and a CJK font instead.
  const svg = fs.readFileSync(process.argv[3], 'utf8')
    .replace(/font-size="[0-9.]+"/g, 'font-size="13"')
    .replace(/font-family="sans-serif"/g, 'font-family="Noto Sans CJK SC, sans-serif"');
  fs.writeFileSync(process.argv[3], svg);
});
