package kb

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parseFast parses data, when it keeps to the plain subset of YAML that
// knowledge bases are written in, into doc: the tree, kinds, styles, tags,
// values and positions, that yaml.v3's Decoder gives for it (without
// comments, which kb reads none of), several times faster. It reports
// false, leaving doc to be overwritten, for anything outside the subset,
// and for anything yaml.v3 might read otherwise or reject: the caller then
// parses data with yaml.v3, which words the errors.
//
// The subset is one document of block mappings and block lists indented
// with spaces ("- key: v" items with the rest of the mapping below; a
// key's list indented under it or not), whose values are plain or quoted
// scalars on one line, flow lists and flow mappings on one line, or
// aliases of anchors defined before; with blank lines, full-line comments
// and trailing comments, lines ended by "\n" or "\r\n", and a "---" before
// the document, and a byte-order mark before all. Left to yaml.v3: tabs,
// other carriage returns, other byte-order marks, control characters,
// document markers but that first one, directives, tags, merge keys, block
// scalars, scalars and flow collections over several lines, "?" keys,
// double-quoted escapes but the one-letter and hexadecimal ones, lists
// nested on one line ("- - a"), anchors in flow collections or on nothing,
// aliases of anchors not yet parsed in full, an empty document, and a
// document that is not a block mapping or list.
func parseFast(data []byte, doc *node) bool {
	if !fastChars(data) {
		return false
	}
	p := &fastParser{data: data, text: string(data), nl: -1}
	if bytes.HasPrefix(data, bom) {
		p.nl += len(bom) // the first line starts after it, as yaml.v3 counts columns
	}
	ind, start := p.advance(), int32(0)
	if ind == -2 && docStart(data[p.ls:p.le]) { // the document's start
		start = int32(p.line)
		ind = p.advance()
	}
	if ind < 0 {
		return false
	}
	root := p.block(ind)
	if root == nil || p.ind != -1 {
		return false
	}
	*doc = node{Kind: documentNode, Line: root.Line, Column: root.Column, Content: []*node{root}}
	if start > 0 {
		doc.Line, doc.Column = start, 1
	}
	return true
}

var bom = []byte("\uFEFF")

// fastChars reports whether data is valid UTF-8 of characters that yaml.v3
// reads as printable and not as line breaks, with no tab, no carriage
// return but before a line feed and no byte-order mark but as the first
// character: every other character is left to yaml.v3.
func fastChars(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && (c != '\r' || i+1 == len(data) || data[i+1] != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError || r < 0xa0 || r == 0x2028 || r == 0x2029 || r >= 0xd800 && r < 0xe000 || r == 0xfeff && i > 0 || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

// maxFastDepth is the nesting beyond which parseFast leaves a document to
// yaml.v3 (a knowledge base nests a few levels).
const maxFastDepth = 48

// maxFastKey is the length in bytes from which a key is left to yaml.v3,
// which refuses keys longer than 1024 characters.
const maxFastKey = 1000

// A fastParser walks the lines of a document. The current line runs from
// ls to le (its line break, "\n" or "\r\n", or the end; the "\n" is at nl),
// is line (1-based) and is indented by ind spaces (-1 at the end of the
// document).
type fastParser struct {
	data    []byte
	text    string // data as a string, which the scalars' values are cut from
	ls      int
	le      int
	nl      int
	line    int
	ind     int
	depth   int
	cOff    int // an offset of the current line and its column (see col)
	cCol    int
	nodes   []node                // the slab nodes are taken from
	ptrs    []*node               // the slab Content slices are taken from
	stack   stack                 // the children of the collections being parsed
	tags    map[string]tag        // resolved tags of plain scalars that may be numbers or dates
	anchors map[string]fastAnchor // the anchors so far, by name
	seq     int                   // the number of anchors so far
	pending []string              // the anchors of the nodes being parsed
}

// advance moves to the next line with content, skipping blank and comment
// lines, and returns its indentation, -1 at the end of the document and -2
// on a line yaml.v3 might read as a document marker or directive.
func (p *fastParser) advance() int {
	for {
		if p.nl >= len(p.data) {
			p.ind = -1
			return -1
		}
		p.ls = p.nl + 1
		p.line++
		p.cOff, p.cCol = p.ls, 1
		p.nl, p.le = len(p.data), len(p.data)
		if k := bytes.IndexByte(p.data[p.ls:], '\n'); k >= 0 {
			p.nl, p.le = p.ls+k, p.ls+k
			if p.le > p.ls && p.data[p.le-1] == '\r' {
				p.le--
			}
		}
		if p.ls >= len(p.data) {
			p.ind = -1
			return -1
		}
		i := p.ls
		for i < p.le && p.data[i] == ' ' {
			i++
		}
		if i == p.le || p.data[i] == '#' {
			continue
		}
		l := p.data[p.ls:p.le]
		if l[0] == '%' || len(l) >= 3 && (string(l[:3]) == "---" || string(l[:3]) == "...") {
			p.ind = -2
			return -2
		}
		p.ind = i - p.ls
		return p.ind
	}
}

// docStart reports whether the line l is a "---" that starts a document,
// alone on its line or before a comment.
func docStart(l []byte) bool {
	if !bytes.HasPrefix(l, []byte("---")) {
		return false
	}
	t := bytes.TrimLeft(l[3:], " ")
	return len(t) == 0 || len(t) < len(l)-3 && t[0] == '#'
}

// node returns a new node from the slab.
func (p *fastParser) node(k kind, t tag, at int) *node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]node, 0, 1024)
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	n.Kind, n.Tag, n.Line, n.Column = k, t, int32(p.line), int32(p.col(at))
	return n
}

