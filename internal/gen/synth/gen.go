package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/guazhi/guazhi/internal/lexicon"
	"github.com/guazhi/guazhi/kb"
)

// Options say what to generate. A zero Options means the defaults.
type Options struct {
	// Officials is how many officials to generate; default 1000. The KB
	// then has about Officials/10 bodies, companies and organisations,
	// Officials/2 agreements of two to five parties, 0.7×Officials links
	// and about 4×Officials relations in all.
	Officials int
	// Seed seeds the random choices: the same Options give byte-identical
	// output. Default 0.
	Seed uint64
	// Name is the knowledge base's name; default "synthetic".
	Name string
	// PerSource is how many officials one source article reports on (their
	// secondments, agreements and links); default 40, which makes articles
	// of about 15 kB.
	PerSource int
}

func (o Options) withDefaults() Options {
	if o.Officials <= 0 {
		o.Officials = 1000
	}
	if o.Name == "" {
		o.Name = "synthetic"
	}
	if o.PerSource <= 0 {
		o.PerSource = 40
	}
	return o
}

// Generate makes a knowledge base that loads without error: every
// reference is an entity id, every relation quotes a source whose Text
// contains the quote verbatim, and every official's name is unique.
func Generate(opt Options) *KB {
	opt = opt.withDefaults()
	g := &gen{
		opt:    opt,
		r:      rand.New(rand.NewPCG(opt.Seed, 0x67756168_7a686921)), // "guazhi!"
		ids:    map[string]int{},
		names:  map[string]bool{},
		bodies: map[string][]int{},
		kb: &KB{File: kb.File{
			Name:  opt.Name,
			Title: fmt.Sprintf("合成挂职数据集（%d名干部，种子%d）", opt.Officials, opt.Seed),
		}},
	}
	g.sources()
	g.organisations()
	g.officials()
	g.agreements()
	g.links()
	return g.done()
}

// done gives each source the text its quotes were written into, and
// returns the knowledge base.
func (g *gen) done() *KB {
	for i := range g.kb.Sources {
		g.kb.Texts = append(g.kb.Texts, g.texts[i].String())
	}
	return g.kb
}

type gen struct {
	opt    Options
	r      *rand.Rand
	kb     *KB
	ids    map[string]int     // id → times its base was taken
	names  map[string]bool    // names of entities taken
	bodies map[string][]int   // jurisdiction → entity indices of its bodies
	others []int              // companies and organisations
	posts  map[int][]string   // body entity index → posts it has
	texts  []*strings.Builder // source texts being written
	sents  []int              // sentences in the current paragraph, per source

	off []official
}

type official struct {
	ent        int // entity index
	home, host int // entity indices
	src        int // source index

	// For Exchange: the direction, the home division, and the index of
	// the secondment in the KB.
	east    bool
	homeDiv lexicon.Division
	sec     int
}

// pick returns an index in [0, n) with a skew towards small indices, so a
// few bodies take part in much more than most (as real cities do).
func (g *gen) pick(n int) int {
	u := g.r.Float64()
	return int(float64(n) * u * u)
}

func (g *gen) weighted(w ...int) int {
	t := 0
	for _, x := range w {
		t += x
	}
	v := g.r.IntN(t)
	for i, x := range w {
		if v < x {
			return i
		}
		v -= x
	}
	return len(w) - 1
}

func (g *gen) one(list []string) string { return list[g.r.IntN(len(list))] }
func (g *gen) han(list []han) han       { return list[g.r.IntN(len(list))] }

// id returns base, or base-2, base-3, … when base is taken.
func (g *gen) id(base string) string {
	n := g.ids[base]
	g.ids[base] = n + 1
	if n == 0 {
		return base
	}
	id := base + "-" + strconv.Itoa(n+1)
	if g.ids[id] > 0 { // base-2 was itself a base
		return g.id(base)
	}
	g.ids[id] = 1
	return id
}

func (g *gen) add(e Entity) int {
	e.ID = g.id(e.ID)
	g.names[e.Name] = true
	g.kb.Entities = append(g.kb.Entities, e)
	return len(g.kb.Entities) - 1
}

