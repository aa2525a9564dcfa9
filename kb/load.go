package kb

import (
	"cmp"
	"embed"
	"errors"
	"fmt"
	"index/suffixarray"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/internal/lexicon"
	"github.com/guazhi/guazhi/internal/suggest"
)

// FileReader reads the files a knowledge base names. os.DirFS, embed.FS and
// a wrapper around os.ReadFile all do.
type FileReader interface {
	ReadFile(name string) ([]byte, error)
}

//go:embed data/jingji-2015.yaml data/sources
var data embed.FS

// DefaultFile is the name of the embedded default knowledge base.
const DefaultFile = "data/jingji-2015.yaml"

// LoadDefault loads the embedded jingji-2015 knowledge base.
func LoadDefault() (*graph.Graph, error) {
	in, _ := BuiltinInput("jingji-2015")
	return Parse(nil, in)
}

// DefaultFS gives access to the embedded knowledge base and its sources.
func DefaultFS() embed.FS { return data }

// FileOpener is a FileReader that also opens files to read them as a
// stream. Load decodes JSON Lines knowledge bases it opens as it reads
// them, so that a file of up to MaxBulkSize is never held in memory whole.
type FileOpener interface {
	FileReader
	Open(name string) (io.ReadCloser, error)
}

// Input is one knowledge-base file already in memory (or, made by Load, a
// JSON Lines file being read).
type Input struct {
	Name string // for messages, and to find source files relative to it
	Data []byte

	stream  io.Reader // a JSON Lines file being read, in place of Data
	builtin *Builtin  // set by BuiltinInput
}

// Options name the merged graph. The zero value names it from its files:
// the name and title that the files other than built-in data sets give
// (they must agree), else the name of the first such file in sorted order
// without its extension and the name as title; with only built-in data
// sets, theirs. The title of files merged with built-in data sets names
// those too: "喻华锋在廊坊(2017 年回访) + 京冀互派挂职干部(2015)".
type Options struct {
	Name  string // overrides every file's name; letters, digits, '.', '_', '-'
	Title string // overrides every file's title
}

// Load reads the named knowledge-base files through r, merges them, checks
// them and builds the graph. Every problem found is returned, as an
// ErrorList of *Error.
func Load(r FileReader, names ...string) (*graph.Graph, error) { return Options{}.Load(r, names...) }

