package extract

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/lexicon"
	"github.com/guazhi/guazhi/internal/names"
	"github.com/guazhi/guazhi/kb"
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
		if e.kind == graph.Official || id == "" {
			id = readableID(e)
		}
		switch {
		case id == "":
			for n := 1; ; n++ {
				id = e.kind + "-" + strconv.Itoa(n)
				if !taken[id] {
					break
				}
			}
		case taken[id]:
			base := id
			for n := 2; taken[id]; n++ {
				id = base + "-" + strconv.Itoa(n)
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

// The draft is the knowledge base's own records (kb's schema.go), encoded
// by yaml.v3, which quotes what needs quoting, then given the comments a
// reviewer reads: why an entity or secondment needs review, where each
// quote is in the article.

func (d *drafter) evidence(src sourceInfo, list []evidence) []kb.Evidence {
	var out []kb.Evidence
	for _, e := range list {
		out = append(out, kb.Evidence{Source: src.id, Quote: e.s.orig, Inferred: e.inferred, Note: e.note})
	}
	return out
}

func dateStr(d graph.Date) string { return d.String() }

func (d *drafter) yaml(src sourceInfo) ([]byte, error) {
	var f kb.File
	var entNotes []string
	for _, e := range d.used() {
		name, kind, jur := e.name, e.kind, e.jur
		note := e.jurNote
		if e.kb != nil {
			name, kind, jur, note = e.kb.Name, e.kb.Kind, e.kb.Jurisdiction, ""
		}
		var aliases []string
		for _, a := range e.forms {
			if a != name {
				aliases = append(aliases, a)
			}
		}
		parent := ""
		if p, ok := d.ents[e.parent]; ok && p.id != "" && e.kb == nil {
			parent = p.id
		}
		f.Entities = append(f.Entities, kb.Entity{ID: e.id, Kind: kind, Name: name, Aliases: aliases,
			Jurisdiction: jur, Parent: parent, Note: note})
		entNotes = append(entNotes, e.review)
	}
	var secNotes []string
	var quotes [][]evidence // per record of the file, in order: each one's evidence
	for _, s := range d.secs {
		var from kb.Place
		if s.from.body != nil {
			from = kb.Place{Body: s.from.body.id, Post: s.from.post}
		}
		f.Secondments = append(f.Secondments, kb.Secondment{Official: s.official.id, From: from,
			To: kb.Place{Body: s.to.body.id, Post: s.to.post}, Start: dateStr(s.start), End: dateStr(s.end),
			Note: s.termNote, Evidence: d.evidence(src, s.ev)})
		note := ""
		switch s.standing {
		case factConfirmed:
			note = "already in the knowledge base: this source adds evidence"
		case factConflicting:
			note = "conflicts with the knowledge base: " + s.standingNote
		}
		secNotes = append(secNotes, note)
		quotes = append(quotes, s.ev)
	}
	for _, a := range d.agrs {
		var parties []string
		for _, p := range a.parties {
			parties = append(parties, p.id)
		}
		var officials []kb.Role
		for _, o := range a.officials {
			officials = append(officials, kb.Role{Official: o.official.id, Role: o.role})
		}
		f.Agreements = append(f.Agreements, kb.Agreement{ID: a.id, Title: a.title, Parties: parties, Status: a.status,
			Date: dateStr(a.date), Value: a.value, Venue: a.venue, Officials: officials,
			Note: strings.Join(a.notes, "; "), Evidence: d.evidence(src, a.ev)})
		quotes = append(quotes, a.ev)
	}
	for _, l := range d.lnks {
		f.Links = append(f.Links, kb.Link{Kind: l.kind, From: l.from.id, To: l.to.id, Title: l.title,
			Date: dateStr(l.date), Venue: l.venue, Note: strings.Join(l.notes, "; "), Evidence: d.evidence(src, l.ev)})
		quotes = append(quotes, l.ev)
	}
	f.Sources = []kb.Source{{ID: src.id, Title: src.title, Publisher: src.publisher, Date: dateStr(src.date),
		URL: src.url, File: src.file}}

	var doc yaml.Node
	if err := doc.Encode(&f); err != nil {
		return nil, err
	}
	// The draft names no title of its own: merged with a knowledge base it
	// takes that base's title instead of contradicting it (see kb's naming
	// rule); alone, it is named after its file.
	doc.HeadComment = "Drafted by guazhi extract from " + src.file + ". Review every item before merging,\n" +
		"above all evidence marked inferred: true. Offsets count characters. It gives no title:\n" +
		"merged with a knowledge base it takes that one's; add title: to name it yourself."
	for i, n := range items(&doc, "entities") {
		n.Style = yaml.FlowStyle
		n.HeadComment = entNotes[i]
	}
	var records []*yaml.Node
	for i, n := range items(&doc, "secondments") {
		n.HeadComment = secNotes[i]
		for _, k := range []string{"from", "to"} {
			if p := value(n, k); p != nil {
				p.Style = yaml.FlowStyle
			}
		}
		records = append(records, n)
	}
	for _, n := range items(&doc, "agreements") {
		if p := value(n, "parties"); p != nil {
			p.Style = yaml.FlowStyle
		}
		for _, o := range items(n, "officials") {
			o.Style = yaml.FlowStyle
		}
		records = append(records, n)
	}
	records = append(records, items(&doc, "links")...)
	for i, n := range records {
		for k, e := range items(n, "evidence") {
			ev := quotes[i][k]
			value(e, "quote").LineComment = fmt.Sprintf("characters %d–%d", ev.s.offset, ev.s.offset+utf8.RuneCountInString(ev.s.text))
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// value returns the value of key in the mapping m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// items returns the items of the list at key in the mapping m.
func items(m *yaml.Node, key string) []*yaml.Node {
	if l := value(m, key); l != nil {
		return l.Content
	}
	return nil
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

// readableID makes an id from an entity's name, in pinyin: an official's
// name (yu-huafeng), a body's last place and what follows it (泸定县 is
// luding, 浙江省杭州市西湖区发改局 xihu-fagaiju, 云南省发改委 yunnan-fagaiwei),
// another name whole when it is short (商务部 shangwubu); "" when none reads.
func readableID(e *entity) string {
	if e.kind == graph.Official {
		return idOf(names.Personal(e.name))
	}
	name := e.name
	for _, sp := range tagSpans(name) {
		if sp.kind != tBody || len(sp.places) == 0 || sp.start != 0 || sp.end != len(name) {
			continue // only a body the whole name names: not 莆田 of 莆田三棵树涂料公司
		}
		last := sp.places[len(sp.places)-1]
		tail := strings.TrimPrefix(name[sp.start+last.end:sp.end], "人民政府")
		id := idOf(names.Body(placeRoot(lexicon.Divisions()[last.div])))
		if tail = strings.TrimPrefix(tail, "政府"); tail != "" && id != "" {
			t := idOf(names.Body(tail))
			if t == "" {
				return ""
			}
			id += "-" + t
		}
		return id
	}
	if utf8.RuneCountInString(name) > 8 {
		return ""
	}
	return idOf(names.Body(name))
}

// placeRoot is a division's name without its level: 泸定 for 泸定县, 甘孜
// for 甘孜藏族自治州, 云南 for 云南省.
func placeRoot(d lexicon.Division) string {
	root := d.Name
	for _, f := range lexicon.ShortForms(d) {
		if len(f) < len(root) {
			root = f
		}
	}
	for _, suf := range []string{"地区", "新区", "省", "市", "县", "区", "州", "旗", "盟"} {
		if r, ok := strings.CutSuffix(root, suf); ok && utf8.RuneCountInString(r) >= 2 {
			return r
		}
	}
	return root
}

// idOf turns a romanised name into an id: lower-case letters and digits,
// words joined by hyphens (He Jianguo → he-jianguo); "" when it holds
// anything else.
func idOf(roman string) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.ToLower(roman)) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		for _, r := range strings.ReplaceAll(w, "'", "") { // gu'an is guan
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				b.WriteRune(r)
			case r == 'ü':
				b.WriteByte('v')
			default:
				return ""
			}
		}
	}
	return b.String()
}
