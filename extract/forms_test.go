package extract

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/longbridgeapp/opencc"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// TestForms drafts each form of reporting the extractor reads, in
// sentences made up for the test, in simplified characters and again
// converted to traditional ones (OpenCC s2t): each must draft exactly its
// secondments, as "official|home body|home post|host body|host post|start|end".
func TestForms(t *testing.T) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"list-semicolon", "本批挂职干部名单如下：\n王建新，浙江省湖州市委常委、副市长，挂任四川省阿坝藏族羌族自治州副州长；\n周海燕，浙江省湖州市吴兴区发改局副局长，挂任四川省阿坝州汶川县副县长。",
			[]string{"王建新|浙江省湖州市|市委常委、副市长|四川省阿坝藏族羌族自治州|副州长||", "周海燕|浙江省湖州市吴兴区发改局|副局长|四川省阿坝州汶川县|副县长||"}},
		{"ren-in-list", "东西部协作挂职干部日前到岗。李文华（上海市金山区副区长）任昆明市东川区副区长，张晓（上海市静安区商务委副主任）任昆明市呈贡区副区长。",
			[]string{"李文华|上海市金山区|副区长|昆明市东川区|副区长||", "张晓|上海市静安区商务委|副主任|昆明市呈贡区|副区长||"}},
		{"xian-guazhi", "原江苏省徐州市鼓楼区科技局副局长陈立强，现挂职青海省海东市乐都区副区长，分管招商。",
			[]string{"陈立强|江苏省徐州市鼓楼区科技局|副局长|青海省海东市乐都区|副区长||"}},
		{"xian-ren-since", "福建省厦门市湖里区商务局副局长林志宏，2019年至今，任宁夏回族自治区固原市彭阳县副县长（挂职）。",
			[]string{"林志宏|福建省厦门市湖里区商务局|副局长|宁夏回族自治区固原市彭阳县|副县长|2019|"}},
		{"xian-then-since", "浙江省宁波市北仑区商务局副局长陈海军，现任四川省甘孜州泸定县委常委、副县长（挂职）。2019年至今，任泸定县委常委、副县长，分管招商。",
			[]string{"陈海军|浙江省宁波市北仑区商务局|副局长|四川省甘孜州泸定县|县委常委、副县长|2019|"}},
		{"recall", "北京市大兴区副区长王志刚2015年7月挂任廊坊市副市长。回忆起挂任廊坊市副市长的经历，已经返回原单位的王志刚感慨良多。",
			[]string{"王志刚|北京市大兴区|副区长|廊坊市|副市长|2015-07|"}},
		{"since-alone", "某县组织部介绍了招商情况。2019年至今，任四川省甘孜州泸定县委常委、副县长，分管招商。",
			nil}, // an appointment of nobody named is no secondment
		{"recall-alone", "回忆起挂任四川省甘孜州泸定县副县长的经历，已经返回原单位的何建国感慨良多。",
			[]string{"何建国|||四川省甘孜州泸定县|副县长||"}},
		{"shiren", "黄立新至今记得那一天。2020年8月，时任广东省江门市蓬江区副区长的他，被组织派往广西壮族自治区百色市挂职，担任百色市副市长。",
			[]string{"黄立新|广东省江门市蓬江区|副区长|广西壮族自治区百色市|副市长|2020-08|"}},
		{"shenfen", "2021年3月，郭志军的身份从天津市河北区副区长变为甘肃省庆阳市西峰区副区长。",
			[]string{"郭志军|天津市河北区|副区长|甘肃省庆阳市西峰区|副区长|2021-03|"}},
		{"relative-at-host", "到贵州省安顺市平坝区挂职的浙江省宁波市江北区发改局副局长孙海峰是第一次来贵州。",
			[]string{"孙海峰|浙江省宁波市江北区发改局|副局长|贵州省安顺市平坝区|||"}},
		{"relative-once", "曾经挂任四川省甘孜州泸定县副县长的浙江省杭州市西湖区商务局副局长何建国说，那里的人很热情。",
			[]string{"何建国|浙江省杭州市西湖区商务局|副局长|四川省甘孜州泸定县|副县长||"}},
		{"apposition", "去年5月，赵晓东来到昭觉。四川省凉山彝族自治州昭觉县副县长，是这位供职于广东省佛山市禅城区发改局的干部的新身份。",
			[]string{"赵晓东|广东省佛山市禅城区发改局||四川省凉山彝族自治州昭觉县|副县长|2020-05|"}},
		{"yuanzang-selected", "江苏省南京市鼓楼区商务局副局长王海被选派到西藏自治区拉萨市林周县，选派职务为县委常委、副县长，援藏三年。",
			[]string{"王海|江苏省南京市鼓楼区商务局|副局长|西藏自治区拉萨市林周县|县委常委、副县长||"}},
		{"yuanzang-after", "山东省济南市市中区副区长刘建华，援藏后担任西藏自治区日喀则市桑珠孜区副区长。",
			[]string{"刘建华|山东省济南市市中区|副区长|西藏自治区日喀则市桑珠孜区|副区长||"}},
		{"yuanqing-career", "浙江省宁波市海曙区发改局副局长吴海峰开启援青生涯，挂任青海省海西州德令哈市副市长。",
			[]string{"吴海峰|浙江省宁波市海曙区发改局|副局长|青海省海西州德令哈市|副市长||"}},
		{"party-county", "上海市宝山区委常委、副区长冯建国挂任云南省文山壮族苗族自治州广南县委常委、副县长。",
			[]string{"冯建国|上海市宝山区|区委常委、副区长|云南省文山壮族苗族自治州广南县|县委常委、副县长||"}},
		{"party-prefecture", "天津市红桥区副区长杨光挂任甘肃省临夏回族自治州副州长。",
			[]string{"杨光|天津市红桥区|副区长|甘肃省临夏回族自治州|副州长||"}},
		{"cross-sentence", "孙志刚是福建省福州市鼓楼区副区长。今年4月，他来到宁夏回族自治区中卫市，挂任中卫市副市长。",
			[]string{"孙志刚|福建省福州市鼓楼区|副区长|宁夏回族自治区中卫市|副市长|2021-04|"}},
		{"split-name-line", "山东干部抵达定西\n\n本批干部中，山东省青岛市崂山区副区长刘\n海涛挂任甘肃省定西市通渭县副县长。",
			[]string{"刘海涛|山东省青岛市崂山区|副区长|甘肃省定西市通渭县|副县长||"}},
		{"split-name-space", "山东省烟台市莱山区发改局副局长张 志远挂任重庆市巫山县副县长。",
			[]string{"张志远|山东省烟台市莱山区发改局|副局长|重庆市巫山县|副县长||"}},
		{"dates", "江苏省无锡市滨湖区副区长许国平挂任陕西省延安市宝塔区副区长。干部自2020年7月起挂职，挂职时间为两年。",
			[]string{"许国平|江苏省无锡市滨湖区|副区长|陕西省延安市宝塔区|副区长|2020-07|2022-07"}},
		{"dates-since-one-year", "江苏省苏州市姑苏区商务局副局长王立挂任贵州省铜仁市碧江区副区长，2016年7月起，挂职时间为一年。",
			[]string{"王立|江苏省苏州市姑苏区商务局|副局长|贵州省铜仁市碧江区|副区长|2016-07|2017-07"}},
		{"dates-two-years", "浙江省宁波市江北区发改局副局长李明2019年7月挂任贵州省黔西南州晴隆县副县长，为期两年。",
			[]string{"李明|浙江省宁波市江北区发改局|副局长|贵州省黔西南州晴隆县|副县长|2019-07|2021-07"}},
		{"dates-range", "商务部对外贸易司副司长林国栋挂任广西壮族自治区北海市副市长，挂职时间自2019年9月至2021年9月。",
			[]string{"林国栋|商务部|对外贸易司副司长|广西壮族自治区北海市|副市长|2019-09|2021-09"}},
		{"dates-next-pronoun", "北京市朝阳区商务局副局长赵立明挂任新疆和田地区墨玉县副县长。\n去年7月到墨玉以来，他主要负责援建项目。\n挂职一年，他帮墨玉的核桃找到了销路。",
			[]string{"赵立明|北京市朝阳区商务局|副局长|新疆和田地区墨玉县|副县长|2020-07|2021-07"}},
		{"dates-years-ago", "贵州省六盘水市水城区副区长，是这位供职于辽宁省大连市沙河口区发改局的干部的新身份。两年前，孙立军从大连来到水城。",
			[]string{"孙立军|辽宁省大连市沙河口区发改局||贵州省六盘水市水城区|副区长|2019|"}},
		{"dates-that-year", "周立新第一次到疏附是在2019年。那年7月，时任广东省广州市番禺区发改局副局长的他，被组织派往新疆喀什地区疏附县挂职，担任县委常委、副县长。",
			[]string{"周立新|广东省广州市番禺区发改局|副局长|新疆喀什地区疏附县|县委常委、副县长|2019-07|"}},
		{"dates-batch-arrival", "7月7日，山东省第十批援藏干部人才抵达西藏自治区日喀则市。\n山东省烟台市福山区副区长李建国，挂任日喀则市江孜县副县长。\n援藏期限为三年。",
			[]string{"李建国|山东省烟台市福山区|副区长|西藏自治区日喀则市江孜县|副县长|2020-07|2023-07"}},
		{"dates-since-then", "挂任保定市副市长的北京市房山区副区长马立新，从8月到现在多次带队对接洽谈。",
			[]string{"马立新|北京市房山区|副区长|保定市|副市长||"}}, // 从8月到现在 is a time of activity, not the start
		{"dates-other-pronoun", "天津市河西区副区长杜明挂任甘肃省甘南州合作市副市长。甘南州州长李海说，2019年7月他来到合作。",
			[]string{"杜明|天津市河西区|副区长|甘肃省甘南州合作市|副市长||"}}, // 他 after another name is not 杜明
		{"home-says", "“我原来在广东省东莞市商务局上班，现在是广西河池市环江县的副县长。”说起身份的变化，钟伟明说。",
			[]string{"钟伟明|广东省东莞市商务局||广西河池市环江县|副县长||"}},
		{"office-home", "北京市西城区人民政府办公室副主任张立华挂任张家口市崇礼区副区长。",
			[]string{"张立华|北京市西城区人民政府办公室|副主任|张家口市崇礼区|副区长||"}},
		{"division-home", "北京市审计局财务审计处处长李明远挂任保定市副市长。",
			[]string{"李明远|北京市审计局|财务审计处处长|保定市|副市长||"}},
		{"zonggongban-home", "北京市规划委总工办副主任王宏伟挂任承德市副市长。",
			[]string{"王宏伟|北京市规划委总工办|副主任|承德市|副市长||"}},
		{"from-then-identity", "来自北京市通州区商务局的挂职干部李长江来到固安已经一年了。他现在的身份是固安县副县长。",
			[]string{"李长江|北京市通州区商务局||固安县|副县长||"}},
		{"respectively-three", "河北省邯郸市丛台区副区长张立群、河北省沧州市运河区发改局局长王海燕、河北省衡水市桃城区人社局副局长刘强三名同志，分别挂任新疆巴音郭楞蒙古自治州和静县委副书记、和硕县委常委、副县长和博湖县人社局副局长。",
			[]string{"张立群|河北省邯郸市丛台区|副区长|新疆巴音郭楞蒙古自治州和静县|县委副书记||",
				"王海燕|河北省沧州市运河区发改局|局长|新疆巴音郭楞蒙古自治州和硕县|县委常委、副县长||",
				"刘强|河北省衡水市桃城区人社局|副局长|新疆巴音郭楞蒙古自治州博湖县人社局|副局长||"}},
		{"first-person-home-after", "我叫孙明，在西藏昌都市贡觉县挂职副县长。出发前，我在安徽省芜湖市镜湖区发改委当副主任。",
			[]string{"孙明|安徽省芜湖市镜湖区发改委|副主任|西藏昌都市贡觉县|副县长||"}},
		{"marked-host-was", "同行的援疆干部、新疆和田地区策勒县发改委副主任（援疆）王敏，原为安徽省铜陵市铜官区发改委副主任。",
			[]string{"王敏|安徽省铜陵市铜官区发改委|副主任|新疆和田地区策勒县发改委|副主任||"}},
		{"long-gap-not-across-relative", "有两个人备受瞩目，一个是上文提到的王立新，另一个是挂任张家口市副市长的北京市延庆区副区长张远。",
			[]string{"张远|北京市延庆区|副区长|张家口市|副市长||"}}, // 挂任…的 names 张远, not 王立新
		{"neg-expert", "中国农业大学教授李国强在会上说，对口协作要因地制宜。上海市对口支援新疆工作前方指挥部总指挥陈明表示，将继续做好挂职干部的服务保障。", nil},
		{"neg-mayor-speech", "喀什地区行署副专员王新民在签约仪式上致辞，欢迎各地挂职干部。", nil},
		{"neg-appointed", "经研究决定，任命张立军为云南省红河州副州长，免去其红河州财政局局长职务。", nil},
	} {
		for _, script := range []string{"simplified", "traditional"} {
			t.Run(tc.name+"/"+script, func(t *testing.T) {
				text := tc.text
				if script == "traditional" {
					if text, err = s2t.Convert(tc.text); err != nil {
						t.Fatal(err)
					}
				}
				a := Article{Name: "forms-2021-06-01.txt", Text: text}
				res, err := Draft(a, Options{})
				if err != nil {
					t.Fatal(err)
				}
				g := load(t, a, res)
				got := formsDrafted(g)
				want := slices.Sorted(slices.Values(tc.want))
				if !slices.Equal(got, want) {
					t.Errorf("%s\ngot  %q\nwant %q", text, got, want)
				}
			})
		}
	}
}

