package extract

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
	"go.yaml.in/yaml/v3"
)

// used lists the entities the drafted facts refer to, officials first, in
// the order the text names them, with the parents that are among them.
func (d *drafter) used() []*entity {
	seen := map[*entity]bool{}
	for _, s := range d.secs {
		seen[s.official], seen[s.to.body] = true, true
		if s.from.body != nil {
			seen[s.from.body] = true
		}
	}
	for _, l := range d.lnks {
		seen[l.from], seen[l.to] = true, true
	}
	for _, a := range d.agrs {
		for _, p := range a.parties {
			seen[p] = true
		}
		for _, o := range a.officials {
			seen[o.official] = true
		}
	}
	var out []*entity
	for _, e := range d.list {
		if seen[e] {
			out = append(out, e)
		}
	}
	rank := map[string]int{graph.Official: 0, graph.Body: 1, graph.Company: 2, graph.Organisation: 3}
	slices.SortStableFunc(out, func(a, b *entity) int { return rank[a.kind] - rank[b.kind] })
	return out
}

// assignIDs gives each used entity the id of the KB entity it names, else a
// readable slug, else kind-N; no two entities share an id or a form.
func (d *drafter) assignIDs(kb *graph.Graph) {
	taken := map[string]bool{}
	byForm := map[string][]*graph.Entity{}
	byKey := map[string][]*graph.Entity{}
	if kb != nil {
		for _, e := range kb.Entities {
			taken[e.ID] = true
			for _, f := range append([]string{e.Name, e.FullName}, e.Aliases...) {
				if f == "" {
					continue
				}
				byForm[f] = appendOnce(byForm[f], e)
				key := "person:" + f
				if e.Kind != graph.Official {
					r, ok := d.recognise(f)
					if !ok {
						continue
					}
					key = r.key
				}
				byKey[key] = appendOnce(byKey[key], e)
			}
		}
		for _, r := range kb.Relations {
			if r.Agreement != "" {
				taken[r.Agreement] = true
			}
		}
	}
	for _, e := range d.used() {
		var cands []*graph.Entity
		for _, f := range append([]string{e.name}, e.forms...) {
			for _, k := range byForm[f] {
				cands = appendOnce(cands, k)
			}
		}
		if len(cands) == 0 {
			cands = byKey[e.key]
		}
		if len(cands) == 1 {
			e.kb, e.id = cands[0], cands[0].ID
			continue
		}
		id := e.slug
		if e.kind == graph.Official {
			id = ""
		}
		if id == "" || taken[id] {
			for n := 1; ; n++ {
				id = e.kind + "-" + strconv.Itoa(n)
				if !taken[id] {
					break
				}
			}
		}
		e.id = id
		taken[id] = true
	}
	// A form may name one entity only, in the draft and in the KB.
	owner := map[string]*entity{}
	for _, e := range d.used() {
		forms := []string{e.name}
		if e.kb != nil {
			forms = []string{e.kb.Name}
		}
		for _, f := range forms {
			owner[f] = e
		}
	}
	for _, e := range d.used() {
		var keep []string
		for _, f := range e.forms {
			o, ok := owner[f]
			clash := slices.ContainsFunc(byForm[f], func(k *graph.Entity) bool { return e.kb == nil || k.ID != e.kb.ID })
			if (ok && o != e) || clash {
				continue
			}
			owner[f] = e
			keep = append(keep, f)
		}
		e.forms = keep
	}
	for n, a := range d.agrs {
		id := "agreement-" + strconv.Itoa(n+1)
		for k := n + 1; taken[id]; k++ {
			id = "agreement-" + strconv.Itoa(k+1)
		}
		a.id = id
		taken[id] = true
	}
}

func appendOnce(list []*graph.Entity, e *graph.Entity) []*graph.Entity {
	if slices.Contains(list, e) {
		return list
	}
	return append(list, e)
}

// Nodes. User text only ever goes into scalar values; the encoder quotes.

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func mapping(flow bool, kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if flow {
		m.Style = yaml.FlowStyle
	}
	for i := 0; i+1 < len(kv); i += 2 {
		var v *yaml.Node
		switch x := kv[i+1].(type) {
		case string:
			if x == "" {
				continue
			}
			v = str(x)
		case *yaml.Node:
			if x == nil {
				continue
			}
			v = x
		case bool:
			if !x {
				continue
			}
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}
		}
		m.Content = append(m.Content, str(kv[i].(string)), v)
	}
	return m
}

func seq(flow bool, items ...*yaml.Node) *yaml.Node {
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
	if flow {
		s.Style = yaml.FlowStyle
	}
	return s
}

func strs(list []string) *yaml.Node {
	if len(list) == 0 {
		return nil
	}
	var items []*yaml.Node
	for _, s := range list {
		items = append(items, str(s))
	}
	return seq(true, items...)
}

func (d *drafter) evidence(src sourceInfo, list []evidence) *yaml.Node {
	var items []*yaml.Node
	for _, e := range list {
		m := mapping(false, "source", src.id, "quote", e.s.orig, "inferred", e.inferred, "note", e.note)
		m.Content[3].LineComment = fmt.Sprintf("characters %d–%d", e.s.offset, e.s.offset+utf8.RuneCountInString(e.s.text))
		items = append(items, m)
	}
	return seq(false, items...)
}

func dateStr(d graph.Date) string { return d.String() }

