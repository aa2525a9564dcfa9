package extract

import (
	"strings"
	"sync"
)

// A pattern is a row: a name, what a match states, the elements to match
// over a sentence's spans (tag.go), and example sentences, each with what
// it must draft (pattern_test.go runs them). A new form is a new row.
//
// Elements, separated by spaces:
//
//	N  a name: the official          P  他 or 她: the official last named
//	O  N or P
//	H  the home body                 h  the home post
//	B  the host body (the last, when a row names it twice)  b  the host post
//	D  a date
//	M I i C c  a second official, his home, home post, host, host post (分别挂任)
//	,  a comma or 、                 ( )  brackets
//	…  up to six spans, no sentence end, no name
//	⋯  the same, up to twenty spans (作为山西省第十一批援疆干部进疆)
//	~  up to three spans, no punctuation, no name
//	w|x|y  one of these words
//
// An element ending in ? may be left out.
type pattern struct {
	name  string
	kind  patternKind
	elems string
	// weakHome: the home the row reads is where the official comes from
	// (来自宁波市北仑区农业农村局的…, 吴兴区的…); a home the text states
	// later (此前他是…) replaces it.
	weakHome bool
	// assisted: the row reads only in an article about secondments or
	// paired assistance (assistWords): 任 and 现任 elsewhere are ordinary
	// appointments.
	assisted bool
	// examples: a sentence and the draft it must give, as
	// "official|home body|home post|host body|host post"; a home or an
	// introduction gives "official|home body|home post".
	examples [][2]string
	parsed   []elem
}

type patternKind uint8

const (
	stated     patternKind = iota // a secondment
	officialIn                    // a secondment whose official is named in the sentences around it
	homeOf                        // the home of an official already named
	intro                         // an official named with his body and post: a pronoun next refers to him
	startOf                       // the start of the secondment drafted last, to the host named: never one of its own
)

// gua are the verbs of a secondment to a host named next.
const gua = "挂职担任|挂职任|挂任|挂职"

