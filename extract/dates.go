package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// Dates are read once the secondments are: each secondment's start and end
// come from its own sentence, else from a sentence nearby that speaks of
// its official (他, 她, the name) arriving, else from what the article says
// of the whole batch (7月7日，第十批援藏干部抵达…; 援藏期限为三年).

// A when is a date or a length that a sentence gives.
type when struct {
	at, end  int        // where it is in the sentence's text, in bytes
	date     graph.Date // a date; zero for a length
	until    graph.Date // the end of a range: 自2019年9月至2021年9月
	months   int        // a length: 为期两年 is 24
	arrives  bool       // an arrival or a start follows the date: 今年3月，他来到…
	noYear   bool       // a month without its year: 7月7日
	text     string
	relative string // how the date was resolved against the article's date, if it was
}

// whens returns the dates and lengths of a sentence, in order.
func (d *drafter) whens(s *sentence) []when {
	if s.whensRead {
		return s.whenList
	}
	s.whensRead = true
	t := s.text
	for i := 0; i < len(t); {
		if w, ok := d.dateAt(t, i); ok {
			s.whenList = append(s.whenList, w)
			i = w.end
			continue
		}
		if w, ok := lengthAt(t, i); ok {
			s.whenList = append(s.whenList, w)
			i = w.end
			continue
		}
		_, n := utf8.DecodeRuneInString(t[i:])
		i += n
	}
	return s.whenList
}

// relativeYears are the words that date by the article's year.
var relativeYears = map[string]int{"今年": 0, "去年": 1, "前年": 2}

// dateAt reads a date at byte i of t: 2021年8月, 2021年8月2日, 2019年, 今年3月,
// 去年, 7月7日, 两年前; with a range's end after it (至2021年9月).
func (d *drafter) dateAt(t string, i int) (when, bool) {
	w, ok := d.oneDate(t, i)
	if !ok {
		return w, false
	}
	rest := t[w.end:]
	for _, sep := range []string{"至", "到", "—", "-", "~", "～"} {
		if strings.HasPrefix(rest, sep) {
			if u, ok := d.oneDate(t, w.end+len(sep)); ok && u.relative == "" && u.date.Year >= w.date.Year {
				w.until, w.end = u.date, u.end
			}
			break
		}
	}
	w.text = t[i:w.end]
	if strings.HasPrefix(t[w.end:], "生") || strings.HasPrefix(t[w.end:], "出生") {
		return when{}, false // a birth month in a 公示: 1988年3月生
	}
	w.arrives = arrivalAfter(t[w.end:])
	return w, true
}

// spanDate reads a date span of the tagger (2019年, 2020年8月, 今年2月) as
// dateAt does, without taking its year as the text's last.
func (d *drafter) spanDate(s string) graph.Date {
	last := d.lastYear
	w, _ := d.oneDate(s, 0)
	d.lastYear = last
	return w.date
}

