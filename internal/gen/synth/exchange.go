package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/mozillazg/go-pinyin"

	"github.com/guazhi/guazhi/internal/lexicon"
	"github.com/guazhi/guazhi/kb"
)

// ExchangeOptions say what exchange to generate. A zero value means the
// defaults.
type ExchangeOptions struct {
	// Officials is how many officials take part over all rotations;
	// default 1000.
	Officials int
	// Rotations is how many yearly rotations there are, the first from
	// July 2015; default 5.
	Rotations int
	// Seed seeds the random choices: the same options give byte-identical
	// output. Default 0.
	Seed uint64
	// Name is the knowledge base's name; default "exchange".
	Name string
	// PerSource is how many secondments one source article reports;
	// default 40.
	PerSource int
}

// Exchange makes a knowledge base shaped like the Beijing–Hebei exchange
// of cadres: yearly rotations from July 2015, each sending half its
// officials from Beijing's municipal and district bureaus to Hebei's
// cities and counties for a year and half the other way; districts paired
// with cities (a district's officials go mostly to its partner city's
// counties, and the city's come back to that district); bodies named and
// nested as real ones are (固安县发改委 part of 固安县, part of 廊坊市,
// part of 河北省), made only when someone serves in them; one official in
// twenty seconded a second time in a later rotation; agreements brokered
// by seconded officials between their host and home or a company; and
// meetings. It loads without error, like Generate's.
func Exchange(opt ExchangeOptions) *KB {
	if opt.Officials <= 0 {
		opt.Officials = 1000
	}
	if opt.Rotations <= 0 {
		opt.Rotations = 5
	}
	if opt.Name == "" {
		opt.Name = "exchange"
	}
	if opt.PerSource <= 0 {
		opt.PerSource = 40
	}
	x := &exchange{gen: &gen{
		r:     rand.New(rand.NewPCG(opt.Seed, 0x6a696e676a696a69)), // "jingjiji"
		ids:   map[string]int{},
		names: map[string]bool{},
		kb: &KB{File: kb.File{Name: opt.Name,
			Title: fmt.Sprintf("京冀干部互派挂职（合成：%d名干部，%d轮，种子%d）", opt.Officials, opt.Rotations, opt.Seed)}},
	}, opt: opt, body: map[string]int{}}
	x.places()
	x.run()
	return x.done()
}

type exchange struct {
	*gen
	opt ExchangeOptions

	districts []lexicon.Division            // Beijing's districts
	cities    []lexicon.Division            // Hebei's prefecture cities
	counties  map[string][]lexicon.Division // city code → its counties
	partner   map[string]string             // district code ↔ city code
	bureaus   map[byte][]lexicon.Body       // level letter → kinds of bureau
	body      map[string]int                // body name → entity index
	companies []int
	perSource int // secondments written into the current source
}

// places reads the divisions from the lexicon and pairs each Beijing
// district with a Hebei city: the first district to take a city is its
// partner, so the pairing is symmetric.
func (x *exchange) places() {
	x.counties = map[string][]lexicon.Division{}
	x.partner = map[string]string{}
	x.districts = lexicon.Children("11")
	x.cities = lexicon.Children("13")
	for _, c := range x.cities {
		for _, d := range lexicon.Children(c.Code) {
			// A few counties a city, real ones with short names, as the
			// exchange chose a few poor counties per city.
			if n := len([]rune(d.Name)); n <= 4 && len(x.counties[c.Code]) < 6 {
				x.counties[c.Code] = append(x.counties[c.Code], d)
			}
		}
	}
	perm := x.r.Perm(len(x.cities))
	for i, d := range x.districts {
		c := x.cities[perm[i%len(perm)]]
		x.partner[d.Code] = c.Code
		if _, taken := x.partner[c.Code]; !taken {
			x.partner[c.Code] = d.Code
		}
	}
	x.bureaus = map[byte][]lexicon.Body{}
	for _, b := range lexicon.Bodies() {
		if strings.HasPrefix(b.Full, "人民政府") || strings.HasSuffix(b.Full, "部") {
			continue // a place's government is the place; party departments send few
		}
		for _, l := range []byte(b.Levels) {
			x.bureaus[l] = append(x.bureaus[l], b)
		}
	}
}

// kindKey names a kind of bureau across levels: 发改委 at every level,
// 商务委 and 商务厅 and 商务局 alike.
func kindKey(b lexicon.Body) string {
	r := []rune(b.Full)
	return string(r[:min(2, len(r))])
}

func short(b lexicon.Body) string {
	if len(b.Short) > 0 {
		return b.Short[0]
	}
	return b.Full
}

// ids returns an id made of the pinyin of a name.
func pyID(name string) string {
	a := pinyin.NewArgs()
	a.Fallback = func(r rune, _ pinyin.Args) []string { return []string{string(r)} }
	var b strings.Builder
	for _, p := range pinyin.LazyPinyin(name, a) {
		b.WriteString(strings.ToLower(p))
	}
	return b.String()
}

