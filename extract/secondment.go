package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// secondTriggers introduce the host body and post of a secondment.
var secondTriggers = []string{"挂职担任", "挂职任", "挂任", "挂职"}

// stops end the host's body-and-post phrase.
const stops = ",,。;;::!?!?()()“”\"《》 \t的一期和及挂"

// window bounds, in bytes, how far a secondment's phrases reach on either
// side of its trigger: about forty characters. Every trigger is read in
// bounded time, so a text of any content is read in linear time.
const window = 120

// before returns at most window bytes of s before i, from a rune boundary.
func before(s string, i int) string {
	j := max(0, i-window)
	for j < i && !utf8.RuneStart(s[j]) {
		j++
	}
	return s[j:i]
}

// after returns at most window bytes of s from i, to a rune boundary.
func after(s string, i int) string {
	j := min(len(s), i+window)
	for j > i && j < len(s) && !utf8.RuneStart(s[j]) {
		j--
	}
	return s[i:j]
}

// stopAt is where the phrase at the start of s ends: at the first stop
// that is no part of a place's name (和 ends a phrase, 和平区 does not).
func stopAt(s string) int {
	for off := 0; ; {
		i := strings.IndexAny(s[off:], stops)
		if i < 0 {
			return len(s)
		}
		i += off
		n := placeNameAt(s[i:])
		if n == 0 {
			return i
		}
		off = i + n
	}
}

// placeNameAt is the length of the full name of a place of the gazetteer
// (和平区) at the start of s, 0 when none starts there.
func placeNameAt(s string) int {
	for _, p := range places {
		if strings.HasPrefix(s, p.root) && strings.HasPrefix(s[len(p.root):], p.suffix) {
			return len(p.root) + len(p.suffix)
		}
	}
	return 0
}

// hostAt reads "[body][post]" at the start of s, stopping at the post.
// It returns the body and post and the length of s they take.
func hostAt(s string) (body, post string, n int) {
	end := stopAt(s)
	seg := s[:end]
	for i := 0; i < len(seg); {
		p := postAt(seg, i)
		if p == "" || i == 0 {
			_, size := firstRune(seg[i:])
			i += size
			continue
		}
		j := i + len(p)
		for {
			rest := strings.TrimPrefix(seg[j:], "、")
			q := postAt(rest, 0)
			if q == "" {
				break
			}
			j = len(seg) - len(rest) + len(q)
		}
		body, post, ok := splitBodyPost(seg[:j])
		if !ok {
			return "", "", 0
		}
		return body, post, j
	}
	return "", "", 0
}

// hostAt is hostAt with a division of the body moved into the post.
func (d *drafter) hostAt(s string) (body, post string, n int) {
	body, post, n = hostAt(s)
	if body != "" {
		body, post = d.splitSubunit(body, post)
	}
	return body, post, n
}

// subunitEnds end the names of a body's divisions, which belong to the
// post: 河北省发改委 | 地区经济处副处长.
var subunitEnds = []string{"处", "科", "室", "司", "所", "队"}

// splitSubunit moves a division of a body into the post.
func (d *drafter) splitSubunit(body, post string) (string, string) {
	if !hasAnySuffix(body, subunitEnds) {
		return body, post
	}
	r := []rune(body)
	for i := len(r) - 2; i >= 2; i-- {
		head := string(r[:i])
		if ref, ok := d.recognise(head); ok && ref.kind == graph.Body && hasAnySuffix(head, organEnds) {
			return head, string(r[i:]) + post
		}
	}
	return body, post
}

// organEnds end the names of government organs whose divisions are named.
var organEnds = []string{"委", "厅", "局", "办", "部", "院", "委员会", "办公室", "中心", "集团", "公司"}

// homeAndName reads "[body][post][name]" at the start of s; body and post
// are empty when s starts with the name.
func (d *drafter) homeAndName(s string) (body, post, name string) {
	for i := 0; i < len(s); {
		r, size := firstRune(s[i:])
		if strings.ContainsRune(",,。;;:: \t", r) {
			break
		}
		if p := postAt(s, i); p != "" && i > 0 {
			j := i + len(p)
			if n := d.nameAt(s[j:]); n != "" {
				if b, pp, ok := splitBodyPost(s[:j]); ok {
					return b, pp, n
				}
			}
		}
		i += size
	}
	return "", "", d.nameAt(s)
}

