package issues

import (
	"os"
	"path/filepath"

	"broadsheet/layout/geom"
)

// The print production keys of [format]: bleed, marks and output_profile.
var printKeys = []string{"bleed", "marks", "output_profile"}

// maxBleed is the most bleed a page may ask for: printers ask for 3–5 mm, and more
// than this is a mistake in the unit.
var maxBleed = geom.Mm(25)

// iccHeader is the size of an ICC profile's header, which holds its signature.
const iccHeader = 128

// printFormat decodes format.bleed, format.marks and format.output_profile.
func (d *decoder) printFormat(t table, f *Format) {
	if l, ok := t.length("bleed", "3mm"); ok {
		if l < 0 || l > maxBleed {
			t.errorf("bleed", "%s is out of range; want 0mm..%s, usually \"3mm\"", mm(l), mm(maxBleed))
		} else {
			f.Bleed = l
		}
	}
	if b, ok := t.boolean("marks"); ok {
		f.Marks = b
	}
	d.outputProfile(t, f)
}

// outputProfile reads the ICC file format.output_profile names (relative to the
// issue file) and checks that it is a CMYK output profile.
func (d *decoder) outputProfile(t table, f *Format) {
	if _, given := t.m["output_profile"]; !given {
		return
	}
	name, ok := t.text("output_profile", false)
	if !ok {
		return
	}
	const want = "want the path of a CMYK output ICC profile (.icc), or leave output_profile out for coldset newsprint (CGATS TR 002)"
	path := name
	if !filepath.IsAbs(name) {
		path = filepath.Join(filepath.Dir(d.file), name)
	}
	data, err := os.ReadFile(path)
	switch {
	case name == "":
		t.errorf("output_profile", "is empty; %s", want)
	case err != nil:
		t.errorf("output_profile", "%q cannot be read (relative to the issue file's folder %s): %v; %s", name, folderOf(d.file), unwrapPath(err), want)
	case len(data) < iccHeader || string(data[36:40]) != "acsp":
		t.errorf("output_profile", "%q is not an ICC profile; %s", name, want)
	case string(data[12:16]) != "prtr" || string(data[16:20]) != "CMYK":
		t.errorf("output_profile", "%q is a %q profile of %q data; %s", name, data[12:16], data[16:20], want)
	default:
		f.OutputProfile, f.OutputProfileName = string(data), filepath.Base(name)
	}
}

// unwrapPath returns the reason of a file error without the path, which the message
// names already.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
