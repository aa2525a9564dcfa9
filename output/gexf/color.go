package gexf

import (
	"github.com/guazhi/guazhi/output/internal/gephi"
	"github.com/guazhi/guazhi/output/internal/palette"
)

// writeColor writes c as a viz:color without alpha: Gephi Lite ignores
// colours that carry one. Nodes take palette.Node's Solid colour, edges
// palette.Edge: the same hues as the diagram.
func writeColor(x *gephi.Encoder, c palette.RGB) {
	x.Start("viz:color")
	x.AttrInt("r", int(c.R))
	x.AttrInt("g", int(c.G))
	x.AttrInt("b", int(c.B))
	x.End("viz:color")
}
