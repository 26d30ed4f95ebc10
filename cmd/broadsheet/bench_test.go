package main

import (
	"path/filepath"
	"testing"
)

// BenchmarkSamplePage sets the sample page as the command does, in the process:
// decode, compose, write the PDF atomically. The sample reports a few empty column
// feet (exit 1): the PDF is written all the same.
func BenchmarkSamplePage(b *testing.B) {
	out := filepath.Join(b.TempDir(), "page.pdf")
	for i := 0; i < b.N; i++ {
		if r := setPage(job{in: sample, out: out}, config{}); r.Status > exitAttention || r.Output == "" {
			b.Fatalf("status %d: %v", r.Status, r.Errors)
		}
	}
}
