package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// sentence is a sentence of the article's body text.
type sentence struct {
	text   string // as matched: simplified characters, ASCII digits
	orig   string // verbatim from the article, as quoted
	start  int    // byte offset of text in the matched copy of the article
	offset int    // character (rune) offset in the article
	para   int    // paragraph number
	idx    int    // index among the article's sentences
	cont   bool   // it continues the sentence before, cut by a line break

	matches   *found
	whensRead bool   // its dates and lengths have been read
	whenList  []when // its dates and lengths (dates.go)
}

// chromeMarks betray page furniture wherever they appear in a line.
var chromeMarks = []string{"ICP备", "公网安备", "许可证", "©", "版权所有", "未经授权", "不得转载", "报料:", "报料:",
	"下载客户端", "扫码", "责任编辑", "Copyright", "copyright"}

// isChrome reports whether a line is navigation, a byline, a footer or a
// licence line rather than article text.
func isChrome(line string) bool {
	for _, m := range chromeMarks {
		if strings.Contains(line, m) {
			return true
		}
	}
	if (strings.HasPrefix(line, "【") && strings.HasSuffix(line, "】")) ||
		(strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]")) {
		return true
	}
	// Headings, bylines, dates and buttons: short lines that end no sentence.
	if utf8.RuneCountInString(line) < 30 && !strings.ContainsAny(line, "。!?!?") {
		return true
	}
	return false
}

const sentenceEnds = "。!?!?;;"
const closers = "”’」』)》"

// maxSentence bounds a sentence's length in bytes: a longer run of text
// without a sentence end is cut at a clause break (or, failing one, at a
// character), so that no pattern ever reads more than a bounded window.
const maxSentence = 900

// sentences splits the article's body text into sentences, skipping chrome.
// text is the matched copy of orig, rune for rune.
func sentences(text, orig string) []sentence {
	var out []sentence
	para := 0
	lineAt := func(start int) (line string, end int) {
		end = strings.IndexByte(text[start:], '\n')
		if end < 0 {
			return text[start:], len(text)
		}
		return text[start : start+end], start + end
	}
	headline := true
	for lineStart := 0; lineStart < len(text); {
		line, lineEnd := lineAt(lineStart)
		// A line that stops inside a sentence (山东省济南市历下区副区长张⏎永强挂任…)
		// goes on in the next: the lines are one paragraph, and the first
		// sentence of each line after the first continues the one before.
		group := [][2]int{{lineStart, lineEnd}}
		for !headline && lineEnd < len(text) {
			next, nextEnd := lineAt(lineEnd + 1)
			if !continues(text[group[len(group)-1][0]:lineEnd], next) {
				break
			}
			group = append(group, [2]int{lineEnd + 1, nextEnd})
			lineEnd = nextEnd
		}
		joined := strings.TrimSpace(strings.ReplaceAll(text[lineStart:lineEnd], "\n", ""))
		if joined != "" {
			headline = false
		}
		if joined != "" && !isChrome(joined) {
			para++
			for k, g := range group {
				line = text[g[0]:g[1]]
				trimmed := strings.TrimSpace(line)
				if trimmed == "" {
					continue
				}
				lead := strings.Index(line, trimmed)
				ss := splitSentences(trimmed, g[0]+lead, para)
				if k > 0 && len(ss) > 0 {
					ss[0].cont = true
				}
				out = append(out, ss...)
			}
		}
		lineStart = lineEnd + 1
	}
	// Offsets and verbatim text, walking both copies once.
	same := text == orig
	tpos, opos, runes := 0, 0, 0
	for i := range out {
		s := &out[i]
		for tpos < s.start {
			_, n := utf8.DecodeRuneInString(text[tpos:])
			_, m := utf8.DecodeRuneInString(orig[opos:])
			tpos, opos, runes = tpos+n, opos+m, runes+1
		}
		s.offset, s.idx = runes, i
		if same {
			s.orig = s.text
			continue
		}
		from := opos
		for k := 0; k < len(s.text); {
			_, n := utf8.DecodeRuneInString(s.text[k:])
			_, m := utf8.DecodeRuneInString(orig[opos:])
			k, tpos, opos, runes = k+n, tpos+n, opos+m, runes+1
		}
		s.orig = orig[from:opos]
	}
	return out
}