// col returns the column of offset i of the current line, counted in
// characters from 1; counting on from the last offset asked for, as the
// nodes of a line come in order.
func (p *fastParser) col(i int) int {
	if i < p.cOff {
		p.cOff, p.cCol = p.ls, 1
	}
	c := p.cCol
	for _, b := range p.data[p.cOff:i] {
		if b&0xc0 != 0x80 {
			c++
		}
	}
	p.cOff, p.cCol = i, c
	return c
}

// A stack holds the children of the collections being parsed, in chunks
// of a fixed size, kept for reuse: a slice grown by appending would, for a
// flow list of a million items, hold its old and new arrays at once, two
// and a half times its size, on top of the slice the children are copied to.
type stack struct {
	chunks [][]*node
	n      int
}

const stackChunk = 4096

func (s *stack) push(n *node) {
	if s.n == len(s.chunks)*stackChunk {
		s.chunks = append(s.chunks, make([]*node, stackChunk))
	}
	s.chunks[s.n/stackChunk][s.n%stackChunk] = n
	s.n++
}

// content returns the children on the stack from base, as a slice from the
// slab, and pops them.
func (p *fastParser) content(base int) []*node {
	n := p.stack.n - base
	if n == 0 {
		return nil
	}
	if cap(p.ptrs)-len(p.ptrs) < n {
		p.ptrs = make([]*node, 0, max(4096, n))
	}
	at := len(p.ptrs)
	for i := base; i < p.stack.n; {
		c := p.stack.chunks[i/stackChunk][i%stackChunk : min(stackChunk, i%stackChunk+p.stack.n-i)]
		p.ptrs = append(p.ptrs, c...)
		clear(c)
		i += len(c)
	}
	p.stack.n = base
	return p.ptrs[at : at+n : at+n]
}

// block parses the block mapping or list that starts on the current line,
// indented by ind spaces, and leaves the parser on the first line after it.
func (p *fastParser) block(ind int) *node {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxFastDepth {
		return nil
	}
	i := p.ls + ind
	if p.entry(i) {
		return p.list(ind)
	}
	return p.mapping(ind, i)
}

// entry reports whether a block list's "-" is at offset i.
func (p *fastParser) entry(i int) bool {
	return p.data[i] == '-' && (i+1 == p.le || p.data[i+1] == ' ')
}

// list parses a block list whose "-" are indented by ind spaces.
func (p *fastParser) list(ind int) *node {
	n := p.node(sequenceNode, tagSeq, p.ls+ind)
	base := p.stack.n
	for p.ind == ind && p.entry(p.ls+ind) {
		dash := p.ls + ind
		item := p.value(p.skipSpaces(dash+1), ind, dash+1, true)
		if item == nil {
			return nil
		}
		p.stack.push(item)
	}
	if p.ind > ind || p.ind == -2 {
		return nil
	}
	n.Content = p.content(base)
	return n
}

