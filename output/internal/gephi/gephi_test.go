package gephi

import (
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	for _, tc := range []struct {
		name  string
		items []string
		want  string
	}{
		{"empty", nil, `[]`},
		{"one", []string{"北京"}, `["北京"]`},
		{"two", []string{"a", "b"}, `["a", "b"]`},
		{"hostile", []string{`say "hi"`, `a\b`, "x, y|z"}, `["say \"hi\"", "a\\b", "x, y|z"]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := List(tc.items); got != tc.want {
				t.Errorf("List(%q) = %s, want %s", tc.items, got, tc.want)
			}
		})
	}
}

func TestListInvalidUTF8(t *testing.T) {
	// Invalid bytes become U+FFFD, as ranging over the string makes them.
	if got, want := List([]string{"a\xffb\xe4\xb8", `"`}), "[\"a\uFFFDb\uFFFD\uFFFD\", \"\\\"\"]"; got != want {
		t.Errorf("List = %q, want %q", got, want)
	}
}

func FuzzList(f *testing.F) {
	f.Add("a", `say "hi" \ 北京`)
	f.Add("\xff", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		items := []string{a, b}
		var want strings.Builder
		want.WriteByte('[')
		for i, s := range items {
			if i > 0 {
				want.WriteString(", ")
			}
			want.WriteByte('"')
			for _, c := range s {
				if c == '"' || c == '\\' {
					want.WriteByte('\\')
				}
				want.WriteRune(c)
			}
			want.WriteByte('"')
		}
		want.WriteByte(']')
		if got := List(items); got != want.String() {
			t.Errorf("List(%q) = %q, want %q", items, got, want.String())
		}
	})
}
