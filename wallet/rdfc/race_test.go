//go:build race

package rdfc_test

// slowdown stretches wall-clock bounds under the race detector, which runs
// this code several times slower; BenchmarkPoisonGraphRefusal measures the
// real time.
const slowdown = 10
