package extract

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// TestScore measures the extractor on the development corpora
// (testdata/dev and testdata/dev2, see their READMEs): precision and recall of secondments, per
// form and overall, and how often the posts and dates of the secondments
// found are right.
//
//	go test ./extract -run Score -v
//
// testdata/aside and testdata/aside2 are held-out corpora, in the same
// format, written by others and kept unread while the extractor is
// written. They are scored only when GUAZHI_SCORE_ASIDE=1, and only in
// aggregate: no passage of them is named or printed.
//
//	GUAZHI_SCORE_ASIDE=1 go test ./extract -run Score/aside -v
func TestScore(t *testing.T) {
	for _, dir := range []string{"dev", "dev2"} {
		t.Run(dir, func(t *testing.T) {
			sc := scoreDir(t, filepath.Join("testdata", dir), true)
			t.Log("\n" + sc.report())
		})
	}
	for _, dir := range []string{"aside", "aside2"} {
		t.Run(dir, func(t *testing.T) {
			if os.Getenv("GUAZHI_SCORE_ASIDE") != "1" {
				t.Skip("the held-out corpora are scored only with GUAZHI_SCORE_ASIDE=1")
			}
			sc := scoreDir(t, filepath.Join("testdata", dir), false)
			t.Log("\n" + sc.report())
		})
	}
}

// scoreWant is one line of a NAME.want file.
type scoreWant struct {
	form, official, from, fromPost, to, toPost, start, end string
}

func readScoreWants(path string) ([]scoreWant, error) {
	rows, err := readRows(path, 8)
	var out []scoreWant
	for _, p := range rows {
		out = append(out, scoreWant{p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]})
	}
	return out, err
}

// readRows reads a file of rows of n fields separated by |, leaving out
// blank lines and comments (#); fields are trimmed.
func readRows(path string, n int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for k := 1; sc.Scan(); k++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "|")
		if len(p) != n {
			return nil, fmt.Errorf("%s:%d: want %d fields, got %d", path, k, n, len(p))
		}
		for i := range p {
			p[i] = strings.TrimSpace(p[i])
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// tally counts one form's secondments: stated, drafted and right.
type tally struct{ want, drafted, right int }

// score is what scoreDir measured.
type score struct {
	files, negatives int
	forms            map[string]*tally
	all              tally
	// Of the secondments found: how many have each field right.
	fields map[string]int
	// Of the secondments drafted wrong: how many for each reason.
	wrongs map[string]int
}

func (s *score) form(f string) *tally {
	if s.forms[f] == nil {
		s.forms[f] = &tally{}
	}
	return s.forms[f]
}

func pct(a, b int) string {
	if b == 0 {
		return "   -  "
	}
	return fmt.Sprintf("%5.1f%%", 100*float64(a)/float64(b))
}

func (s *score) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d passages (%d negatives), %d secondments stated, %d drafted\n",
		s.files, s.negatives, s.all.want, s.all.drafted)
	fmt.Fprintf(&b, "%-16s %6s %7s %6s %9s %7s\n", "form", "stated", "drafted", "right", "precision", "recall")
	forms := make([]string, 0, len(s.forms))
	for f := range s.forms {
		forms = append(forms, f)
	}
	slices.SortFunc(forms, func(a, b string) int {
		return cmp.Or(cmp.Compare(s.forms[b].want, s.forms[a].want), cmp.Compare(a, b))
	})
	line := func(name string, t tally) {
		fmt.Fprintf(&b, "%-16s %6d %7d %6d %9s %7s\n", name, t.want, t.drafted, t.right, pct(t.right, t.drafted), pct(t.right, t.want))
	}
	for _, f := range forms {
		line(f, *s.forms[f])
	}
	line("overall", s.all)
	if len(s.wrongs) > 0 {
		b.WriteString("drafted wrong, why:")
		for _, why := range []string{"no such official", "host differs", "home missing", "home differs"} {
			if s.wrongs[why] > 0 {
				fmt.Fprintf(&b, " %s %d;", why, s.wrongs[why])
			}
		}
		b.WriteString("\n")
	}
	oh := s.all.right + s.wrongs["home missing"] + s.wrongs["home differs"]
	fmt.Fprintf(&b, "official and host right (home aside): %d of %d drafted (%s), %s of those stated\n",
		oh, s.all.drafted, strings.TrimSpace(pct(oh, s.all.drafted)), strings.TrimSpace(pct(oh, s.all.want)))
	fmt.Fprintf(&b, "fields right, of the %d secondments found:", s.all.right)
	for _, f := range []string{"home post", "host post", "start", "end"} {
		fmt.Fprintf(&b, " %s %s;", f, pct(s.fields[f], s.all.right))
	}
	return strings.TrimSuffix(b.String(), ";") + "\n"
}

