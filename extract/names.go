package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guazhi/guazhi/internal/lexicon"
	"github.com/guazhi/guazhi/internal/names"
)

// place is a division of Beijing, Tianjin or Hebei, where the exchange's
// bodies lie, known by its root (the name without 市, 区 or 县): these take
// a short id (daxing) and a parent (大兴区 is part of 北京市).
type place struct {
	root, full string // 大兴, 大兴区; 大厂, 大厂回族自治县
	level      lexicon.Level
	jur, slug  string
	parent     string // root of the parent place, "" for none
}

// homeProvinces are the province-level divisions whose places these are.
var homeProvinces = []string{"11", "12", "13"}

// places lists every division of homeProvinces (internal/lexicon), but
// those whose root two divisions share (桥西区 of 石家庄 and of 邢台) and
// those whose root is a higher division's (河北区 of Tianjin, 承德县).
var places, placeByRoot = func() ([]place, map[string]*place) {
	var list []place
	seen := map[string]int{} // root → index in list, or -1 when two share it
	for _, d := range lexicon.Divisions() {
		if !slices.Contains(homeProvinces, lexicon.ProvinceOf(d).Code) {
			continue
		}
		root := placeRoot(d)
		parent := ""
		if pd, ok := lexicon.DivisionByCode(d.Parent); ok {
			parent = placeRoot(pd)
		}
		p := place{root: root, full: d.Name, level: d.Level, jur: lexicon.ProvinceID(d), slug: idOf(names.Body(root)), parent: parent}
		k, ok := seen[root]
		switch {
		case !ok:
			seen[root] = len(list)
			list = append(list, p)
		case k < 0:
		case d.Level < list[k].level:
			list[k] = p // 河北省 over 河北区 of Tianjin
		case d.Level > list[k].level:
			// 承德县 under 承德市: the city keeps the root
		default:
			list[k].root, seen[root] = "", -1 // two of one level: neither is read by its root
		}
	}
	out := list[:0]
	for _, p := range list {
		if p.root != "" {
			out = append(out, p)
		}
	}
	m := map[string]*place{}
	for i := range out {
		m[out[i].root] = &out[i]
	}
	return out, m
}()

func lookupPlace(root string) *place { return placeByRoot[root] }

// placeSuffixes may follow a place's root.
var placeSuffixes = []string{"新区", "市", "区", "县", "省", "镇"}

// parsePlace matches a whole string as a place, optionally prefixed by its
// province ("北京大兴区") and followed by 政府 or 人民政府 ("唐山市政府").
func parsePlace(s string) (p *place, written string, ok bool) {
	s = strings.TrimSuffix(s, "人民政府")
	s = strings.TrimSuffix(s, "政府")
	for _, prov := range homePrefixes {
		rest, found := strings.CutPrefix(s, prov)
		if !found || (prov != "" && rest == "") {
			continue
		}
		for i := range places {
			q := &places[i]
			after, found := strings.CutPrefix(rest, q.root)
			if !found {
				continue
			}
			if prov != "" && !strings.HasPrefix(prov, q.parentProvince()) {
				continue
			}
			if after == "" {
				return q, q.root, true
			}
			if q.root+after == q.full {
				return q, q.full, true
			}
			for _, suf := range placeSuffixes {
				if after == suf {
					return q, q.root + suf, true
				}
			}
		}
	}
	// A county or district under its city: 唐山市曹妃甸区.
	for i := range places {
		q := &places[i]
		par := lookupPlace(q.parent)
		if par == nil || par.parent == "" {
			continue
		}
		for _, pre := range []string{par.full, par.root} {
			if rest, ok := strings.CutPrefix(s, pre); ok && strings.HasPrefix(rest, q.root) {
				if p, written, ok := parsePlace(rest); ok && p == q {
					return p, written, true
				}
			}
		}
	}
	return nil, "", false
}

