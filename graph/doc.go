// Package graph holds a knowledge base of officials' secondments, the
// bodies they come from and go to, and the agreements they broker as a
// graph for the writers under output/: entities and relations, their
// attributes, filters, stats, brokers and the overview by group. Package
// kb reads the knowledge-base files and builds a Graph with New.
//
// A Graph's Entities are sorted by id and its Relations kept in one
// canonical order, so writers that range over them are deterministic.
// Writers read them through the attribute view (NodeAttrs and
// Entity.Attrs, EdgeAttrs and Graph.RelationAttrs), the one declaration of
// what each node and edge carries, and name edges by Graph.EdgeIDs.
// Graph.Select keeps a part of the graph (a Selection), and Graph.Stats
// counts it. SameFact and Relate say when two relations state one fact,
// for the loader's fusion and for tools that compare knowledge bases.
package graph
