package lexicon

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDivisions(t *testing.T) {
	for _, tc := range []struct {
		name, province string
		level          Level
	}{
		{"河北省", "河北省", Province},
		{"廊坊市", "河北省", Prefecture},
		{"固安县", "河北省", County},
		{"大兴区", "北京市", County},
		{"甘孜藏族自治州", "四川省", Prefecture},
		{"济源市", "河南省", County},
	} {
		ds := DivisionsNamed(tc.name)
		if len(ds) == 0 {
			t.Errorf("%s: not found", tc.name)
			continue
		}
		d := ds[0]
		if d.Level != tc.level {
			t.Errorf("%s: level %d, want %d", tc.name, d.Level, tc.level)
		}
		if p := ProvinceOf(d); p.Name != tc.province {
			t.Errorf("%s: province %s, want %s", tc.name, p.Name, tc.province)
		}
	}
	if n := len(DivisionsNamed("朝阳区")); n != 2 {
		t.Errorf("朝阳区: %d divisions, want 2 (Beijing, Changchun)", n)
	}
	provinces := 0
	for _, d := range Divisions() {
		if d.Level == Province {
			provinces++
		}
	}
	if provinces != 31 {
		t.Errorf("%d provinces, want 31", provinces)
	}
	if n := len(Children("13")); n != 11 {
		t.Errorf("河北省 has %d prefectures, want 11", n)
	}
}

func TestBodies(t *testing.T) {
	seen := map[string]bool{}
	for _, b := range Bodies() {
		if b.Full == "" || b.English == "" || b.Levels == "" {
			t.Errorf("incomplete row %+v", b)
		}
		if seen[b.Full] {
			t.Errorf("%s listed twice", b.Full)
		}
		seen[b.Full] = true
	}
	for i, a := range Bodies() {
		for _, b := range Bodies()[:i] {
			if a.Full != b.Full && len(b.Full) < len(a.Full) && strings.HasSuffix(a.Full, b.Full) {
				t.Errorf("%s is listed after %s, which it ends with", a.Full, b.Full)
			}
		}
	}
	if !seen["发展和改革委员会"] {
		t.Error("发展和改革委员会 missing")
	}
}

func TestReadings(t *testing.T) {
	for _, r := range Readings() {
		if n := utf8.RuneCountInString(r.Prefix); n != len(r.Syllables) {
			t.Errorf("%s: %d characters, %d syllables", r.Prefix, n, len(r.Syllables))
		}
		named := false
		for _, d := range Divisions() {
			if strings.HasPrefix(d.Name, r.Prefix) {
				named = true
				break
			}
		}
		if !named {
			t.Errorf("%s begins no division's name", r.Prefix)
		}
	}
}

func TestShortForms(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"新疆维吾尔自治区", []string{"新疆"}},
		{"广西壮族自治区", []string{"广西"}},
		{"河北省", []string{"河北"}},
		{"红河哈尼族彝族自治州", []string{"红河州", "红河"}},
		{"克孜勒苏柯尔克孜自治州", []string{"克孜勒苏州", "克孜勒苏", "克州"}},
		{"喀什地区", []string{"喀什"}},
		{"酉阳土家族苗族自治县", []string{"酉阳县"}},
		{"元阳县", nil},
	} {
		ds := DivisionsNamed(tc.name)
		if len(ds) == 0 {
			t.Errorf("%s: no such division", tc.name)
			continue
		}
		if got := ShortForms(ds[0]); !slices.Equal(got, tc.want) {
			t.Errorf("ShortForms(%s) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestCuratedTables(t *testing.T) {
	if n := len(Ethnic()); n != 56 {
		t.Errorf("%d ethnic groups, want 56", n)
	}
	for _, p := range Posts() {
		if !slices.Contains([]string{"party", "government", "department", "other"}, p.Kind) {
			t.Errorf("post %s: kind %q", p.Title, p.Kind)
		}
	}
	for _, k := range Kinds() {
		if !slices.Contains([]string{"company", "organisation", "body"}, k[1]) {
			t.Errorf("ending %s: kind %q", k[0], k[1])
		}
	}
	for _, p := range NamePrefixes() {
		if !slices.Contains([]string{"foreign", "national", "beijing"}, p[1]) {
			t.Errorf("name prefix %s: jurisdiction %q", p[0], p[1])
		}
	}
	if len(Contractions()) == 0 {
		t.Error("no contractions")
	}
	if len(Surnames()) < 400 || len(Suffixes()) == 0 || len(PlacePrefixes()) == 0 {
		t.Errorf("tables too short: %d surnames, %d suffixes, %d prefixes", len(Surnames()), len(Suffixes()), len(PlacePrefixes()))
	}
}

// TestProvinceIDs checks that every province-level division has an id, each
// its own, and that a county finds its province's.
func TestProvinceIDs(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Divisions() {
		if d.Level != Province {
			continue
		}
		id := ProvinceID(d)
		if id == "" || seen[id] {
			t.Errorf("%s %s: id %q missing or taken", d.Code, d.Name, id)
		}
		seen[id] = true
	}
	if len(seen) != len(ProvinceIDs()) {
		t.Errorf("%d provinces, %d ids", len(seen), len(ProvinceIDs()))
	}
	for name, want := range map[string]string{"五华区": "yunnan", "莎车县": "xinjiang", "大兴区": "beijing", "西安市": "shaanxi"} {
		ds := DivisionsNamed(name)
		if len(ds) == 0 || ProvinceID(ds[0]) != want {
			t.Errorf("%s: province id %q, want %q", name, ProvinceID(ds[0]), want)
		}
	}
}
