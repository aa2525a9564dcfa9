package extract

import (
	"slices"
	"strings"

	"github.com/guazhi/guazhi/internal/lexicon"
)

// reader is the state of reading secondments by patterns across an
// article's sentences.
type reader struct {
	spans [][]span // each sentence's spans
	texts []string // each sentence's text, after the one it continues (sentence.cont)
	heads []int    // the length of that sentence before it in texts
	// chain holds, for a division, the fullest name the text has written
	// ending with it (新疆伊犁州 for 伊犁州): a body named later by a
	// shorter form gets it back.
	chain map[int]string
	// ctx is the official named last, with his home when the text gave it.
	ctx       *span
	ctxHome   string
	ctxPost   string
	ctxAt     int    // the sentence
	lastPlace string // the place of the body named last
	homePlace string // the place of the home body drafted last
	homes     map[string][2]string
	found     map[int]bool         // sentences where a pattern drafted a secondment
	weak      map[*secondment]bool // homes that are only a province (同样来自天津的…)
	read      map[*secondment]bool // the secondments the patterns read
	lastNames map[int][]span
}

// readAll tags every sentence and drafts the secondments the patterns
// read, sentence by sentence.
func (d *drafter) readAll() {
	r := &reader{chain: map[int]string{}, homes: map[string][2]string{}, found: map[int]bool{}, weak: map[*secondment]bool{}, read: map[*secondment]bool{}}
	d.rd = r
	r.spans = make([][]span, len(d.sents))
	r.texts = make([]string, len(d.sents))
	r.heads = make([]int, len(d.sents))
	for i := range d.sents {
		r.texts[i] = d.sents[i].text
		if d.sents[i].cont && i > 0 {
			r.texts[i] = d.sents[i-1].text + "\n" + d.sents[i].text
			r.heads[i] = len(d.sents[i-1].text) + 1
		}
		r.spans[i] = tagSpans(r.texts[i])
	}
	for i := range d.sents {
		d.readSentence(i)
	}
	// Homes said after the secondment: 他原是….
	for _, sec := range d.secs {
		if sec.from.body != nil && !r.weak[sec] {
			continue
		}
		if h, ok := r.homes[sec.official.name]; ok {
			if e := d.entity(h[0]); e != nil && e != sec.to.body {
				sec.from = place2{e, h[1]}
			}
		}
	}
}

// full is the fullest name of the body a span names: 贵州省黔东南州从江县
// for 黔东南州从江县 once the text has named 贵州省.
func (r *reader) full(text string, s *span) string {
	name := text[s.start:s.end]
	if s.bare > 0 {
		place := r.homePlace
		if place == "" {
			place = r.lastPlace
		}
		return place + name[s.bare-1:]
	}
	if len(s.places) == 0 {
		return name
	}
	divs := lexicon.Divisions()
	first := s.places[0]
	written := name[:first.end]
	if c, ok := r.chain[first.div]; ok && len(c) > len(written) {
		name = c + name[first.end:]
	} else if d := divs[first.div]; d.Parent != "" {
		for p := d.Parent; p != ""; {
			pd, ok := lexicon.DivisionByCode(p)
			if !ok {
				break
			}
			if c, ok := r.chain[indexOf(pd)]; ok {
				if !strings.HasPrefix(name, c) { // no name doubled: 新疆生产建设兵团… after 新疆
					name = c + name
				}
				break
			}
			p = pd.Parent
		}
	}
	// Remember the chain of every place the name holds.
	base := len(name) - (s.end - s.start)
	r.lastPlace = name[:base+s.places[len(s.places)-1].end]
	for _, pe := range s.places {
		if c := name[:base+pe.end]; len(c) > len(r.chain[pe.div]) {
			r.chain[pe.div] = c
		}
	}
	return name
}

func indexOf(d lexicon.Division) int {
	for i, x := range lexicon.Divisions() {
		if x.Code == d.Code {
			return i
		}
	}
	return -1
}

