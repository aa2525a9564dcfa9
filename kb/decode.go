package kb

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/guazhi/guazhi/graph"
)

// Limits on one knowledge-base file, so that hostile input finishes in
// bounded time and memory. Loading a file written in block style takes
// about 50 bytes of memory per byte of YAML at most (a file of `- {}`
// lines; bench/memory.sh), a flow list of one-character items ([a,a,…])
// about 130, as the YAML library's tree takes 150 bytes a node, so
// MaxFileSize bounds one file's load to about 550 MB; a typical knowledge
// base takes 16 to 18 bytes per byte, and the default data set is 40 kB.
const (
	MaxFileSize = 4 << 20 // bytes of one YAML or JSON file, or source text
	maxAliases  = 10000   // YAML nodes reached through aliases in one file
	maxDepth    = 64      // nesting of mappings and sequences
)

// str is a scalar value with its position; ok is false when it was absent.
type str struct {
	V   string
	Pos graph.Pos
	ok  bool
}

type rawDoc struct {
	file            string
	name, title     str
	uses            []str // built-in data sets the file builds on
	sources         []*rawSource
	entities        []*rawEntity
	secondments     []*rawSecondment
	agreements      []*rawAgreement
	links           []*rawLink
	empty           [numParts][]emptyRecord
	count           [numParts]int32 // records and empty records so far, by part
	aliasesExpanded int
	namePos         graph.Pos
}

// A part is one of a knowledge base's lists of records.
type part uint8

const (
	partSources part = iota
	partEntities
	partSecondments
	partAgreements
	partLinks
	numParts
)

// emptyRecord is a record none of whose keys was read: {}, or a value
// that is not a mapping. The builder finds in it only what it lacks, which
// its position says, so it is kept as that position instead of as a record
// of absent fields (some hundreds of bytes: a file of `- {}` lines would
// take a hundred times its size).
type emptyRecord struct {
	at        int32 // its index in its part, counting the records and the empty ones
	line, col int32
}

// recordOf decodes the element n of the list s of doc: a record of rec
// added to list when any of its keys is read, else an empty record (which
// takes no record's memory, even for a moment). An element that is no
// mapping is reported as such and left out, as JSON Lines leaves out a
// record that is no object: what it lacks would only repeat the report.
func recordOf[R any](d *decoder, doc *rawDoc, s part, list *[]*R, n *node, left int, rec *record[R]) {
	at := d.derefOr(n)
	read := false
	switch m := d.deref(n); {
	case m == nil: // a tag or too many aliases, reported
		return
	case m.Kind != mappingNode:
		d.report(m, ErrType, func() string { return fmt.Sprintf("%s must be a mapping, not %s", rec.name, kindName(m)) })
		return
	case len(m.Content) > 0:
		r := new(R)
		*any(r).(positioned).at() = d.pos(at)
		if read = decodeRecord(d, n, rec, "", r); read {
			if *list == nil {
				*list = make([]*R, 0, left)
			}
			*list = append(*list, r)
		}
	}
	if !read {
		if doc.empty[s] == nil {
			doc.empty[s] = make([]emptyRecord, 0, left)
		}
		doc.empty[s] = append(doc.empty[s], emptyRecord{at: doc.count[s], line: int32(at.Line), col: int32(at.Column)})
	}
	doc.count[s]++
}

// positioned is a raw record, which has a position.
type positioned interface{ at() *graph.Pos }

func (r *rawSource) at() *graph.Pos     { return &r.pos }
func (r *rawEntity) at() *graph.Pos     { return &r.pos }
func (r *rawSecondment) at() *graph.Pos { return &r.pos }
func (r *rawAgreement) at() *graph.Pos  { return &r.pos }
func (r *rawLink) at() *graph.Pos       { return &r.pos }

// eachRecord calls f for every record of the list s of doc in the order
// of the file; an empty record is made in one record used for all (the
// builder keeps nothing of a record that lacks its id, official or kind),
// so that a million of them make no garbage.
func eachRecord[R any](doc *rawDoc, s part, list []*R, f func(*R)) {
	es := doc.empty[s]
	var empty R
	for n := int32(0); len(list) > 0 || len(es) > 0; n++ {
		if len(es) > 0 && es[0].at == n {
			empty = *new(R)
			*any(&empty).(positioned).at() = graph.Pos{File: doc.file, Line: int(es[0].line), Col: int(es[0].col)}
			f(&empty)
			es = es[1:]
			continue
		}
		f(list[0])
		list = list[1:]
	}
}

