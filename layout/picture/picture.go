// Package picture is the one probe of the picture files a page prints: it tells a JPEG
// or PNG file's format, pixel size and colour model, refuses a picture larger than
// MaxPixels from its header alone (before anything is decoded, so a small file that
// would unpack to gigabytes costs nothing), and then decodes it once, whole, so that a
// truncated or damaged file is found when the issue is read, not on the printed page.
//
// It reads files and nothing else: it knows nothing of issue files, layout or PDF, and
// imports nothing of the project. What a PDF writer can embed is the writer's rule.
package picture

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"sync"
	"unicode/utf8"
)

// MaxPixels is the largest picture, in pixels (width × height), that Probe accepts:
// 100 megapixels, twice what a full newspaper page needs at 300 ppi (about 46 MP for a
// broadsheet), and about 400 MB once decoded.
const MaxPixels = 100_000_000

// MaxFileSize is the largest picture file Probe reads: 512 MB, far above any JPEG or
// PNG of MaxPixels a camera or an editor writes.
const MaxFileSize = 512 << 20

// Format is a picture file format.
type Format string

// The formats Probe accepts.
const (
	JPEG Format = "JPEG"
	PNG  Format = "PNG"
)

// Colour is a colour space of pixels.
type Colour string

// Colour spaces.
const (
	Gray Colour = "gray"
	RGB  Colour = "RGB"
	CMYK Colour = "CMYK"
)

// Model is how a picture's pixels are stored.
type Model struct {
	Colour Colour
	// Bits is the bits per sample as stored: 8 for JPEG; 1, 2, 4, 8 or 16 for PNG
	// (for a palette PNG, the bits of each index).
	Bits int
	// Indexed reports a palette PNG: each pixel is an index into a table of RGB colours.
	Indexed bool
	// Alpha reports transparency: an alpha channel, or a PNG tRNS chunk.
	Alpha bool
}

// Info is what Probe found.
type Info struct {
	Format        Format
	Width, Height int
	Model         Model
	// Interlaced reports an Adam7-interlaced PNG.
	Interlaced bool
}

// Kind is what is wrong with a picture file.
type Kind int

// Kinds of Error.
const (
	Missing    Kind = iota // the file does not exist
	NotFile                // a folder, a device, a pipe: anything but a regular file
	Unreadable             // it exists but cannot be read
	NotPicture             // not a JPEG or PNG file
	TooLarge               // more than MaxPixels, or a file over MaxFileSize
	Damaged                // the header or the picture data do not decode
)

// Error says what is wrong with a picture file, in words for a message that names the
// file before them: What is e.g. "does not exist" or "is a damaged JPEG file (…)".
type Error struct {
	Kind Kind
	What string
}

func (e *Error) Error() string { return e.What }

// Probe checks the picture file at path and returns what it is. Every failure is an
// *Error.
func Probe(path string) (Info, error) {
	data, err := read(path)
	if err != nil {
		return Info{}, err
	}
	return ProbeBytes(data)
}

// read returns the bytes of the regular file at path, refusing anything else before
// opening it (opening a pipe would wait for a writer).
func read(path string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &Error{Missing, "does not exist"}
	case err != nil:
		return nil, &Error{Unreadable, "cannot be read (" + reason(err) + ")"}
	case info.IsDir():
		return nil, &Error{NotFile, "is a folder"}
	case !info.Mode().IsRegular():
		return nil, &Error{NotFile, "is not a regular file (" + FileKind(info.Mode()) + ")"}
	case info.Size() > MaxFileSize:
		return nil, &Error{TooLarge, fmt.Sprintf("is %d MB, over the %d MB a picture file may have", info.Size()>>20, MaxFileSize>>20)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Unreadable, "cannot be read (" + reason(err) + ")"}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &Error{Unreadable, "cannot be read (" + reason(err) + ")"}
	}
	if len(data) > MaxFileSize {
		return nil, &Error{TooLarge, fmt.Sprintf("is over the %d MB a picture file may have", MaxFileSize>>20)}
	}
	return data, nil
}

// ProbeBytes checks a picture file's bytes and returns what it is. Every failure is
// an *Error. The answer depends on the bytes alone, so it is remembered by their
// SHA-256 for the life of the process: a run of many pages that share pictures
// decodes each picture once, not once a page.
func ProbeBytes(data []byte) (Info, error) {
	key := sha256.Sum256(data)
	if r, ok := probed.Load(key); ok {
		p := r.(probe)
		return p.info, p.err
	}
	info, err := probeBytes(data)
	probed.Store(key, probe{info, err})
	return info, err
}

// probe is a remembered answer of probeBytes.
type probe struct {
	info Info
	err  error
}

// probed maps a picture's SHA-256 to its probe.
var probed sync.Map

