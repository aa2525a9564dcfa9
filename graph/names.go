package graph

import "github.com/guazhi/guazhi/internal/names"

// Pinyin romanises the entity's name: an official's as a personal name
// (Pinyin), any other's by its segments (NamePinyin).
func (e *Entity) Pinyin() string {
	if e.Kind == Official {
		return names.Personal(e.Name)
	}
	return names.Body(e.Name)
}

// Syllables returns the pinyin syllables of each of the entity's names
// that has Chinese characters (the name, the full name, the aliases, in
// that order), lower case and without tones, read as Pinyin reads them:
// 北京市发改委 gives bei jing shi fa gai wei. A search matches them.
func (e *Entity) Syllables() [][]string {
	var out [][]string
	for _, n := range append([]string{e.Name, e.FullName}, e.Aliases...) {
		switch {
		case n == "" || !names.IsHan(n):
		case e.Kind == Official:
			out = append(out, names.PersonalSyllables(n))
		default:
			out = append(out, names.BodySyllables(n))
		}
	}
	return out
}

// Label is the entity's name in a label language: "zh" (the name), "en"
// (its English form, see English, or the name when it has none) or "both"
// (the name over the English form).
func (e *Entity) Label(lang string) string {
	en := e.English()
	switch {
	case lang == "en" && en != "":
		return en
	case lang == "both" && en != "" && en != e.Name:
		return e.Name + "\n" + en
	}
	return e.Name
}

// English returns the entity's name in English: its name_en; for an
// official without one, the pinyin of the name; for another entity whose
// name the lexicon reads as places and, optionally, a kind of body, their
// English names (names.English). A name without Chinese characters is its
// own English. It is "" when no English form is known.
func (e *Entity) English() string {
	switch {
	case e.NameEn != "":
		return e.NameEn
	case !names.IsHan(e.Name):
		return e.Name
	case e.Kind == Official:
		return names.Personal(e.Name)
	}
	return names.English(e.Name)
}

// Untranslated returns the names of the entities that have no English
// form (see English) and so stay in Chinese in English labels, in the
// graph's order.
func (g *Graph) Untranslated() []string {
	var out []string
	for _, e := range g.Entities {
		if e.English() == "" {
			out = append(out, e.Name)
		}
	}
	return out
}
