package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
)

// The development corpus (testdata/corpus) holds short articles written for
// the tests in the forms real reports of secondments use, none copied from
// a real article; NAME.want lists the secondments each states, one a line:
//
//	official | home body | home post | host body | host post
//
// An empty home body means the text does not say it. A drafted secondment
// is right when its official, host body and home body are; posts are
// counted apart.
//
//	go test ./extract -run Eval -v

type corpusWant struct {
	official, from, fromPost, to, toPost string
}

func readWants(t *testing.T, path string) []corpusWant {
	rows, err := readRows(path, 5)
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusWant
	for _, p := range rows {
		out = append(out, corpusWant{p[0], p[1], p[2], p[3], p[4]})
	}
	return out
}

func TestEvalCorpus(t *testing.T) {
	recall, wrongRate := evalDir(t, "testdata/corpus")
	if recall < 0.9 {
		t.Errorf("recall %.1f%%, want at least 90%%", 100*recall)
	}
	if wrongRate > 0.03 {
		t.Errorf("%.1f%% of drafted facts wrong, want at most 3%%", 100*wrongRate)
	}
}

// testdata/heldout was written after the extractor's patterns were fixed
// and is only measured, never tuned to: its figures estimate how the
// extractor does on text it was not written for.
func TestEvalHeldout(t *testing.T) {
	evalDir(t, "testdata/heldout")
}

func evalDir(t *testing.T, dir string) (recall, wrongRate float64) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	var want, recalled, postsRight, drafted, wrong, officials, realOfficials int
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		a := Article{Name: filepath.Base(file), Text: string(text)}
		res, err := Draft(a, Options{})
		if err != nil {
			t.Fatal(err)
		}
		g := load(t, a, res)
		wants := readWants(t, strings.TrimSuffix(file, ".txt")+".want")
		want += len(wants)
		// The name recogniser's precision: every official drafted is a
		// person the article names.
		for _, e := range g.Entities {
			if e.Kind != graph.Official {
				continue
			}
			officials++
			if slices.ContainsFunc(wants, func(w corpusWant) bool { return w.official == e.Name }) {
				realOfficials++
			} else {
				t.Logf("%s: drafted official %s is no one the article names", a.Name, e.Name)
			}
		}
		dn := namer{g}
		matched := map[int]bool{}
		for _, r := range g.Relations {
			for _, e := range r.Evidence {
				if !strings.Contains(a.Text, e.Quote) {
					t.Errorf("%s: quote not verbatim: %q", a.Name, e.Quote)
				}
			}
			if r.Kind == graph.Post || r.Kind == graph.PartOf {
				continue
			}
			drafted++
			ok := false
			for i, w := range wants {
				if matched[i] || r.Kind != graph.Secondment || !same(dn.forms(r.From), []string{w.official}) ||
					!same(dn.forms(r.To), []string{w.to}) {
					continue
				}
				if w.from == "" && r.FromBody == "" || w.from != "" && r.FromBody != "" && same(dn.forms(r.FromBody), []string{w.from}) {
					ok, matched[i] = true, true
					recalled++
					if r.Post == w.toPost && r.FromPost == w.fromPost {
						postsRight++
					} else {
						t.Logf("%s: %s: posts %q → %q, want %q → %q", a.Name, w.official, r.FromPost, r.Post, w.fromPost, w.toPost)
					}
					break
				}
			}
			if !ok {
				wrong++
				from := ""
				if r.FromBody != "" {
					from = dn.forms(r.FromBody)[0]
				}
				t.Logf("%s: wrong %s: %s (%s %s) → %s %s", a.Name, r.Kind, dn.forms(r.From)[0], from, r.FromPost, dn.forms(r.To)[0], r.Post)
			}
		}
		for i, w := range wants {
			if !matched[i] {
				t.Logf("%s: missed %s: %s %s → %s %s", a.Name, w.official, w.from, w.fromPost, w.to, w.toPost)
			}
		}
	}
	recall = float64(recalled) / float64(want)
	wrongRate = float64(wrong) / float64(max(drafted, 1))
	t.Logf("%s: %d files, %d secondments stated", dir, len(files), want)
	t.Logf("secondments recalled: %d/%d (%.1f%%) with official, home and host body right; %d of them with both posts right",
		recalled, want, 100*recall, postsRight)
	t.Logf("drafted facts wrong:  %d/%d (%.1f%%)", wrong, drafted, 100*wrongRate)
	t.Logf("officials drafted:    %d, of them people the articles name: %d", officials, realOfficials)
	return recall, wrongRate
}
