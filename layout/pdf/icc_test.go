package pdf

import (
	"bytes"
	"compress/zlib"
	"flag"
	"io"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the packed colour profiles from the .icc files")

// The packed profiles the binary embeds are the .icc files of icc/, deflated once
// (at zlib's best level): after a profile changes, run
// go test ./layout/pdf -run TestPackedProfiles -update.
func TestPackedProfiles(t *testing.T) {
	for _, p := range []struct {
		icc    string
		packed []byte
	}{
		{"icc/TR002-coldset-newsprint-240.icc", newsprintPacked},
		{"icc/sRGB.icm", srgbPacked},
	} {
		raw, err := os.ReadFile(p.icc)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			var b bytes.Buffer
			w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
			w.Write(raw)
			w.Close()
			if err := os.WriteFile(p.icc+".zlib", b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		r, err := zlib.NewReader(bytes.NewReader(p.packed))
		if err != nil {
			t.Fatalf("%s.zlib: %v", p.icc, err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("%s.zlib does not inflate to %s (%v): run with -update", p.icc, p.icc, err)
		}
	}
}
