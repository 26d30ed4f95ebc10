package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// line is one non-blank line of the source text.
type line struct {
	no     int    // 1-based line number in the source
	text   string // trimmed of spaces, full-width ones (paragraph indents) too
	indent bool   // the line began with an indent: two spaces, a full-width space or a tab
}

// readLines decodes text and returns its non-blank lines, trimmed, with notes on what
// reading changed: a GB18030 decoding, control characters removed.
func readLines(text []byte) ([]line, []Guess, error) {
	text = bytes.TrimPrefix(text, []byte("\uFEFF"))
	var notes []Guess
	if !utf8.Valid(text) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(text)
		if err != nil || !utf8.Valid(decoded) {
			return nil, nil, errors.New("not UTF-8 or GB18030 text: save the extracted text as UTF-8")
		}
		text = decoded
		notes = append(notes, Guess{Line: 1, Note: "the text is not UTF-8: read as GB18030"})
	}
	var lines []line
	for i, raw := range strings.Split(string(text), "\n") {
		s, dropped := dropControls(raw)
		if dropped > 0 {
			notes = append(notes, Guess{Line: i + 1, Note: fmt.Sprintf("%d control characters removed", dropped)})
		}
		if t := strings.TrimSpace(s); t != "" {
			lines = append(lines, line{no: i + 1, text: t, indent: indented(s)})
		}
	}
	return lines, notes, nil
}

// indented reports whether s begins with a paragraph indent.
func indented(s string) bool {
	return strings.HasPrefix(s, "  ") || strings.HasPrefix(s, "\t") || strings.HasPrefix(s, "\u3000")
}

// indentsMarkParagraphs reports whether the indents of lines say where paragraphs
// start: some lines of body length are indented and some are not, as in text that
// keeps the print's line ends. Where every line is indented, or none, they say nothing.
func indentsMarkParagraphs(lines []line) bool {
	some, all := false, true
	for _, l := range lines {
		if utf8.RuneCountInString(l.text) <= maxTitleRunes {
			continue
		}
		some = some || l.indent
		all = all && l.indent
	}
	return some && !all
}

// dropControls removes control characters (a carriage return or a form feed from the
// extraction) other than tabs, and counts those that are not carriage returns.
func dropControls(s string) (string, int) {
	n := 0
	out := strings.Map(func(r rune) rune {
		if r == '\t' || !unicode.IsControl(r) {
			return r
		}
		if r != '\r' {
			n++
		}
		return -1
	}, s)
	return out, n
}
