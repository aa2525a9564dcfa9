package diff_test

import (
	"os"
	"testing/fstest"

	"github.com/guazhi/guazhi/diff"
	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// ExampleCompare compares a knowledge base with its next version, in which
// a second source restates the secondment and an official is renamed.
func ExampleCompare() {
	fs := fstest.MapFS{}
	parse := func(text string) *graph.Graph {
		g, err := kb.Parse(fs, kb.Input{Name: "kb.yaml", Data: []byte(text)})
		if err != nil {
			panic(err)
		}
		return g
	}
	old := parse(`name: kb
sources: [{id: a, title: A}, {id: b, title: B}]
entities:
  - {id: zhang, kind: official, name: 张三}
  - {id: yi, kind: body, name: 乙市}
secondments:
  - {official: zhang, to: {body: yi, post: 副市长}, start: 2015-07, evidence: [{source: a, quote: 张三挂任乙市副市长}]}
`)
	new := parse(`name: kb
sources: [{id: a, title: A}, {id: b, title: B}]
entities:
  - {id: zhang, kind: official, name: 张叁}
  - {id: yi, kind: body, name: 乙市}
secondments:
  - {official: zhang, to: {body: yi, post: 副市长}, start: 2015-07, evidence: [{source: a, quote: 张三挂任乙市副市长}, {source: b, quote: 张叁任副市长}]}
`)
	if err := diff.Compare(old, new).Write(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// official
	//   ~ zhang  张叁
	//       name: 张三 → 张叁
	// secondment
	//   = zhang → yi 2015-07  挂任副市长
	//       sources: [a] → [a, b]
	//       quotes:
	//         + [b] 张叁任副市长
	// 2 differences: 0 added, 0 removed, 1 changed, 1 re-sourced
}
