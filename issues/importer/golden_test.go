package importer

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the importer's output")

// TestGolden imports every testdata/*.txt and compares the issue file with
// testdata/*.golden, so that a change in what the importer makes of a page, or in the
// guesses it notes, shows as a diff to read; go test ./issues/importer -update
// rewrites them.
func TestGolden(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, name := range names {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Import(filepath.Base(name), text, Meta{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := p.TOML()
		golden := strings.TrimSuffix(name, ".txt") + ".golden"
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: the import differs from %s (go test -update rewrites it; read the diff)", name, golden)
		}
	}
}
