package dot_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/dot"
)

// Write the embedded data set as DOT, as `guazhi render -f dot` does.
func ExampleWrite() {
	g, err := kb.LoadDefault()
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := dot.Write(&b, g, dot.Options{Lang: "en"}); err != nil {
		panic(err)
	}
	first, _, _ := strings.Cut(b.String(), "\n")
	fmt.Println(first)
	fmt.Println(strings.Contains(b.String(), `label="Yu Huafeng"`))
	// Output:
	// digraph "jingji-2015" {
	// true
}
