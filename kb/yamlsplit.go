package kb

import (
	"bytes"
	"io"
	"runtime"
	"sync"

	"go.yaml.in/yaml/v3"
)

// splitMin is the size from which a YAML file is parsed in pieces.
const splitMin = 256 << 10

// parseSplit parses a knowledge-base file in pieces, all at once, and
// returns the document they make together: the tree that parsing the whole
// file gives, on n processors in about 1/n of the time. The file is cut
// before lines that start a top-level key (sources:, entities:, …, at the
// start of a line) and, within a key's block list, before lines that start
// an element of it ("  - " at the list's indentation); each piece after the
// first in a list is parsed under a copy of its key's line, and its lines
// are counted from where it is in the file.
//
// It returns nil, for the whole file to be parsed as one, when the file is
// small; when a piece might not stand on its own (a document marker but a
// first "---", or a directive; a carriage return but before a line feed,
// or a byte-order mark but the first character, which the lines a file is
// cut at do not expect); or when a piece does not parse (the whole file's
// parse words the error best; an alias of an anchor in another piece is
// one that does not: an alias whose piece parses stands for the node of
// the last anchor of its name before it in the piece, which is the last in
// the file). A piece that holds what the fast parser leaves to yaml.v3 (a
// tab in a comment, a block scalar) is parsed by yaml.v3 alone, the others
// not. A construct that runs over a line where the file is cut (a quoted
// string, a flow list) leaves the piece before it unterminated, so that
// such a cut fails and the whole file is parsed.
func parseSplit(data []byte) *node {
	if len(data) < splitMin {
		return nil
	}
	return parsePieces(data, max(len(data)/(4*runtime.GOMAXPROCS(0)), 32<<10))
}

// parsePieces is parseSplit with pieces of about size bytes.
func parsePieces(data []byte, size int) *node {
	if !splittable(data) {
		return nil
	}
	pieces := cutPieces(data, size)
	if len(pieces) < 2 {
		return nil
	}
	trees := make([]node, len(pieces))
	ok := make([]bool, len(pieces))
	var wg sync.WaitGroup
	for i := range pieces {
		wg.Go(func() { ok[i] = pieces[i].parse(data, &trees[i]) })
	}
	wg.Wait()
	for i := range pieces {
		if !ok[i] {
			return nil
		}
	}
	top := trees[0].Content[0]
	keys := map[string]bool{} // the top-level keys so far: one given twice is the whole file's error to report
	for k := 0; k < len(top.Content); k += 2 {
		keys[top.Content[k].Value] = true
	}
	var list *node // the list that the pieces of a key add to
	for i := range pieces {
		m := trees[i].Content[0]
		switch {
		case pieces[i].more:
			if list == nil || m.Content[0].Value != top.Content[len(top.Content)-2].Value {
				return nil
			}
			list.Content = append(list.Content, m.Content[1].Content...)
			continue
		case i > 0:
			for k := 0; k < len(m.Content); k += 2 {
				if keys[m.Content[k].Value] {
					return nil
				}
				keys[m.Content[k].Value] = true
			}
			top.Content = append(top.Content, m.Content...)
		}
		list = nil
		if v := top.Content[len(top.Content)-1]; v.Kind == sequenceNode && v.Style == 0 {
			list = v
		}
	}
	return &trees[0]
}

// splittable reports whether nothing in data keeps it from being cut.
func splittable(data []byte) bool {
	// A carriage return alone ends a line for yaml.v3, not for cutPieces.
	crlf := bytes.Count(data, []byte("\r")) == bytes.Count(data, []byte("\r\n"))
	return crlf && !bytes.Contains(bytes.TrimPrefix(data, bom), bom)
}

// A piece is a part of a file to parse on its own: the bytes from start to
// end, which begin on line line (0-based), after a copy of the line of its
// key, which starts at key, when it continues that key's list (more).
type piece struct {
	start, end, line int
	key              int
	more             bool
}

