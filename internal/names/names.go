// Package names reads Chinese names: a personal name or the name of a body
// romanised in pinyin, and a body's name in English where the lexicon
// knows its places and kind.
package names

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"

	"github.com/guazhi/guazhi/internal/lexicon"
)

// surnames gives the reading of surnames whose most common reading as a
// character differs, and the compound surnames, which romanise as one word.
var surnames = map[string]string{
	"曾": "Zeng", "单": "Shan", "解": "Xie", "仇": "Qiu", "朴": "Piao", "查": "Zha", "区": "Ou",
	"盖": "Ge", "乐": "Yue", "尉": "Yu", "覃": "Qin", "翟": "Zhai", "缪": "Miao", "蔚": "Yu",
	"长": "Chang", "重": "Chong", "秘": "Bi", "种": "Chong", "召": "Shao", "繁": "Po", "眭": "Sui",
	"欧阳": "Ouyang", "司马": "Sima", "诸葛": "Zhuge", "上官": "Shangguan", "司徒": "Situ",
	"夏侯": "Xiahou", "皇甫": "Huangfu", "尉迟": "Yuchi", "公孙": "Gongsun", "令狐": "Linghu",
	"慕容": "Murong", "长孙": "Zhangsun", "宇文": "Yuwen", "东方": "Dongfang", "独孤": "Dugu",
}

// A word is one word of a romanised name: its syllables, lower case and
// without tones (a run of text that is not Chinese is one syllable).
type word []string

// Personal romanises a Chinese personal name as surname and given name, each
// capitalised: 喻华锋 → Yu Huafeng, 欧阳明 → Ouyang Ming. Text that is not
// Chinese is returned as it is.
func Personal(name string) string {
	if name == "" || !IsHan(name) {
		return name
	}
	return join(personal(name))
}

// Body romanises the name of a body, company or organisation a word
// per segment: each place the lexicon knows at its start (北京市, 廊坊市,
// 固安县, or without its suffix, 北京), then what stands between them and
// the kind of body the name ends with, then that kind (商务委, 人民政府):
// 北京市商务委 → Beijingshi Shangwuwei, 固安县人民政府 → Gu'anxian
// Renminzhengfu. Text that is not Chinese is returned as it is.
func Body(name string) string {
	if name == "" || !IsHan(name) {
		return name
	}
	return join(parseName(name).words())
}

// PersonalSyllables returns the syllables of a personal name, lower case
// and without tones, as Personal reads them: 欧阳明高 gives ouyang ming gao.
func PersonalSyllables(name string) []string { return flat(personal(name)) }

// BodySyllables returns the syllables of the name of a body, company or
// organisation, as Body reads them: 北京市发改委 gives bei jing shi fa gai wei.
func BodySyllables(name string) []string { return flat(parseName(name).words()) }

func flat(ws []word) []string {
	var syl []string
	for _, w := range ws {
		syl = append(syl, w...)
	}
	return syl
}

// personal splits a personal name into surname and given name.
func personal(name string) []word {
	r := []rune(name)
	for _, n := range []int{2, 1} {
		if len(r) > n {
			if s, ok := surnames[string(r[:n])]; ok {
				return nonEmpty(word{strings.ToLower(s)}, syllables(string(r[n:])))
			}
		}
	}
	return nonEmpty(syllables(string(r[:1])), syllables(string(r[1:])))
}

