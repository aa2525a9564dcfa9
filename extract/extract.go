package extract

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// Article is a news text to draft a knowledge base from.
type Article struct {
	Name string // the file name; it names the source's id and, by default, its file
	Text string // the file's contents, exactly as read
}

// Options tune Draft. The zero Options drafts from the article alone.
type Options struct {
	// KB is an existing knowledge base: entities it already has keep their
	// ids, and a source with the draft's id keeps its title and date.
	// Default nil: every entity gets a new id.
	KB *graph.Graph
	// SourceID is the draft's source id. Default: the article's file name
	// without its extension, lower-cased, other characters turned to '-'.
	SourceID string
	// SourceFile is what the draft's source `file:` says: the article's
	// path relative to where the draft will be written. Default:
	// Article.Name as given.
	SourceFile string
	// Date is the article's date when the text has no header or dateline
	// that dates it; it completes dates written without a year and
	// resolves 去年 and 今年. Default: a date in the article's file name.
	Date graph.Date
}

// Result is a drafted knowledge base.
type Result struct {
	YAML     []byte // the draft, for kb.Load next to the article
	SourceID string // the id of the draft's source
	Summary  Summary
	Facts    []Fact // every drafted relation, in the order of the text
	// Review lists what a person must decide: drafted officials that may be
	// known officials under a misspelt name.
	Review []string
}

// Fact is one drafted relation and the sentence it was read from.
type Fact struct {
	Kind     string // "secondment", "agreement" or a link kind ("visit", "matchmaking")
	Label    string // who or what, for messages
	Quote    string // the first evidence quote, verbatim
	Offset   int    // the quote's character (rune) offset in the article
	Inferred bool   // some of it is implied rather than stated
}

// Summary counts what the draft holds.
type Summary struct {
	Secondments, Agreements, Links int
	Entities                       int
	Reused                         int // entities whose id came from the KB
	Inferred                       int // facts and entities flagged for review
	// Against a KB: facts it does not hold, facts it holds (drafted as the
	// same facts, so the article becomes added evidence), facts that
	// contradict it. All zero without a KB.
	New, Confirmed, Conflicting int
	WithKB                      bool
	// Accounted: New, Refined and Confirmed count the relations of the
	// draft's merge with the KB as `guazhi diff` does, and NewEntities its
	// new entities (Account).
	Accounted            bool
	Refined, NewEntities int
	// Totals are the entities and relations of the KB and of the merge, as
	// `guazhi check` prints them.
	Totals [2][2]int
}

// String is a one-line report for stderr.
func (s Summary) String() string {
	out := fmt.Sprintf("drafted %s, %s, %s, %s (%d from the KB); %s to review",
		count(s.Secondments, "secondment"), count(s.Agreements, "agreement"), count(s.Links, "link"), count(s.Entities, "entity"),
		s.Reused, count(s.Inferred, "inferred item"))
	switch {
	case s.Accounted:
		out += fmt.Sprintf("; merged with the KB: %s new, %d refined, %d confirmed, %s new (as check counts: %s, %s → %s, %s)",
			count(s.New, "fact"), s.Refined, s.Confirmed, count(s.NewEntities, "entity"), count(s.Totals[0][0], "entity"),
			count(s.Totals[0][1], "relation"), count(s.Totals[1][0], "entity"), count(s.Totals[1][1], "relation"))
	case s.WithKB:
		out += fmt.Sprintf("; against the KB: %d new, %d confirmed, %d conflicting", s.New, s.Confirmed, s.Conflicting)
	}
	return out
}

// count is n and the noun, plural unless n is 1: 1 secondment, 2 entities.
func count(n int, noun string) string {
	switch {
	case n == 1:
	case strings.HasSuffix(noun, "y"):
		noun = strings.TrimSuffix(noun, "y") + "ies"
	default:
		noun += "s"
	}
	return strconv.Itoa(n) + " " + noun
}

// evidence is a sentence supporting a fact.
type evidence struct {
	s        *sentence
	inferred bool
	note     string
}

type entity struct {
	ref
	forms  []string // surface forms in the order seen
	id     string
	kb     *graph.Entity
	order  int
	review string // a possible match in the KB, for review
}

