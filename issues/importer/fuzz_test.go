package importer

import (
	"os"
	"path/filepath"
	"testing"

	"broadsheet/issues"
)

// FuzzImport: whatever the text and its file's name, an import either fails with a message or gives an
// issue file that decodes strictly.
func FuzzImport(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(n), data)
	}
	f.Add("2023-11-21-p7.txt", []byte("标题\n\n本报讯(记者 王)\n\n正文\"\\\x00。记者 李四"))
	f.Fuzz(func(t *testing.T, name string, text []byte) {
		p, err := Import(name, text, Meta{})
		if err != nil {
			return
		}
		out := p.TOML()
		if _, err := issues.DecodeBytes("page.toml", out); err != nil {
			t.Fatalf("the import does not decode: %v\n%s", err, out)
		}
		if !Untouched(out) {
			t.Fatal("a fresh import is not recognised as one")
		}
	})
}