func nonEmpty(ws ...word) []word {
	var out []word
	for _, w := range ws {
		if len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// syllables reads s a syllable per Chinese character, each other run of
// text a syllable of its own.
func syllables(s string) word {
	args := pinyin.NewArgs()
	var out word
	other := -1 // where the current run of other text starts
	for i, r := range s {
		if unicode.Is(unicode.Han, r) {
			if other >= 0 {
				out, other = append(out, s[other:i]), -1
			}
			p := pinyin.LazyPinyin(string(r), args)
			if len(p) == 0 {
				p = []string{string(r)}
			}
			out = append(out, p[0])
		} else if other < 0 {
			other = i
		}
	}
	if other >= 0 {
		out = append(out, s[other:])
	}
	return out
}

// readPlace reads a place's name, with the lexicon's reading of its first
// characters where their usual one is not the place's (长春 chang chun).
func readPlace(s string) word {
	w := syllables(s)
	for _, r := range lexicon.Readings() {
		if strings.HasPrefix(s, r.Prefix) && len(w) >= len(r.Syllables) {
			copy(w, r.Syllables)
			break
		}
	}
	return w
}

// join capitalises each word and joins the words with spaces. A syllable
// that starts with a, o or e after another syllable takes an apostrophe
// (Gu'an, Xi'an).
func join(ws []word) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		var b strings.Builder
		for j, s := range w {
			if j > 0 && s != "" && strings.IndexByte("aoe", s[0]) >= 0 && endsInLetter(w[j-1]) {
				b.WriteByte('\'')
			}
			b.WriteString(s)
		}
		out[i] = capitalise(b.String())
	}
	return strings.Join(out, " ")
}

func endsInLetter(s string) bool { return s != "" && s[len(s)-1] >= 'a' && s[len(s)-1] <= 'z' }

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func IsHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// parsedName is a body's name cut into the places it starts with, what
// stands between them and the kind of body it ends with, and that kind.
type parsedName struct {
	places []place
	middle string
	kind   string
	body   lexicon.Body // when kind is not ""
}

// place is a place at the start of a name, as written (北京市 or 北京), and
// the division it names.
type place struct {
	text string
	div  lexicon.Division
}

func (p parsedName) words() []word {
	var out []word
	for _, pl := range p.places {
		out = append(out, readPlace(pl.text))
	}
	return nonEmpty(append(out, syllables(p.middle), syllables(p.kind))...)
}

// placeIndex maps the divisions' full names, and their names without the
// suffix (北京 for 北京市) when two characters or longer, to the division:
// a full name before a short one, then the higher level, then the first in
// code order. longest is the longest key in runes.
type placeIndex struct {
	byName  map[string]lexicon.Division
	full    map[string]bool
	longest int
}

// divisionSuffixes are the endings of divisions' names, longest first.
var divisionSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "区", "县", "盟", "旗"}

var places = sync.OnceValue(func() *placeIndex {
	x := &placeIndex{byName: map[string]lexicon.Division{}, full: map[string]bool{}}
	add := func(key string, d lexicon.Division, full bool) {
		old, ok := x.byName[key]
		switch {
		case !ok, full && !x.full[key], !full && !x.full[key] && d.Level < old.Level:
			x.byName[key], x.full[key] = d, full
			x.longest = max(x.longest, utf8.RuneCountInString(key))
		}
	}
	for _, d := range lexicon.Divisions() {
		add(d.Name, d, true)
	}
	for _, d := range lexicon.Divisions() {
		if base, _ := cutSuffix(d.Name); utf8.RuneCountInString(base) >= 2 {
			add(base, d, false)
		}
	}
	return x
})

// cutSuffix splits a division's name into its base and its suffix (河北,
// 省); the suffix is "" when the name has none the table knows.
func cutSuffix(name string) (base, suffix string) {
	for _, s := range divisionSuffixes {
		if b, ok := strings.CutSuffix(name, s); ok && b != "" {
			return b, s
		}
	}
	return name, ""
}

// parseName cuts a name into places, middle and kind: the places the
// longest names of divisions it starts with, the kind the longest ending
// (full or short) of a kind of body.
func parseName(name string) parsedName {
	var p parsedName
	x := places()
	rest := name
	for rest != "" {
		r := []rune(rest)
		found := false
		for n := min(len(r), x.longest); n >= 2; n-- {
			if d, ok := x.byName[string(r[:n])]; ok {
				p.places = append(p.places, place{text: string(r[:n]), div: d})
				rest, found = string(r[n:]), true
				break
			}
		}
		if !found {
			break
		}
	}
	for _, b := range lexicon.Bodies() {
		for _, form := range append([]string{b.Full}, b.Short...) {
			if len(form) > len(p.kind) && strings.HasSuffix(rest, form) {
				p.kind, p.body = form, b
			}
		}
	}
	p.middle = rest[:len(rest)-len(p.kind)]
	return p
}
