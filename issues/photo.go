package issues

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG for image.DecodeConfig
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// Aspect ratios a placeholder may have (width ÷ height).
const minAspect, maxAspect = 0.2, 5

// photos decodes an article's [[article.photo]] tables; articleColumns is the
// article's width, 0 when not given.
func (d *decoder) photos(at table, articleColumns int) []Photo {
	list, _ := at.tables("photo", "[[article.photo]]")
	var photos []Photo
	for _, t := range list {
		photos = append(photos, d.photo(t, articleColumns))
	}
	return photos
}

// photo decodes one [[article.photo]].
func (d *decoder) photo(t table, articleColumns int) Photo {
	t.checkKeys("file", "caption", "columns", "aspect")
	p := Photo{Pos: t.start()}
	p.Caption, _ = t.prose("caption", false)
	p.Columns = d.width(t, "columns", false)
	if p.Columns > 0 && articleColumns > 0 && p.Columns > articleColumns {
		t.errorf("columns", "%d columns is wider than its article's %d; want 1..%d",
			p.Columns, articleColumns, articleColumns)
		p.Columns = 0
	}
	p.Aspect = aspect(t)
	d.photoFile(t, &p)
	return p
}

// aspect decodes a placeholder's width ÷ height; 0 when not given.
func aspect(t table) float64 {
	a, ok := t.number("aspect", "1.5")
	if !ok {
		return 0
	}
	if a < minAspect || a > maxAspect {
		t.errorf("aspect", "%v is out of range; want width ÷ height from %v to %v, like 1.5", a, minAspect, maxAspect)
		return 0
	}
	return a
}

// photoFile resolves and checks photo.file, filling p's File and pixel size.
func (d *decoder) photoFile(t table, p *Photo) {
	if _, given := t.m["file"]; !given {
		return
	}
	name, ok := t.text("file", false)
	if !ok {
		return
	}
	if name == "" {
		t.errorf("file", "is empty; want the path of a JPEG or PNG file, or leave file out for a placeholder")
		return
	}
	path := name
	if !filepath.IsAbs(name) {
		path = filepath.Join(filepath.Dir(d.file), name)
	}
	w, h, perr := probeImage(path)
	if perr != nil {
		where := ""
		if perr.where && !filepath.IsAbs(name) {
			where = fmt.Sprintf(" (relative to the issue file's folder %s)", folderOf(d.file))
		}
		t.errorf("file", "%q %s%s; %s", name, perr.what, where, perr.fix)
		return
	}
	p.File, p.PixelWidth, p.PixelHeight = path, w, h
}

// folderOf names the folder of file for messages, ending in a separator.
func folderOf(file string) string {
	dir := filepath.Dir(file)
	if dir[len(dir)-1] == filepath.Separator {
		return dir
	}
	return dir + string(filepath.Separator)
}

// photoError says what is wrong with a photo file and how to mend it.
type photoError struct {
	what  string // e.g. "does not exist"
	fix   string // e.g. "want a JPEG or PNG file, …"
	where bool   // whether the issue file's folder helps to understand it
}

const (
	fixMissing = "want a JPEG or PNG file, or leave file out for a placeholder"
	fixFormat  = "save it as a JPEG or PNG file"
	fixPNG     = "save it as an 8-bit non-interlaced PNG (or a JPEG): the PDF writer cannot embed it as it is"
)

// probeImage checks that path is a JPEG or PNG the PDF writer can embed and
// returns its size in pixels.
func probeImage(path string) (w, h int, perr *photoError) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, 0, &photoError{"does not exist", fixMissing, true}
	case err != nil:
		return 0, 0, &photoError{"cannot be read (" + reason(err) + ")", fixMissing, false}
	case info.IsDir():
		return 0, 0, &photoError{"is a folder", fixMissing, true}
	case !info.Mode().IsRegular():
		return 0, 0, &photoError{"is not a regular file", fixMissing, true}
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, &photoError{"cannot be read (" + reason(err) + ")", fixMissing, false}
	}
	defer f.Close()
	return probeReader(bufio.NewReader(f))
}

// probeReader sniffs the first bytes of an image file and reads its header.
func probeReader(r *bufio.Reader) (w, h int, perr *photoError) {
	head, _ := r.Peek(33)
	kind := sniff(head)
	if kind != "jpeg" && kind != "png" {
		return 0, 0, &photoError{"is not a JPEG or PNG file (" + kind + ")", fixFormat, false}
	}
	if kind == "png" {
		if perr := checkPNGHeader(head); perr != nil {
			return 0, 0, perr
		}
	}
	cfg, format, err := image.DecodeConfig(r)
	if err != nil || format != kind || cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, &photoError{fmt.Sprintf("is a damaged %s file", formatName(kind)), "save it again as a JPEG or PNG file", false}
	}
	return cfg.Width, cfg.Height, nil
}

// formatName spells an image format for messages.
func formatName(kind string) string {
	if kind == "png" {
		return "PNG"
	}
	return "JPEG"
}

// checkPNGHeader rejects the PNGs the PDF writer cannot embed: 16 bits per
// sample and interlaced (Adam7) ones. head holds the file's first 33 bytes.
func checkPNGHeader(head []byte) *photoError {
	if len(head) < 29 || string(head[12:16]) != "IHDR" {
		return &photoError{"is a damaged PNG file (no IHDR header)", "save it again as a JPEG or PNG file", false}
	}
	if depth := head[24]; depth == 16 {
		return &photoError{"is a 16-bit PNG", fixPNG, false}
	}
	if head[28] != 0 {
		return &photoError{"is an interlaced PNG", fixPNG, false}
	}
	return nil
}

// sniff names the format of a file from its first bytes: "jpeg", "png", or a
// description of what it is instead.
func sniff(head []byte) string {
	switch {
	case len(head) == 0:
		return "it is empty"
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return "jpeg"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "it is a GIF"
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return "it is a WebP"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "it is a TIFF"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return "it is a HEIF/HEIC or other ISO media file"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "it is a PDF"
	case looksLikeText(head):
		return "it holds text"
	}
	return "its first bytes are of no known image format"
}

// looksLikeText reports whether head reads as UTF-8 text without control characters.
func looksLikeText(head []byte) bool {
	for len(head) > 0 {
		r, n := utf8.DecodeRune(head)
		if r == utf8.RuneError && len(head) >= utf8.UTFMax {
			return false
		}
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			return false
		}
		head = head[n:]
	}
	return true
}

// reason returns the cause of a file error without the path, which the message
// already gives.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
