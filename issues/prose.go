package issues

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// prose returns the text at key as the page will print it: trimmed, composed (NFC) so
// that an accented Latin name typed as letter + combining marks prints and searches as
// one character, with CJK compatibility ideographs kept as written (NFC would replace
// them, and with them the form a rare name was given in). A control character is an
// error, and so is a line break anywhere but in the body.
func (t table) prose(key string, required bool) (string, bool) {
	s, ok := t.text(key, required)
	if !ok {
		return "", false
	}
	for i, r := range []rune(s) {
		lineBreak := isLineBreak(r)
		switch {
		case lineBreak && key != "body":
			t.errorf(key, "has a line break (character %d); want one line: the layout breaks lines itself", i+1)
			return "", false
		case !lineBreak && r != '\t' && unicode.IsControl(r):
			t.errorf(key, "has the control character U+%04X (character %d); want printable text only", r, i+1)
			return "", false
		}
	}
	return compose(s), true
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

// blank reports whether s has no visible character: only white space and characters
// that print as nothing (Unicode's default-ignorable characters: zero-width spaces and
// joiners, the word joiner U+2060, variation selectors, the combining grapheme joiner
// U+034F, Hangul fillers, soft hyphens …).
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !ignorable(r) {
			return false
		}
	}
	return true
}

// ignorable reports whether r is a default-ignorable code point (Unicode's
// DerivedCoreProperties: Other_Default_Ignorable_Code_Point, format characters and
// variation selectors).
func ignorable(r rune) bool {
	return unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector)
}

// codes lists the distinct characters of s but spaces as U+XXXX, for messages; at most five.
func codes(s string) string {
	var list []string
	seen := map[rune]bool{}
	for _, r := range s {
		if !seen[r] && !unicode.IsSpace(r) && len(list) < 5 {
			seen[r] = true
			list = append(list, fmt.Sprintf("U+%04X", r))
		}
	}
	return strings.Join(list, " ")
}
