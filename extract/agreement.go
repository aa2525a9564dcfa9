package extract

import (
	"regexp"
	"slices"
	"strings"
)

var (
	leadRE  = regexp.MustCompile(`^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:上旬|中旬|下旬|初|底|末)?|日前|近日|今天|昨天|昨日|当天|当日|随后|同时|此外|其中|另外|由|据悉|目前|今年|去年|并|而)+`)
	trailRE = regexp.MustCompile(`(?:还|也|已经|已|再次|正式|分别|共同|联合|将|拟|均|都|又|初步|进一步|于.*|在.*|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:上旬|中旬|下旬|初|底|末)?)$`)
	// docRE ends the title of a signed document.
	docRE = regexp.MustCompile(`^.*(?:协议书|协议|备忘录|合同|意向书|合作书|框架)`)
	// venueEndRE ends the name of the event at which something was signed:
	// "[event]上", the event running back to the clause's start.
	venueEndRE = regexp.MustCompile(`(?:大会|会议|论坛|洽谈会|博览会|峰会|交易会|推介会|签约会|推进会|座谈会|发布会|仪式|开幕式)上`)
	// groupRE is "各方达成共识": parties named in the sentence before.
	groupRE = regexp.MustCompile(`(?:各方|双方|三方|多方|几方|两地|两市|两区|三地)[^,,。]*?达成[^,,。]*?共识`)
	// meetingRE is the meeting those parties held.
	meetingRE = regexp.MustCompile(`(?:联合|共同)?(?:召开|举行|举办)了?([^,,。]+?(?:会议|会|论坛))`)
	// projectsRE is "18个项目成功签约".
	projectsRE = regexp.MustCompile(`(?:\d+|[一二三四五六七八九十百两]+)个[^,,。]{0,10}?项目(?:成功|集中|现场|正式)?签约`)
	// cameToRE is where the signing took place.
	cameToRE = regexp.MustCompile(`(?:来到|在|赴|落户)([^,,。、等的在]{2,8}?)(?:洽谈|考察|签约|举行|举办|召开|对接)`)
	listRE   = regexp.MustCompile(`([^,,。]+?)等(?:机构|企业|单位|公司|部门)`)
	quotedRE = regexp.MustCompile(`“([^”]{2,30})”`)
	// witnessRE is "签约仪式上,A、B一同见证".
	witnessRE = regexp.MustCompile(`(?:签约|签字)仪式上[,,]?([^,,。]+?)(?:一同|共同|一起|等)?(?:见证|出席)`)
	// brokerRE is "A堪称这次合作的首席操盘手".
	brokerRE = regexp.MustCompile(`()堪称这次[^,,。]{0,20}?合作的([^,,。]{2,10})`)
)

var signVerbs = []string{"签署", "签订", "签下", "签约"}
var meetVerbs = []string{"联合召开", "共同召开", "召开", "举行", "举办", "签署", "会谈", "座谈"}

func firstIndex(s string, words []string) (int, string) {
	at, w := -1, ""
	for _, x := range words {
		if i := strings.Index(s, x); i >= 0 && (at < 0 || i < at) {
			at, w = i, x
		}
	}
	return at, w
}

func cleanParty(s string) string {
	for {
		t := strings.TrimSpace(trailRE.ReplaceAllString(leadRE.ReplaceAllString(s, ""), ""))
		if t == s {
			return s
		}
		s = t
	}
}

// partyList reads "A、B和C" as entities; nil unless every part is one.
func (d *drafter) partyList(s string) []*entity {
	s = cleanParty(s)
	if s == "" {
		return nil
	}
	if _, ok := d.recognise(s); ok {
		return []*entity{d.entity(s)}
	}
	parts := splitAny(s)
	if len(parts) < 2 {
		return nil
	}
	var out []*entity
	for _, p := range parts {
		p = cleanParty(p)
		if _, ok := d.recognise(p); !ok {
			return nil
		}
		out = append(out, d.entity(p))
	}
	return out
}

// pair splits "X与Y" at the connector that leaves an entity on each side.
func (d *drafter) pair(pre string) []*entity {
	for _, conn := range []string{"与", "同", "和"} {
		for off := 0; ; {
			j := strings.Index(pre[off:], conn)
			if j < 0 {
				break
			}
			j += off
			off = j + len(conn)
			x, y := cleanParty(pre[:j]), pre[j+len(conn):]
			if _, ok := d.recognise(x); !ok {
				continue
			}
			if _, ok := d.recognise(cleanParty(y)); !ok && len(splitAny(cleanParty(y))) < 2 {
				continue
			}
			ys := d.partyList(y)
			if ys == nil {
				continue
			}
			return append([]*entity{d.entity(x)}, ys...)
		}
	}
	return nil
}