// oneDate reads one date at byte i of t.
func (d *drafter) oneDate(t string, i int) (when, bool) {
	w := when{at: i}
	s := t[i:]
	year, month, day, n := 0, 0, 0, 0
	digits := func(s string) int {
		k := 0
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		return k
	}
	if i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
		return w, false // inside a number
	}
	switch k := digits(s); {
	case k == 4 && strings.HasPrefix(s[k:], "年"):
		year, _ = strconv.Atoi(s[:k])
		n = k + len("年")
	case k >= 1 && k <= 2 && strings.HasPrefix(s[k:], "月"):
		if d.date.IsZero() {
			return w, false
		}
		year = d.date.Year
		if m, _ := strconv.Atoi(s[:k]); d.date.Month != 0 && m > d.date.Month {
			year--
		}
		w.relative, w.noYear = "year from the article's date", true
	case strings.HasPrefix(s, "那年") || strings.HasPrefix(s, "当年") || strings.HasPrefix(s, "同年"):
		if d.lastYear == 0 {
			return w, false
		}
		year, n = d.lastYear, len("那年")
		w.relative = "“" + s[:n] + "” is " + strconv.Itoa(year) + ", the year the text gave before"
	default:
		for word, back := range relativeYears {
			if strings.HasPrefix(s, word) {
				if d.date.IsZero() {
					return w, false
				}
				year, n = d.date.Year-back, len(word)
				w.relative = "“" + word + "” resolved against the article's date " + d.date.String()
			}
		}
		if n == 0 {
			if c, k := countAt(s); k > 0 && c > 0 && c < 30 && strings.HasPrefix(s[k:], "年前") && !d.date.IsZero() {
				year, n = d.date.Year-c, k+len("年前")
				w.relative = "“" + s[:n] + "” resolved against the article's date " + d.date.String()
				break
			}
			return w, false
		}
	}
	if k := digits(s[n:]); k >= 1 && k <= 2 && strings.HasPrefix(s[n+k:], "月") {
		month, _ = strconv.Atoi(s[n : n+k])
		n += k + len("月")
		if strings.HasPrefix(s[n:], "份") {
			n += len("份")
		}
		if k := digits(s[n:]); k >= 1 && k <= 2 && (strings.HasPrefix(s[n+k:], "日") || strings.HasPrefix(s[n+k:], "号")) {
			day, _ = strconv.Atoi(s[n : n+k])
			n += k + len("日")
		}
	}
	if n == 0 || year < 1900 || year > 2200 {
		return w, false
	}
	date := strconv.Itoa(year)
	if month > 0 {
		date += "-" + pad2(strconv.Itoa(month))
		if day > 0 {
			date += "-" + pad2(strconv.Itoa(day))
		}
	}
	var err error
	if w.date, err = graph.ParseDate(date); err != nil {
		return w, false
	}
	w.end = i + n
	if w.relative == "" {
		d.lastYear = year
	}
	return w, true
}

// arrivalWords, after a date, make it the date of an arrival or a start:
// 今年3月，蔡明辉从晋江来到吉木萨尔; 2021年8月起; 去年7月到莎车以来.
var arrivalWords = []string{"来到", "到达", "抵达", "赴", "进藏", "进疆", "入藏", "入疆", "进青", "报到", "到任", "到岗", "挂职", "挂任", "起", "以来", "开始", "派往", "选派", "被派", "踏上", "到了", "来了"}

// arrivalAfter reports whether what follows a date, in its sentence, says
// that something began: an arrival word within the next clause or two, or
// 到 right after the date.
func arrivalAfter(rest string) bool {
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "初"), "底")
	for _, w := range []string{"到现在", "到今", "至今", "到目前"} {
		if strings.HasPrefix(rest, w) {
			return false // 从8月到现在: a time since then, not an arrival
		}
	}
	if strings.HasPrefix(rest, "到") || strings.HasPrefix(rest, "，到") {
		return true
	}
	if cut := strings.IndexAny(rest, "。；;"); cut >= 0 {
		rest = rest[:cut]
	}
	if len(rest) > 90 {
		rest = rest[:90]
	}
	for _, w := range arrivalWords {
		if k := strings.Index(rest, w); k >= 0 && !strings.HasSuffix(rest[:k], "回") && !strings.HasSuffix(rest[:k], "返") {
			return true
		}
	}
	return false
}

// lengthTriggers stand before a secondment's length: 为期两年, 挂职时间为一年,
// 援藏三年, 期限为三年.
var lengthTriggers = []string{"为期", "挂职期为", "挂职期", "期限为", "期限", "时间为", "时间", "挂职", "挂任", "援藏", "援疆", "援青", "援彝", "任期为", "任期", "服务期为", "服务期", "支教"}

// lengthAt reads a length at byte i of t.
func lengthAt(t string, i int) (when, bool) {
	s := t[i:]
	for _, tr := range lengthTriggers {
		if !strings.HasPrefix(s, tr) {
			continue
		}
		c, k := countAt(s[len(tr):])
		n := len(tr) + k
		months := 0
		switch {
		case k == 0 && strings.HasPrefix(s[len(tr):], "半年"):
			months, n = 6, len(tr)+len("半年")
		case k > 0 && strings.HasPrefix(s[n:], "年半"):
			months, n = 12*c+6, n+len("年半")
		case k > 0 && strings.HasPrefix(s[n:], "年") && !strings.HasPrefix(s[n:], "年前") && !strings.HasPrefix(s[n:], "年后") && !strings.HasPrefix(s[n:], "年多"):
			months, n = 12*c, n+len("年")
		case k > 0 && strings.HasPrefix(s[n:], "个月"):
			months, n = c, n+len("个月")
		}
		if months > 0 && months <= 120 {
			return when{at: i, end: i + n, months: months, text: s[:n]}, true
		}
	}
	return when{}, false
}

