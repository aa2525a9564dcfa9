package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/guazhi/guazhi/graph"
)

// facts renders a loaded draft's relations as one line each, in a fixed
// order, naming entities by name.
func facts(g *graph.Graph) []string {
	name := func(id string) string {
		if e := g.Entity(id); e != nil {
			return e.Name
		}
		return id
	}
	var out []string
	agr := map[string]bool{}
	for _, r := range g.Relations {
		switch r.Kind {
		case graph.Secondment:
			out = append(out, fmt.Sprintf("secondment %s: %s/%s → %s/%s", name(r.From), name(r.FromBody), r.FromPost, name(r.To), r.Post))
		case graph.Agreement:
			if agr[r.Agreement] {
				continue
			}
			agr[r.Agreement] = true
			var parties []string
			for _, q := range g.Relations {
				if q.Agreement == r.Agreement {
					for _, p := range []string{q.From, q.To} {
						if !slices.Contains(parties, name(p)) {
							parties = append(parties, name(p))
						}
					}
				}
			}
			slices.Sort(parties)
			out = append(out, fmt.Sprintf("agreement %v %s %s %s %s", parties, r.Title, r.Status, r.Date, r.Value))
		case graph.Post, graph.PartOf:
		default:
			out = append(out, fmt.Sprintf("%s %s → %s", r.Kind, name(r.From), name(r.To)))
		}
	}
	slices.Sort(out)
	return out
}

