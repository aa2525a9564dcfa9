package html

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// svgElements are the elements Graphviz's SVG renderer writes. inlineSVG
// drops any other element with everything inside it: nothing else (script,
// foreignObject, image, style, use) can reach the page.
var svgElements = map[string]bool{
	"svg": true, "g": true, "title": true, "a": true, "defs": true,
	"polygon": true, "polyline": true, "ellipse": true, "circle": true,
	"rect": true, "line": true, "path": true, "text": true, "tspan": true,
	"linearGradient": true, "radialGradient": true, "stop": true,
}

// dropAttr reports whether inlineSVG leaves an attribute out: event
// handlers, links and inline styles, and references to anything but the
// document itself.
func dropAttr(name, value string) bool {
	n := strings.ToLower(name)
	switch {
	case strings.HasPrefix(n, "on"),
		n == "href", strings.HasSuffix(n, ":href"), n == "src", n == "style":
		return true
	}
	v := strings.ToLower(value)
	for i := strings.Index(v, "url("); i >= 0; i = strings.Index(v, "url(") {
		if !strings.HasPrefix(v[i+len("url("):], "#") {
			return true
		}
		v = v[i+len("url("):]
	}
	return false
}

// errNoSVG is returned, wrapped, when the SVG bytes hold no <svg> element.
var errNoSVG = errors.New("no <svg> element")

// inlineSVG rewrites an SVG document as markup to embed in an HTML page. It
// parses the document as XML and writes each element again, so no text of
// the knowledge base, which Graphviz copies into titles, labels and
// attributes, can become markup: every character data and attribute value
// is escaped afresh. The XML declaration, the DOCTYPE and comments are left
// out, and so are elements and attributes not on the allow lists above. The
// outer <svg> gets width and height 100 % so the page can size it; its
// viewBox stays.
func inlineSVG(doc []byte) ([]byte, error) {
	if !utf8.Valid(doc) {
		doc = bytes.ToValidUTF8(doc, []byte("\uFFFD"))
	}
	d := xml.NewDecoder(bytes.NewReader(doc))
	var b bytes.Buffer
	depth, skip, roots := 0, 0, 0 // skip > 0 inside a dropped element
	// open holds the open elements: RawToken, which keeps the prefixes as
	// written, does not check that end tags match.
	var open []string
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(open) > 0 {
				return nil, fmt.Errorf("html: reading the SVG: <%s> is not closed", open[len(open)-1])
			}
			break
		}
		if err != nil {
			return nil, fmt.Errorf("html: reading the SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := qname(t.Name)
			open = append(open, name)
			if skip > 0 || !svgElements[name] || (depth == 0) != (name == "svg") {
				skip++
				continue
			}
			if depth == 0 {
				roots++
				if roots > 1 {
					skip++
					continue
				}
			}
			depth++
			b.WriteString("<" + name)
			for _, a := range t.Attr {
				an := qname(a.Name)
				if dropAttr(an, a.Value) {
					continue
				}
				if depth == 1 && (an == "width" || an == "height") {
					a.Value = "100%"
				}
				b.WriteString(" " + an + `="`)
				escape(&b, a.Value)
				b.WriteString(`"`)
			}
			b.WriteString(">")
		case xml.EndElement:
			name := qname(t.Name)
			if len(open) == 0 || open[len(open)-1] != name {
				line, _ := d.InputPos()
				return nil, fmt.Errorf("html: reading the SVG: line %d: unexpected </%s>", line, name)
			}
			open = open[:len(open)-1]
			if skip > 0 {
				skip--
				continue
			}
			depth--
			b.WriteString("</" + name + ">")
		case xml.CharData:
			if skip == 0 && depth > 0 {
				escape(&b, string(t))
			}
		}
		// Comments, processing instructions (the XML declaration) and
		// directives (the DOCTYPE) are dropped.
	}
	if roots == 0 {
		return nil, fmt.Errorf("html: %w", errNoSVG)
	}
	return b.Bytes(), nil
}

// qname is an element or attribute name as written, prefix included.
func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// escape writes s with the characters that could end text or an attribute
// value, or start markup or a character reference, escaped.
func escape(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case 0:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
}
