package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// The extractor's patterns are written in simplified characters. A text in
// traditional characters (Hong Kong and Taiwan media) is matched through a
// copy converted by OpenCC's t2s dictionaries, rune for rune, so that a
// sentence found in the copy is quoted from the same runes of the original.

// t2s is OpenCC's converter, loaded once on first use and never changed.
var t2s = sync.OnceValue(func() *opencc.OpenCC {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil // the dictionaries are embedded: cannot happen
	}
	return cc
})

func converter() *opencc.OpenCC { return t2s() }

// hk2s is OpenCC's Hong Kong converter, which also knows the variant
// characters (衞 → 卫) that t2s leaves as they are.
var hk2s = sync.OnceValue(func() *opencc.OpenCC {
	cc, err := opencc.New("hk2s")
	if err != nil {
		return nil
	}
	return cc
})

// variant converts a character t2s leaves unchanged by hk2s, rune for rune.
func variant(r rune) rune {
	cc := hk2s()
	if cc == nil {
		return r
	}
	if out, err := cc.Convert(string(r)); err == nil && utf8.RuneCountInString(out) == 1 {
		s, _ := utf8.DecodeRuneInString(out)
		return s
	}
	return r
}

// simplifyRune converts one character by OpenCC's character dictionary,
// remembering the answer in seen.
func simplifyRune(cc *opencc.OpenCC, r rune, seen map[rune]rune) rune {
	if s, ok := seen[r]; ok {
		return s
	}
	s := r
	if out, err := cc.Convert(string(r)); err == nil && utf8.RuneCountInString(out) == 1 {
		s, _ = utf8.DecodeRuneInString(out)
	}
	if s == r {
		s = variant(r)
	}
	seen[r] = s
	return s
}

// maxPhraseLine bounds the lines converted with OpenCC's phrase
// dictionaries, whose matcher is slow; longer lines keep the conversion
// character by character.
const maxPhraseLine = 600

// simplify returns text in simplified characters with full-width
// punctuation, digits and letters made ASCII (the patterns are written with
// ASCII punctuation), with exactly as many runes as text, each converted
// from the rune at the same position. It returns text itself when nothing
// changes.
func simplify(text string) string {
	var b strings.Builder
	changed := false
	seen := map[rune]rune{}
	for lineStart := 0; lineStart < len(text); {
		end := strings.IndexByte(text[lineStart:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += lineStart + 1
		}
		line := text[lineStart:end]
		out := simplifyLine(line, seen)
		if out != line {
			changed = true
		}
		b.WriteString(out)
		lineStart = end
	}
	if !changed {
		return text
	}
	return b.String()
}

func simplifyLine(line string, seen map[rune]rune) string {
	var b []byte
	han := false
	for i, r := range line {
		s := r
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII: ，；：（）０-９
			s = r - 0xFEE0
		case r >= 0x2E80 && unicode.Is(unicode.Han, r):
			if cc := converter(); cc != nil {
				s = simplifyRune(cc, r, seen)
			}
		}
		if s != r && b == nil {
			b = append(make([]byte, 0, len(line)), line[:i]...)
		}
		if s != r && unicode.Is(unicode.Han, r) {
			han = true
		}
		if b != nil {
			b = utf8.AppendRune(b, s)
		}
	}
	if b == nil {
		return line
	}
	// Characters with more than one simplified form (乾 → 干 or 乾) need
	// the phrase dictionary; its result is used only when it keeps every
	// rune in place.
	if cc := converter(); cc != nil && han && len(line) <= maxPhraseLine*3 {
		if out, err := cc.Convert(line); err == nil && utf8.RuneCountInString(out) == utf8.RuneCountInString(line) {
			// The phrase dictionary's answer, with the variants it leaves
			// (衞) as the character dictionaries convert them.
			return string(mergeVariants([]rune(fullWidthASCII(out)), []rune(line), []rune(string(b))))
		}
	}
	return string(b)
}

func fullWidthASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, s)
}

// origForm is the original text's spelling of form where sentence s states
// it: 喬振宇 for 乔振宇 in a traditional text. It returns "" when s does
// not contain form or spells it the same.
func (s *sentence) origForm(form string) string {
	if s.orig == s.text {
		return ""
	}
	i := strings.Index(s.text, form)
	if i < 0 {
		return ""
	}
	start := utf8.RuneCountInString(s.text[:i])
	n := utf8.RuneCountInString(form)
	k, from := 0, -1
	for j := range s.orig {
		if k == start {
			from = j
		}
		if k == start+n {
			out := s.orig[from:j]
			if out == form {
				return ""
			}
			return out
		}
		k++
	}
	if from >= 0 && k == start+n {
		if out := s.orig[from:]; out != form {
			return out
		}
	}
	return ""
}

// originalForms adds to each entity of a drafted secondment the spelling
// the original text uses, when it differs (traditional characters), so the
// draft shows the names as the source writes them.
func (d *drafter) originalForms() {
	for _, sec := range d.secs {
		for _, e := range []*entity{sec.official, sec.to.body, sec.from.body} {
			if e == nil {
				continue
			}
			for _, ev := range sec.ev {
				for _, f := range append([]string{e.name}, e.forms...) {
					if o := ev.s.origForm(f); o != "" && allNameRunes(o) {
						e.addForm(o)
					}
				}
			}
		}
	}
}

// mergeVariants takes the phrase conversion, except where it left a
// character as it was and the character conversion changed it.
func mergeVariants(phrase, orig, chars []rune) []rune {
	for i := range phrase {
		if i < len(orig) && i < len(chars) && phrase[i] == orig[i] && chars[i] != orig[i] {
			phrase[i] = chars[i]
		}
	}
	return phrase
}