func splitAny(s string) []string { return listSepRE.Split(s, -1) }

var (
	listSepRE = regexp.MustCompile(`、|以及|及|和`)
	// manyRE opens the title of several documents: 多项, 3份, 一系列.
	manyRE = regexp.MustCompile(`^(?:(?:多|数|若干|几|\d+|[一二三四五六七八九十两]+)(?:项|份|批)|一系列)`)
	// toSignRE ends "将签署": an agreement still to be signed.
	toSignRE = regexp.MustCompile(`(?:将|拟|即将|计划)$`)
)

// agreements finds the agreements sentence i reports, and the officials
// who brokered or witnessed those of the sentences before.
func (d *drafter) agreements(i int) {
	s := &d.sents[i]
	for _, c := range clauses(s.text) {
		switch {
		case strings.Contains(c, "共识") && strings.Contains(c, "达成"):
			d.consensus(i, c)
		default:
			d.signing(i, c)
		}
	}
	d.officialsOf(i)
}

func (d *drafter) consensus(i int, c string) {
	s := &d.sents[i]
	v := strings.Index(c, "达成")
	pre, topic := c[:v], ""
	if j := strings.Index(pre, "就"); j >= 0 {
		pre, topic = pre[:j], pre[j+len("就"):]
	}
	topic = strings.TrimPrefix(strings.TrimPrefix(cleanParty(topic), "签订"), "签署")
	if parties := d.pair(pre); len(parties) >= 2 {
		title := topic
		if title == "" {
			title = strings.TrimSpace(c[v:])
		}
		a := &agreement{title: title, status: "consensus", parties: parties, ev: []evidence{{s: s}}}
		d.dateAndVenue(a, i, c)
		d.addAgreement(a, i)
		return
	}
	if !groupRE.MatchString(c) || i == 0 || d.sents[i-1].para != s.para {
		return
	}
	prev := &d.sents[i-1]
	for _, pc := range clauses(prev.text) {
		v, _ := firstIndex(pc, meetVerbs)
		if v < 0 {
			continue
		}
		parties := d.pair(pc[:v])
		if len(parties) < 2 {
			continue
		}
		a := &agreement{status: "consensus", parties: parties,
			ev: []evidence{{s: prev}, {s: s, inferred: true, note: "the parties are those of the sentence before"}}}
		if m := meetingRE.FindStringSubmatch(pc[v:]); m != nil {
			a.venue = m[1]
			a.title = strings.NewReplacer("“", "", "”", "").Replace(m[1]) + "共识"
		} else {
			a.title = strings.TrimSpace(c)
		}
		d.dateAndVenue(a, i-1, pc)
		d.addAgreement(a, i)
		return
	}
}

func (d *drafter) signing(i int, c string) {
	s := &d.sents[i]
	v, verb := firstIndex(c, signVerbs)
	if v < 0 {
		return
	}
	parties := d.pair(c[:v])
	if len(parties) < 2 {
		return
	}
	rest := strings.TrimPrefix(c[v+len(verb):], "了")
	title := ""
	switch {
	case strings.HasPrefix(rest, "《"):
		if j := strings.Index(rest, "》"); j >= 0 {
			title = rest[len("《"):j]
		}
	case docRE.MatchString(rest):
		title = docRE.FindString(rest)
	}
	if title == "" {
		title = strings.TrimSpace(c[:v+len(verb)])
		title = strings.TrimSpace(leadRE.ReplaceAllString(title, ""))
	}
	if manyRE.MatchString(title) {
		return // "签署了多项合作协议": several agreements, none named
	}
	a := &agreement{title: title, status: "signed", parties: parties, ev: []evidence{{s: s}}}
	switch {
	case toSignRE.MatchString(c[:v]):
		a.status = "intent"
		a.notes = append(a.notes, "to be signed: "+strings.TrimSpace(c))
	case strings.Contains(title, "框架"):
		a.status = "framework"
	case strings.Contains(title, "意向") || strings.Contains(title, "备忘录"):
		a.status = "intent"
	}
	a.value = s.amountFrom(strings.Index(s.text, c))
	d.dateAndVenue(a, i, c)
	d.addAgreement(a, i)
}