type place2 struct {
	body *entity
	post string
}

type secondment struct {
	official   *entity
	from, to   place2
	start, end graph.Date
	termNote   string // how start and end were read, when inferred
	ev         []evidence

	standing     standing
	standingNote string
}

type role struct {
	official *entity
	role     string
}

type agreement struct {
	title, status     string
	date              graph.Date
	value, venue      string
	parties           []*entity
	officials         []role
	ev                []evidence
	notes             []string
	id                string
	para, sentenceIdx int
	standing          standing
}

type drafter struct {
	text string
	date graph.Date
	// assisted: the article speaks of secondments or paired assistance
	// (patterns.go).
	assisted bool
	// lastYear is the year the text gave last, as its dates are read.
	lastYear int
	sents    []sentence
	ents     map[string]*entity
	list     []*entity
	secs     []*secondment
	agrs     []*agreement
	lnks     []*link

	kbNames    map[string]bool   // officials the KB knows
	kbByRune   map[rune][]string // kbNames by first character
	kbByLast   map[rune][]string // kbNames by last character
	secIndex   map[secKey]*secondment
	agrIndex   map[string]*agreement
	lastAgr    *agreement // the agreement drafted last, for its witnesses
	lnkIndex   map[linkKey]bool
	review     []string               // possible matches of KB officials
	recognised map[string]recognition // recognise's answers, for the names a text repeats
	rd         *reader                // the pattern reader's state (read.go)
}

type recognition struct {
	ref ref
	ok  bool
}

// recognise is the package's recognise, remembering its answers: a text
// names the same bodies again and again.
func (d *drafter) recognise(s string) (ref, bool) {
	if r, ok := d.recognised[s]; ok {
		return r.ref, r.ok
	}
	if d.recognised == nil {
		d.recognised = map[string]recognition{}
	}
	r, ok := recognise(s)
	d.recognised[s] = recognition{r, ok}
	return r, ok
}

// Draft reads the article and drafts a knowledge base from it.
func Draft(article Article, opt Options) (*Result, error) {
	if !utf8.ValidString(article.Text) {
		return nil, fmt.Errorf("%s: not valid UTF-8", article.Name)
	}
	if strings.TrimSpace(article.Text) == "" {
		return nil, fmt.Errorf("%s: no text to draft from", article.Name)
	}
	d := &drafter{text: article.Text, ents: map[string]*entity{},
		kbNames: kbOfficials(opt.KB)}
	d.kbByRune, d.kbByLast = byRune(d.kbNames)
	d.date, _ = articleDate(article.Text, article.Name, opt.Date)
	plain := simplify(article.Text)
	d.sents = sentences(plain, article.Text)
	d.assisted = hasAny(plain, assistWords)
	d.readAll()
	d.dateAll()
	for i := range d.sents {
		d.agreements(i)
		d.links(i)
	}
	d.originalForms()
	src := d.source(article, opt)
	d.assignIDs(opt.KB)
	d.compareKB(opt.KB)
	out, err := d.yaml(src)
	if err != nil {
		return nil, err
	}
	res := &Result{YAML: out, Review: d.review, SourceID: src.id}
	d.summarise(res, opt.KB)
	return res, nil
}

// entity registers the body, company or organisation a surface form names.
func (d *drafter) entity(surface string) *entity {
	surface = strings.Trim(surface, "“”\"《》 ")
	r, ok := d.recognise(surface)
	if !ok {
		return nil
	}
	e := d.register(r)
	e.addForm(surface)
	if len(r.name) > len(e.name) && !strings.HasPrefix(r.key, "place:") {
		e.name = r.name // 张家口市贸促会 rather than 张家口贸促会
	}
	return e
}

func (d *drafter) register(r ref) *entity {
	if e, ok := d.ents[r.key]; ok {
		return e
	}
	if e := d.shortFor(r); e != nil {
		d.ents[r.key] = e // 西湖区 after 浙江省杭州市西湖区: one body
		return e
	}
	e := &entity{ref: r, order: len(d.list)}
	d.ents[r.key] = e
	d.list = append(d.list, e)
	return e
}