// Sentences written for these tests, in forms the article does not use.
func TestPatterns(t *testing.T) {
	const header = "某某新闻\n2016-03-08 10:00\n\n"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"will-be-seconded", "北京市西城区副区长王立新将挂任保定市副市长,为期一年。",
			[]string{"secondment 王立新: 西城区/副区长 → 保定市/副市长"}},
		{"name-then-verb", "日前,刘海涛挂任张家口市副市长。",
			[]string{"secondment 刘海涛: / → 张家口市/副市长"}},
		{"guazhi-post", "记者了解到,北京市商务委副主任陈晓明挂职沧州市副市长。",
			[]string{"secondment 陈晓明: 北京市商务委/副主任 → 沧州市/副市长"}},
		{"compound-posts", "北京市朝阳区区委常委、副区长李红将挂任廊坊市委常委、副市长。",
			[]string{"secondment 李红: 朝阳区/区委常委、副区长 → 廊坊市/市委常委、副市长"}},
		{"host-first", "挂任承德市副市长的北京市怀柔区副区长孙建军表示,两地合作前景广阔。",
			[]string{"secondment 孙建军: 怀柔区/副区长 → 承德市/副市长"}},
		{"went-to", "北京市海淀区副区长周明赴保定市挂职。",
			[]string{"secondment 周明: 海淀区/副区长 → 保定市/"}},
		{"name-then-post-in-brackets", "王立新(北京市大兴区副区长)挂任廊坊市副市长。",
			[]string{"secondment 王立新: 大兴区/副区长 → 廊坊市/副市长"}},
		{"will-shortly", "北京市房山区副区长张强将于近日挂任保定市副市长。",
			[]string{"secondment 张强: 房山区/副区长 → 保定市/副市长"}},
		{"this-time-joined-by-dunhao", "北京市大兴区副区长王立新,此次将挂任廊坊市副市长、北京市房山区副区长张强,此次将挂任保定市副市长。",
			[]string{"secondment 张强: 房山区/副区长 → 保定市/副市长", "secondment 王立新: 大兴区/副区长 → 廊坊市/副市长"}},
		{"no-name-no-fact", "挂职锻炼的经历挂任廊坊市副市长的意义。", nil},
		{"bare-place", "北京市大兴区副区长王立新挂职廊坊,主要负责招商。",
			[]string{"secondment 王立新: 大兴区/副区长 → 廊坊市/"}},
		{"bare-word-no-place", "北京市大兴区副区长王立新挂职锻炼,收获很大。", nil},
		{"given-name-ends-like-a-verb", "挂任秦皇岛市副市长的北京市东城区副区长景志强对记者说,两地合作空间很大。",
			[]string{"secondment 景志强: 东城区/副区长 → 秦皇岛市/副市长"}},
		{"name-then-stress", "挂任秦皇岛市副市长的北京市东城区副区长王明强调,要加强合作。",
			[]string{"secondment 王明: 东城区/副区长 → 秦皇岛市/副市长"}},
		{"host-before-verb", "廊坊市挂职副市长王立新表示,将推动两地合作。",
			[]string{"secondment 王立新: / → 廊坊市/副市长"}},
		{"host-before-verb-home-said-before", "来自北京市大兴区的挂职干部王立新,现任廊坊市挂职副市长。",
			[]string{"secondment 王立新: 大兴区/ → 廊坊市/副市长"}},
		{"pronoun-subject", "“挂职不是镀金。”北京市发改委副主任柴新民说。去年,他挂任河北省发改委副主任。",
			[]string{"secondment 柴新民: 北京市发改委/副主任 → 河北省发改委/副主任"}},
		{"pronoun-too-far", "北京市发改委副主任柴新民说,要做好工作。会议指出,要推进合作。各方表示支持。双方将加强沟通。记者注意到,两地交流频繁。他挂任河北省发改委副主任。", nil},
		{"at-host-then-home", "在北京市平谷区挂职的三河市副市长王立新说,平谷的经验值得学习。",
			[]string{"secondment 王立新: 三河市/副市长 → 平谷区/"}},
		{"compound-surname", "北京市大兴区副区长欧阳晓峰挂任廊坊市副市长。",
			[]string{"secondment 欧阳晓峰: 大兴区/副区长 → 廊坊市/副市长"}},
		{"verb-after-post-no-name", "挂任廊坊市副市长的北京市大兴区副区长向记者介绍了情况。", nil},
		{"framework-explicit-year", "2015年11月3日,顺义区政府与唐山市曹妃甸区签订了《产业合作框架协议》,计划总投资50亿元。",
			[]string{"agreement [曹妃甸区 顺义区] 产业合作框架协议 framework 2015-11-03 计划总投资50亿元"}},
		{"year-from-article", "北京市交通委和河北省交通运输厅于1月5日签署合作协议。",
			[]string{"agreement [北京市交通委 河北省交通运输厅] 合作协议 signed 2016-01-05 "}},
		{"last-year", "国家电网公司与河北省政府12月签署了战略合作协议。",
			[]string{"agreement [国家电网公司 河北省] 战略合作协议 signed 2015-12 "}},
		{"consensus-anaphora", "3月1日,海淀区与保定市举行座谈会。双方达成共识,共建中关村保定创新中心。",
			[]string{"agreement [保定市 海淀区] 座谈会共识 consensus 2016-03-01 "}},
		{"consensus-topic", "沧州市与北京市通州区就共建产业园区达成了初步共识。",
			[]string{"agreement [沧州市 通州区] 共建产业园区 consensus  "}},
		{"signing-no-title", "2月,京东集团与廊坊市签约,项目总投资3000万元。",
			[]string{"agreement [京东集团 廊坊市] 京东集团与廊坊市签约 signed 2016-02 总投资3000万元"}},
		{"visit", "1月20日,石家庄市代表团到北京市大兴区进行了考察。",
			[]string{"visit 石家庄市 → 大兴区"}},
		{"no-fact", "他介绍说,大兴区有1200多家电商企业,挂职干部们大多带着具体任务奔赴河北。", nil},
		{"several-agreements", "据悉,北京与河北已经签署了多项合作协议。", nil},
		{"three-party-title", "北京市经信委与河北省工信厅签署了《三方合作协议》。",
			[]string{"agreement [北京市经信委 河北省工信厅] 三方合作协议 signed  "}},
		{"no-parties", "签约仪式上,双方代表见证。18个项目成功签约。", nil},
		{"chrome", "北京市西城区副区长王立新将挂任保定市副市长。\n【本文已获授权,大兴区与廊坊市签署了《合作协议》】\n未经授权不得转载,顺义区与唐山市签署了协议。",
			[]string{"secondment 王立新: 西城区/副区长 → 保定市/副市长"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Article{Name: "a.txt", Text: header + tt.text + "\n"}
			res, err := Draft(a, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := facts(load(t, a, res))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s\n%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"), res.YAML)
			}
		})
	}
}
