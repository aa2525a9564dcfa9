package html_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/guazhi/guazhi/kb"
	"github.com/guazhi/guazhi/output/html"
	"github.com/guazhi/guazhi/output/svg"
)

// The viewer takes the SVG that output/svg rendered of the same graph.
func ExampleWrite() {
	g, err := kb.LoadDefault()
	if err != nil {
		log.Fatal(err)
	}
	var diagram, page bytes.Buffer
	if err := svg.Write(&diagram, g, svg.Options{}); err != nil {
		log.Fatal(err)
	}
	if err := html.Write(&page, g, diagram.Bytes(), html.Options{}); err != nil {
		log.Fatal(err)
	}
	first, _, _ := strings.Cut(page.String(), "\n")
	fmt.Println(first)
	fmt.Println(strings.Contains(page.String(), `<g id="n-cao-lei" class="node official beijing">`))
	// Output:
	// <!DOCTYPE html>
	// true
}