func (d *drafter) yaml(src sourceInfo) ([]byte, error) {
	ents := d.used()
	var entNodes []*yaml.Node
	for _, e := range ents {
		name, kind, jur := e.name, e.kind, e.jur
		note := e.jurNote
		if e.kb != nil {
			name, kind, jur, note = e.kb.Name, e.kb.Kind, e.kb.Jurisdiction, ""
		}
		var aliases []string
		for _, f := range e.forms {
			if f != name {
				aliases = append(aliases, f)
			}
		}
		parent := ""
		if p, ok := d.ents[e.parent]; ok && p.id != "" && e.kb == nil {
			parent = p.id
		}
		n := mapping(true, "id", e.id, "kind", kind, "name", name, "aliases", strs(aliases),
			"jurisdiction", jur, "parent", parent, "note", note)
		n.HeadComment = e.review
		entNodes = append(entNodes, n)
	}
	var secNodes []*yaml.Node
	for _, s := range d.secs {
		var from *yaml.Node
		if s.from.body != nil {
			from = mapping(true, "body", s.from.body.id, "post", s.from.post)
		}
		n := mapping(false, "official", s.official.id, "from", from,
			"to", mapping(true, "body", s.to.body.id, "post", s.to.post), "start", dateStr(s.start), "end", dateStr(s.end),
			"note", s.termNote, "evidence", d.evidence(src, s.ev))
		switch s.standing {
		case factConfirmed:
			n.HeadComment = "already in the knowledge base: this source adds evidence"
		case factConflicting:
			n.HeadComment = "conflicts with the knowledge base: " + s.standingNote
		}
		secNodes = append(secNodes, n)
	}
	var agrNodes []*yaml.Node
	for _, a := range d.agrs {
		var parties []string
		for _, p := range a.parties {
			parties = append(parties, p.id)
		}
		var officials *yaml.Node
		if len(a.officials) > 0 {
			officials = seq(false)
			for _, o := range a.officials {
				officials.Content = append(officials.Content, mapping(true, "official", o.official.id, "role", o.role))
			}
		}
		agrNodes = append(agrNodes, mapping(false, "id", a.id, "title", a.title, "parties", strs(parties),
			"status", a.status, "date", dateStr(a.date), "value", a.value, "venue", a.venue, "officials", officials,
			"note", strings.Join(a.notes, "; "), "evidence", d.evidence(src, a.ev)))
	}
	var lnkNodes []*yaml.Node
	for _, l := range d.lnks {
		lnkNodes = append(lnkNodes, mapping(false, "kind", l.kind, "from", l.from.id, "to", l.to.id, "title", l.title,
			"date", dateStr(l.date), "venue", l.venue, "note", strings.Join(l.notes, "; "), "evidence", d.evidence(src, l.ev)))
	}
	var lnkList *yaml.Node
	if len(lnkNodes) > 0 {
		lnkList = seq(false, lnkNodes...)
	}
	source := mapping(false, "id", src.id, "title", src.title, "publisher", src.publisher, "date", dateStr(src.date),
		"url", src.url, "file", src.file)
	var secList, agrList *yaml.Node
	if len(secNodes) > 0 {
		secList = seq(false, secNodes...)
	}
	if len(agrNodes) > 0 {
		agrList = seq(false, agrNodes...)
	}
	var entList *yaml.Node
	if len(entNodes) > 0 {
		entList = seq(false, entNodes...)
	}
	// The draft names no title of its own: merged with a knowledge base it
	// takes that base's title instead of contradicting it (see graph's
	// naming rule); alone, it is named after its file.
	doc := mapping(false, "sources", seq(false, source), "entities", entList,
		"secondments", secList, "agreements", agrList, "links", lnkList)
	doc.HeadComment = "Drafted by guazhi extract from " + src.file + ". Review every item before merging,\n" +
		"above all evidence marked inferred: true. Offsets count characters. It gives no title:\n" +
		"merged with a knowledge base it takes that one's; add title: to name it yourself."
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (d *drafter) summarise(res *Result, kb *graph.Graph) {
	sum := &res.Summary
	if kb != nil {
		sum.WithKB = true
		sum.New, sum.Confirmed, sum.Conflicting = d.standingCounts()
	}
	sum.Secondments, sum.Agreements, sum.Links = len(d.secs), len(d.agrs), len(d.lnks)
	for _, e := range d.used() {
		sum.Entities++
		if e.kb != nil {
			sum.Reused++
		} else if e.jurNote != "" {
			sum.Inferred++
		}
	}
	inferred := func(list []evidence) bool {
		return slices.ContainsFunc(list, func(e evidence) bool { return e.inferred })
	}
	for _, s := range d.secs {
		f := Fact{Kind: graph.Secondment, Label: s.official.name + " → " + s.to.body.name + s.to.post,
			Quote: s.ev[0].s.orig, Offset: s.ev[0].s.offset, Inferred: inferred(s.ev) || s.termNote != ""}
		res.Facts = append(res.Facts, f)
	}
	for _, a := range d.agrs {
		f := Fact{Kind: graph.Agreement, Label: a.title, Quote: a.ev[0].s.orig, Offset: a.ev[0].s.offset,
			Inferred: inferred(a.ev)}
		res.Facts = append(res.Facts, f)
	}
	for _, l := range d.lnks {
		res.Facts = append(res.Facts, Fact{Kind: l.kind, Label: l.from.name + " → " + l.to.name, Quote: l.ev[0].s.orig,
			Offset: l.ev[0].s.offset, Inferred: inferred(l.ev)})
	}
	slices.SortStableFunc(res.Facts, func(a, b Fact) int { return a.Offset - b.Offset })
	for _, f := range res.Facts {
		if f.Inferred {
			sum.Inferred++
		}
	}
}
