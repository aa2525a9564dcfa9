package ftm_test

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/gen/gentest"
	"github.com/guazhi/guazhi/internal/outcheck"
	"github.com/guazhi/guazhi/internal/tooltest"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/ftm"
	"github.com/guazhi/guazhi/output/internal/exporttest"
)

func write(t testing.TB, g *graph.Graph) []byte {
	t.Helper()
	return exporttest.WriteWith(t, ftm.Write, g, ftm.Options{})
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		file string
		load func(testing.TB) *graph.Graph
	}{
		{"want.ftm.json", exporttest.KB},
		{"want-jingji-2015.ftm.json", exporttest.Default},
	} {
		t.Run(tc.file, func(t *testing.T) {
			g := tc.load(t)
			exporttest.GoldenWrite(t, tc.file, func(w io.Writer) error { return ftm.Write(w, g, ftm.Options{}) })
		})
	}
}

// TestModel checks every test graph's file against the published model
// (see validate), and that the file has what the graph has: one entity
// per guazhi entity, an Occupancy or Employment per secondment and post, a
// Contract per agreement, a link per party, brokered relation and link,
// a Membership per part_of, and every quote.
func TestModel(t *testing.T) {
	exporttest.Graphs(t, true, func(t *testing.T, g *graph.Graph) {
		out := write(t, g)
		counts := checkModel(t, out)
		t.Logf("%d entities: %v", bytes.Count(out, []byte("\n")), counts)
		n := g.AgreementNodes()
		want := map[string]int{}
		kinds := map[string]string{graph.Official: "Person", graph.Body: "PublicBody", graph.Company: "Company", graph.Organisation: "Organization", graph.Agreement: "Contract"}
		for _, e := range n.Entities {
			want[kinds[e.Kind]]++
		}
		links := 0
		for _, r := range n.Relations {
			switch r.Kind {
			case graph.Secondment, graph.Post:
				if r.Post == "" {
					want["Employment"]++
				} else {
					want["Occupancy"]++
				}
			case graph.PartOf:
				want["Membership"]++
			default:
				links++
			}
		}
		want["UnknownLink"] = links
		for s, k := range want {
			if counts[s] != k && k > 0 {
				t.Errorf("%d %s, want %d", counts[s], s, k)
			}
		}
		for _, r := range g.Relations {
			for _, e := range r.Evidence {
				if !bytes.Contains(out, jsonText(e.Quote)) {
					t.Errorf("quote %q is not in the file", e.Quote)
				}
			}
		}
	})
}

// jsonText is s as encoding/json writes it inside a string, without HTML
// escaping.
func jsonText(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return bytes.Trim(bytes.TrimSpace(b.Bytes()), `"`)
}

// TestAgreementForms checks that the file does not depend on how the graph
// holds its agreements: as edges between the parties (kb.Load) or as
// nodes (Graph.AgreementNodes, render's default).
func TestAgreementForms(t *testing.T) {
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		exporttest.Same(t, "the file of the agreement nodes", write(t, g.AgreementNodes()), write(t, g))
	})
}

// TestConform reads every test graph's file with @alephdata/followthemoney
// (conform/ftm/check.js), which rejects unknown schemata and properties
// and checks ids, required properties, value types and references.
func TestConform(t *testing.T) {
	node := tooltest.Look(t, "node")
	script := filepath.Join(exporttest.Root(t), "conform", "ftm", "check.js")
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules", "@alephdata", "followthemoney")); err != nil {
		tooltest.Missing(t, "conform/ftm/node_modules (npm ci --prefix conform/ftm)")
	}
	exporttest.Graphs(t, true, func(t *testing.T, g *graph.Graph) {
		out := write(t, g)
		f := filepath.Join(t.TempDir(), "g.ftm.json")
		if err := os.WriteFile(f, out, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(node, script, f)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		stdout, err := cmd.Output()
		if err != nil {
			t.Fatalf("check.js: %v\n%s", err, stderr.String())
		}
		var got struct {
			Counts map[string]int `json:"counts"`
			Errors []string       `json:"errors"`
		}
		if err := json.Unmarshal(stdout, &got); err != nil {
			t.Fatalf("%v\n%s", err, stdout)
		}
		for _, e := range got.Errors {
			t.Error(e)
		}
		_, counts := validate(theModel(t), out)
		if !maps.Equal(got.Counts, counts) {
			t.Errorf("@alephdata/followthemoney counts %v, the Go check %v", got.Counts, counts)
		}
	})
}

