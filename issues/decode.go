package issues

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Decode reads the issue file at path, checks it and returns the page it describes.
// Mistakes in the file are returned as an ErrorList; a file that cannot be read
// gives a plain error.
func Decode(path string) (*Issue, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return DecodeBytes(path, data)
}

// DecodeBytes checks the issue file data and returns the page it describes. path
// names the file in error messages, and relative photo paths are resolved against
// its directory. Every mistake found is returned, sorted, as an ErrorList.
//
// Columns in error positions count characters (as editors do), not bytes.
func DecodeBytes(path string, data []byte) (*Issue, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte-order mark some editors write
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(path, data, err).Err()
	}
	d := &decoder{file: path, pos: indexPositions(path, data)}
	is := d.issue(table{d: d, name: "the file", m: doc})
	if err := d.errs.Err(); err != nil {
		return nil, err
	}
	return is, nil
}

// syntaxError turns go-toml's error into an ErrorList with the error's position.
func syntaxError(path string, data []byte, err error) ErrorList {
	ix := &positions{file: path, data: data, lines: lineStarts(data)}
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return ErrorList{{Pos: ix.start(), Msg: "not a valid TOML file: " + err.Error()}}
	}
	line, col := de.Position()
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	if strings.Contains(msg, "impossible date") {
		msg += "; want a real day like 2023-11-21"
	}
	return ErrorList{{Pos: ix.lineCol(line, col), Msg: "TOML syntax: " + msg}}
}

// decoder holds what checking one issue file needs.
type decoder struct {
	file string
	pos  *positions
	errs ErrorList
	// maxColumns is format.columns, or 20 when that is itself wrong, to bound
	// the widths of articles, photos and places.
	maxColumns int
}

// issue decodes the top level of the file.
func (d *decoder) issue(t table) *Issue {
	t.checkKeys("newspaper", "date", "page", "section", "editor", "format", "article", "block")
	is := &Issue{File: d.file}
	is.Newspaper, _ = t.prose("newspaper", true)
	is.Date, _ = t.date("date")
	is.PageNo = d.pageNo(t)
	is.Section, _ = t.prose("section", false)
	is.Editor, _ = t.prose("editor", false)
	is.Format = d.format(t)
	is.Articles = d.articles(t)
	is.Blocks = d.blocks(t)
	return is
}

// pageNo decodes the page number (版次).
func (d *decoder) pageNo(t table) int {
	n, ok := t.integer("page", true, "7")
	if !ok {
		return 0
	}
	if n < 1 || n > 9999 {
		t.errorf("page", "%d is not a page number; want 1 or more (up to 9999)", n)
		return 0
	}
	return int(n)
}