// mapping parses a block mapping whose keys are indented by ind spaces, the
// first at offset i of the current line.
func (p *fastParser) mapping(ind, i int) *node {
	n := p.node(mappingNode, tagMap, i)
	base := p.stack.n
	for {
		colon := p.keyEnd(i)
		if colon < 0 {
			return nil
		}
		key := p.scalar(i, colon)
		if key == nil {
			return nil
		}
		v := p.value(p.skipSpaces(colon+1), ind, colon+1, false)
		if v == nil {
			return nil
		}
		p.stack.push(key)
		p.stack.push(v)
		if p.ind != ind {
			break
		}
		i = p.ls + ind
	}
	if p.ind > ind || p.ind == -2 {
		return nil
	}
	n.Content = p.content(base)
	return n
}

// value parses the value of a key, or a list's item (item), that starts at
// offset i of the current line, in a collection indented by ind spaces, and
// leaves the parser on the next line with content. A value that is not on
// the line is the block below, or null where the ":" or "-" ends (at
// offset null); an item may be a mapping that starts on the line ("- key:
// v"). An anchor ("&name ") comes first; the node is then where it is.
func (p *fastParser) value(i, ind, null int, item bool) *node {
	d := p.data
	anchor, line, col, seq := "", 0, 0, 0
	if i < p.le && d[i] == '&' {
		k := anchorEnd(d, i+1, p.le)
		if k == i+1 || k < p.le && d[k] != ' ' {
			return nil
		}
		anchor, line, col = p.text[i+1:k], p.line, p.col(i)
		p.seq++
		seq = p.seq
		p.pending = append(p.pending, anchor)
		i = p.skipSpaces(k)
	}
	var n *node
	switch {
	case i == p.le || d[i] == '#':
		if anchor == "" {
			n = p.node(scalarNode, tagNull, null)
		}
		next := p.advance()
		switch {
		case next > ind:
			n = p.block(next)
		case next == ind && !item && p.entry(p.ls+ind):
			n = p.list(ind) // a list not indented under its key
		}
	case p.entry(i), anchor != "" && d[i] == '*':
		// "- - a", an anchor on an alias: left to yaml.v3.
	case item && p.keyEnd(i) > 0:
		if anchor == "" {
			n = p.mapping(i-p.ls, i)
		}
	default:
		if n = p.inline(i); n != nil {
			p.advance()
		}
	}
	if anchor != "" {
		p.pending = p.pending[:len(p.pending)-1]
		if n == nil {
			return nil
		}
		n.Anchored, n.Line, n.Column = true, int32(line), int32(col)
		// yaml.v3 takes an anchor's node when it starts: of two anchors
		// of a name, one in the other's node, the inner is the later.
		if p.anchors == nil {
			p.anchors = map[string]fastAnchor{}
		}
		if a, ok := p.anchors[anchor]; !ok || a.seq < seq {
			p.anchors[anchor] = fastAnchor{n, seq}
		}
	}
	return n
}

// A fastAnchor is the node of an anchor and the anchor's number, counted
// from 1 in the order of the document.
type fastAnchor struct {
	n   *node
	seq int
}

// anchorEnd returns the offset after the name of an anchor or alias that
// starts at offset i, before end.
func anchorEnd(d []byte, i, end int) int {
	for i < end && (d[i] >= '0' && d[i] <= '9' || d[i] >= 'A' && d[i] <= 'Z' || d[i] >= 'a' && d[i] <= 'z' || d[i] == '_' || d[i] == '-') {
		i++
	}
	return i
}

// alias parses the alias ("*name") at offset i and returns it and the
// offset after it; nil for one yaml.v3 would not resolve as parseFast
// would, to a node parsed in full before it.
func (p *fastParser) alias(i int) (*node, int) {
	k := anchorEnd(p.data, i+1, p.le)
	name := p.text[i+1 : k]
	target := p.anchors[name].n
	if target == nil {
		return nil, 0
	}
	for _, a := range p.pending {
		if a == name {
			return nil, 0
		}
	}
	n := p.node(aliasNode, tagNone, i)
	n.Value, n.Content = name, []*node{target}
	return n, k
}

// keyEnd returns the offset of the ":" that ends a key starting at offset
// i of the current line, -1 when there is none.
func (p *fastParser) keyEnd(i int) int {
	d := p.data
	end := -1
	switch d[i] {
	case '"', '\'':
		end = p.quotedEnd(i)
		if end < 0 {
			return -1
		}
	default:
		if !plainStart(d, i, p.le) {
			return -1
		}
		for j := i; j < p.le; j++ {
			switch d[j] {
			case ':':
				if j+1 == p.le || d[j+1] == ' ' {
					end = j
				}
			case '#':
				if d[j-1] == ' ' {
					return -1
				}
			}
			if end >= 0 {
				break
			}
		}
		if end < 0 || d[end-1] == ' ' {
			return -1
		}
	}
	if end >= p.le || d[end] != ':' || end+1 < p.le && d[end+1] != ' ' || end-i > maxFastKey {
		return -1
	}
	return end
}

