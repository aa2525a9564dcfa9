package kb

// FastCovers lets the external tests check parseFast on generated
// knowledge bases (package synth imports kb).
var FastCovers = fastCovers