// parentProvince is the root of the province-level unit the place lies in.
func (p *place) parentProvince() string {
	for q := p; q != nil; q = lookupPlace(q.parent) {
		if q.parent == "" {
			return q.root
		}
	}
	return ""
}

// name is the place's usual written name: 廊坊 → 廊坊市.
func (p *place) name(written string) string {
	if written != p.root {
		return written
	}
	return p.full
}

// homePrefixes are the ways a place's name may begin with its province:
// 北京市, 北京, …, or not at all.
var homePrefixes = func() []string {
	var out []string
	for _, code := range homeProvinces {
		d, _ := lexicon.DivisionByCode(code)
		out = append(out, d.Name)
		out = append(out, lexicon.ShortForms(d)...)
	}
	return append(out, "")
}()

func hasAnySuffix(s string, list []string) bool {
	for _, x := range list {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, list []string) string {
	for _, x := range list {
		if strings.HasPrefix(s, x) {
			return x
		}
	}
	return ""
}

// ref is what the entity recogniser makes of one surface form.
type ref struct {
	key     string // forms with the same key name one entity
	name    string // the preferred written form
	kind    string
	jur     string
	slug    string // a readable id, or ""
	parent  string // key of the parent place, or ""
	jurNote string // how the jurisdiction was inferred, when it was
}

// recognise classifies a body, company or organisation name. It fails for
// strings that do not look like one.
func recognise(s string) (ref, bool) {
	s = strings.Trim(s, "“”\"《》「」 ")
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 40 || !allNameRunes(s) {
		return ref{}, false
	}
	if p, written, ok := parsePlace(s); ok {
		r := ref{key: "place:" + p.root, name: p.name(written), kind: "body", jur: p.jur, slug: p.slug}
		if par := lookupPlace(p.parent); par != nil {
			r.parent = "place:" + par.root
		}
		return r, true
	}
	// A department of a place: 北京经信委, 张家口市贸促会, 大兴区商务委.
	for i := n - 1; i >= 2; i-- {
		head, tail := splitRunes(s, i)
		p, written, ok := parsePlace(head)
		if !ok || strings.HasSuffix(head, "政府") {
			continue
		}
		if startsWithAny(tail, placeSuffixes) {
			continue
		}
		dept := abbreviate(tail)
		pname := written
		if p.parent == "" { // province level: 北京 → 北京市
			pname = p.name(written)
		}
		name := pname + tail
		if dept != tail || written != pname {
			name = pname + dept
		}
		kind := kindOf(s)
		if kind == "" {
			return ref{}, false
		}
		return ref{key: "dept:" + p.root + ":" + dept, name: name, kind: kind, jur: p.jur}, true
	}
	kind := kindOf(s)
	if kind == "" {
		return ref{}, false
	}
	r := ref{key: "name:" + companyKey(abbreviate(withoutProvince(s))), name: s, kind: kind, jur: "other"}
	if id := provinceOf(s); id != "" {
		r.jur = id // 云南省发改委, 昆明市五华区人民政府: yunnan
	}
	bare := strings.TrimLeft(s, "0123456789") // 2015阿拉伯国家…
	for _, p := range lexicon.NamePrefixes() {
		if p[1] == "foreign" && strings.HasPrefix(bare, p[0]) || p[1] != "foreign" && strings.HasPrefix(s, p[0]) {
			r.jur = p[1]
			switch p[1] {
			case "foreign":
				r.jurNote = "jurisdiction from the name's prefix " + p[0]
			case "beijing":
				r.jurNote = "jurisdiction: " + p[0] + " is a Beijing state-owned group"
			}
			break
		}
	}
	return r, true
}

func kindOf(s string) string {
	for _, k := range lexicon.Kinds() {
		if strings.HasSuffix(s, k[0]) {
			return k[1]
		}
	}
	return ""
}

// companyKey drops the legal-form suffixes so that 首钢 and 首钢集团 join.
func companyKey(s string) string {
	for _, suf := range []string{"集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团"} {
		if t, ok := strings.CutSuffix(s, suf); ok && utf8.RuneCountInString(t) >= 2 {
			return t
		}
	}
	return s
}

func abbreviate(s string) string {
	for _, a := range lexicon.Contractions() {
		s = strings.ReplaceAll(s, a[0], a[1])
	}
	return s
}

func splitRunes(s string, i int) (string, string) {
	r := []rune(s)
	return string(r[:i]), string(r[i:])
}

func startsWithAny(s string, list []string) bool { return hasAnyPrefix(s, list) != "" }

// allNameRunes reports whether s holds only letters, digits and the
// brackets that names use: no clause punctuation.
func allNameRunes(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("()()·-", r) {
			return false
		}
	}
	return true
}

