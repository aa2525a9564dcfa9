package extract

import (
	"strings"
	"testing"
)

// TestPatternExamples reads every example sentence of the pattern table
// and checks that its row matches it and reads what the example says.
func TestPatternExamples(t *testing.T) {
	for _, p := range parsedPatterns() {
		for i, ex := range p.examples {
			t.Run(p.name+"/"+string(rune('a'+i)), func(t *testing.T) {
				text := simplify(ex[0])
				sp := tagSpans(text)
				r := &reader{chain: map[int]string{}}
				for k := range sp {
					if sp[k].kind == tBody {
						r.full(text, &sp[k])
					}
				}
				var got []string
				for _, m := range matches(text, sp) {
					if m.p.name != p.name {
						got = append(got, m.p.name)
						continue
					}
					field := func(s *span) string {
						if s == nil {
							return ""
						}
						if s.kind == tBody {
							return text[s.start:s.end]
						}
						return s.text
					}
					fields := []string{field(m.official), field(m.home), field(m.homePost)}
					if p.kind != homeOf && p.kind != intro {
						fields = append(fields, field(m.host), field(m.hostPt))
					}
					if g := strings.Join(fields, "|"); g != ex[1] {
						t.Errorf("%s\nread  %s\nwant  %s", ex[0], g, ex[1])
					}
					return
				}
				t.Errorf("%s: row %s does not match; rows that do: %v\nspans: %s", ex[0], p.name, got, spansString(text, sp))
			})
		}
	}
}

func spansString(text string, sp []span) string {
	var b strings.Builder
	for _, s := range sp {
		if s.kind == tText || s.kind == tPunct {
			b.WriteString(text[s.start:s.end])
			continue
		}
		b.WriteString("[" + map[tagKind]string{tBody: "BODY", tPost: "POST", tName: "NAME", tPronoun: "PRON", tDate: "DATE"}[s.kind] + ":" + s.text + "]")
	}
	return b.String()
}
