package layout

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/geom"
)

// Pins that overlap, leave the type area or fence off an area are input errors that
// name the pin's place in the file.
func TestBadPins(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.toml")
	if len(files) == 0 {
		t.Fatal("no testdata/bad/*.toml")
	}
	want := regexp.MustCompile(`(?m)^# want: (\d+:\d+) (\S+): (.*)$`)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m := want.FindSubmatch(data)
			if m == nil {
				t.Fatal("no # want: line")
			}
			iss, err := issues.DecodeBytes(f, data)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			_, _, err = Compose(iss, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			needle := f + ":" + string(m[1]) + ": " + string(m[2]) + ": " + string(m[3])
			if !strings.Contains(err.Error(), needle) {
				t.Errorf("error\n%v\nlacks\n%s", err, needle)
			}
		})
	}
}

// A pinned article keeps its module; the others are composed around it.
func TestPinsAreKept(t *testing.T) {
	iss, err := issues.Decode("../issues/compose-07-pinned.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, rep, err := Compose(iss, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkModules(t, rep)
	for i, a := range iss.Articles {
		p := a.Place
		if p == nil {
			continue
		}
		got := rep.Articles[i].Module
		if got == nil || *got != (geom.Cells{Column: p.Column - 1, Columns: p.Columns, Line: p.Line - 1, Lines: p.Lines}) || !rep.Articles[i].Pinned {
			t.Errorf("article[%d] pinned at %+v, placed at %s", i, *p, rep.Articles[i].ModuleString())
		}
	}
}
