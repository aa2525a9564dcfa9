package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
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

// Pinyin romanises a Chinese personal name as surname and given name, each
// capitalised: 喻华锋 → Yu Huafeng, 欧阳明 → Ouyang Ming. Text that is not
// Chinese is returned as it is.
func Pinyin(name string) string {
	if name == "" || !isHan(name) {
		return name
	}
	surname, given := "", name
	for _, n := range []int{2, 1} {
		if utf8.RuneCountInString(name) > n {
			head := string([]rune(name)[:n])
			if s, ok := surnames[head]; ok {
				surname, given = s, string([]rune(name)[n:])
				break
			}
		}
	}
	if surname == "" {
		r := []rune(name)
		surname, given = syllables(string(r[:1])), string(r[1:])
	}
	if given == "" {
		return surname
	}
	return surname + " " + syllables(given)
}

// syllables joins the readings of s's characters into one capitalised word.
func syllables(s string) string {
	args := pinyin.NewArgs()
	args.Fallback = func(r rune, _ pinyin.Args) []string { return []string{string(r)} }
	word := strings.Join(pinyin.LazyPinyin(s, args), "")
	if word == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(word)
	return string(unicode.ToUpper(r)) + word[size:]
}

func isHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Label is the entity's name in a label language: "zh" (the name), "en"
// (name_en, or for an official without one the pinyin of the name) or
// "both" (the name over the English one).
func (e *Entity) Label(lang string) string {
	en := e.NameEn
	if en == "" && e.Kind == Official {
		en = Pinyin(e.Name)
	}
	switch {
	case lang == "en" && en != "":
		return en
	case lang == "both" && en != "" && en != e.Name:
		return e.Name + "\n" + en
	}
	return e.Name
}
