package json

import "unicode/utf8"

// plain[c] is true for the bytes below utf8.RuneSelf that encoding/json
// writes as they are in a string (without HTML escaping): all but the
// controls, the double quote and the backslash.
var plain = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\'
	}
	return t
}()

const hex = "0123456789abcdef"

// appendEscaped appends s to b escaped as encoding/json escapes a string
// with HTML escaping off (Encoder.SetEscapeHTML(false)), without the
// quotes: \" and \\, \b \f \n \r \t, other controls as \u00XX, U+2028 and
// U+2029 as \u2028 and \u2029, and each byte of invalid UTF-8 as \ufffd.
// It is the only place the package escapes text.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plain[c] {
				i++
				continue
			}
			b = append(b, s[last:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			last = i
			continue
		}
		// Three bytes led by E1 or E3–EC, EE or EF, with two continuation
		// bytes, are a valid character other than U+2028 and U+2029
		// (E2 80 A8 and E2 80 A9): Chinese is among them. Skip the
		// decoding.
		if (c >= 0xE3 && c <= 0xEF && c != 0xED || c == 0xE1) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[last:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[last:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		last = i
	}
	return append(b, s[last:]...)
}