// quotedEnd returns the offset after the quoted scalar that starts at
// offset i of the current line, -1 when it does not end on the line.
func (p *fastParser) quotedEnd(i int) int {
	d, q := p.data, p.data[i]
	for j := i + 1; j < p.le; j++ {
		switch {
		case d[j] == '\\' && q == '"':
			j++
		case d[j] == q && q == '\'' && j+1 < p.le && d[j+1] == '\'':
			j++
		case d[j] == q:
			return j + 1
		}
	}
	return -1
}

// plainStart reports whether a plain scalar may start at offset i (before
// end) without being read as anything else.
func plainStart(d []byte, i, end int) bool {
	switch d[i] {
	case '-':
		if i+1 < end {
			c := d[i+1]
			return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.'
		}
		return false
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	return true
}

// skipSpaces returns the offset of the first byte from i that is no space.
func (p *fastParser) skipSpaces(i int) int {
	for i < p.le && p.data[i] == ' ' {
		i++
	}
	return i
}

// inline parses the value that starts at offset i and ends the current
// line (but for a comment): a scalar or a flow collection.
func (p *fastParser) inline(i int) *node {
	var n *node
	var end int
	switch p.data[i] {
	case '[', '{':
		n, end = p.flow(i)
	case '*':
		n, end = p.alias(i)
	case '"', '\'':
		end = p.quotedEnd(i)
		if end < 0 {
			return nil
		}
		n = p.scalar(i, end)
	default:
		if !plainStart(p.data, i, p.le) {
			return nil
		}
		end = p.plainEnd(i)
		if end < 0 {
			return nil
		}
		n = p.scalar(i, end)
	}
	if n == nil {
		return nil
	}
	if j := p.skipSpaces(end); j < p.le && (p.data[j] != '#' || j == end) {
		return nil
	}
	return n
}

// plainEnd returns the offset after a plain scalar in a block that starts
// at offset i (without the spaces before a comment), -1 when it holds what
// yaml.v3 reads as a mapping's ":".
func (p *fastParser) plainEnd(i int) int {
	d := p.data
	end := i
	for j := i; j < p.le; j++ {
		switch d[j] {
		case ' ':
			continue
		case ':':
			if j+1 == p.le || d[j+1] == ' ' {
				return -1
			}
		case '#':
			if d[j-1] == ' ' {
				return end
			}
		}
		end = j + 1
	}
	return end
}

// flow parses a flow list or mapping, of scalars and flow collections,
// that starts at offset i and ends on the current line, and returns it
// and the offset after it.
func (p *fastParser) flow(i int) (*node, int) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxFastDepth {
		return nil, 0
	}
	d := p.data
	open := d[i]
	var n *node
	closer := byte(']')
	if open == '[' {
		n = p.node(sequenceNode, tagSeq, i)
	} else {
		n = p.node(mappingNode, tagMap, i)
		closer = '}'
	}
	n.Style = flowStyle
	base := p.stack.n
	j := p.skipSpaces(i + 1)
	if j < p.le && d[j] == closer {
		return n, j + 1
	}
	for {
		var s *node
		var e int
		if open == '{' {
			if s, e = p.flowScalar(j, true); s == nil || e-j > maxFastKey {
				return nil, 0
			}
			p.stack.push(s)
			if e+1 >= p.le || d[e] != ':' || d[e+1] != ' ' {
				return nil, 0
			}
			j = p.skipSpaces(e + 1)
		}
		switch {
		case j < p.le && (d[j] == '[' || d[j] == '{'):
			s, e = p.flow(j)
		case j < p.le && d[j] == '*':
			s, e = p.alias(j)
		default:
			s, e = p.flowScalar(j, false)
		}
		if s == nil {
			return nil, 0
		}
		p.stack.push(s)
		j = p.skipSpaces(e)
		if j >= p.le {
			return nil, 0
		}
		if d[j] == closer {
			n.Content = p.content(base)
			return n, j + 1
		}
		if d[j] != ',' {
			return nil, 0
		}
		if j = p.skipSpaces(j + 1); j >= p.le || d[j] == closer || d[j] == ',' {
			return nil, 0
		}
	}
}

