package ftm_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/ftm"
)

// One official's secondment, as `guazhi render -f ftm --focus 喻华锋
// --kinds secondment -o -` writes it: the official, the host body, the
// post and its occupancy.
func ExampleWrite() {
	g, err := kb.LoadDefault()
	if err != nil {
		panic(err)
	}
	if g, err = g.Select(graph.Selection{Focus: "喻华锋", Kinds: []string{graph.Secondment}}); err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := ftm.Write(&b, g, ftm.Options{}); err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(&b)
	for sc.Scan() {
		var e struct {
			ID         string              `json:"id"`
			Schema     string              `json:"schema"`
			Properties map[string][]string `json:"properties"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			panic(err)
		}
		fmt.Print(e.Schema, " ", e.ID)
		for _, k := range []string{"name", "holder", "post", "startDate", "endDate"} {
			if v := e.Properties[k]; v != nil {
				fmt.Print(" ", k, "=", v[0])
			}
		}
		fmt.Println()
	}
	// Output:
	// PublicBody guazhi.langfang name=廊坊市
	// Person guazhi.yu-huafeng name=喻华锋
	// Position guazhi.position.langfang.e0f16b52af021884 name=廊坊市副市长
	// Occupancy guazhi.secondment.yu-huafeng.langfang holder=guazhi.yu-huafeng post=guazhi.position.langfang.e0f16b52af021884 startDate=2015-07 endDate=2016-07
}