// readSentence drafts what the patterns read in sentence i.
func (d *drafter) readSentence(i int) {
	r := d.rd
	s := &d.sents[i]
	sp, text := r.spans[i], r.texts[i]
	// Remember the places of every body, in the order of the text.
	bodies := map[*span]string{}
	for k := range sp {
		if sp[k].kind == tBody && sp[k].bare == 0 {
			bodies[&sp[k]] = r.full(text, &sp[k])
		}
	}
	body := func(s *span) string {
		if s.bare > 0 {
			return r.full(text, s) // after the homes drafted before it
		}
		return bodies[s]
	}
	post := func(p *span) string {
		if p == nil {
			return ""
		}
		return strings.TrimSpace(p.text)
	}
	resp := respectively(text, sp)
	ms := resp
	for _, m := range matches(text, sp) {
		if len(resp) > 0 && m.p.kind == stated && m.start < resp[0].end && m.end > resp[0].start {
			continue // read by respectively
		}
		ms = append(ms, m)
		if m.official2 != nil {
			// 分别挂任: the second official's secondment, as a match of its own.
			ms = append(ms, match{p: m.p, official: m.official2, home: m.home2, homePost: m.homePost2,
				host: m.host2, hostPt: m.hostPt2, start: m.start, end: m.end})
		}
	}
	for _, m := range ms {
		if m.end > 0 && sp[m.end-1].end <= r.heads[i] {
			continue // read with the sentence before
		}
		if m.p.assisted && !d.assisted {
			continue
		}
		switch m.p.kind {
		case intro:
			r.ctx, r.ctxAt = m.official, i
			r.ctxHome, r.ctxPost = "", ""
			if m.home != nil {
				r.ctxHome, r.ctxPost = body(m.home), post(m.homePost)
				r.homes[m.official.text] = [2]string{r.ctxHome, r.ctxPost}
			}
			continue
		case startOf:
			// 现任泸定县副县长。2019年至今，任泸定县副县长: the start of that
			// secondment; an appointment of anyone else's is no secondment.
			if n := len(d.secs); n > 0 && m.date != nil && m.host != nil {
				sec, host := d.secs[n-1], body(m.host)
				if sec.start.IsZero() && (strings.HasSuffix(sec.to.body.name, host) || strings.HasSuffix(host, sec.to.body.name)) {
					sec.start = d.spanDate(m.date.text)
					sec.ev = append(sec.ev, evidence{s: s, inferred: true, note: "start: this sentence dates the post at " + host})
				}
			}
			continue
		case homeOf:
			name := ""
			if m.official != nil {
				name = d.officialName(m.official, i)
			} else if r.ctx != nil && i-r.ctxAt <= 1 {
				name = r.ctx.text // 出发前，我在…当副主任: the one who speaks, named just before
			}
			if name != "" && m.home != nil {
				r.homes[name] = [2]string{body(m.home), post(m.homePost)}
			}
			continue
		}
		if m.host == nil {
			continue
		}
		ev := evidence{s: s}

		var name, home, homePost string
		switch {
		case m.official != nil && m.official.kind == tName:
			name = m.official.text
		case m.official != nil:
			name = d.officialName(m.official, i)
			if name == "" {
				name = d.nameAround(i, m) // 时任…的他 … 付晓东说
			}
			ev.inferred, ev.note = true, "“"+m.official.text+"” is taken to be "+name
			if r.ctx != nil && r.ctx.text == name {
				home, homePost = r.ctxHome, r.ctxPost
			}
		default:
			name = d.nameAround(i, m)
			ev.inferred, ev.note = true, "the official is taken to be "+name+", named nearby"
		}
		if name == "" || notAName(name) {
			continue
		}
		if m.home != nil {
			home, homePost = body(m.home), post(m.homePost)
			if len(m.home.places) > 0 {
				r.homePlace = home[:len(home)-(m.home.end-m.home.start)+m.home.places[len(m.home.places)-1].end]
			}
		} else if h, ok := r.homes[name]; ok && home == "" {
			home, homePost = h[0], h[1]
		}
		to := d.entity(body(m.host))
		if to == nil {
			continue
		}
		sec := &secondment{to: place2{to, post(m.hostPt)}, ev: []evidence{ev}}
		if r.heads[i] > 0 && sp[m.start].start < r.heads[i] {
			// The sentence before, cut by a line break, holds the match's start.
			sec.ev = append([]evidence{{s: &d.sents[i-1]}}, sec.ev...)
		}
		var from *entity
		if home != "" {
			from = d.entity(home)
			if from != nil {
				sec.from = place2{from, homePost}
			}
		}
		sec.official = d.official(name, from)
		if m.date != nil {
			// 2019年至今，任…: the row's date is the start.
			sec.start = d.spanDate(m.date.text)
		}
		d.addSecondment(sec)
		r.found[i] = true
		r.read[sec] = true
		if m.home == nil || m.p.weakHome || len(m.home.places) == 1 && m.home.places[0].end == m.home.end-m.home.start &&
			lexicon.Divisions()[m.home.div].Level == lexicon.Province {
			r.weak[sec] = true
		}
		if m.official != nil && m.official.kind == tName {
			r.ctx, r.ctxAt, r.ctxHome, r.ctxPost = m.official, i, home, homePost
		}
	}
	// The last name of the sentence is what a pronoun next refers to.
	for k := len(sp) - 1; k >= 0; k-- {
		if sp[k].kind == tName {
			if r.ctx == nil || r.ctx.text != sp[k].text && r.ctxAt < i {
				r.ctx, r.ctxAt, r.ctxHome, r.ctxPost = &sp[k], i, "", ""
				if h, ok := r.homes[sp[k].text]; ok {
					r.ctxHome, r.ctxPost = h[0], h[1]
				}
			}
			break
		}
	}
}

