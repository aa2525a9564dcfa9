package kb

import "go.yaml.in/yaml/v3"

// A node is a YAML node as the decoder reads it: yaml.v3's Node without
// what kb never reads (comments, anchors' names) and with its kind, style
// and tag in a byte each. It takes 56 bytes where a yaml.Node takes 152,
// which is what bounds a file's tree: a flow list of one-letter items has
// a node for every two bytes of the file.
type node struct {
	Value    string  // a scalar's value; an alias's name
	Content  []*node // a collection's children (a mapping's keys and values in turn); a document's one node; the node an alias stands for (see alias)
	Line     int32   // where the node starts, from 1; an anchor or a tag before it included
	Column   int32   // in characters, from 1
	Kind     kind
	Style    style
	Tag      tag
	Anchored bool // the node has an anchor, which aliases may refer to
}

// alias returns the node that the alias n stands for, nil when n is no
// alias. It is n's one child, which walks of a tree do not go into.
func (n *node) alias() *node {
	if n.Kind != aliasNode || len(n.Content) == 0 {
		return nil
	}
	return n.Content[0]
}

// children returns the children of a collection or document, nil for a
// scalar or an alias.
func (n *node) children() []*node {
	if n.Kind == aliasNode {
		return nil
	}
	return n.Content
}

// kind is a node's kind, with yaml.Kind's values.
type kind uint8

const (
	documentNode = kind(yaml.DocumentNode)
	sequenceNode = kind(yaml.SequenceNode)
	mappingNode  = kind(yaml.MappingNode)
	scalarNode   = kind(yaml.ScalarNode)
	aliasNode    = kind(yaml.AliasNode)
)

// style is a node's style, with yaml.Style's bits.
type style uint8

const (
	taggedStyle       = style(yaml.TaggedStyle)
	doubleQuotedStyle = style(yaml.DoubleQuotedStyle)
	singleQuotedStyle = style(yaml.SingleQuotedStyle)
	flowStyle         = style(yaml.FlowStyle)
)

// tag is a node's resolved tag: one of YAML's own, or tagOther for one a
// document names itself (!custom), which kb refuses. The tag a document
// writes is read from the file where the node starts (writtenTag).
type tag uint8

const (
	tagNone tag = iota // an alias's
	tagStr
	tagNull
	tagBool
	tagInt
	tagFloat
	tagTimestamp
	tagBinary
	tagMerge
	tagMap
	tagSeq
	tagOther
)

var tagNames = [...]string{
	tagNone: "", tagStr: "!!str", tagNull: "!!null", tagBool: "!!bool", tagInt: "!!int",
	tagFloat: "!!float", tagTimestamp: "!!timestamp", tagBinary: "!!binary", tagMerge: "!!merge",
	tagMap: "!!map", tagSeq: "!!seq", tagOther: "!",
}

func (t tag) String() string { return tagNames[t] }

// tagOf returns the tag of yaml.v3's short form s.
func tagOf(s string) tag {
	for t, name := range tagNames[:tagOther] {
		if name == s {
			return tag(t)
		}
	}
	return tagOther
}

// fromYAML returns the tree of nodes of yaml.v3's tree n, its aliases
// standing for the nodes their anchors' nodes became.
func fromYAML(n *yaml.Node) *node {
	anchored := map[*yaml.Node]*node{}
	var conv func(n *yaml.Node) *node
	conv = func(n *yaml.Node) *node {
		c := &node{Value: n.Value, Line: int32(n.Line), Column: int32(n.Column),
			Kind: kind(n.Kind), Style: style(n.Style), Tag: tagOf(n.Tag), Anchored: n.Anchor != ""}
		if n.Kind == yaml.AliasNode {
			c.Content = []*node{anchored[n.Alias]}
		}
		if c.Anchored {
			anchored[n] = c // before its children: an alias in its own anchor's node stands for it
		}
		if len(n.Content) > 0 {
			c.Content = make([]*node, len(n.Content))
			for i, k := range n.Content {
				c.Content[i] = conv(k)
			}
		}
		return c
	}
	return conv(n)
}
