package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// brokersKB has a two-party agreement brokered by two officials, a
// three-party agreement between companies brokered by one, an agreement
// nobody is credited with, and an agreement whose id is also an entity's.
const brokersKB = `
name: brokers
sources: [{id: s, title: t}]
entities:
  - {id: a, kind: official, name: 甲, jurisdiction: beijing}
  - {id: b, kind: official, name: 乙, jurisdiction: beijing}
  - {id: x, kind: body, name: X市, jurisdiction: hebei}
  - {id: y, kind: body, name: Y区, jurisdiction: beijing}
  - {id: c1, kind: company, name: C1公司, jurisdiction: other}
  - {id: c2, kind: company, name: C2公司, jurisdiction: foreign}
  - {id: deal, kind: organisation, name: 名为deal的组织, jurisdiction: other}
agreements:
  - id: two
    title: 两方协议
    parties: [x, y]
    status: signed
    date: 2020-05
    officials: [{official: a, role: 推动}, {official: b, role: 见证}]
    evidence: [{source: s, quote: q1}]
  - id: deal
    title: 三方协议
    parties: [c1, c2, x]
    status: framework
    date: 2020-03
    officials: [{official: a, role: 牵线}]
    evidence: [{source: s, quote: q2}]
  - id: lone
    title: 无人促成
    parties: [c1, c2]
    status: intent
    evidence: [{source: s, quote: q3}]
`

