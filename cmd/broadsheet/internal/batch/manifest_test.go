package batch

import (
	"os"
	"path/filepath"
	"testing"
)

// TestManifestIgnoresTornLines: a line cut short by a crash, or not JSON at all, is
// skipped, and the lines before and after it are read; a later line of a PDF replaces
// an earlier one.
func TestManifestIgnoresTornLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), ManifestName)
	data := `{"pdf":"a.pdf","key":"k1","sha256":"s1","input":"a.toml","status":0}
not json
{"pdf":"b.pdf","key":"k2","sha256":"s2","input":"b.toml","status":1}
{"pdf":"a.pdf","key":"k3","sha256":"s3","input":"a.toml","status":0}
{"pdf":"c.pdf","key":"k4","sha2`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := ReadManifest(path)
	if len(recs) != 2 || recs["a.pdf"].Key != "k3" || recs["b.pdf"].Status != 1 {
		t.Errorf("records %+v", recs)
	}
}