// probeBytes checks a picture file's bytes: header, pixel limit, then a full decode.
func probeBytes(data []byte) (Info, error) {
	kind := sniff(data)
	var info Info
	var err error
	switch kind {
	case "jpeg":
		info, err = jpegHeader(data)
	case "png":
		info, err = pngHeader(data)
	default:
		return Info{}, &Error{NotPicture, "is not a JPEG or PNG file (" + kind + ")"}
	}
	if err != nil {
		return Info{}, err
	}
	if px := int64(info.Width) * int64(info.Height); px > MaxPixels {
		return Info{}, &Error{TooLarge, fmt.Sprintf("is %d × %d pixels (%.0f megapixels), over the %d megapixels a picture may have",
			info.Width, info.Height, float64(px)/1e6, MaxPixels/1_000_000)}
	}
	if err := decode(info.Format, data); err != nil {
		return Info{}, &Error{Damaged, fmt.Sprintf("is a damaged %s file (%v)", info.Format, err)}
	}
	return info, nil
}

// decode decodes the whole picture and throws it away: it fails on a truncated or
// damaged file that the header alone passes.
func decode(f Format, data []byte) error {
	var err error
	if f == JPEG {
		_, err = jpeg.Decode(bytes.NewReader(data))
	} else {
		_, err = png.Decode(bytes.NewReader(data))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errors.New("it ends too early: the file is cut short")
	}
	return err
}

// jpegHeader reads a JPEG's frame header.
func jpegHeader(data []byte) (Info, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	var unsupported jpeg.UnsupportedError
	switch {
	case errors.As(err, &unsupported):
		return Info{}, &Error{NotPicture, fmt.Sprintf("is a JPEG of a kind that cannot be read (%v)", err)}
	case err != nil || cfg.Width <= 0 || cfg.Height <= 0:
		return Info{}, &Error{Damaged, "is a damaged JPEG file (no readable frame header)"}
	}
	m := Model{Colour: RGB, Bits: 8}
	switch cfg.ColorModel {
	case color.GrayModel:
		m.Colour = Gray
	case color.CMYKModel:
		m.Colour = CMYK
	}
	return Info{Format: JPEG, Width: cfg.Width, Height: cfg.Height, Model: m}, nil
}

// PNG colour types (the PNG specification, 11.2.2).
const (
	pngGray      = 0
	pngRGB       = 2
	pngPalette   = 3
	pngGrayAlpha = 4
	pngRGBA      = 6
)

// pngHeader reads a PNG's IHDR chunk and looks for a tRNS chunk before the image data.
func pngHeader(data []byte) (Info, error) {
	const sigLen, ihdrLen = 8, 13
	if len(data) < sigLen+8+ihdrLen || string(data[12:16]) != "IHDR" || binary.BigEndian.Uint32(data[8:12]) != ihdrLen {
		return Info{}, &Error{Damaged, "is a damaged PNG file (no IHDR header)"}
	}
	h := data[16 : 16+ihdrLen]
	w, ht := binary.BigEndian.Uint32(h[0:4]), binary.BigEndian.Uint32(h[4:8])
	depth, ctype, interlace := int(h[8]), h[9], h[12]
	if w == 0 || ht == 0 || w > 1<<31-1 || ht > 1<<31-1 {
		return Info{}, &Error{Damaged, fmt.Sprintf("is a damaged PNG file (a size of %d × %d pixels)", w, ht)}
	}
	m := Model{Bits: depth}
	switch ctype {
	case pngGray, pngGrayAlpha:
		m.Colour, m.Alpha = Gray, ctype == pngGrayAlpha
	case pngRGB, pngRGBA:
		m.Colour, m.Alpha = RGB, ctype == pngRGBA
	case pngPalette:
		m.Colour, m.Indexed = RGB, true
	default:
		return Info{}, &Error{Damaged, fmt.Sprintf("is a damaged PNG file (colour type %d)", ctype)}
	}
	m.Alpha = m.Alpha || hasTRNS(data[sigLen:])
	return Info{Format: PNG, Width: int(w), Height: int(ht), Model: m, Interlaced: interlace != 0}, nil
}

// hasTRNS reports whether the chunks before the first IDAT include tRNS.
func hasTRNS(chunks []byte) bool {
	for len(chunks) >= 12 {
		n := int64(binary.BigEndian.Uint32(chunks[:4]))
		typ := string(chunks[4:8])
		switch {
		case typ == "tRNS":
			return true
		case typ == "IDAT", n+12 > int64(len(chunks)):
			return false
		}
		chunks = chunks[n+12:]
	}
	return false
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
	case looksLikeText(head[:min(len(head), 64)]):
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

// FileKind says what kind of file a mode is, for messages: "a folder", "a named
// pipe" … The command and the decoder use it too, so every message says it alike.
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Cause returns the cause of a file error without the path, which a message names
// already (for a temporary file, a name the user never chose); errors.Is still finds
// fs.ErrNotExist and the like in it.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// reason is Cause as text.
func reason(err error) string { return Cause(err).Error() }
