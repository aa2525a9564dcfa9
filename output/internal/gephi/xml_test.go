package gephi

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guazhi/guazhi/output/internal/chunks"
	"github.com/guazhi/guazhi/output/internal/exporttest"
)

// hostile holds text that needs every kind of escape.
var hostile = []string{
	"",
	"plain",
	"北京 & 河北",
	`<a href="x">it's</a>`,
	"tab\tnewline\ncr\r",
	"controls \x00\x01\x1f\x7f",
	"invalid \xff\xfe utf-8 \xe4\xb8",
	"non-characters \uFFFE\uFFFF, replacement \uFFFD, surrogate \xed\xa0\x80",
	"astral 😀 \U0010FFFF",
	"truncated \xe4\xb8 mid, bad continuation \xe4\x41\x80, private use \xee\x80\x80, overlong \xe0\x80\xaf",
	"]]> --> <!--",
	strings.Repeat("长文本 & ", 20000), // longer than the buffer
}

func TestEscape(t *testing.T) {
	for _, s := range hostile {
		checkEscape(t, s)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(checkEscape)
}

// checkEscape checks escape against xml.EscapeText, from a string and from
// bytes.
func checkEscape(t *testing.T, s string) {
	var want bytes.Buffer
	if err := xml.EscapeText(&want, []byte(s)); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{
		"string": escaped(func(e *Encoder) { escape(e, s) }),
		"bytes":  escaped(func(e *Encoder) { escape(e, []byte(s)) }),
	} {
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("escape from %s of %.80q = %.80q, want %.80q", name, s, got, want.Bytes())
		}
	}
}

// escaped returns what f appends to an Encoder's buffer, flushes included.
func escaped(f func(e *Encoder)) []byte {
	var b bytes.Buffer
	e := &Encoder{w: &b}
	f(e)
	e.flush()
	return b.Bytes()
}

// el is an element as encoding/xml marshals it: attributes, then text, then
// children.
type el struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Kids    []el       `xml:",any"`
}

// encode writes x through the Encoder.
func encode(e *Encoder, x el) {
	e.Start(x.XMLName.Local)
	for _, a := range x.Attrs {
		e.Attr(a.Name.Local, a.Value)
	}
	if x.Text != "" {
		e.Text(x.Text)
	}
	// Children through Each: one by one for a few, in parallel chunks for
	// many.
	e.Each(len(x.Kids), func(c *Encoder, i int) { encode(c, x.Kids[i]) })
	e.End(x.XMLName.Local)
}

// tree builds a document that puts a and b in attributes and texts at
// several depths, with empty elements, text before children and a wide level
// that fills more than one buffer.
func tree(a, b string) el {
	leaf := func(name, text string, attrs ...string) el {
		x := el{XMLName: xml.Name{Local: name}, Text: text}
		for i := 0; i+1 < len(attrs); i += 2 {
			x.Attrs = append(x.Attrs, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
		}
		return x
	}
	wide := leaf("wide", "")
	for i := range 3*chunks.Size + 7 {
		wide.Kids = append(wide.Kids, leaf("item", "<i>&", "n", strconv.Itoa(i)))
	}
	wide.Kids[chunks.Size+1] = leaf("item", b, "v", a)
	root := leaf("root", "", "xmlns", "http://example.com/ns", "a", a)
	root.Kids = []el{
		{XMLName: xml.Name{Local: "meta"}, Kids: []el{leaf("creator", a), leaf("description", b)}},
		leaf("empty", "", "id", "x"),
		leaf("empty", ""),
		{XMLName: xml.Name{Local: "mixed"}, Text: a, Kids: []el{leaf("viz:color", "", "r", "1", "g", b)}},
		{XMLName: xml.Name{Local: "deep"}, Kids: []el{{XMLName: xml.Name{Local: "deeper"}, Kids: []el{leaf("deepest", b, "k", a)}}}},
		wide,
	}
	return root
}

func TestEncoder(t *testing.T) {
	for i, s := range hostile {
		checkEncoder(t, s, hostile[(i+1)%len(hostile)])
	}
}

func FuzzEncoder(f *testing.F) {
	for i, s := range hostile[:len(hostile)-1] {
		f.Add(s, hostile[(i+1)%len(hostile)])
	}
	f.Fuzz(checkEncoder)
}

// checkEncoder checks that the Encoder writes tree(a, b) as encoding/xml
// does with the declaration, two-space indentation and a final newline.
func checkEncoder(t *testing.T, a, b string) {
	x := tree(a, b)
	var want bytes.Buffer
	want.WriteString(xml.Header)
	enc := xml.NewEncoder(&want)
	enc.Indent("", "  ")
	if err := enc.Encode(x); err != nil {
		t.Fatal(err)
	}
	want.WriteString("\n")

	var got bytes.Buffer
	e := NewEncoder(&got)
	encode(e, x)
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		i := 0
		for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
			i++
		}
		t.Errorf("a=%.40q b=%.40q: output differs from encoding/xml's at byte %d:\ngot  %.120q\nwant %.120q",
			a, b, i, got.Bytes()[max(0, i-40):], want.Bytes()[max(0, i-40):])
	}
}

func TestEncoderValues(t *testing.T) {
	var b bytes.Buffer
	e := NewEncoder(&b)
	e.Start("a")
	e.AttrInt("n", -12)
	e.AttrList("l", []string{`x "y"`, "<z>"})
	e.AttrDay("d", time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC))
	e.Start("b")
	e.TextList([]string{"a&b"})
	e.End("b")
	e.Element("c", "")
	e.End("a")
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	want := xml.Header + `<a n="-12" l="[&#34;x \&#34;y\&#34;&#34;, &#34;&lt;z&gt;&#34;]" d="2015-07-01">` + "\n" +
		`  <b>[&#34;a&amp;b&#34;]</b>` + "\n" +
		`  <c></c>` + "\n" +
		`</a>` + "\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestEncoderErrors(t *testing.T) {
	x := tree("a", "b")
	var b bytes.Buffer
	e := NewEncoder(&b)
	encode(e, x)
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	size := b.Len()
	for _, n := range []int{0, 10, bufSize - 1, bufSize, size - 1, size} {
		e := NewEncoder(&exporttest.FailingWriter{N: n})
		encode(e, x)
		err := e.Close()
		if n < size && !errors.Is(err, exporttest.ErrFailed) {
			t.Errorf("failing after %d of %d bytes: Close() = %v, want %v", n, size, err, exporttest.ErrFailed)
		}
		if n == size && err != nil {
			t.Errorf("failing after all %d bytes: Close() = %v", size, err)
		}
		if e.Err() != err {
			t.Errorf("failing after %d of %d bytes: Err() = %v after Close, want %v", n, size, e.Err(), err)
		}
	}
}
