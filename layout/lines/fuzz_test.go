package lines

import (
	"testing"
	"unicode/utf8"

	"broadsheet/layout/geom"
)

// FuzzCompose: any text at any measure composes without panic, every character comes
// out exactly once and in order, and no line is wider than the measure unless it holds
// a single glyph wider than the measure.
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
		opt := Options{
			Width:     geom.Em(int(width%40000), pt9),
			Size:      pt9,
			Indent:    int(flags>>4) % 3,
			Strict:    flags&1 != 0,
			FullWidth: flags&2 != 0,
			Justify:   flags&4 != 0,
		}
		p := Compose(spans, opt)
		for _, v := range checkParagraph(spans, opt, p) {
			t.Fatalf("%s\nopt %+v\nlines %q", v, opt, lineTexts(p))
		}
	})
}