// officialName is whom a pronoun in sentence i refers to: the official
// named last in the paragraph, at most three sentences back.
func (d *drafter) officialName(s *span, i int) string {
	if s.kind == tName {
		return s.text
	}
	r := d.rd
	if r.ctx == nil || i-r.ctxAt > 3 || d.sents[r.ctxAt].para != d.sents[i].para && i-r.ctxAt > 1 {
		return ""
	}
	return r.ctx.text
}

// nameAround is the official of a sentence that does not name him: the
// name before the match in its sentence, else the last name of the
// sentence before in the paragraph, else the first name after it in the
// sentence or the next one.
func (d *drafter) nameAround(i int, m match) string {
	r := d.rd
	sp := r.spans[i]
	first := -1
	for k := range sp {
		if sp[k].kind == tName {
			if m.host != nil && sp[k].start < m.host.start && first < 0 {
				first = k
			}
		}
	}
	for k := len(sp) - 1; k >= 0; k-- {
		if sp[k].kind == tName && m.host != nil && sp[k].end <= m.host.start && k < m.start {
			return sp[k].text
		}
	}
	if i > 0 && d.sents[i-1].para == d.sents[i].para {
		prev := r.spans[i-1]
		for k := len(prev) - 1; k >= 0; k-- {
			if prev[k].kind == tName {
				return prev[k].text
			}
		}
	}
	for j := i; j < len(d.sents) && j <= i+1; j++ {
		for _, s := range r.spans[j] {
			if s.kind == tName && (j > i || m.host == nil || s.start > m.host.end) {
				return s.text
			}
		}
	}
	return ""
}

// notAName reports whether a name the tagger read is a common word, or
// one with a character before or after it (向记者).
func notAName(name string) bool {
	return notNames[name] || endsWithPost(name) || // 牛县长, a nickname
		notNames[name[:len(name)-len(lastRune(name))]] || notNames[strings.TrimPrefix(name, firstRuneString(name))]
}

// respectivelyRow names what respectively reads.
var respectivelyRow = pattern{name: "respectively-n", kind: stated}

// respectivelyWords open the hosts of a list of officials, in their order.
var respectivelyWords = []string{"分别挂任", "分别挂职", "分别担任", "分别任"}

// respectively reads a list of officials and the list of posts they are
// seconded to, in order, however many: H h N、H h N、H h N三名同志，分别挂任
// B b、B b和B b. The two lists must be as long; a post without its body
// takes the one before.
func respectively(text string, sp []span) []match {
	t := -1
	for k := range sp {
		if startsWithAny(text[sp[k].start:], respectivelyWords) {
			t = k
			break
		}
	}
	if t < 1 {
		return nil
	}
	separator := func(s span) bool {
		return s.kind == tPunct && strings.ContainsAny(s.text, "、,，") ||
			s.kind == tText && strings.Contains("和与及同志名等人一二两三四五六七八九十位", s.text)
	}
	// The officials, walking back from the trigger.
	var offs []match
	k := t - 1
	for skipped := 0; k >= 0 && skipped <= 6; {
		if separator(sp[k]) {
			k, skipped = k-1, skipped+1
			continue
		}
		if sp[k].kind != tName {
			break
		}
		m := match{p: &respectivelyRow, official: &sp[k], start: k}
		if k >= 1 && sp[k-1].kind == tPost {
			m.homePost, m.start = &sp[k-1], k-1
			if k >= 2 && sp[k-2].kind == tBody {
				m.home, m.start = &sp[k-2], k-2
			}
		}
		offs = append(offs, m)
		k, skipped = m.start-1, 0
	}
	if len(offs) < 2 {
		return nil
	}
	slices.Reverse(offs)
	// The hosts, walking on from it.
	end := sp[t].start + len(hasAnyPrefix(text[sp[t].start:], respectivelyWords))
	k = t
	for k < len(sp) && sp[k].start < end {
		k++
	}
	var host *span
	n := 0
	for ; k < len(sp) && n < len(offs); k++ {
		switch {
		case sp[k].kind == tBody:
			host = &sp[k]
		case sp[k].kind == tPost && host != nil:
			offs[n].host, offs[n].hostPt = host, &sp[k]
			n++
		case separator(sp[k]):
		default:
			return nil
		}
	}
	if n != len(offs) {
		return nil
	}
	for i := range offs {
		offs[i].start, offs[i].end = offs[0].start, k
	}
	return offs
}
