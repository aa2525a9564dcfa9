// Package graph loads a knowledge base of officials' secondments, the
// bodies they come from and go to, and the agreements they broker, checks
// it (every reference resolved, every quote found verbatim in its source),
// and holds it as a graph for the writers under output/.
//
// Load and Parse read YAML or JSON Lines knowledge bases through a
// FileReader (OSReader for the file system) and return a Graph, or an
// ErrorList whose every error names file:line:col and wraps a sentinel
// (ErrUnknownRef, ErrInvalid, …). A Graph's Entities are sorted by id and
// its Relations kept in one canonical order, so writers that range over
// them are deterministic. Writers read them through the attribute view
// (NodeAttrs and Entity.Attrs, EdgeAttrs and Graph.RelationAttrs), the one
// declaration of what each node and edge carries, and name edges by
// Graph.EdgeIDs. Graph.Select keeps a part of the graph (a Selection),
// and Graph.Stats counts it.
package graph
