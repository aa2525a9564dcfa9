package json

// Hooks for the external tests.
var (
	RefWrite      = refWrite
	AppendEscaped = appendEscaped
)
