package kb

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/guazhi/guazhi/graph"
)

// The YAML library says where it gave up, which is often a line or more
// after the mistake and in words about its parser ("could not find
// expected ':'"). explainYAML looks at the lines near that position for
// the mistakes people make and says what they are, at their own line and
// column: full-width punctuation where YAML needs ASCII, a colon inside a
// value, an indentation that matches none of its siblings.

// yamlHint is a mistake found in the text: where, and what to say.
type yamlHint struct {
	line, col int // 1-based; col counts characters
	msg       string
}

// fullWidth maps full-width punctuation to the ASCII that YAML needs.
var fullWidth = map[rune]struct{ name, ascii string }{
	'：': {"colon", ":"}, '，': {"comma", ","},
	'［': {"bracket", "["}, '］': {"bracket", "]"}, '【': {"bracket", "["}, '】': {"bracket", "]"},
	'｛': {"brace", "{"}, '｝': {"brace", "}"},
}

// explainYAML describes the YAML library's error err in data, and where
// it is: what a scan of the lines near the library's position finds, else
// the library's own message and position.
func explainYAML(file string, data []byte, err error) (graph.Pos, string) {
	pos, msg := yamlErrorPos(file, err), yamlErrorMsg(err)
	if pos.Line == 0 {
		return pos, msg
	}
	lines := strings.Split(string(data), "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	// The library gives the line where it gave up, or the line before the
	// mistake where what it was reading began.
	for n := max(pos.Line-1, 1); n <= min(pos.Line+3, len(lines)); n++ {
		if h := scanLine([]rune(lines[n-1]), n); h != nil {
			return graph.Pos{File: file, Line: h.line, Col: h.col}, h.msg
		}
	}
	for _, s := range []string{"expected '-' indicator", "expected key", "mapping values are not allowed", "block sequence entries are not allowed"} {
		if strings.Contains(msg, s) {
			if h := indentation(lines, pos.Line-1); h != nil {
				return graph.Pos{File: file, Line: h.line, Col: h.col}, h.msg
			}
			break
		}
	}
	return pos, msg
}

// scanLine looks in one line, outside quotes and comments, for full-width
// punctuation where YAML needs ASCII and for a colon that splits a plain
// value.
func scanLine(s []rune, line int) *yamlHint {
	type entry struct {
		open     rune // '{' or '[', or 0 for the block level
		start    int  // where the entry's key begins
		colon    int  // where its value begins after ": ", or -1
		keyColon bool
	}
	stack := []entry{{start: indentOf(s), colon: -1}}
	if t := stack[0].start; t+1 < len(s) && s[t] == '-' && s[t+1] == ' ' {
		stack[0].start = t + 2 + indentOf(s[t+2:])
	}
	hint := func(i int, format string, args ...any) *yamlHint {
		return &yamlHint{line: line, col: i + 1, msg: fmt.Sprintf(format, args...)}
	}
	var quote rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		top := &stack[len(stack)-1]
		if quote != 0 {
			switch {
			case c == '\\' && quote == '"':
				i++
			case c == quote:
				quote = 0
			}
			continue
		}
		switch {
		case (c == '"' || c == '\'') && tokenStart(s, i):
			quote = c
		case c == '#' && (i == 0 || s[i-1] == ' '):
			return nil
		case c == '{' || c == '[':
			stack = append(stack, entry{open: c, start: i + 1, colon: -1})
		case (c == '}' || c == ']') && len(stack) > 1:
			stack = stack[:len(stack)-1]
		case c == ',' && len(stack) > 1:
			top.start, top.colon, top.keyColon = i+1, -1, false
		case c == ':' && (i+1 == len(s) || s[i+1] == ' ' || len(stack) > 1 && strings.ContainsRune(",}]", s[i+1])):
			if top.open == '[' {
				continue
			}
			if !top.keyColon {
				top.keyColon, top.colon = true, i+1+indentOf(s[i+1:])
				continue
			}
			if top.colon >= len(s) || strings.ContainsRune("\"'[{|>&*!", s[top.colon]) {
				continue
			}
			key := strings.TrimSpace(string(s[top.start:top.colon]))
			key = strings.TrimSpace(strings.TrimSuffix(key, ":"))
			value := strings.TrimSpace(string(s[top.colon:valueEnd(s, i, len(stack) > 1)]))
			return hint(i, "the colon after %q makes a key of what follows: quote the value, as %s: %q",
				strings.TrimSpace(string(s[top.colon:i])), key, value)
		case c == '：' && len(stack) == 1 && !top.keyColon:
			return hint(i, "full-width colon %q at %d:%d where YAML needs %q", string(c), line, i+1, fullWidth[c].ascii)
		case c == '，' && len(stack) > 1 && keyFollows(s[i+1:]):
			return hint(i, "full-width comma %q at %d:%d where YAML needs %q", string(c), line, i+1, fullWidth[c].ascii)
		case (c == '［' || c == '【' || c == '｛') && tokenStart(s, i) && holdsItems(s[i+1:]),
			(c == '］' || c == '】' || c == '｝') && len(stack) > 1 && (i+1 == len(s) || strings.ContainsRune(" ,]}", s[i+1])):
			return hint(i, "full-width %s %q at %d:%d where YAML needs %q", fullWidth[c].name, string(c), line, i+1, fullWidth[c].ascii)
		}
	}
	return nil
}

