package ftm

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// Options configures Write. It has no fields yet: the zero Options is the
// one form of the file.
type Options struct{}

// Write writes g to w as FollowTheMoney entities in JSON Lines: the
// entities in id order (agreements as Contract among them), then one or
// more entities for each relation in the graph's order (see docs/ftm.md).
// Every line is {"id", "schema", "properties"} with each property a list
// of strings, properties in name order. Ids are made from guazhi's ids, so
// the same knowledge base gives the same ids on every run.
//
// The entities are encoded one at a time into a buffered writer, so memory
// does not grow with the size of the output.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	g = g.AgreementNodes()
	bw := bufio.NewWriterSize(w, 64<<10)
	x := newExport(g, bw)
	for _, e := range g.Entities {
		x.entity(e)
	}
	for _, r := range g.Relations {
		x.relation(r)
	}
	if x.err != nil {
		return x.err
	}
	return bw.Flush()
}

// An entity is one line of the file.
type entity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// propType is the FollowTheMoney type of a property this writer sets.
type propType int

const (
	nameType propType = iota
	stringType
	textType
	urlType
	dateType
	entityType
	countryType
	numberType
)

// maxLen is the most characters the model allows in a value of each type
// (its types' maxLength); longer text is cut, ending in "…".
var maxLen = map[propType]int{
	nameType: 384, stringType: 1024, textType: 65000, urlType: 4096,
	dateType: 32, entityType: 200, countryType: 16, numberType: 250,
}

// props declares every property the writer sets, with its type in the
// model; the tests check each against the model of every schema it is set
// on.
var props = map[string]propType{
	"name": nameType, "alias": nameType,
	"notes": textType, "summary": textType, "description": textType,
	"sourceUrl": urlType, "publisher": stringType,
	"country": countryType, "nationality": countryType, "jurisdiction": countryType,
	"position":     stringType,
	"organization": entityType, "holder": entityType, "post": entityType,
	"employee": entityType, "employer": entityType, "member": entityType,
	"subject": entityType, "object": entityType, "authority": entityType,
	"role": stringType, "status": stringType, "title": stringType,
	"startDate": dateType, "endDate": dateType, "date": dateType, "contractDate": dateType,
	"amount": numberType,
}

// add appends the non-blank values to the property key, each once, cut to
// the model's maximum length.
func (e *entity) add(key string, values ...string) {
	t, ok := props[key]
	if !ok {
		t = stringType // TestDeclarations fails on an undeclared property
	}
	for _, v := range values {
		if strings.TrimSpace(v) == "" {
			continue
		}
		v = cut(v, maxLen[t])
		if !slices.Contains(e.Properties[key], v) {
			e.Properties[key] = append(e.Properties[key], v)
		}
	}
}

// cut shortens s to at most n characters, ending in "…" when it cuts.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for k < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		k++
	}
	return s[:i] + "…"
}

// Entity schemata by guazhi's entity kind.
var schemaOf = map[string]string{
	graph.Official:     "Person",
	graph.Body:         "PublicBody",
	graph.Company:      "Company",
	graph.Organisation: "Organization",
	graph.Agreement:    "Contract",
}

// country is the country code of a jurisdiction: China for all but
// foreign (whose country guazhi does not record) and none.
func country(jurisdiction string) string {
	switch jurisdiction {
	case "", "foreign":
		return ""
	}
	return "cn"
}

// prefix starts every id the writer makes.
const prefix = "guazhi"

// maxID is the greatest length of a FollowTheMoney id.
const maxID = 200

