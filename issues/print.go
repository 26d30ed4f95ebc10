package issues

import (
	"broadsheet/layout/picture"
	"os"
	"path/filepath"

	"broadsheet/layout/geom"
)

// The print production keys of [format]: bleed, marks and output_profile.
var printKeys = []string{"bleed", "marks", "output_profile"}

// maxBleed is the most bleed a page may ask for: printers ask for 3–5 mm, and more
// than this is a mistake in the unit.
var maxBleed = geom.Mm(25)

// wantProfile says what output_profile takes.
const wantProfile = "want the path of a CMYK output ICC profile (.icc), or leave output_profile out for coldset newsprint (CGATS TR 002)"

// printFormat decodes format.bleed, format.marks and format.output_profile, reading
// the ICC file (relative to the issue file) and checking that it is a CMYK output
// profile: the signature "acsp" at 36, the class "prtr" at 12, the space "CMYK" at 16
// of its 128-byte header.
func (d *decoder) printFormat(t table, f *Format) {
	if l, ok := length(t, "bleed", "3mm"); ok && (l < 0 || l > maxBleed) {
		t.Errorf("bleed", "%s is out of range; want 0mm..%s, usually \"3mm\"", mm(l), mm(maxBleed))
	} else if ok {
		f.Bleed = l
	}
	f.Marks, _ = t.Boolean("marks")
	name, ok := t.Text("output_profile", false)
	if !ok {
		return
	}
	data, err := os.ReadFile(d.resolve(name))
	switch {
	case name == "":
		t.Errorf("output_profile", "is empty; %s", wantProfile)
	case err != nil:
		t.Errorf("output_profile", "%q cannot be read (relative to the issue file's folder %s): %v; %s", name, folderOf(d.file), picture.Cause(err), wantProfile)
	case len(data) < 128 || string(data[36:40]) != "acsp":
		t.Errorf("output_profile", "%q is not an ICC profile; %s", name, wantProfile)
	case string(data[12:16]) != "prtr" || string(data[16:20]) != "CMYK":
		t.Errorf("output_profile", "%q is a %q profile of %q data; %s", name, data[12:16], data[16:20], wantProfile)
	default:
		f.OutputProfile, f.OutputProfileName = string(data), filepath.Base(name)
	}
}
