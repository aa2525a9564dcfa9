package extract

import (
	"regexp"
	"strings"
)

// secondTriggers introduce the host body and post of a secondment.
var secondTriggers = []string{"挂职担任", "挂职任", "挂任", "挂职"}

// stops end the host's body-and-post phrase.
const stops = ",,。;;::!?!?()()“”\"《》 \t的一期"

// hostAt reads "[body][post]" at the start of s, stopping at the post.
// It returns the body and post and the length of s they take.
func hostAt(s string) (body, post string, n int) {
	end := len(s)
	if i := strings.IndexAny(s, stops); i >= 0 {
		end = i
	}
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

// homeAndName reads "[body][post][name]" at the start of s; body and post
// are empty when s starts with the name.
func homeAndName(s string) (body, post, name string) {
	for i := 0; i < len(s); {
		if strings.ContainsRune(stops, rune(s[i])) && s[i] < 0x80 {
			break
		}
		r, size := firstRune(s[i:])
		if strings.ContainsRune(",,。;;", r) {
			break
		}
		if p := postAt(s, i); p != "" && i > 0 {
			j := i + len(p)
			if n := nameAt(s[j:]); n != "" {
				if b, pp, ok := splitBodyPost(s[:j]); ok {
					return b, pp, n
				}
			}
		}
		i += size
	}
	return "", "", nameAt(s)
}

// leftFillers are words between an official's name and the verb.
var leftFillers = regexp.MustCompile(`(?:将|拟|已经|已|正式|近日|日前|目前|此前|曾|也|还|被|获|于\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?)$`)

// subject reads "[body][post][name]" or "[name]" at the end of the clause
// before a verb.
func subject(left string) (body, post, name string) {
	if i := strings.LastIndexAny(left, ",,。;;::“”"); i >= 0 {
		_, size := firstRune(left[i:])
		left = left[i+size:]
	}
	for {
		t := leftFillers.ReplaceAllString(left, "")
		if t == left {
			break
		}
		left = t
	}
	name = nameBefore(left)
	if name == "" {
		return "", "", ""
	}
	head := strings.TrimSuffix(left, name)
	if head == "" {
		return "", "", name
	}
	if b, p, ok := splitBodyPost(head); ok {
		return b, p, name
	}
	return "", "", name
}

var (
	// hintRE finds where a seconded official says he came from.
	hintRE = regexp.MustCompile(`(?:原来|原先|之前|此前|以前)(?:在|是|于)([^,,。;;“”]{2,20}?)(?:上班|工作|任职)`)
	// atPlaceRE is "赴/到/在 X 挂职": the host without the post.
	atPlaceRE = regexp.MustCompile(`(赴|到|在)([^,,。;;“”在到赴]{2,20}?)挂职`)
)

// secondments finds the secondments sentence i reports.
func (d *drafter) secondments(i int) {
	s := &d.sents[i]
	text := s.text
	for pos := 0; pos < len(text); {
		trig, at := "", -1
		for _, t := range secondTriggers {
			if j := strings.Index(text[pos:], t); j >= 0 && (at < 0 || pos+j < at || (pos+j == at && len(t) > len(trig))) {
				trig, at = t, pos+j
			}
		}
		if at < 0 {
			break
		}
		pos = at + len(trig)
		hbody, hpost, n := hostAt(text[pos:])
		var to *entity
		if hbody != "" {
			to = d.entityIf(hbody)
		}
		if to == nil {
			continue
		}
		var fbody, fpost, name string
		if rest := text[pos+n:]; strings.HasPrefix(rest, "的") {
			fbody, fpost, name = homeAndName(strings.TrimPrefix(rest, "的"))
		}
		if name == "" {
			fbody, fpost, name = subject(text[:at])
		}
		if name == "" {
			continue
		}
		pos += n
		sec := &secondment{to: place2{to, hpost}, ev: []evidence{{s: s}}}
		var from *entity
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
		d.addSecondment(sec)
	}
	// "赴保定市挂职" with a named subject.
	for _, m := range atPlaceRE.FindAllStringSubmatchIndex(text, -1) {
		host := d.entityIf(text[m[4]:m[5]])
		if host == nil {
			continue
		}
		fbody, fpost, name := subject(text[:m[0]])
		if name == "" {
			// "我…现在在河北工信厅挂职": a form of a host already known.
			continue
		}
		sec := &secondment{to: place2{host, ""}, ev: []evidence{{s: s}}}
		if b := d.homeBody(fbody); b != nil {
			sec.from = place2{b, fpost}
		}
		sec.official = d.official(name, sec.from.body)
		d.addSecondment(sec)
	}
}

// entityIf registers a body only if its name reads as one.
func (d *drafter) entityIf(s string) *entity {
	if _, ok := recognise(strings.Trim(s, "“”\"《》 ")); !ok {
		return nil
	}
	return d.entity(s)
}

// homeBody registers a home body, dropping words before its name that are
// no part of it ("记者了解到北京市商务委").
func (d *drafter) homeBody(s string) *entity {
	r := []rune(s)
	for i := 0; i+2 <= len(r); i++ {
		if ref, ok := recognise(string(r[i:])); ok && (strings.HasPrefix(ref.key, "place:") || strings.HasPrefix(ref.key, "dept:")) {
			return d.entity(string(r[i:]))
		}
	}
	return d.entityIf(s)
}

// inferHome looks, in the sentence and the rest of its paragraph, for the
// official's own words about where he worked before.
func (d *drafter) inferHome(i int, sec *secondment) {
	for j := i; j < len(d.sents) && d.sents[j].para == d.sents[i].para; j++ {
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
			if ref, ok := recognise(a[2]); ok && ref.key == sec.to.body.key {
				sec.to.body.addForm(a[2])
			}
		}
		return
	}
}

// addSecondment merges a secondment into one already drafted for the same
// official and host.
func (d *drafter) addSecondment(sec *secondment) {
	for _, old := range d.secs {
		if old.official == sec.official && old.to.body == sec.to.body {
			if old.from.body == nil {
				old.from = sec.from
			}
			if old.to.post == "" {
				old.to.post = sec.to.post
			}
			for _, e := range sec.ev {
				if !hasSentence(old.ev, e.s) {
					old.ev = append(old.ev, e)
				}
			}
			return
		}
	}
	d.secs = append(d.secs, sec)
}

func hasSentence(list []evidence, s *sentence) bool {
	for _, e := range list {
		if e.s == s {
			return true
		}
	}
	return false
}
