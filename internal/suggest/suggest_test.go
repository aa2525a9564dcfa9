package suggest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSuggest(t *testing.T) {
	ents := []struct{ ID, Name string }{
		{ID: "yu-huafeng", Name: "喻华锋"},
		{ID: "beijing", Name: "北京"},
		{ID: "beijing-ndrc", Name: "北京市发改委"},
		{ID: "langfang", Name: "廊坊市"},
		{ID: "daxing", Name: "大兴区"},
		{ID: "hebei", Name: "河北省"},
		{ID: "wang-a", Name: "王甲"},
		{ID: "wang-b", Name: "王乙"},
		{ID: "wang-c", Name: "王丙"},
		{ID: "zhao-a", Name: "赵甲"},
		{ID: "zhao-b", Name: "赵乙"},
		{ID: "cooperation-agreement", Name: "战略合作框架协议"},
	}
	s := New(func(add func(id, text string)) {
		for _, e := range ents {
			add(e.ID, e.ID)
			add(e.ID, e.Name)
		}
	})
	for _, c := range []struct{ ref, want string }{
		{"喻华峰", "yu-huafeng (喻华锋)"},                      // homophone
		{"北京发改委", "beijing-ndrc (北京市发改委)"},               // containment, not 北京
		{"廊坊", "langfang (廊坊市)"},                         // place suffix left out
		{"河北", "hebei (河北省)"},                            // place suffix left out
		{"langfeng", "langfang"},                         // one-letter id typo
		{"cooperaton-agrement", "cooperation-agreement"}, // two edits in a long id
		{"yu-huafen", "yu-huafeng"},
		{"zhao-c", "zhao-a or zhao-b"}, // two as near: both
		{"王丁", ""},                     // three names as near: none
		{"上海", ""},                     // nothing near
		{"lanfgang-x", ""},             // too far
		{"大兴", "daxing (大兴区)"},
	} {
		t.Run(c.ref, func(t *testing.T) {
			if got := strings.Join(s.Suggest(c.ref), " or "); got != c.want {
				t.Errorf("suggest(%q) = %q, want %q", c.ref, got, c.want)
			}
		})
	}
}

func TestSuggestWords(t *testing.T) {
	cmds := []string{"render", "check", "stats", "diff", "extract", "version", "help"}
	flags := []string{"format", "focus", "layout", "lang", "name", "title", "out"}
	for _, c := range []struct {
		word  string
		words []string
		want  []string
	}{
		{"rendr", cmds, []string{"render"}},
		{"chekc", cmds, []string{"check"}},
		{"stat", cmds, []string{"stats"}},
		{"frobnicate", cmds, nil},
		{"fromat", flags, []string{"format"}},
		{"fcous", flags, []string{"focus"}},
		{"titel", flags, []string{"title"}},
		{"x", flags, nil},
	} {
		t.Run(c.word, func(t *testing.T) {
			if got := Words(c.word, c.words); !slices.Equal(got, c.want) {
				t.Errorf("Words(%q) = %q, want %q", c.word, got, c.want)
			}
		})
	}
}

// TestSuggestScale checks that suggesting for many unknown references in a
// large knowledge base takes about linear time: the index is built once.
func TestSuggestScale(t *testing.T) {
	var ents []struct{ ID, Name string }
	for i := range 20000 {
		ents = append(ents, struct{ ID, Name string }{ID: fmt.Sprintf("official-%05d", i), Name: fmt.Sprintf("官员%05d", i)})
	}
	start := time.Now()
	s := New(func(add func(id, text string)) {
		for _, e := range ents {
			add(e.ID, e.ID)
			add(e.ID, e.Name)
		}
	})
	for i := range 100 { // as many as a load suggests for
		s.Suggest(fmt.Sprintf("official-%05dx", i*7))
		s.Suggest(fmt.Sprintf("官%05d", i*7))
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("%d suggestions among %d entities took %v", 200, len(ents), d)
	}
}
