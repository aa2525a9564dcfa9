package graph_test

import (
	"fmt"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// The embedded data set, as `guazhi check` and `guazhi stats` see it.
func ExampleLoadDefault() {
	g, err := kb.LoadDefault()
	if err != nil {
		panic(err)
	}
	s := g.Stats()
	fmt.Println(g.Name, s.Entities, "entities,", s.Relations, "relations")
	fmt.Println("best connected:", s.Officials[0].Official.Name)
	// Output:
	// jingji-2015 46 entities, 83 relations
	// best connected: 曹蕾
}

// Keep the neighbourhood of one official, as `guazhi render --focus 喻华锋` does.
func ExampleGraph_Select() {
	g, err := kb.LoadDefault()
	if err != nil {
		panic(err)
	}
	f, err := g.Select(graph.Selection{Focus: "喻华锋", Kinds: []string{graph.Secondment, graph.Post}})
	if err != nil {
		panic(err)
	}
	for _, r := range f.Relations {
		fmt.Println(r.Kind, f.Entity(r.From).Name, "→", f.Entity(r.To).Name, r.Label())
	}
	fmt.Println(f.Filter)
	// Output:
	// secondment 喻华锋 → 廊坊市 挂任副市长
	// post 喻华锋 → 大兴区 副区长
	// 喻华锋 (yu-huafeng) and 1 step around; kinds secondment,post
}