// indentOf is how many spaces s begins with.
func indentOf(s []rune) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

// tokenStart reports whether s[i] begins a token: it follows the line's
// start, a space or a flow indicator.
func tokenStart(s []rune, i int) bool {
	return i == 0 || strings.ContainsRune(" [{,", s[i-1])
}

// holdsItems reports whether s, up to a full-width closing bracket, holds
// what a flow collection holds: a ", " or a key's ": ".
func holdsItems(s []rune) bool {
	for i, c := range s {
		switch {
		case c == '］' || c == '】' || c == '｝':
			return false
		case (c == ',' || c == ':') && i+1 < len(s) && s[i+1] == ' ':
			return true
		}
	}
	return false
}

// keyFollows reports whether s, up to the next comma or closing bracket,
// holds a key's ": ".
func keyFollows(s []rune) bool {
	for i, c := range s {
		if strings.ContainsRune(",}]，", c) {
			return false
		}
		if c == ':' && (i+1 == len(s) || s[i+1] == ' ') {
			return true
		}
	}
	return false
}

// valueEnd is where the plain value that holds s[i] ends: at the next
// comma or closing bracket in a flow collection, at a comment or the end
// of the line.
func valueEnd(s []rune, i int, flow bool) int {
	for ; i < len(s); i++ {
		if flow && strings.ContainsRune(",}]", s[i]) || s[i] == '#' && s[i-1] == ' ' {
			return i
		}
	}
	return len(s)
}

