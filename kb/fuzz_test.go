package kb_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/guazhi/guazhi/internal/outcheck"
	"github.com/guazhi/guazhi/kb"
)

// FuzzLoad loads arbitrary bytes as a knowledge base, seeded from the bad
// corpus and the test knowledge bases. Loading must not panic; an error must
// be an ErrorList of positioned errors with sentinels; a graph must come out
// of every writer as output its format's parser reads.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(badDir, "*.yaml"))
	seeds = append(seeds, "../testdata/hostile/kb.yaml", "../testdata/basic/kb.yaml", "../testdata/export/kb.yaml")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	var text []byte
	for _, s := range []string{"source.txt", "../hostile/source.txt", "../basic/source.txt"} {
		b, err := os.ReadFile(filepath.Join(badDir, s))
		if err != nil {
			f.Fatal(err)
		}
		text = append(text, b...)
	}
	fs := fstest.MapFS{}
	for _, name := range []string{"source.txt", "s.txt", "sources/thepaper.txt"} {
		fs[name] = &fstest.MapFile{Data: text}
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, fs, kb.Input{Name: "kb.yaml", Data: data}) })
}

// fuzzLoad loads one fuzzed input and checks the error or the graph.
func fuzzLoad(t *testing.T, fs fstest.MapFS, in kb.Input) {
	g, err := kb.Parse(fs, in)
	if err != nil {
		var list kb.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %T is not a kb.ErrorList: %v", err, err)
		}
		for i, e := range list {
			if e.Omitted > 0 && i == len(list)-1 && errors.Is(e, kb.ErrLimit) {
				continue // the count of the problems past kb.MaxErrors
			}
			if e.Err == nil || !errLine.MatchString(e.Error()) {
				t.Fatalf("error %q has no sentinel or is not file:line:col: message", e.Error())
			}
		}
		return
	}
	outcheck.Check(t, g)
}

// FuzzLoadJSONL is FuzzLoad for JSON Lines, seeded from the test knowledge
// base's JSON Lines and lines that break JSON Lines' rules.
func FuzzLoadJSONL(f *testing.F) {
	data, err := os.ReadFile("../testdata/basic/kb.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{
		"\uFEFF{\"name\": \"x\"}\n{\"name\": \"y\"}\n",
		`{"entity": {"id": "a", "kind": "body", "name": "甲", "id": "b"}}`,
		`{"entity": {"id": "a", "kind": "body", "Name": "甲\ud800"}}`,
		`{"link": {"kind": "m", "from": "a", "to": "b", "evidence": [{"source": "s", "quote": "\ud83d\ude00"}]}}`,
		"[]\n[]\n{}\n\"x\"\n",
	} {
		f.Add([]byte(s))
	}
	fs := fstest.MapFS{"source.txt": {Data: []byte("张三挂任李四市副市长。")}}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, fs, kb.Input{Name: "kb.jsonl", Data: data}) })
}
