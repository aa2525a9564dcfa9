package extract

import "strings"

// What the patterns read (read.go) is drafted here: a secondment said twice
// is one, with the evidence of both.

// titles are words that stand before a person's name: 挂职干部王立新.
var titles = []string{"干部", "同志", "官员", "挂职干部", "代表", "负责人"}

func titleBefore(s string) bool { return hasAnySuffix(s, titles) }

// addSecondment merges a secondment into one already drafted for the same
// official and host.
func (d *drafter) addSecondment(sec *secondment) {
	if sec.from.body == sec.to.body {
		return // a misreading: no one is seconded from a body to itself
	}
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