// place returns the body for a division, made with its parents on first use.
func (x *exchange) place(d lexicon.Division) int {
	if i, ok := x.body[d.Name]; ok {
		return i
	}
	e := Entity{ID: pyID(d.Name), Kind: "body", Name: d.Name, Jurisdiction: jurOf(d)}
	if d.Parent != "" {
		p, _ := lexicon.DivisionByCode(d.Parent)
		e.Parent = x.kb.Entities[x.place(p)].ID
		e.FullName = lexicon.ProvinceOf(d).Name + d.Name
	}
	i := x.add(e)
	x.body[d.Name] = i
	return i
}

func jurOf(d lexicon.Division) string {
	if strings.HasPrefix(d.Code, "11") {
		return "beijing"
	}
	return "hebei"
}

// bureau returns the body of kind b in division d (北京市发改委, 东城区发改委).
func (x *exchange) bureau(d lexicon.Division, b lexicon.Body) int {
	name := d.Name + short(b)
	if i, ok := x.body[name]; ok {
		return i
	}
	parent := x.place(d)
	e := Entity{ID: x.kb.Entities[parent].ID + "-" + pyID(short(b)), Kind: "body", Name: name,
		Jurisdiction: jurOf(d), Parent: x.kb.Entities[parent].ID}
	if d.Level != lexicon.Province {
		e.FullName = lexicon.ProvinceOf(d).Name + name
	}
	i := x.add(e)
	x.body[name] = i
	return i
}

// level is a division's level letter in the bureau table: Beijing the
// municipality is "m", Hebei the province "p", a city "m", a county "c".
func level(d lexicon.Division) byte {
	switch {
	case d.Level == lexicon.Province && d.Code == "11":
		return 'm'
	case d.Level == lexicon.Province:
		return 'p'
	case d.Level == lexicon.Prefecture:
		return 'm'
	}
	return 'c'
}

// like returns a bureau of the kind key at division d's level, or any.
func (x *exchange) like(d lexicon.Division, key string) lexicon.Body {
	list := x.bureaus[level(d)]
	for _, b := range list {
		if kindKey(b) == key {
			return b
		}
	}
	return list[x.pick(len(list))]
}

var (
	homePosts   = map[byte][]string{'m': {"处长", "副处长", "副主任", "调研员"}, 'p': {"处长", "副处长", "调研员"}, 'c': {"副局长", "科长", "副主任"}}
	govPosts    = map[lexicon.Level][]string{lexicon.Prefecture: {"副市长", "市长助理", "市委常委、副市长"}, lexicon.County: {"副县长", "县委常委、副县长", "副区长"}}
	bureauPosts = []string{"副局长", "副主任", "挂职副主任", "党组成员、副局长"}
	brokerRoles = []string{"推动", "促成", "牵线", "操盘"}
)

// run makes the rotations, a source article per PerSource secondments.
func (x *exchange) run() {
	per := (x.opt.Officials + x.opt.Rotations - 1) / x.opt.Rotations
	var earlier []official // who served two rotations ago or before, for second terms
	made, start := 0, 0
	for r := range x.opt.Rotations {
		year := 2015 + r
		if r >= 2 {
			earlier = x.off[:start]
		}
		start = len(x.off)
		for k := 0; made < min(x.opt.Officials, per*(r+1)); k++ {
			if len(earlier) > 0 && x.r.IntN(20) == 0 {
				x.second(earlier[x.r.IntN(len(earlier))], year)
				continue
			}
			made++
			x.second(official{ent: -1, east: k%2 == 0}, year)
		}
	}
	for range x.opt.Officials / 20 {
		x.company()
	}
	x.companies = x.others
	x.deals()
}

// second seconds official p.ent (a new one when it is < 0, from Beijing to
// Hebei when p.east, else the other way; an earlier one from the same home
// division) for a year from July of year.
func (x *exchange) second(p official, year int) {
	east := p.east
	district := x.districts[x.pick(len(x.districts))]
	city, _ := lexicon.DivisionByCode(x.partner[district.Code])
	if x.r.IntN(30) == 0 { // not every official goes to the partner
		city = x.cities[x.r.IntN(len(x.cities))]
	}
	beijing := district
	if x.r.IntN(5) == 0 {
		beijing, _ = lexicon.DivisionByCode("11")
	}
	hebei := city
	if cs := x.counties[city.Code]; len(cs) > 0 && x.r.IntN(10) < 7 {
		hebei = cs[x.pick(len(cs))]
	}
	homeDiv, hostDiv := beijing, hebei
	if !east {
		homeDiv, hostDiv = hebei, beijing
	}
	kinds := x.bureaus[level(homeDiv)]
	kind := kinds[x.pick(min(len(kinds), 16))]
	home := x.bureau(homeDiv, kind)
	homePost := x.one(homePosts[level(homeDiv)])
	if p.ent >= 0 { // a second term starts from the first one's home
		homeDiv, home = p.homeDiv, p.home
		homePost = x.kb.Secondments[p.sec].From.Post
	}
	var host int
	var hostPost string
	if east && hostDiv.Level != lexicon.Province && x.r.IntN(2) == 0 {
		host, hostPost = x.place(hostDiv), x.one(govPosts[hostDiv.Level])
	} else {
		host, hostPost = x.bureau(hostDiv, x.like(hostDiv, kindKey(kind))), x.one(bureauPosts)
	}

	o := p.ent
	if o < 0 {
		o = x.person(homeDiv)
	}
	src := x.source(year)
	name, homeName, hostName := x.kb.Entities[o].Name, x.kb.Entities[home].Name, x.kb.Entities[host].Name
	s := Secondment{Official: x.kb.Entities[o].ID,
		From:  Place{Body: x.kb.Entities[home].ID, Post: homePost},
		To:    Place{Body: x.kb.Entities[host].ID, Post: hostPost},
		Start: fmt.Sprintf("%d-07", year), End: fmt.Sprintf("%d-07", year+1)}
	var q string
	switch x.r.IntN(3) {
	case 0:
		q = "挂任" + hostName + hostPost + "的" + homeName + homePost + name
	case 1:
		q = homeName + homePost + name + "于" + fmt.Sprintf("%d年7月", year) + "挂职" + hostName + hostPost
	default:
		q = name + "从" + homeName + homePost + "任上到" + hostName + "挂任" + hostPost
	}
	s.Evidence = []Evidence{x.say(src, q)}
	x.kb.Secondments = append(x.kb.Secondments, s)
	x.off = append(x.off, official{ent: o, home: home, host: host, src: src,
		east: east, homeDiv: homeDiv, sec: len(x.kb.Secondments) - 1})
}

