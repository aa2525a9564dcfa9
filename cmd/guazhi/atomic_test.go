package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guazhi/guazhi/internal/golden"
	"github.com/guazhi/guazhi/kb"
)

// goodKB is named like the bad corpus, so that its outputs are the files a
// bad run would overwrite.
const goodKB = `name: bad
sources:
  - {id: s, title: 报道, file: source.txt}
entities:
  - {id: yu, kind: official, name: 喻华锋}
  - {id: daxing, kind: body, name: 大兴区, jurisdiction: beijing}
  - {id: langfang, kind: body, name: 廊坊市, jurisdiction: hebei}
secondments:
  - official: 喻华锋
    from: {body: 大兴区, post: 副区长}
    to: {body: 廊坊市, post: 副市长}
    start: 2015-07
    evidence: [{source: s, quote: 挂任廊坊市副市长的北京大兴区副区长喻华锋}]
`

// snapshot reads every file in dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameFiles fails unless dir holds exactly the files of before, each
// byte-identical: nothing replaced, nothing added, no temporary file left.
func sameFiles(t *testing.T, dir string, before map[string][]byte) {
	t.Helper()
	after := snapshot(t, dir)
	for p, b := range before {
		if a, ok := after[p]; !ok {
			t.Errorf("%s was removed", p)
		} else if !bytes.Equal(a, b) {
			t.Errorf("%s changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was written", p)
		}
	}
}

func runGuazhi(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = exitCode(run(args, nil, &o, &e), &e)
	return o.String(), e.String(), code
}

// allFormats is every format guazhi writes, so that a new one is covered.
func allFormats() string { return strings.Join(formatNames(), ",") }

