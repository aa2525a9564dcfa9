// Package diff reports what changed between two knowledge bases: the
// entities, sources and facts added, removed, changed or only re-sourced,
// each matched by its identity (entities and sources by id, relations by
// kind, ends and fusion's rule for one fact, graph.SameFact).
package diff
