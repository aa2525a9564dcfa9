package extract_test

import (
	"fmt"

	"github.com/guazhi/guazhi/extract"
	"github.com/guazhi/guazhi/graph"
)

func ExampleDraft() {
	text := "北京市西城区副区长王立新将挂任保定市副市长。\n" +
		"9月1日,保定市与首创集团签署了战略合作框架协议。\n"
	res, err := extract.Draft(extract.Article{Name: "news.txt", Text: text},
		extract.Options{Date: graph.Date{Year: 2015, Month: 11, Day: 17}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Summary)
	for _, f := range res.Facts {
		fmt.Printf("%s @%d: %s\n", f.Kind, f.Offset, f.Label)
	}
	// Output:
	// drafted 1 secondment, 1 agreement, 0 links, 4 entities (0 from the KB); 1 inferred item to review
	// secondment @0: 王立新 → 保定市副市长
	// agreement @23: 战略合作框架协议
}
