// Package suggest finds, for a name that names nothing, the one or two
// known names most likely meant: a homophone, a name that holds it, one a
// letter away.
package suggest

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// An Index offers, for a reference that names nothing, the one or two
// known names it most likely meant. It is built once from every name and
// id, so that each reference looked up costs about the names of its own
// length, not a pass over the whole knowledge base.
//
// Ranked best first: a homophone (the same toneless pinyin, 喻华峰 for
// 喻华锋); a name that holds the reference's characters in order with one
// or two more (北京发改委 in 北京市发改委, 廊坊 in 廊坊市); a name or id one
// edit away (two for ids of eight letters or more).
type Index struct {
	forms  []form
	pinyin map[string][]int // toneless pinyin → forms
	byRune map[rune][]int   // character → forms that contain it
	byLen  map[int][]int    // length in characters → forms
	stem   map[string][]int // name without its place suffix → forms
}

// form is one name or id of an entity.
type form struct {
	id, text string
	runes    []rune
	isID     bool
}

// New indexes the names and ids that each yields: each(add) calls
// add(id, name) for every name of every entity, and add(id, id) for its id.
func New(each func(add func(id, text string))) *Index {
	s := &Index{pinyin: map[string][]int{}, byRune: map[rune][]int{}, byLen: map[int][]int{}, stem: map[string][]int{}}
	seen := map[[2]string]bool{}
	each(func(id, text string) {
		if text == "" || seen[[2]string{id, text}] {
			return
		}
		seen[[2]string{id, text}] = true
		i := len(s.forms)
		f := form{id: id, text: text, runes: []rune(text), isID: id == text}
		s.forms = append(s.forms, f)
		if k := pinyinKey(text); k != "" {
			s.pinyin[k] = append(s.pinyin[k], i)
		}
		s.byLen[len(f.runes)] = append(s.byLen[len(f.runes)], i)
		if n := len(f.runes); n >= 2 && strings.ContainsRune(placeSuffixes, f.runes[n-1]) {
			k := string(f.runes[:n-1])
			s.stem[k] = append(s.stem[k], i)
		}
		var last rune = -1
		for _, r := range slices.Sorted(slices.Values(f.runes)) {
			if r != last {
				s.byRune[r] = append(s.byRune[r], i)
				last = r
			}
		}
	})
	return s
}

// pinyinKey is the toneless pinyin of a text that has Chinese characters,
// one syllable per character; "" for a text without any.
func pinyinKey(text string) string {
	if !isHan(text) {
		return ""
	}
	args := pinyin.NewArgs()
	args.Fallback = func(r rune, _ pinyin.Args) []string { return []string{string(unicode.ToLower(r))} }
	return strings.Join(pinyin.LazyPinyin(text, args), " ")
}

// placeSuffixes are the characters that end a place's name and that a
// reference may leave out: 廊坊 for 廊坊市.
const placeSuffixes = "市省区县"

// Scores of a suggestion, lower is better; each tier adds how far the
// name is from the reference.
const (
	tierHomophone = 0
	tierContains  = 10
	tierEdit      = 20
)

type scored struct {
	score int
	id    string
	text  string
}

