package issues

import (
	"errors"
	"fmt"
	"path/filepath"

	"broadsheet/layout/picture"
)

// Aspect ratios a placeholder may have (width ÷ height).
const minAspect, maxAspect = 0.2, 5

// photos decodes an article's [[article.photo]] tables; articleColumns is the
// article's width, 0 when not given.
func (d *decoder) photos(at table, articleColumns int) []Photo {
	list, _ := at.Tables("photo", "[[article.photo]]")
	var photos []Photo
	for _, t := range list {
		photos = append(photos, d.photo(t, articleColumns))
	}
	return photos
}

// photo decodes one [[article.photo]].
func (d *decoder) photo(t table, articleColumns int) Photo {
	t.CheckKeys("file", "caption", "columns", "aspect")
	p := Photo{Pos: t.Start()}
	p.Caption, _ = prose(t, "caption", false)
	p.Columns = d.width(t, "columns", false)
	if p.Columns > 0 && articleColumns > 0 && p.Columns > articleColumns {
		t.Errorf("columns", "%d columns is wider than its article's %d; want 1..%d",
			p.Columns, articleColumns, articleColumns)
		p.Columns = 0
	}
	p.Aspect = aspect(t)
	d.photoFile(t, &p)
	return p
}

// aspect decodes a placeholder's width ÷ height; 0 when not given.
func aspect(t table) float64 {
	a, ok := t.Number("aspect", "1.5")
	if !ok {
		return 0
	}
	if a < minAspect || a > maxAspect {
		t.Errorf("aspect", "%v is out of range; want width ÷ height from %v to %v, like 1.5", a, minAspect, maxAspect)
		return 0
	}
	return a
}

// photoFile resolves and checks photo.file, filling p's File, pixel size and model.
func (d *decoder) photoFile(t table, p *Photo) {
	if _, given := t.M["file"]; !given {
		return
	}
	name, ok := t.Text("file", false)
	if !ok {
		return
	}
	if name == "" {
		t.Errorf("file", "is empty; want the path of a JPEG or PNG file, or leave file out for a placeholder")
		return
	}
	if path, info, ok := d.probe(t, name, "a placeholder"); ok {
		p.File, p.PixelWidth, p.PixelHeight = path, info.Width, info.Height
		p.Format, p.Model = info.Format, info.Model
	}
}

// probe resolves the picture file name given at t's key "file" against the issue
// file's folder and checks it, reporting what is wrong; placeholder says what leaving
// file out gives ("a placeholder"), for the fixes.
func (d *decoder) probe(t table, name, placeholder string) (path string, info picture.Info, ok bool) {
	path = d.resolve(name)
	info, err := picture.Probe(path)
	if err == nil {
		if what := writerRefuses(info); what != "" {
			t.Errorf("file", "%q %s; %s", name, what, fixWriter)
			return "", picture.Info{}, false
		}
		return path, info, true
	}
	var pe *picture.Error
	if !errors.As(err, &pe) {
		pe = &picture.Error{Kind: picture.Unreadable, What: fmt.Sprintf("cannot be read (%v)", err)}
	}
	where := ""
	if (pe.Kind == picture.Missing || pe.Kind == picture.NotFile) && !filepath.IsAbs(name) {
		where = fmt.Sprintf(" (relative to the issue file's folder %s)", folderOf(d.file))
	}
	t.Errorf("file", "%q %s%s; %s", name, pe.What, where, photoFix(pe.Kind, placeholder))
	return "", picture.Info{}, false
}

// resolve returns the path of a file named in the issue file: relative names are
// relative to the issue file's folder.
func (d *decoder) resolve(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(filepath.Dir(d.file), name)
}

// folderOf names the folder of file for messages, ending in a separator.
func folderOf(file string) string {
	dir := filepath.Dir(file)
	if dir[len(dir)-1] == filepath.Separator {
		return dir
	}
	return dir + string(filepath.Separator)
}

const (
	fixFormat  = "save it as a JPEG or PNG file"
	fixDamaged = "save it again as a JPEG or PNG file"
	fixWriter  = "save it as an 8-bit non-interlaced PNG (or a JPEG): the PDF writer cannot embed it as it is"
)

// photoFix says how to mend a picture file with a problem of kind k; placeholder is
// what leaving the file out gives.
func photoFix(k picture.Kind, placeholder string) string {
	switch k {
	case picture.NotPicture:
		return fixFormat
	case picture.Damaged:
		return fixDamaged
	case picture.TooLarge:
		return fmt.Sprintf("scale it down to at most %d megapixels (for a page, 50 are plenty), or use a smaller file",
			picture.MaxPixels/1_000_000)
	}
	return "want a JPEG or PNG file, or leave file out for " + placeholder
}

// writerRefuses says what of a good picture the PDF writer cannot embed yet, or ""
// for none: the PDF library it uses refuses PNGs of 16 bits per sample and interlaced
// (Adam7) ones. This is the one place of that rule; it goes when the writer embeds
// pictures itself.
func writerRefuses(info picture.Info) string {
	switch {
	case info.Format != picture.PNG:
		return ""
	case info.Model.Bits == 16:
		return "is a 16-bit PNG"
	case info.Interlaced:
		return "is an interlaced PNG"
	}
	return ""
}
