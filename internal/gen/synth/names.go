package synth

// A hanzi with its pinyin, for names and ids.
type han struct{ zh, py string }

var surnames = []han{
	{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"},
	{"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"},
	{"马", "ma"}, {"朱", "zhu"}, {"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"高", "gao"},
	{"林", "lin"}, {"罗", "luo"}, {"郑", "zheng"}, {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"},
	{"唐", "tang"}, {"许", "xu"}, {"韩", "han"}, {"冯", "feng"}, {"邓", "deng"}, {"曹", "cao"},
	{"彭", "peng"}, {"曾", "zeng"}, {"肖", "xiao"}, {"田", "tian"}, {"董", "dong"}, {"袁", "yuan"},
	{"潘", "pan"}, {"于", "yu"}, {"蒋", "jiang"}, {"蔡", "cai"}, {"余", "yu"}, {"杜", "du"},
	{"叶", "ye"}, {"程", "cheng"}, {"苏", "su"}, {"魏", "wei"}, {"吕", "lv"}, {"丁", "ding"},
	{"任", "ren"}, {"沈", "shen"}, {"姚", "yao"}, {"卢", "lu"}, {"姜", "jiang"}, {"崔", "cui"},
	{"钟", "zhong"}, {"谭", "tan"}, {"陆", "lu"}, {"汪", "wang"}, {"范", "fan"}, {"金", "jin"},
	{"石", "shi"}, {"廖", "liao"}, {"贾", "jia"}, {"夏", "xia"}, {"韦", "wei"}, {"付", "fu"},
	{"方", "fang"}, {"白", "bai"}, {"邹", "zou"}, {"孟", "meng"}, {"熊", "xiong"}, {"秦", "qin"},
	{"邱", "qiu"}, {"江", "jiang"}, {"尹", "yin"}, {"薛", "xue"}, {"闫", "yan"}, {"段", "duan"},
	{"雷", "lei"}, {"侯", "hou"}, {"龙", "long"}, {"史", "shi"}, {"陶", "tao"}, {"黎", "li"},
	{"贺", "he"}, {"顾", "gu"}, {"毛", "mao"}, {"郝", "hao"}, {"龚", "gong"}, {"邵", "shao"},
	{"万", "wan"}, {"钱", "qian"}, {"严", "yan"}, {"武", "wu"}, {"戴", "dai"}, {"孔", "kong"},
	{"向", "xiang"}, {"汤", "tang"}, {"喻", "yu"}, {"童", "tong"},
	{"欧阳", "ouyang"}, {"司马", "sima"}, {"上官", "shangguan"}, {"诸葛", "zhuge"},
}

var givenChars = []han{
	{"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"敏", "min"}, {"静", "jing"}, {"丽", "li"},
	{"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"},
	{"杰", "jie"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"秀", "xiu"}, {"霞", "xia"},
	{"平", "ping"}, {"刚", "gang"}, {"桂", "gui"}, {"华", "hua"}, {"建", "jian"}, {"国", "guo"},
	{"文", "wen"}, {"志", "zhi"}, {"海", "hai"}, {"红", "hong"}, {"玉", "yu"}, {"春", "chun"},
	{"东", "dong"}, {"辉", "hui"}, {"斌", "bin"}, {"鹏", "peng"}, {"宇", "yu"}, {"飞", "fei"},
	{"波", "bo"}, {"峰", "feng"}, {"雪", "xue"}, {"晓", "xiao"}, {"亮", "liang"}, {"琳", "lin"},
	{"婷", "ting"}, {"慧", "hui"}, {"颖", "ying"}, {"新", "xin"}, {"立", "li"}, {"永", "yong"},
	{"德", "de"}, {"成", "cheng"}, {"俊", "jun"}, {"云", "yun"}, {"宏", "hong"}, {"晨", "chen"},
	{"阳", "yang"}, {"蕾", "lei"}, {"远", "yuan"}, {"腾", "teng"}, {"锋", "feng"}, {"佳", "jia"},
	{"丹", "dan"}, {"萍", "ping"}, {"梅", "mei"}, {"兰", "lan"}, {"燕", "yan"}, {"荣", "rong"},
	{"家", "jia"}, {"鑫", "xin"}, {"振", "zhen"}, {"宁", "ning"}, {"安", "an"}, {"学", "xue"},
	{"光", "guang"}, {"庆", "qing"}, {"利", "li"}, {"兵", "bing"}, {"彬", "bin"}, {"浩", "hao"},
	{"博", "bo"}, {"凯", "kai"}, {"毅", "yi"}, {"睿", "rui"}, {"思", "si"}, {"嘉", "jia"},
	{"欣", "xin"}, {"怡", "yi"}, {"子", "zi"}, {"晶", "jing"}, {"维", "wei"}, {"哲", "zhe"},
	{"瑞", "rui"}, {"彦", "yan"}, {"卫", "wei"}, {"民", "min"}, {"忠", "zhong"}, {"正", "zheng"},
	{"山", "shan"}, {"松", "song"}, {"青", "qing"}, {"凡", "fan"}, {"悦", "yue"}, {"琪", "qi"},
	{"璐", "lu"}, {"昊", "hao"}, {"天", "tian"}, {"坤", "kun"}, {"宝", "bao"}, {"福", "fu"},
	{"祥", "xiang"}, {"泽", "ze"}, {"旭", "xu"}, {"世", "shi"}, {"铭", "ming"}, {"启", "qi"},
	{"航", "hang"}, {"翔", "xiang"}, {"达", "da"}, {"胜", "sheng"}, {"力", "li"}, {"仁", "ren"},
	{"智", "zhi"}, {"和", "he"}, {"顺", "shun"}, {"长", "chang"}, {"玲", "ling"}, {"莉", "li"},
	{"娟", "juan"}, {"岚", "lan"}, {"倩", "qian"}, {"华", "hua"}, {"锐", "rui"}, {"蓉", "rong"},
}

// placeChars make up synthetic place and company names.
var placeChars = []han{
	{"安", "an"}, {"平", "ping"}, {"新", "xin"}, {"兴", "xing"}, {"河", "he"}, {"山", "shan"},
	{"城", "cheng"}, {"阳", "yang"}, {"宁", "ning"}, {"丰", "feng"}, {"泰", "tai"}, {"清", "qing"},
	{"永", "yong"}, {"东", "dong"}, {"西", "xi"}, {"南", "nan"}, {"北", "bei"}, {"临", "lin"},
	{"固", "gu"}, {"武", "wu"}, {"文", "wen"}, {"广", "guang"}, {"德", "de"}, {"昌", "chang"},
	{"乐", "le"}, {"康", "kang"}, {"宝", "bao"}, {"定", "ding"}, {"华", "hua"}, {"怀", "huai"},
	{"青", "qing"}, {"石", "shi"}, {"林", "lin"}, {"川", "chuan"}, {"源", "yuan"}, {"水", "shui"},
	{"泉", "quan"}, {"台", "tai"}, {"塘", "tang"}, {"沙", "sha"}, {"桥", "qiao"}, {"州", "zhou"},
	{"涿", "zhuo"}, {"霸", "ba"}, {"滦", "luan"}, {"迁", "qian"}, {"蔚", "yu"}, {"易", "yi"},
	{"曲", "qu"}, {"高", "gao"}, {"邑", "yi"}, {"云", "yun"}, {"龙", "long"}, {"凤", "feng"},
}

type place struct {
	zh, py, suffix string // suffix: 市, 区, 县
}

var realPlaces = map[string][]place{
	"beijing": {
		{"东城", "dongcheng", "区"}, {"西城", "xicheng", "区"}, {"朝阳", "chaoyang", "区"}, {"海淀", "haidian", "区"},
		{"丰台", "fengtai", "区"}, {"石景山", "shijingshan", "区"}, {"门头沟", "mentougou", "区"}, {"房山", "fangshan", "区"},
		{"通州", "tongzhou", "区"}, {"顺义", "shunyi", "区"}, {"昌平", "changping", "区"}, {"大兴", "daxing", "区"},
		{"怀柔", "huairou", "区"}, {"平谷", "pinggu", "区"}, {"密云", "miyun", "区"}, {"延庆", "yanqing", "区"},
	},
	"hebei": {
		{"石家庄", "shijiazhuang", "市"}, {"唐山", "tangshan", "市"}, {"秦皇岛", "qinhuangdao", "市"}, {"邯郸", "handan", "市"},
		{"邢台", "xingtai", "市"}, {"保定", "baoding", "市"}, {"张家口", "zhangjiakou", "市"}, {"承德", "chengde", "市"},
		{"沧州", "cangzhou", "市"}, {"廊坊", "langfang", "市"}, {"衡水", "hengshui", "市"}, {"固安", "guan", "县"},
		{"涿州", "zhuozhou", "市"}, {"三河", "sanhe", "市"}, {"香河", "xianghe", "县"}, {"大厂", "dachang", "县"},
	},
	"tianjin": {
		{"和平", "heping", "区"}, {"河东", "hedong", "区"}, {"河西", "hexi", "区"}, {"南开", "nankai", "区"},
		{"河北", "hebei", "区"}, {"红桥", "hongqiao", "区"}, {"滨海新", "binhaixin", "区"}, {"武清", "wuqing", "区"},
		{"宝坻", "baodi", "区"}, {"静海", "jinghai", "区"}, {"宁河", "ninghe", "区"}, {"蓟州", "jizhou", "区"},
	},
}

var provinces = map[string]string{"beijing": "北京市", "hebei": "河北省", "tianjin": "天津市", "national": ""}

// Departments of a place or a province-level government.
var departments = []han{
	{"发展和改革委员会", "fgw"}, {"商务局", "swj"}, {"工业和信息化局", "gxj"}, {"科学技术局", "kjj"},
	{"教育局", "jyj"}, {"卫生健康委员会", "wjw"}, {"交通运输局", "jtj"}, {"文化和旅游局", "wlj"},
	{"农业农村局", "nyj"}, {"生态环境局", "sthjj"}, {"财政局", "czj"}, {"住房和城乡建设局", "zjj"},
	{"人力资源和社会保障局", "rsj"}, {"国有资产监督管理委员会", "gzw"}, {"投资促进局", "tcj"}, {"经济技术开发区管委会", "kfq"},
}

var nationalBodies = []han{
	{"国家发展和改革委员会", "ndrc"}, {"工业和信息化部", "miit"}, {"商务部", "mofcom"}, {"科学技术部", "most"},
	{"交通运输部", "mot"}, {"生态环境部", "mee"}, {"国家卫生健康委员会", "nhc"}, {"教育部", "moe"},
	{"农业农村部", "moa"}, {"国务院国有资产监督管理委员会", "sasac"}, {"国家能源局", "nea"}, {"国家林业和草原局", "nfga"},
}

var industries = []han{
	{"科技", "keji"}, {"医药", "yiyao"}, {"电子商务", "dianshang"}, {"物流", "wuliu"}, {"能源", "nengyuan"},
	{"建设", "jianshe"}, {"投资", "touzi"}, {"文化传媒", "wenhua"}, {"环保", "huanbao"}, {"农业", "nongye"},
	{"汽车", "qiche"}, {"食品", "shipin"}, {"新材料", "xincailiao"}, {"信息技术", "xinxi"}, {"旅游", "lvyou"},
}

var companyForms = []string{"有限公司", "集团有限公司", "股份有限公司", "科技有限公司"}

var orgForms = []han{
	{"研究院", "yanjiuyuan"}, {"协会", "xiehui"}, {"商会", "shanghui"}, {"产业联盟", "lianmeng"},
	{"大学", "daxue"}, {"职业技术学院", "xueyuan"}, {"医院", "yiyuan"}, {"基金会", "jijinhui"},
}

var topics = []han{
	{"电子商务产业", "ecommerce"}, {"医疗卫生", "health"}, {"教育", "education"}, {"交通一体化", "transport"},
	{"生态环境保护", "ecology"}, {"现代农业", "agriculture"}, {"旅游", "tourism"}, {"科技成果转化", "tech"},
	{"产业转移", "industry"}, {"物流园区", "logistics"}, {"新能源", "energy"}, {"文化创意", "culture"},
	{"养老服务", "eldercare"}, {"大数据", "bigdata"}, {"冰雪运动", "wintersport"}, {"水资源", "water"},
}

var agreementForms = []string{"战略合作协议", "合作框架协议", "合作备忘录", "项目合作协议", "对口帮扶协议", "全面战略合作协议"}

var publishers = []han{
	{"澎湃新闻", "thepaper"}, {"新华网", "xinhua"}, {"人民网", "people"}, {"北京日报", "bjd"},
	{"河北日报", "hebeidaily"}, {"天津日报", "tjrb"}, {"长城网", "hebeicom"}, {"新京报", "bjnews"},
}

var fillers = []string{
	"据了解", "记者了解到", "值得一提的是", "与此同时", "据介绍", "另据报道", "截至目前", "在此期间",
	"此外", "据悉", "会上", "近日",
}

var closings = []string{
	"两地合作由此进入新阶段", "相关工作正在有序推进", "这是两地协同发展的又一成果", "双方表示将进一步深化合作",
	"有关项目已进入实施阶段", "这一做法得到了当地干部群众的认可",
}

var hostPosts = map[string][]string{
	"市":  {"副市长", "市长助理", "副秘书长"},
	"区":  {"副区长", "区长助理"},
	"县":  {"副县长", "县长助理"},
	"镇":  {"副镇长", "镇长助理"},
	"":   {"副局长", "副主任", "处长", "副处长", "副巡视员"},
	"省":  {"副厅长", "副秘书长", "副主任"},
	"国家": {"副司长", "处长", "副处长"},
}

var agreementRoles = []string{"操盘", "牵线", "见证", "出席", "推动", "签约"}
var linkRoles = []string{"带队", "出席", "陪同", "牵线"}
