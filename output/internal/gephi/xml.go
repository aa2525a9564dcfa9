package gephi

import (
	"encoding/xml"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/chunks"
)

// Encoder streams an indented XML document element by element, writing the
// same bytes as encoding/xml's Encoder with Indent("", "  ") marshalling the
// same elements: the UTF-8 declaration, elements indented by two spaces,
// empty elements as <a></a>, attribute values and text escaped as
// xml.EscapeText escapes them (by escape, the one function that writes
// text), and a final newline.
//
// encoding/xml marshals by reflection and allocates per value: the GEXF and
// GraphML writers of a 100k-official graph spent over 3 GB and 6 s in it,
// against 1 s or less through Encoder. Element and attribute names are
// written as given and must be constants that are XML names; every value
// goes through escape.
//
// Writes go through a buffer of 64 KiB. The first error of the underlying
// writer stops all output; Err and Close return it.
type Encoder struct {
	w       io.Writer
	buf     []byte
	scratch []byte // lists and numbers before they are escaped
	err     error

	// Indentation, as encoding/xml's printer.writeIndent keeps it.
	depth      int
	indentedIn bool // an element was started and nothing indented since
	putNewline bool // something was written: the next indent starts a line
	open       bool // a start tag awaits its '>'

	// Attrs is room for the attributes of one element, which the elements
	// one goroutine encodes in Each reuse.
	Attrs []graph.Attr
}

const bufSize = 64 << 10

// NewEncoder returns an Encoder that writes to w, starting with the XML
// declaration Gephi's GEXF and GraphML importers expect.
func NewEncoder(w io.Writer) *Encoder {
	e := &Encoder{w: w, buf: make([]byte, 0, bufSize)}
	e.buf = append(e.buf, xml.Header...)
	return e
}

// Start starts the element name; Attr and its kin add attributes until the
// next Start, Text or End.
func (e *Encoder) Start(name string) {
	e.closeTag()
	e.indent(1)
	e.buf = append(e.buf, '<')
	e.buf = append(e.buf, name...)
	e.open = true
}

// End ends the element name, the innermost one started.
func (e *Encoder) End(name string) {
	e.closeTag()
	e.indent(-1)
	e.buf = append(e.buf, "</"...)
	e.buf = append(e.buf, name...)
	e.buf = append(e.buf, '>')
	if len(e.buf) >= bufSize {
		e.flush()
	}
}

// Element writes the element name holding the text s.
func (e *Encoder) Element(name, s string) {
	e.Start(name)
	e.Text(s)
	e.End(name)
}

// Attr adds the attribute name="value" to the element just started.
func (e *Encoder) Attr(name, value string) {
	e.attrName(name)
	escape(e, value)
	e.buf = append(e.buf, '"')
}

// AttrInt adds the attribute name="n".
func (e *Encoder) AttrInt(name string, n int) {
	e.attrName(name)
	e.buf = strconv.AppendInt(e.buf, int64(n), 10)
	e.buf = append(e.buf, '"')
}

// AttrList adds the attribute name whose value is items in Gephi's list
// form (see List).
func (e *Encoder) AttrList(name string, items []string) {
	e.attrName(name)
	e.scratch = AppendList(e.scratch[:0], items)
	escape(e, e.scratch)
	e.buf = append(e.buf, '"')
}

// AttrDay adds the attribute name whose value is the day t (see Day).
func (e *Encoder) AttrDay(name string, t time.Time) {
	e.attrName(name)
	e.scratch = t.AppendFormat(e.scratch[:0], time.DateOnly)
	escape(e, e.scratch)
	e.buf = append(e.buf, '"')
}

// Text writes s as the text of the element just started.
func (e *Encoder) Text(s string) {
	e.closeTag()
	escape(e, s)
}

// TextList writes items in Gephi's list form (see List) as the text of the
// element just started.
func (e *Encoder) TextList(items []string) {
	e.closeTag()
	e.scratch = AppendList(e.scratch[:0], items)
	escape(e, e.scratch)
}

