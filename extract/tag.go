package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/guazhi/guazhi/internal/lexicon"
)

// The reader of secondments works in two steps. tagSpans cuts a sentence
// (already in simplified characters) into spans, each a place, a body, a
// post, a name, a trigger, a date, a pronoun, punctuation or a character
// of other text, in one pass from left to right, looking up each position
// in tables keyed by its first character: linear in the input. Then the
// patterns of patterns.go are matched over the spans.

type tagKind uint8

const (
	tText    tagKind = iota // one character of other text
	tPunct                  // punctuation: 、 , ; ( ) “ ” …
	tBody                   // a body: places, then maybe a department (上海市闵行区, 贵州省发改委)
	tPost                   // posts joined by 、 (区委常委、副区长, 农村经济处副处长)
	tName                   // a person's name (张永强, even when written 张 永强)
	tPronoun                // 他, 她
	tDate                   // 2021年8月, 今年2月
)

// span is one tagged stretch of a sentence.
type span struct {
	kind       tagKind
	start, end int    // byte offsets in the sentence
	text       string // the span as read: a name without the spaces inside it
	div        int    // a body's last place, an index into lexicon.Divisions(); -1 for none
	firstDiv   int    // a body's first place; -1 for none
	places     []placeEnd
	// bare is 1 + the length of a level's character (市 of 市交通委) for a
	// department named without its place, whose place is the home's named
	// before; 0 for a body with its place.
	bare int
}

// placeEnd is a place a body names and where its name ends in the body.
type placeEnd struct{ div, end int }

// gazetteer indexes the place names and posts of internal/lexicon by their
// first character, longest first.
type gazetteer struct {
	places   map[rune][]placeForm
	posts    map[rune][]string
	suffixes []string
	depts    []string // kinds of body, full and short (bodies.tsv), longest first
}

type placeForm struct {
	form string
	div  int
}

var gaz = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{places: map[rune][]placeForm{}, posts: map[rune][]string{}}
	for i, d := range lexicon.Divisions() {
		forms := append([]string{d.Name}, lexicon.ShortForms(d)...)
		// A district that was a county or a city before (延庆县 became 延庆区
		// in 2015) is still written so in older reports.
		if root, ok := strings.CutSuffix(d.Name, "区"); ok && d.Level == lexicon.County && utf8.RuneCountInString(root) >= 2 {
			forms = append(forms, root+"县", root+"市")
		}
		for _, f := range forms {
			r, _ := utf8.DecodeRuneInString(f)
			g.places[r] = append(g.places[r], placeForm{f, i})
		}
	}
	for r, list := range g.places {
		slices.SortStableFunc(list, func(a, b placeForm) int { return len(b.form) - len(a.form) })
		g.places[r] = list
	}
	for _, p := range lexicon.Posts() {
		r, _ := utf8.DecodeRuneInString(p.Title)
		g.posts[r] = append(g.posts[r], p.Title)
	}
	for r, list := range g.posts {
		slices.SortStableFunc(list, func(a, b string) int { return len(b) - len(a) })
		g.posts[r] = list
	}
	g.suffixes = lexicon.Suffixes()
	for _, b := range lexicon.Bodies() {
		g.depts = append(g.depts, b.Full)
		g.depts = append(g.depts, b.Short...)
	}
	slices.SortStableFunc(g.depts, func(a, b string) int { return len(b) - len(a) })
	return g
})

// placeAt returns the longest place name at the start of s, preferring a
// division below prev (the place just read) when a name is shared.
func (g *gazetteer) placeAt(s string, prev int) (n, div int) {
	r, _ := utf8.DecodeRuneInString(s)
	divs := lexicon.Divisions()
	best, bestDiv := 0, -1
	for _, pf := range g.places[r] {
		if len(pf.form) < best {
			break
		}
		if !strings.HasPrefix(s, pf.form) {
			continue
		}
		// 红河州 in 红河州委常委 is the prefecture; 海南 before 州 is not 海南省.
		if rest := s[len(pf.form):]; strings.HasPrefix(rest, "族") || strings.HasPrefix(rest, "自治") {
			continue
		}
		if bestDiv >= 0 && prev >= 0 && !below(divs[bestDiv], prev) && below(divs[pf.div], prev) {
			bestDiv = pf.div
			continue
		}
		if best == 0 {
			best, bestDiv = len(pf.form), pf.div
		}
	}
	return best, bestDiv
}

