//go:build !race

package rdfc_test

// slowdown stretches wall-clock bounds under the race detector; without it
// the bounds hold as written.
const slowdown = 1