func splitSentences(s string, base, para int) []sentence {
	var out []sentence
	start := 0
	emit := func(end int) {
		t := s[start:end]
		trimmed := strings.TrimSpace(t)
		if trimmed != "" {
			out = append(out, sentence{text: trimmed, start: base + start + strings.Index(t, trimmed), para: para})
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsControl(r) && r != '\t' {
			// No quote can carry a control character: it ends a sentence
			// and belongs to none.
			emit(i - size)
			start = i
			continue
		}
		if strings.ContainsRune(sentenceEnds, r) {
			for i < len(s) {
				c, n := utf8.DecodeRuneInString(s[i:])
				if !strings.ContainsRune(closers, c) {
					break
				}
				i += n
			}
			emit(i)
		} else if i-start >= maxSentence {
			emit(cutAt(s, start, i))
		}
	}
	emit(len(s))
	return out
}

// cutAt is where an over-long sentence from start to end is cut: after the
// last clause break in its second half, else at end.
func cutAt(s string, start, end int) int {
	half := start + (end-start)/2
	if j := strings.LastIndexAny(s[half:end], ",,、"); j >= 0 {
		_, n := utf8.DecodeRuneInString(s[half+j:])
		return half + j + n
	}
	return end
}

// clauses splits a sentence at commas, colons and semicolons.
func clauses(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",,::;;。!?!?", r) })
}

var (
	isoDateRE = regexp.MustCompile(`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`)
	cnDateRE  = regexp.MustCompile(`(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?(上旬|中旬|下旬|初|底|末)?`)
	yearRE    = regexp.MustCompile(`(\d{4})年`)
)

// headerLines bounds how many lines from the top are read for the
// article's date, and maxHeaderLine how long such a line may be.
const (
	headerLines   = 40
	maxHeaderLine = 300
)

// datelineRE is a news agency's dateline at the start of the body:
// 新华社石家庄1月6日电, 本报北京2017年1月6日讯.
var datelineRE = regexp.MustCompile(`^[^,,。]{0,24}?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:电|讯)`)

// nameDateRE is a date in a file's name: 2015-11-17, 20151117.
var nameDateRE = regexp.MustCompile(`(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})`)

// articleDate finds the article's own date: a full date in a header line
// (page furniture above the body) or the body's dateline, else fallback
// (the --date given), else a date in the file's name. A date in the body's
// sentences dates what they report, never the article. how says where the
// date came from.
func articleDate(text, name string, fallback graph.Date) (date graph.Date, how string) {
	var dateline []string
	for _, line := range headLines(text) {
		if line == "" {
			continue
		}
		if !isChrome(line) {
			// The first body paragraph: only its dateline counts.
			dateline = datelineRE.FindStringSubmatch(line)
			break
		}
		for _, m := range append(isoDateRE.FindAllStringSubmatch(line, -1), fullCnDates(line)...) {
			if d, err := graph.ParseDate(m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])); err == nil {
				return d, "header"
			}
		}
	}
	year := fallback.Year
	if year == 0 {
		if m := nameDateRE.FindStringSubmatch(name); m != nil {
			year, _ = strconv.Atoi(m[1])
		}
	}
	if dateline != nil {
		y := dateline[1]
		if y == "" && year != 0 {
			y = strconv.Itoa(year)
		}
		if d, err := graph.ParseDate(y + "-" + pad2(dateline[2]) + "-" + pad2(dateline[3])); err == nil {
			return d, "dateline"
		}
	}
	if !fallback.IsZero() {
		return fallback, "option"
	}
	if m := nameDateRE.FindStringSubmatch(name); m != nil {
		if d, err := graph.ParseDate(m[1] + "-" + m[2] + "-" + m[3]); err == nil {
			return d, "file name"
		}
	}
	return graph.Date{}, ""
}

