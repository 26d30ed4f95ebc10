package main

import (
	"path/filepath"
	"testing"

	"broadsheet/cmd/broadsheet/internal/archive"
	"broadsheet/cmd/broadsheet/internal/batch"
)

// BenchmarkArchivePage sets the pages of a varied 16-page archive one after another in
// the process, as a directory run's worker does (decode, compose, write the PDF, record
// it in the manifest); one op is one page. Profile it to see where a page's time goes:
//
//	go test -run '^$' -bench ArchivePage -cpuprofile cpu.out ./cmd/broadsheet
func BenchmarkArchivePage(b *testing.B) {
	pages, err := archive.Write(filepath.Join(b.TempDir(), "archive"), "../../issues", 16)
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	c := config{runs: batch.Options{Force: true}}
	run, err := startBatch(len(pages), c, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		in := pages[i%len(pages)]
		if r := buildPage(run, job{in: in, out: filepath.Join(out, filepath.Base(filepath.Dir(in))+filepath.Base(in)+".pdf")}, c); r.Status > exitAttention {
			b.Fatalf("%s: status %d: %v", in, r.Status, r.Errors)
		}
	}
}
