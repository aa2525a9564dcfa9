package csv

// RefWrite is the reference implementation, for the external tests.
var RefWrite = refWrite
