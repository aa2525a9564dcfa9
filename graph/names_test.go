package graph

import (
	"slices"
	"strings"
	"testing"
)

func TestSyllables(t *testing.T) {
	body := &Entity{Kind: Body, Name: "北京市发改委", Aliases: []string{"北京发改委", "BJ DRC"}}
	off := &Entity{Kind: Official, Name: "欧阳明高"}
	for _, c := range []struct {
		e    *Entity
		want string
	}{
		{body, "bei jing shi fa gai wei|bei jing fa gai wei"},
		{off, "ouyang ming gao"},
	} {
		var got []string
		for _, s := range c.e.Syllables() {
			got = append(got, strings.Join(s, " "))
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%s: %q, want %q", c.e.Name, g, c.want)
		}
	}
}

func TestEnglish(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"北京市发改委", "Beijing Municipal Development and Reform Commission"},
		{"北京发改委", "Beijing Municipal Development and Reform Commission"},
		{"河北省工信厅", "Hebei Provincial Department of Industry and Information Technology"},
		{"廊坊市商务局", "Langfang Municipal Bureau of Commerce"},
		{"固安县人民政府", "Gu'an County People's Government"},
		{"北京市大兴区发改委", "Beijing Daxing District Development and Reform Commission"},
		{"张家口市政府", "Zhangjiakou Municipal People's Government"},
		{"北京市", "Beijing"},
		{"河北省", "Hebei"},
		{"廊坊市", "Langfang"},
		{"固安县", "Gu'an County"},
		{"大兴区", "Daxing District"},
		{"三河市", "Sanhe City"},
		{"单县", "Shan County"},
		{"重庆市发改委", "Chongqing Municipal Development and Reform Commission"},
		{"中关村", ""},
		{"中组部", ""},
		{"北京市某某局", ""},
		{"广西壮族自治区", ""},
		{"首钢集团", ""},
	} {
		e := &Entity{Kind: Body, Name: c.in}
		if got := e.English(); got != c.want {
			t.Errorf("English(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEntityLabel(t *testing.T) {
	off := &Entity{Kind: Official, Name: "税勇"}
	body := &Entity{Kind: Body, Name: "唐山市", NameEn: "Tangshan City"}
	made := &Entity{Kind: Body, Name: "唐山市发改委"}
	bare := &Entity{Kind: Body, Name: "某局"}
	for _, c := range []struct {
		e          *Entity
		lang, want string
	}{
		{off, "zh", "税勇"}, {off, "en", "Shui Yong"}, {off, "both", "税勇\nShui Yong"},
		{body, "en", "Tangshan City"}, {body, "both", "唐山市\nTangshan City"},
		{made, "en", "Tangshan Municipal Development and Reform Commission"},
		{made, "both", "唐山市发改委\nTangshan Municipal Development and Reform Commission"},
		{bare, "en", "某局"}, {bare, "both", "某局"},
	} {
		if got := c.e.Label(c.lang); got != c.want {
			t.Errorf("%s in %s: %q, want %q", c.e.Name, c.lang, got, c.want)
		}
	}
}

func TestUntranslated(t *testing.T) {
	g := New("t", "", nil, []*Entity{
		{ID: "a", Kind: Official, Name: "税勇"},
		{ID: "b", Kind: Body, Name: "中关村"},
		{ID: "c", Kind: Body, Name: "北京市发改委"},
		{ID: "d", Kind: Company, Name: "首钢集团"},
		{ID: "e", Kind: Company, Name: "首创集团", NameEn: "Beijing Capital Group"},
	}, nil)
	if got, want := g.Untranslated(), []string{"中关村", "首钢集团"}; !slices.Equal(got, want) {
		t.Errorf("Untranslated() = %q, want %q", got, want)
	}
}