// fillerWords stand between an official's name and the verb.
var fillerWords = []string{"这一次", "已经", "正式", "近日", "日前", "目前", "此前", "此次", "这次", "本次", "分别", "开始", "以来",
	"去年", "今年", "即将", "将", "拟", "已", "曾", "也", "还", "被", "获", "起", "于"}

// trimFiller drops one filler word or date (于10月12日, 2015年7月) from
// the end of s.
func trimFiller(s string) string {
	for _, w := range fillerWords {
		if t, ok := strings.CutSuffix(s, w); ok {
			return t
		}
	}
	t := s
	for _, unit := range []string{"日", "号", "月", "年"} {
		u, ok := strings.CutSuffix(t, unit)
		if !ok {
			continue
		}
		d := strings.TrimRight(u, "0123456789")
		if d == u || len(u)-len(d) > 4 {
			break
		}
		t = d
	}
	if t != s {
		return strings.TrimSuffix(t, "于")
	}
	return s
}

// leadFillers are words before a list of officials.
var leadFillers = regexp.MustCompile(`^(?:比如|例如|譬如|如|其中|包括|另外|此外|同时|还有|以及|和|及|与)`)

func trimFillers(s string) string {
	for {
		t := trimFiller(s)
		if t == s {
			return s
		}
		s = t
	}
}

// subject reads the official of a secondment from the text before its verb:
// "[body][post][name]", "[name]", "[body][post][name],此次将" or
// "[name],[body][post],". byPost is true when a post stands next to the
// name.
func (d *drafter) subject(left string) (body, post, name string, byPost bool) {
	cls := strings.FieldsFunc(left, func(r rune) bool { return strings.ContainsRune(",,。;;::“”!?!?()()", r) })
	// Only the clause the verb ends counts when the verb has one: the
	// clauses before it are read only when it holds nothing but fillers or
	// the official's post.
	if len(left) > 0 {
		if r, _ := utf8.DecodeLastRuneInString(left); !strings.ContainsRune(",, ", r) && len(cls) > 0 {
			c := trimFillers(cls[len(cls)-1])
			if c != "" {
				cls[len(cls)-1] = c
				if d.nameBefore(listItem(c)) != "" {
					return d.readSubject(cls[len(cls)-1:])
				}
				// "王立新(北京市大兴区副区长)挂任": the name a clause before.
				return d.readSubject(cls)
			}
			cls = cls[:len(cls)-1]
		}
	}
	return d.readSubject(cls)
}

// readSubject reads the last clauses of cls: the official's clause, and the
// one before it when the last is "[body][post]" alone.
func (d *drafter) readSubject(cls []string) (body, post, name string, byPost bool) {
	if len(cls) == 0 {
		return
	}
	c := trimFillers(cls[len(cls)-1])
	if t, place := d.trimArrival(c); place != "" {
		// "时任…的喻华锋来到廊坊,挂职任…": the official arrives, then the verb.
		c = trimFillers(t)
		if c == "" && len(cls) >= 2 {
			// "时任…的阎志鹏,2016年10月前往滨海新区,挂任…": the
			// official a clause before his arrival.
			return d.readSubject(cls[:len(cls)-1])
		}
	}
	c = listItem(c)
	if n := d.nameBefore(c); n != "" {
		head := strings.TrimSuffix(c, n)
		if head == "" {
			return "", "", n, false
		}
		if h, ok := strings.CutSuffix(head, "的"); ok {
			// "时任北京市大兴区副区长的喻华锋": the post he held then.
			head = strings.TrimPrefix(h, hasAnyPrefix(h, formerly))
		}
		if b, p, ok := splitBodyPost(head); ok {
			return b, p, n, true
		}
		return "", "", n, titleBefore(head)
	}
	// "[name],[body][post]," then the verb.
	if b, p, ok := splitBodyPost(c); ok && len(cls) >= 2 {
		prev := listItem(trimFillers(cls[len(cls)-2]))
		if d.isWholeName(prev) {
			return b, p, prev, true
		}
	}
	return
}