type rawSource struct {
	pos                                   graph.Pos
	id, title, publisher, date, url, file str
}

type rawEntity struct {
	pos                                                  graph.Pos
	id, kind, name, fullName, jurisdiction, parent, note str
	kept                                                 [maxKept]str // fields.go: the keys kept as written
	aliases                                              []str
}

type rawEvidence struct {
	pos           graph.Pos
	source, quote str
	ev            graph.Evidence // its keys that are kept as written
}

type rawRole struct {
	pos            graph.Pos
	official, role str
}

type rawPlace struct {
	pos        graph.Pos
	body, post str
	evidence   []rawEvidence // for the home post alone; optional
	ok         bool
}

type rawSecondment struct {
	pos              graph.Pos
	official         str
	from, to         rawPlace
	start, end, note str
	disputed         []str
	evidence         []rawEvidence
}

type rawAgreement struct {
	pos                           graph.Pos
	id, title, status, date, note str
	kept                          [maxKept]str // fields.go: the keys kept as written
	parties, disputed             []str
	officials                     []rawRole
	evidence                      []rawEvidence
}

type rawLink struct {
	pos                               graph.Pos
	kind, from, to, date, title, note str
	kept                              [maxKept]str // fields.go: the keys kept as written
	disputed                          []str
	officials                         []rawRole
	evidence                          []rawEvidence
}

func (r *rawEntity) keptVals() *[maxKept]str    { return &r.kept }
func (r *rawAgreement) keptVals() *[maxKept]str { return &r.kept }
func (r *rawLink) keptVals() *[maxKept]str      { return &r.kept }

// decoder walks a tree of nodes, keeping positions and collecting errors.
type decoder struct {
	file    string
	data    []byte   // the file, for what the nodes do not tell
	lines   []string // its lines, split when first needed
	errs    *errs
	aliases int            // nodes reached through aliases so far
	sizes   map[*node]int  // memoised subtree sizes of alias targets
	counted map[*node]bool // aliases already counted
	tagged  map[*node]bool // nodes with an explicit tag, reported
}

func (d *decoder) pos(n *node) graph.Pos {
	return graph.Pos{File: d.file, Line: int(n.Line), Col: int(n.Column)}
}

// report reports a problem at n whose message msg makes, when the list has
// room for it; past MaxErrors the problem is only counted, and msg not
// called: a message's arguments, boxed for fmt, would cost allocations
// that a file of a million wrong items makes for nothing.
func (d *decoder) report(n *node, sentinel error, msg func() string) {
	if d.errs.full() {
		d.errs.more++
		return
	}
	d.errs.add(d.pos(n), sentinel, msg())
}

// deref follows aliases, counting every node an alias brings in (nested
// aliases included) against the limit, so that a small file cannot expand
// into a huge one (billion laughs). Past the limit it reports the alias once
// and returns nil.
func (d *decoder) deref(n *node) *node {
	for n != nil && n.Kind == aliasNode {
		if d.aliases > maxAliases {
			return nil
		}
		if d.counted[n] { // the same alias looked at twice
			n = n.alias()
			continue
		}
		if d.counted == nil {
			d.counted = map[*node]bool{}
		}
		d.counted[n] = true
		d.aliases += d.size(n.alias())
		if d.aliases > maxAliases {
			d.report(n, ErrLimit, func() string { return fmt.Sprintf("aliases expand to more than %d YAML nodes", maxAliases) })
			return nil
		}
		n = n.alias()
	}
	if n != nil && n.Style&taggedStyle != 0 {
		// !!binary, !!str, !custom: a knowledge base is plain text, as
		// its JSON Lines form is; a tag would change what a value means
		// (a !!binary title kept as base64) or mean nothing.
		if !d.tagged[n] {
			if d.tagged == nil {
				d.tagged = map[*node]bool{}
			}
			d.tagged[n] = true
			d.refuseTag(n, "the value plainly (quoted if it needs to be)")
		}
		return nil
	}
	return n
}

// size counts the nodes of the tree under n, counting an alias as the
// tree it stands for.
func (d *decoder) size(n *node) int {
	if n == nil {
		return 1
	}
	if s, ok := d.sizes[n]; ok {
		return s
	}
	if d.sizes == nil {
		d.sizes = map[*node]int{}
	}
	d.sizes[n] = maxAliases + 1 // an alias inside its own anchor
	s := 1
	if n.Kind == aliasNode {
		s = d.size(n.alias())
	}
	for _, c := range n.children() {
		if s += d.size(c); s > maxAliases {
			break
		}
	}
	d.sizes[n] = min(s, maxAliases+1)
	return d.sizes[n]
}

