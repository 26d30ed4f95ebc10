package layout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// packages lists the module's packages with their project imports and non-test files.
func packages(t *testing.T) map[string]pkgInfo {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}|{{.Dir}}|{{join .Imports " "}}|{{join .GoFiles " "}}`, "broadsheet/...")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	pkgs := map[string]pkgInfo{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		p := pkgInfo{dir: f[1], files: strings.Fields(f[3])}
		for _, imp := range strings.Fields(f[2]) {
			if strings.HasPrefix(imp, "broadsheet/") {
				p.project = append(p.project, imp)
			} else if imp == "github.com/signintech/gopdf" {
				p.gopdf = true
			}
		}
		pkgs[f[0]] = p
	}
	return pkgs
}

type pkgInfo struct {
	dir     string
	files   []string
	project []string // imports of the project's own packages
	gopdf   bool
}

// lines counts the lines of code of a package's non-test Go files: lines that are
// neither blank nor only a comment.
func (p pkgInfo) lines(t *testing.T) int {
	n := 0
	for _, f := range p.files {
		data, err := os.ReadFile(filepath.Join(p.dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for line := range bytes.Lines(data) {
			if l := bytes.TrimSpace(line); len(l) > 0 && !bytes.HasPrefix(l, []byte("//")) {
				n++
			}
		}
	}
	return n
}

// The pipeline's shape, held by the import graph: exactly one package imports gopdf
// and it sees only the display list, the fonts and the base types; the model depends
// only on leaf packages; no package grows past 1,500 lines, and layout itself holds
// only the sequence of stages.
func TestArchitecture(t *testing.T) {
	pkgs := packages(t)
	writerMay := map[string]bool{"broadsheet/layout/display": true, "broadsheet/fonts": true, "broadsheet/fonts/sfnt": true, "broadsheet/layout/geom": true,
		"broadsheet/layout/pdf/object": true} // the writer's PDF syntax, a leaf (layout/pdf/imports_test.go)
	var importers []string
	for name, p := range pkgs {
		if p.gopdf {
			importers = append(importers, name)
			for _, imp := range p.project {
				if !writerMay[imp] {
					t.Errorf("%s imports gopdf and %s; the writer may import only the display list, fonts and base types", name, imp)
				}
			}
		}
		if n := p.lines(t); n > 1500 {
			t.Errorf("%s has %d lines of non-test code, want at most 1,500", name, n)
		}
	}
	if len(importers) != 1 || importers[0] != "broadsheet/layout/pdf" {
		t.Errorf("packages importing gopdf: %v, want only broadsheet/layout/pdf", importers)
	}
	for _, imp := range pkgs["broadsheet/issues"].project {
		if len(pkgs[imp].project) > 0 {
			t.Errorf("issues imports %s, which is not a leaf (it imports %v)", imp, pkgs[imp].project)
		}
	}
	if n := pkgs["broadsheet/layout"].lines(t); n >= 600 {
		t.Errorf("layout holds %d lines, want under 600: only the sequence of stages", n)
	}
}

// No stage imports a later one: the stages' imports point only upstream.
func TestStagesImportOnlyUpstream(t *testing.T) {
	order := []string{"geom", "display", "style", "grid", "lines", "text", "fit", "plan", "place", "furniture", "draw", "report"}
	rank := map[string]int{}
	for i, s := range order {
		rank["broadsheet/layout/"+s] = i
	}
	rank["broadsheet/layout/plan"] = rank["broadsheet/layout/fit"] // plan and fit do not know each other
	for name, p := range packages(t) {
		r, ok := rank[name]
		if !ok {
			continue
		}
		for _, imp := range p.project {
			if ri, staged := rank[imp]; staged && ri > r {
				t.Errorf("%s imports %s, a later stage", name, imp)
			}
		}
	}
}
