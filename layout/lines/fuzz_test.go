package lines

import (
	"slices"
	"testing"
	"unicode/utf8"

	"broadsheet/layout/geom"
)

// FuzzCompose: any text at any measure composes without panic, every character comes
// out exactly once and in order, and no line is wider than the measure unless it holds
// a single glyph wider than the measure. With flag 8 every other character of the
// second span may not start a line (Span.NoBreak), headlines are balanced, and every
// word split reported is at such a position.
func FuzzCompose(f *testing.F) {
	seeds := []string{
		"一二三四五。六七", "“一二三。”（四五）", "海马 EX00(智行盒子)", "1,234.5元, 3000～5000",
		"——……——……", "Hello, world 你好!", "e\u0301\u0302中文 ☃𠀀", "AB CD EF\u3000GH", "《》「」『』【】〖〗〔〕［］｛｝",
		"。。。。“““”””", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "让·保罗・萨特‧", "\r\n\t \u200b\u200d👍🏽👨‍👩‍👧",
	}
	for i, s := range seeds {
		f.Add(s, uint16(i*37), uint8(i*5), uint8(i))
	}
	fonts := []Font{plainFont, quoteFont, holeyFont}
	f.Fuzz(func(t *testing.T, text string, width uint16, cut uint8, flags uint8) {
		at := min(int(cut), len(text))
		for at > 0 && !utf8.RuneStart(text[at%len(text)]) {
			at--
		}
		spans := []Span{
			{Text: text[:at], Font: fonts[int(flags)%3]},
			{Text: text[at:], Font: fonts[int(flags/3)%3]},
		}
		words := flags&8 != 0
		if words {
			spans[1].NoBreak = everyOther(spans[1].Text)
		}
		opt := Options{
			Width:     geom.Em(int(width%40000), pt9),
			Size:      pt9,
			Indent:    int(flags>>4) % 3,
			Strict:    flags&1 != 0,
			FullWidth: flags&2 != 0,
			Justify:   flags&4 != 0,
			Balance:   words,
		}
		p := Compose(spans, opt)
		for _, v := range checkParagraph(spans, opt, p) {
			t.Fatalf("%s\nopt %+v\nlines %q", v, opt, lineTexts(p))
		}
		for _, w := range p.WordSplits {
			if w.Span != 1 || !slices.Contains(spans[1].NoBreak, w.Offset) {
				t.Fatalf("word split %+v where no break was forbidden\nlines %q", w, lineTexts(p))
			}
		}
	})
}

// everyOther lists the byte offsets of every second character of s.
func everyOther(s string) []int {
	var out []int
	i := 0
	for off := range s {
		if i%2 == 1 {
			out = append(out, off)
		}
		i++
	}
	return out
}