var patterns = []pattern{
	{name: "list", kind: stated, elems: "N , H h , " + gua + " B b?",
		examples: [][2]string{
			{"陈思远，上海市奉贤区发改委副主任，挂任云南省红河州元阳县委常委、副县长；", "陈思远|上海市奉贤区发改委|副主任|云南省红河州元阳县|县委常委、副县长"},
			{"黃振宇，上海市靜安區委常委、副區長，掛任新疆喀什地區澤普縣委副書記；", "黄振宇|上海市静安区|区委常委、副区长|新疆喀什地区泽普县|县委副书记"},
		}},
	{name: "ren-in-list", kind: stated, elems: "N ( H h ) 任|挂任|担任 B b?",
		examples: [][2]string{
			{"王海涛（上海市徐汇区副区长）任云南省昆明市五华区副区长，", "王海涛|上海市徐汇区|副区长|云南省昆明市五华区|副区长"},
			{"李某某（上海市长宁区科委副主任）任昆明市盘龙区副区长。", "李某某|上海市长宁区科委|副主任|昆明市盘龙区|副区长"},
		}},
	{name: "plain", kind: stated, elems: "H h N … " + gua + " B b?",
		examples: [][2]string{
			{"广东省广州市越秀区副区长罗嘉明挂任贵州省毕节市副市长。", "罗嘉明|广东省广州市越秀区|副区长|贵州省毕节市|副市长"},
			{"天津市河西区委常委、副区长杜光明挂任甘肃省甘南藏族自治州委常委、副州长。", "杜光明|天津市河西区|区委常委、副区长|甘肃省甘南藏族自治州|州委常委、副州长"},
			{"山东省烟台市芝罘区副区长孙立新，挂任日喀则市白朗县委常委、常务副县长；", "孙立新|山东省烟台市芝罘区|副区长|日喀则市白朗县|县委常委、常务副县长"},
			{"北京市房山区副区长张强将于近日挂任保定市副市长。", "张强|北京市房山区|副区长|保定市|副市长"},
		}},
	{name: "went-to", kind: stated, elems: "H h N … 赴|到|前往|在 B 挂职 ,? 任|担任? B? b?",
		examples: [][2]string{
			{"北京市海淀区副区长周明赴保定市挂职。", "周明|北京市海淀区|副区长|保定市|"},
			{"石家庄市副市长尹春雷于2017年5月8日到北京市西城区挂职，任西城区副区长。", "尹春雷|石家庄市|副市长|西城区|副区长"},
		}},
	{name: "then-came", kind: stated, elems: "时任|原任|现任 H h 的 O ,? 于? D? 来到|赴|前往|到 B ,? 挂职? ,? " + gua + "|任|担任 B? b",
		examples: [][2]string{
			{"时任北京市通州区副区长的康志远来到三河市，挂职任三河市委常委、副市长。", "康志远|北京市通州区|副区长|三河市|市委常委、副市长"},
			{"原任河北省发改委副主任的邵国栋赴北京，挂职担任北京市发改委副主任。", "邵国栋|河北省发改委|副主任|北京市发改委|副主任"},
			{"时任廊坊市副市长的柴永胜，2016年4月来到北京市大兴区，挂任大兴区副区长。", "柴永胜|廊坊市|副市长|大兴区|副区长"},
		}},
	{name: "respectively", kind: stated, elems: "H h N 、 I i M 分别挂任|分别挂职 B b 、 C c",
		examples: [][2]string{
			{"北京市商务委副主任汪建国、国资委副主任曹文静分别挂任河北省商务厅副厅长、河北省国资委副主任。", "汪建国|北京市商务委|副主任|河北省商务厅|副厅长"},
		}},
	{name: "host-title", kind: stated, elems: "B 挂职 b N",
		examples: [][2]string{
			{"廊坊市挂职副市长王立新表示，将推动两地合作。", "王立新|||廊坊市|副市长"},
		}},
	{name: "now-host-title", kind: stated, elems: "N , 现任 B 挂职 b",
		examples: [][2]string{
			{"挂职干部王立新，现任廊坊市挂职副市长。", "王立新|||廊坊市|副市长"},
		}},
	{name: "host-first", kind: stated, elems: gua + " B b 的 H? h? N",
		examples: [][2]string{
			{"挂任廊坊市副市长的北京大兴区副区长喻华锋堪称首席操盘手。", "喻华锋|北京大兴区|副区长|廊坊市|副市长"},
			{"曾经挂任青海省果洛州玛沁县副县长的上海市杨浦区商务委副主任邱立群说，", "邱立群|上海市杨浦区商务委|副主任|青海省果洛州玛沁县|副县长"},
		}},
	{name: "at-host", kind: stated, elems: "到|在|赴 B 挂职的 H h N",
		examples: [][2]string{
			{"到锡林郭勒盟正蓝旗挂职的北京市怀柔区发改委副主任秦雨是他的接班人。", "秦雨|北京市怀柔区发改委|副主任|锡林郭勒盟正蓝旗|"},
		}},
	{name: "at-host-is", kind: stated, elems: "到|在|赴 B 挂职的 N ,? 是 H h",
		examples: [][2]string{
			{"到西藏自治区日喀则市江孜县挂职的许文涛，是上海市宝山区发改委副主任，", "许文涛|上海市宝山区发改委|副主任|西藏自治区日喀则市江孜县|"},
		}},
	{name: "xian", kind: stated, elems: "原? H h N , 现挂职|现任|现挂任 B b",
		examples: [][2]string{
			{"原浙江省宁波市鄞州区经信局副局长周建明，现挂职贵州省黔西南州兴义市副市长，", "周建明|浙江省宁波市鄞州区经信局|副局长|贵州省黔西南州兴义市|副市长"},
			{"天津市和平区商务局副局长刘敏，现任新疆和田地区策勒县委副书记（挂职），", "刘敏|天津市和平区商务局|副局长|新疆和田地区策勒县|县委副书记"},
		}},
	{name: "xian-from", kind: stated, weakHome: true, elems: "H 的 N , 现挂职|现任|现挂任 B b",
		examples: [][2]string{
			{"浙江省湖州市吴兴区的徐伟，现挂职四川省广元市朝天区副区长，", "徐伟|浙江省湖州市吴兴区||四川省广元市朝天区|副区长"},
		}},
	{name: "xian-name", kind: stated, elems: "N 现挂职|现挂任 B b",
		examples: [][2]string{
			{"同样来自珠海的李晓婷现挂职怒江州福贡县副县长。", "李晓婷|||怒江州福贡县|副县长"},
		}},
	{name: "since", kind: stated, elems: "H h N , D 至今 , 任|担任 B b",
		examples: [][2]string{
			{"珠海市金湾区发改局副局长何家伟，2020年至今，任云南省怒江州泸水市副市长（挂职）。", "何家伟|珠海市金湾区发改局|副局长|云南省怒江州泸水市|副市长"},
		}},
	{name: "since-from", kind: stated, weakHome: true, elems: "来自 H 的 N , D 至今 , 任|担任 B b",
		examples: [][2]string{
			{"来自宁波市北仑区农业农村局的孙晓燕，2019年至今，任黔西南州普安县委常委、副县长（挂职）。", "孙晓燕|宁波市北仑区农业农村局||黔西南州普安县|县委常委、副县长"},
		}},
	{name: "since-name", kind: stated, elems: "N , D 至今 , 任|担任 B b",
		examples: [][2]string{
			{"宋志远，2022年至今，任和田地区于田县委常委、副县长，", "宋志远|||和田地区于田县|县委常委、副县长"},
		}},
	{name: "shiren", kind: stated, elems: "时任 H h 的 O , D? 被组织派往|被派往|派往 B 挂职 ,? 担任|任? B? b?",
		examples: [][2]string{
			{"时任江苏省苏州市吴江区副区长的方志勇，被组织派往贵州省铜仁市挂职，担任铜仁市副市长。", "方志勇|江苏省苏州市吴江区|副区长|铜仁市|副市长"},
			{"时任廣東省東莞市發改局副局長的黃某，被組織派往新疆喀什地區伽師縣挂職，擔任縣委常委、副縣長。", "黄某|广东省东莞市发改局|副局长|新疆喀什地区伽师县|县委常委、副县长"},
		}},
	{name: "shenfen", kind: stated, elems: "N 的身份从 H h 变为 B b",
		examples: [][2]string{
			{"马振华的身份从山东省青岛市市北区副区长变为甘肃省陇南市武都区委常委、副区长（挂职）。", "马振华|山东省青岛市市北区|副区长|甘肃省陇南市武都区|区委常委、副区长"},
		}},
	{name: "selected", kind: stated, elems: "H h N 被选派到|选派到 B , 选派职务为 b",
		examples: [][2]string{
			{"江苏省南京市江宁区农业农村局副局长吴志刚被选派到西藏自治区拉萨市墨竹工卡县，选派职务为县委常委、副县长，", "吴志刚|江苏省南京市江宁区农业农村局|副局长|西藏自治区拉萨市墨竹工卡县|县委常委、副县长"},
		}},
	{name: "yuan-after", kind: stated, elems: "H h N ,? 援藏后担任|援疆后担任|援青后担任|援藏后任|援疆后任 B b",
		examples: [][2]string{
			{"江苏省常州市发改委副主任钱丽，援藏后担任拉萨市城关区副区长，", "钱丽|江苏省常州市发改委|副主任|拉萨市城关区|副区长"},
		}},
	{name: "yuan-career", kind: stated, elems: "H h N 开启援青生涯|开启援藏生涯|开启援疆生涯 , " + gua + " B b",
		examples: [][2]string{
			{"浙江省温州市鹿城区发改局副局长林海东开启援青生涯，挂任青海省海西州格尔木市副市长。", "林海东|浙江省温州市鹿城区发改局|副局长|青海省海西州格尔木市|副市长"},
		}},
	{name: "pronoun-came", kind: stated, elems: "P 来到|到 B , " + gua + " B? b",
		examples: [][2]string{
			{"他来到宁夏回族自治区吴忠市，挂任吴忠市副市长。", "他|||吴忠市|副市长"},
		}},
	{name: "name-first", kind: stated, elems: "N H h " + gua + " B b",
		examples: [][2]string{
			{"李建平　北京林业大学　副教授　挂任　青海省海东市林草局副局长", "李建平|北京林业大学|副教授|青海省海东市林草局|副局长"},
		}},
	{name: "gongshi", kind: stated, elems: "N ( ⋯ H h ) ,? 拟挂任|拟挂职|挂任 B b",
		examples: [][2]string{
			{"李强(男,1989年5月生,云南省昆明市五华区财政局副局长),拟挂任昆明市寻甸县仁德街道党工委副书记;", "李强|云南省昆明市五华区财政局|副局长|昆明市寻甸县仁德街道|党工委副书记"},
		}},
	{name: "rujin", kind: stated, elems: "还是 H h 的 N , 如今是|现在是|如今已是 B 的? b",
		examples: [][2]string{
			{"两年前还是黑龙江省齐齐哈尔市龙沙区发改局副局长的王涛，如今是新疆生产建设兵团第九师额敏县的副县长。", "王涛|黑龙江省齐齐哈尔市龙沙区发改局|副局长|新疆生产建设兵团第九师额敏县|副县长"},
		}},
	{name: "at-host-post", kind: stated, elems: "在|到 B 挂职|挂任 b 的 H h N",
		examples: [][2]string{
			{"和他同一批进藏、在山南市浪卡子县挂职副县长的黄石市西塞山区商务局副局长刘芳，如今已回到黄石。", "刘芳|黄石市西塞山区商务局|副局长|山南市浪卡子县|副县长"},
		}},
	{name: "was-now", kind: stated, elems: "N , 原任|原为|原是 H h , 现任|现挂任|现挂职 B b",
		examples: [][2]string{
			{"周嘉怡，原任浙江省绍兴市越城区卫健局副局长，现任那曲市人民医院副院长。", "周嘉怡|浙江省绍兴市越城区卫健局|副局长|那曲市人民医院|副院长"},
		}},
	{name: "other-identity-host", kind: stated, elems: "H h N , 另一个身份是|另一重身份是|新身份是 B b",
		examples: [][2]string{
			{"同批抵达的江西省赣州市章贡区卫健委副主任李静，另一个身份是阿克陶县人民医院副院长。", "李静|江西省赣州市章贡区卫健委|副主任|阿克陶县人民医院|副院长"},
		}},
	{name: "is-then-went", kind: stated, elems: "N 是 H h , ⋯ 到|来到|赴|在 B " + gua + " b?",
		examples: [][2]string{
			{"援彝干部杨帆是广东省佛山市南海区商务局副局长，去年7月到四川省凉山州雷波县挂任副县长。", "杨帆|广东省佛山市南海区商务局|副局长|四川省凉山州雷波县|副县长"},
		}},
	{name: "o-arrive-post", kind: stated, elems: "O … 来到|到|赴|前往|抵达 B ,? " + gua + "|担任|任 B? b",
		examples: [][2]string{
			{"他2021年3月来到新疆吐鲁番市托克逊县，挂任副县长，分管农业。", "他|||新疆吐鲁番市托克逊县|副县长"},
		}},
	{name: "i-was-sent", kind: stated, elems: "N : 我是 H 派来的 , 原来在 H 当|任 h , ⋯ 到|来到 B 挂职|挂任 b",
		examples: [][2]string{
			{"【同期声】陈立：我是广州市海珠区派来的，原来在海珠区商务局当副局长，去年4月到凯里市挂职副市长。", "陈立|海珠区商务局|副局长|凯里市|副市长"},
		}},
	{name: "o-went-to", kind: stated, elems: "O ⋯ 赴|到|前往|来到 B 挂职锻炼|挂职|挂任 ,? 挂任|任|担任? B? b?",
		examples: [][2]string{
			{"王立军来自广东省佛山市南海区，原任南海区商务局局长，2019年5月到贵州省黔南州瓮安县挂职。", "王立军|||贵州省黔南州瓮安县|"},
		}},
	{name: "after-arrival", kind: stated, elems: "到|来到 B 后 , O " + gua + "|担任|任 B? b",
		examples: [][2]string{
			{"到新疆阿勒泰地区哈巴河县后，他挂任县委常委、副县长，分管文旅。", "他|||新疆阿勒泰地区哈巴河县|县委常委、副县长"},
		}},
	{name: "one-more-identity", kind: stated, elems: "H h N 多了一个身份|多了一个新身份|多了一重身份|有了新身份 :|——|— B 挂职? b",
		examples: [][2]string{
			{"今年3月，湖南省湘潭市岳塘区商务局局长李娟多了一个身份：湖南省湘西州保靖县挂职副县长。", "李娟|湖南省湘潭市岳塘区商务局|局长|湖南省湘西州保靖县|副县长"},
		}},
	{name: "new-identity", kind: stated, elems: "H h N , 他的新身份是|她的新身份是|他的身份是|她的身份是 B b",
		examples: [][2]string{
			{"还有湘潭市雨湖区工信局副局长张斌，他的新身份是保靖县经开区管委会副主任。", "张斌|湘潭市雨湖区工信局|副局长|保靖县经开区管委会|副主任"},
		}},
	{name: "marked-host", kind: stated, elems: "援疆干部|援藏干部|援青干部|援彝干部|挂职干部 ,|、 B b N ,? 原为|原是|原任? H? h?",
		examples: [][2]string{
			{"10月13日，援疆干部、新疆和田地区墨玉县委副书记李国庆带领工作队走进乡里。", "李国庆|||新疆和田地区墨玉县|县委副书记"},
		}},
	{name: "host-marked", kind: stated, elems: "B b ( 援藏|援疆|援青|援彝|挂职 ) ,? N ,? 原为|原是|原任? H? h?",
		examples: [][2]string{
			{"昌都市八宿县委常委、常务副县长（援藏）陈建华通报了项目进展。", "陈建华|||昌都市八宿县|县委常委、常务副县长"},
		}},
	{name: "peer", kind: stated, elems: "H h N ,? 则? 在|到 B 挂职|挂任|任|担任 b",
		examples: [][2]string{
			{"与他同期挂职的深圳市龙岗区水务局副局长李伟，则在百色市靖西市任副市长。", "李伟|深圳市龙岗区水务局|副局长|百色市靖西市|副市长"},
		}},
	{name: "was-came", kind: stated, elems: "N 原为|原是|原任 H h , ⋯ 来到|到|赴 B",
		examples: [][2]string{
			{"黄志明原为深圳市罗湖区科技创新局副局长，前年10月来到广西百色市凌云县。", "黄志明|深圳市罗湖区科技创新局|副局长|广西百色市凌云县|"},
		}},
	{name: "i-am", kind: stated, elems: "我叫|我是 N , 在 B 挂职|挂任 b",
		examples: [][2]string{
			{"我叫孙明，在西藏昌都市贡觉县挂职副县长。", "孙明|||西藏昌都市贡觉县|副县长"},
		}},
	{name: "subject", kind: stated, elems: "O ~ " + gua + " B b?",
		examples: [][2]string{
			{"她挂任宁夏回族自治区固原市西吉县副县长。", "她|||宁夏回族自治区固原市西吉县|副县长"},
			{"日前，刘海涛挂任张家口市副市长。", "刘海涛|||张家口市|副市长"},
		}},
	{name: "recall", kind: stated, elems: "回忆起 " + gua + " B b 的经历 , 已经返回原单位的 N",
		examples: [][2]string{
			{"回忆起挂任廊坊市副市长的经历，已经返回原单位的王志刚感慨良多。", "王志刚|||廊坊市|副市长"},
		}},
	{name: "both-posts", kind: stated, elems: "同时担任|同时兼任 B b 和|与|及 H h 的 P",
		examples: [][2]string{
			{"同时担任廊坊市副市长和北京市通州区副区长的他，每周往返两地。", "他|北京市通州区|副区长|廊坊市|副市长"},
		}},
	{name: "identity", kind: stated, elems: "P 现在的身份是|的身份是|现在的职务是 B b",
		examples: [][2]string{
			{"他现在的身份是北京市大兴区副区长。", "他|||北京市大兴区|副区长"},
		}},
	{name: "since-host", kind: startOf, elems: "D 至今 , 挂任|挂职|任|担任 B b",
		examples: [][2]string{
			{"2019年至今，任四川省甘孜州泸定县委常委、副县长。", "|||四川省甘孜州泸定县|县委常委、副县长"},
		}},
	{name: "now-line", kind: officialIn, elems: "原任: H h 现任:|现挂职:|挂职: B b",
		examples: [][2]string{
			{"原任：上海市奉贤区科委副主任\n现任：云南省红河州绿春县副县长（挂职）", "|上海市奉贤区科委|副主任|云南省红河州绿春县|副县长"},
		}},
	{name: "apposition", kind: officialIn, elems: "B b , 是这位供职于 H 的干部的新身份",
		examples: [][2]string{
			{"新疆维吾尔自治区喀什地区莎车县委常委、副县长，是这位供职于上海市浦东新区科技和经济委员会的干部的新身份。", "|上海市浦东新区科技和经济委员会||新疆维吾尔自治区喀什地区莎车县|县委常委、副县长"},
		}},
	{name: "home-says", kind: officialIn, elems: "我原来在 H 上班 , 现在是 B 的? b",
		examples: [][2]string{
			{"“我原来在上海市普陀区发改委上班，现在是新疆喀什地区莎车县的副县长。”", "|上海市普陀区发改委||新疆喀什地区莎车县|副县长"},
		}},
	{name: "home-says-at", kind: officialIn, elems: "我原来在 H 上班 , 现在在 B 挂职 b?",
		examples: [][2]string{
			{"“我原来在天津市滨海新区商务局上班，现在在甘肃省天水市麦积区挂职副区长。”", "|天津市滨海新区商务局||甘肃省天水市麦积区|副区长"},
		}},
	{name: "arrive-post", kind: stated, elems: "H h N … 来到|到|赴|前往|抵达 B ,? " + gua + "|担任|任 B? b",
		examples: [][2]string{
			{"今年5月，江苏省南京市鼓楼区商务局副局长王小军来到陕西省汉中市略阳县，挂职副县长。", "王小军|江苏省南京市鼓楼区商务局|副局长|陕西省汉中市略阳县|副县长"},
			{"湖南省长沙市岳麓区发改局副局长周凯于2021年7月抵达新疆吐鲁番市托克逊县，担任县委常委、副县长。", "周凯|湖南省长沙市岳麓区发改局|副局长|新疆吐鲁番市托克逊县|县委常委、副县长"},
		}},
	{name: "post-marked", kind: stated, elems: "H h N … 担任|任 B b ( 援疆|援藏|援青|援彝|挂职 )",
		examples: [][2]string{
			{"湖南省长沙市天心区副区长刘伟担任新疆吐鲁番市高昌区副区长（援疆），", "刘伟|湖南省长沙市天心区|副区长|新疆吐鲁番市高昌区|副区长"},
		}},
	{name: "now-was", kind: stated, assisted: true, elems: "N 现任 B b , 原为|原任|原系|原是 H h",
		examples: [][2]string{
			{"周立伟现任新疆阿克苏地区温宿县副县长，原为浙江省杭州市上城区商务局副局长。援疆三年，他……", "周立伟|浙江省杭州市上城区商务局|副局长|新疆阿克苏地区温宿县|副县长"},
		}},
	{name: "ren-assisted", kind: stated, assisted: true, elems: "H h N ,? ⋯ 现任|任|担任 B b",
		examples: [][2]string{
			{"按照对口支援安排，浙江省宁波市海曙区副区长陈斌任西藏那曲市比如县委常委、常务副县长。", "陈斌|浙江省宁波市海曙区|副区长|西藏那曲市比如县|县委常委、常务副县长"},
			{"山西省大同市平城区科技局副局长赵磊，2023年2月作为第十一批援疆干部进疆，现任新疆昌吉州呼图壁县副县长。", "赵磊|山西省大同市平城区科技局|副局长|新疆昌吉州呼图壁县|副县长"},
		}},
	{name: "arrow", kind: stated, elems: "N H h → B b",
		examples: [][2]string{
			{"高志勇　河南省新乡市红旗区副区长→新疆哈密市伊吾县副县长", "高志勇|河南省新乡市红旗区|副区长|新疆哈密市伊吾县|副县长"},
		}},
	{name: "dash", kind: stated, elems: "N ——|—|: 原 H h , 现挂任|现挂职|现任 B b",
		examples: [][2]string{
			{"钱立新——原上海市松江区经委副主任，现挂任新疆喀什地区巴楚县副县长；", "钱立新|上海市松江区经委|副主任|新疆喀什地区巴楚县|副县长"},
		}},
	{name: "was-now-lines", kind: stated, elems: "N 原任:|原单位及职务:|原职务: H h ,? 现任:|现挂职:|挂职单位及职务:|挂职职务: B b",
		examples: [][2]string{
			{"吴海燕\n原任：上海市奉贤区科委副主任\n现任：云南省红河州绿春县副县长（挂职）", "吴海燕|上海市奉贤区科委|副主任|云南省红河州绿春县|副县长"},
		}},
	{name: "table", kind: stated, elems: "姓名: N ⋯ 原单位及职务:|原工作单位及职务: H h , 挂职单位及职务:|挂职岗位: B b",
		examples: [][2]string{
			{"1.姓名：李国华，性别：男，原单位及职务：甘肃省商务厅外贸处副处长，挂职单位及职务：甘肃省甘南州夏河县副县长；", "李国华|甘肃省商务厅|外贸处副处长|甘肃省甘南州夏河县|副县长"},
		}},
	{name: "table-split", kind: stated, elems: "姓名: N ⋯ 原单位:|原工作单位: H , 原职务: h , 挂职单位: B , 挂职职务: b",
		examples: [][2]string{
			{"2.姓名：周敏，性别：女，原单位：甘肃省财政厅，原职务：预算处副处长，挂职单位：甘肃省陇南市宕昌县，挂职职务：副县长。", "周敏|甘肃省财政厅|预算处副处长|甘肃省陇南市宕昌县|副县长"},
		}},
	{name: "o-long-gua", kind: stated, elems: "O ⋯ 挂任|挂职担任|挂职任 B b ,|。|;", // not 挂任B b的…: a post that names the next official
		examples: [][2]string{
			{"2019年7月，王鹏作为辽宁省第九批援藏干部进藏，挂任那曲市聂荣县委常委、常务副县长，至今快三年了。", "王鹏|||那曲市聂荣县|县委常委、常务副县长"},
		}},
	{name: "other-identity", kind: homeOf, elems: "N 的另一个身份|的另一重身份 ,? 是 H h",
		examples: [][2]string{
			{"很少有人知道，王建的另一个身份，是浙江省杭州市上城区发改局副局长。", "王建|浙江省杭州市上城区发改局|副局长"},
		}},
	{name: "was-before-left", kind: homeOf, elems: "出发前 , O 是 H h",
		examples: [][2]string{
			{"出发前，他是吉林省通化市东昌区发改局副局长；", "他|吉林省通化市东昌区发改局|副局长"},
		}},
	{name: "i-was-before", kind: homeOf, elems: "出发前 , 我在|我是 H 当|任 h",
		examples: [][2]string{
			{"出发前，我在安徽省芜湖市镜湖区发改委当副主任。", "|安徽省芜湖市镜湖区发改委|副主任"},
		}},
	{name: "was", kind: homeOf, elems: "O ,? 原是|此前是|原为|原任|出发前任|出发前是 H h",
		examples: [][2]string{
			{"他原是天津市河东区发改委副主任。", "他|天津市河东区发改委|副主任"},
		}},
	{name: "was-before", kind: homeOf, elems: "此前 P 是 H h",
		examples: [][2]string{
			{"此前他是吴兴区经信局副局长。", "他|吴兴区经信局|副局长"},
		}},
	{name: "is-one-of", kind: intro, elems: "N 是 H 的一名|的一位|的 h",
		examples: [][2]string{
			{"刘燕是江苏省无锡市滨湖区卫健委的一名副主任。", "刘燕|江苏省无锡市滨湖区卫健委|副主任"},
		}},
	{name: "is", kind: intro, elems: "N ,? 是 H h",
		examples: [][2]string{
			{"孟庆伟是福建省厦门市思明区副区长。", "孟庆伟|福建省厦门市思明区|副区长"},
		}},
	{name: "named", kind: intro, elems: "H h N",
		examples: [][2]string{
			{"南京市秦淮区副区长钟亚楠说，", "钟亚楠|南京市秦淮区|副区长"},
		}},
	{name: "from", kind: intro, elems: "来自 H 的 挂职干部? N",
		examples: [][2]string{
			{"来自宁波市北仑区农业农村局的孙晓燕说，", "孙晓燕|宁波市北仑区农业农村局|"},
		}},
}