// below reports whether d lies under the division at index prev.
func below(d lexicon.Division, prev int) bool {
	p := lexicon.Divisions()[prev].Code
	for d.Parent != "" {
		if d.Parent == p {
			return true
		}
		next, ok := lexicon.DivisionByCode(d.Parent)
		if !ok {
			return false
		}
		d = next
	}
	return false
}

// postAt returns the length in bytes of the posts at the start of s: a
// title, or a subunit and a title (农村经济处副处长, 统战部部长, 外贸处干部),
// joined by 、.
func (g *gazetteer) postAt(s string) int {
	n := 0
	for {
		m := g.onePost(s[n:])
		if m == 0 {
			return n
		}
		n += m
		if rest, ok := strings.CutPrefix(s[n:], "、"); ok {
			if g.onePost(rest) > 0 {
				n += len("、")
				continue
			}
		}
		return n
	}
}

// innerUnitEnds end the names of the divisions inside a body, before a title.
const innerUnitEnds = "处司科室部所办"

func (g *gazetteer) onePost(s string) int {
	if t := g.title(s); t > 0 {
		return t
	}
	// A subunit of up to eight characters, then a title.
	i := 0
	for k := 0; k < 8 && i < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) {
			return 0
		}
		i += size
		if strings.ContainsRune(innerUnitEnds, r) && k > 0 {
			if t := g.title(s[i:]); t > 0 {
				return i + t
			}
			if strings.HasPrefix(s[i:], "干部") {
				return i + len("干部")
			}
		}
	}
	return 0
}

func (g *gazetteer) title(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	for _, p := range g.posts[r] {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}

// deptAt returns the length of a department's name at the start of s,
// after a place: a kind of body (发改委, 科技和经济委员会) or words ending as
// bodies' names end, followed by a post, punctuation or the end.
func (g *gazetteer) deptAt(s string) int {
	for _, d := range g.depts {
		if strings.HasPrefix(s, d) {
			return len(d)
		}
	}
	best := 0
	i := 0
	for k := 0; k < 12 && i < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) || strings.ContainsRune("的是挂", r) || strings.ContainsRune("在任和与", r) && k == 0 {
			break
		}
		i += size
		for _, suf := range g.suffixes {
			if strings.HasSuffix(s[:i], suf) && k > 0 {
				rest := s[i:]
				if rest == "" || g.postAt(rest) > 0 || !isHan(firstRuneOf(rest)) || startsWithAny(rest, bodyFollowers) {
					best = i
					if g.title(rest) > 0 {
						return best // 人民医院 before 党委副书记, not 人民医院党委 before 副书记
					}
				}
				break
			}
		}
	}
	return best
}

// bodyFollowers are words that may follow a body's name.
var bodyFollowers = []string{"的", "上班", "工作", "挂职", "干部", "任", "援", "来", "选派", "派"}