// partyListLoose keeps the parts of "A、B、C" that read as entities.
func (d *drafter) partyListLoose(s string) []*entity {
	var out []*entity
	for _, p := range splitAny(s) {
		p = cleanParty(p)
		if _, ok := d.recognise(p); ok {
			out = append(out, d.entity(p))
		}
	}
	return out
}

// dateAndVenue dates an agreement from its own sentence, else from an
// earlier sentence of the paragraph, and finds the event it was signed at.
func (d *drafter) dateAndVenue(a *agreement, i int, c string) {
	s := &d.sents[i]
	upto := s.text
	if j := strings.Index(s.text, c); j >= 0 {
		upto = s.text[:j+len(c)]
	}
	date, written, inferred := s.dateBefore(len(upto), d.date)
	if date.IsZero() {
		for j := i - 1; j >= 0 && j >= i-maxLookBack && d.sents[j].para == s.para; j-- {
			if date, written, inferred = d.sents[j].dateBefore(len(d.sents[j].text), d.date); !date.IsZero() {
				a.ev = append(a.ev, evidence{s: &d.sents[j], inferred: true, note: "date “" + written + "” taken from an earlier sentence"})
				break
			}
		}
	}
	a.date = date
	if inferred {
		a.notes = append(a.notes, "year of “"+written+"” taken from the article's date")
	}
	if a.venue == "" {
		if m := firstWithin(s.text, s.found().venues, len(upto)); m != nil {
			v := strings.TrimPrefix(leadRE.ReplaceAllString(m[1], ""), "的")
			if v != "" && !strings.HasPrefix(v, "签约") && !strings.HasPrefix(v, "签字") {
				a.venue = v
			}
		}
	}
}

// addAgreement merges an agreement into one with the same parties and
// title.
func (d *drafter) addAgreement(a *agreement, i int) {
	a.para, a.sentenceIdx = d.sents[i].para, i
	k := agreementKey(a)
	if old, ok := d.agrIndex[k]; ok {
		for _, e := range a.ev {
			old.ev = addEvidence(old.ev, e)
		}
		return
	}
	if d.agrIndex == nil {
		d.agrIndex = map[string]*agreement{}
	}
	d.agrIndex[k] = a
	d.agrs = append(d.agrs, a)
	d.lastAgr = a
}

// agreementKey is the same for agreements with one title and one set of
// parties.
func agreementKey(a *agreement) string {
	keys := make([]string, len(a.parties))
	for i, p := range a.parties {
		keys[i] = p.key
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	return a.title + "\x00" + strings.Join(keys, "\x00")
}

// officialsOf adds the officials sentence i says witnessed or brokered the
// agreement drafted last in its paragraph.
func (d *drafter) officialsOf(i int) {
	s := &d.sents[i]
	last := d.lastAgr
	if last == nil || last.para != s.para {
		return
	}
	add := func(name, r string) bool {
		o, ok := d.ents["person:"+name]
		if !ok {
			return false
		}
		for _, x := range last.officials {
			if x.official == o {
				return true
			}
		}
		last.officials = append(last.officials, role{o, r})
		return true
	}
	if m := witnessRE.FindStringSubmatch(s.text); m != nil {
		any := false
		for _, n := range splitAny(m[1]) {
			any = add(strings.TrimSpace(n), "见证") || any
		}
		if any {
			last.ev = addEvidence(last.ev, evidence{s: s, inferred: last.sentenceIdx != i, note: "the signing witnessed is taken to be this one"})
		}
	}
	if m := brokerRE.FindStringSubmatchIndex(s.text); m != nil {
		name := nameBefore(s.text[:m[3]])
		if add(name, strings.Trim(s.text[m[4]:m[5]], "“”")) {
			last.ev = addEvidence(last.ev, evidence{s: s, inferred: true, note: "“这次合作” is taken to be this agreement"})
		}
	}
}

// venueMatches finds "[event]上" in s as FindAllStringSubmatchIndex of
// `([^,。;]*?(?:大会|…))上` would, in linear time: each match starts after
// the clause break before its event word, or after the match before it.
func venueMatches(s string) [][]int {
	var out [][]int
	prev := 0
	for _, m := range venueEndRE.FindAllStringIndex(s, -1) {
		start := prev
		if i := strings.LastIndexAny(s[prev:m[0]], ",。;"); i >= 0 {
			_, n := firstRune(s[prev+i:])
			start = prev + i + n
		}
		end := m[1] - len("上")
		out = append(out, []int{start, m[1], start, end})
		prev = m[1]
	}
	return out
}