// formerly are the words of "时任[body][post]的[name]": the post an
// official held when the secondment began.
var formerly = []string{"时任", "原任", "现任", "曾任", "时为", "原为"}

// arrivalRE is "来到/到/赴/前往[place]" ending a clause.
var arrivalRE = regexp.MustCompile(`(?:来到|到达|前往|到|赴)([^,,。;;“”、的]{2,12})$`)

// trimArrival drops "来到廊坊" from the end of the clause c when the place
// is a body or place the recogniser knows; it returns the rest and the
// place, or c and "".
func (d *drafter) trimArrival(c string) (string, string) {
	m := arrivalRE.FindStringSubmatchIndex(c)
	if m == nil {
		return c, ""
	}
	place := c[m[2]:m[3]]
	if r, ok := d.recognise(place); !ok || r.kind != graph.Body || placeOf(r) == "" {
		return c, ""
	}
	return c[:m[0]], place
}

// listItem keeps the last item of "A、B、C": the part after the last 、
// that no post follows.
func listItem(c string) string {
	for off := len(c); ; {
		i := strings.LastIndex(c[:off], "、")
		if i < 0 {
			break
		}
		if postAt(c, i+len("、")) == "" {
			c = c[i+len("、"):]
			break
		}
		off = i
	}
	return leadFillers.ReplaceAllString(c, "")
}

// titles are words for a person that may stand before a name.
var titles = []string{"干部", "同志", "官员", "挂职干部", "代表", "负责人"}

func titleBefore(s string) bool { return hasAnySuffix(s, titles) }

// isWholeName reports whether s is a name and nothing else.
func (d *drafter) isWholeName(s string) bool {
	return s != "" && d.nameAt(s) == s
}

var (
	// hintRE finds where a seconded official says he came from.
	hintRE = regexp.MustCompile(`(?:原来|原先|之前|此前|以前)(?:在|是|于)([^,,。;;“”]{2,20}?)(?:上班|工作|任职)`)
	// atPlaceRE is "赴/到/来到/前往/在 X 挂职": the host without the post.
	atPlaceRE = regexp.MustCompile(`(来到|前往|赴|到|在)([^,,。;;“”在到赴]{2,20}?)挂职`)
	// fromRE is "来自X的挂职干部NAME" or "来自X的挂职副市长NAME".
	fromRE = regexp.MustCompile(`来自([^,,。;;“”的]{2,20})的挂职`)
	// nowRE is "他现在的身份是[host][post]": the host a sentence later.
	nowRE = regexp.MustCompile(`(?:他|她)(?:现在|目前|如今|眼下)?的?(?:身份是|职务是|现任|担任)`)
	// bothRE is "同时担任[host post]和[home post]的他".
	bothRE = regexp.MustCompile(`同时(?:担任|兼任)(.+?)(?:和|与|及)(.+?)的(?:他|她)`)
)

// pending is what the text says of an official before it names the host.
type pending struct {
	home place2
	host place2
	ev   evidence
}