func kindName(n *node) string {
	switch n.Kind {
	case mappingNode:
		return "a mapping"
	case sequenceNode:
		return "a list"
	case scalarNode:
		if n.Tag == tagNull {
			return "null"
		}
		return "a scalar"
	}
	return "something else"
}

// fields calls set for each key of a mapping that is in keys, and reports
// unknown and repeated keys.
func (d *decoder) fields(n *node, what string, keys []string, set func(key string, v *node)) bool {
	n = d.deref(n)
	if n == nil {
		return false
	}
	if n.Kind != mappingNode {
		d.report(n, ErrType, func() string { return fmt.Sprintf("%s must be a mapping, not %s", what, kindName(n)) })
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != scalarNode {
			d.report(k, ErrType, func() string { return fmt.Sprintf("%s: keys must be scalars", what) })
			continue
		}
		if k.Style&taggedStyle != 0 { // refused as a value's tag is
			d.refuseTag(k, "the key plainly")
			continue
		}
		if k.Value == "<<" {
			d.report(k, ErrUnknownKey, func() string { return fmt.Sprintf("%s: merge keys (<<) are not supported", what) })
			continue
		}
		if !contains(keys, k.Value) {
			if skip := d.splitByComma(n, i); skip > 0 {
				i += skip - 2
				continue
			}
			d.report(k, ErrUnknownKey, func() string {
				return fmt.Sprintf("unknown key %q in %s (want one of %s)", k.Value, what, strings.Join(keys, ", "))
			})
			continue
		}
		if seen[k.Value] {
			d.report(k, ErrDuplicate, func() string { return fmt.Sprintf("key %q repeated in %s", k.Value, what) })
			continue
		}
		seen[k.Value] = true
		set(k.Value, v)
	}
	return true
}

// splitByComma reports, when the key n.Content[i] of a flow mapping is a
// bare word with no value that a comma split from the plain value before
// it (quote: 2017年,喻华锋推动了这项合作), that the comma ended the value,
// and returns how many nodes from the key on the report covers, 0 when
// the key does not read so.
func (d *decoder) splitByComma(n *node, i int) int {
	bare := func(k, v *node) bool {
		return k.Kind == scalarNode && k.Style == 0 && v.Kind == scalarNode && v.Tag == tagNull && v.Value == ""
	}
	if n.Style&flowStyle == 0 || i < 2 || !bare(n.Content[i], n.Content[i+1]) {
		return 0
	}
	pk, pv, k := n.Content[i-2], n.Content[i-1], n.Content[i]
	if pv.Kind != scalarNode || pv.Style != 0 || pv.Line != k.Line || pk.Kind != scalarNode || k.Line < 1 {
		return 0
	}
	text, ok := d.line(k.Line)
	if !ok {
		return 0
	}
	line := []rune(text)
	// after reports the column of the first character after the word w
	// at column col that is not a space, and that character.
	after := func(col int, w string) (int, rune) {
		c := col + utf8.RuneCountInString(w)
		for c <= len(line) && line[c-1] == ' ' {
			c++
		}
		if c > len(line) {
			return c, 0
		}
		return c, line[c-1]
	}
	comma, r := after(int(pv.Column), pv.Value)
	if r != ',' || comma >= int(k.Column) {
		return 0
	}
	last := i
	for j := i; j+1 < len(n.Content) && bare(n.Content[j], n.Content[j+1]) && n.Content[j].Line == k.Line; j += 2 {
		_, next := after(int(n.Content[j].Column), n.Content[j].Value)
		if next != ',' && next != '}' {
			break
		}
		last = j
	}
	end := int(n.Content[last].Column) + utf8.RuneCountInString(n.Content[last].Value) - 1
	msg := splitValue(string(line), pk.Value, int(pv.Column), comma, end)
	if msg == "" {
		return 0
	}
	d.errs.add(graph.Pos{File: d.file, Line: int(k.Line), Col: comma}, ErrSyntax, msg)
	return last - i + 2
}

// line returns the line k of the file, from 1.
func (d *decoder) line(k int32) (string, bool) {
	if d.lines == nil {
		d.lines = strings.Split(strings.ReplaceAll(string(d.data), "\r\n", "\n"), "\n")
	}
	if k < 1 || int(k) > len(d.lines) {
		return "", false
	}
	return d.lines[k-1], true
}

