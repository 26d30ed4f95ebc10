package clreq

import (
	"testing"
	"unicode"
)

// The fast path of Invisible agrees with Unicode's tables on every code point.
func TestInvisibleAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r >= 0xAD && (unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Cf, r))
		if got := Invisible(r); got != want {
			t.Fatalf("Invisible(%U) = %v, want %v", r, got, want)
		}
	}
}
