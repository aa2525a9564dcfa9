package svg_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"regexp"

	"github.com/guazhi/guazhi/output/svg"
)

func ExampleRender() {
	src := []byte(`digraph {
		"yu-huafeng" [label="喻华锋"];
		langfang [label="廊坊市" shape=box];
		"yu-huafeng" -> langfang [label="挂任廊坊市副市长"];
	}`)
	var buf bytes.Buffer
	if err := svg.Render(context.Background(), &buf, src, svg.Options{Layout: "dot"}); err != nil {
		log.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`<text [^>]*>([^<]*)</text>`).FindAllSubmatch(buf.Bytes(), -1) {
		fmt.Printf("%s\n", m[1])
	}
	// Output:
	// 喻华锋
	// 廊坊市
	// 挂任廊坊市副市长
}