// flowScalar parses a scalar in a flow collection at offset i and returns
// it and the offset after it; a key ends at its ":".
func (p *fastParser) flowScalar(i int, key bool) (*node, int) {
	d := p.data
	if i >= p.le {
		return nil, 0
	}
	if d[i] == '"' || d[i] == '\'' {
		e := p.quotedEnd(i)
		if e < 0 {
			return nil, 0
		}
		return p.scalar(i, e), e
	}
	if !plainStart(d, i, p.le) {
		return nil, 0
	}
	end := i
	for j := i; j < p.le; j++ {
		switch d[j] {
		case ' ':
			continue
		case ',', ']', '}':
			if key {
				return nil, 0
			}
			return p.scalar(i, end), end
		case ':':
			if key && j == end && j+1 < p.le && d[j+1] == ' ' {
				return p.scalar(i, end), end
			}
			return nil, 0
		case '[', '{', '?', '#':
			return nil, 0
		}
		end = j + 1
	}
	return nil, 0
}

// scalar returns the node of the plain or quoted scalar from offset i to
// end of the current line; nil for what parseFast leaves to yaml.v3.
func (p *fastParser) scalar(i, end int) *node {
	d := p.data
	switch d[i] {
	case '\'':
		n := p.node(scalarNode, tagStr, i)
		n.Style = singleQuotedStyle
		n.Value = p.single(i+1, end-1)
		return n
	case '"':
		v, ok := p.double(i+1, end-1)
		if !ok {
			return nil
		}
		n := p.node(scalarNode, tagStr, i)
		n.Style = doubleQuotedStyle
		n.Value = v
		return n
	}
	v := p.text[i:end]
	t := p.resolve(v)
	if t == tagNone {
		return nil
	}
	n := p.node(scalarNode, t, i)
	n.Value = v
	return n
}

// single returns the value of a single-quoted scalar's text from i to end.
func (p *fastParser) single(i, end int) string {
	d := p.data
	k := i
	for k < end && d[k] != '\'' {
		k++
	}
	if k == end {
		return p.text[i:end]
	}
	b := make([]byte, 0, end-i)
	for j := i; j < end; j++ {
		b = append(b, d[j])
		if d[j] == '\'' {
			j++
		}
	}
	return string(b)
}

// double returns the value of a double-quoted scalar's text from i to end,
// false for an escape it leaves to yaml.v3.
func (p *fastParser) double(i, end int) (string, bool) {
	d := p.data
	k := i
	for k < end && d[k] != '\\' {
		k++
	}
	if k == end {
		return p.text[i:end], true
	}
	b := make([]byte, 0, end-i)
	b = append(b, d[i:k]...)
	for j := k; j < end; j++ {
		if d[j] != '\\' {
			b = append(b, d[j])
			continue
		}
		j++
		if j >= end {
			return "", false
		}
		if c, ok := doubleEscapes[d[j]]; ok {
			b = append(b, c...)
			continue
		}
		size := 0
		switch d[j] {
		case 'x':
			size = 2
		case 'u':
			size = 4
		case 'U':
			size = 8
		}
		if size == 0 || j+size >= end {
			return "", false
		}
		r := 0
		for _, h := range d[j+1 : j+1+size] {
			switch {
			case h >= '0' && h <= '9':
				r = r<<4 | int(h-'0')
			case h >= 'a' && h <= 'f':
				r = r<<4 | int(h-'a'+10)
			case h >= 'A' && h <= 'F':
				r = r<<4 | int(h-'A'+10)
			default:
				return "", false
			}
		}
		if r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
			return "", false
		}
		b = utf8.AppendRune(b, rune(r))
		j += size
	}
	return string(b), true
}

// doubleEscapes maps the one-letter escapes of double-quoted scalars to
// what they stand for, as yaml.v3 reads them.
var doubleEscapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
	'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '\'': "'", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// resolve returns the tag yaml.v3 gives a plain scalar, tagNone for the merge
// key "<<", which parseFast leaves to it.
func (p *fastParser) resolve(v string) tag {
	switch v[0] {
	case '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		// A number or a date, maybe: ask yaml.v3, once per value.
		if t, ok := p.tags[v]; ok {
			return t
		}
		if p.tags == nil {
			p.tags = map[string]tag{}
		}
		t := tagOf((&yaml.Node{Kind: yaml.ScalarNode, Value: v}).ShortTag())
		p.tags[v] = t
		return t
	case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<':
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return tagBool
		case "~", "null", "Null", "NULL":
			return tagNull
		case "<<":
			return tagNone
		}
	}
	return tagStr
}