// TestVendoredModel checks that testdata/followthemoney/model.json is the
// model the pinned npm package ships.
func TestVendoredModel(t *testing.T) {
	installed := filepath.Join(exporttest.Root(t), "conform", "ftm", "node_modules", "@alephdata", "followthemoney", "dist", "defaultModel.json")
	want, err := os.ReadFile(installed)
	if err != nil {
		tooltest.Missing(t, "conform/ftm/node_modules (npm ci --prefix conform/ftm)")
	}
	got, err := os.ReadFile(filepath.Join("testdata", "followthemoney", "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("testdata/followthemoney/model.json differs from the model of conform/ftm's @alephdata/followthemoney: copy it (see testdata/followthemoney/README.md)")
	}
}

// TestDeclarations checks the writer's declaration of each property's type
// against the model, on every schema the test graphs' files set it on, and
// of each type's greatest length.
func TestDeclarations(t *testing.T) {
	m := theModel(t)
	declared := ftm.Props()
	seen := map[string]bool{}
	exporttest.Graphs(t, false, func(t *testing.T, g *graph.Graph) {
		for _, l := range bytes.Split(bytes.TrimSpace(write(t, g)), []byte("\n")) {
			var e line
			if err := json.Unmarshal(l, &e); err != nil {
				t.Fatal(err)
			}
			for name := range e.Properties {
				seen[name] = true
				if p := m.prop(m.Schemata[e.Schema], name); p == nil || p.Type != declared[name] {
					t.Errorf("%s:%s is declared of type %q, not the model's", e.Schema, name, declared[name])
				}
			}
		}
	})
	for name := range declared {
		if !seen[name] && name != "amount" { // no test graph has a numeric value
			t.Errorf("the property %s is declared but not written", name)
		}
	}
	for typ, n := range ftm.MaxLen() {
		if m.Types[typ] == nil || m.Types[typ].MaxLength != n {
			t.Errorf("type %s: declared %d characters at most", typ, n)
		}
	}
}

// TestValidate checks that the checks catch what they are for.
func TestValidate(t *testing.T) {
	const person = `{"id":"p","schema":"Person","properties":{"name":["甲"]}}` + "\n"
	for _, tc := range []struct{ name, data, want string }{
		{"good", person + `{"id":"o","schema":"Occupancy","properties":{"holder":["p"],"post":["q"],"startDate":["2015-07"]}}` + "\n" +
			`{"id":"q","schema":"Position","properties":{"name":["副市长"],"country":["cn"]}}`, ""},
		{"bad id", `{"id":"p_1","schema":"Person","properties":{"name":["甲"]}}`, "does not match the pattern"},
		{"long id", `{"id":"` + strings.Repeat("a", 201) + `","schema":"Person","properties":{"name":["甲"]}}`, "longer than 200"},
		{"twice", person + person, "used twice"},
		{"no schema", `{"id":"p","schema":"Official","properties":{"name":["甲"]}}`, `no schema "Official"`},
		{"abstract", `{"id":"p","schema":"Thing","properties":{"name":["甲"]}}`, "abstract"},
		{"no property", `{"id":"p","schema":"Person","properties":{"name":["甲"],"post":["x"]}}`, "no property post"},
		{"deprecated", `{"id":"p","schema":"Company","properties":{"name":["甲"],"parent":["p"]}}`, "deprecated"},
		{"stub", `{"id":"p","schema":"Person","properties":{"name":["甲"],"positionOccupancies":["p"]}}`, "stub"},
		{"required", `{"id":"p","schema":"Person","properties":{"alias":["甲"]}}`, "requires"},
		{"date", `{"id":"p","schema":"Person","properties":{"name":["甲"],"birthDate":["2015-02-30"]}}`, "not a date"},
		{"country", `{"id":"p","schema":"Person","properties":{"name":["甲"],"nationality":["beijing"]}}`, "not a country code"},
		{"url", `{"id":"p","schema":"Person","properties":{"name":["甲"],"sourceUrl":["澎湃新闻"]}}`, "not an http URL"},
		{"long", `{"id":"p","schema":"Person","properties":{"name":["` + strings.Repeat("甲", 385) + `"]}}`, "more than 384"},
		{"blank", `{"id":"p","schema":"Person","properties":{"name":["甲"],"alias":[" "]}}`, "blank"},
		{"dangling", `{"id":"o","schema":"Occupancy","properties":{"holder":["p"],"post":["q"]}}`, "not in the file"},
		{"range", person + `{"id":"o","schema":"Occupancy","properties":{"holder":["p"],"post":["p"]}}`, "not a Position"},
		{"key", `{"id":"p","schema":"Person","properties":{"name":["甲"]},"caption":"甲"}`, "keys"},
		{"not a list", `{"id":"p","schema":"Person","properties":{"name":"甲"}}`, "cannot unmarshal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems, _ := validate(theModel(t), []byte(tc.data))
			got := strings.Join(problems, "\n")
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("problems:\n%s\nwant one with %q", got, tc.want)
			}
		})
	}
}