// secondments finds the secondments sentence i reports.
func (d *drafter) secondments(i int) {
	s := &d.sents[i]
	if s.para != d.carryPara {
		d.carryPara, d.carry = s.para, [2]string{}
	}
	// "来自X的挂职干部NAME" first: a secondment the sentence goes on to state
	// takes its home.
	d.fromForms(i)
	text := s.text
	for pos := 0; pos < len(text); {
		j := strings.Index(text[pos:], "挂")
		if j < 0 {
			break
		}
		at, trig := pos+j, ""
		for _, t := range secondTriggers {
			if strings.HasPrefix(text[at:], t) {
				trig = t
				break
			}
		}
		if trig == "" {
			pos = at + len("挂")
			continue
		}
		pos = at + len(trig)
		if left := before(text, at); strings.HasSuffix(left, "分别") {
			if n := d.respectively(i, strings.TrimSuffix(left, "分别"), after(text, pos)); n > 0 {
				pos += n
				continue
			}
		}
		hbody, hpost, n := d.hostAt(after(text, pos))
		if hbody == "" {
			// "挂职廊坊": a place of the gazetteer with no post.
			hbody, n = placeAt(after(text, pos))
		}
		// "来到廊坊,挂职任市委常委、副市长": the host is the place the
		// official came to, when a post alone follows the verb (not a body
		// "市委" and a post "常委、副市长").
		if p := postsAt(after(text, pos)); p != "" && len(p) >= n {
			if _, place := d.trimArrival(trimFillers(lastClause(strings.TrimSuffix(before(text, at), ",")))); place != "" {
				hbody, hpost, n = place, p, len(p)
			}
		}
		var to *entity
		if hbody != "" {
			to = d.bodyFor(roleHost, hbody)
		}
		if to == nil {
			d.hostBefore(i, at, pos)
			continue
		}
		var fbody, fpost, name string
		byPost := false
		if rest := after(text, pos+n); strings.HasPrefix(rest, "的") {
			fbody, fpost, name = d.homeAndName(strings.TrimPrefix(rest, "的"))
			byPost = hpost != "" // "挂任[host][post]的[name]"
		}
		if name == "" {
			fbody, fpost, name, byPost = d.subject(before(text, at))
			// "刘海涛挂任张家口市副市长": the host's post stands by the name.
			byPost = byPost || hpost != ""
		}
		if name == "" && d.recent(i) != nil && isPronoun(d.pronounBefore(text, at)) {
			// "去年,他挂任河北省发改委副主任": 他 is the official named
			// last after a post.
			pos += n
			sec := &secondment{official: d.lastOfficial, to: place2{to, hpost}, from: d.lastHome,
				ev: []evidence{{s: s, inferred: true, note: "“他” is taken to be " + d.lastOfficial.name}}}
			d.term(sec, s)
			d.addSecondment(sec)
			continue
		}
		if name == "" || !d.isOfficial(name, byPost, i) {
			continue
		}
		pos += n
		sec := &secondment{to: place2{to, hpost}, ev: []evidence{{s: s}}}
		var from *entity
		fbody, fpost = d.splitSubunit(fbody, fpost)
		if fbody != "" {
			from = d.homeBody(fbody)
		}
		if from != nil {
			sec.from = place2{from, fpost}
		} else {
			d.inferHome(i, sec)
			from = sec.from.body
		}
		sec.official = d.official(name, from)
		d.term(sec, s)
		d.addSecondment(sec)
	}
	// "赴保定市挂职" with a named subject.
	for _, m := range atPlaceRE.FindAllStringSubmatchIndex(text, -1) {
		host := d.bodyFor(roleHost, text[m[4]:m[5]])
		if host == nil {
			continue
		}
		var fbody, fpost, name string
		byPost := false
		if rest := after(text, m[1]); strings.HasPrefix(rest, "的") {
			// "在北京市平谷区挂职的三河市副市长韦春来".
			fbody, fpost, name = d.homeAndName(strings.TrimPrefix(rest, "的"))
			byPost = fpost != ""
		}
		if name == "" {
			fbody, fpost, name, byPost = d.subject(before(text, m[0]))
		}
		if name == "" || !d.isOfficial(name, byPost, i) {
			// "我…现在在河北工信厅挂职": a form of a host already known.
			continue
		}
		sec := &secondment{to: place2{host, d.postAfter(host, after(text, m[1]))}, ev: []evidence{{s: s}}}
		if b := d.homeBody(fbody); b != nil {
			sec.from = place2{b, fpost}
		}
		sec.official = d.official(name, sec.from.body)
		d.term(sec, s)
		d.addSecondment(sec)
	}
}

// appointRE is the verb of "到[host]挂职,任[post]": the post follows the
// secondment's clause.
var appointRE = regexp.MustCompile(`^(?:锻炼)?[,,]?(?:担任|任职|出任|任)`)

