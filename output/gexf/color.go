package gexf

import (
	"github.com/guazhi/guazhi/graph"
	"github.com/guazhi/guazhi/output/internal/gephi"
)

// color is an RGB colour.
type color struct{ R, G, B uint8 }

// jurisdictionColor is the base colour of each jurisdiction.
var jurisdictionColor = map[string]color{
	"beijing":  {204, 51, 51},
	"hebei":    {41, 98, 176},
	"tianjin":  {38, 140, 84},
	"national": {196, 140, 24},
	"other":    {120, 120, 120},
	"foreign":  {128, 72, 160},
}

// nodeColor colours a node by its jurisdiction, lighter for officials and
// darker for companies and organisations than for government bodies.
func nodeColor(e *graph.Entity) color {
	c, ok := jurisdictionColor[e.Jurisdiction]
	if !ok {
		c = jurisdictionColor["other"]
	}
	switch e.Kind {
	case graph.Official:
		return mix(c, color{255, 255, 255}, 0.45)
	case graph.Company, graph.Organisation:
		return mix(c, color{0, 0, 0}, 0.35)
	}
	return c
}

// edgeColor colours an edge by its relation kind.
func edgeColor(kind string) color {
	switch kind {
	case graph.Secondment:
		return color{220, 60, 60}
	case graph.Post:
		return color{150, 150, 150}
	case graph.Agreement:
		return color{40, 150, 70}
	case graph.PartOf:
		return color{200, 200, 200}
	}
	return color{130, 80, 170} // links
}

// writeColor writes c as a viz:color without alpha: Gephi Lite ignores
// colours that carry one.
func writeColor(x *gephi.Encoder, c color) {
	x.Start("viz:color")
	x.AttrInt("r", int(c.R))
	x.AttrInt("g", int(c.G))
	x.AttrInt("b", int(c.B))
	x.End("viz:color")
}

// mix moves c the fraction f of the way towards d.
func mix(c, d color, f float64) color {
	ch := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*f + 0.5) }
	return color{ch(c.R, d.R), ch(c.G, d.G), ch(c.B, d.B)}
}
