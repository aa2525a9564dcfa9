package dot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/internal/golden"
	"github.com/guazhi/guazhi/internal/tooltest"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/internal/exporttest"
)

func load(t *testing.T, name string) *graph.Graph {
	t.Helper()
	g, err := kb.Load(kb.OSReader{}, filepath.Join("..", "..", "testdata", name, "kb.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func render(t *testing.T, g *graph.Graph, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, g, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  Options
		want string
	}{
		{"basic", Options{}, "want.dot"},
		{"basic", Options{Lang: "both"}, "want-both.dot"},
		{"hostile", Options{}, "want.dot"},
	} {
		t.Run(c.name+"/"+c.want, func(t *testing.T) {
			got := render(t, load(t, c.name), c.opt)
			golden.Check(t, filepath.Join("..", "..", "testdata", c.name, c.want), got)
		})
	}
}

func TestDeterministic(t *testing.T) {
	g, err := kb.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	first := render(t, g, Options{})
	for i := 0; i < 10; i++ {
		if again := render(t, g, Options{}); !bytes.Equal(first, again) {
			t.Fatalf("run %d gave different bytes", i+2)
		}
	}
}

// dotJSON is the part of `dot -Tjson0` output the tests read.
type dotJSON struct {
	Objects []struct {
		Name  string `json:"name"`
		Label string `json:"label"`
		Nodes []int  `json:"nodes"`
	} `json:"objects"`
	Edges []struct {
		Tail  int    `json:"tail"`
		Head  int    `json:"head"`
		Label string `json:"label"`
		// XLabel is the label of an edge that passes a column.
		XLabel string `json:"xlabel"`
		Class  string `json:"class"`
		Style  string `json:"style"`
		Dir    string `json:"dir"`
		ID     string `json:"id"`
	} `json:"edges"`
}

// parseNative runs native Graphviz on the DOT text and returns what it read.
func parseNative(t *testing.T, src []byte) dotJSON {
	t.Helper()
	bin := tooltest.Look(t, "dot")
	cmd := exec.Command(bin, "-Tjson0")
	cmd.Stdin = bytes.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("native dot rejected the output: %v\n%s", err, stderr.String())
	}
	if s := stderr.String(); strings.Contains(s, "syntax error") || strings.Contains(s, "Error") {
		t.Fatalf("native dot complained:\n%s", s)
	}
	var d dotJSON
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// escaped is how a label is stored once DOT has read the quoted string: the
// escString form, with backslashes doubled and line breaks as \n.
func escaped(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "&", "&amp;").Replace(s)
}