// person makes a new official from division d.
func (x *exchange) person(d lexicon.Division) int {
	for try := 0; ; try++ {
		s := x.han(surnames)
		name, py := s.zh, ""
		for n := 1 + min(1, x.r.IntN(10)/3) + try/40; n > 0; n-- {
			c := x.han(givenChars)
			name += c.zh
			py += c.py
		}
		if x.unique(name) {
			py = s.py + "-" + py
			return x.add(Entity{ID: py, Kind: "official", Name: name, NameEn: nameEn(py), Jurisdiction: jurOf(d)})
		}
	}
}

// source returns the source article the next secondment of year is
// reported in, starting a new one every PerSource secondments.
func (x *exchange) source(year int) int {
	n := len(x.kb.Sources)
	if n > 0 && x.perSource < x.opt.PerSource && strings.HasPrefix(x.kb.Sources[n-1].Date, fmt.Sprint(year)) {
		x.perSource++
		return n - 1
	}
	x.perSource = 1
	p := x.han(publishers)
	m, d := 7+x.r.IntN(6), 1+x.r.IntN(28)
	date := fmt.Sprintf("%04d-%02d-%02d", year, m, d)
	id := fmt.Sprintf("%s-%s-%04d", p.py, date, n+1)
	s := Source{ID: id, Title: fmt.Sprintf("京冀互派挂职干部纪实（之%d）", n+1), Publisher: p.zh, Date: date,
		File: "sources/" + id + ".txt"}
	x.kb.Sources = append(x.kb.Sources, s)
	t := &strings.Builder{}
	fmt.Fprintf(t, "%s\n%s %d年%d月%d日\n\n", s.Title, p.zh, year, m, d)
	x.texts = append(x.texts, t)
	x.sents = append(x.sents, 0)
	return n
}

// deals makes an agreement for two secondments in five, brokered by the
// official between the host and the home body or a company, and a
// meeting for one in three.
func (x *exchange) deals() {
	for i, o := range x.off {
		off := x.kb.Entities[o.ent]
		if x.r.IntN(5) < 2 {
			other := o.home
			if x.r.IntN(2) == 0 {
				other = x.companies[x.pick(len(x.companies))]
			}
			t := x.han(topics)
			a := Agreement{ID: x.id(fmt.Sprintf("agr-%s-%d", t.py, i+1)), Title: t.zh + x.one(agreementForms),
				Parties:   []string{x.kb.Entities[o.host].ID, x.kb.Entities[other].ID},
				Status:    statuses[x.weighted(50, 25, 15, 10)],
				Officials: []Role{{Official: off.ID, Role: x.one(brokerRoles)}}}
			q := "在" + off.Name + "的推动下，" + x.kb.Entities[o.host].Name + "与" + x.kb.Entities[other].Name + "签署" + a.Title
			if x.r.IntN(10) < 4 {
				a.Value = fmt.Sprintf("总投资%d亿元", 1+x.r.IntN(200))
				q += "，" + a.Value
			}
			a.Evidence = []Evidence{x.say(o.src, q)}
			x.kb.Agreements = append(x.kb.Agreements, a)
		}
		if x.r.IntN(3) == 0 {
			l := Link{Kind: "meeting", From: x.kb.Entities[o.host].ID, To: x.kb.Entities[o.home].ID, Title: "对接洽谈",
				Officials: []Role{{Official: off.ID, Role: x.one(linkRoles)}}}
			q := off.Name + "带领" + x.kb.Entities[o.host].Name + "代表团与" + x.kb.Entities[o.home].Name + "对接洽谈"
			l.Evidence = []Evidence{x.say(o.src, q)}
			x.kb.Links = append(x.kb.Links, l)
		}
	}
}
