package main

import (
	"path/filepath"
	"testing"
)

// BenchmarkSamplePage sets the sample page as the command does, in the process:
// decode, compose, write the PDF atomically.
func BenchmarkSamplePage(b *testing.B) {
	out := filepath.Join(b.TempDir(), "page.pdf")
	for i := 0; i < b.N; i++ {
		if r := setPage(job{sample, out}, config{}); r.Status != exitOK {
			b.Fatalf("status %d: %v", r.Status, r.Errors)
		}
	}
}
