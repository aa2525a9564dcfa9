package names

import (
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/internal/lexicon"
)

// English translates the name of a body made of places and, optionally, a
// kind of body: 北京市发改委 → Beijing Municipal Development and Reform
// Commission, 固安县人民政府 → Gu'an County People's Government, 廊坊市 →
// Langfang. It is "" for any other name.
func English(name string) string {
	p := parseName(name)
	if len(p.places) == 0 || p.middle != "" {
		return ""
	}
	var words []string
	for i, pl := range p.places {
		adjective := i == len(p.places)-1 && p.kind != ""
		en := placeEnglish(pl, adjective)
		if en == "" {
			return ""
		}
		words = append(words, en)
	}
	if p.kind != "" {
		words = append(words, p.body.English)
	}
	return strings.Join(words, " ")
}

// placeEnglish is a place's English: the pinyin of its name without the
// suffix as one word, then "County", "District", "Banner", "League" or
// "Prefecture" for those, "City" for a county-level city; before a kind
// of body (adjective), "Provincial" for a province and "Municipal" for a
// city. It is "" for an autonomous area (whose English names the
// nationality) and for a name longer than four characters without its
// suffix, such as a development zone's.
func placeEnglish(pl place, adjective bool) string {
	base, suffix := cutSuffix(pl.div.Name)
	if utf8.RuneCountInString(base) > 4 {
		return ""
	}
	w := readPlace(pl.div.Name) // 单县 reads shan xian: the whole name's reading
	name := join([]word{w[:min(len(w), utf8.RuneCountInString(base))]})
	var after string
	switch suffix {
	case "省":
		if adjective {
			after = "Provincial"
		}
	case "市":
		switch {
		case adjective:
			after = "Municipal"
		case pl.div.Level == lexicon.County:
			after = "City"
		}
	case "区":
		after = "District"
	case "县":
		after = "County"
	case "旗":
		after = "Banner"
	case "盟":
		after = "League"
	case "地区":
		after = "Prefecture"
	default:
		return ""
	}
	if after == "" {
		return name
	}
	return name + " " + after
}