// TestNativeDot checks that native Graphviz reads exactly the nodes, edges and
// labels of the model, even from hostile names and from entity ids that
// spell what guazhi adds to the drawing (testdata/ids): the legend stays a
// node of its own. part_of relations are edges only with Options.PartOf.
func TestNativeDot(t *testing.T) {
	for _, name := range []string{"basic", "hostile", "ids", "basic with partOf", "ids with partOf"} {
		t.Run(name, func(t *testing.T) {
			base, partOf := strings.CutSuffix(name, " with partOf")
			g := load(t, base)
			opt := Options{PartOf: partOf, Isolated: true}
			d := parseNative(t, render(t, g, opt))
			labels := map[string]string{}
			columns := map[string][]string{}
			var names []string
			for _, o := range d.Objects {
				if o.Nodes != nil {
					for _, n := range o.Nodes {
						columns[o.Name] = append(columns[o.Name], d.Objects[n].Name)
					}
					continue
				}
				if o.Nodes == nil {
					names = append(names, o.Name)
					labels[o.Name] = o.Label
				}
			}
			wr := newWriter(nil, g, opt)
			// Beijing's and Hebei's bodies are in their clusters, or, with
			// agreements as edges, in their columns.
			jurisdictions := map[string]string{"beijing": "cluster_beijing", "hebei": "cluster_hebei"}
			if !wr.clusters {
				jurisdictions = map[string]string{"beijing": "column_0", "hebei": "column_2"}
			}
			var want []string
			for _, e := range g.Entities {
				want = append(want, e.ID)
				if labels[e.ID] != escaped(e.Name) {
					t.Errorf("node %s: label %q, want %q", e.ID, labels[e.ID], escaped(e.Name))
				}
				if col := jurisdictions[e.Jurisdiction]; e.Kind == graph.Body && col != "" &&
					!slices.Contains(columns[col], e.ID) {
					t.Errorf("body %s is not in %s", e.ID, col)
				}
			}
			want = append(want, legendNode)
			for _, ev := range wr.events {
				want = append(want, ev.id)
			}
			slices.Sort(want)
			slices.Sort(names)
			if !slices.Equal(names, want) {
				t.Errorf("nodes %q, want %q", names, want)
			}
			var edges, wantEdges []string
			for _, e := range d.Edges {
				if e.Class == "layout" || !strings.HasPrefix(e.ID, "e-") {
					continue // the invisible chain of columns, the events' own edges
				}
				a, b := d.Objects[e.Tail].Name, d.Objects[e.Head].Name
				if e.Dir == "back" { // drawn right to left: the relation runs head to tail
					a, b = b, a
				}
				// A link drawn through its event: the event stands for the
				// end the links share.
				var i int
				fmt.Sscanf(e.ID, "e-%d", &i)
				if strings.HasPrefix(a, "event:") {
					a = g.Relations[i].From
				}
				if strings.HasPrefix(b, "event:") {
					b = g.Relations[i].To
				}
				if e.Class == graph.Agreement && b < a {
					a, b = b, a
				}
				label := e.Label
				if e.XLabel != "" {
					label = e.XLabel
				}
				edges = append(edges, a+" "+b+" "+e.Class+" "+label)
			}
			for i, r := range g.Relations {
				if r.Kind == graph.PartOf && !partOf {
					continue
				}
				label := escaped(wr.edgeLabel(r))
				if wr.inEvent[i] != nil {
					label = "" // on the event's node
				}
				wantEdges = append(wantEdges, r.From+" "+r.To+" "+r.Kind+" "+label)
			}
			slices.Sort(edges)
			slices.Sort(wantEdges)
			if !slices.Equal(edges, wantEdges) {
				t.Errorf("edges\n%q\nwant\n%q", edges, wantEdges)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`a"b`, `"a\"b"`},
		{`a\b`, `"a\\b"`},
		{"a\nb", `"a\nb"`},
		{"a\r\nb", `"a\nb"`},
		{`"]; a -> b [`, `"\"]; a -> b ["`},
		{`\"`, `"\\\""`},
		{`&lt;b&gt;`, `"&amp;lt;b&amp;gt;"`},
		{"a\tb\x7fc\x01\x1fd\u0085e", "\"a b c  d\u0085e\""},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := quote(c.in); got != c.want {
				t.Errorf("quote(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestWriteError(t *testing.T) {
	g := load(t, "basic")
	for _, n := range []int{0, 10, 4000} {
		if err := Write(&exporttest.FailingWriter{N: n}, g, Options{}); !errors.Is(err, exporttest.ErrFailed) {
			t.Errorf("after %d bytes: got %v, want %v", n, err, exporttest.ErrFailed)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"短", []string{"短"}},
		{"两行\n<b>x</b>", []string{"两行", "<b>x</b>"}},
		{"一\n二\n三", []string{"一", "二…"}},
		{"电子商务产业全面战略合作协议", []string{"电子商务产业全面战略合作协议"}},
		{"张北云计算产业基地合作建设共识(将张北建成中国数坝)", []string{"张北云计算产业基地合作建设共", "识(将张北建成中国数坝)"}},
		{"云计算基地合作(将张北建成中国数坝)", []string{"云计算基地合作", "(将张北建成中国数坝)"}},
		{"中外企业投资唐山行:牵线搭桥,18个项目成功签约(其中外资项目5个,总投资8.5亿美元)", []string{"中外企业投资唐山行:", "牵线搭桥,18个项目成功签…"}},
	} {
		if got := wrap(c.in, 14, 2); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNoEdgeLabels(t *testing.T) {
	g := load(t, "basic")
	out := string(render(t, g, Options{NoEdgeLabels: true}))
	if strings.Contains(out, `label="挂任副市长`) || strings.Contains(out, `label="第一协议`) {
		t.Error("edge labels written with NoEdgeLabels")
	}
	if !strings.Contains(out, `tooltip="secondment: 张三 → 乙市`) {
		t.Error("edge tooltips missing with NoEdgeLabels")
	}
}

// TestLongText writes names and quotes far longer than the 16384 bytes
// native Graphviz reads in one quoted string, with escapes and multi-byte
// characters falling on every side of the places they are split: native
// dot reads them all back whole.
func TestLongText(t *testing.T) {
	names := []string{
		strings.Repeat("挂职干部", 3000),
		strings.Repeat(`a"b\c&d`+"\n", 4000),
		strings.Repeat("x", 50000),
		"é" + strings.Repeat("&", 9000),
	}
	var base strings.Builder
	base.WriteString("name: long\nsources:\n  - {id: s, title: t}\nentities:\n")
	for i, n := range names {
		kind := "body"
		if i == 0 {
			kind = "official"
		}
		fmt.Fprintf(&base, "  - {id: e%d, kind: %s, name: %s}\n", i, kind, strconv.Quote(n))
	}
	fmt.Fprintf(&base, "secondments:\n  - {official: e0, to: {body: e1, post: %s}, start: 2015, evidence: [{source: s, quote: %s}]}\n",
		strconv.Quote(names[3]), strconv.Quote(names[2]))
	g, err := kb.Parse(nil, kb.Input{Name: "long.yaml", Data: []byte(base.String())})
	if err != nil {
		t.Fatal(err)
	}
	src := render(t, g, Options{Isolated: true})
	for _, n := range names {
		q := quote(n)
		for _, part := range strings.Split(q, `" + "`) {
			if len(part) > maxQuoted+1 {
				t.Errorf("a quoted string of %d bytes", len(part))
			}
		}
		if got, want := strings.ReplaceAll(q, `" + "`, ""), `"`+escapedDOT(n)+`"`; got != want {
			t.Errorf("the parts of %.20q… do not join into the whole", n)
		}
	}
	d := parseNative(t, src)
	labels := map[string]string{}
	for _, o := range d.Objects {
		labels[o.Name] = o.Label
	}
	for i, n := range names {
		if id := fmt.Sprintf("e%d", i); labels[id] != escaped(n) {
			t.Errorf("node %s: label of %d bytes, want %d", id, len(labels[id]), len(escaped(n)))
		}
	}
}

// escapedDOT is n as writeQuoted escapes it, split or not.
func escapedDOT(n string) string {
	return strings.NewReplacer(`"`, `\"`, `\`, `\\`, "\n", `\n`, "&", "&amp;", "\r", "").Replace(n)
}

// BenchmarkWrite writes synthetic graphs of 1k, 10k and 100k officials
// (about 4 relations each; -short skips 100k) to io.Discard.
func BenchmarkWrite(b *testing.B) { gentest.WriteWith(b, Write, Options{}) }

// TestIsolated checks that an entity no drawn relation touches (丁省 of
// the basic knowledge base) is left out of the picture and counted in its
// title, unless Options.Isolated.
func TestIsolated(t *testing.T) {
	g := load(t, "basic")
	out := string(render(t, g, Options{}))
	if strings.Contains(out, `"ding" [`) {
		t.Error("the isolated body ding is drawn")
	}
	if !strings.Contains(out, "未画出 Not drawn: 1 个无关系的实体 entities with no relation drawn (--isolated draws them)") {
		t.Error("the title does not count the entity left out")
	}
	out = string(render(t, g, Options{Isolated: true}))
	if !strings.Contains(out, `"ding" [`) || strings.Contains(out, "Not drawn") {
		t.Error("with Isolated, ding is not drawn, or the title still counts it")
	}
}