func fullCnDates(s string) [][]string {
	var out [][]string
	for _, m := range cnDateRE.FindAllStringSubmatch(s, -1) {
		if m[1] != "" && m[3] != "" {
			out = append(out, m)
		}
	}
	return out
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// found holds the matches of the patterns a sentence is searched for clause
// by clause, found once for the whole sentence so that a sentence of many
// clauses is read in linear time.
type found struct {
	dates, years, venues, amounts [][]int
}

func (s *sentence) found() *found {
	if s.matches == nil {
		// Each pattern runs only where its one required word stands.
		s.matches = &found{venues: venueMatches(s.text)}
		if strings.Contains(s.text, "月") {
			s.matches.dates = cnDateRE.FindAllStringSubmatchIndex(s.text, -1)
		}
		if strings.Contains(s.text, "年") {
			s.matches.years = yearRE.FindAllStringSubmatchIndex(s.text, -1)
		}
		if strings.Contains(s.text, "元") {
			s.matches.amounts = amountRE.FindAllStringIndex(s.text, -1)
		}
	}
	return s.matches
}

// firstWithin is the first match that ends by n, as strings.
func firstWithin(text string, ms [][]int, n int) []string {
	for _, m := range ms {
		if m[1] > n {
			break
		}
		out := make([]string, len(m)/2)
		for i := range out {
			if m[2*i] >= 0 {
				out[i] = text[m[2*i]:m[2*i+1]]
			}
		}
		return out
	}
	return nil
}

// dateBefore is dateIn of the sentence's first n bytes.
func (s *sentence) dateBefore(n int, article graph.Date) (graph.Date, string, bool) {
	f := s.found()
	return dateOf(firstWithin(s.text, f.dates, n), firstWithin(s.text, f.years, n), article)
}

// amountFrom is amountIn of the sentence from byte i.
func (s *sentence) amountFrom(i int) string {
	for _, m := range s.found().amounts {
		if m[0] >= i {
			return s.text[m[0]:m[1]]
		}
	}
	return ""
}

func dateOf(m, y []string, article graph.Date) (d graph.Date, written string, inferred bool) {
	if m == nil {
		if y != nil {
			if d, err := graph.ParseDate(y[1]); err == nil {
				return d, y[0], false
			}
		}
		return graph.Date{}, "", false
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if year == 0 {
		if article.IsZero() {
			return graph.Date{}, m[0], false
		}
		year, inferred = article.Year, true
		if article.Month != 0 && month > article.Month {
			year--
		}
	}
	ds := strconv.Itoa(year) + "-" + pad2(strconv.Itoa(month))
	if day != 0 {
		ds += "-" + pad2(strconv.Itoa(day))
	}
	d, err := graph.ParseDate(ds)
	if err != nil {
		return graph.Date{}, "", false
	}
	return d, m[0], inferred
}

var amountRE = regexp.MustCompile(`(?:(?:计划|预计|拟)?(?:总投资|投资总额|投资额|投资|总额|金额|合同额|签约额|签约金额|总金额|规模)(?:约|近|逾|超过|达到|达|为)?)?(?:约|近|逾|超过)?\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|千万|百万|万)?(?:元|美元|欧元|港元|日元|英镑)(?:人民币)?`)

// amountIn returns the first amount of money in s, as written.
func amountIn(s string) string {
	return amountRE.FindString(s)
}

// continues reports whether line stops inside a sentence that next goes
// on with: a Chinese character at the end of one and the start of the
// other, no sentence end between.
func continues(line, next string) bool {
	line, next = strings.TrimSpace(line), strings.TrimSpace(next)
	if line == "" || next == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(next)
	return isHan(last) && isHan(first)
}
