package kb

import (
	"path"
	"slices"
	"strings"
	"sync"
)

// Builtin is a data set embedded in guazhi, which knowledge bases and
// commands can name instead of giving a path: a file's `uses:
// [jingji-2015]`, or `jingji-2015` as an argument where a knowledge-base file
// is expected.
type Builtin struct {
	Name  string // what users call it
	Title string
	file  string // in the embedded file system
}

// builtins lists the embedded data sets, sorted by name.
var builtins = []Builtin{
	{Name: "jingji-2015", Title: "京冀互派挂职干部(2015):澎湃新闻 2015-11-17", file: DefaultFile},
}

// Builtins lists the built-in data sets, sorted by name.
func Builtins() []Builtin { return slices.Clone(builtins) }

// BuiltinNames lists the names of the built-in data sets.
func BuiltinNames() []string {
	var out []string
	for _, b := range builtins {
		out = append(out, b.Name)
	}
	return out
}

// builtinPrefix starts the file name a built-in data set's positions are
// reported with: built-in:jingji-2015.yaml:12:5.
const builtinPrefix = "built-in:"

// BuiltinInput returns the built-in data set with the given name as an
// Input, and whether there is one. Its file name in messages is
// "built-in:NAME.yaml", and its source files are read from the embedded
// file system, whatever FileReader loads it.
func BuiltinInput(name string) (Input, bool) {
	for _, b := range builtins {
		if b.Name == name {
			data, err := data.ReadFile(b.file)
			if err != nil {
				panic("graph: embedded data set " + b.file + " is missing: " + err.Error())
			}
			return Input{Name: builtinPrefix + name + ".yaml", Data: data, builtin: &builtins[slices.Index(builtins, b)]}, true
		}
	}
	return Input{}, false
}

// builtinSource reads a source file that a built-in data set names.
func builtinSource(b *Builtin, file string) ([]byte, error) {
	return data.ReadFile(path.Join(path.Dir(b.file), file))
}

// builtinForms maps each surface form (id, name, full name, alias) of the
// entities of each built-in data set to their ids, for the hint given when
// a reference resolves only in a data set that was not included.
var builtinForms = sync.OnceValue(func() map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for _, b := range builtins {
		in, _ := BuiltinInput(b.Name)
		doc := decodeFile(in.Name, in.Data, &errs{})
		forms := map[string][]string{}
		for _, e := range doc.entities {
			for _, f := range append([]str{e.id, e.name, e.fullName}, e.aliases...) {
				if f.ok && !slices.Contains(forms[f.V], e.id.V) {
					forms[f.V] = append(forms[f.V], e.id.V)
				}
			}
		}
		out[b.Name] = forms
	}
	return out
})

// builtinHint says which built-in data sets not included resolve ref, and
// how to include them; "" when none does, or when an entity it would
// resolve to is known (defined by the files loaded under the same id).
func builtinHint(ref string, included map[string]bool, known func(id string) bool) string {
	var found, names []string
	for _, b := range builtins {
		if included[b.Name] {
			continue
		}
		if ids := builtinForms()[b.Name][ref]; len(ids) > 0 && !slices.ContainsFunc(ids, known) {
			found = append(found, strings.Join(ids, ", ")+" in the built-in data set "+b.Name)
			names = append(names, b.Name)
		}
	}
	if len(found) == 0 {
		return ""
	}
	return "; it is " + strings.Join(found, " and ") + ": add `uses: [" + strings.Join(names, ", ") +
		"]` to the file, or name " + strings.Join(names, " ") + " on the command line"
}