// shortFor returns the body already drafted whose name is r's after the
// places that contain it (浙江省杭州市西湖区 for 西湖区), when r is a body the
// recogniser could not place and exactly one such body is drafted.
func (d *drafter) shortFor(r ref) *entity {
	if r.kind != graph.Body || !strings.HasPrefix(r.key, "name:") || utf8.RuneCountInString(r.name) < 2 {
		return nil
	}
	var found *entity
	for _, e := range d.list {
		head, ok := strings.CutSuffix(e.name, r.name)
		if !ok || e.kind != graph.Body || head == "" {
			continue
		}
		if last, _ := utf8.DecodeLastRuneInString(head); !strings.ContainsRune("省市区县州盟旗", last) {
			continue
		}
		if found != nil && found != e {
			return nil // two could be meant
		}
		found = e
	}
	return found
}

func (d *drafter) official(name string, home *entity) *entity {
	e := d.register(ref{key: "person:" + name, name: name, kind: graph.Official, jur: "other"})
	if home != nil && e.jur == "other" {
		e.jur = home.jur
	}
	return e
}

func (e *entity) addForm(s string) {
	for _, f := range e.forms {
		if f == s {
			return
		}
	}
	e.forms = append(e.forms, s)
}

type sourceInfo struct {
	id, title, publisher, url, file string
	date                            graph.Date
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// source describes the article, taking what a KB source with the same id
// already says.
func (d *drafter) source(a Article, opt Options) sourceInfo {
	name := strings.ReplaceAll(a.Name, `\`, "/")
	s := sourceInfo{id: opt.SourceID, file: opt.SourceFile, date: d.date}
	if s.id == "" {
		base := strings.TrimSuffix(path.Base(name), path.Ext(name))
		s.id = strings.Trim(nonID.ReplaceAllString(strings.ToLower(base), "-"), "-")
		if s.id == "" || name == "" {
			s.id = "article"
		}
	}
	if s.file == "" {
		s.file = name
	}
	s.title, s.publisher = titleAndPublisher(a.Text)
	if s.title == "" {
		s.title = path.Base(name)
	}
	if opt.KB != nil {
		if k := opt.KB.Source(s.id); k != nil {
			s.title, s.publisher, s.url, s.date = k.Title, k.Publisher, k.URL, k.Date
		}
	}
	return s
}

var publisherRE = regexp.MustCompile(`^(?:来源|来源于|稿源)[::]\s*(\S+)`)

// titleAndPublisher guesses the headline (the longest short line above the
// date line or the first paragraph) and the publisher (a 来源: line).
func titleAndPublisher(text string) (title, publisher string) {
	lines := headLines(text)
	for _, l := range lines {
		if m := publisherRE.FindStringSubmatch(l); m != nil && publisher == "" {
			publisher = m[1]
		}
	}
	for _, l := range lines {
		n := utf8.RuneCountInString(l)
		if isoDateRE.MatchString(l) || len(fullCnDates(l)) > 0 || n > 60 {
			break
		}
		if n < 6 || hasMark(l) || strings.Contains(l, "Logo") || publisherRE.MatchString(l) || strings.ContainsFunc(l, unicode.IsControl) {
			continue
		}
		if n > utf8.RuneCountInString(title) {
			title = l
		}
	}
	return title, publisher
}

// headLines are the first lines of text, trimmed, each cut to
// maxHeaderLine bytes: where a page's title, date and publisher stand.
func headLines(text string) []string {
	var out []string
	for lineStart := 0; len(out) < headerLines && lineStart < len(text); {
		end := strings.IndexByte(text[lineStart:], '\n')
		if end < 0 {
			end = len(text) - lineStart
		}
		line := text[lineStart : lineStart+end]
		lineStart += end + 1
		if len(line) > maxHeaderLine {
			line = line[:maxHeaderLine]
			for len(line) > 0 && !utf8.ValidString(line) {
				line = line[:len(line)-1]
			}
		}
		out = append(out, strings.TrimSpace(line))
	}
	return out
}

func hasMark(line string) bool {
	for _, m := range chromeMarks {
		if strings.Contains(line, m) {
			return true
		}
	}
	return false
}
