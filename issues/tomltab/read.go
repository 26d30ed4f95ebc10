package tomltab

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// Read parses data, the TOML file at path, and returns its top level as a Table
// named name in messages ("the file"), with a Doc that knows where every item is
// written. A byte-order mark some editors write is dropped. Text that is not UTF-8
// and TOML syntax are errors at their place.
func Read(path string, data []byte, name string) (Table, ErrorList) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if errs := checkEncoding(path, data); errs != nil {
		return Table{}, errs
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return Table{}, syntaxError(path, data, err)
	}
	return Table{D: &Doc{Pos: NewPositions(path, data)}, Name: name, M: doc}, nil
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
	ix := TextPositions(path, data)
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
	ix := TextPositions(path, data)
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
