package pdf

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Exactly one package of the module imports gopdf: this one. (-e: a package that does
// not build yet still lists its imports.)
func TestOnlyThisPackageImportsGopdf(t *testing.T) {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Skipf("go env GOMOD: %v", err)
	}
	cmd := exec.Command("go", "list", "-e", "-deps", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "broadsheet/...")
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	var importers []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			if imp == "github.com/signintech/gopdf" {
				importers = append(importers, f[0])
			}
		}
	}
	if len(importers) != 1 || importers[0] != "broadsheet/layout/pdf" {
		t.Errorf("packages importing gopdf: %v, want only broadsheet/layout/pdf", importers)
	}
}