// indentation finds the first line, from line from on, whose indentation
// matches none of the lines it could belong with: it dedents to a column
// no enclosing line has, it indents under a line that opens no block, or
// it stands among list items without being one.
func indentation(lines []string, from int) *yamlHint {
	type level struct {
		indent, line int  // line: the last line at this indentation
		seq          bool // list items ("- ") at this indentation
		content      int  // for list items, where their keys begin
	}
	var stack []level
	opens := true // the line before opens a block
	skip := -1    // lines indented deeper than this continue a block scalar or a flow collection
	for n, raw := range lines {
		t := strings.TrimLeft(raw, " ")
		if t == "" || t[0] == '#' || t == "---" {
			continue
		}
		ind := len(raw) - len(t)
		if skip >= 0 {
			if ind > skip {
				continue
			}
			skip = -1
		}
		dash := t == "-" || strings.HasPrefix(t, "- ")
		var popped *level
		pushed := false
		for len(stack) > 0 && stack[len(stack)-1].indent > ind {
			p := stack[len(stack)-1]
			popped = &p
			stack = stack[:len(stack)-1]
		}
		report := func(format string, args ...any) *yamlHint {
			return &yamlHint{line: n + 1, col: ind + 1, msg: "indentation: " + fmt.Sprintf(format, args...)}
		}
		switch top := len(stack) - 1; {
		case top >= 0 && stack[top].indent == ind:
			if stack[top].seq && !dash && n+1 >= from {
				return report("indented %d spaces like the list items (line %d) but is not one (\"- \"): indent it %d spaces to put it in the item above",
					ind, stack[top].line, stack[top].content)
			}
			stack[top].line = n + 1
		case popped != nil:
			if n+1 >= from {
				outer := "the top level"
				if top >= 0 {
					outer = fmt.Sprintf("%d (line %d)", stack[top].indent, stack[top].line)
				}
				return report("indented %d spaces, but its siblings are at %d (line %d) or %s", ind, popped.indent, popped.line, outer)
			}
		case top >= 0 && !opens:
			if !dash && !strings.Contains(t, ": ") && !strings.HasSuffix(t, ":") {
				continue // a plain value continued
			}
			if n+1 >= from {
				return report("indented %d spaces, deeper than line %d (%d spaces), which opens no block",
					ind, stack[top].line, stack[top].indent)
			}
			stack, pushed = append(stack, level{indent: ind, line: n + 1}), true
		default:
			stack, pushed = append(stack, level{indent: ind, line: n + 1}), true
		}
		body, keyInd := t, ind
		if dash {
			rest := strings.TrimLeft(t[1:], " ")
			keyInd = ind + len(t) - len(rest)
			top := &stack[len(stack)-1]
			if pushed { // not an indentless list under a key
				top.seq = true
			}
			top.content = keyInd
			if rest != "" {
				stack = append(stack, level{indent: keyInd, line: n + 1})
			}
			body = rest
		}
		if i := strings.Index(body, " #"); i >= 0 {
			body = body[:i]
		}
		body = strings.TrimRight(body, " ")
		for { // a trailing anchor or tag: "officials: &ref"
			i := strings.LastIndex(body, " ")
			if i < 0 || body[i+1] != '&' && body[i+1] != '!' {
				break
			}
			body = strings.TrimRight(body[:i], " ")
		}
		opens = body == "" || strings.HasSuffix(body, ":")
		if blockScalar(body) || unclosed(body) {
			skip = keyInd
		}
	}
	return nil
}

// blockScalar reports whether a line's text ends by starting a literal
// or folded block scalar (| or >, with their indicators).
func blockScalar(body string) bool {
	i := strings.LastIndexAny(body, "|>")
	if i < 0 || i > 0 && body[i-1] != ' ' {
		return false
	}
	return strings.Trim(body[i+1:], "+-0123456789") == ""
}

// unclosed reports whether a line leaves a flow collection or a quoted
// string open, to be continued on the lines after it.
func unclosed(body string) bool {
	depth := 0
	var quote rune
	s := []rune(body)
	for i, c := range s {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && tokenStart(s, i):
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		}
	}
	return depth > 0 || quote != 0
}

// splitValue explains a key that is a bare word with no value, which
// followed a comma in a flow mapping after a plain value on the same
// line: the comma ended the value. line is that line; valueCol where the
// value begins, endCol where the last bare word ends (1-based, in
// characters). "" when the line does not read so.
func splitValue(line string, key string, valueCol, commaCol, endCol int) string {
	r := []rune(line)
	if valueCol < 1 || endCol > len(r) || commaCol > len(r) || r[commaCol-1] != ',' {
		return ""
	}
	before := strings.TrimSpace(string(r[valueCol-1 : commaCol-1]))
	whole := strings.TrimSpace(string(r[valueCol-1 : endCol]))
	if before == "" || !utf8.ValidString(whole) {
		return ""
	}
	return fmt.Sprintf("the comma after %q ends the value: quote it, as %s: %q", before, key, whole)
}
