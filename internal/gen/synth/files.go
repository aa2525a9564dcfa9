package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/kb"
)

// MaxFileBytes is the default size limit of one knowledge-base file: the
// loader's limit (kb.MaxFileSize), and at most 4 MiB, so that the YAML
// tree of one file, the loader's largest transient, stays small.
const MaxFileBytes = min(kb.MaxFileSize, 4<<20)

// File is a file of a generated knowledge base.
type File struct {
	Name string // slash-separated, relative to the knowledge base's directory
	Data []byte
}

// Dir is a generated knowledge base as files: one or more YAML files, which
// together make the knowledge base, and the source texts they cite. It is a
// kb.FileReader, so it loads without touching the disk:
// kb.Load(dir, dir.KB...).
type Dir struct {
	KB    []string // the YAML files, in order: kb.yaml, or kb-0001.yaml, kb-0002.yaml, …
	Files []File   // the YAML files, then the source texts
	index map[string]int
}

// ReadFile returns a file's contents; the caller must not modify them.
func (d *Dir) ReadFile(name string) ([]byte, error) {
	if i, ok := d.index[path.Clean(name)]; ok {
		return d.Files[i].Data, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Size is the number of bytes of all the files.
func (d *Dir) Size() int64 {
	var n int64
	for _, f := range d.Files {
		n += int64(len(f.Data))
	}
	return n
}

// Files writes kb as YAML, split into files of at most maxBytes each
// (MaxFileBytes when maxBytes <= 0), and its source texts. The first file
// holds the name and title; the others continue the lists, which the
// loader merges.
func (base *KB) Files(maxBytes int) *Dir {
	if maxBytes <= 0 {
		maxBytes = MaxFileBytes
	}
	var shards [][]byte
	cur := []byte("# A synthetic knowledge base made by guazhi's internal/gen.\n")
	cur = kb.AppendField(cur, "name", base.Name)
	cur = kb.AppendField(cur, "title", base.Title)
	var rec []byte
	section := ""
	put := func(name string, rec []byte) {
		head := "\n" + name + ":\n"
		if section == name {
			head = ""
		}
		if len(cur)+len(head)+len(rec) > maxBytes && section != "" {
			shards = append(shards, cur)
			cur, head = nil, name+":\n"
		}
		cur = append(cur, head...)
		cur = append(cur, rec...)
		section = name
	}
	list := func(name string, n int, item func(i int) any) {
		for i := range n {
			rec = kb.AppendItem(rec[:0], item(i))
			put(name, rec)
		}
	}
	list("sources", len(base.Sources), func(i int) any { return &base.Sources[i] })
	list("entities", len(base.Entities), func(i int) any { return &base.Entities[i] })
	list("secondments", len(base.Secondments), func(i int) any { return &base.Secondments[i] })
	list("agreements", len(base.Agreements), func(i int) any { return &base.Agreements[i] })
	list("links", len(base.Links), func(i int) any { return &base.Links[i] })
	shards = append(shards, cur)

	d := &Dir{index: map[string]int{}}
	for i, s := range shards {
		name := "kb.yaml"
		if len(shards) > 1 {
			name = fmt.Sprintf("kb-%04d.yaml", i+1)
		}
		d.KB = append(d.KB, name)
		d.add(name, s)
	}
	base.addSources(d)
	return d
}

func (d *Dir) add(name string, data []byte) {
	d.index[name] = len(d.Files)
	d.Files = append(d.Files, File{Name: name, Data: data})
}

// Write writes the files under dir, creating directories as needed.
func (d *Dir) Write(dir string) error {
	for _, f := range d.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Load generates a knowledge base and loads it from memory, as guazhi
// check loads it from disk. It loads JSON Lines, the faster format: the
// graph is the same.
func Load(opt Options) (*graph.Graph, error) {
	d := Generate(opt).BulkFiles()
	return kb.Load(d, d.KB...)
}

// BulkFiles writes kb as one JSON Lines file, kb.jsonl (see docs/knowledge-base.md,
// "Bulk input"), and its source texts.
func (base *KB) BulkFiles() *Dir {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	put := func(v any) {
		if err := enc.Encode(v); err != nil {
			panic(err) // plain structs of strings cannot fail
		}
	}
	put(struct {
		Name  string `json:"name"`
		Title string `json:"title"`
	}{base.Name, base.Title})
	for i := range base.Sources {
		put(struct {
			S *Source `json:"source"`
		}{&base.Sources[i]})
	}
	for i := range base.Entities {
		put(struct {
			E *Entity `json:"entity"`
		}{&base.Entities[i]})
	}
	for i := range base.Secondments {
		put(struct {
			S *Secondment `json:"secondment"`
		}{&base.Secondments[i]})
	}
	for i := range base.Agreements {
		put(struct {
			A *Agreement `json:"agreement"`
		}{&base.Agreements[i]})
	}
	for i := range base.Links {
		put(struct {
			L *Link `json:"link"`
		}{&base.Links[i]})
	}
	d := &Dir{index: map[string]int{}, KB: []string{"kb.jsonl"}}
	d.add("kb.jsonl", b.Bytes())
	base.addSources(d)
	return d
}

func (base *KB) addSources(d *Dir) {
	for i, s := range base.Sources {
		if s.File != "" {
			d.add(s.File, []byte(base.Texts[i]))
		}
	}
}