func firstRuneOf(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// tagSpans tags a sentence.
func tagSpans(s string) []span {
	g := gaz()
	var out []span
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			out = append(out, span{kind: tPunct, start: i, end: i + size, text: s[i : i+size], div: -1, firstDiv: -1})
			i += size
			continue
		}
		if n := dateAt(s[i:]); n > 0 {
			out = append(out, span{kind: tDate, start: i, end: i + n, text: s[i : i+n], div: -1, firstDiv: -1})
			i += n
			continue
		}
		if b, post := g.bodyAt(s[i:]); b.end > 0 {
			b.start, b.end = i, i+b.end
			b.text = s[b.start:b.end]
			out = append(out, b)
			if post > 0 {
				// 区委常委: the post begins with the place's last character.
				_, last := utf8.DecodeLastRuneInString(s[:b.end])
				ps := b.end - last
				n := g.postAt(s[ps:])
				out = append(out, span{kind: tPost, start: ps, end: ps + n, text: s[ps : ps+n], div: -1, firstDiv: -1})
				i = ps + n
			} else {
				i = b.end
			}
			continue
		}
		if n := g.postAt(s[i:]); n > 0 {
			out = append(out, span{kind: tPost, start: i, end: i + n, text: s[i : i+n], div: -1, firstDiv: -1})
			i += n
			continue
		}
		if r == '他' || r == '她' {
			out = append(out, span{kind: tPronoun, start: i, end: i + size, text: s[i : i+size], div: -1, firstDiv: -1})
			i += size
			continue
		}
		if name, n := nameSpanAt(s[i:], out); n > 0 {
			out = append(out, span{kind: tName, start: i, end: i + n, text: name, div: -1, firstDiv: -1})
			i += n
			continue
		}
		out = append(out, span{kind: tText, start: i, end: i + size, text: s[i : i+size], div: -1, firstDiv: -1})
		i += size
	}
	return out
}

// bodyAt reads a body at the start of s: one place or more (云南省昆明市五华区),
// then maybe a department; or a central body (国家能源局, 商务部). post > 0
// when a party post shares the place's last character (区委常委).
func (g *gazetteer) bodyAt(s string) (b span, post int) {
	b = span{kind: tBody, div: -1, firstDiv: -1}
	i := 0
	// 新疆生产建设兵团第十师北屯市: a body before the place, and its unit.
	for _, p := range lexicon.PlacePrefixes() {
		if !strings.HasPrefix(s, p[0]) {
			continue
		}
		j := len(p[0])
		if rest, ok := strings.CutPrefix(s[j:], "第"); ok && p[1] != "" {
			k := 0
			for k < len(rest) && strings.ContainsRune("一二三四五六七八九十", firstRuneOf(rest[k:])) {
				_, size := utf8.DecodeRuneInString(rest[k:])
				k += size
			}
			if k > 0 && strings.HasPrefix(rest[k:], p[1]) {
				j += len("第") + k + len(p[1])
			}
		}
		if n, _ := g.placeAt(s[j:], -1); n > 0 {
			i = j
		}
		break
	}
	for {
		n, div := g.placeAt(s[i:], b.div)
		if n == 0 {
			break
		}
		if b.firstDiv < 0 {
			b.firstDiv = div
		}
		b.div = div
		i += n
		b.places = append(b.places, placeEnd{div, i})
	}
	if i == 0 || b.div < 0 {
		if i > 0 {
			return span{kind: tBody, div: -1, firstDiv: -1}, 0
		}
		for _, np := range lexicon.NamePrefixes() { // a central body: 国家能源局
			if p := np[0]; np[1] == "national" && strings.HasPrefix(s, p) {
				if n := g.deptAt(s[len(p):]); n > 0 {
					b.end = len(p) + n
					return b, 0
				}
			}
		}
		// A department of the place named before (北京市发改委副主任王海鹰…，
		// 交通委副主任李红岩…), before a post.
		// 市交通委: the level's character before the department.
		lead := 0
		if r, size := utf8.DecodeRuneInString(s); strings.ContainsRune("省市区县州", r) {
			lead = size
		}
		for _, dep := range g.depts {
			for _, at := range []int{0, lead} {
				if strings.HasPrefix(s[at:], dep) && g.postAt(s[at+len(dep):]) > 0 {
					b.end = at + len(dep)
					b.bare = 1 + at
					return b, 0
				}
			}
		}
		// A university, hospital, academy or bank named without a place
		// (复旦大学附属中山医院, 清华大学环境学院), before a post.
		if n := g.orgAt(s); n > 0 {
			b.end = n
			return b, 0
		}
		// A ministry: two characters and 部, before a post or a subunit (商务部对外贸易司).
		r := headRunes(s, 3)
		if len(r) == 3 && r[2] == '部' && allHan(r[:2]) && !strings.ContainsRune("全本该各总", r[0]) {
			n := len(string(r))
			if rest := s[n:]; g.postAt(rest) > 0 || g.onePost(rest) > 0 || strings.HasPrefix(rest, "机关") {
				b.end = n
				return b, 0
			}
		}
		return b, 0
	}
	// A county the divisions do not list (renamed or new: 错那县 is now
	// 错那市) under the prefecture just named: two or three characters and
	// a county's level, before a post, a department or the clause's end.
	if lexicon.Divisions()[b.div].Level != lexicon.County {
		if n := g.unlistedCounty(s[i:]); n > 0 {
			i += n
		}
	}
	// 区委常委, 州委常委: the place's last character opens a party post.
	_, last := utf8.DecodeLastRuneInString(s[:i])
	if strings.HasPrefix(s[i:], "委") && g.postAt(s[i-last:]) > 0 {
		b.end = i
		return b, 1
	}
	// 朝阳区区委常委: a post, not a department 区委.
	if g.title(s[i:]) == 0 {
		i += g.deptAt(s[i:])
	}
	b.end = i
	return b, 0
}