func loadString(t *testing.T, name, text string) *graph.Graph {
	t.Helper()
	g, err := kb.Parse(nil, kb.Input{Name: name, Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func edgeList(g *graph.Graph, kinds ...string) []string {
	var out []string
	for _, r := range g.Relations {
		if slices.Contains(kinds, r.Kind) {
			out = append(out, r.Kind+" "+r.From+"→"+r.To+" "+r.Role)
		}
	}
	return out
}

func TestBrokeredEdges(t *testing.T) {
	g := loadString(t, "brokers.yaml", brokersKB)
	want := []string{
		"brokered a→c1 牵线", "brokered a→c2 牵线", "brokered a→x 牵线",
		"brokered a→x 推动", "brokered a→y 推动",
		"brokered b→x 见证", "brokered b→y 见证",
	}
	if got := edgeList(g, graph.Brokered); !slices.Equal(got, want) {
		t.Errorf("brokered edges\n got %q\nwant %q", got, want)
	}
	// The agreements between bodies and between companies stay edges.
	if got := len(edgeList(g, graph.Agreement)); got != 1+3+1 {
		t.Errorf("%d agreement edges, want 5", got)
	}
}

func TestAgreementNodes(t *testing.T) {
	g := loadString(t, "brokers.yaml", brokersKB).AgreementNodes()
	var nodes []string
	for _, e := range g.Entities {
		if e.Kind == graph.Agreement {
			nodes = append(nodes, e.ID+" "+e.Name)
		}
	}
	// "deal" is an organisation's id, so the agreement's node is renamed.
	if want := []string{"agreement-deal 三方协议", "lone 无人促成", "two 两方协议"}; !slices.Equal(nodes, want) {
		t.Errorf("agreement nodes %q, want %q", nodes, want)
	}
	want := []string{
		"brokered a→agreement-deal 牵线", "brokered a→two 推动", "brokered b→two 见证",
		"party agreement-deal→c1 ", "party agreement-deal→c2 ", "party agreement-deal→x ",
		"party lone→c1 ", "party lone→c2 ", "party two→x ", "party two→y ",
	}
	if got := edgeList(g, graph.Brokered, graph.Party, graph.Agreement); !slices.Equal(got, want) {
		t.Errorf("edges\n got %q\nwant %q", got, want)
	}
	for _, r := range g.Relations {
		if r.Kind == graph.Party && r.Agreement == "two" && (r.Status != "signed" || r.Date.String() != "2020-05" || len(r.Evidence) != 1) {
			t.Errorf("party edge %s→%s lost the agreement's data: %+v", r.From, r.To, r)
		}
	}
	if again := g.AgreementNodes(); again != g {
		t.Error("AgreementNodes of a graph in that form is not the graph itself")
	}
}

// TestDeals checks that Stats reads what each official achieved from the
// Brokered relations, the same in both views.
func TestDeals(t *testing.T) {
	edges := loadString(t, "brokers.yaml", brokersKB)
	for name, g := range map[string]*graph.Graph{"edges": edges, "nodes": edges.AgreementNodes()} {
		t.Run(name, func(t *testing.T) {
			got := map[string]string{}
			for _, o := range g.Stats().Officials {
				var deals []string
				for _, d := range o.Brokered {
					var parties []string
					for _, p := range d.Parties {
						parties = append(parties, p.ID)
					}
					deals = append(deals, d.Agreement+"("+d.Role+"; "+d.Date.String()+"): "+strings.Join(parties, ","))
				}
				got[o.Official.ID] = strings.Join(deals, " | ")
				for _, c := range o.Connected {
					if c.Kind == graph.Agreement || c.Kind == graph.Official {
						t.Errorf("%s connects %s, a node of kind %s", o.Official.ID, c.ID, c.Kind)
					}
				}
			}
			want := map[string]string{
				"a": "deal(牵线; 2020-03): c1,c2,x | two(推动; 2020-05): x,y",
				"b": "two(见证; 2020-05): x,y",
			}
			for _, id := range []string{"a", "b"} {
				if got[id] != want[id] {
					t.Errorf("%s: got %q, want %q", id, got[id], want[id])
				}
			}
		})
	}
}

// TestSelectAgreementKind checks that --kinds agreement keeps an
// agreement's node and its party edges.
func TestSelectAgreementKind(t *testing.T) {
	g := loadString(t, "brokers.yaml", brokersKB).AgreementNodes()
	f, err := g.Select(graph.Selection{Kinds: []string{graph.Agreement}})
	if err != nil {
		t.Fatal(err)
	}
	if got := edgeList(f, graph.Brokered, graph.Party, graph.Agreement); len(got) != 7 || !strings.HasPrefix(got[0], "party ") {
		t.Errorf("kept %q, want the 7 party edges", got)
	}
}

// TestAgreementViewsMeasured compares the two views of the built-in data
// the way a network tool sees them, and logs the figures the default view
// was chosen by (go test ./graph -run AgreementViewsMeasured -v): with
// agreements as nodes, an official's out-degree over brokered edges is the
// number of agreements credited to them and the graph is directed
// throughout; with agreements as edges, it counts parties, and agreements
// are undirected edges in a directed graph (a mixed graph).
func TestAgreementViewsMeasured(t *testing.T) {
	edges, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		name string
		g    *graph.Graph
	}{{"edges", edges}, {"nodes", edges.AgreementNodes()}} {
		degree := map[string]int{}
		undirected := 0
		for _, r := range v.g.Relations {
			if r.Kind == graph.Brokered {
				degree[r.From]++
			}
			if !r.Directed {
				undirected++
			}
		}
		exact := 0
		var officials []string
		for _, o := range v.g.Stats().Officials {
			if len(o.Brokered) > 0 {
				officials = append(officials, o.Official.ID)
				if degree[o.Official.ID] == len(o.Brokered) {
					exact++
				}
			}
		}
		t.Logf("agreements as %s: %d nodes, %d edges, %d undirected; brokered out-degree = agreements credited for %d of %d officials",
			v.name, len(v.g.Entities), len(v.g.Relations), undirected, exact, len(officials))
		if v.name == "nodes" && (undirected != 0 || exact != len(officials)) {
			t.Errorf("agreements as nodes: %d undirected edges, degree exact for %d of %d officials", undirected, exact, len(officials))
		}
	}
}

func TestCredits(t *testing.T) {
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	quotes := func(ev []graph.Evidence) []string {
		var out []string
		for _, e := range ev {
			out = append(out, e.Quote)
		}
		return out
	}
	for _, c := range []struct {
		agreement, official string
		want                []string
	}{
		// Named: each their own.
		{"tangshan-shougang-caofeidian", "hong-jiyuan", []string{"签约仪式上,洪继元、税勇一同见证"}},
		{"tangshan-shougang-caofeidian", "shui-yong", []string{"他与税勇一起,共同促成了首钢与唐山市的深度合作", "签约仪式上,洪继元、税勇一同见证"}},
		// Not named: the quote that words their part.
		{"zhangbei-cloud-consensus", "tong-tengfei", []string{"他们二人穿针引线、沟通各方,对促成这次合作起到了关键作用"}},
		{"baoding-shouchuang-framework", "cao-lei", []string{"在她的推动下,保定市于9月1日与首创集团签署了战略合作框架协议"}},
	} {
		i := slices.IndexFunc(g.Relations, func(r *graph.Relation) bool { return r.Kind == graph.Agreement && r.Agreement == c.agreement })
		if i < 0 {
			t.Fatalf("no agreement %s", c.agreement)
		}
		if got := quotes(g.Credits(g.Relations[i], c.official)); !slices.Equal(got, c.want) {
			t.Errorf("%s, %s: %q, want %q", c.agreement, c.official, got, c.want)
		}
	}
}