// date returns a date in [from, to] years, as YYYY, YYYY-MM or YYYY-MM-DD.
func (g *gen) date(from, to int) (y, m, d int, prec int) {
	y = from + g.r.IntN(to-from+1)
	m, d = 1+g.r.IntN(12), 1+g.r.IntN(28)
	return y, m, d, g.weighted(20, 50, 30)
}

func fmtDate(y, m, d, prec int) string {
	switch prec {
	case 0:
		return fmt.Sprintf("%04d", y)
	case 1:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func zhDate(y, m, d, prec int) string {
	switch prec {
	case 0:
		return fmt.Sprintf("%d年", y)
	case 1:
		return fmt.Sprintf("%d年%d月", y, m)
	}
	return fmt.Sprintf("%d年%d月%d日", y, m, d)
}

// sources makes one article per PerSource officials.
func (g *gen) sources() {
	n := (g.opt.Officials + g.opt.PerSource - 1) / g.opt.PerSource
	for i := range n {
		p := g.han(publishers)
		y, m, d, _ := g.date(2010, 2025)
		date := fmtDate(y, m, d, 2)
		id := fmt.Sprintf("%s-%s-%04d", p.py, date, i+1)
		s := Source{ID: id, Title: fmt.Sprintf("挂职干部工作纪实（之%d）", i+1), Publisher: p.zh, Date: date,
			File: "sources/" + id + ".txt"}
		g.kb.Sources = append(g.kb.Sources, s)
		t := &strings.Builder{}
		fmt.Fprintf(t, "%s\n%s %d年%d月%d日\n\n", s.Title, p.zh, y, m, d)
		g.texts = append(g.texts, t)
		g.sents = append(g.sents, 0)
	}
}

// say writes a sentence containing quote into source i and returns the
// evidence that cites it.
func (g *gen) say(i int, quote string) Evidence {
	t := g.texts[i]
	if g.r.IntN(10) < 3 {
		t.WriteString(g.one(fillers) + "，")
	}
	t.WriteString(quote)
	t.WriteString("。")
	if g.r.IntN(10) < 2 {
		t.WriteString(g.one(closings) + "。")
	}
	if g.sents[i]++; g.sents[i] >= 3+g.r.IntN(4) {
		t.WriteString("\n\n")
		g.sents[i] = 0
	}
	return Evidence{Source: g.kb.Sources[i].ID, Quote: quote}
}

func (g *gen) unique(name string) bool { return !g.names[name] }

// organisations makes Officials/10 bodies, companies and organisations
// (at least 24): 60% government bodies, 28% companies, 12% others.
func (g *gen) organisations() {
	n := max(g.opt.Officials/10, 24)
	g.posts = map[int][]string{}
	nb := n * 60 / 100
	national := min(nb/10, len(nationalBodies)*(1+len(topics)))
	rest := nb - national
	g.government("beijing", rest*35/90)
	g.government("hebei", rest*40/90)
	g.government("tianjin", rest-rest*35/90-rest*40/90)
	g.nationalBodies(national)
	nc := (n - nb) * 70 / 100
	for range nc {
		g.company()
	}
	for range n - nb - nc {
		g.organisation()
	}
}

// government makes n bodies of a jurisdiction: three in ten are places
// (real ones first), the rest departments of a place.
func (g *gen) government(jur string, n int) {
	nPlaces := max(1, n*3/10)
	var places []int
	real := realPlaces[jur]
	for i := 0; i < nPlaces; i++ {
		var p place
		if i < len(real) {
			p = real[i]
		} else {
			p = g.synthPlace(jur)
		}
		name := p.zh + p.suffix
		e := g.add(Entity{ID: p.py, Kind: "body", Name: name, FullName: provinces[jur] + name,
			NameEn:       title(p.py) + " " + map[string]string{"市": "City", "区": "District", "县": "County", "镇": "Town"}[p.suffix],
			Jurisdiction: jur})
		g.posts[e] = hostPosts[p.suffix]
		places = append(places, e)
	}
	for i := nPlaces; i < n; i++ {
		for try := 0; ; try++ {
			pi := places[g.pick(len(places))]
			parent := g.kb.Entities[pi]
			d := g.han(departments)
			name := parent.Name + d.zh
			if !g.unique(name) {
				if try < 50 {
					continue
				}
				name += strconv.Itoa(i)
			}
			e := g.add(Entity{ID: parent.ID + "-" + d.py, Kind: "body", Name: name, FullName: provinces[jur] + name,
				Jurisdiction: jur, Parent: parent.ID})
			g.posts[e] = hostPosts[""]
			break
		}
	}
	g.bodies[jur] = places
	for i := len(g.kb.Entities) - (n - nPlaces); i < len(g.kb.Entities); i++ {
		g.bodies[jur] = append(g.bodies[jur], i)
	}
}

func (g *gen) synthPlace(jur string) place {
	suffix := "镇"
	if jur == "hebei" {
		suffix = []string{"县", "县", "市"}[g.r.IntN(3)]
	}
	for try := 0; ; try++ {
		a, b := g.han(placeChars), g.han(placeChars)
		if a.zh == b.zh {
			continue
		}
		p := place{zh: a.zh + b.zh, py: a.py + b.py, suffix: suffix}
		if try > 50 {
			p.zh += g.han(placeChars).zh
		}
		if g.unique(p.zh + p.suffix) {
			return p
		}
	}
}

func (g *gen) nationalBodies(n int) {
	for i := range n {
		if i < len(nationalBodies) {
			b := nationalBodies[i]
			e := g.add(Entity{ID: b.py, Kind: "body", Name: b.zh, Jurisdiction: "national"})
			g.posts[e] = hostPosts["国家"]
			g.bodies["national"] = append(g.bodies["national"], e)
			continue
		}
		k := i - len(nationalBodies)
		parent := g.bodies["national"][k%len(nationalBodies)]
		t := topics[k/len(nationalBodies)%len(topics)]
		pe := g.kb.Entities[parent]
		e := g.add(Entity{ID: pe.ID + "-" + t.py, Kind: "body", Name: pe.Name + t.zh + "司", Jurisdiction: "national", Parent: pe.ID})
		g.posts[e] = hostPosts["国家"]
		g.bodies["national"] = append(g.bodies["national"], e)
	}
}

func (g *gen) company() {
	jur := []string{"beijing", "hebei", "tianjin", "other", "foreign"}[g.weighted(35, 35, 15, 10, 5)]
	for try := 0; ; try++ {
		a, b := g.han(placeChars), g.han(placeChars)
		ind := g.han(industries)
		name := a.zh + b.zh + ind.zh + g.one(companyForms)
		if try > 50 {
			name = a.zh + b.zh + g.han(placeChars).zh + ind.zh + g.one(companyForms)
		}
		if g.unique(name) {
			e := g.add(Entity{ID: a.py + b.py + "-" + ind.py, Kind: "company", Name: name, Jurisdiction: jur})
			g.others = append(g.others, e)
			return
		}
	}
}

func (g *gen) organisation() {
	regions := []struct{ zh, py, jur string }{
		{"北京", "beijing", "beijing"}, {"河北", "hebei", "hebei"}, {"天津", "tianjin", "tianjin"},
		{"中国", "china", "national"}, {"京津冀", "jingjinji", "other"},
	}
	for try := 0; ; try++ {
		r := regions[g.r.IntN(len(regions))]
		a, b := g.han(placeChars), g.han(placeChars)
		f := g.han(orgForms)
		name := r.zh + a.zh + b.zh + f.zh
		if try > 50 {
			name = r.zh + a.zh + b.zh + g.han(placeChars).zh + f.zh
		}
		if g.unique(name) {
			e := g.add(Entity{ID: r.py + "-" + a.py + b.py + "-" + f.py, Kind: "organisation", Name: name, Jurisdiction: r.jur})
			g.others = append(g.others, e)
			return
		}
	}
}

func title(py string) string {
	if py == "" {
		return ""
	}
	return strings.ToUpper(py[:1]) + py[1:]
}

var hostOf = map[string]struct {
	jurs []string
	w    []int
}{
	"beijing":  {[]string{"hebei", "tianjin"}, []int{70, 30}},
	"hebei":    {[]string{"beijing", "tianjin"}, []int{70, 30}},
	"tianjin":  {[]string{"hebei", "beijing"}, []int{60, 40}},
	"national": {[]string{"hebei", "tianjin", "beijing"}, []int{60, 20, 20}},
}

// officials makes the officials and one secondment each.
func (g *gen) officials() {
	for i := range g.opt.Officials {
		home := []string{"beijing", "hebei", "tianjin", "national"}[g.weighted(45, 35, 15, 5)]
		h := hostOf[home]
		host := h.jurs[g.weighted(h.w...)]
		hb := g.bodies[home][g.pick(len(g.bodies[home]))]
		tb := g.bodies[host][g.pick(len(g.bodies[host]))]
		homePost, hostPost := g.one(g.posts[hb]), g.one(g.posts[tb])

		var name, py string
		for try := 0; ; try++ {
			s := g.han(surnames)
			given := []han{g.han(givenChars)}
			if g.r.IntN(10) < 7 || try > 20 {
				given = append(given, g.han(givenChars))
			}
			if try > 40 {
				given = append(given, g.han(givenChars))
			}
			name, py = s.zh, ""
			for _, c := range given {
				name += c.zh
				py += c.py
			}
			if g.unique(name) {
				py = s.py + "-" + py
				break
			}
		}
		homeName, hostName := g.kb.Entities[hb].Name, g.kb.Entities[tb].Name
		e := Entity{ID: py, Kind: "official", Name: name, NameEn: nameEn(py), Jurisdiction: home}
		if g.r.IntN(10) < 3 {
			e.Aliases = []string{homeName + homePost + name}
		}
		oi := g.add(e)
		o := official{ent: oi, home: hb, host: tb, src: i / g.opt.PerSource}
		g.off = append(g.off, o)

		y, m, d, prec := g.date(2010, 2024)
		s := Secondment{Official: g.kb.Entities[oi].ID,
			From:  Place{Body: g.kb.Entities[hb].ID, Post: homePost},
			To:    Place{Body: g.kb.Entities[tb].ID, Post: hostPost},
			Start: fmtDate(y, m, d, prec)}
		if g.r.IntN(4) < 3 {
			s.End = fmtDate(y+1+g.weighted(60, 30, 10), m, d, prec)
		}
		var q string
		switch g.r.IntN(3) {
		case 0:
			q = "挂任" + hostName + hostPost + "的" + homeName + homePost + name
		case 1:
			q = homeName + homePost + name + "于" + zhDate(y, m, d, prec) + "挂职" + hostName + hostPost
		default:
			q = name + "从" + homeName + homePost + "任上到" + hostName + "挂任" + hostPost
		}
		s.Evidence = append(s.Evidence, g.say(o.src, q))
		if g.r.IntN(10) == 0 { // another article reports it too
			other := g.r.IntN(len(g.kb.Sources))
			s.Evidence = append(s.Evidence, g.say(other, name+"目前挂任"+hostName+hostPost))
		}
		if s.End != "" && g.r.IntN(20) == 0 {
			ev := g.say(o.src, "这轮挂职为期一年")
			ev.Inferred, ev.Note = true, "end: computed as start plus the term"
			s.Evidence = append(s.Evidence, ev)
		}
		if g.r.IntN(4) == 0 {
			s.From.Evidence = []Evidence{g.say(o.src, name+"原任"+homeName+homePost)}
		}
		g.kb.Secondments = append(g.kb.Secondments, s)
	}
}

func nameEn(py string) string {
	s, given, _ := strings.Cut(py, "-")
	return title(s) + " " + title(given)
}

// party picks a party for an agreement or an end for a link: a company or
// organisation, or a body of any jurisdiction.
func (g *gen) party() int {
	if g.r.IntN(2) == 0 {
		return g.others[g.pick(len(g.others))]
	}
	jur := []string{"beijing", "hebei", "tianjin", "national"}[g.weighted(35, 40, 15, 10)]
	return g.bodies[jur][g.pick(len(g.bodies[jur]))]
}

var statuses = []string{"signed", "framework", "consensus", "intent"}

// agreements makes Officials/2 agreements, each brokered by an official
// and reported in that official's source.
func (g *gen) agreements() {
	for i := range g.opt.Officials / 2 {
		o := g.off[g.r.IntN(len(g.off))]
		k := 2 + g.weighted(60, 25, 10, 5)
		var parties []int
		switch g.r.IntN(3) {
		case 0:
			parties = []int{o.host, o.home}
		case 1:
			parties = []int{o.host}
		}
		for len(parties) < k {
			p := g.party()
			if !containsInt(parties, p) {
				parties = append(parties, p)
			}
		}
		t := g.han(topics)
		a := Agreement{ID: g.id(fmt.Sprintf("agr-%s-%d", t.py, i+1)), Title: t.zh + g.one(agreementForms),
			Status: statuses[g.weighted(50, 25, 15, 10)]}
		for _, p := range parties {
			a.Parties = append(a.Parties, g.kb.Entities[p].ID)
		}
		y, m, d, prec := g.date(2010, 2025)
		a.Date = fmtDate(y, m, d, prec)
		if g.r.IntN(10) < 4 {
			a.Value = fmt.Sprintf("总投资%d亿元", 1+g.r.IntN(200))
		}
		if g.r.IntN(5) == 0 {
			a.Venue = fmt.Sprintf("%d京津冀%s合作洽谈会", y, t.zh)
		}
		broker := g.kb.Entities[o.ent]
		a.Officials = []Role{{Official: broker.ID, Role: g.one(agreementRoles)}}
		if g.r.IntN(10) < 3 {
			w := g.off[g.r.IntN(len(g.off))].ent
			if w != o.ent {
				a.Officials = append(a.Officials, Role{Official: g.kb.Entities[w].ID, Role: "见证"})
			}
		}
		pa, pb := g.kb.Entities[parties[0]].Name, g.kb.Entities[parties[1]].Name
		var q string
		if k == 2 {
			q = pa + "与" + pb + "签署" + a.Title
		} else {
			q = pa + "、" + pb + "等" + strconv.Itoa(k) + "方签署" + a.Title
		}
		if g.r.IntN(2) == 0 {
			q = "在" + broker.Name + "的推动下," + q
		}
		if a.Value != "" {
			q += "," + a.Value
		}
		a.Evidence = []Evidence{g.say(o.src, q)}
		g.kb.Agreements = append(g.kb.Agreements, a)
	}
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

var linkKinds = []string{"meeting", "visit", "matchmaking", "event", "project"}

// links makes 0.7×Officials links, each with the official who led it.
func (g *gen) links() {
	for range g.opt.Officials * 7 / 10 {
		o := g.off[g.r.IntN(len(g.off))]
		kind := linkKinds[g.weighted(40, 30, 10, 10, 10)]
		var from, to int
		switch kind {
		case "meeting":
			from, to = o.host, o.home
			if g.r.IntN(2) == 0 {
				to = g.party()
			}
		case "visit":
			from, to = o.home, o.host
		case "event":
			from, to = o.host, g.others[g.pick(len(g.others))]
		default: // matchmaking, project
			from, to = g.others[g.pick(len(g.others))], o.host
		}
		for from == to {
			to = g.party()
		}
		off := g.kb.Entities[o.ent]
		y, m, d, prec := g.date(2010, 2025)
		l := Link{Kind: kind, From: g.kb.Entities[from].ID, To: g.kb.Entities[to].ID, Date: fmtDate(y, m, d, prec),
			Officials: []Role{{Official: off.ID, Role: g.one(linkRoles)}}}
		fn, tn := g.kb.Entities[from].Name, g.kb.Entities[to].Name
		var q string
		t := g.han(topics)
		switch kind {
		case "meeting":
			l.Title = "对接洽谈"
			q = off.Name + "带领" + fn + "代表团与" + tn + "对接洽谈"
		case "visit":
			l.Title = "考察交流"
			q = off.Name + "陪同" + fn + "考察团赴" + tn + "考察"
		case "matchmaking":
			q = "在" + off.Name + "的牵线下," + fn + "与" + tn + "建立合作关系"
		case "event":
			l.Title = t.zh + "论坛"
			q = fn + "与" + tn + "联合举办" + l.Title + "," + off.Name + "出席"
		case "project":
			l.Title = t.zh + "项目落地"
			q = fn + "的" + t.zh + "项目在" + off.Name + "的协调下落地" + tn
		}
		if g.r.IntN(2) == 0 {
			l.Title = ""
		}
		l.Evidence = []Evidence{g.say(o.src, zhDate(y, m, d, prec)+","+q)}
		g.kb.Links = append(g.kb.Links, l)
	}
}