// countAt reads a small count at the start of s, in digits or characters:
// 3, 三, 两, 十二; it returns the count and its length in bytes.
func countAt(s string) (int, int) {
	k := 0
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k > 0 {
		c, _ := strconv.Atoi(s[:k])
		return c, k
	}
	digits := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	c, n := 0, 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if v, ok := digits[r]; ok && c%10 == 0 {
			c += v
		} else if r == '十' && c < 10 {
			c = max(c, 1) * 10
		} else {
			break
		}
		n += size
	}
	return c, n
}

// toMonth is d to the month.
func toMonth(d graph.Date) graph.Date {
	out, err := graph.ParseDate(strconv.Itoa(d.Year) + "-" + pad2(strconv.Itoa(d.Month)))
	if err != nil {
		return d
	}
	return out
}

// plusMonths is the date months after d, to the month.
func plusMonths(d graph.Date, months int) graph.Date {
	m := d.Year*12 + d.Month - 1 + months
	out, err := graph.ParseDate(strconv.Itoa(m/12) + "-" + pad2(strconv.Itoa(m%12+1)))
	if err != nil {
		return graph.Date{}
	}
	return out
}

// batchWords say that a sentence speaks of a batch of cadres, not of one.
var batchWords = []string{"批", "干部人才", "工作队", "挂职干部", "援藏干部", "援疆干部", "援青干部", "互派", "互相派出", "百名", "干部", "两人", "三人", "四人", "二人", "一行", "他们", "她们", "队员", "每批", "均", "名干部"}

// termWords introduce a secondment's dates: 挂职时间:2024年1月至2025年12月.
var termWords = []string{"挂职时间", "挂职期限", "挂职期", "援藏时间", "援疆时间"}

// groupWords speak of the officials just named together.
var groupWords = []string{"两人", "三人", "四人", "二人", "他们", "她们", "两位", "三位", "几位"}

// programmeWords mark the launch of a programme, whose date is that of its
// first round, not of the one an article of later years reports.
var programmeWords = []string{"启动", "开展", "建立", "机制"}

// batch is what the article says of every secondment it reports: the
// first sentence naming no one that dates an arrival of cadres, and the
// first that gives a length.
type batch struct {
	start, length     *when
	startEv, lengthEv *sentence
}

func (d *drafter) batch() batch {
	var b batch
	for i := range d.sents {
		s := &d.sents[i]
		if d.namesSomeone(i) {
			continue
		}
		ws := d.whens(s)
		for k := range ws {
			w := &ws[k]
			switch {
			case w.months > 0 && b.length == nil:
				b.length, b.lengthEv = w, s
			case w.months == 0 && b.start == nil && !w.until.IsZero() && hasAny(s.text[:w.at], termWords):
				b.start, b.startEv = w, s // 挂职时间:2024年1月至2025年12月
			case w.months == 0 && b.start == nil && w.date.Month > 0 && w.arrives && (hasAny(s.text, batchWords) || strings.HasPrefix(s.text[w.end:], "起")) && !hasAny(s.text, programmeWords):
				b.start, b.startEv = w, s
			}
		}
	}
	return b
}