// parse parses the piece into n, its lines counted as in the file, and
// reports whether it is a block mapping (of one key and a block list, when
// it continues a list).
func (p piece) parse(data []byte, n *node) bool {
	text, shift := data[p.start:p.end], p.line
	if p.more {
		k := data[p.key:]
		k = k[:bytes.IndexByte(k, '\n')+1]
		if bytes.IndexByte(k, '&') >= 0 {
			return false // an anchor on the list: in the piece, its aliases would name the copy
		}
		text = append(append(make([]byte, 0, len(k)+len(text)), k...), text...)
		shift--
	}
	// One document, as parseWhole wants it: Unmarshal would drop what
	// follows the first (a line less indented than the first key starts
	// another).
	if !parseFast(text, n) {
		dec := yaml.NewDecoder(bytes.NewReader(text))
		var root, next yaml.Node
		if dec.Decode(&root) != nil || len(root.Content) != 1 || dec.Decode(&next) != io.EOF {
			return false
		}
		*n = *fromYAML(&root)
	}
	m := n.Content[0]
	if m.Kind != mappingNode || m.Style != 0 || len(m.Content) == 0 {
		return false
	}
	if p.more && (len(m.Content) != 2 || m.Content[1].Kind != sequenceNode || m.Content[1].Style != 0) {
		return false
	}
	if shift != 0 {
		shiftLines(m, int32(shift))
	}
	return true
}

// cutPieces cuts data before each top-level key after the first and,
// within a key's block list, before the first element that starts size
// bytes or more after the piece's start.
func cutPieces(data []byte, size int) []piece {
	var pieces []piece
	key, indent := -1, -1 // the current key's line; its list's indentation: -1 before the line after the key, -2 when it is no list
	for off, line := 0, 0; off < len(data); line++ {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		l := bytes.TrimSuffix(data[off:end], []byte("\r"))
		if off == 0 {
			l = bytes.TrimPrefix(l, bom)
		}
		switch {
		case key < 0 && docStart(l): // the first piece's, which the fast parser takes
		case bytes.HasPrefix(l, []byte("---")), bytes.HasPrefix(l, []byte("...")), bytes.HasPrefix(l, []byte("%")):
			return nil
		case topKey(l):
			if len(pieces) == 0 {
				pieces = append(pieces, piece{}) // the first starts with the file, comments and all
			} else {
				pieces = append(pieces, piece{start: off, line: line})
			}
			key, indent = off, -1
		case key < 0, indent == -2:
		case indent == -1:
			if t := bytes.TrimLeft(l, " "); len(t) == 0 || t[0] == '#' {
				break
			}
			indent = -2
			if w, ok := element(l, -1); ok {
				indent = w
			}
		case off-pieces[len(pieces)-1].start >= size:
			if _, ok := element(l, indent); ok {
				pieces = append(pieces, piece{start: off, line: line, key: key, more: true})
			}
		}
		off = end + 1
	}
	for i := range pieces {
		pieces[i].end = len(data)
		if i+1 < len(pieces) {
			pieces[i].end = pieces[i+1].start
		}
	}
	return pieces
}

// element reports whether the line l starts an element of a block list,
// "- " or a lone "-" after indent spaces (any number when indent is -1),
// and returns the number of spaces.
func element(l []byte, indent int) (int, bool) {
	w := 0
	for w < len(l) && l[w] == ' ' {
		w++
	}
	if indent >= 0 && w != indent || w == len(l) || l[w] != '-' {
		return w, false
	}
	return w, w+1 == len(l) || l[w+1] == ' '
}

// topKey reports whether a line starts a top-level key of a knowledge
// base: a lower-case word at the start of the line, then a colon that ends
// the line or is followed by a space.
func topKey(l []byte) bool {
	i := 0
	for i < len(l) && (l[i] >= 'a' && l[i] <= 'z' || l[i] == '_') {
		i++
	}
	return i > 0 && i < len(l) && l[i] == ':' && (i+1 == len(l) || l[i+1] == ' ')
}

// shiftLines moves the tree under n down by k lines.
func shiftLines(n *node, k int32) {
	n.Line += k
	for _, c := range n.children() {
		shiftLines(c, k)
	}
}