// placelessEnds end the names of bodies that need no place before them.
var placelessEnds = []string{"大学", "学院", "医院", "研究院", "研究所", "科学院", "中学", "银行", "总行", "分行"}

// orgAt reads at the start of s the name of a university, hospital,
// academy or bank, up to 16 characters, that a post follows: the longest.
func (g *gazetteer) orgAt(s string) int {
	best, i := 0, 0
	for k := 0; k < 16 && i < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) || strings.ContainsRune("的是在任和与及到从向为对于了", r) {
			break // a verb or a particle: 现任…医院 is no name
		}
		i += size
		if k > 0 && hasAnySuffix(s[:i], placelessEnds) && (g.title(s[i:]) > 0 || g.postAt(s[i:]) > 0) {
			best = i
		}
	}
	return best
}

// unlistedCounty reads a county's name at the start of s that the
// divisions do not list: 错那县 before 挂任, 委常委 or 发改委.
func (g *gazetteer) unlistedCounty(s string) int {
	r := headRunes(s, 4)
	if m, _ := g.placeAt(s, -1); m > 0 || len(r) == 0 || strings.ContainsRune("县区市旗州省的在任挂到和与", r[0]) {
		return 0 // a listed place is read as one
	}
	for n := 2; n <= 3 && n < len(r); n++ {
		if !allHan(r[:n]) || !strings.ContainsRune("县区市旗", r[n]) {
			continue
		}
		end := len(string(r[:n+1]))
		rest := s[end:]
		if rest == "" || !isHan(firstRuneOf(rest)) || strings.HasPrefix(rest, "委") || strings.HasPrefix(rest, "挂") || g.title(rest) > 0 || g.postAt(rest) > 0 ||
			g.deptAt(rest) > 0 || startsWithAny(rest, bodyFollowers) {
			return end
		}
	}
	return 0
}

// dateAt reads a date at the start of s: 2021年8月, 2021年, 今年2月, 8月2日.
func dateAt(s string) int {
	i := 0
	for _, w := range []string{"今年", "去年", "前年", "那年"} {
		if strings.HasPrefix(s, w) {
			i = len(w)
			break
		}
	}
	if i == 0 {
		d := 0
		for d < len(s) && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		if d == 4 && strings.HasPrefix(s[d:], "年") {
			i = d + len("年")
		} else if d > 0 && d <= 2 && strings.HasPrefix(s[d:], "月") {
			i = 0
		} else {
			return 0
		}
	}
	for _, unit := range []string{"月", "日"} {
		d := i
		for d < len(s) && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		if d > i && d-i <= 2 && strings.HasPrefix(s[d:], unit) {
			i = d + len(unit)
		}
	}
	if i == 0 {
		return 0
	}
	return i
}

