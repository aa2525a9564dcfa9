package graph

import "testing"

func TestPinyin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"喻华锋", "Yu Huafeng"},
		{"曹蕾", "Cao Lei"},
		{"童腾飞", "Tong Tengfei"},
		{"洪继元", "Hong Jiyuan"},
		{"曾庆红", "Zeng Qinghong"},
		{"单霁翔", "Shan Jixiang"},
		{"欧阳明高", "Ouyang Minggao"},
		{"张", "Zhang"},
		{"John Smith", "John Smith"},
		{"", ""},
	} {
		if got := Pinyin(c.in); got != c.want {
			t.Errorf("Pinyin(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEntityLabel(t *testing.T) {
	off := &Entity{Kind: Official, Name: "税勇"}
	body := &Entity{Kind: Body, Name: "唐山市", NameEn: "Tangshan"}
	bare := &Entity{Kind: Body, Name: "某局"}
	for _, c := range []struct {
		e          *Entity
		lang, want string
	}{
		{off, "zh", "税勇"}, {off, "en", "Shui Yong"}, {off, "both", "税勇\nShui Yong"},
		{body, "en", "Tangshan"}, {body, "both", "唐山市\nTangshan"},
		{bare, "en", "某局"}, {bare, "both", "某局"},
	} {
		if got := c.e.Label(c.lang); got != c.want {
			t.Errorf("%s in %s: %q, want %q", c.e.Name, c.lang, got, c.want)
		}
	}
}
