package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// sentence is a sentence of the article's body text.
type sentence struct {
	text   string
	start  int // byte offset in the article
	offset int // character (rune) offset in the article
	para   int // paragraph number
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

// sentences splits the article's body text into sentences, skipping chrome.
func sentences(text string) []sentence {
	var out []sentence
	para := 0
	for lineStart := 0; lineStart < len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		trimmed := strings.TrimSpace(line)
		if trimmed != "" && !isChrome(trimmed) {
			para++
			lead := strings.Index(line, trimmed)
			out = append(out, splitSentences(trimmed, lineStart+lead, para)...)
		}
		lineStart = lineEnd + 1
	}
	for i := range out {
		out[i].offset = utf8.RuneCountInString(text[:out[i].start])
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
		if strings.ContainsRune(sentenceEnds, r) {
			for i < len(s) {
				c, n := utf8.DecodeRuneInString(s[i:])
				if !strings.ContainsRune(closers, c) {
					break
				}
				i += n
			}
			emit(i)
		}
	}
	emit(len(s))
	return out
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

// articleDate finds the publication date in the page's header: the first
// full date in a line that is chrome, else the first full date anywhere.
func articleDate(text string) graph.Date {
	var fallback graph.Date
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		for _, m := range append(isoDateRE.FindAllStringSubmatch(line, -1), fullCnDates(line)...) {
			d, err := graph.ParseDate(m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3]))
			if err != nil {
				continue
			}
			if isChrome(line) {
				return d
			}
			if fallback.IsZero() {
				fallback = d
			}
		}
	}
	return fallback
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

// dateIn finds the first date in s written with 月 and completes its year
// from the article's date. inferred is true when the year was supplied.
func dateIn(s string, article graph.Date) (d graph.Date, written string, inferred bool) {
	m := cnDateRE.FindStringSubmatch(s)
	if m == nil {
		if y := yearRE.FindStringSubmatch(s); y != nil {
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

var amountRE = regexp.MustCompile(`(?:(?:总投资|投资总额|投资额|投资|总额|金额|合同额|签约额|签约金额|总金额|规模)(?:约|近|逾|超过|达到|达|为)?)?(?:约|近|逾|超过)?\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|千万|百万|万)?(?:元|美元|欧元|港元|日元|英镑)(?:人民币)?`)

// amountIn returns the first amount of money in s, as written.
func amountIn(s string) string {
	return amountRE.FindString(s)
}