// TestIDs checks that ids are guazhi's, prefixed and joined with dots, and
// that an id past 200 characters becomes a hash.
func TestIDs(t *testing.T) {
	for _, tc := range []struct {
		parts []string
		want  string
	}{
		{[]string{"yu-huafeng"}, "guazhi.yu-huafeng"},
		{[]string{"secondment", "yu-huafeng", "langfang"}, "guazhi.secondment.yu-huafeng.langfang"},
		{[]string{strings.Repeat("a", 200)}, "guazhi.hash."},
		{[]string{"喻华锋"}, "guazhi.hash."},
		{[]string{"link", "part_of", "a", "b"}, "guazhi.hash."},
		{[]string{"brokered", "", "a"}, "guazhi.brokered..a"},
	} {
		got := ftm.MakeID(tc.parts...)
		if hashed := strings.HasPrefix(tc.want, "guazhi.hash."); hashed && !strings.HasPrefix(got, "guazhi.hash.") || !hashed && got != tc.want {
			t.Errorf("MakeID(%q) = %q, want %q", tc.parts, got, tc.want)
		}
		if !idPattern.MatchString(got) || len(got) > 196 {
			t.Errorf("MakeID(%q) = %q: not a FollowTheMoney id with room for a suffix", tc.parts, got)
		}
	}
}

// TestLongText checks that text past the model's limits is cut, still
// valid, ending in "…".
func TestLongText(t *testing.T) {
	long := strings.Repeat("名", 400)
	g, err := kb.Parse(nil, kb.Input{Name: "kb.yaml", Data: []byte(`name: long
entities:
  - {id: a, kind: official, name: ` + long + `}
`)})
	if err != nil {
		t.Fatal(err)
	}
	out := write(t, g)
	checkModel(t, out)
	if !bytes.Contains(out, []byte(strings.Repeat("名", 383)+"…")) {
		t.Errorf("the name is not cut to 384 characters:\n%s", out)
	}
}

// FuzzWrite puts fuzzed text in the names, titles, posts, roles, URLs and
// quotes of a knowledge base (outcheck.Graph) and checks the file against
// the model; its seeds are the hostile texts.
func FuzzWrite(f *testing.F) {
	outcheck.Fuzz(f, func(t *testing.T, g *graph.Graph) { checkModel(t, write(t, g)) })
}

func TestWriteErrors(t *testing.T) {
	exporttest.WriteErrorsWith(t, ftm.Write, exporttest.KB(t), ftm.Options{})
}

// TestSorted checks that each line's properties come in name order, as
// encoding/json writes a map.
func TestSorted(t *testing.T) {
	for _, l := range bytes.Split(bytes.TrimSpace(write(t, exporttest.KB(t))), []byte("\n")) {
		var e struct {
			Properties json.RawMessage `json:"properties"`
		}
		if err := json.Unmarshal(l, &e); err != nil {
			t.Fatal(err)
		}
		d := json.NewDecoder(bytes.NewReader(e.Properties))
		d.Token()
		var keys []string
		for d.More() {
			k, _ := d.Token()
			keys = append(keys, k.(string))
			var v any
			d.Decode(&v)
		}
		if !slices.IsSorted(keys) {
			t.Errorf("properties %q are not sorted", keys)
		}
	}
}

// BenchmarkWrite writes synthetic graphs of 1k, 10k and 100k officials
// (about 4 relations each; -short skips 100k) to io.Discard.
func BenchmarkWrite(b *testing.B) { gentest.WriteWith(b, ftm.Write, ftm.Options{}) }
