package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A write that fails names its target, never the temporary file, and leaves none.
func TestWriteErrorNamesTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "page.pdf")
	if err := os.MkdirAll(filepath.Join(target, "full"), 0o755); err != nil {
		t.Fatal(err) // a folder that is not empty: the rename over it fails
	}
	err := newTempFiles().write(target, []byte("%PDF-1.7\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "write "+target+": ") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("error %v, want one naming %s and no temporary file", err, target)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d files beside the target", len(entries)-1)
	}
}
