package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// notNames are common words that read as a surname and a given name but
// name nobody: 经历 is "experience", not Mr Jing Li. Place names of the
// gazetteer are added at start.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		夏天 春天 秋天 冬天 经历 经验 经济 经过 经营 经常 经费 经理 高度 高新 高层 高速 高效 高级 高质量 金融 安全 安排 常务 常委 平台 成员
		成立 成为 成功 成果 成效 文化 文件 明确 明显 方面 方向 方式 时间 时期 和谐 全面 全市 全省 全国 全部 全体 华北
		东部 南部 西部 北部 向着 于是 同时 同志 任务 任职 任期 干部 支持 管理 关于 司机 万元 万人 计划 宣传 包括 周边
		周年 周期 路线 路径 项目 程序 国家 国际 左右 双方 通过 通知 通报 边界 水平 云计算 信息 信心 应该 应当 单位 单独
		from 石油 都市 都是 能源 能力 能够 史上 江湖 海外 海关 党委 党组 党员 党政 党建 党校 杨柳 林业 农业 农村 工业
		商务 商业 交通 交流 教育 卫生 科技 科学 贾家 易地 易于 容易 公司 公安 公共 公开 公众 公布 公务 强化 强调 强度
		齐全 齐心 牛市 牛奶 马上 车辆 宁可 宁愿 谈话 谈判 谈到 乔木 钟表 钟头 申请 申报 席位 龙头 黄金 霍乱 蓝图 蓝天
		米面 师资 师范 毕业 连续 连接 连同 解决 解放 习惯 满意 满足 向前 向上 时任 时候 时代 曾经 曾任 从事 从而 班子
		季度 季节 关键 关系 关注 关心 于此 万众 何时 何种 温度 冷静 苏醒 查看 查处 查询 齐抓 秦岭 陆续 柴油 居民 居住
		伍佰 童年 原来 乐观 乐于 相关 相互 相信 相应 相对 盛会 程度 华人 华侨 甘肃 江苏 江西 湖北 湖南 云南 贵州 山西
		山东 广东 广西 海南 宁夏 青海 西藏 新疆 吉林 辽宁 安徽 福建 浙江 上海 重庆 河南 陕西 四川 黑龙江 内蒙古
		明年 明天 明日 时下 常年 平时 平日 平均 高于 多年 全年 全天 全程 全力 全新 全局 全区 全县 上下 东西 南北 和平
		金额 车间 车站 路上 路口 方案 方法 方便 方针 文字 文明 文章 房屋 房产 房价 向来 于今 从来 从此 从中 从未 从不
		记者 一行 等人 介绍 表示 指出 强调 认为 透露 告诉 坦言 说道 谈到 称赞 期间 任内 职务 岗位 一职 分管 主抓 负责
		雄安 京津冀 京津 首都 首钢 首创 首农 首旅 京东 京能 北汽 北控 包头 武汉 长沙 郑州 太原 合肥 南京 杭州 广州
		成都 西安 济南 沈阳 长春 哈尔滨 福州 南昌 昆明 贵阳 兰州 银川 西宁 拉萨 海口 南宁 呼和浩特 乌鲁木齐
		`) {
		notNames[w] = true
	}
	for _, p := range places {
		notNames[p.root] = true
		notNames[p.full] = true
	}
}

// kbOfficials are the names and aliases of the officials a KB holds.
func kbOfficials(kb *graph.Graph) map[string]bool {
	out := map[string]bool{}
	if kb == nil {
		return out
	}
	for _, e := range kb.Entities {
		if e.Kind != graph.Official {
			continue
		}
		for _, f := range append([]string{e.Name, e.FullName}, e.Aliases...) {
			if f != "" {
				out[f] = true
			}
		}
	}
	return out
}

func firstRuneString(s string) string {
	_, n := firstRune(s)
	return s[:n]
}

func lastRune(s string) string {
	r := []rune(s)
	return string(r[len(r)-1])
}

// byRune indexes names by their first and by their last character.
func byRune(names map[string]bool) (first, last map[rune][]string) {
	first, last = map[rune][]string{}, map[rune][]string{}
	for n := range names {
		r, _ := firstRune(n)
		first[r] = append(first[r], n)
		r, _ = utf8.DecodeLastRuneInString(n)
		last[r] = append(last[r], n)
	}
	return first, last
}
