package issues

import (
	"broadsheet/issues/tomltab"
	"broadsheet/layout/picture"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// MaxFileSize is the largest issue file Decode reads: 16 MB, a hundred times the text
// of the fullest page (a broadsheet holds about 20,000 characters, 60 KB in UTF-8).
const MaxFileSize = 16 << 20

// Decode reads the issue file at path, checks it and returns the page it describes.
// Mistakes in the file, and a path that is not a regular file of at most MaxFileSize,
// are returned as an ErrorList; a file that cannot be opened or read gives a plain
// error wrapping the cause (fs.ErrNotExist, fs.ErrPermission …).
func Decode(path string) (*Issue, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return DecodeBytes(path, data)
}

// readFile returns the bytes of the issue file at path, refusing before it opens
// anything a path that is not a regular file (a pipe would wait for a writer, a device
// might never end) and a file over MaxFileSize.
func readFile(path string) ([]byte, error) {
	fail := func(format string, args ...any) ([]byte, error) {
		return nil, ErrorList{{Pos: Pos{File: path}, Msg: fmt.Sprintf(format, args...) +
			fmt.Sprintf("; want an issue file: a regular file of at most %d MB of UTF-8 TOML", MaxFileSize>>20)}}
	}
	info, err := os.Stat(path)
	if err == nil && !info.Mode().IsRegular() {
		return fail("is %s, not a regular file", picture.FileKind(info.Mode()))
	}
	if err == nil && info.Size() > MaxFileSize {
		return fail("is %.1f MB, over the limit", float64(info.Size())/(1<<20))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, picture.Cause(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", path, picture.Cause(err))
	case len(data) > MaxFileSize:
		return fail("is over %d MB, the limit", MaxFileSize>>20)
	}
	return data, nil
}

// DecodeBytes checks the issue file data and returns the page it describes. path
// names the file in error messages, and relative photo paths are resolved against
// its directory. Every mistake found is returned, sorted, as an ErrorList.
//
// Columns in error positions count characters (as editors do), not bytes.
func DecodeBytes(path string, data []byte) (*Issue, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte-order mark some editors write
	if err := checkEncoding(path, data); err != nil {
		return nil, err.Err()
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(path, data, err).Err()
	}
	d := &decoder{file: path, Doc: &tomltab.Doc{Pos: tomltab.NewPositions(path, data)}}
	is := d.issue(table{D: d.Doc, Name: "the file", M: doc})
	if err := d.Errs.Err(); err != nil {
		return nil, err
	}
	return is, nil
}

// checkEncoding refuses a file that is not UTF-8 text: UTF-16 or UTF-32 (which some
// editors on Windows write as "Unicode"), or a legacy encoding such as GBK.
func checkEncoding(path string, data []byte) ErrorList {
	const fix = "save it as UTF-8 (in most editors: Save As, encoding UTF-8)"
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return ErrorList{{Pos: Pos{File: path, Line: 1, Col: 1}, Msg: "is UTF-16 text, not UTF-8; " + fix}}
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return ErrorList{{Pos: Pos{File: path, Line: 1, Col: 1}, Msg: "is UTF-32 text, not UTF-8; " + fix}}
	case bytes.IndexByte(data[:min(len(data), 4096)], 0) >= 0:
		return ErrorList{{Pos: Pos{File: path, Line: 1, Col: 1}, Msg: "holds NUL bytes: it is UTF-16 text or not text at all; " + fix}}
	}
	if utf8.Valid(data) {
		return nil
	}
	ix := tomltab.TextPositions(path, data)
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		off += n
	}
	return ErrorList{{Pos: ix.Offset(off), Msg: "is not UTF-8 text here (GBK or another legacy encoding?); " + fix}}
}

// syntaxError turns go-toml's error into an ErrorList with the error's position.
func syntaxError(path string, data []byte, err error) ErrorList {
	ix := tomltab.TextPositions(path, data)
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return ErrorList{{Pos: ix.Start(), Msg: "not a valid TOML file: " + err.Error()}}
	}
	line, col := de.Position()
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	if strings.Contains(msg, "impossible date") {
		msg += "; want a real day like 2023-11-21"
	}
	return ErrorList{{Pos: ix.LineCol(line, col), Msg: "TOML syntax: " + msg}}
}

// decoder holds what checking one issue file needs.
type decoder struct {
	file string
	*tomltab.Doc
	// maxColumns is format.columns, or 20 when that is itself wrong, to bound
	// the widths of articles, photos and places.
	maxColumns int
}

// issue decodes the top level of the file.
func (d *decoder) issue(t table) *Issue {
	t.CheckKeys("newspaper", "date", "page", "section", "editor", "format", "article", "block", "masthead")
	is := &Issue{File: d.file}
	is.Newspaper, _ = prose(t, "newspaper", true)
	is.Date, _ = date(t, "date")
	is.PageNo = d.pageNo(t)
	is.DatePos, is.PagePos = t.At("date"), t.At("page")
	is.Section, _ = prose(t, "section", false)
	is.Editor, _ = prose(t, "editor", false)
	is.Format = d.format(t)
	is.Masthead = d.masthead(t, is) // before the articles and blocks: it takes their ear keys
	is.Articles = d.articles(t)
	is.Blocks = d.blocks(t)
	if len(d.Errs) == 0 {
		d.textBound(is)
		d.searchBound(is)
	}
	return is
}

// pageNo decodes the page number (版次).
func (d *decoder) pageNo(t table) int {
	n, ok := t.Integer("page", true, "7")
	if !ok {
		return 0
	}
	if n < 1 || n > 9999 {
		t.Errorf("page", "%d is not a page number; want 1 or more (up to 9999)", n)
		return 0
	}
	return int(n)
}
