package extract

import (
	"regexp"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

// link is a relation other than a secondment or an agreement.
type link struct {
	kind     string
	from, to *entity
	title    string
	venue    string
	date     graph.Date
	notes    []string
	ev       []evidence
	standing standing
}

var (
	// visitRE is "X(代表团)到Y(进行了)考察".
	visitRE = regexp.MustCompile(`([^,,。;;]{2,40}?)(?:到|赴|来到)([^,,。;;到赴]{2,20}?)(?:进行了?|开展了?)?(?:考察|调研|参观|访问)`)
	// delegationRE names a place's delegation: 博野县招商团 is 博野县.
	delegationRE = regexp.MustCompile(`(?:招商团|考察团|代表团|代表队)$`)
	// matchRE is "通过X牵线搭桥".
	visitWords = regexp.MustCompile(`考察|调研|参观|访问`)
	matchRE    = regexp.MustCompile(`通过([^,,。;;]{2,20}?)(?:牵线搭桥|牵线|搭桥)`)
	// matchmakerRE is "在X的牵线搭桥下": X brokered what the sentence signs.
	matchmakerRE = regexp.MustCompile(`在([^,,。;;的]{2,30})的(?:牵线搭桥|牵线|搭桥|撮合)下`)
	leadVerbs    = regexp.MustCompile(`^.*(?:带领|率领|率|组织|陪同)`)
)

// links finds visits and matchmaking in sentence i.
func (d *drafter) links(i int) {
	d.brokered(i)
	s := &d.sents[i]
	for _, c := range clauses(s.text) {
		if !visitWords.MatchString(c) {
			continue
		}
		m := visitRE.FindStringSubmatch(c)
		if m == nil {
			continue
		}
		from := d.visitor(m[1])
		to := d.entityIf(cleanParty(m[2]))
		if from == nil || to == nil || from == to {
			continue
		}
		d.addLink(&link{kind: "visit", from: from, to: to, title: leadVerbs.ReplaceAllString(strings.TrimPrefix(m[0], "并"), ""), ev: []evidence{{s: s}}}, i, c)
	}
	// "A、B等机构的代表来到P洽谈": each came to P.
	if pm := cameToRE.FindStringSubmatch(s.text); pm != nil {
		if _, _, ok := parsePlace(pm[1]); ok {
			p := d.entity(pm[1])
			for _, c := range clauses(s.text) {
				lm := listRE.FindStringSubmatch(c)
				if lm == nil || !strings.Contains(c, pm[0]) {
					continue
				}
				for _, e := range d.partyListLoose(lm[1]) {
					l := &link{kind: "visit", from: e, to: p, title: pm[0], ev: []evidence{{s: s}}}
					d.projectNote(l, s.text)
					d.addLink(l, i, c)
				}
			}
			if mm := matchRE.FindStringSubmatch(s.text); mm != nil {
				if e := d.entityIf(mm[1]); e != nil && e != p {
					l := &link{kind: "matchmaking", from: e, to: p, title: mm[0], ev: []evidence{{s: s}}}
					d.projectNote(l, s.text)
					d.addLink(l, i, mm[0])
				}
			}
		}
	}
}

// brokered drafts "在X的牵线搭桥下，A与B签署了…" as X's matchmaking of each
// party of the agreements sentence i states.
func (d *drafter) brokered(i int) {
	s := &d.sents[i]
	m := matchmakerRE.FindStringSubmatch(s.text)
	if m == nil {
		return
	}
	broker := d.entityIf(m[1])
	if broker == nil {
		return
	}
	for _, a := range d.agrs {
		if !hasSentence(a.ev, s) {
			continue
		}
		for _, p := range a.parties {
			if p != broker {
				d.addLink(&link{kind: "matchmaking", from: broker, to: p, title: m[0], ev: []evidence{{s: s}}}, i, m[0])
			}
		}
	}
}

// projectNote records "18个项目成功签约…总投资8.5亿美元" on a link: the
// signings' parties are not named, so they are no agreement.
func (d *drafter) projectNote(l *link, text string) {
	if q := quotedRE.FindStringSubmatch(text); q != nil {
		l.venue = q[1]
	}
	if m := projectsRE.FindString(text); m != "" {
		note := m
		if v := amountIn(text); v != "" {
			note += ", " + v
		}
		l.notes = append(l.notes, note+" (the signatories are not named)")
	}
}

// visitor reads the subject of a visit: a delegation of a place is the
// place, any other named delegation or body is itself.
func (d *drafter) visitor(s string) *entity {
	s = leadVerbs.ReplaceAllString(s, "")
	s = cleanParty(strings.TrimPrefix(s, "并"))
	if i := strings.LastIndexAny(s, ",,、"); i >= 0 {
		s = s[i+1:]
	}
	if head := delegationRE.ReplaceAllString(s, ""); head != s {
		if _, _, ok := parsePlace(head); ok {
			return d.entity(head)
		}
	}
	plain := strings.NewReplacer("“", "", "”", "").Replace(s)
	if _, ok := d.recognise(plain); !ok {
		return nil
	}
	e := d.entity(plain)
	if plain != s {
		e.addForm(s)
	}
	return e
}

func (d *drafter) addLink(l *link, i int, c string) {
	a := &agreement{}
	d.dateAndVenue(a, i, c)
	l.date = a.date
	l.notes = append(l.notes, a.notes...)
	l.ev = append(l.ev, a.ev...)
	if l.venue == "" {
		l.venue = a.venue
	}
	k := linkKey{l.kind, l.from, l.to}
	if d.lnkIndex[k] {
		return
	}
	if d.lnkIndex == nil {
		d.lnkIndex = map[linkKey]bool{}
	}
	d.lnkIndex[k] = true
	d.lnks = append(d.lnks, l)
}

type linkKey struct {
	kind     string
	from, to *entity
}
