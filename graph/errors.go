package graph

import "errors"

// Sentinel errors of looking things up in a graph, wrapped by the errors
// of Resolve and the filters, and by the knowledge-base loader's for the
// same mistakes in a file, so callers can test with errors.Is.
var (
	ErrUnknownRef   = errors.New("unknown reference")
	ErrAmbiguousRef = errors.New("ambiguous reference")
	ErrDate         = errors.New("bad date")
)
