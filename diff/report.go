package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Count is how many entities, sources or facts of one kind changed, each
// way.
type Count struct {
	Kind      string `json:"kind"`
	Added     int    `json:"added"`
	Removed   int    `json:"removed"`
	Changed   int    `json:"changed"`
	Resourced int    `json:"resourced"`
}

// Total is the number of changes counted.
func (c Count) Total() int { return c.Added + c.Removed + c.Changed + c.Resourced }

func (c *Count) add(op Op) {
	switch op {
	case Added:
		c.Added++
	case Removed:
		c.Removed++
	case Changed:
		c.Changed++
	case Resourced:
		c.Resourced++
	}
}

// Stat counts the changes per kind, in the report's order of kinds.
func (r Report) Stat() []Count {
	var out []Count
	for _, c := range r.Changes {
		if len(out) == 0 || out[len(out)-1].Kind != c.Kind {
			out = append(out, Count{Kind: c.Kind})
		}
		out[len(out)-1].add(c.Op)
	}
	return out
}

// total sums the counts, as kind "total".
func total(counts []Count) Count {
	t := Count{Kind: "total"}
	for _, c := range counts {
		t.Added += c.Added
		t.Removed += c.Removed
		t.Changed += c.Changed
		t.Resourced += c.Resourced
	}
	return t
}

// MarshalJSON gives the report as {"changes": [...], "stat": [...]}, both
// lists present (empty when nothing changed).
func (r Report) MarshalJSON() ([]byte, error) {
	changes, stat := r.Changes, r.Stat()
	if changes == nil {
		changes = []Change{}
	}
	if stat == nil {
		stat = []Count{}
	}
	return json.Marshal(struct {
		Changes []Change `json:"changes"`
		Stat    []Count  `json:"stat"`
	}{changes, stat})
}

// marks are the signs that begin a change's line.
var marks = map[Op]string{Added: "+", Removed: "-", Changed: "~", Resourced: "="}

// Write writes the report as text: under a line naming each kind, one line
// per change, "+" added, "-" removed, "~" changed, "=" re-sourced, with
// its id and label, and under a changed or re-sourced one its fields as
// "key: old → new", then its sources and the quotes added (+) and
// removed (-); last a line of totals. An empty report writes nothing.
func (r Report) Write(w io.Writer) error {
	if r.Empty() {
		return nil
	}
	var b strings.Builder
	kind := ""
	for _, c := range r.Changes {
		if c.Kind != kind || b.Len() == 0 {
			kind = c.Kind
			b.WriteString(kind + "\n")
		}
		fmt.Fprintf(&b, "  %s %s", marks[c.Op], c.ID)
		if c.Label != "" {
			b.WriteString("  " + oneLine(c.Label))
		}
		b.WriteByte('\n')
		if c.Op == Added || c.Op == Removed {
			continue
		}
		for _, f := range c.Fields {
			fmt.Fprintf(&b, "      %s: %s → %s\n", f.Key, format(f.Old), format(f.New))
		}
		for _, f := range c.Sources {
			if f.Key != "quotes" {
				fmt.Fprintf(&b, "      %s: %s → %s\n", f.Key, format(f.Old), format(f.New))
				continue
			}
			gone, came := listDiff(asList(f.Old), asList(f.New))
			b.WriteString("      quotes:\n")
			for _, q := range gone {
				b.WriteString("        - " + oneLine(q) + "\n")
			}
			for _, q := range came {
				b.WriteString("        + " + oneLine(q) + "\n")
			}
		}
	}
	t := total(r.Stat())
	fmt.Fprintf(&b, "%d %s: %d added, %d removed, %d changed, %d re-sourced\n", t.Total(),
		plural(t.Total(), "difference", "differences"), t.Added, t.Removed, t.Changed, t.Resourced)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteStat writes the counts per kind as a table, with a total line; an
// empty report writes nothing.
func (r Report) WriteStat(w io.Writer) error {
	if r.Empty() {
		return nil
	}
	stat := r.Stat()
	rows := append(stat, total(stat))
	w0 := len("kind")
	for _, c := range rows {
		w0 = max(w0, len(c.Kind))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s  added  removed  changed  re-sourced\n", w0, "kind")
	for _, c := range rows {
		fmt.Fprintf(&b, "%-*s  %5d  %7d  %7d  %10d\n", w0, c.Kind, c.Added, c.Removed, c.Changed, c.Resourced)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// format writes a field's value: "(none)" when absent, a list in
// brackets.
func format(v any) string {
	switch v := v.(type) {
	case nil:
		return "(none)"
	case []string:
		items := make([]string, len(v))
		for i, s := range v {
			items[i] = oneLine(s)
		}
		return "[" + strings.Join(items, ", ") + "]"
	case string:
		return oneLine(v)
	}
	return fmt.Sprint(v)
}

// oneLine quotes a value that would break the line or hide its ends.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\n\r\t") || strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	return s
}

func asList(v any) []string {
	l, _ := v.([]string)
	return l
}

// listDiff returns the items of old not in new and those of new not in
// old, each as often as it is in excess, in their lists' order.
func listDiff(old, new []string) (gone, came []string) {
	n := make(map[string]int, len(new))
	for _, s := range new {
		n[s]++
	}
	for _, s := range old {
		if n[s] > 0 {
			n[s]--
		} else {
			gone = append(gone, s)
		}
	}
	o := make(map[string]int, len(old))
	for _, s := range old {
		o[s]++
	}
	for _, s := range new {
		if o[s] > 0 {
			o[s]--
		} else {
			came = append(came, s)
		}
	}
	return gone, came
}