// surnames holds the single-character surnames, compoundSurnames the
// two-character ones (internal/lexicon's surnames.tsv).
var surnames, compoundSurnames = func() (string, []string) {
	var single strings.Builder
	var compound []string
	for _, s := range lexicon.Surnames() {
		if utf8.RuneCountInString(s) == 1 {
			single.WriteString(s)
		} else {
			compound = append(compound, s)
		}
	}
	return single.String(), compound
}()

// afterName holds characters that end a name when they follow it: verbs,
// adverbs and particles that open the rest of the clause.
const afterName = "就将是曾在说也已于等表和与同为的挂堪主率对到赴带介指认称向一近今昨先还不正亲作出负分兼现原从自把被让给由便都又再则即仍目透强坦告谈讲提回感希要代陪会参前来去上下及拟任担接"

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// nameAt reads a person's name at the start of s: a surname and one or two
// more characters, ending where the clause goes on. It returns "" when s
// does not start with a name.
func nameAt(s string) string {
	r := headRunes(s, 6)
	if len(r) >= 3 && compoundSurname(r[:2]) {
		// 欧阳晓峰, 司马光: a two-character surname and one or two more.
		end := func(i int) bool { return i >= len(r) || !isHan(r[i]) || strings.ContainsRune(afterName, r[i]) }
		if len(r) >= 4 && !end(3) && end(4) {
			return string(r[:4])
		}
		if end(3) {
			return string(r[:3])
		}
		return ""
	}
	if len(r) < 2 || !strings.ContainsRune(surnames, r[0]) || !isHan(r[1]) {
		return ""
	}
	end := func(i int) bool { return i >= len(r) || !isHan(r[i]) || strings.ContainsRune(afterName, r[i]) }
	// A name before an ordinary verb: 陈建华通报了, 李明介绍, 彭晓多了一个身份.
	if len(r) >= 5 && isHan(r[2]) && !strings.ContainsRune("也还就都又便曾已正才再将亦", r[2]) && startsWithAny(string(r[3:]), verbsAfterName) {
		return string(r[:3])
	}
	if len(r) >= 4 && startsWithAny(string(r[2:]), verbsAfterName) {
		return string(r[:2])
	}
	if len(r) >= 3 && !end(2) && end(3) {
		return string(r[:3])
	}
	// 景志强对记者说: 强 often ends a name as well as opening 强调.
	if len(r) >= 3 && isHan(r[2]) && strings.ContainsRune(givenToo, r[2]) && end(3) &&
		!startsWithAny(string(r[2:]), wordsAfterName) {
		return string(r[:3])
	}
	if end(2) {
		return string(r[:2])
	}
	return ""
}

// verbsAfterName are ordinary verbs and adverbs that follow a name in
// reporting, so that the name ends before them.
var verbsAfterName = []string{"多了", "一到", "一边", "笑着", "告诉", "介绍", "坦言", "感慨", "通报", "带领", "带队", "主持",
	"出席", "参加", "走进", "指出", "认为", "提出", "负责", "分管", "协调", "推动", "回忆", "表示", "透露", "谈到", "说起",
	"两名", "三名", "四名", "五名", "等人", "等同志"}

// givenToo are characters of afterName that given names often end with.
const givenToo = "强正先希会前来同和代亲现平国"

