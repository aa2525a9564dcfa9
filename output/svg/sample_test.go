package svg_test

import (
	"bytes"
	"fmt"
	"strconv"
)

// sampleDOT returns a DOT graph shaped like output/dot's: officials
// (ellipses) seconded from Beijing bodies to Hebei bodies (boxes), companies
// (notes), clusters for Beijing and Hebei, and a Chinese label on every edge.
// It has officials+len(beijing)+len(hebei)+companies nodes; 26 officials
// give 50.
func sampleDOT(officials int) []byte {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许")
	given := []string{"华锋", "蕾", "建国", "晓明", "志强", "丽娟", "海涛", "文静", "立新", "春生"}
	beijing := []string{"东城区", "西城区", "朝阳区", "海淀区", "丰台区", "大兴区", "通州区", "北京市发展和改革委员会", "北京市商务委员会", "中关村科技园区管理委员会"}
	hebei := []string{"廊坊市", "保定市", "张家口市", "承德市", "唐山市", "沧州市", "固安县", "河北省发展和改革委员会", "雄县", "涿州市"}
	companies := []string{"京东集团", "北汽集团", "首钢集团", "同仁堂"}
	posts := []string{"副市长", "副县长", "县委常委、副县长", "副主任", "市长助理"}

	var b bytes.Buffer
	q := strconv.Quote
	b.WriteString("digraph sample {\n")
	b.WriteString("\tgraph [rankdir=LR fontsize=14 label=\"京冀互派挂职干部(样例)\" labelloc=t];\n")
	b.WriteString("\tnode [fontsize=12];\n\tedge [fontsize=10];\n")
	cluster := func(name, label string, bodies []string, prefix string) {
		fmt.Fprintf(&b, "\tsubgraph %s {\n\t\tlabel=%s fontsize=13;\n", name, q(label))
		for i, body := range bodies {
			fmt.Fprintf(&b, "\t\t%s%d [label=%s shape=box];\n", prefix, i, q(body))
		}
		b.WriteString("\t}\n")
	}
	cluster("cluster_beijing", "北京市", beijing, "bj")
	cluster("cluster_hebei", "河北省", hebei, "hb")
	for i, c := range companies {
		fmt.Fprintf(&b, "\tco%d [label=%s shape=note fontsize=11];\n", i, q(c))
	}
	for i := range officials {
		name := string(surnames[i%len(surnames)]) + given[(i*7)%len(given)]
		fmt.Fprintf(&b, "\tof%d [label=%s shape=ellipse];\n", i, q(name))
		from, to := i%len(beijing), (i*3)%len(hebei)
		post := posts[i%len(posts)]
		fmt.Fprintf(&b, "\tof%d -> hb%d [label=%s];\n", i, to, q("挂任"+hebei[to]+post))
		fmt.Fprintf(&b, "\tof%d -> bj%d [label=%s style=dashed];\n", i, from, q("原任"+post))
		if i%3 == 0 {
			fmt.Fprintf(&b, "\tco%d -> hb%d [label=%s];\n", i%len(companies), to, q("签约项目"))
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}
