package exporttest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/tooltest"
)

// View is what the round-trip tests compare: every node with its label and
// kind, every edge (parallel ones included) with its ends, kind, label and
// quotes.
type View struct {
	Nodes map[string]NodeView `json:"nodes"`
	Edges map[string]EdgeView `json:"edges"` // by edge id / key
}

// NodeView is a node in a View.
type NodeView struct {
	Label string `json:"label"`
	Kind  string `json:"kind"`
}

// EdgeView is an edge in a View.
type EdgeView struct {
	Source string   `json:"source"`
	Target string   `json:"target"`
	Kind   string   `json:"kind"`
	Label  string   `json:"label"`
	Quotes []string `json:"quotes"`
}

// Model returns the View of g itself.
func Model(g *graph.Graph) View {
	v := View{Nodes: map[string]NodeView{}, Edges: map[string]EdgeView{}}
	for _, e := range g.Entities {
		v.Nodes[e.ID] = NodeView{Label: e.Name, Kind: e.Kind}
	}
	ids := g.EdgeIDs()
	for i, r := range g.Relations {
		ev := EdgeView{Source: r.From, Target: r.To, Kind: r.Kind, Label: r.Label(), Quotes: []string{}}
		for _, q := range r.Evidence {
			ev.Quotes = append(ev.Quotes, q.Quote)
		}
		v.Edges[ids[i]] = ev
	}
	return v
}

// nxScript reads a file with NetworkX and prints its View as JSON. List
// attributes are Gephi lists (["a", "b"], JSON-compatible) in GEXF and
// GraphML and real lists in JSON.
const nxScript = `
import json, sys
import networkx as nx

fmt, path = sys.argv[1], sys.argv[2]
if fmt == "gexf":
    G = nx.read_gexf(path)
elif fmt == "graphml":
    G = nx.read_graphml(path, force_multigraph=True)
else:
    with open(path, encoding="utf-8") as f:
        G = nx.node_link_graph(json.load(f), edges="links")

def quotes(d):
    q = d.get("quotes", [])
    if isinstance(q, str):
        q = json.loads(q, strict=False)
    return q

nodes = {n: {"label": d.get("label"), "kind": d.get("kind")} for n, d in G.nodes(data=True)}
edges = {}
if G.is_multigraph():
    items = G.edges(keys=True, data=True)
else:
    items = ((u, v, None, d) for u, v, d in G.edges(data=True))
count = 0
for u, v, k, d in items:
    count += 1
    key = d.get("id", k) if fmt != "json" else k
    edges[str(key)] = {"source": u, "target": v, "kind": d.get("kind"), "label": d.get("label"), "quotes": quotes(d)}
if count != len(edges):
    sys.exit("%d edges but %d distinct keys" % (count, len(edges)))
json.dump({"nodes": nodes, "edges": edges}, sys.stdout, ensure_ascii=False)
`

// NetworkX reads data (format "gexf", "graphml" or "json") with NetworkX
// and requires it to hold the same View as g.
func NetworkX(t *testing.T, format string, data []byte, g *graph.Graph) {
	t.Helper()
	py := tooltest.Python(t, "networkx")
	f := filepath.Join(t.TempDir(), "graph."+format)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", nxScript, format, f)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("NetworkX cannot read the %s: %v", format, err)
	}
	var got View
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("reading NetworkX's view: %v\n%s", err, out)
	}
	Compare(t, "NetworkX", got, Model(g))
}

// Compare reports the differences between the View a reader got and the
// model's.
func Compare(t *testing.T, reader string, got, want View) {
	t.Helper()
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Edges) {
		t.Errorf("%s finds %d nodes and %d edges, want %d and %d", reader, len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
	}
	for id, w := range want.Nodes {
		if g, ok := got.Nodes[id]; !ok || g != w {
			t.Errorf("%s: node %s = %+v, want %+v", reader, id, g, w)
		}
	}
	for id, w := range want.Edges {
		if g, ok := got.Edges[id]; !ok || !reflect.DeepEqual(g, w) {
			t.Errorf("%s: edge %s = %+v, want %+v", reader, id, g, w)
		}
	}
}
