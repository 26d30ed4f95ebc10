package tomltab

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Prose returns the text at key as a page prints it: trimmed, composed (NFC) so that
// an accented Latin name typed as letter + combining marks prints and searches as one
// character, with CJK compatibility ideographs kept as written (NFC would replace
// them, and with them the form a rare name was given in). A control character is an
// error, and so is a line break unless lines allows them.
func (t Table) Prose(key string, required, lines bool) (string, bool) {
	s, ok := t.Text(key, required)
	if !ok {
		return "", false
	}
	for i, r := range []rune(s) {
		lineBreak := IsLineBreak(r)
		switch {
		case lineBreak && !lines:
			t.Errorf(key, "has a line break (character %d); want one line: the layout breaks lines itself", i+1)
			return "", false
		case !lineBreak && r != '\t' && unicode.IsControl(r):
			t.Errorf(key, "has the control character U+%04X (character %d); want printable text only", r, i+1)
			return "", false
		}
	}
	return compose(s), true
}

// IsLineBreak reports whether r ends a line of text.
func IsLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
}

// compose applies NFC to s except at CJK compatibility ideographs, which it keeps.
func compose(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	var b strings.Builder
	start := 0
	for i, r := range s {
		if compatibilityIdeograph(r) {
			b.WriteString(norm.NFC.String(s[start:i]))
			b.WriteRune(r)
			start = i + len(string(r))
		}
	}
	b.WriteString(norm.NFC.String(s[start:]))
	return b.String()
}

func compatibilityIdeograph(r rune) bool {
	return (r >= 0xF900 && r <= 0xFAFF) || (r >= 0x2F800 && r <= 0x2FA1F)
}