// nameSpanAt reads a person's name at the start of s when what precedes
// it (the spans so far) lets a name begin: the start, punctuation, a post,
// a body or a date, or a word that ends before names. A line break or a
// space inside the name is skipped: 张 永强 is 张永强.
func nameSpanAt(s string, before []span) (string, int) {
	if len(before) > 0 {
		p := before[len(before)-1]
		if p.kind == tText && !nameMayFollow(before) {
			return "", 0
		}
	}
	// The first characters, with one space or line break left out.
	var b strings.Builder
	var ends []int // byte offset in s after each rune kept
	skipped := false
	for i := 0; i < len(s) && len(ends) < 6; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == ' ' || r == '\n' || r == '\u3000') && !skipped && len(ends) >= 1 && len(ends) <= 2 {
			skipped = true
			i += size
			continue
		}
		b.WriteRune(r)
		i += size
		ends = append(ends, i)
	}
	// 任宁夏回族自治区: a verb before a place is no surname.
	if r, size := utf8.DecodeRuneInString(s); len(s) > size && strings.ContainsRune("任到赴在往从至来去援于和与及", r) {
		if n, _ := gaz().placeAt(s[size:], -1); n > 0 {
			return "", 0
		}
	}
	name := nameAt(b.String())
	if r := []rune(name); len(r) == 3 && startsWithAny(strings.TrimPrefix(b.String(), string(r[:2])), nameEndersLong) {
		name = string(r[:2]) // 沈浩第一次: 第一次 follows the name
	}
	if name == "" && (len(before) == 0 || before[len(before)-1].kind == tPost || before[len(before)-1].kind == tPunct) {
		name = nameAfterPost(b.String())
	}
	if name == "" || notAName(name) || particleIn(name) {
		return "", 0
	}
	n := utf8.RuneCountInString(name)
	return name, ends[n-1]
}

// nameWords are words after which a name may begin.
var nameWords = []string{"的", "是", "和", "与", "及", "同志", "干部", "人才", "来自", "我叫", "他叫", "她叫", "大名"}

func nameMayFollow(before []span) bool {
	var tail strings.Builder
	for k := max(0, len(before)-2); k < len(before); k++ {
		tail.WriteString(before[k].text)
	}
	return hasAnySuffix(tail.String(), nameWords)
}

// nameEnders are words that follow a name where nameAt cannot tell where
// it ends: 副局长林海东开启…, 顾建平至今记得….
var nameEnders = []string{"第一次", "至今", "记得", "笑着", "一边", "此次", "此前", "日前", "已", "将", "开启", "挂", "被", "现", "援", "说", "表示", "也", "任", ",", "(", "是", "的", "在", "等", "将", "于", "负责", "到", "来", "同志", "从"}

// nameEndersLong are the words that, opening at a name's third character,
// end the name before it: 沈浩第一次.
var nameEndersLong = []string{"第一次", "至今", "记得", "笑着", "一边"}

// nameAfterPost reads the name that a post announces, when nameAt cannot
// tell where it ends: a surname and one or two characters before a word
// of nameEnders.
func nameAfterPost(s string) string {
	r := headRunes(s, 6)
	if len(r) < 3 || !strings.ContainsRune(surnames, r[0]) {
		return ""
	}
	for _, n := range []int{3, 2} {
		if len(r) > n && allHan(r[:n]) && startsWithAny(string(r[n:]), nameEnders) {
			return string(r[:n])
		}
	}
	return ""
}

// particleIn reports whether a name holds a particle or a demonstrative
// no given name has (谈起这一年 is no 谈起这).
func particleIn(name string) bool {
	r := []rune(name)
	return strings.ContainsRune("起着了过这那们", r[1]) || len(r) == 3 && strings.ContainsRune("这那们着了过", r[2])
}
