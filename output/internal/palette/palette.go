// Package palette is the one table of colours every output format takes its
// node and edge colours from: a hue per jurisdiction (and for agreements,
// which have none), shaded by entity kind, and a colour per relation kind.
package palette

import (
	"fmt"

	"github.com/guazhi/guazhi/graph"
)

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// Hex returns the colour as #rrggbb.
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Mix moves c the fraction f of the way towards d.
func (c RGB) Mix(d RGB, f float64) RGB {
	ch := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*f + 0.5) }
	return RGB{ch(c.R, d.R), ch(c.G, d.G), ch(c.B, d.B)}
}

var (
	white = RGB{255, 255, 255}
	black = RGB{0, 0, 0}
)

// jurisdictions holds the hue of each jurisdiction, in graph.Jurisdictions
// order, with the names the legends give them.
var jurisdictions = map[string]struct {
	c    RGB
	name string
}{
	"beijing":  {RGB{36, 113, 163}, "北京 Beijing"},
	"hebei":    {RGB{192, 57, 43}, "河北 Hebei"},
	"tianjin":  {RGB{0, 151, 167}, "天津 Tianjin"},
	"national": {RGB{185, 119, 14}, "中央 national"},
	"other":    {RGB{112, 123, 124}, "其他 other"},
	"foreign":  {RGB{142, 68, 173}, "外国 foreign"},
}

// agreementHue is the hue of agreements' nodes, which have no
// jurisdiction, and of the edges that tie parties to them.
var agreementHue = RGB{30, 132, 73}

// Jurisdiction returns a jurisdiction's hue; an unknown or empty one is
// "other".
func Jurisdiction(j string) RGB {
	if v, ok := jurisdictions[j]; ok {
		return v.c
	}
	return jurisdictions["other"].c
}

// JurisdictionName is the bilingual name legends give a jurisdiction.
func JurisdictionName(j string) string {
	if v, ok := jurisdictions[j]; ok {
		return v.name
	}
	return j
}

// Node is how an entity is coloured.
type Node struct {
	// Fill and Line are a diagram's fill (a light tint of the hue) and
	// outline (the hue, darkened).
	Fill, Line RGB
	// Solid is the colour for network tools that draw small discs (Gephi):
	// the hue, lighter for officials and darker for companies and
	// organisations.
	Solid RGB
}

// NodeOf returns the colours of an entity of the given kind and
// jurisdiction: the hue is the jurisdiction's (an agreement's own), and the
// kind sets the shade.
func NodeOf(kind, jurisdiction string) Node {
	hue := Jurisdiction(jurisdiction)
	if kind == graph.Agreement {
		hue = agreementHue
	}
	n := Node{Fill: hue.Mix(white, 0.82), Line: hue.Mix(black, 0.2), Solid: hue}
	switch kind {
	case graph.Official:
		n.Fill = hue.Mix(white, 0.62)
		n.Solid = hue.Mix(white, 0.45)
	case graph.Company, graph.Organisation:
		n.Fill = hue.Mix(white, 0.9)
		n.Solid = hue.Mix(black, 0.35)
	}
	return n
}

// edges holds the colour of each relation kind with a fixed meaning.
var edges = map[string]RGB{
	graph.Secondment: {192, 57, 43},
	graph.Post:       {36, 113, 163},
	graph.Agreement:  agreementHue,
	graph.Party:      agreementHue,
	graph.Brokered:   {211, 84, 0},
	graph.PartOf:     {144, 148, 151},
}

// linkColor is the colour of every link kind (meeting, visit, …).
var linkColor = RGB{125, 60, 152}

// Edge returns the colour of a relation kind.
func Edge(kind string) RGB {
	if c, ok := edges[kind]; ok {
		return c
	}
	return linkColor
}

// IsLink reports whether a relation kind is a link kind, drawn in the one
// link colour.
func IsLink(kind string) bool {
	_, ok := edges[kind]
	return !ok
}
