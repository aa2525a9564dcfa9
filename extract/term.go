package extract

import (
	"regexp"
	"strconv"

	"github.com/guazhi/guazhi/graph"
)

var (
	// startRE dates the start of a secondment: 2015年7月, 去年7月, 今年3月起.
	startRE = regexp.MustCompile(`(\d{4}年|去年|今年|前年)(\d{1,2})月(?:份)?(?:起|开始|以来|初|中旬|底|末)?`)
	// lengthRE is a secondment's length: 为期一年, 挂职时间1年, 挂职两年.
	lengthRE = regexp.MustCompile(`(?:为期|时间为?|期限为?|挂职|挂任)(一|1|两|二|2|三|3|半)年`)
)

var yearWords = map[string]int{"一": 12, "1": 12, "两": 24, "二": 24, "2": 24, "三": 36, "3": 36, "半": 6}

// term reads the start and the length of a secondment from its sentence:
// a year written as 去年 or 今年 is resolved against the article's date and
// marked inferred; with no article date it is left out.
func (d *drafter) term(sec *secondment, s *sentence) {
	f := s.found()
	if f.start == nil {
		f.start = startRE.FindStringSubmatch(s.text)
		f.length = lengthRE.FindStringSubmatch(s.text)
		if f.start == nil {
			f.start = []string{}
		}
	}
	m := f.start
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
	start, err := graph.ParseDate(strconv.Itoa(year) + "-" + pad2(strconv.Itoa(month)))
	if err != nil {
		return
	}
	sec.start = start
	note := ""
	if inferred {
		note = "start “" + m[0] + "” resolved against the article's date " + d.date.String()
	}
	if l := f.length; l != nil {
		months := year*12 + month - 1 + yearWords[l[1]] - 1
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
