package ftm_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// model is the FollowTheMoney model as the npm package
// @alephdata/followthemoney ships it (testdata/followthemoney/model.json):
// every schema with its own properties, its ancestors ("schemata",
// itself included) and its required properties, and every property type.
type model struct {
	Schemata map[string]*schema `json:"schemata"`
	Types    map[string]*struct {
		MaxLength int               `json:"maxLength"`
		Values    map[string]string `json:"values"`
	} `json:"types"`
}

type schema struct {
	Abstract   bool                 `json:"abstract"`
	Deprecated bool                 `json:"deprecated"`
	Schemata   []string             `json:"schemata"`
	Required   []string             `json:"required"`
	Properties map[string]*property `json:"properties"`
	Edge       *struct {
		Source string `json:"source"`
		Target string `json:"target"`
	} `json:"edge"`
}

type property struct {
	Type       string `json:"type"`
	Range      string `json:"range"`
	MaxLength  int    `json:"maxLength"`
	Stub       bool   `json:"stub"`
	Deprecated bool   `json:"deprecated"`
}

var loadModel = sync.OnceValues(func() (*model, error) {
	data, err := os.ReadFile(filepath.Join("testdata", "followthemoney", "model.json"))
	if err != nil {
		return nil, err
	}
	var m model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	return &m, nil
})

func theModel(t testing.TB) *model {
	t.Helper()
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// prop finds the property name of schema s or of one of its ancestors.
func (m *model) prop(s *schema, name string) *property {
	for _, a := range s.Schemata {
		if p := m.Schemata[a].Properties[name]; p != nil {
			return p
		}
	}
	return nil
}

// required lists the properties s and its ancestors require.
func (m *model) required(s *schema) []string {
	var req []string
	for _, a := range s.Schemata {
		for _, r := range m.Schemata[a].Required {
			if !slices.Contains(req, r) {
				req = append(req, r)
			}
		}
	}
	return req
}

var (
	idPattern   = regexp.MustCompile(`^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$`)
	datePattern = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?)?)?)?$`)
	numPattern  = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
)

// validDate reports whether v is a FollowTheMoney date: a prefix of an ISO
// 8601 time stamp, naming a real day.
func validDate(v string) bool {
	if !datePattern.MatchString(v) {
		return false
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02", "2006-01-02T15", "2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if len(layout) == len(v) {
			_, err := time.Parse(layout, v)
			return err == nil
		}
	}
	return false
}

// line is one entity of a file, as written.
type line struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// validate checks a FollowTheMoney JSON Lines file against the model: each
// line one object of exactly id, schema and properties; the id matches the
// pattern, has at most 200 characters and is unique; the schema exists and
// is neither abstract nor deprecated; each property exists in the schema or
// an ancestor and is neither deprecated nor a stub (reverse-only); each
// value is a non-blank string no longer than the model allows, of its
// type (dates, country codes, http URLs, numbers), each once; the required
// properties and an edge's two ends are there; and each entity reference
// names an entity of the file whose schema is the property's range or
// descends from it. It returns the problems and the count of each schema.
func validate(m *model, data []byte) (problems []string, counts map[string]int) {
	counts = map[string]int{}
	schemaOf := map[string]*schema{}
	type ref struct {
		line         int
		from, prop   string
		target, rnge string
	}
	var refs []ref
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	n := 0
	for sc.Scan() {
		n++
		fail := func(format string, a ...any) {
			problems = append(problems, fmt.Sprintf("line %d: ", n)+fmt.Sprintf(format, a...))
		}
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &keys); err != nil {
			fail("%v", err)
			continue
		}
		if len(keys) != 3 || keys["id"] == nil || keys["schema"] == nil || keys["properties"] == nil {
			fail("keys %v, want id, schema and properties", slices.Sorted(func(yield func(string) bool) {
				for k := range keys {
					if !yield(k) {
						return
					}
				}
			}))
		}
		d := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		d.DisallowUnknownFields()
		var e line
		if err := d.Decode(&e); err != nil {
			fail("%v", err)
			continue
		}
		if !idPattern.MatchString(e.ID) || utf8.RuneCountInString(e.ID) > 200 {
			fail("id %q does not match the pattern or is longer than 200", e.ID)
		}
		if schemaOf[e.ID] != nil {
			fail("id %s is used twice", e.ID)
		}
		s := m.Schemata[e.Schema]
		if s == nil {
			fail("no schema %q", e.Schema)
			continue
		}
		schemaOf[e.ID] = s
		counts[e.Schema]++
		if s.Abstract || s.Deprecated {
			fail("schema %s is abstract or deprecated", e.Schema)
		}
		for name, values := range e.Properties {
			p := m.prop(s, name)
			switch {
			case p == nil:
				fail("%s has no property %s", e.Schema, name)
				continue
			case p.Deprecated || p.Stub:
				fail("%s:%s is deprecated or a stub", e.Schema, name)
			case len(values) == 0:
				fail("%s: no values", name)
			}
			max := p.MaxLength
			if max == 0 {
				max = m.Types[p.Type].MaxLength
			}
			for i, v := range values {
				if slices.Contains(values[:i], v) {
					fail("%s: %q twice", name, v)
				}
				if strings.TrimSpace(v) == "" {
					fail("%s: blank value", name)
				}
				if k := utf8.RuneCountInString(v); k > max {
					fail("%s: %d characters, more than %d", name, k, max)
				}
				switch p.Type {
				case "date":
					if !validDate(v) {
						fail("%s: %q is not a date", name, v)
					}
				case "country":
					if _, ok := m.Types["country"].Values[v]; !ok {
						fail("%s: %q is not a country code", name, v)
					}
				case "url":
					if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
						fail("%s: %q is not an http URL", name, v)
					}
				case "number":
					if !numPattern.MatchString(v) {
						fail("%s: %q is not a number", name, v)
					}
				case "entity":
					refs = append(refs, ref{n, e.ID, e.Schema + ":" + name, v, p.Range})
				}
			}
		}
		for _, r := range m.required(s) {
			if len(e.Properties[r]) == 0 {
				fail("%s %s has no %s, which the model requires", e.Schema, e.ID, r)
			}
		}
		if s.Edge != nil && (len(e.Properties[s.Edge.Source]) == 0 || len(e.Properties[s.Edge.Target]) == 0) {
			fail("edge %s %s lacks %s or %s", e.Schema, e.ID, s.Edge.Source, s.Edge.Target)
		}
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, err.Error())
	}
	for _, r := range refs {
		s := schemaOf[r.target]
		switch {
		case s == nil:
			problems = append(problems, fmt.Sprintf("line %d: %s %s names %s, which is not in the file", r.line, r.from, r.prop, r.target))
		case !slices.Contains(s.Schemata, r.rnge):
			problems = append(problems, fmt.Sprintf("line %d: %s %s names %s, not a %s", r.line, r.from, r.prop, r.target, r.rnge))
		}
	}
	return problems, counts
}

// checkModel fails the test with every problem validate finds in data,
// and returns the counts by schema.
func checkModel(t *testing.T, data []byte) map[string]int {
	t.Helper()
	problems, counts := validate(theModel(t), data)
	for i, p := range problems {
		if i == 20 {
			t.Errorf("… and %d more", len(problems)-i)
			break
		}
		t.Error(p)
	}
	return counts
}