// Suggest returns up to two "id (name)" suggestions for ref, best first,
// or none when no name is clearly the one meant.
func (s *Index) Suggest(ref string) []string {
	r := []rune(ref)
	if len(r) == 0 {
		return nil
	}
	best := map[string]scored{} // entity id → its best suggestion
	consider := func(i, score int) {
		f := s.forms[i]
		if old, ok := best[f.id]; !ok || score < old.score {
			best[f.id] = scored{score, f.id, f.text}
		}
	}
	if k := pinyinKey(ref); k != "" {
		for _, i := range s.pinyin[k] {
			consider(i, tierHomophone)
		}
	}
	for _, i := range s.stem[ref] {
		consider(i, tierContains) // 廊坊 for 廊坊市: only the suffix left out
	}
	// Names holding the reference's characters in order, with at most two
	// more (and fewer more than it has): look only at names that hold its
	// rarest character.
	if len(r) >= 2 {
		posting := s.byRune[r[0]]
		for _, c := range r[1:] {
			if p := s.byRune[c]; len(p) < len(posting) {
				posting = p
			}
		}
		for _, i := range posting {
			f := s.forms[i]
			extra := len(f.runes) - len(r)
			if extra < 1 || extra > 2 || extra >= len(r) || !subsequence(r, f.runes) {
				continue
			}
			consider(i, tierContains+extra)
		}
	}
	// One edit away, two for long ids.
	maxEdit := 1
	if len(r) >= 8 && !isHan(ref) {
		maxEdit = 2
	}
	if len(r) >= 3 {
		for n := len(r) - maxEdit; n <= len(r)+maxEdit; n++ {
			for _, i := range s.byLen[n] {
				f := s.forms[i]
				if d := editDistance(r, f.runes, maxEdit); d <= maxEdit && (d <= 1 || f.isID) {
					consider(i, tierEdit+d)
				}
			}
		}
	}
	if len(best) == 0 {
		return nil
	}
	list := make([]scored, 0, len(best))
	for _, c := range best {
		list = append(list, c)
	}
	slices.SortFunc(list, func(a, b scored) int { return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.id, b.id)) })
	// Three or more equally good guesses: none is clearly the one meant.
	if len(list) > 2 && list[2].score == list[0].score {
		return nil
	}
	out := []string{label(list[0])}
	// A second guess only as good as the first.
	if len(list) > 1 && list[1].score == list[0].score {
		out = append(out, label(list[1]))
	}
	return out
}

func label(c scored) string {
	if c.text == c.id {
		return c.id
	}
	return c.id + " (" + c.text + ")"
}

// subsequence reports whether every rune of a appears in b in order.
func subsequence(a, b []rune) bool {
	i := 0
	for _, c := range b {
		if i < len(a) && a[i] == c {
			i++
		}
	}
	return i == len(a)
}

// editDistance is the distance between a and b in single-character
// insertions, deletions, substitutions and swaps of neighbours (optimal
// string alignment), or max+1 when it is more than max. It computes only
// the band of cells within max of the diagonal.
func editDistance(a, b []rune, max int) int {
	inf := max + 1
	if d := len(a) - len(b); d > max || -d > max {
		return inf
	}
	var buf [3][32]int
	var rows [3][]int
	for k := range rows {
		if len(b) < len(buf[k]) {
			rows[k] = buf[k][:len(b)+1]
		} else {
			rows[k] = make([]int, len(b)+1)
		}
	}
	for j := range rows[0] {
		rows[0][j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		prev2, prev, cur := rows[(i+1)%3], rows[(i+2)%3], rows[i%3]
		lo, hi := max1(i-max), min(len(b), i+max)
		cur[0] = min(i, inf)
		if lo > 1 {
			cur[lo-1] = inf
		}
		if hi < len(b) {
			cur[hi+1] = inf
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = min(c, inf)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return inf
		}
	}
	return rows[len(a)%3][len(b)]
}

func max1(n int) int { return max(n, 1) }

// Words returns up to two of the words most like word: those one edit
// away, or two for words of six letters or more; none when three or more
// are equally near. For commands and flags.
func Words(word string, words []string) []string {
	s := New(func(add func(id, text string)) {
		for _, w := range words {
			add(w, w)
		}
	})
	max := 1
	if utf8.RuneCountInString(word) >= 6 {
		max = 2
	}
	var list []scored
	for _, f := range s.forms {
		if d := editDistance([]rune(word), f.runes, max); d <= max {
			list = append(list, scored{d, f.id, f.text})
		}
	}
	slices.SortFunc(list, func(a, b scored) int { return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.id, b.id)) })
	if len(list) > 2 && list[2].score == list[0].score {
		return nil
	}
	var out []string
	for i, c := range list {
		if i == 2 || c.score > list[0].score {
			break
		}
		out = append(out, c.id)
	}
	return out
}

// isHan reports whether s holds a Chinese character.
func isHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}
