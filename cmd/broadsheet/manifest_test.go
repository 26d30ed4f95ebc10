package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestManifestIgnoresTornLines: a line cut short by a crash, or not JSON at all, is
// skipped, and the lines before and after it are read; a later line of a PDF replaces
// an earlier one.
func TestManifestIgnoresTornLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), manifestName)
	data := `{"pdf":"a.pdf","key":"k1","sha256":"s1","input":"a.toml","status":0}
not json
{"pdf":"b.pdf","key":"k2","sha256":"s2","input":"b.toml","status":1}
{"pdf":"a.pdf","key":"k3","sha256":"s3","input":"a.toml","status":0}
{"pdf":"c.pdf","key":"k4","sha2`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := readManifest(path)
	if len(recs) != 2 || recs["a.pdf"].Key != "k3" || recs["b.pdf"].Status != 1 {
		t.Errorf("records %+v", recs)
	}
}

// TestTimestampsAreNotTrusted: touching the issue files and the PDFs, to the past or
// the future, rebuilds nothing.
func TestTimestampsAreNotTrusted(t *testing.T) {
	dir := writeArchive(t, 3)
	out := filepath.Join(t.TempDir(), "out")
	report := filepath.Join(t.TempDir(), "run.jsonl")
	broadsheet(t, "-q", "-o", out, dir)
	past, future := time.Now().Add(-24*time.Hour), time.Now().Add(24*time.Hour)
	filepath.WalkDir(dir, func(p string, _ os.DirEntry, _ error) error { return os.Chtimes(p, future, future) })
	filepath.WalkDir(out, func(p string, _ os.DirEntry, _ error) error { return os.Chtimes(p, past, past) })
	broadsheet(t, "-q", "-o", out, "--report", report, dir)
	pages, _ := readJSONL(t, report)
	if n := byState(pages); n["skipped"] != 3 {
		t.Errorf("after touching every file: %v, want 3 skipped", n)
	}
}
