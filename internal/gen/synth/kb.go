package synth

// The records of a knowledge base, one struct per kind of record, with the
// knowledge base's keys (docs/keys.md) as their yaml and json names. They hold strings as a
// curator writes them (dates as YYYY, YYYY-MM or YYYY-MM-DD; references as
// entity ids), so that any encoding of the schema (the YAML Files writes,
// JSON, a line per record) can be made from them.

// KB is a generated knowledge base.
type KB struct {
	Name        string       `yaml:"name" json:"name"`
	Title       string       `yaml:"title" json:"title"`
	Sources     []Source     `yaml:"sources" json:"sources"`
	Entities    []Entity     `yaml:"entities" json:"entities"`
	Secondments []Secondment `yaml:"secondments" json:"secondments"`
	Agreements  []Agreement  `yaml:"agreements" json:"agreements"`
	Links       []Link       `yaml:"links" json:"links"`
}

// Source is a generated article; Text holds every quote that cites it.
type Source struct {
	ID        string `yaml:"id" json:"id"`
	Title     string `yaml:"title" json:"title"`
	Publisher string `yaml:"publisher,omitempty" json:"publisher,omitempty"`
	Date      string `yaml:"date,omitempty" json:"date,omitempty"`
	File      string `yaml:"file,omitempty" json:"file,omitempty"`
	Text      string `yaml:"-" json:"-"`
}

// Entity is an official, body, company or organisation.
type Entity struct {
	ID           string   `yaml:"id" json:"id"`
	Kind         string   `yaml:"kind" json:"kind"`
	Name         string   `yaml:"name" json:"name"`
	NameEn       string   `yaml:"name_en,omitempty" json:"name_en,omitempty"`
	FullName     string   `yaml:"full_name,omitempty" json:"full_name,omitempty"`
	Aliases      []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	Jurisdiction string   `yaml:"jurisdiction,omitempty" json:"jurisdiction,omitempty"`
	Parent       string   `yaml:"parent,omitempty" json:"parent,omitempty"`
}

// Evidence is a quote from a source.
type Evidence struct {
	Source   string `yaml:"source" json:"source"`
	Quote    string `yaml:"quote" json:"quote"`
	Inferred bool   `yaml:"inferred,omitempty" json:"inferred,omitempty"`
	Note     string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Role is an official's part in an agreement or link.
type Role struct {
	Official string `yaml:"official" json:"official"`
	Role     string `yaml:"role,omitempty" json:"role,omitempty"`
}

// Place is one end of a secondment; only the home end (from) has evidence.
type Place struct {
	Body     string     `yaml:"body" json:"body"`
	Post     string     `yaml:"post,omitempty" json:"post,omitempty"`
	Evidence []Evidence `yaml:"evidence,omitempty" json:"evidence,omitempty"`
}

// Secondment is an official's move from a home body to a host body.
type Secondment struct {
	Official string     `yaml:"official" json:"official"`
	From     Place      `yaml:"from" json:"from"`
	To       Place      `yaml:"to" json:"to"`
	Start    string     `yaml:"start,omitempty" json:"start,omitempty"`
	End      string     `yaml:"end,omitempty" json:"end,omitempty"`
	Evidence []Evidence `yaml:"evidence" json:"evidence"`
}

// Agreement is a deal among two or more parties.
type Agreement struct {
	ID        string     `yaml:"id" json:"id"`
	Title     string     `yaml:"title" json:"title"`
	Parties   []string   `yaml:"parties" json:"parties"`
	Status    string     `yaml:"status" json:"status"`
	Date      string     `yaml:"date,omitempty" json:"date,omitempty"`
	Value     string     `yaml:"value,omitempty" json:"value,omitempty"`
	Venue     string     `yaml:"venue,omitempty" json:"venue,omitempty"`
	Officials []Role     `yaml:"officials,omitempty" json:"officials,omitempty"`
	Evidence  []Evidence `yaml:"evidence" json:"evidence"`
}

// Link is any other typed relation: a meeting, a visit, …
type Link struct {
	Kind      string     `yaml:"kind" json:"kind"`
	From      string     `yaml:"from" json:"from"`
	To        string     `yaml:"to" json:"to"`
	Date      string     `yaml:"date,omitempty" json:"date,omitempty"`
	Title     string     `yaml:"title,omitempty" json:"title,omitempty"`
	Officials []Role     `yaml:"officials,omitempty" json:"officials,omitempty"`
	Evidence  []Evidence `yaml:"evidence" json:"evidence"`
}

// Relations is how many relations the graph built from kb has: a
// secondment and a home post per secondment, one per pair of an
// agreement's parties, one per link and one per entity with a parent.
func (kb *KB) Relations() int {
	n := 2 * len(kb.Secondments)
	for _, a := range kb.Agreements {
		n += len(a.Parties) * (len(a.Parties) - 1) / 2
	}
	n += len(kb.Links)
	for _, e := range kb.Entities {
		if e.Parent != "" {
			n++
		}
	}
	return n
}