// scoreNorm is a field as the scorer compares it: simplified, without
// spaces, line breaks or the mark （挂职）.
func scoreNorm(s string) string {
	s = simplify(s)
	s = strings.NewReplacer("（挂职）", "", "(挂职)", "", " ", "", "\u3000", "", "\n", "", "\r", "").Replace(s)
	return s
}

// scoreDir drafts every passage of dir and scores it against its .want.
// With verbose, each miss and each wrong draft is logged by passage.
func scoreDir(t *testing.T, dir string, verbose bool) *score {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no passages in %s: %v", dir, err)
	}
	sc := &score{files: len(files), forms: map[string]*tally{}, fields: map[string]int{}, wrongs: map[string]int{}}
	logf := func(format string, args ...any) {
		if verbose {
			t.Logf(format, args...)
		}
	}
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		wants, err := readScoreWants(strings.TrimSuffix(file, ".txt") + ".want")
		if err != nil {
			t.Fatal(err)
		}
		if len(wants) == 0 {
			sc.negatives++
		}
		name := filepath.Base(file)
		a := Article{Name: name, Text: string(text)}
		res, err := Draft(a, Options{})
		if err != nil {
			if verbose {
				t.Errorf("%s: %v", name, err)
			} else {
				t.Error("a passage does not draft")
			}
			continue
		}
		g, err := kb.Parse(mapFS(a), kb.Input{Name: "draft.yaml", Data: res.YAML})
		if err != nil {
			if verbose {
				t.Errorf("%s: draft does not load: %v", name, err)
			} else {
				t.Error("a passage's draft does not load")
			}
			continue
		}
		for _, w := range wants {
			sc.form(w.form).want++
			sc.all.want++
		}
		dn := namer{g}
		forms := func(id string) []string {
			var out []string
			for _, f := range dn.forms(id) {
				if f != "" {
					out = append(out, scoreNorm(f))
				}
			}
			return out
		}
		matched := make([]bool, len(wants))
		for _, r := range g.Relations {
			if r.Kind != graph.Secondment {
				continue
			}
			sc.all.drafted++
			official := forms(r.From)
			// The form a draft counts under: that of the line naming its
			// official, else the passage's first form, else "negative".
			form := "negative"
			if len(wants) > 0 {
				form = wants[0].form
			}
			for _, w := range wants {
				if slices.Contains(official, w.official) {
					form = w.form
					break
				}
			}
			sc.form(form).drafted++
			found := -1
			for i, w := range wants {
				if matched[i] || !slices.Contains(official, w.official) || !same(forms(r.To), []string{w.to}) {
					continue
				}
				if w.from == "" && r.FromBody == "" || w.from != "" && r.FromBody != "" && same(forms(r.FromBody), []string{w.from}) {
					found = i
					break
				}
			}
			if found < 0 {
				from := ""
				if r.FromBody != "" {
					from = forms(r.FromBody)[0]
				}
				logf("%s: wrong: %s | %s | %s | %s | %s", name, official[0], from, r.FromPost, forms(r.To)[0], r.Post)
				sc.wrongs[whyWrong(wants, official, forms(r.To), r.FromBody == "")]++
				continue
			}
			matched[found] = true
			w := wants[found]
			sc.form(w.form).right++
			sc.all.right++
			got := map[string][2]string{
				"home post": {scoreNorm(r.FromPost), w.fromPost},
				"host post": {scoreNorm(r.Post), w.toPost},
				"start":     {r.Start.String(), w.start},
				"end":       {r.End.String(), w.end},
			}
			for f, v := range got {
				if v[0] == v[1] {
					sc.fields[f]++
				} else {
					logf("%s: %s: %s %q, want %q", name, w.official, f, v[0], v[1])
				}
			}
		}
		for i, w := range wants {
			if !matched[i] {
				logf("%s: missed (%s): %s | %s | %s | %s | %s", name, w.form, w.official, w.from, w.fromPost, w.to, w.toPost)
			}
		}
	}
	return sc
}

// whyWrong says why a drafted secondment matches no line: its official is
// no one the passage seconds, its host is not theirs, or its home is
// missing or not theirs.
func whyWrong(wants []scoreWant, official, host []string, noHome bool) string {
	why := "no such official"
	for _, w := range wants {
		if !slices.Contains(official, w.official) {
			continue
		}
		if !same(host, []string{w.to}) {
			why = "host differs"
			continue
		}
		if noHome {
			return "home missing"
		}
		return "home differs"
	}
	return why
}

func mapFS(a Article) fstest.MapFS { return fstest.MapFS{a.Name: {Data: []byte(a.Text)}} }
