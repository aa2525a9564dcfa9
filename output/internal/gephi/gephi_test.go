package gephi

import "testing"

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
