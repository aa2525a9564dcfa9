package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/guazhi/guazhi/graph"
)

var (
	// startRE dates the start of a secondment: 2015年7月, 2015年7月24日,
	// 去年7月, 今年3月起.
	startRE = regexp.MustCompile(`(\d{4}年|去年|今年|前年)(\d{1,2})月(?:份|(\d{1,2})[日号])?(?:起|开始|以来|初|中旬|底|末)?`)
	// lengthRE is a secondment's length: 为期一年, 挂职时间1年, 挂职两年.
	lengthRE = regexp.MustCompile(`(?:为期|时间为?|期限为?|挂职|挂任)(一|1|两|二|2|三|3|半)年`)
)

var yearWords = map[string]int{"一": 12, "1": 12, "两": 24, "二": 24, "2": 24, "三": 36, "3": 36, "半": 6}

// term reads the start and the length of a secondment from its sentence:
// a year written as 去年 or 今年 is resolved against the article's date and
// marked inferred; with no article date it is left out.
func (d *drafter) term(sec *secondment, s *sentence) {
	if !s.termRead {
		s.termRead = true
		s.termStart = startRE.FindStringSubmatch(s.text)
		if s.termStart != nil {
			s.termLength = lengthRE.FindStringSubmatch(s.text)
		}
	}
	m := s.termStart
	if len(m) == 0 {
		return
	}
	month, _ := strconv.Atoi(m[2])
	year, inferred := 0, false
	switch m[1] {
	case "去年", "今年", "前年":
		if d.date.IsZero() {
			return
		}
		year, inferred = d.date.Year, true
		year -= map[string]int{"去年": 1, "今年": 0, "前年": 2}[m[1]]
	default:
		year, _ = strconv.Atoi(m[1][:4])
	}
	date := strconv.Itoa(year) + "-" + pad2(strconv.Itoa(month))
	if m[3] != "" {
		date += "-" + pad2(m[3])
	}
	start, err := graph.ParseDate(date)
	if err != nil {
		return
	}
	sec.start = start
	note := ""
	if inferred {
		note = "start “" + m[0] + "” resolved against the article's date " + d.date.String()
	}
	if l := s.termLength; l != nil {
		months := year*12 + month - 1 + yearWords[l[1]] // start plus the term: 2015-07 and a year end 2016-07
		if end, err := graph.ParseDate(strconv.Itoa(months/12) + "-" + pad2(strconv.Itoa(months%12+1))); err == nil {
			sec.end = end
			if note != "" {
				note += "; "
			}
			note += "end inferred from “" + l[0] + "”"
		}
	}
	sec.termNote = note
}

var (
	// roundRE dates a whole round of secondments: 7月底,京冀两地互相派出百名
	// 厅处干部挂职.
	roundRE = regexp.MustCompile(`(\d{4}年|去年|今年|前年)?(\d{1,2})月(?:初|上旬|中旬|下旬|底|末)?[,]?[^。;!?]{0,40}?(?:互派|互相派出|派出|选派)[^。;!?]{0,30}?挂职`)
	// roundLengthRE is the length of every secondment of a round:
	// 每批干部挂职时间1年.
	programmeRE   = regexp.MustCompile(`启动|开展|建立|机制`)
	roundDateRE   = regexp.MustCompile(`^(?:\d{4}年|去年|今年|前年)?\d{1,2}月(?:初|上旬|中旬|下旬|底|末)?`)
	roundLengthRE = regexp.MustCompile(`挂职(?:时间|期|期限)为?(一|1|两|二|2|三|3|半)年`)
)

// round is what the article says of the whole round of secondments.
type round struct {
	start, length []string
	startEv       *sentence
	lengthEv      *sentence
}

// roundOf notes a sentence that dates the round or gives its length.
func (d *drafter) roundOf(s *sentence) {
	if !strings.Contains(s.text, "挂职") {
		return
	}
	if d.round.start == nil {
		// The launch of a programme (启动…互派挂职工作) dates its first
		// round, not the one an article of later years reports.
		if m := roundRE.FindStringSubmatch(s.text); m != nil && !programmeRE.MatchString(m[0]) {
			d.round.start, d.round.startEv = m, s
		}
	}
	if d.round.length == nil {
		if m := roundLengthRE.FindStringSubmatch(s.text); m != nil {
			d.round.length, d.round.lengthEv = m, s
		}
	}
}

// applyRound gives the secondments whose own sentences do not date them
// the round's start and length, marked inferred with the sentence that
// says so.
func (d *drafter) applyRound() {
	for _, sec := range d.secs {
		if sec.start.IsZero() && d.round.start != nil {
			m := d.round.start
			start, how := d.roundStart(m)
			if start.IsZero() {
				continue
			}
			sec.start = start
			sec.ev = addEvidence(sec.ev, evidence{s: d.round.startEv, inferred: true,
				note: "start: the article dates the whole round to “" + roundDateRE.FindString(m[0]) + "”" + how})
			sec.termNote = ""
		}
		if sec.end.IsZero() && !sec.start.IsZero() && d.round.length != nil {
			l := d.round.length
			months := sec.start.Year*12 + sec.start.Month - 1 + yearWords[l[1]]
			if end, err := graph.ParseDate(strconv.Itoa(months/12) + "-" + pad2(strconv.Itoa(months%12+1))); err == nil {
				sec.end = end
				sec.ev = addEvidence(sec.ev, evidence{s: d.round.lengthEv, inferred: true,
					note: "end: the article gives every secondment of the round “" + l[0] + "”"})
			}
		}
	}
}

// roundStart resolves the round's month against the article's date.
func (d *drafter) roundStart(m []string) (graph.Date, string) {
	month, _ := strconv.Atoi(m[2])
	year, how := 0, ""
	switch m[1] {
	case "":
		if d.date.IsZero() {
			return graph.Date{}, ""
		}
		year, how = d.date.Year, "; year from the article's date"
		if d.date.Month != 0 && month > d.date.Month {
			year--
		}
	case "去年", "今年", "前年":
		if d.date.IsZero() {
			return graph.Date{}, ""
		}
		year = d.date.Year - map[string]int{"去年": 1, "今年": 0, "前年": 2}[m[1]]
		how = "; resolved against the article's date"
	default:
		year, _ = strconv.Atoi(m[1][:4])
	}
	date, err := graph.ParseDate(strconv.Itoa(year) + "-" + pad2(strconv.Itoa(month)))
	if err != nil {
		return graph.Date{}, ""
	}
	return date, how
}