// copyCorpus copies testdata/bad into a new directory, adds the cases too
// big to keep in the repository, and makes it the working directory.
func copyCorpus(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs("../../testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	// oversize.yaml: one byte over the limit, sparse so it costs no disk.
	big := filepath.Join(dir, "oversize.yaml")
	if err := os.WriteFile(big, []byte("name: bad\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, kb.MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(goodKB), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

// TestBadCorpusCLI runs guazhi render and check on every knowledge base of
// testdata/bad: each prints its errors exactly as the loader gives them
// (CASE.cli.err where the command line words one differently), exits 1
// within a time bound, and writes nothing: earlier outputs stay
// byte-identical and no temporary file is left; with -o - nothing reaches
// standard output.
//
// -update rewrites CASE.cli.err where the command line's words differ
// from CASE.err, and removes it where they do not.
func TestBadCorpusCLI(t *testing.T) {
	const maxTime = 10 * time.Second // generous: a busy machine must not fail it; blow-ups took minutes
	corpus, err := filepath.Abs("../../testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	dir := copyCorpus(t)
	if _, stderr, code := runGuazhi("render", "-f", allFormats(), "-o", "out", "good.yaml"); code != 0 {
		t.Fatalf("good.yaml: exit %d\n%s", code, stderr)
	}
	before := snapshot(t, "out")
	if len(before) < len(formatNames()) {
		t.Fatalf("only %d outputs: %v", len(before), before)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	n := 0
	for _, name := range names {
		c := strings.TrimSuffix(filepath.Base(name), ".yaml")
		if strings.HasSuffix(c, ".2") || c == "good" {
			continue
		}
		n++
		t.Run(c, func(t *testing.T) {
			args := []string{c + ".yaml"}
			if _, err := os.Stat(c + ".2.yaml"); err == nil {
				args = append(args, c+".2.yaml")
			}
			want, err := os.ReadFile(c + ".cli.err")
			if errors.Is(err, fs.ErrNotExist) {
				want, err = os.ReadFile(c + ".err")
			}
			if err != nil {
				t.Fatal(err)
			}
			if golden.Update() {
				want = updateCLIErr(t, filepath.Join(corpus, c), args)
			}
			problems := strings.Count(string(want), "\n")
			wantErr := fmt.Sprintf("%sguazhi: %d %s\n", want, problems, plural(problems, "problem", "problems"))
			for _, cmd := range [][]string{
				append([]string{"render", "-f", allFormats(), "-o", "out"}, args...),
				append([]string{"render", "-f", "dot", "-o", "-"}, args...),
				append([]string{"render", "-f", "svg", "-o", "out/bad.svg"}, args...),
				append([]string{"check"}, args...),
			} {
				start := time.Now()
				stdout, stderr, code := runGuazhi(cmd...)
				if d := time.Since(start); d > maxTime {
					t.Errorf("%s: took %v, more than %v", cmd, d, maxTime)
				}
				if code != 1 {
					t.Errorf("%s: exit %d, want 1", cmd, code)
				}
				if stdout != "" {
					t.Errorf("%s: wrote %d bytes to standard output", cmd, len(stdout))
				}
				if stderr != wantErr {
					t.Errorf("%s: stderr:\n%swant:\n%s", cmd, stderr, wantErr)
				}
			}
			sameFiles(t, "out", before)
		})
	}
	if n < 25 {
		t.Errorf("only %d cases", n)
	}
}

// updateCLIErr writes the errors guazhi check prints for args to
// base.cli.err when they differ from base.err, removes base.cli.err when
// they do not, and returns them.
func updateCLIErr(t *testing.T, base string, args []string) []byte {
	t.Helper()
	_, stderr, _ := runGuazhi(append([]string{"check"}, args...)...)
	got := []byte(stderr[:strings.LastIndex(strings.TrimSuffix(stderr, "\n"), "\n")+1]) // without guazhi: N problems
	loader, err := os.ReadFile(base + ".err")
	if err == nil && bytes.Equal(got, loader) {
		if err := os.Remove(base + ".cli.err"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		return got
	}
	golden.Check(t, base+".cli.err", got)
	return got
}

// TestDirectoryInTheWay makes the rename of the second output fail (a
// directory stands where it goes): the first output must not have been
// replaced either.
func TestDirectoryInTheWay(t *testing.T) {
	copyCorpus(t)
	if _, stderr, code := runGuazhi("render", "-f", "dot", "-o", "out", "good.yaml"); code != 0 {
		t.Fatal(stderr)
	}
	if err := os.Mkdir("out/bad.svg", 0o755); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(goodKB, "副区长}", "区长}", 1)
	if err := os.WriteFile("good.yaml", []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, "out")
	_, stderr, code := runGuazhi("render", "-f", "dot,svg", "-o", "out", "good.yaml")
	if code != 1 || !strings.Contains(stderr, "out/bad.svg: it is a directory") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	sameFiles(t, "out", before)
}

// failWriter fails every write, as standard output on a full disk does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestStdoutFails checks that a failing standard output is an error with
// exit status 1, not a silent success.
func TestStdoutFails(t *testing.T) {
	var stderr bytes.Buffer
	err := run([]string{"render", "-f", "json", "-o", "-"}, nil, failWriter{}, &stderr)
	if code := exitCode(err, &stderr); code != 1 || !strings.Contains(stderr.String(), "no space left on device") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
}

// TestOutputNamesStayInside renders knowledge bases whose names (given or
// taken from the file name) try to leave the output directory, in every
// format: every file lands inside it.
func TestOutputNamesStayInside(t *testing.T) {
	for _, name := range []string{"../../x", "/etc/passwd", "..", ".", "", ".hidden", "a/../../b", `..\..\x`, "-rf", "x\x00y"} {
		got := safeBase(name + ".dot")
		if got != filepath.Base(got) || strings.HasPrefix(got, ".") || got == "" {
			t.Errorf("safeBase(%q) = %q, which is not a plain file name", name+".dot", got)
		}
	}
	dir := t.TempDir()
	t.Chdir(dir)
	src := "sources:\n  - {id: s, title: T}\nentities:\n  - {id: a, kind: body, name: 甲}\n  - {id: b, kind: body, name: 乙}\n" +
		"links:\n  - {kind: meeting, from: a, to: b, evidence: [{source: s, quote: q}]}\n"
	for _, base := range []struct{ file, name string }{
		{"..yaml", ""},      // no name: taken from the file, which makes "."
		{"...yaml", ""},     // ".."
		{"-x.yaml", ""},     // not a valid name
		{"ok.yaml", "..."},  // a name the loader refuses
		{"ok.yaml", "../x"}, // likewise
	} {
		t.Run(base.file+" "+base.name, func(t *testing.T) {
			data := src
			if base.name != "" {
				data = "name: \"" + base.name + "\"\n" + src
			}
			if err := os.MkdirAll("kb", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("kb", base.file), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join("deep", "out")
			_, stderr, code := runGuazhi("render", "-f", allFormats(), "-o", out, filepath.Join("kb", base.file))
			if code != 0 && code != 1 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				if !strings.HasPrefix(p, "kb"+string(filepath.Separator)) && filepath.Dir(p) != out {
					t.Errorf("wrote %s, outside %s", p, out)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			os.RemoveAll("deep")
		})
	}
}
