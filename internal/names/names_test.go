package names

import "testing"

func TestPersonal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"喻华锋", "Yu Huafeng"},
		{"曹蕾", "Cao Lei"},
		{"童腾飞", "Tong Tengfei"},
		{"洪继元", "Hong Jiyuan"},
		{"曾庆红", "Zeng Qinghong"},
		{"单霁翔", "Shan Jixiang"},
		{"欧阳明高", "Ouyang Minggao"},
		{"刘海鸥", "Liu Hai'ou"},
		{"张", "Zhang"},
		{"John Smith", "John Smith"},
		{"", ""},
	} {
		if got := Personal(c.in); got != c.want {
			t.Errorf("Personal(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestBody(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"北京市商务委", "Beijingshi Shangwuwei"},
		{"北京市发改委", "Beijingshi Fagaiwei"},
		{"北京发改委", "Beijing Fagaiwei"},
		{"河北省工信厅", "Hebeisheng Gongxinting"},
		{"固安县人民政府", "Gu'anxian Renminzhengfu"},
		{"张家口市政府", "Zhangjiakoushi Zhengfu"},
		{"北京市大兴区发改委", "Beijingshi Daxingqu Fagaiwei"},
		{"廊坊市", "Langfangshi"},
		{"长春市", "Changchunshi"},
		{"厦门市商务局", "Xiamenshi Shangwuju"},
		{"中关村管委会", "Zhongguancun Guanweihui"},
		{"中组部", "Zhongzubu"},
		{"首钢集团", "Shougangjituan"},
		{"Acme", "Acme"},
	} {
		if got := Body(c.in); got != c.want {
			t.Errorf("Body(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
