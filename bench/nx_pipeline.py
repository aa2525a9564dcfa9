#!/usr/bin/env python3
"""The whole job in Python: what a user would write instead of guazhi render.

usage: nx_pipeline.py FORMAT OUT KB.yaml...

FORMAT is gexf, graphml, json (node-link) or csv. It reads the knowledge
base's YAML files with PyYAML (its C loader, yaml.CSafeLoader, when PyYAML
was built with libyaml; it prints which on standard error), reads every
source text and checks that each quote is in it verbatim, resolves each
reference by id, name or alias, builds a NetworkX MultiDiGraph (entities
and agreements as nodes; secondments, posts, part_of, agreement parties,
brokered and link relations as edges, with their dates, sources and quotes)
and writes it with NetworkX: write_gexf, write_graphml, node_link_data and
json.dump, or nodes and edges with Python's csv.writer (NetworkX has no CSV
writer). GEXF and GraphML cannot hold lists, so lists are joined as JSON
text there, as guazhi does.

It checks less than guazhi does (no unknown keys, dates, kinds, cycles or
positions in messages), so it is the cheaper job of the two.
"""
import csv
import json
import os
import sys

import networkx as nx
import yaml

try:
    Loader = yaml.CSafeLoader
    LOADER = "yaml.CSafeLoader (libyaml)"
except AttributeError:
    Loader = yaml.SafeLoader
    LOADER = "yaml.SafeLoader (pure Python)"


def load(paths):
    kb = {"sources": [], "entities": [], "secondments": [], "agreements": [], "links": []}
    name = None
    texts = {}
    for p in paths:
        with open(p, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
        name = name or doc.get("name")
        for k in kb:
            kb[k].extend(doc.get(k) or [])
        base = os.path.dirname(p)
        for s in doc.get("sources") or []:
            if s.get("file"):
                with open(os.path.join(base, s["file"]), encoding="utf-8") as f:
                    texts[s["id"]] = f.read()
    return name or "graph", kb, texts


def main():
    fmt, out, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    print("loader:", LOADER, file=sys.stderr)
    name, kb, texts = load(paths)

    ids, forms = {}, {}
    for e in kb["entities"]:
        ids[e["id"]] = e
        for f in [e.get("name"), e.get("full_name")] + list(e.get("aliases") or []):
            if f:
                forms.setdefault(str(f), e["id"])

    def ref(r):
        r = str(r)
        if r in ids:
            return r
        if r in forms:
            return forms[r]
        raise SystemExit(f"unknown reference {r!r}")

    def evidence(ev):
        srcs, quotes = [], []
        for x in ev or []:
            q = x["quote"]
            if q not in texts.get(x["source"], ""):
                raise SystemExit(f"quote not in source {x['source']}: {q!r}")
            srcs.append(x["source"])
            quotes.append(q)
        return {"sources": srcs, "quotes": quotes}

    def s(v):
        return "" if v is None else str(v)

    g = nx.MultiDiGraph(name=name)
    for e in kb["entities"]:
        g.add_node(e["id"], label=s(e["name"]), kind=e["kind"], jurisdiction=s(e.get("jurisdiction")),
                   full_name=s(e.get("full_name")), aliases=[str(a) for a in e.get("aliases") or []])
        if e.get("parent"):
            g.add_edge(e["id"], ref(e["parent"]), key="part_of", kind="part_of")
    for x in kb["secondments"]:
        o = ref(x["official"])
        ev = evidence(x.get("evidence"))
        frm, to = x.get("from") or {}, x["to"]
        g.add_edge(o, ref(to["body"]), key="secondment:" + ref(to["body"]), kind="secondment", post=s(to.get("post")),
                   start=s(x.get("start")), end=s(x.get("end")), from_body=s(frm.get("body")), **ev)
        if frm.get("body"):
            g.add_edge(o, ref(frm["body"]), key="post", kind="post", post=s(frm.get("post")), **ev)
    for a in kb["agreements"]:
        ev = evidence(a.get("evidence"))
        g.add_node(a["id"], label=s(a.get("title")), kind="agreement", status=s(a.get("status")), date=s(a.get("date")))
        for p in a.get("parties") or []:
            g.add_edge(a["id"], ref(p), key="party", kind="party", **ev)
        for r in a.get("officials") or []:
            o = ref(r["official"] if isinstance(r, dict) else r)
            g.add_edge(o, a["id"], key="brokered", kind="brokered", role=s(r.get("role") if isinstance(r, dict) else ""), **ev)
    for i, l in enumerate(kb["links"]):
        ev = evidence(l.get("evidence"))
        offs = [ref(r["official"] if isinstance(r, dict) else r) for r in l.get("officials") or []]
        g.add_edge(ref(l["from"]), ref(l["to"]), key=f"{l['kind']}:{i}", kind=l["kind"], title=s(l.get("title")),
                   date=s(l.get("date")), officials=offs, **ev)

    def flat():
        h = g.copy()
        for _, d in h.nodes(data=True):
            for k, v in d.items():
                if isinstance(v, list):
                    d[k] = json.dumps(v, ensure_ascii=False)
        for _, _, d in h.edges(data=True):
            for k, v in d.items():
                if isinstance(v, list):
                    d[k] = json.dumps(v, ensure_ascii=False)
        return h

    os.makedirs(out, exist_ok=True)
    base = os.path.join(out, name)
    if fmt == "gexf":
        nx.write_gexf(flat(), base + ".gexf")
    elif fmt == "graphml":
        nx.write_graphml(flat(), base + ".graphml")
    elif fmt == "json":
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g, edges="links"), f, ensure_ascii=False)
    elif fmt == "csv":
        h = flat()
        ncols = sorted({k for _, d in h.nodes(data=True) for k in d})
        ecols = sorted({k for _, _, d in h.edges(data=True) for k in d})
        with open(base + ".nodes.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["Id"] + ncols)
            for n, d in h.nodes(data=True):
                w.writerow([n] + [d.get(k, "") for k in ncols])
        with open(base + ".edges.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["Source", "Target", "Key"] + ecols)
            for u, v, k, d in h.edges(keys=True, data=True):
                w.writerow([u, v, k] + [d.get(c, "") for c in ecols])
    else:
        raise SystemExit(f"unknown format {fmt!r}")
    print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges", file=sys.stderr)


if __name__ == "__main__":
    main()