// refuseTag reports the tag of the node n, which is to be written without
// it (what: "the key plainly"): a knowledge base is plain text, as its
// JSON Lines form is.
func (d *decoder) refuseTag(n *node, what string) {
	d.report(n, ErrType, func() string {
		return "YAML tags are not supported: remove " + d.writtenTag(n) + " and write " + what
	})
}

// writtenTag returns the tag of the node n as the file writes it (!!binary,
// !custom, !<tag:yaml.org,2002:str>): where n starts, after its anchor.
func (d *decoder) writtenTag(n *node) string {
	line, _ := d.line(n.Line)
	r := []rune(line)
	t := ""
	if c := int(n.Column) - 1; c >= 0 && c < len(r) {
		t = string(r[c:])
	}
	if strings.HasPrefix(t, "&") {
		_, t, _ = strings.Cut(t, " ")
		t = strings.TrimLeft(t, " \t")
	}
	end := strings.IndexAny(t, " \t,[]{}")
	if strings.HasPrefix(t, "!<") {
		end = strings.IndexByte(t, '>') + 1
	}
	if !strings.HasPrefix(t, "!") || end == 0 {
		return n.Tag.String()
	}
	if end > 0 {
		t = t[:end]
	}
	return t
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scalar decodes a string: a number, a date or a boolean written bare is an
// error, as are mappings, lists and null.
func (d *decoder) scalar(n *node, what string) str { return d.text(n, what, false) }

// date decodes a date, which may be written bare (2015, 2015-09-09) and is
// taken as its text.
func (d *decoder) date(n *node, what string) str { return d.text(n, what, true) }

// bareNames say what YAML reads a bare scalar of each tag as.
var bareNames = map[tag]string{tagInt: "number", tagFloat: "number", tagTimestamp: "date"}

func (d *decoder) text(n *node, what string, date bool) str {
	n = d.deref(n)
	if n == nil {
		return str{}
	}
	if n.Kind != scalarNode || n.Tag == tagNull {
		d.report(n, ErrType, func() string { return fmt.Sprintf("%s must be a string, not %s", what, kindName(n)) })
		return str{Pos: d.pos(n)}
	}
	if n.Tag == tagBool {
		d.report(n, ErrType, func() string { return fmt.Sprintf("%s must be a string, not the boolean %s (quote it)", what, n.Value) })
		return str{Pos: d.pos(n)}
	}
	if kind := bareNames[n.Tag]; kind != "" && !date { // a quoted scalar is a !!str
		d.report(n, ErrType, func() string {
			return fmt.Sprintf("%s must be a string, not the %s %s: quote it, as \"%s\"", what, kind, n.Value, n.Value)
		})
		return str{Pos: d.pos(n)}
	}
	v := n.Value
	if !utf8.ValidString(v) {
		d.report(n, ErrInvalid, func() string { return fmt.Sprintf("%s is not valid UTF-8", what) })
		return str{V: v, Pos: d.pos(n), ok: true}
	}
	for _, r := range v {
		if r == 0 || (r < 0x20 && r != '\n' && r != '\t' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
			d.report(n, ErrInvalid, func() string {
				return fmt.Sprintf("%s contains the control character %U, which XML cannot carry", what, r)
			})
			return str{V: v, Pos: d.pos(n), ok: true}
		}
	}
	return str{V: v, Pos: d.pos(n), ok: true}
}

func (d *decoder) boolean(n *node, what string) bool {
	n = d.deref(n)
	if n == nil {
		return false
	}
	if n.Kind != scalarNode || n.Tag != tagBool {
		d.report(n, ErrType, func() string { return fmt.Sprintf("%s must be true or false", what) })
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

// list calls each for every element of a sequence.
func (d *decoder) list(n *node, what string, each func(*node)) {
	n = d.deref(n)
	if n == nil {
		return
	}
	if n.Kind != sequenceNode {
		d.report(n, ErrType, func() string { return fmt.Sprintf("%s must be a list, not %s", what, kindName(n)) })
		return
	}
	for _, c := range n.Content {
		each(c)
	}
}

// records calls each for every element of a top-level list of records,
// and lets go of each element's tree once it is decoded (unless the list
// is an anchor's, which an alias may bring in again), so that the tree and
// the records made from it are not held at once.
//
// each is also told how many elements are left, c included, so that the
// lists it fills can be made the right size at once: grown by appending, a
// list of a million elements leaves four times its size as garbage.
func (d *decoder) records(n *node, what string, each func(c *node, left int)) {
	n = d.deref(n)
	drop := n != nil && !n.Anchored
	i := 0
	d.list(n, what, func(c *node) {
		each(c, len(n.Content)-i)
		if drop {
			n.Content[i] = nil
		}
		i++
	})
}

func (d *decoder) strings(n *node, what string) []str {
	var out []str
	d.list(n, what, func(c *node) {
		if s := d.scalar(c, what); s.ok {
			out = append(out, s)
		}
	})
	return out
}

// decodeFile parses one knowledge-base file.
func decodeFile(file string, data []byte, e *errs) *rawDoc {
	doc := &rawDoc{file: file}
	if len(data) > MaxFileSize {
		e.add(graph.Pos{File: file}, ErrLimit, fmt.Sprintf("file is %d bytes, over the limit of %d", len(data), MaxFileSize))
		return nil
	}
	if pos, msg := badChar(file, data); msg != "" {
		e.add(pos, ErrSyntax, msg)
		return nil
	}
	if line, col := topList(data); line > 0 {
		// Refused before it is parsed: a list's tree would take some 40
		// times the file's size, for nothing.
		e.add(graph.Pos{File: file, Line: line, Col: col}, ErrType, "knowledge base must be a mapping, not a list")
		return nil
	}
	root := parseSplit(data)
	if root == nil {
		root = parseWhole(file, data, e)
	}
	if root == nil {
		return nil
	}
	top := root.Content[0]
	if deep := tooDeep(top, 0); deep != nil {
		e.add(graph.Pos{File: file, Line: int(deep.Line), Col: int(deep.Column)}, ErrLimit, fmt.Sprintf("nesting deeper than %d levels", maxDepth))
		return nil
	}
	d := &decoder{file: file, data: data, errs: e}
	d.fields(top, "knowledge base", topKeys(), func(k string, v *node) {
		switch k {
		case "uses":
			doc.uses = d.strings(v, "uses")
		case "name":
			doc.name = d.scalar(v, "name")
		case "title":
			doc.title = d.scalar(v, "title")
		case "sources":
			d.records(v, "sources", func(n *node, left int) { recordOf(d, doc, partSources, &doc.sources, n, left, sourceRecord) })
		case "entities":
			d.records(v, "entities", func(n *node, left int) { recordOf(d, doc, partEntities, &doc.entities, n, left, entityRecord) })
		case "secondments":
			d.records(v, "secondments", func(n *node, left int) {
				recordOf(d, doc, partSecondments, &doc.secondments, n, left, secondmentRecord)
			})
		case "agreements":
			d.records(v, "agreements", func(n *node, left int) {
				recordOf(d, doc, partAgreements, &doc.agreements, n, left, agreementRecord)
			})
		case "links":
			d.records(v, "links", func(n *node, left int) { recordOf(d, doc, partLinks, &doc.links, n, left, linkRecord) })
		}
	})
	if d.aliases > maxAliases {
		return nil // what was decoded is incomplete: its errors would mislead
	}
	doc.namePos = d.pos(top)
	return doc
}

// parseWhole parses a knowledge-base file as one YAML document, the way
// that words its errors best; nil after reporting a problem.
func parseWhole(file string, data []byte, e *errs) *node {
	var fast node
	if parseFast(data, &fast) {
		return &fast
	}
	var root, next yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil && err != io.EOF {
		pos, msg := explainYAML(file, data, err)
		e.add(pos, ErrSyntax, msg)
		return nil
	}
	if len(root.Content) == 0 {
		e.add(graph.Pos{File: file}, ErrMissing, "file is empty")
		return nil
	}
	if err := dec.Decode(&next); err != io.EOF {
		if err != nil {
			pos, msg := explainYAML(file, data, err)
			e.add(pos, ErrSyntax, msg)
		} else {
			e.add(graph.Pos{File: file, Line: next.Line, Col: next.Column}, ErrSyntax,
				"a second YAML document: a knowledge base is one document (remove the ---, or split the file)")
		}
		return nil
	}
	return fromYAML(&root)
}

// topList returns the line and column where a YAML file's top-level list
// starts, when the first thing in it (after a byte-order mark, blank and
// comment lines, directives and a "---") is a block list's "- " or a flow
// list's "["; 0, 0 otherwise.
func topList(data []byte) (line, col int) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for line = 1; len(data) > 0; line++ {
		l, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		l = bytes.TrimRight(l, " \t\r")
		text := bytes.TrimLeft(l, " ")
		switch {
		case len(text) == 0, text[0] == '#', text[0] == '%' && len(text) == len(l), string(l) == "---":
			continue
		case text[0] == '[', text[0] == '-' && (len(text) == 1 || text[1] == ' ' || text[1] == '\t'):
			return line, len(l) - len(text) + 1
		}
		return 0, 0
	}
	return 0, 0
}

// tooDeep returns the first node nested deeper than maxDepth, or nil.
func tooDeep(n *node, level int) *node {
	if level > maxDepth {
		return n
	}
	for _, c := range n.children() {
		if deep := tooDeep(c, level+1); deep != nil {
			return deep
		}
	}
	return nil
}

// badChar finds the first byte sequence that is not valid UTF-8, or the
// first character that YAML does not allow in a file (control characters
// other than tab, line feed and carriage return, U+FFFE and U+FFFF; XML 1.0
// cannot carry them either), and describes it with its position.
func badChar(file string, data []byte) (graph.Pos, string) {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return graph.Pos{File: file, Line: line, Col: col}, "invalid UTF-8"
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7F, r >= 0x80 && r <= 0x9F && r != 0x85,
			r == 0xFFFE, r == 0xFFFF:
			return graph.Pos{File: file, Line: line, Col: col}, fmt.Sprintf("the control character %U is not allowed", r)
		case r == '\n', r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return graph.Pos{}, ""
}

// decodeRecord fills r from the mapping n, the keys rec declares for the
// context ctx, and reports whether it read any.
func decodeRecord[R any](d *decoder, n *node, rec *record[R], ctx string, r *R) bool {
	read := false
	d.fields(n, rec.named(ctx), rec.keysIn(ctx), func(k string, v *node) {
		read = true
		f := &rec.fields[rec.index[k]]
		name := rec.what(f, ctx)
		p := f.at(r)
		if isText(p) {
			if f.date {
				setText(p, d.date(v, name))
			} else {
				setText(p, d.scalar(v, name))
			}
			return
		}
		switch p := p.(type) {
		case *[]str:
			*p = d.strings(v, name)
		case *bool:
			*p = d.boolean(v, name)
		case *[]rawEvidence:
			*p = d.evidence(v)
		case *[]rawRole:
			*p = d.roles(v)
		case *rawPlace:
			*p = d.place(v, name)
		}
	})
	return read
}

func (d *decoder) derefOr(n *node) *node {
	if m := d.deref(n); m != nil {
		return m
	}
	return n
}

func (d *decoder) evidence(n *node) []rawEvidence {
	var out []rawEvidence
	d.list(n, "evidence", func(c *node) {
		ev := rawEvidence{pos: d.pos(d.derefOr(c))}
		decodeRecord(d, c, evidenceRecord, "", &ev)
		out = append(out, ev)
	})
	return out
}

func (d *decoder) roles(n *node) []rawRole {
	var out []rawRole
	d.list(n, "officials", func(c *node) {
		r := rawRole{pos: d.pos(d.derefOr(c))}
		if m := d.deref(c); m != nil && m.Kind == scalarNode {
			r.official = d.scalar(m, "official")
			out = append(out, r)
			return
		}
		decodeRecord(d, c, roleRecord, "", &r)
		out = append(out, r)
	})
	return out
}

// place decodes a secondment's from or to (what).
func (d *decoder) place(n *node, what string) rawPlace {
	p := rawPlace{pos: d.pos(d.derefOr(n)), ok: true}
	decodeRecord(d, n, placeRecord, what, &p)
	return p
}

// yamlErrorPos extracts "line N" (and column, when given) from a yaml error.
func yamlErrorPos(file string, err error) graph.Pos {
	msg := err.Error()
	p := graph.Pos{File: file}
	if i := strings.Index(msg, "line "); i >= 0 {
		var line, col int
		if n, _ := fmt.Sscanf(msg[i:], "line %d, column %d", &line, &col); n >= 1 {
			p.Line, p.Col = line, col
		}
		if p.Col == 0 && p.Line > 0 {
			p.Col = 1
		}
	}
	return p
}

func yamlErrorMsg(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
		msg = msg[i+2:]
	}
	if strings.Contains(msg, "tab character") || strings.Contains(msg, "found character that cannot start any token") {
		msg += " (tabs cannot indent YAML; use spaces)"
	}
	return "YAML: " + msg
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