// elem is one parsed element of a pattern.
type elem struct {
	sym      byte     // 'N', 'P', 'O', 'H', 'h', 'B', 'b', 'D', ',', '(', ')', '…', or 0 for words
	words    []string // for words
	optional bool
}

var parsedPatterns = sync.OnceValue(func() []pattern {
	out := make([]pattern, len(patterns))
	for i, p := range patterns {
		for _, f := range strings.Fields(p.elems) {
			e := elem{}
			if t, ok := strings.CutSuffix(f, "?"); ok && t != "" {
				e.optional, f = true, t
			}
			switch f {
			case "N", "P", "O", "H", "h", "B", "b", "D", ",", "(", ")", "M", "I", "i", "C", "c":
				e.sym = f[0]
			case "…":
				e.sym = '.'
			case "~":
				e.sym = '~'
			case "⋯":
				e.sym = ':'
			default:
				e.words = strings.Split(f, "|")
			}
			p.parsed = append(p.parsed, e)
		}
		out[i] = p
	}
	return out
})

// match is what a pattern read.
type match struct {
	p                *pattern
	official         *span // a name or a pronoun
	home, host       *span
	homePost, hostPt *span
	date             *span
	// A second secondment a row reads (分别挂任): M I i C c.
	official2, home2, homePost2, host2, hostPt2 *span
	start, end                                  int // index of the match's first span and of the span after it
}

