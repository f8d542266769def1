// Package e2e_test holds tests and benchmarks that run Satchel's parts
// together over the real encrypted vault: the import pipeline of package
// wallet writing into package storage.
package e2e_test