// formsDrafted lists a draft's secondments in simplified characters, in
// the order of TestForms' want.
func formsDrafted(g *graph.Graph) []string {
	// An entity's longest form: a Beijing, Tianjin or Hebei place is
	// named without its province (红桥区), its alias has it.
	name := func(id string) string {
		e := g.Entity(id)
		if e == nil {
			return ""
		}
		out := e.Name
		for _, f := range append([]string{e.FullName}, e.Aliases...) {
			if len(f) > len(out) {
				out = f
			}
		}
		return simplify(out)
	}
	var out []string
	for _, r := range g.Relations {
		if r.Kind != graph.Secondment {
			continue
		}
		from := ""
		if r.FromBody != "" {
			from = name(r.FromBody)
		}
		out = append(out, strings.Join([]string{name(r.From), from, simplify(r.FromPost), name(r.To), simplify(r.Post), r.Start.String(), r.End.String()}, "|"))
	}
	slices.Sort(out)
	return out
}

// TestNoValueShortened: an amount keeps its qualifier (计划总投资), a
// department named after its city (市交通委) takes the home's place once
// (北京市交通委, not 北京市市交通委 or the host's 河北省交通委).
func TestNoValueShortened(t *testing.T) {
	a := Article{Name: "a-2016-01-01.txt", Text: "标题\n\n2015年11月3日，顺义区政府与唐山市曹妃甸区签订了《产业合作框架协议》，计划总投资50亿元。北京市发改委副主任王海鹰挂任河北省发改委副主任，市交通委副主任李红岩挂任河北省交通运输厅副厅长。"}
	res, err := Draft(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := load(t, a, res)
	got := formsDrafted(g)
	want := []string{"李红岩|北京市交通委|副主任|河北省交通运输厅|副厅长||", "王海鹰|北京市发改委|副主任|河北省发改委|副主任||"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for _, r := range g.Relations {
		if r.Kind == graph.Agreement && r.Value != "计划总投资50亿元" {
			t.Errorf("agreement value %q, want 计划总投资50亿元", r.Value)
		}
	}
}

// TestBroker: "在A的牵线搭桥下" drafts A's matchmaking of each party of
// the agreement the sentence signs, in both scripts.
func TestBroker(t *testing.T) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	text := "标题\n\n2021年8月，在上海市合作交流办的牵线搭桥下，上海市闵行区与云南省红河州签署了产业协作框架协议。"
	trad, err := s2t.Convert(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{text, trad} {
		a := Article{Name: "b-2021-09-01.txt", Text: text}
		res, err := Draft(a, Options{})
		if err != nil {
			t.Fatal(err)
		}
		g := load(t, a, res)
		var got []string
		for _, r := range g.Relations {
			if r.Kind == "matchmaking" {
				got = append(got, simplify(g.Entity(r.From).Name)+" → "+simplify(g.Entity(r.To).Name))
			}
		}
		slices.Sort(got)
		want := []string{"上海市合作交流办 → 上海市闵行区", "上海市合作交流办 → 云南省红河州"}
		if !slices.Equal(got, want) {
			t.Errorf("%s\ngot  %q\nwant %q", text, got, want)
		}
	}
}

// TestProvinceJurisdiction checks that a body outside Beijing, Hebei and
// Tianjin is drafted with its province as jurisdiction, and that the draft
// loads.
func TestProvinceJurisdiction(t *testing.T) {
	for name, want := range map[string]string{
		"云南省发改委": "yunnan", "昆明市五华区人民政府": "yunnan", "新疆维吾尔自治区喀什地区莎车县人民政府": "xinjiang",
		"陕西省商务厅": "shaanxi", "上海市闵行区人民政府": "shanghai", "华为技术有限公司": "other",
	} {
		r, ok := recognise(name)
		if !ok || r.jur != want {
			t.Errorf("recognise(%s): %+v, %v; want jurisdiction %s", name, r, ok, want)
		}
	}
	text := "沪滇协作干部纪实\n2021年8月，云南省昆明市五华区副区长王建国挂任上海市闵行区副区长。\n"
	res, err := Draft(Article{Name: "a.txt", Text: text}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"jurisdiction: yunnan", "jurisdiction: shanghai"} {
		if !strings.Contains(string(res.YAML), want) {
			t.Errorf("draft has no %q:\n%s", want, res.YAML)
		}
	}
	if _, err := kb.Parse(fstest.MapFS{"a.txt": {Data: []byte(text)}}, kb.Input{Name: "draft.yaml", Data: res.YAML}); err != nil {
		t.Errorf("the draft does not load: %v\n%s", err, res.YAML)
	}
}

// TestShortNameOneBody drafts a body named in full and then short (浙江省杭州市
// 西湖区, then 西湖区) as one body, which the agreement names; and a term of two
// years from 2018-03 ends 2020-03, as curators write it.
func TestShortNameOneBody(t *testing.T) {
	text := "浙川东西部协作再结硕果\n2019年4月12日\n\n2018年3月，浙江省杭州市西湖区副区长陈明远挂任四川省广元市副市长，挂职时间为两年。" +
		"在陈明远推动下，西湖区与广元市签署了《东西部扶贫协作框架协议》，计划总投资3亿元。\n"
	res, err := Draft(Article{Name: "a.txt", Text: text}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := kb.Parse(fstest.MapFS{"a.txt": {Data: []byte(text)}}, kb.Input{Name: "draft.yaml", Data: res.YAML})
	if err != nil {
		t.Fatalf("the draft does not load: %v\n%s", err, res.YAML)
	}
	var xihu []string
	for _, e := range g.Entities {
		if strings.HasSuffix(e.Name, "西湖区") {
			xihu = append(xihu, e.ID)
		}
	}
	if len(xihu) != 1 {
		t.Fatalf("西湖区 drafted as %d bodies %v:\n%s", len(xihu), xihu, res.YAML)
	}
	for _, r := range g.Relations {
		switch r.Kind {
		case graph.Agreement:
			if r.From != xihu[0] && r.To != xihu[0] {
				t.Errorf("the agreement joins %s and %s, not %s", r.From, r.To, xihu[0])
			}
		case graph.Secondment:
			if r.Start.String() != "2018-03" || r.End.String() != "2020-03" {
				t.Errorf("term %v to %v, want 2018-03 to 2020-03", r.Start, r.End)
			}
		}
	}
}
