// Package synth generates deterministic synthetic knowledge bases, at any
// size, for guazhi's benchmarks and scale tests.
package synth
