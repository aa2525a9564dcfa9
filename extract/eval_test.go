package extract

import (
	"slices"
	"testing"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// The evaluation compares the draft of the jingji-2015 article with the
// curated knowledge base by entity names and aliases (ids differ):
//
//	go test ./extract -run Eval -v

// want is a curated fact in terms of names.
type want struct {
	kind           string
	official       string
	from, fromPost string
	to, toPost     string
	parties        []string
	label          string
}

// fallback is the curated list of the brief, for when the embedded KB is
// still incomplete.
var fallback = []want{
	{kind: "secondment", official: "喻华锋", from: "大兴区", fromPost: "副区长", to: "廊坊市", toPost: "副市长"},
	{kind: "secondment", official: "曹蕾", from: "房山区", fromPost: "副区长", to: "保定市", toPost: "副市长"},
	{kind: "secondment", official: "童腾飞", from: "北京经信委", to: "河北省工信厅", toPost: "副厅长"},
	{kind: "secondment", official: "张远", from: "延庆县", fromPost: "副县长", to: "张家口市", toPost: "副市长"},
	{kind: "secondment", official: "税勇", from: "北京市投促局", fromPost: "副局长", to: "唐山市", toPost: "副市长"},
	{kind: "secondment", official: "洪继元", from: "北京市发改委", fromPost: "副主任", to: "河北省发改委", toPost: "副主任"},
	{kind: "agreement", label: "电子商务产业全面战略合作协议", parties: []string{"大兴区", "廊坊市"}},
	{kind: "agreement", label: "战略合作框架协议", parties: []string{"保定市", "首创集团"}},
	{kind: "agreement", label: "曹妃甸", parties: []string{"唐山市政府", "首钢集团"}},
	{kind: "agreement", label: "张北云计算", parties: []string{"北京市经信委", "河北省工信厅", "张家口市政府"}},
	{kind: "agreement", label: "友好合作", parties: []string{"耶路撒冷工商会", "张家口市贸促会"}},
	{kind: "agreement", label: "18个项目 (parties not named)", parties: nil},
}

// namer gives the surface forms an entity id stands for in a graph.
type namer struct{ g *graph.Graph }

func (n namer) forms(id string) []string {
	e := n.g.Entity(id)
	if e == nil {
		return []string{id}
	}
	return append([]string{e.Name, e.FullName}, e.Aliases...)
}

// same reports whether two lists of forms name one entity: a shared form,
// or forms the recogniser joins (北京经信委 = 北京市经信委).
func same(a, b []string) bool {
	keys := map[string]bool{}
	for _, f := range a {
		if f == "" {
			continue
		}
		keys["="+f] = true
		if r, ok := recognise(f); ok {
			keys[r.key] = true
		}
	}
	for _, f := range b {
		if f == "" {
			continue
		}
		if keys["="+f] {
			return true
		}
		if r, ok := recognise(f); ok && keys[r.key] {
			return true
		}
	}
	return false
}

// wants reads the curated facts from the KB, or the fallback list.
func wants(t *testing.T) ([]want, *graph.Graph, bool) {
	base, err := kb.LoadDefault()
	if err != nil {
		t.Logf("embedded KB does not load (%v): using the fallback list", err)
		return fallback, nil, false
	}
	n := namer{base}
	var out []want
	agrs := map[string]*want{}
	var order []string
	for _, r := range base.Relations {
		switch r.Kind {
		case graph.Secondment:
			w := want{kind: r.Kind, official: base.Entity(r.From).Name, to: base.Entity(r.To).Name, toPost: r.Post, fromPost: r.FromPost}
			if r.FromBody != "" {
				w.from = base.Entity(r.FromBody).Name
			}
			out = append(out, w)
		case graph.Agreement:
			w, ok := agrs[r.Agreement]
			if !ok {
				w = &want{kind: r.Kind, label: r.Agreement}
				agrs[r.Agreement] = w
				order = append(order, r.Agreement)
			}
			for _, id := range []string{r.From, r.To} {
				if name := n.forms(id)[0]; !slices.Contains(w.parties, name) {
					w.parties = append(w.parties, name)
				}
			}
		}
	}
	for _, id := range order {
		out = append(out, *agrs[id])
	}
	secs, ags := 0, 0
	for _, w := range out {
		if w.kind == graph.Secondment {
			secs++
		} else {
			ags++
		}
	}
	if secs < 6 || ags < 5 {
		t.Logf("embedded KB has %d secondments and %d agreements: using the fallback list", secs, ags)
		return fallback, nil, false
	}
	return out, base, true
}

// drafted is a drafted fact in terms of forms.
type drafted struct {
	rel     *graph.Relation
	parties []string // agreement ids' parties
}

func TestEval(t *testing.T) {
	wantList, base, fromKB := wants(t)
	if fromKB {
		t.Run("kb", func(t *testing.T) { evaluate(t, wantList, base, true) })
	}
	t.Run("brief", func(t *testing.T) { evaluate(t, fallback, nil, false) })
}

func evaluate(t *testing.T, wantList []want, base *graph.Graph, fromKB bool) {
	a := readArticle(t)
	res, err := Draft(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := load(t, a, res)
	dn := namer{g}
	var kn namer
	if base != nil {
		kn = namer{base}
	}
	wf := func(name string) []string {
		if base != nil {
			for _, e := range base.Entities {
				if e.Name == name {
					return kn.forms(e.ID)
				}
			}
		}
		return []string{name}
	}

	// Secondments.
	var secOK, secWant, agrOK, agrWant, total, wrong int
	matchedWant := map[int]bool{}
	for _, r := range g.Relations {
		if r.Kind != graph.Secondment {
			continue
		}
		total++
		ok := false
		for i, w := range wantList {
			if w.kind != graph.Secondment || matchedWant[i] {
				continue
			}
			if same(dn.forms(r.From), wf(w.official)) && same(dn.forms(r.To), wf(w.to)) && r.Post == w.toPost &&
				(w.from == "" || same(dn.forms(r.FromBody), wf(w.from))) && r.FromPost == w.fromPost {
				ok, matchedWant[i] = true, true
				break
			}
		}
		if !ok {
			wrong++
			t.Logf("wrong secondment: %s → %s %s (from %s %s)", r.From, r.To, r.Post, r.FromBody, r.FromPost)
		}
	}
	// Agreements, by party sets.
	parties := map[string][]string{}
	var ids []string
	for _, r := range g.Relations {
		if r.Kind != graph.Agreement {
			continue
		}
		if _, ok := parties[r.Agreement]; !ok {
			ids = append(ids, r.Agreement)
		}
		for _, p := range []string{r.From, r.To} {
			if !slices.Contains(parties[r.Agreement], p) {
				parties[r.Agreement] = append(parties[r.Agreement], p)
			}
		}
	}
	for _, id := range ids {
		total++
		ok := false
		for i, w := range wantList {
			if w.kind != graph.Agreement || matchedWant[i] || len(w.parties) != len(parties[id]) {
				continue
			}
			all := true
			for _, p := range parties[id] {
				all = all && slices.ContainsFunc(w.parties, func(name string) bool { return same(dn.forms(p), wf(name)) })
			}
			if all {
				ok, matchedWant[i] = true, true
				break
			}
		}
		if !ok {
			wrong++
			t.Logf("wrong agreement %s: parties %v", id, parties[id])
		}
	}
	for i, w := range wantList {
		switch w.kind {
		case graph.Secondment:
			secWant++
			if matchedWant[i] {
				secOK++
			}
		case graph.Agreement:
			agrWant++
			if matchedWant[i] {
				agrOK++
			} else {
				t.Logf("missed agreement %s %v", w.label, w.parties)
			}
		}
	}
	// Links, only against the KB: a drafted link is right when the KB has
	// a link of its kind between the same entities.
	linksOK, linksTotal := 0, 0
	if base != nil {
		for _, r := range g.Relations {
			if r.Kind == graph.Secondment || r.Kind == graph.Agreement || r.Kind == graph.Post || r.Kind == graph.PartOf {
				continue
			}
			total++
			linksTotal++
			ok := slices.ContainsFunc(base.Relations, func(k *graph.Relation) bool {
				return k.Kind == r.Kind && same(dn.forms(r.From), kn.forms(k.From)) && same(dn.forms(r.To), kn.forms(k.To))
			})
			if ok {
				linksOK++
			} else {
				wrong++
				t.Logf("link not in the KB: %s %s → %s", r.Kind, r.From, r.To)
			}
		}
	}
	src := "brief's list (six agreements, the sixth with no named parties)"
	if fromKB {
		src = "embedded KB " + base.Name
	}
	t.Logf("against the %s:", src)
	t.Logf("secondments recalled: %d/%d (home, host and posts right)", secOK, secWant)
	t.Logf("agreements recalled:  %d/%d (parties right)", agrOK, agrWant)
	if base != nil {
		t.Logf("links in the KB:      %d/%d drafted", linksOK, linksTotal)
	}
	t.Logf("drafted facts wrong:  %d/%d (%.1f%%)", wrong, total, 100*float64(wrong)/float64(max(total, 1)))
	t.Logf("summary: %s", res.Summary)
	if secOK < 6 {
		t.Errorf("recalled %d of the six secondments", secOK)
	}
	if agrOK < 5 {
		t.Errorf("recalled %d agreements, want at least 5", agrOK)
	}
	if total == 0 || float64(wrong) >= 0.1*float64(total) {
		t.Errorf("%d of %d drafted facts are wrong, want under 10%%", wrong, total)
	}
}
