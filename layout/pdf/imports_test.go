package pdf

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Exactly one package of the module imports gopdf: this one, and it imports of the
// project only the display list, fonts and the base geometry; only the command's
// preflight reads PDFs with pdfcpu. (-e: a package that does not build yet still lists
// its imports.)
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
	var importers, readers []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			switch {
			case imp == "github.com/signintech/gopdf":
				importers = append(importers, f[0])
			case strings.HasPrefix(imp, "github.com/pdfcpu/") && !strings.HasPrefix(f[0], "github.com/"):
				if !slices.Contains(readers, f[0]) {
					readers = append(readers, f[0])
				}
			case f[0] == "broadsheet/layout/pdf" && strings.HasPrefix(imp, "broadsheet/") && !allowed[imp]:
				t.Errorf("broadsheet/layout/pdf imports %s; it may import only the display list, fonts and geom", imp)
			case f[0] == "broadsheet/layout/pdf/object" && strings.HasPrefix(imp, "broadsheet/"):
				t.Errorf("broadsheet/layout/pdf/object imports %s; it must import nothing of the project", imp)
			}
		}
	}
	if len(importers) != 1 || importers[0] != "broadsheet/layout/pdf" {
		t.Errorf("packages importing gopdf: %v, want only broadsheet/layout/pdf", importers)
	}
	for _, r := range readers { // the command (whole issues' PDFs) and broadsheet preflight read PDFs
		if !strings.HasPrefix(r, "broadsheet/cmd/broadsheet") {
			t.Errorf("%s imports pdfcpu; want only the command and its preflight to read PDFs", r)
		}
	}
}

// allowed are the project packages the writer may import.
var allowed = map[string]bool{
	"broadsheet/layout/display": true, "broadsheet/fonts": true, "broadsheet/fonts/sfnt": true, "broadsheet/layout/geom": true,
	"broadsheet/layout/pdf/object": true, // the writer's own PDF syntax, which imports nothing of the project
}