// Each writes n elements inside the element just started, the ith by
// encode(c, i) through c. The elements are encoded in chunks (see package
// chunks), each with its own c, so encode must only read what it shares
// with the other goroutines. Each returns the first error writing to the
// underlying writer, and stops at it.
func (e *Encoder) Each(n int, encode func(c *Encoder, i int)) error {
	e.closeTag()
	chunks.Encode(n, func() *Encoder {
		// Each chunk starts where the elements of e would.
		return &Encoder{depth: e.depth, putNewline: true}
	}, encode, func(c *Encoder) error {
		if e.w == nil { // e is a chunk itself
			e.buf = append(e.buf, c.buf...)
			c.buf = c.buf[:0]
			return nil
		}
		return chunks.WriteAfter(e.w, &e.buf, &c.buf, &e.err)
	})
	if n > 0 {
		e.indentedIn = false // as after the last element's end tag
	}
	return e.err
}

// Err returns the first error writing to the underlying writer, if any.
// Writers check it now and then to stop early.
func (e *Encoder) Err() error { return e.err }

// Close ends the document with a newline, flushes it and returns the first
// error writing to the underlying writer.
func (e *Encoder) Close() error {
	e.closeTag()
	e.buf = append(e.buf, '\n')
	e.flush()
	return e.err
}

func (e *Encoder) attrName(name string) {
	e.buf = append(e.buf, ' ')
	e.buf = append(e.buf, name...)
	e.buf = append(e.buf, `="`...)
}

func (e *Encoder) closeTag() {
	if e.open {
		e.buf = append(e.buf, '>')
		e.open = false
	}
}

// indent is encoding/xml's printer.writeIndent with prefix "" and indent
// "  ": depthDelta is 1 before a start tag, -1 before an end tag.
func (e *Encoder) indent(depthDelta int) {
	if depthDelta < 0 {
		e.depth--
		if e.indentedIn {
			e.indentedIn = false
			return
		}
	}
	if e.putNewline {
		e.buf = append(e.buf, '\n')
	} else {
		e.putNewline = true
	}
	for range e.depth {
		e.buf = append(e.buf, "  "...)
	}
	if depthDelta > 0 {
		e.depth++
		e.indentedIn = true
	}
}

func (e *Encoder) flush() {
	if e.w == nil {
		return // a chunk of Each, written by Each
	}
	chunks.Flush(e.w, &e.buf, &e.err)
}

// Escapes, as encoding/xml writes them.
const (
	escQuot = "&#34;"
	escApos = "&#39;"
	escAmp  = "&amp;"
	escLT   = "&lt;"
	escGT   = "&gt;"
	escTab  = "&#x9;"
	escNL   = "&#xA;"
	escCR   = "&#xD;"
	escFFFD = "\uFFFD" // for characters XML does not allow, and invalid UTF-8
)

// escape appends s to e's buffer escaped as xml.EscapeText escapes it: the
// five markup characters, tab, newline and carriage return as character
// references, and characters outside XML's Char production (controls,
// U+FFFE, U+FFFF, invalid UTF-8) as U+FFFD. It is the only place the
// Encoder writes text.
func escape[T string | []byte](e *Encoder, s T) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		esc := asciiEscape[c]
		width := 1
		switch {
		case esc == "":
			i++
			continue
		case c >= 0xE1 && c <= 0xEC || c == 0xEE:
			// Three bytes that encode U+1000–U+CFFF or U+E000–U+EFFF,
			// Chinese among them, are all Chars: skip the decoding.
			if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				i += 3
				continue
			}
			fallthrough
		case c >= utf8.RuneSelf:
			// At most 4 bytes: the conversion of a []byte stays on the stack.
			var r rune
			r, width = utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			if isInCharacterRange(r) && (r != utf8.RuneError || width > 1) {
				i += width
				continue
			}
			esc = escFFFD
		}
		e.buf = append(e.buf, s[last:i]...)
		e.buf = append(e.buf, esc...)
		i += width
		last = i
	}
	e.buf = append(e.buf, s[last:]...)
	if len(e.buf) >= bufSize {
		e.flush()
	}
}

// asciiEscape is the escape of each ASCII byte that needs one, and
// multibyte for the bytes that start or continue a multibyte character,
// which escape decodes.
var asciiEscape = func() (t [256]string) {
	for c := range 0x20 {
		t[c] = escFFFD
	}
	t['"'], t['\''], t['&'], t['<'], t['>'] = escQuot, escApos, escAmp, escLT, escGT
	t['\t'], t['\n'], t['\r'] = escTab, escNL, escCR
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = multibyte
	}
	return t
}()

const multibyte = "multibyte"

// isInCharacterRange reports whether r is in XML's Char production, as
// encoding/xml decides it.
func isInCharacterRange(r rune) bool {
	return r == 0x09 ||
		r == 0x0A ||
		r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
