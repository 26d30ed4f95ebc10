package clreq

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// ClusterLen returns the byte length of the grapheme cluster s starts with.
func ClusterLen(s string) int {
	if len(s) >= 2 && s[0] < 0x80 && s[1] < 0x80 && s[0] >= 0x20 {
		return 1
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == len(s) || Space(r) {
		return n // a space stands alone: a mark combining with it is drawn on its own
	}
	next, _ := utf8.DecodeRuneInString(s[n:])
	if plain(r) && plain(next) {
		return n
	}
	cl, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	for i, r := range cl {
		if i > 0 && Space(r) {
			return i // a prepended mark does not swallow the space after it
		}
	}
	return len(cl)
}

// plain reports whether r is a character that always has a cluster boundary on both
// sides (no combining marks, joiners, jamo, CR or controls), so uniseg is not needed.
func plain(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7F:
		return true
	case r >= 0xA0 && r < 0x300:
		return r != 0xAD
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E:
		return true
	case r >= 0x3000 && r < 0xA000:
		return !(r >= 0x302A && r <= 0x302F) && r != 0x3099 && r != 0x309A
	case r >= 0xFF01 && r <= 0xFF9D:
		return true
	}
	return r >= 0x20000 && r <= 0x3FFFD
}

// Visible returns s without its invisible format characters, and whether it left any
// out; other bytes (even invalid UTF-8) are kept as they are.
func Visible(s string) (string, bool) {
	for i, r := range s {
		if Invisible(r) {
			var b strings.Builder
			b.WriteString(s[:i])
			for j, r := range s[i:] {
				if !Invisible(r) {
					_, size := utf8.DecodeRuneInString(s[i+j:])
					b.WriteString(s[i+j : i+j+size])
				}
			}
			return b.String(), true
		}
	}
	return s, false
}

// Invisible reports whether r is a format character that is not drawn: a variation
// selector, a joiner or zero-width space, a soft hyphen, a byte-order mark (Unicode
// category Cf and the variation selectors).
func Invisible(r rune) bool {
	switch {
	case r < 0xAD, r >= 0x2E80 && r < 0xFE00, r >= 0x20000 && r < 0xE0000:
		return false // CJK, kana, hangul and the ideographs hold no format character or selector
	}
	return unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Cf, r)
}