// postAfter reads the post of "到张家口市挂职,任张家口市副市长" from s, the
// text after 挂职: the host named again (or not) and the post, "" when s
// does not name the host's post.
func (d *drafter) postAfter(host *entity, s string) string {
	m := appointRE.FindStringIndex(s)
	if m == nil {
		return ""
	}
	s = s[m[1]:]
	body, post, n := d.hostAt(s)
	if p := postsAt(s); p != "" && len(p) >= n {
		return p // "任副区长": a post alone, not a body "副" and a post "区长"
	}
	// The host named again, not another body (nothing is registered).
	if r, ok := d.recognise(body); body != "" && ok && r.key == host.key {
		return post
	}
	return ""
}

// postsAt reads "市委常委、副市长" at the start of s.
func postsAt(s string) string {
	n := 0
	for {
		p := postAt(s[n:], 0)
		if p == "" {
			break
		}
		n += len(p)
		if !strings.HasPrefix(s[n:], "、") || postAt(s[n+len("、"):], 0) == "" {
			break
		}
		n += len("、")
	}
	return s[:n]
}

// fromForms reads "来自X的挂职干部NAME" (the host said later, or already),
// "他现在的身份是[host][post]" and "同时担任[host post]和[home post]的他".
func (d *drafter) fromForms(i int) {
	s := &d.sents[i]
	text := s.text
	for _, m := range fromRE.FindAllStringSubmatchIndex(text, -1) {
		rest, hp := after(text, m[1]), ""
		if t, ok := strings.CutPrefix(rest, "干部"); ok {
			rest = t
		} else if hp = postAt(rest, 0); hp != "" {
			rest = rest[len(hp):]
		}
		name := d.nameAt(rest)
		if name == "" || !d.isOfficial(name, true, i) {
			continue
		}
		home := d.homeBody(text[m[2]:m[3]])
		if home == nil {
			continue
		}
		o := d.official(name, home)
		d.lastOfficial, d.lastAt = o, i
		p := d.pend[o]
		if p == nil {
			p = &pending{ev: evidence{s: s}}
			d.pend[o] = p
		}
		if p.home.body == nil {
			p.home = place2{home, ""}
		}
		if hp != "" {
			p.host.post = hp
		}
	}
	if m := nowRE.FindStringIndex(text); m != nil && d.recent(i) != nil {
		if hbody, hpost, _ := d.hostAt(after(text, m[1])); hbody != "" {
			if to := d.bodyFor(roleHost, hbody); to != nil {
				d.hostOf(d.lastOfficial, to, hpost, s)
			}
		}
	}
	if m := bothRE.FindStringSubmatch(text); m != nil && d.recent(i) != nil {
		hbody, hpost, _ := d.hostAt(m[1])
		fbody, fpost, _ := d.hostAt(m[2])
		if hbody != "" {
			if to := d.bodyFor(roleHost, hbody); to != nil {
				var from *entity
				if fbody != "" {
					from = d.bodyFor(roleHome, fbody)
				}
				if from != nil {
					p := d.pend[d.lastOfficial]
					if p == nil {
						p = &pending{ev: evidence{s: s}}
						d.pend[d.lastOfficial] = p
					}
					p.home = place2{from, fpost}
				}
				d.hostOf(d.lastOfficial, to, hpost, s)
			}
		}
	}
	// The last official the sentence names after a post ("北京市大兴区副区长
	// 罗建军到廊坊…") is whom 他 refers to next.
	for k := 0; k < len(text); {
		p := postAt(text, k)
		if p == "" {
			_, n := firstRune(text[k:])
			k += n
			continue
		}
		k += len(p)
		if n := d.nameAt(text[k:]); n != "" && d.isOfficial(n, true, i) {
			body, post, _ := splitBodyPost(listItem(clauseOf(text[:k])))
			home := d.entityIf(body)
			d.lastOfficial, d.lastHome, d.lastAt = d.official(n, home), place2{}, i
			if home != nil {
				d.lastHome = place2{home, post}
			}
		}
	}
}