// wordsAfterName are the words such characters open after a name.
var wordsAfterName = []string{"强调", "正在", "正式", "先后", "先期", "希望", "会见", "会同", "会上", "前往", "前来", "来到", "来自",
	"同时", "同志", "同样", "和", "代表", "亲自", "亲切", "现在", "现任", "平时", "国家"}

func compoundSurname(r []rune) bool {
	for _, c := range compoundSurnames {
		if string(r) == c {
			return true
		}
	}
	return false
}

// headRunes decodes at most n runes from the start of s; tailRunes at
// most n from its end: names are short, and reading no further keeps a
// long text linear.
func headRunes(s string, n int) []rune {
	var out []rune
	for _, r := range s {
		if len(out) == n {
			break
		}
		out = append(out, r)
	}
	return out
}

func tailRunes(s string, n int) []rune {
	out := make([]rune, 0, n)
	for len(s) > 0 && len(out) < n {
		r, size := utf8.DecodeLastRuneInString(s)
		out = append(out, r)
		s = s[:len(s)-size]
	}
	slices.Reverse(out)
	return out
}

// nameBefore reads a person's name at the end of s ("…刘海涛"), when what
// precedes it ends a phrase; it returns "" otherwise.
func nameBefore(s string) string {
	r := tailRunes(s, 12)
	whole := len(r) < 12 // r is all of s
	for _, n := range []int{4, 3, 2} {
		if len(r) < n {
			continue
		}
		cand := r[len(r)-n:]
		if !allHan(cand) {
			continue
		}
		switch {
		case n >= 3 && compoundSurname(cand[:2]):
		case n <= 3 && strings.ContainsRune(surnames, cand[0]):
		default:
			continue
		}
		i := len(r) - n
		if i == 0 && whole || i > 0 && (!isHan(r[i-1]) || strings.ContainsRune("日月的了,", r[i-1])) ||
			endsWithPost(s[:len(s)-len(string(cand))]) || titleBefore(s[:len(s)-len(string(cand))]) {
			return string(cand)
		}
	}
	return ""
}

func allHan(r []rune) bool {
	for _, c := range r {
		if !isHan(c) {
			return false
		}
	}
	return true
}

// endsWithPost reports whether s ends with a post title of
// internal/lexicon: 副区长, 县委常委.
func endsWithPost(s string) bool {
	for _, p := range lexicon.Posts() {
		if strings.HasSuffix(s, p.Title) {
			return true
		}
	}
	return false
}

func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// provinces are the provincial-level units outside the gazetteer, whose
// name may stand before a city's: 浙江省杭州市 is 杭州市.
var provinces = []string{"上海", "重庆", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
	"山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"}

// withoutProvince drops a province's name before a city's or county's.
func withoutProvince(s string) string {
	for _, p := range provinces {
		for _, suf := range []string{"省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", ""} {
			rest, ok := strings.CutPrefix(s, p+suf)
			if !ok || utf8.RuneCountInString(rest) < 3 {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("市县区州盟旗", r) {
				continue
			}
			if hasAnySuffix(rest, []string{"市", "县", "区", "州", "盟", "旗"}) || strings.ContainsAny(rest, "市县州") {
				return rest
			}
		}
	}
	return s
}

// provinceOf returns the id of the province a name begins in, by the
// longest division name or short form it begins with (the gazetteer's),
// when the divisions so named all lie in one province (云南省发改委,
// 昆明市五华区人民政府: yunnan); "" otherwise (西湖区 is in Hangzhou and in
// Nanchang).
func provinceOf(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	divs := lexicon.Divisions()
	best, id := 0, ""
	for _, pf := range gaz().places[r] { // longest first
		if len(pf.form) < best {
			break
		}
		if !strings.HasPrefix(s, pf.form) {
			continue
		}
		p := lexicon.ProvinceID(divs[pf.div])
		switch {
		case best == 0:
			best, id = len(pf.form), p
		case p != id:
			return ""
		}
	}
	return id
}
