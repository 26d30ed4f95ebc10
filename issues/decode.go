package issues

import (
	"broadsheet/issues/tomltab"
	"broadsheet/layout/picture"
	"fmt"
	"io"
	"os"
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
	root, errs := tomltab.Read(path, data, "the file")
	if errs != nil {
		return nil, errs.Err()
	}
	d := &decoder{file: path, Doc: root.D}
	is := d.issue(root)
	if err := d.Errs.Err(); err != nil {
		return nil, err
	}
	return is, nil
}

// decoder holds what checking one issue file needs.
type decoder struct {
	file string
	*tomltab.Doc
	// maxColumns is format.columns, or 20 when that is itself wrong, to bound
	// the widths of articles, photos and places.
	maxColumns int
	page       int // the file's page, 0 when it is wrong
}

// issue decodes the top level of the file.
func (d *decoder) issue(t table) *Issue {
	t.CheckKeys("newspaper", "date", "page", "section", "editor", "format", "article", "block", "masthead",
		"teaser", "teasers")
	is := &Issue{File: d.file}
	is.Newspaper, _ = prose(t, "newspaper", true)
	is.Date, _ = date(t, "date")
	is.PageNo = d.pageNo(t)
	d.page = is.PageNo
	is.DatePos, is.PagePos = t.At("date"), t.At("page")
	is.Section, _ = prose(t, "section", false)
	is.Editor, _ = prose(t, "editor", false)
	is.Format = d.format(t)
	is.Masthead = d.masthead(t, is) // before the articles and blocks: it takes their ear keys
	is.Articles = d.articles(t, is.Masthead.Ear)
	is.Blocks = d.blocks(t)
	is.Teasers = d.teasers(t)
	is.TeaserBox = d.teaserBox(t, is)
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
	if n < 1 || n > maxPageNo {
		t.Errorf("page", "%d is not a page number; want 1 or more (up to %d)", n, maxPageNo)
		return 0
	}
	return int(n)
}