// clauseOf is what follows the last comma, stop or colon in s: a clause
// whose list items (、) are kept.
func clauseOf(s string) string {
	if i := strings.LastIndexAny(s, ",。;:“”!?"); i >= 0 {
		_, n := firstRune(s[i:])
		return s[i+n:]
	}
	return s
}

// lastClause is what follows the last clause break in s.
func lastClause(s string) string {
	if i := strings.LastIndexAny(s, ",,。;;::、“”"); i >= 0 {
		_, n := firstRune(s[i:])
		return s[i+n:]
	}
	return s
}

// hostOf drafts the secondment of an official named earlier, whose host
// sentence s states.
func (d *drafter) hostOf(o *entity, to *entity, post string, s *sentence) {
	p := d.pend[o]
	sec := &secondment{official: o, to: place2{to, post}}
	if p != nil {
		sec.from = p.home
		if sec.to.post == "" {
			sec.to.post = p.host.post
		}
		sec.ev = append(sec.ev, p.ev)
		d.term(sec, p.ev.s)
	}
	if !hasSentence(sec.ev, s) {
		sec.ev = append(sec.ev, evidence{s: s, inferred: true, note: "“他” is taken to be " + o.name})
	}
	if sec.start.IsZero() {
		d.term(sec, s)
	}
	d.addSecondment(sec)
}

// roles of a body in a secondment, for the place carried from context.
const (
	roleHome = iota
	roleHost
)

// bodyFor registers a home or host body. A department named without its
// place (交通委) takes the place of the last department of the same role
// in the paragraph (北京市发改委…、交通委 → 北京市交通委).
func (d *drafter) bodyFor(role int, s string) *entity {
	s = strings.Trim(s, "“”\"《》 ")
	r, ok := d.recognise(s)
	if !ok {
		return nil
	}
	if strings.HasPrefix(r.key, "name:") && r.kind == graph.Body && hasAnySuffix(s, organEnds) &&
		hasAnyPrefix(s, nationalPrefixes) == "" && d.carry[role] != "" {
		if cr, ok := d.recognise(d.carry[role] + s); ok && strings.HasPrefix(cr.key, "dept:") {
			e := d.entity(d.carry[role] + s)
			e.addForm(s)
			return e
		}
	}
	if place := placeOf(r); place != "" {
		d.carry[role] = place
	}
	return d.entity(s)
}

// placeOf is the written name of the place a recognised body belongs to.
func placeOf(r ref) string {
	var root string
	switch {
	case strings.HasPrefix(r.key, "dept:"):
		root = strings.SplitN(r.key, ":", 3)[1]
	case strings.HasPrefix(r.key, "place:"):
		root = strings.TrimPrefix(r.key, "place:")
	default:
		return ""
	}
	if p := lookupPlace(root); p != nil {
		return p.name(p.root)
	}
	return ""
}

// homeBody registers a home body, dropping words before its name that are
// no part of it ("记者了解到北京市商务委").
func (d *drafter) homeBody(s string) *entity {
	r := []rune(s)
	for i := 0; i+2 <= len(r); i++ {
		if ref, ok := d.recognise(string(r[i:])); ok && (strings.HasPrefix(ref.key, "place:") || strings.HasPrefix(ref.key, "dept:")) {
			return d.bodyFor(roleHome, string(r[i:]))
		}
	}
	if d.carry[roleHome] != "" {
		for i := 0; i+2 <= len(r); i++ {
			if ref, ok := d.recognise(d.carry[roleHome] + string(r[i:])); ok && strings.HasPrefix(ref.key, "dept:") {
				return d.bodyFor(roleHome, string(r[i:]))
			}
		}
	}
	if _, ok := d.recognise(strings.Trim(s, "“”\"《》 ")); !ok {
		return nil
	}
	return d.bodyFor(roleHome, s)
}