// Load is the package's Load, naming the graph as o says. A name that r
// cannot find and that is the name of a built-in data set loads that
// data set (see Builtins).
func (o Options) Load(r FileReader, names ...string) (*graph.Graph, error) {
	var in []Input
	e := &errs{}
	for _, n := range names {
		if op, ok := r.(FileOpener); ok && isJSONLines(n) {
			f, err := op.Open(n)
			if err != nil {
				e.add(graph.Pos{File: n}, ErrSource, "cannot read: "+unwrapPathError(err))
				continue
			}
			defer f.Close()
			in = append(in, Input{Name: n, stream: f})
			continue
		}
		b, err := r.ReadFile(n)
		if err != nil {
			if bi, ok := BuiltinInput(n); ok && errors.Is(err, fs.ErrNotExist) {
				in = append(in, bi)
				continue
			}
			e.add(graph.Pos{File: n}, ErrSource, "cannot read: "+unwrapPathError(err))
			continue
		}
		in = append(in, Input{Name: n, Data: b})
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	return o.Parse(r, in...)
}

func unwrapPathError(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

// Parse is Load for files already in memory; r reads their source texts.
func Parse(r FileReader, inputs ...Input) (*graph.Graph, error) { return Options{}.Parse(r, inputs...) }

// Parse is the package's Parse, naming the graph as o says.
//
// The files are read in a canonical order, whatever the order given:
// built-in data sets first, then the others sorted by name; a name given
// twice is read once. The data sets that files name in `uses:` are added.
// So the graph, and every output made from it, does not depend on the order
// of the inputs.
func (o Options) Parse(r FileReader, inputs ...Input) (*graph.Graph, error) {
	e := &errs{}
	inputs = canonicalInputs(inputs)
	b := &builder{stated: map[*graph.Relation]*fact{}, errs: e, r: r, ents: map[string]*graph.Entity{}, srcs: map[string]*graph.Source{}, agrs: map[string]*agreementDef{},
		builtin: map[string]*Builtin{}, included: map[string]bool{}, twoTexts: map[string]bool{}}
	var docs []*rawDoc
	failed := false
	for i := 0; i < len(inputs); i++ {
		in := inputs[i]
		decode := decodeFile
		switch {
		case in.stream != nil:
			decode = func(file string, _ []byte, e *errs) *rawDoc { return decodeJSONLFrom(file, in.stream, e) }
		case isJSONLines(in.Name):
			decode = decodeJSONL
		}
		doc := decode(in.Name, in.Data, e)
		if doc == nil {
			failed = true
			continue
		}
		docs = append(docs, doc)
		if in.builtin != nil {
			b.builtin[in.Name] = in.builtin
			b.included[in.builtin.Name] = true
		}
		for _, u := range doc.uses {
			bi, ok := BuiltinInput(u.V)
			switch {
			case !ok:
				e.add(u.Pos, graph.ErrUnknownRef, fmt.Sprintf("uses: %q is not a built-in data set (have %s)", u.V, strings.Join(BuiltinNames(), ", ")))
			case !slices.ContainsFunc(inputs, func(x Input) bool { return x.Name == bi.Name }):
				inputs = append(inputs, bi)
			}
		}
	}
	if failed {
		return nil, e.err()
	}
	slices.SortStableFunc(docs, func(x, y *rawDoc) int {
		return cmp.Or(cmp.Compare(b.fileRank(x.file), b.fileRank(y.file)), cmp.Compare(x.file, y.file))
	})
	for _, doc := range docs {
		b.header(doc)
		eachRecord(doc, partSources, doc.sources, func(s *rawSource) { b.source(doc.file, s) })
		eachRecord(doc, partEntities, doc.entities, b.entity)
	}
	b.index()
	each(b.entList, b.parent)
	b.cycles()
	for _, doc := range docs {
		eachRecord(doc, partSecondments, doc.secondments, b.secondment)
		eachRecord(doc, partAgreements, doc.agreements, b.agreement)
		eachRecord(doc, partLinks, doc.links, b.link)
	}
	b.agreementsStated()
	each(b.agrList, b.agreementRelations)
	b.fuse()
	b.rels = append(b.rels, b.brokered()...)
	name, title := b.graphName(o, docs)
	if err := e.err(); err != nil {
		return nil, err
	}
	b.entitySources()
	return graph.New(name, title, b.srcList, b.entList, b.rels), nil
}

// each calls f for every element of list, in order.
func each[T any](list []T, f func(T)) {
	for _, x := range list {
		f(x)
	}
}

// canonicalInputs drops inputs whose name, cleaned, was given before.
func canonicalInputs(inputs []Input) []Input {
	seen := map[string]bool{}
	var out []Input
	for _, in := range inputs {
		n := path.Clean(strings.ReplaceAll(in.Name, `\`, "/"))
		if seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, in)
	}
	return out
}

// graphName names the graph: o's name and title when given; else those the
// files that are not built-in data sets give, which must agree; else, for
// the name, the first such file's base name, and for the title, the name.
// With only built-in data sets, their own.
func (b *builder) graphName(o Options, docs []*rawDoc) (name, title string) {
	var user, builtins []*rawDoc
	for _, d := range docs {
		if b.builtin[d.file] == nil {
			user = append(user, d)
		} else {
			builtins = append(builtins, d)
		}
	}
	if len(user) == 0 {
		user, builtins = docs, nil
	}
	if o.Name != "" {
		if msg := nameProblem(o.Name); msg != "" {
			b.add(graph.Pos{}, ErrInvalid, "--"+msg)
		}
	}
	agree := func(field, flag string, get func(*rawDoc) str) str {
		var first str
		for _, d := range user {
			v := get(d)
			switch {
			case !v.ok:
			case !first.ok:
				first = v
			case v.V != first.V:
				b.add(v.Pos, ErrConflict, fmt.Sprintf("%s %q contradicts %q at %s: the files name the merged graph differently; give %s", field, v.V, first.V, first.Pos, flag))
			}
		}
		return first
	}
	name, title = o.Name, o.Title
	if name == "" {
		name = agree("name", "--name", func(d *rawDoc) str { return d.name }).V
	}
	if title == "" {
		title = agree("title", "--title", func(d *rawDoc) str { return d.title }).V
	}
	if name == "" && len(user) > 0 {
		f := user[0].file
		name = strings.TrimSuffix(path.Base(strings.ReplaceAll(f, `\`, "/")), path.Ext(f))
		if nameProblem(name) != "" {
			name = "guazhi"
		}
	}
	if title == "" {
		title = name
	}
	if o.Title == "" {
		// The merged graph is every data set's: name each.
		for _, d := range builtins {
			if t := d.title.V; t != "" && !strings.Contains(title, t) {
				title += " + " + t
			}
		}
	}
	return name, title
}

var (
	idRE       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	nameRE     = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)
	linkKindRE = regexp.MustCompile(`^[a-z][a-z_]*$`)
)

// maxName is the longest a knowledge base's name may be, in bytes (it is
// ASCII).
const maxName = 100

// nameProblem says what is wrong with a knowledge base's name, which names
// output files; "" when nothing is.
func nameProblem(name string) string {
	switch {
	case len(name) > maxName:
		return fmt.Sprintf("name %.20q… is %d characters long, more than %d (it names output files)", name, utf8.RuneCountInString(name), maxName)
	case !nameRE.MatchString(name):
		return fmt.Sprintf("name %q must be letters, digits, '.', '_' or '-', starting with a letter or digit (it names output files)", name)
	case strings.HasSuffix(name, "."):
		return fmt.Sprintf("name %q ends with a dot, which Windows drops from file names", name)
	case windowsReserved(name):
		return fmt.Sprintf("name %q is a device name that Windows cannot open as a file (CON, PRN, AUX, NUL, COM1-9, LPT1-9)", name)
	}
	return ""
}

// windowsReserved reports whether Windows takes a file name for a device:
// CON, PRN, AUX, NUL, COM1-9 or LPT1-9, in any case, alone or before an
// extension.
func windowsReserved(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch {
	case stem == "CON", stem == "PRN", stem == "AUX", stem == "NUL":
		return true
	case len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) && stem[3] >= '1' && stem[3] <= '9':
		return true
	}
	return false
}

// NameProblem says what is wrong with name as the name of a graph, which
// names output files; "" when nothing is.
func NameProblem(name string) string { return nameProblem(name) }

type agreementDef struct {
	raw       *rawAgreement
	parties   []string
	officials []graph.Role
	evidence  []graph.Evidence
	date      graph.Date
}

type builder struct {
	*errs
	r        FileReader
	builtin  map[string]*Builtin // file name → the built-in data set it is
	included map[string]bool     // names of the built-in data sets loaded
	twoTexts map[string]bool     // source ids given two texts: their quotes are not checked

	srcs    map[string]*graph.Source
	srcList []*graph.Source
	ents    map[string]*graph.Entity
	entList []*graph.Entity
	raws    map[string]*rawEntity // id → first definition, for parent refs
	rawList []*rawEntity
	names   map[string][]string       // surface form → entity ids
	guesses int                       // unknown references given suggestions
	suggest *suggest.Index            // made for the first of them
	stated  map[*graph.Relation]*fact // what the statement behind each relation said, until fused

	texts   map[*graph.Source]*suffixarray.Index // of large source texts, for quotes
	lfTexts map[*graph.Source]string             // small source texts with line feeds for line breaks

	agrs    map[string]*agreementDef
	agrList []*agreementDef
	rels    []*graph.Relation
}

func (b *builder) header(doc *rawDoc) {
	if doc.name.ok {
		if msg := nameProblem(doc.name.V); msg != "" {
			b.add(doc.name.Pos, ErrInvalid, msg)
		}
	}
}

// sameIDHint ends the message about two files defining one id differently.
const sameIDHint = " (one id is one thing: make them agree, or leave the field to one of the files)"

// conflict reports a field that two definitions of one id give differently.
func (b *builder) conflict(what, id, field string, a, c str) {
	if a.ok && c.ok && a.V != c.V {
		b.add(c.Pos, ErrConflict, fmt.Sprintf("%s %s: %s %q contradicts %q at %s%s", what, id, field, c.V, a.V, a.Pos, sameIDHint))
	}
}

func (b *builder) requireID(s str, pos graph.Pos, what string) bool {
	switch {
	case !s.ok:
		b.add(pos, ErrMissing, what+" has no id")
	case !idRE.MatchString(s.V):
		b.add(s.Pos, ErrInvalid, fmt.Sprintf("%s id %q must be lower-case letters, digits and single hyphens", what, s.V))
	default:
		return true
	}
	return false
}

func (b *builder) require(s str, pos graph.Pos, what string) bool {
	if !s.ok {
		b.add(pos, ErrMissing, what+" is missing")
		return false
	}
	if strings.TrimSpace(s.V) == "" {
		b.add(s.Pos, ErrMissing, what+" is empty")
		return false
	}
	return true
}

func (b *builder) date(s str, what string) graph.Date {
	if !s.ok {
		return graph.Date{}
	}
	d, err := graph.ParseDate(s.V)
	if err != nil {
		b.add(s.Pos, graph.ErrDate, what+": "+err.Error())
	}
	return d
}

func (b *builder) source(file string, s *rawSource) {
	if !b.requireID(s.id, s.pos, "source") {
		return
	}
	b.require(s.title, s.pos, "source "+s.id.V+": title")
	src := &graph.Source{ID: s.id.V, Title: s.title.V, Publisher: s.publisher.V, Date: b.date(s.date, "source date"),
		URL: s.url.V, File: s.file.V, Pos: s.pos}
	if s.file.ok {
		p := path.Join(path.Dir(strings.ReplaceAll(file, `\`, "/")), s.file.V)
		var text []byte
		var err error
		if bi := b.builtin[file]; bi != nil {
			text, err = builtinSource(bi, s.file.V)
		} else {
			text, err = b.r.ReadFile(p)
		}
		switch {
		case err != nil:
			b.add(s.file.Pos, ErrSource, fmt.Sprintf("source %s: cannot read %s: %s", s.id.V, p, unwrapPathError(err)))
		case !utf8.Valid(text):
			b.add(s.file.Pos, ErrSource, fmt.Sprintf("source %s: %s is not valid UTF-8", s.id.V, p))
		case strings.TrimSpace(string(text)) == "":
			// No quote can be verified against it: an empty text would
			// otherwise pass every quote unchecked.
			b.add(s.file.Pos, ErrSource, fmt.Sprintf("source %s: %s is empty", s.id.V, p))
		default:
			src.Text = string(text)
		}
	}
	if old, ok := b.srcs[src.ID]; ok {
		if old.Pos.File == src.Pos.File {
			b.add(s.id.Pos, ErrDuplicate, fmt.Sprintf("source id %q already defined at %s", src.ID, old.Pos))
			return
		}
		for _, f := range [][3]string{{"title", old.Title, src.Title}, {"publisher", old.Publisher, src.Publisher},
			{"date", old.Date.String(), src.Date.String()}, {"url", old.URL, src.URL}} {
			if f[1] != "" && f[2] != "" && f[1] != f[2] {
				b.add(s.pos, ErrConflict, fmt.Sprintf("source %s: %s %q contradicts %q at %s%s", src.ID, f[0], f[2], f[1], old.Pos, sameIDHint))
			}
		}
		if old.Text != "" && src.Text != "" && old.Text != src.Text {
			b.twoTexts[src.ID] = true
			b.add(s.file.Pos, ErrConflict, fmt.Sprintf("source %s: file %q holds a different text from file %q at %s; "+
				"one source id is one text: give the other text its own source id", src.ID, src.File, old.File, old.Pos))
		}
		if old.Text == "" {
			old.Text, old.File = src.Text, src.File
		}
		return
	}
	b.srcs[src.ID] = src
	b.srcList = append(b.srcList, src)
}

func (b *builder) entity(r *rawEntity) {
	if !b.requireID(r.id, r.pos, "entity") {
		return
	}
	id := r.id.V
	b.require(r.name, r.pos, "entity "+id+": name")
	if r.kind.ok && !contains(graph.EntityKinds, r.kind.V) {
		b.add(r.kind.Pos, ErrInvalid, fmt.Sprintf("entity %s: kind %q is not one of %s", id, r.kind.V, strings.Join(graph.EntityKinds, ", ")))
	} else if !r.kind.ok {
		b.add(r.pos, ErrMissing, "entity "+id+": kind is missing")
	}
	if r.jurisdiction.ok && !graph.IsJurisdiction(r.jurisdiction.V) {
		b.add(r.jurisdiction.Pos, ErrInvalid, fmt.Sprintf("entity %s: jurisdiction %q is not one of %s, nor a province's id (shanghai, yunnan, …)%s", id, r.jurisdiction.V, strings.Join(graph.Jurisdictions, ", "), jurisdictionHint(r.jurisdiction.V)))
	}
	if old, ok := b.ents[id]; ok {
		first := b.raws[id]
		if old.Pos.File == r.pos.File {
			b.add(r.id.Pos, ErrDuplicate, fmt.Sprintf("entity id %q already defined at %s", id, old.Pos))
			return
		}
		b.conflict("entity", id, "kind", first.kind, r.kind)
		b.conflict("entity", id, "name", first.name, r.name)
		for k, i := range entityRecord.kept {
			b.conflict("entity", id, entityRecord.fields[i].key, first.kept[k], r.kept[k])
		}
		b.conflict("entity", id, "full_name", first.fullName, r.fullName)
		b.conflict("entity", id, "jurisdiction", first.jurisdiction, r.jurisdiction)
		b.conflict("entity", id, "parent", first.parent, r.parent)
		b.conflict("entity", id, "note", first.note, r.note)
		fill := func(dst *string, s str, raw *str) {
			if *dst == "" && s.ok {
				*dst, *raw = s.V, s
			}
		}
		for k, i := range entityRecord.kept {
			fill(entityRecord.fields[i].ent(old), r.kept[k], &first.kept[k])
		}
		fill(&old.FullName, r.fullName, &first.fullName)
		fill(&old.Jurisdiction, r.jurisdiction, &first.jurisdiction)
		fill(&old.Note, r.note, &first.note)
		if old.Parent == "" && r.parent.ok {
			first.parent = r.parent
		}
		seen := make(map[string]bool, len(old.Aliases)+len(r.aliases)) // linear in the aliases, however many
		for _, a := range old.Aliases {
			seen[a] = true
		}
		if r.name.ok && r.name.V != old.Name && !seen[r.name.V] {
			// Reported above; resolving it too spares errors that follow from it.
			seen[r.name.V] = true
			old.Aliases = append(old.Aliases, r.name.V)
		}
		for _, a := range r.aliases {
			if !seen[a.V] {
				seen[a.V] = true
				old.Aliases = append(old.Aliases, a.V)
			}
		}
		return
	}
	ent := &graph.Entity{ID: id, Kind: r.kind.V, Name: r.name.V, FullName: r.fullName.V,
		Jurisdiction: r.jurisdiction.V, Note: r.note.V, Pos: r.pos}
	for k, i := range entityRecord.kept {
		*entityRecord.fields[i].ent(ent) = r.kept[k].V
	}
	if ent.Jurisdiction == "" {
		ent.Jurisdiction = "other"
	}
	seen := make(map[string]bool, len(r.aliases)) // linear in the aliases, however many
	for _, a := range r.aliases {
		if strings.TrimSpace(a.V) == "" {
			b.add(a.Pos, ErrMissing, "entity "+id+": empty alias")
			continue
		}
		if !seen[a.V] {
			seen[a.V] = true
			ent.Aliases = append(ent.Aliases, a.V)
		}
	}
	if b.raws == nil {
		b.raws = map[string]*rawEntity{}
	}
	b.ents[id] = ent
	b.raws[id] = r
	b.entList = append(b.entList, ent)
}

// index builds the surface-form index used to resolve references. An
// entity whose name, full name or alias is already a form of an entity of
// the same kind defined in another file is an error: two files may be
// naming one person or body under two ids, and two people are never
// merged on a name.
func (b *builder) index() {
	b.names = map[string][]string{}
	reported := map[[2]string]bool{}
	for _, e := range b.entList {
		forms := append([]string{e.Name, e.FullName}, e.Aliases...)
		for _, f := range forms {
			if f == "" || slices.Contains(b.names[f], e.ID) {
				continue
			}
			dup := false
			for _, id := range b.names[f] {
				o := b.ents[id]
				if o.Kind != e.Kind || o.Pos.File == e.Pos.File {
					continue
				}
				dup = true
				if reported[[2]string{id, e.ID}] {
					continue
				}
				reported[[2]string{id, e.ID}] = true
				b.add(e.Pos, ErrConflict, fmt.Sprintf("entity %s: %q already names %s %s (%s) at %s; if they are one, "+
					"drop this definition and refer to it as %s; if not, give each a name that tells them apart", e.ID, f, o.Kind, o.ID, o.Name, o.Pos, o.ID))
			}
			if !dup { // else the form keeps naming the entity defined first: reported, not ambiguous
				b.names[f] = append(b.names[f], e.ID)
			}
		}
	}
}

// ref resolves an id, name or alias to an entity id; "" when it fails, after
// reporting why.
func (b *builder) ref(s str, what string) string {
	if !s.ok {
		return ""
	}
	if _, ok := b.ents[s.V]; ok {
		return s.V
	}
	ids := b.names[s.V]
	switch len(ids) {
	case 1:
		return ids[0]
	case 0:
		msg := fmt.Sprintf("%s %q is not an entity id, name or alias", what, s.V)
		if hint := builtinHint(s.V, b.included, func(id string) bool { return b.ents[id] != nil }); hint != "" {
			b.add(s.Pos, graph.ErrUnknownRef, msg+hint)
			return ""
		}
		if hint := b.fullWidthComma(s); hint != "" {
			b.add(s.Pos, graph.ErrUnknownRef, msg+": "+hint)
			return ""
		}
		// Only the first few get suggestions, so that a file full of
		// unknown references still loads in about linear time.
		if b.guesses++; b.guesses <= maxGuesses {
			if c := b.similar(s.V); len(c) > 0 {
				msg += " (did you mean " + strings.Join(c, " or ") + "?)"
			}
		}
		b.add(s.Pos, graph.ErrUnknownRef, msg)
	default:
		var c []string
		for _, id := range ids {
			c = append(c, fmt.Sprintf("%s (%s at %s)", id, b.ents[id].Name, b.ents[id].Pos))
		}
		b.add(s.Pos, graph.ErrAmbiguousRef, fmt.Sprintf("%s %q is ambiguous: it names %s; use an id", what, s.V, strings.Join(c, ", ")))
	}
	return ""
}

// fullWidthComma explains a reference that is references joined by
// full-width commas ([北京市，河北省] is a list of one): which comma, where.
// "" when the reference is not so.
func (b *builder) fullWidthComma(s str) string {
	parts := strings.Split(s.V, "，")
	if len(parts) < 2 {
		return ""
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if b.ents[p] == nil && len(b.names[p]) != 1 {
			return ""
		}
	}
	col := s.Pos.Col + utf8.RuneCountInString(parts[0])
	return fmt.Sprintf("full-width comma \"，\" at %d:%d where YAML needs \",\" between list items", s.Pos.Line, col)
}

// jurisdictionHint suggests the jurisdiction meant by j: the id of a
// province written in characters (四川, 四川省 → sichuan), or the nearest id
// to a misspelt one (zhejang → zhejiang); "" when none is near.
func jurisdictionHint(j string) string {
	for _, d := range lexicon.Divisions() {
		if d.Level == lexicon.Province && (d.Name == j || slices.Contains(lexicon.ShortForms(d), j)) {
			return "; did you mean " + lexicon.ProvinceID(d) + "?"
		}
	}
	if s := suggest.Words(j, slices.Concat(graph.Jurisdictions, lexicon.ProvinceIDs())); len(s) > 0 {
		return "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return ""
}

// maxGuesses is how many unknown references get "did you mean" suggestions.
const maxGuesses = 100

// similar suggests up to two entities the reference may have meant.
func (b *builder) similar(s string) []string {
	if b.suggest == nil {
		b.suggest = graph.Suggester(b.entList)
	}
	return b.suggest.Suggest(s)
}

func (b *builder) parent(e *graph.Entity) {
	r := b.raws[e.ID]
	if !r.parent.ok {
		return
	}
	p := b.ref(r.parent, "parent")
	if p == "" {
		return
	}
	if p == e.ID {
		b.add(r.parent.Pos, ErrInvalid, "entity "+e.ID+" is its own parent")
		return
	}
	e.Parent = p
	b.rels = append(b.rels, &graph.Relation{Kind: graph.PartOf, From: e.ID, To: p, Directed: true, Pos: r.parent.Pos})
}

// cycles reports every part_of cycle once, at the entity with the smallest
// id. Each entity is walked once (every entity has at most one parent), so
// a long chain of parents costs linear time.
func (b *builder) cycles() {
	const (
		walking = 1
		done    = 2
	)
	state := map[string]int{}
	for _, e := range b.entList {
		var path []string
		id := e.ID
		for id != "" && state[id] == 0 {
			state[id] = walking
			path = append(path, id)
			id = b.ents[id].Parent
		}
		if id != "" && state[id] == walking { // the walk came back to itself
			cycle := path[slices.Index(path, id):]
			start := slices.Index(cycle, slices.Min(cycle))
			chain := append(slices.Clone(cycle[start:]), cycle[:start]...)
			chain = append(chain, chain[0])
			b.add(b.raws[chain[0]].parent.Pos, ErrCycle, "part_of cycle: "+strings.Join(chain, " → "))
		}
		for _, p := range path {
			state[p] = done
		}
	}
}

func (b *builder) evidence(list []rawEvidence, pos graph.Pos, what string) []graph.Evidence {
	if len(list) == 0 {
		b.add(pos, ErrEvidence, what+" has no evidence")
		return nil
	}
	var out []graph.Evidence
	for _, r := range list {
		if !r.source.ok {
			b.add(r.pos, ErrMissing, "evidence has no source")
			continue
		}
		if !b.require(r.quote, r.pos, "evidence quote") {
			continue
		}
		src, ok := b.srcs[r.source.V]
		if !ok {
			b.add(r.source.Pos, graph.ErrUnknownRef, fmt.Sprintf("evidence source %q is not a source id (have %s)", r.source.V, strings.Join(sortedKeys(b.srcs), ", ")))
			continue
		}
		if src.File != "" && src.Text != "" && !b.twoTexts[src.ID] && !b.inSource(src, r.quote.V) {
			b.add(r.quote.Pos, ErrQuote, fmt.Sprintf("quote is not verbatim in source %s (%s): %s", src.ID, src.File, mismatch(lf(src.Text), lf(r.quote.V))))
			continue
		}
		ev := r.ev
		ev.Source, ev.Quote, ev.Pos = src.ID, r.quote.V, r.pos
		out = append(out, ev)
	}
	return out
}

// indexedText is the size above which quotes are looked up in a suffix
// array of the source text rather than by scanning it: a large knowledge
// base quotes each of its sources many times.
const indexedText = 16 << 10

// inSource reports whether quote is verbatim in the source's text, line
// endings aside: a quote spanning lines matches a source saved with CRLF
// (or CR) line endings.
func (b *builder) inSource(src *graph.Source, quote string) bool {
	quote = lf(quote)
	if len(src.Text) < indexedText {
		text, ok := b.lfTexts[src]
		if !ok { // once per source, not once per quote
			if b.lfTexts == nil {
				b.lfTexts = map[*graph.Source]string{}
			}
			text = lf(src.Text)
			b.lfTexts[src] = text
		}
		return strings.Contains(text, quote)
	}
	if b.texts == nil {
		b.texts = map[*graph.Source]*suffixarray.Index{}
	}
	x := b.texts[src]
	if x == nil {
		x = suffixarray.New([]byte(lf(src.Text)))
		b.texts[src] = x
	}
	return len(x.Lookup([]byte(quote), 1)) > 0
}

// lf turns CRLF and lone CR line endings into LF, for matching only: the
// text and the quote are kept and shown as written.
func lf(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// mismatch says how much of the quote the source does contain. A prefix
// found means every shorter one is found too, so it searches for the
// longest by bisection over the quote's character boundaries.
func mismatch(text, quote string) string {
	var cuts []int // the byte offsets where a character starts, after the first
	for i := range quote {
		if i > 0 {
			cuts = append(cuts, i)
		}
	}
	k := sort.Search(len(cuts), func(j int) bool { return !strings.Contains(text, quote[:cuts[j]]) })
	if k == 0 {
		return fmt.Sprintf("%q not found", quote)
	}
	n := cuts[k-1]
	return fmt.Sprintf("%q found, but not what follows: %q", quote[:n], quote[n:])
}

func (b *builder) kindOf(id string, what string, s str, want ...string) bool {
	if id == "" || b.ents[id].Kind == "" { // an entity without a kind is reported already
		return false
	}
	if k := b.ents[id].Kind; !slices.Contains(want, k) {
		a := "a"
		if strings.ContainsRune("aeiou", rune(k[0])) {
			a = "an"
		}
		or := want[len(want)-1]
		if len(want) > 1 {
			or = strings.Join(want[:len(want)-1], ", ") + " or " + or
		}
		b.add(s.Pos, ErrInvalid, fmt.Sprintf("%s %q is %s %s, not %s", what, s.V, a, k, or))
		return false
	}
	return true
}

func (b *builder) roles(list []rawRole) []graph.Role {
	var out []graph.Role
	for _, r := range list {
		if !b.require(r.official, r.pos, "official") {
			continue
		}
		id := b.ref(r.official, "official")
		if b.kindOf(id, "official", r.official, graph.Official) {
			out = append(out, graph.Role{Official: id, Role: r.role.V})
		}
	}
	return out
}

func (b *builder) secondment(s *rawSecondment) {
	ok := b.require(s.official, s.pos, "secondment official")
	ok = b.require(s.to.body, s.pos, "secondment to.body") && ok
	official := b.ref(s.official, "official")
	b.kindOf(official, "official", s.official, graph.Official)
	to := b.ref(s.to.body, "to.body")
	from := b.ref(s.from.body, "from.body")
	if !b.kindOf(to, "to.body", s.to.body, graph.Body, graph.Company, graph.Organisation) {
		to = ""
	}
	if !b.kindOf(from, "from.body", s.from.body, graph.Body, graph.Company, graph.Organisation) {
		from = ""
	}
	start, end := b.date(s.start, "start"), b.date(s.end, "end")
	if !start.IsZero() && !end.IsZero() && end.LastDay().Before(start.FirstDay()) {
		b.add(s.end.Pos, graph.ErrDate, fmt.Sprintf("end %s is before start %s", end, start))
	}
	if from != "" && from == to {
		b.add(s.to.body.Pos, ErrInvalid, "secondment from and to the same body "+from)
	}
	ev := b.evidence(s.evidence, s.pos, "secondment")
	postEv := ev
	if len(s.from.evidence) > 0 {
		postEv = b.evidence(s.from.evidence, s.from.pos, "home post")
	}
	if !ok || official == "" || to == "" {
		return
	}
	r := &graph.Relation{Kind: graph.Secondment, From: official, To: to, Directed: true, Post: s.to.post.V,
		FromBody: from, FromPost: s.from.post.V, Start: start, End: end, Note: s.note.V, Evidence: ev, Pos: s.pos}
	b.rels = append(b.rels, r)
	b.state(r, s.disputed, statement{"post", r.Post, s.to.post.Pos}, statement{"from_body", from, s.from.body.Pos},
		statement{"from_post", r.FromPost, s.from.post.Pos}, statement{"start", written(start, s.start), s.start.Pos},
		statement{"end", written(end, s.end), s.end.Pos})
	if from != "" {
		p := &graph.Relation{Kind: graph.Post, From: official, To: from, Directed: true, Post: s.from.post.V,
			Evidence: postEv, Pos: s.from.pos}
		b.rels = append(b.rels, p)
		b.state(p, nil, statement{"post", p.Post, s.from.post.Pos})
	}
}

func (b *builder) agreement(a *rawAgreement) {
	if !b.requireID(a.id, a.pos, "agreement") {
		return
	}
	id := a.id.V
	if a.title.ok {
		b.require(a.title, a.pos, "agreement "+id+": title")
	}
	if a.status.ok && !contains(graph.Statuses, a.status.V) {
		b.add(a.status.Pos, ErrInvalid, fmt.Sprintf("agreement %s: status %q is not one of %s", id, a.status.V, strings.Join(graph.Statuses, ", ")))
	}
	var parties []string
	for _, p := range a.parties {
		pid := b.ref(p, "party")
		if pid == "" {
			continue
		}
		if slices.Contains(parties, pid) {
			b.add(p.Pos, ErrInvalid, fmt.Sprintf("agreement %s: party %s is listed twice", id, pid))
			continue
		}
		parties = append(parties, pid)
	}
	if len(a.parties) < 2 {
		b.add(a.pos, ErrMissing, "agreement "+id+": needs two or more parties")
	}
	def := &agreementDef{raw: a, parties: parties, officials: b.roles(a.officials),
		evidence: b.evidence(a.evidence, a.pos, "agreement "+id), date: b.date(a.date, "date")}
	if old, ok := b.agrs[id]; ok {
		if old.raw.pos.File == a.pos.File {
			b.add(a.id.Pos, ErrDuplicate, fmt.Sprintf("agreement id %q already defined at %s", id, old.raw.pos))
			return
		}
		if len(parties) > 0 && len(old.parties) > 0 && !sameSet(parties, old.parties) {
			b.add(a.pos, ErrConflict, fmt.Sprintf("agreement %s: parties %v contradict %v at %s", id, parties, old.parties, old.raw.pos))
		}
		// Its other attributes, officials and evidence fuse with the
		// first's relation by relation (see fuse).
	} else {
		b.agrs[id] = def
	}
	b.agrList = append(b.agrList, def)
}

// agreementsStated requires a title and a status of every agreement, from
// at least one of the files that state it: a file that adds evidence to an
// agreement another file defines need only give its id and parties.
func (b *builder) agreementsStated() {
	title, status := map[string]bool{}, map[string]bool{}
	for _, a := range b.agrList {
		title[a.raw.id.V] = title[a.raw.id.V] || a.raw.title.ok
		status[a.raw.id.V] = status[a.raw.id.V] || a.raw.status.ok
	}
	for _, a := range b.agrList {
		if first := b.agrs[a.raw.id.V]; first != a {
			continue
		}
		if !title[a.raw.id.V] {
			b.add(a.raw.pos, ErrMissing, "agreement "+a.raw.id.V+": title is missing")
		}
		if !status[a.raw.id.V] {
			b.add(a.raw.pos, ErrMissing, "agreement "+a.raw.id.V+": status is missing")
		}
	}
}

func (b *builder) agreementRelations(a *agreementDef) {
	for i := 0; i < len(a.parties); i++ {
		for j := i + 1; j < len(a.parties); j++ {
			from, to := a.parties[i], a.parties[j]
			if to < from {
				from, to = to, from
			}
			r := &graph.Relation{Kind: graph.Agreement, From: from, To: to, Agreement: a.raw.id.V,
				Title: a.raw.title.V, Status: a.raw.status.V, Date: a.date,
				Officials: slices.Clone(a.officials), Note: a.raw.note.V, Evidence: slices.Clone(a.evidence), Pos: a.raw.pos}
			b.rels = append(b.rels, r)
			raw := a.raw
			var buf [4 + maxKept]statement
			b.state(r, raw.disputed, keep(agreementRecord, &raw.kept, r, append(buf[:0],
				statement{"agreement", raw.id.V, raw.id.Pos}, statement{"title", r.Title, raw.title.Pos},
				statement{"status", r.Status, raw.status.Pos}, statement{"date", written(a.date, raw.date), raw.date.Pos}))...)
			b.stated[r].parties = a.parties
		}
	}
	// The Brokered relations are made after fusion (see brokered), from
	// each agreement's fused relations.
}

// brokered returns the Brokered relations of the fused agreements: for
// each agreement, from each official any of its statements credits to
// each of its parties, with the data of its first relation.
func (b *builder) brokered() []*graph.Relation {
	type agreement struct {
		def  agreementDef
		tmpl *graph.Relation
	}
	byID := map[string]*agreement{}
	var order []string
	for _, r := range b.rels {
		if r.Kind != graph.Agreement {
			continue
		}
		a := byID[r.Agreement]
		if a == nil {
			a = &agreement{tmpl: r}
			byID[r.Agreement] = a
			order = append(order, r.Agreement)
		}
		for _, p := range []string{r.From, r.To} {
			if !slices.Contains(a.def.parties, p) {
				a.def.parties = append(a.def.parties, p)
			}
		}
		a.def.officials = unionRoles(a.def.officials, r.Officials)
	}
	var out []*graph.Relation
	for _, id := range order {
		a := byID[id]
		slices.Sort(a.def.parties)
		a.def.officials = oneRoleEach(a.def.officials)
		for _, o := range a.def.officials { // from each credited official to each party
			for _, p := range a.def.parties {
				r := graph.BrokeredFrom(a.tmpl, o)
				r.To = p
				out = append(out, r)
			}
		}
	}
	return out
}

// oneRoleEach lists each official once, with the roles statements give
// them joined: 首席操盘手、推动. One official brokered an agreement once,
// however many sources word their part.
func oneRoleEach(roles []graph.Role) []graph.Role {
	var out []graph.Role
	for _, r := range roles {
		i := slices.IndexFunc(out, func(x graph.Role) bool { return x.Official == r.Official })
		switch {
		case i < 0:
			out = append(out, r)
		case r.Role != "":
			out[i].Role += "、" + r.Role
		}
	}
	return out
}

func (b *builder) link(l *rawLink) {
	ok := b.require(l.kind, l.pos, "link kind")
	if ok && (!linkKindRE.MatchString(l.kind.V) || graph.IsFixedKind(l.kind.V)) {
		b.add(l.kind.Pos, ErrInvalid, fmt.Sprintf("link kind %q must be a lower-case word other than secondment, post, agreement, part_of, brokered and party", l.kind.V))
		ok = false
	}
	ok = b.require(l.from, l.pos, "link from") && ok
	ok = b.require(l.to, l.pos, "link to") && ok
	from, to := b.ref(l.from, "from"), b.ref(l.to, "to")
	if from != "" && from == to {
		b.add(l.to.Pos, ErrInvalid, "link from and to the same entity "+from)
		ok = false
	}
	date := b.date(l.date, "date")
	roles := b.roles(l.officials)
	ev := b.evidence(l.evidence, l.pos, "link")
	if !ok || from == "" || to == "" {
		return
	}
	r := &graph.Relation{Kind: l.kind.V, From: from, To: to, Directed: true, Date: date, Title: l.title.V,
		Officials: roles, Note: l.note.V, Evidence: ev, Pos: l.pos}
	b.rels = append(b.rels, r)
	var buf [2 + maxKept]statement
	b.state(r, l.disputed, keep(linkRecord, &l.kept, r, append(buf[:0],
		statement{"title", r.Title, l.title.Pos}, statement{"date", written(date, l.date), l.date.Pos}))...)
}

func sameSet(a, b []string) bool {
	x, y := slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
	return slices.Equal(x, y)
}

// unionRoles adds to a the roles of b it lacks. An official without a role
// is one with a role stated on one side only: the role is kept, and the
// official listed once.
func unionRoles(a, b []graph.Role) []graph.Role {
	if len(b) > 0 {
		a = slices.Clone(a) // it may be shared; its roles are changed below
	}
	for _, r := range b {
		switch i := slices.IndexFunc(a, func(x graph.Role) bool {
			return x.Official == r.Official && (x.Role == "" || r.Role == "" || x.Role == r.Role)
		}); {
		case i < 0:
			a = append(a, r)
		case a[i].Role == "":
			a[i].Role = r.Role
		}
	}
	return a
}

func unionEvidence(a, b []graph.Evidence) []graph.Evidence {
	for _, e := range b {
		if !slices.ContainsFunc(a, func(x graph.Evidence) bool { return x.Source == e.Source && x.Quote == e.Quote }) {
			a = append(a, e)
		}
	}
	return a
}