// namesSomeone reports whether sentence i names a person.
func (d *drafter) namesSomeone(i int) bool {
	for _, sp := range d.rd.spans[i] {
		if sp.kind == tName {
			return true
		}
	}
	return false
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// dateAll dates every secondment.
func (d *drafter) dateAll() {
	for i := range d.sents { // in order: 那年 is the year a sentence before gave
		d.whens(&d.sents[i])
	}
	b := d.batch()
	for _, sec := range d.secs {
		d.date1(sec, b)
	}
}

// date1 dates one secondment: from its own sentences, then from the
// sentences nearby that speak of its official, then from the batch.
func (d *drafter) date1(sec *secondment, b batch) {
	var own []*sentence
	for _, e := range sec.ev {
		own = append(own, e.s)
	}
	var notes []string
	setStart := func(w *when) {
		sec.start = w.date
		if !w.until.IsZero() && sec.end.IsZero() {
			sec.end = w.until
		}
	}
	if sec.start.IsZero() {
		for _, s := range own {
			if w := firstDate(d.whens(s)); w != nil && !w.noYear {
				setStart(w)
				if w.relative != "" {
					notes = append(notes, "start "+w.relative)
				}
				break
			}
		}
	}
	if sec.end.IsZero() && !sec.start.IsZero() {
		for _, s := range own {
			if w := firstLength(d.whens(s)); w != nil {
				sec.end = plusMonths(sec.start, w.months)
				notes = append(notes, "end inferred from “"+w.text+"”")
				break
			}
		}
	}
	if len(notes) > 0 && sec.termNote == "" {
		sec.termNote = strings.Join(notes, "; ")
	}
	// The sentences nearby that speak of the official: the next three and
	// the one before.
	if len(own) > 0 && (sec.start.IsZero() || sec.end.IsZero()) {
		i := own[0].idx
		for _, j := range []int{i + 1, i + 2, i + 3, i - 1} {
			if j < 0 || j >= len(d.sents) || hasSentence(sec.ev, &d.sents[j]) || !d.speaksOf(i, j, sec) {
				continue
			}
			s := &d.sents[j]
			if sec.start.IsZero() {
				if w := firstDate(d.whens(s)); w != nil && w.arrives {
					setStart(w)
					sec.ev = addEvidence(sec.ev, evidence{s: s, inferred: true, note: "start: this sentence dates " + sec.official.name + "'s arrival" + how(w)})
					continue
				}
			}
			if sec.end.IsZero() && !sec.start.IsZero() {
				if w := firstLength(d.whens(s)); w != nil {
					sec.end = plusMonths(sec.start, w.months)
					sec.ev = addEvidence(sec.ev, evidence{s: s, inferred: true, note: "end: this sentence gives " + sec.official.name + " “" + w.text + "”"})
				}
			}
		}
	}
	if sec.start.IsZero() && b.start != nil {
		sec.start = toMonth(b.start.date)
		if sec.end.IsZero() && !b.start.until.IsZero() {
			sec.end = b.start.until
		}
		sec.ev = addEvidence(sec.ev, evidence{s: b.startEv, inferred: true, note: "start: the article dates the batch “" + b.start.text + "”" + how(b.start)})
		sec.termNote = ""
	}
	if sec.end.IsZero() && !sec.start.IsZero() && sec.start.Month > 0 && b.length != nil {
		sec.end = plusMonths(sec.start, b.length.months)
		sec.ev = addEvidence(sec.ev, evidence{s: b.lengthEv, inferred: true, note: "end: the article gives the batch “" + b.length.text + "”"})
	}
}

func how(w *when) string {
	if w.relative == "" {
		return ""
	}
	return "; " + w.relative
}

// speaksOf reports whether sentence j, near sentence i of the
// secondment, speaks of its official: it names him, or it speaks of 他, 她
// or 这位 and neither it nor a sentence between names anyone else.
func (d *drafter) speaksOf(i, j int, sec *secondment) bool {
	if strings.Contains(d.sents[j].text, sec.official.name) {
		return true
	}
	if hasAny(d.sents[j].text, groupWords) && !d.namesSomeone(j) {
		return true // 两人于今年7月到岗: the officials just named
	}
	pronoun := strings.Contains(d.sents[j].text, "这位")
	for _, sp := range d.rd.spans[j] {
		pronoun = pronoun || sp.kind == tPronoun
	}
	if !pronoun {
		return false
	}
	for k := min(i, j); k <= max(i, j); k++ {
		for _, sp := range d.rd.spans[k] {
			if sp.kind == tName && sp.text != sec.official.name {
				return false
			}
		}
	}
	return true
}

func firstDate(ws []when) *when {
	for k := range ws {
		if ws[k].months == 0 {
			return &ws[k]
		}
	}
	return nil
}

func firstLength(ws []when) *when {
	for k := range ws {
		if ws[k].months > 0 {
			return &ws[k]
		}
	}
	return nil
}