// inferHome looks, in the sentence and the rest of its paragraph, for the
// official's own words about where he worked before.
func (d *drafter) inferHome(i int, sec *secondment) {
	for j := i; j < len(d.sents) && j < i+8 && d.sents[j].para == d.sents[i].para; j++ {
		m := hintRE.FindStringSubmatch(d.sents[j].text)
		if m == nil {
			continue
		}
		b := d.homeBody(m[1])
		if b == nil || b == sec.to.body {
			continue
		}
		sec.from = place2{b, ""}
		if j != i {
			sec.ev = append(sec.ev, evidence{s: &d.sents[j]})
		}
		k := len(sec.ev) - 1
		sec.ev[k].inferred = true
		sec.ev[k].note = "home body inferred from “" + m[0] + "”; post unknown"
		// "现在在河北工信厅挂职" names the host too.
		for _, a := range atPlaceRE.FindAllStringSubmatch(d.sents[j].text, -1) {
			if ref, ok := d.recognise(a[2]); ok && ref.key == sec.to.body.key {
				sec.to.body.addForm(a[2])
			}
		}
		return
	}
}

// addSecondment merges a secondment into one already drafted for the same
// official and host.
func (d *drafter) addSecondment(sec *secondment) {
	if sec.from.body == sec.to.body {
		return // a misreading: no one is seconded from a body to itself
	}
	d.lastOfficial, d.lastHome = sec.official, place2{}
	d.lastAt = sec.ev[0].s.idx
	k := secKey{sec.official, sec.to.body}
	if old, ok := d.secIndex[k]; ok {
		if old.from.body == nil {
			old.from = sec.from
		}
		if old.to.post == "" {
			old.to.post = sec.to.post
		}
		if old.start.IsZero() {
			old.start, old.end, old.termNote = sec.start, sec.end, sec.termNote
		}
		for _, e := range sec.ev {
			old.ev = addEvidence(old.ev, e)
		}
		return
	}
	// A home said earlier ("来自X的挂职干部NAME").
	if p := d.pend[sec.official]; p != nil && sec.from.body == nil {
		sec.from = p.home
		if sec.to.post == "" {
			sec.to.post = p.host.post
		}
		if !hasSentence(sec.ev, p.ev.s) {
			sec.ev = append(sec.ev, p.ev)
		}
	}
	if d.secIndex == nil {
		d.secIndex = map[secKey]*secondment{}
	}
	d.secIndex[k] = sec
	d.secs = append(d.secs, sec)
}

type secKey struct{ official, host *entity }

// maxEvidence bounds the quotes a drafted fact collects: a reviewer needs a
// few, and a text repeating one fact must not make the draft quadratic.
const maxEvidence = 12

// maxLookBack bounds how many sentences back a date or a home is looked for.
const maxLookBack = 8

// addEvidence adds e unless its sentence is already quoted or the list is
// full.
func addEvidence(list []evidence, e evidence) []evidence {
	if len(list) >= maxEvidence || hasSentence(list, e.s) {
		return list
	}
	return append(list, e)
}

func hasSentence(list []evidence, s *sentence) bool {
	for _, e := range list {
		if e.s == s {
			return true
		}
	}
	return false
}

// entityIf registers a body only if its name reads as one.
func (d *drafter) entityIf(s string) *entity {
	if _, ok := d.recognise(strings.Trim(s, "“”\"《》 ")); !ok {
		return nil
	}
	return d.entity(s)
}

