// Package kb reads knowledge bases: YAML or JSON Lines files of sources,
// entities, secondments, agreements and links, each fact resting on quotes
// from its sources. Load and Parse read them through a FileReader
// (OSReader for the file system), fuse what several files say about one
// fact, check every reference and every quote against its source's text,
// and return a graph.Graph, or an ErrorList whose every error names
// file:line:col and wraps a sentinel (ErrUnknownKey, ErrQuote, …).
// fields.go declares every key once; the decoders, the builder and
// docs/keys.md follow it. The built-in data sets are embedded (Builtins).
package kb