// validID reports whether id matches the pattern of a FollowTheMoney id,
// ^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$.
func validID(id string) bool {
	alnum := func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	if id == "" || !alnum(id[0]) || !alnum(id[len(id)-1]) {
		return false
	}
	for i := range len(id) {
		if c := id[i]; !alnum(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// makeID joins guazhi ids and fixed words with dots after the prefix.
// guazhi's ids are lower-case letters, digits and hyphens, so no part
// holds a dot: an entity's id has one part, every other id starts with a
// word naming its kind and has a fixed number of parts. An id
// that would be too long (or a part that is not an id) is replaced by a
// hash of it: prefix.hash.<32 hex digits>.
func makeID(parts ...string) string {
	id := prefix + "." + strings.Join(parts, ".")
	if len(id) > maxID-4 || !validID(id) { // room for a ".NNN" suffix
		sum := sha256.Sum256([]byte(id))
		id = prefix + ".hash." + hex.EncodeToString(sum[:16])
	}
	return id
}

// digest is a short hash of text that is not an id (a post's name).
func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// export holds what writing needs besides the graph: the ids made, the
// agreements' parties and the officials' posts.
type export struct {
	g   *graph.Graph
	enc *json.Encoder
	err error

	ref       map[string]string // guazhi entity id → FtM id
	deals     map[string]*deal  // agreement node id → its agreement
	positions map[string][]string
	seen      map[string]int // ids written, for parallel relations
}

// A deal is an agreement as the graph's agreement node, its party and
// brokered relations give it.
type deal struct {
	id      string          // the Contract's FtM id
	first   *graph.Relation // the first party (or brokered) relation: the agreement's data
	parties []string        // guazhi ids
}

func newExport(g *graph.Graph, w io.Writer) *export {
	x := &export{g: g, enc: json.NewEncoder(w), ref: map[string]string{}, deals: map[string]*deal{},
		positions: map[string][]string{}, seen: map[string]int{}}
	x.enc.SetEscapeHTML(false)
	for _, r := range g.Relations {
		switch r.Kind {
		case graph.Party:
			d := x.deal(r.From, r)
			if d.first.Kind != graph.Party {
				d.first = r
			}
			d.parties = append(d.parties, r.To)
		case graph.Brokered:
			if r.Agreement != "" {
				x.deal(r.To, r)
			}
		case graph.Secondment, graph.Post:
			if r.Post != "" {
				x.positions[r.From] = append(x.positions[r.From], x.positionName(r))
			}
		}
	}
	for _, e := range g.Entities {
		if d := x.deals[e.ID]; d != nil {
			x.ref[e.ID] = d.id
		} else if e.Kind == graph.Agreement {
			x.ref[e.ID] = makeID("agreement", e.ID)
		} else {
			x.ref[e.ID] = makeID(e.ID)
		}
	}
	return x
}

// deal returns the agreement whose node is node, made from r if new.
func (x *export) deal(node string, r *graph.Relation) *deal {
	d := x.deals[node]
	if d == nil {
		d = &deal{id: makeID("agreement", r.Agreement), first: r}
		x.deals[node] = d
	}
	return d
}

// positionName names the post r holds at its body as Chinese writes it:
// the body's name, then the post (廊坊市副市长).
func (x *export) positionName(r *graph.Relation) string {
	if b := x.g.Entity(r.To); b != nil {
		return b.Name + r.Post
	}
	return r.Post
}

// write encodes e as one line, keeping the first error.
func (x *export) write(e *entity) {
	if x.err == nil {
		x.err = x.enc.Encode(e)
	}
}

func newEntity(id, schema string) *entity {
	return &entity{ID: id, Schema: schema, Properties: map[string][]string{}}
}

// unique returns id, or id.N for the Nth relation that would have it.
func (x *export) unique(id string) string {
	x.seen[id]++
	if n := x.seen[id]; n > 1 {
		return id + "." + itoa(n)
	}
	return id
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}

// entity writes one of the graph's entities.
func (x *export) entity(e *graph.Entity) {
	schema, ok := schemaOf[e.Kind]
	if !ok {
		schema = "LegalEntity"
	}
	if schema == "Contract" {
		x.contract(e)
		return
	}
	f := newEntity(x.ref[e.ID], schema)
	f.add("name", e.Name)
	aliases := []string{e.FullName, e.NameEn}
	if e.Kind == graph.Official {
		aliases = append(aliases, e.Label("en")) // the pinyin when there is no English name
	}
	f.add("alias", append(aliases, e.Aliases...)...)
	if c := country(e.Jurisdiction); c != "" {
		f.add("country", c)
		if e.Kind == graph.Official {
			f.add("nationality", c)
		} else {
			f.add("jurisdiction", c)
		}
	}
	if e.Kind == graph.Official {
		f.add("position", x.positions[e.ID]...)
	}
	f.add("notes", e.Note)
	x.sources(f, e.Sources)
	x.write(f)
}

// sources adds the URLs and publishers of the sources ids to f.
func (x *export) sources(f *entity, ids []string) {
	for _, id := range ids {
		if s := x.g.Source(id); s != nil {
			f.add("sourceUrl", httpURL(s.URL))
			f.add("publisher", s.Publisher)
		}
	}
}

// contract writes an agreement's node as a Contract. Its parties are its
// authority, the one property of Contract that names the entities that
// concluded it.
func (x *export) contract(e *graph.Entity) {
	f := newEntity(x.ref[e.ID], "Contract")
	f.add("title", e.Name)
	f.add("name", e.Name)
	f.add("notes", e.Note)
	if d := x.deals[e.ID]; d != nil {
		r := d.first
		parties := slices.Clone(d.parties)
		slices.Sort(parties)
		for _, p := range parties {
			f.add("authority", x.ref[p])
		}
		f.add("status", r.Status)
		f.add("contractDate", dateString(r.Date))
		if numberRE.MatchString(r.Value) {
			f.add("amount", r.Value)
		} else if r.Value != "" {
			f.add("summary", "value: "+r.Value)
		}
		if r.Venue != "" {
			f.add("summary", "venue: "+r.Venue)
		}
		x.variants(f, r)
		x.evidence(f, r.Evidence)
	} else {
		x.sources(f, e.Sources)
	}
	x.write(f)
}

// numberRE is a value that FollowTheMoney's number type takes as it is.
var numberRE = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

func dateString(d graph.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// relation writes the entities one relation becomes.
func (x *export) relation(r *graph.Relation) {
	from, to := x.ref[r.From], x.ref[r.To]
	var f *entity
	switch r.Kind {
	case graph.Secondment, graph.Post:
		f = x.post(r, from, to)
	case graph.PartOf:
		f = newEntity(x.unique(makeID("part-of", r.From, r.To)), "Membership")
		f.add("member", from)
		f.add("organization", to)
		f.add("role", "part of (隶属)")
	case graph.Party:
		f = newEntity(x.unique(makeID("party", r.Agreement, r.To)), "UnknownLink")
		f.add("subject", to)
		f.add("object", from)
		f.add("role", "party (签约方)")
		f.add("date", dateString(r.Date))
	case graph.Brokered:
		id := makeID("brokered", r.Agreement, r.From)
		if r.Agreement == "" {
			id = makeID("brokered", r.From, r.To)
		}
		f = newEntity(x.unique(id), "UnknownLink")
		f.add("subject", from)
		f.add("object", to)
		f.add("role", r.Label())
		f.add("date", dateString(r.Date))
	default: // a link
		f = newEntity(x.unique(makeID("link", strings.ReplaceAll(r.Kind, "_", "-"), r.From, r.To)), "UnknownLink")
		f.add("subject", from)
		f.add("object", to)
		f.add("role", r.Kind)
		f.add("date", dateString(r.Date))
		f.add("startDate", dateString(r.Start))
		f.add("endDate", dateString(r.End))
		f.add("summary", r.Title)
		if r.Venue != "" {
			f.add("summary", "venue: "+r.Venue)
		}
		if r.Place != "" {
			f.add("summary", "place: "+r.Place)
		}
		if len(r.Officials) > 0 {
			f.add("summary", "officials: "+strings.Join(x.g.OfficialNames(r.Officials), ", "))
		}
		f.add("summary", r.Note)
	}
	x.variants(f, r)
	x.evidence(f, r.Evidence)
	x.write(f)
}

// post writes a secondment or a home post: a Position (once for each body
// and post) and the official's Occupancy of it, or, when the source names
// the body but not the post, an Employment.
func (x *export) post(r *graph.Relation, from, to string) *entity {
	id := x.unique(makeID(r.Kind, r.From, r.To))
	var f *entity
	if r.Post == "" {
		f = newEntity(id, "Employment")
		f.add("employee", from)
		f.add("employer", to)
	} else {
		pos := makeID("position", r.To, digest(r.Post))
		if x.seen[pos] == 0 {
			x.seen[pos]++
			p := newEntity(pos, "Position")
			p.add("name", x.positionName(r))
			p.add("organization", to)
			if b := x.g.Entity(r.To); b != nil {
				p.add("country", country(b.Jurisdiction))
			}
			x.write(p)
		}
		f = newEntity(id, "Occupancy")
		f.add("holder", from)
		f.add("post", pos)
	}
	f.add("startDate", dateString(r.Start))
	f.add("endDate", dateString(r.End))
	if r.Kind == graph.Secondment {
		f.add("summary", "secondment (挂职)")
	} else {
		f.add("summary", "home post (原职)")
	}
	f.add("summary", r.Note)
	return f
}

// variants adds the values that the sources fused into r state
// differently, as "key: value (sources) | value (sources)".
func (x *export) variants(f *entity, r *graph.Relation) {
	for _, v := range r.Variants {
		s := v.String()
		if v.Disputed {
			s = "disputed " + s
		}
		f.add("summary", s)
	}
}

// evidence adds each quote to the description, followed by its source
// (publisher, title, date, URL) and, when the quote implies the fact
// rather than stating it, the curator's reason; and the sources' URLs and
// publishers to sourceUrl and publisher.
func (x *export) evidence(f *entity, ev []graph.Evidence) {
	for i := range ev {
		e := &ev[i]
		s := x.g.Source(e.Source)
		var cite []string
		link := e.URL
		if s != nil {
			cite = append(cite, s.Publisher, s.Title, dateString(s.Date))
			if link == "" {
				link = s.URL
			}
			f.add("publisher", s.Publisher)
		} else {
			cite = append(cite, e.Source)
		}
		cite = append(cite, link)
		cite = slices.DeleteFunc(cite, func(c string) bool { return c == "" })
		var b strings.Builder
		b.WriteString(e.Quote)
		if len(cite) > 0 {
			b.WriteString(" — ")
			b.WriteString(strings.Join(cite, ", "))
		}
		switch {
		case e.Inferred && e.Note != "":
			b.WriteString(" (inferred: " + e.Note + ")")
		case e.Inferred:
			b.WriteString(" (inferred)")
		case e.Note != "":
			b.WriteString(" (note: " + e.Note + ")")
		}
		f.add("description", b.String())
		f.add("sourceUrl", httpURL(link))
	}
}

// hostRE is a host name (and port) that every URL parser reads alike.
var hostRE = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]+)?$`)

// httpURL returns s as an http or https URL with its path and query
// percent-encoded, or "" when it is not one (the description keeps it as
// written).
func httpURL(s string) string {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !hostRE.MatchString(u.Host) || u.User != nil {
		return ""
	}
	return u.String()
}