// respectively reads "A、B分别挂任X、Y": officials listed before the verb,
// each with his home body and post, and as many hosts after it, paired in
// order. It returns how much of right it read, 0 when the lists do not
// pair.
func (d *drafter) respectively(i int, left, right string) int {
	s := &d.sents[i]
	c := left
	if j := strings.LastIndexAny(left, ",,。;;::“”"); j >= 0 {
		_, n := firstRune(left[j:])
		c = left[j+n:]
	}
	var people [][3]string // body, post, name
	for _, item := range listItems(trimFillers(c)) {
		item = leadFillers.ReplaceAllString(item, "")
		n := d.nameBefore(item)
		if n == "" {
			return 0
		}
		b, p, _ := splitBodyPost(strings.TrimSuffix(item, n))
		people = append(people, [3]string{b, p, n})
	}
	var hosts []place2
	read := 0
	for len(hosts) < len(people) {
		b, p, n := d.hostAt(right[read:])
		if b == "" {
			break
		}
		b, p = d.splitSubunit(b, p)
		to := d.bodyFor(roleHost, b)
		if to == nil {
			return 0
		}
		hosts = append(hosts, place2{to, p})
		read += n
		for _, sep := range []string{"、", "和", "及"} {
			if strings.HasPrefix(right[read:], sep) {
				read += len(sep)
				break
			}
		}
	}
	if len(people) < 2 || len(hosts) != len(people) {
		return 0
	}
	for k, p := range people {
		if !d.isOfficial(p[2], p[1] != "", i) {
			continue
		}
		sec := &secondment{to: hosts[k], ev: []evidence{{s: s}}}
		fb, fp := d.splitSubunit(p[0], p[1])
		if fb != "" {
			if from := d.homeBody(fb); from != nil {
				sec.from = place2{from, fp}
			}
		}
		sec.official = d.official(p[2], sec.from.body)
		d.term(sec, s)
		d.addSecondment(sec)
	}
	return read
}

// listItems splits "A、B、C" at each 、 that no post follows.
func listItems(c string) []string {
	var out []string
	start := 0
	for off := 0; ; {
		i := strings.Index(c[off:], "、")
		if i < 0 {
			break
		}
		i += off
		off = i + len("、")
		if postAt(c, off) == "" {
			out = append(out, c[start:i])
			start = off
		}
	}
	return append(out, c[start:])
}

// placeAt reads a place of the gazetteer that is all of s up to the next
// clause break or particle: the host of "挂职廊坊,".
func placeAt(s string) (string, int) {
	end := stopAt(s)
	if utf8.RuneCountInString(s[:end]) > 8 {
		return "", 0
	}
	if _, _, ok := parsePlace(s[:end]); ok {
		return s[:end], end
	}
	return "", 0
}

// hostBefore reads "[host]挂职[post][name]" (廊坊市挂职副市长王明) and
// "[name]现任[host]挂职[post]": the host before the verb, the post after it.
func (d *drafter) hostBefore(i, at, pos int) {
	s := &d.sents[i]
	right := after(s.text, pos)
	post := postAt(right, 0)
	if post == "" {
		return
	}
	left := before(s.text, at)
	r := tailRunes(lastClause(left), 12)
	var host *entity
	var head string
	for k := 0; k+2 <= len(r); k++ {
		cand := string(r[k:])
		if ref, ok := d.recognise(cand); ok && ref.kind == graph.Body && (strings.HasPrefix(ref.key, "place:") || strings.HasPrefix(ref.key, "dept:")) {
			host = d.bodyFor(roleHost, cand)
			head = strings.TrimSuffix(left, cand)
			break
		}
	}
	if host == nil {
		return
	}
	name, byPost := d.nameAt(right[len(post):]), true
	var fbody, fpost string
	if name == "" {
		head = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(head, "现任"), "担任"), "任")
		fbody, fpost, name, _ = d.subject(head)
		byPost = true // the subject of "现任[host]挂职[post]", as of "挂任[host][post]"
	}
	if name == "" || !d.isOfficial(name, byPost, i) {
		return
	}
	sec := &secondment{to: place2{host, post}, ev: []evidence{{s: s}}}
	if fbody != "" {
		if from := d.homeBody(fbody); from != nil {
			sec.from = place2{from, fpost}
		}
	}
	sec.official = d.official(name, sec.from.body)
	d.term(sec, s)
	d.addSecondment(sec)
}

// pronounBefore is the subject clause before the verb at, fillers dropped.
func (d *drafter) pronounBefore(text string, at int) string {
	return trimFillers(lastClause(before(text, at)))
}

func isPronoun(s string) bool { return s == "他" || s == "她" }

// pronounReach is how many sentences back 他 may refer.
const pronounReach = 3

// recent is the official 他 in sentence i may refer to, or nil.
func (d *drafter) recent(i int) *entity {
	if d.lastOfficial == nil || i-d.lastAt > pronounReach {
		return nil
	}
	return d.lastOfficial
}