// maxSkip bounds …, maxLongSkip ⋯: the matcher stays linear in the
// sentence.
const (
	maxSkip     = 6
	maxLongSkip = 20
)

// assistWords say that an article is about secondments or paired
// assistance.
var assistWords = []string{"挂职", "挂任", "援疆", "援藏", "援青", "援彝", "对口支援", "东西部协作", "对口帮扶", "定点帮扶", "选派", "组团式"}

// matchAt tries pattern p at span k of a sentence.
func matchAt(p *pattern, text string, sp []span, k int) (match, bool) {
	m := match{p: p}
	var try func(e, k int) bool
	var one func(el elem, e, k int) bool
	try = func(e, k int) bool {
		if e == len(p.parsed) {
			m.end = k
			return true
		}
		el := p.parsed[e]
		if el.optional {
			// Greedy: the element if it is there, else none.
			el.optional = false
			saved := m
			if one(el, e, k) {
				return true
			}
			m = saved
			return try(e+1, k)
		}
		return one(el, e, k)
	}
	one = func(el elem, e, k int) bool {
		if el.sym == '.' || el.sym == '~' || el.sym == ':' {
			limit := maxSkip
			switch el.sym {
			case '~':
				limit = 3
			case ':':
				limit = maxLongSkip
			}
			for n := 0; n <= limit && k+n <= len(sp); n++ {
				if n > 0 {
					s := sp[k+n-1]
					if s.kind == tName || s.kind == tPunct && (el.sym == '~' || strings.ContainsAny(s.text, "。;!?")) ||
						strings.HasPrefix(text[s.start:], "分别") {
						return false
					}
				}
				if try(e+1, k+n) {
					return true
				}
			}
			return false
		}
		if el.words != nil {
			if k >= len(sp) {
				return false
			}
			for _, w := range el.words {
				if !strings.HasPrefix(text[sp[k].start:], w) {
					continue
				}
				end := sp[k].start + len(w)
				j := k
				for j < len(sp) && sp[j].start < end {
					j++
				}
				if j < len(sp) && sp[j].start != end && sp[j-1].end != end {
					continue // the word ends inside a span
				}
				if j == len(sp) && sp[j-1].end != end {
					continue
				}
				if try(e+1, j) {
					return true
				}
			}
			return false
		}
		if k >= len(sp) {
			return false
		}
		s := &sp[k]
		ok := false
		switch el.sym {
		case 'N', 'M':
			ok = s.kind == tName
		case 'P':
			ok = s.kind == tPronoun
		case 'O':
			ok = s.kind == tName || s.kind == tPronoun
		case 'H', 'B', 'I', 'C':
			ok = s.kind == tBody
		case 'h', 'b', 'i', 'c':
			ok = s.kind == tPost
		case 'D':
			ok = s.kind == tDate
		case ',':
			ok = s.kind == tPunct && strings.ContainsAny(s.text, ",、，")
		case '(':
			ok = s.kind == tPunct && strings.ContainsAny(s.text, "(（")
		case ')':
			ok = s.kind == tPunct && strings.ContainsAny(s.text, ")）")
		}
		if !ok {
			return false
		}
		saved := m
		switch el.sym {
		case 'N', 'P', 'O':
			m.official = s
		case 'H':
			m.home = s
		case 'h':
			m.homePost = s
		case 'B':
			m.host = s // the last: 赴北京，挂职担任北京市发改委副主任
		case 'b':
			m.hostPt = s
		case 'D':
			m.date = s
		case 'M':
			m.official2 = s
		case 'I':
			m.home2 = s
		case 'i':
			m.homePost2 = s
		case 'C':
			m.host2 = s
		case 'c':
			m.hostPt2 = s
		}
		if try(e+1, k+1) {
			return true
		}
		m = saved
		return false
	}
	if try(0, k) {
		m.start = k
		return m, true
	}
	return match{}, false
}

// matches reads a sentence's spans left to right: at each span the first
// pattern of the table that matches, which then consumes its spans.
func matches(text string, sp []span) []match {
	var out []match
	ps := parsedPatterns()
	for k := 0; k < len(sp); {
		found := false
		for i := range ps {
			if m, ok := matchAt(&ps[i], text, sp, k); ok && m.end > k {
				out = append(out, m)
				found = true
				// An introduction or a home leaves its spans to the
				// rows that state a secondment.
				if m.p.kind == intro || m.p.kind == homeOf {
					k++
				} else {
					k = m.end
				}
				break
			}
		}
		if !found {
			k++
		}
	}
	return out
}
