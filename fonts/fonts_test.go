package fonts

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestEmbeddedFacesParse(t *testing.T) {
	for id := ID(0); id < Count; id++ {
		f, err := Load(id)
		if err != nil {
			t.Fatalf("%v: %v", id, err)
		}
		if w, ok := f.Advance('中'); !ok || w != 1000 {
			t.Errorf("%v: 中 advance %d, %v; want 1000, true", id, w, ok)
		}
		if f.Ascent() != 880 || f.Descent() != -120 {
			t.Errorf("%v: em box %d..%d, want 880..-120", id, f.Ascent(), f.Descent())
		}
		if f.Has(0xE000) || f.Has(0x10FFFF) {
			t.Errorf("%v claims a private-use or unassigned glyph", id)
		}
	}
}

// The widths must be those the PDF records: Noto's em dash is proportional.
func TestAdvancesMatchTheFontFiles(t *testing.T) {
	cases := []struct {
		id   ID
		r    rune
		want int
	}{
		{Song, '—', 890}, {Song, 'A', 718}, {Song, ' ', 256}, {Song, '，', 1000},
		{Kai, '“', 350}, {Hei, '·', 1000}, {Song, '·', 327},
	}
	for _, c := range cases {
		if got, ok := MustLoad(c.id).Advance(c.r); !ok || got != c.want {
			t.Errorf("%v %q: %d, %v; want %d", c.id, c.r, got, ok, c.want)
		}
	}
}

func TestRareCharactersAboveTheBMP(t *testing.T) {
	song := MustLoad(Song)
	for _, r := range "堃喆赟䶮𠀋" {
		if !song.Has(r) {
			t.Errorf("Noto Serif lacks %q U+%04X", r, r)
		}
	}
	// WenKai lacks most of Extension A: its fallback chain must reach a face that has it.
	kai := MustLoad(Kai)
	r := '䶮'
	if kai.Has(r) {
		t.Skip("WenKai has 䶮 now; pick another test character")
	}
	found := false
	for _, id := range Kai.Fallbacks() {
		found = found || MustLoad(id).Has(r)
	}
	if !found {
		t.Errorf("no face in Kai's fallback chain has %q", r)
	}
}

func TestLicenses(t *testing.T) {
	l := Licenses()
	for _, want := range []string{"SIL OPEN FONT LICENSE", "Noto", "WenKai"} {
		if !strings.Contains(strings.ToUpper(l), strings.ToUpper(want)) {
			t.Errorf("licence text lacks %q", want)
		}
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("OTTO0000000000000000"), make([]byte, 40)} {
		if _, err := Parse(data); err == nil {
			t.Errorf("Parse(%q) gave no error", data)
		}
	}
}

func BenchmarkAdvance(b *testing.B) {
	f := MustLoad(Song)
	text := []rune("近年来，郑州市完整、准确、全面贯彻新发展理念")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range text {
			f.Advance(r)
		}
	}
}

// The faces are exactly the files fonts/README.md describes: a page set years from now
// uses the same outlines and metrics.
func TestEmbeddedFilesAreTheKnownOnes(t *testing.T) {
	want := map[ID]string{
		Song:     "d5f3563a4c39a5a947a4722f9c2c0453216feb663c8b5888914395591708eff2",
		SongBold: "b25055888bb41772b25d6879574835ad459c9f8eabd9b07bca5af8be289446c6",
		Hei:      "2111e885f02e5cac9a3c7f76e3910e79d14a1559a840c58d6496a1bbe252e7df",
		Kai:      "bbf534b0ca093928f94d1782855e65a19a32cde82b075d495d072025521953c8",
	}
	for id, sum := range want {
		got := sha256.Sum256([]byte(MustLoad(id).File()))
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%v: sha256 %x, want %s", id, got, sum)
		}
	}
}

// LoadAll gives every face or an error, never a panic.
func TestLoadAll(t *testing.T) {
	all, err := LoadAll()
	if err != nil {
		t.Fatal(err)
	}
	for id, f := range all {
		if f == nil || !f.Has('中') {
			t.Errorf("face %d: %v", id, f)
		}
	}
}

// A subset's widths are the advances the layout measures with, glyph by glyph.
func TestSubsetWidthsAreTheMeasuredAdvances(t *testing.T) {
	for id := ID(0); id < Count; id++ {
		f := MustLoad(id)
		chars := []rune("中“—A1 ，")
		s, err := f.Subset(chars, "X")
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range chars {
			adv, _ := f.Advance(r)
			if w := s.Widths[s.Glyph[r]]; w != adv {
				t.Errorf("%v %q: width %d in the subset, advance %d", id, r, w, adv)
			}
		}
	}
}
