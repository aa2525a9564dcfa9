#!/usr/bin/env python3
"""Times NetworkX's exporters on the graph in guazhi's node-link JSON.

usage: nx_export.py GRAPH.json OUTDIR

Loads the graph with networkx.node_link_graph (untimed), then times, each
the best of RUNS runs (env, default 1), writing files in OUTDIR:
  gexf     networkx.write_gexf
  graphml  networkx.write_graphml
  json     networkx.node_link_data + json.dump
  csv      nodes.csv and edges.csv with Python's csv.writer over the
           NetworkX graph (NetworkX has no CSV writer)
GEXF and GraphML cannot hold list values, so for those two (only) the
list attributes (sources, quotes, officials) are joined into strings
first, untimed. Prints "FORMAT SECONDS BYTES" lines and the graph's size.
"""
import csv
import json
import os
import sys
import time

import networkx as nx


def best(f, runs):
    t = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - start)
    return t


def size(*paths):
    return sum(os.path.getsize(p) for p in paths)


def main():
    src, out = sys.argv[1], sys.argv[2]
    runs = int(os.environ.get("RUNS", "1"))
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, edges="links")
    print(f"graph {g.number_of_nodes()} {g.number_of_edges()}")

    flat = g.copy()
    flat.graph = {k: v for k, v in g.graph.items() if isinstance(v, str)}

    def scalar(v):
        if isinstance(v, (list, tuple, dict)):
            return json.dumps(v, ensure_ascii=False)
        return v

    for _, d in flat.nodes(data=True):
        for k, v in d.items():
            d[k] = scalar(v)
    for _, _, d in flat.edges(data=True):
        for k, v in d.items():
            d[k] = scalar(v)

    p = os.path.join(out, "nx.gexf")
    print(f"gexf {best(lambda: nx.write_gexf(flat, p), runs):.3f} {size(p)}")
    p = os.path.join(out, "nx.graphml")
    print(f"graphml {best(lambda: nx.write_graphml(flat, p), runs):.3f} {size(p)}")

    p = os.path.join(out, "nx.json")

    def dump():
        with open(p, "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g, edges="links"), f, ensure_ascii=False)

    print(f"json {best(dump, runs):.3f} {size(p)}")

    pn, pe = os.path.join(out, "nx-nodes.csv"), os.path.join(out, "nx-edges.csv")
    ncols = sorted({k for _, d in flat.nodes(data=True) for k in d})
    ecols = sorted({k for _, _, d in flat.edges(data=True) for k in d})

    def to_csv():
        with open(pn, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["Id"] + ncols)
            for n, d in flat.nodes(data=True):
                w.writerow([n] + [d.get(k, "") for k in ncols])
        with open(pe, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["Source", "Target", "Key"] + ecols)
            for u, v, k, d in flat.edges(keys=True, data=True):
                w.writerow([u, v, k] + [d.get(c, "") for c in ecols])

    print(f"csv {best(to_csv, runs):.3f} {size(pn, pe)}")


if __name__ == "__main__":
    main()
