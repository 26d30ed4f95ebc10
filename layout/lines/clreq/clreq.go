// Package clreq is the one place that says what a character is to the Chinese line
// composer (W3C clreq §3.1 and GB/T 15834-2011): the punctuation classes as a table,
// the order in which a line gives and takes space, which characters are wide, spaces
// or digits, and where grapheme clusters and invisible format characters are. Every
// rule the composer applies to a mark is read from Table, never written as a
// condition on a particular character. It does no layout.
package clreq

// Blank tells which part of a full-width mark's 1-em box is empty. It decides where a
// narrow glyph sits in its box and which half gives way when the mark is compressed.
type Blank uint8

const (
	InkFull    Blank = iota // nothing gives way (dashes, ellipses, wave dash); the glyph is centred
	BlankLeft               // opening marks: ink in the right half, glyph right-aligned
	BlankRight              // closing marks and ，。、；：！？: ink in the left half, glyph left-aligned
	BlankSides              // middle marks: ¼ em blank on each side, glyph centred
)

// Shrink levels: the order in which clreq takes space away from a line that is too long.
// (A closing mark at line end is always set ½ em; that is not a shrink but the rule.)
const (
	ShrinkNone      = 0
	ShrinkLineStart = 1 // an opening mark at line start loses its blank half
	ShrinkSpace     = 2 // Latin word spaces
	ShrinkPause     = 3 // brackets, quotes, ，、；： and middle dots
	ShrinkStop      = 4 // 。？！
	ShrinkLevels    = 5
)

// Stretch levels: the order in which clreq adds space to a line that is too short.
const (
	StretchSpace   = 1 // Latin word spaces, up to ½ em
	StretchHanLat  = 2 // gaps between Han and Latin, up to ⅓ em
	StretchEven    = 3 // every gap between characters alike
	StretchLevels  = 4
	WordSpaceMax   = 500 // thousandths of an em
	HanLatinGap    = 250
	HanLatinGapMax = 333
	HanLatinGapMin = 125 // in a line that must shrink, with the word spaces (JIS X 4051: down to ⅛ em)
	// IdeoShrink is what an ideographic space (the run-in lead's 本报讯　) gives up in a
	// line that must shrink, with the word spaces: half its em.
	IdeoShrink = 500
)

// Class is one row of the table: a set of marks that behave alike.
type Class struct {
	Marks    string
	Blank    Blank
	NoStart  bool  // never at line start
	NoEnd    bool  // never at line end
	Shrink   uint8 // level at which the blank part gives way inside a line
	Pair     bool  // two in a row are one 2-em unit that never splits; the pair may start a line in basic mode only
	JoinsNum bool  // between two digits it is part of the number (3000～5000)
	Dash     bool  // a pair is drawn as one continuous rule
}

// Table is the class table. Curly quotes are Chinese quotation marks here, not the
// neutral quotes of UAX #14; the colon is set as on the mainland (ink on the left).
var Table = [...]Class{
	{Marks: "“‘（《〈【〖〔［｛「『", Blank: BlankLeft, NoEnd: true, Shrink: ShrinkPause},
	{Marks: "”’）》〉】〗〕］｝」』", Blank: BlankRight, NoStart: true, Shrink: ShrinkPause},
	{Marks: "、，；：", Blank: BlankRight, NoStart: true, Shrink: ShrinkPause},
	{Marks: "。！？．", Blank: BlankRight, NoStart: true, Shrink: ShrinkStop},
	{Marks: "·・‧", Blank: BlankSides, NoStart: true, Shrink: ShrinkPause},
	{Marks: "—―", NoStart: true, Pair: true, Dash: true},
	{Marks: "…⋯", NoStart: true, Pair: true},
	{Marks: "～〜", NoStart: true, JoinsNum: true},
	{Marks: "–／", NoStart: true},
}

// HalfWidth lists the half-width marks that stand for Chinese ones beside Han text,
// with the full-width mark each becomes.
var HalfWidth = [...]struct{ Half, Full string }{
	{",", "，"}, {"(", "（"}, {")", "）"}, {";", "；"}, {":", "："}, {"!", "！"}, {"?", "？"},
}

var (
	markOf [0x10000]uint8 // rune → 1 + index into Table; 0: not a mark
	fullOf [0x80]uint8    // ASCII byte → 1 + index into HalfWidth; 0: not convertible
)

func init() {
	for i, c := range Table {
		for _, r := range c.Marks {
			markOf[r] = uint8(i + 1)
		}
	}
	for i, h := range HalfWidth {
		fullOf[h.Half[0]] = uint8(i + 1)
	}
}

// Mark returns 1 + the table row of r, or 0 when r is not a Chinese mark.
func Mark(r rune) uint8 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	return markOf[r]
}

// ClassOf returns the table row for a mark index from Mark (which must not be 0).
func ClassOf(m uint8) *Class { return &Table[m-1] }

// FullWidth returns the full-width mark that half-width ASCII mark b stands for beside
// Chinese text, if it is one of HalfWidth.
func FullWidth(b byte) (string, bool) {
	if b >= 0x80 || fullOf[b] == 0 {
		return "", false
	}
	return HalfWidth[fullOf[b]-1].Full, true
}

// Wide reports whether r is a Han-like character: ideographs, kana, hangul, bopomofo,
// full-width forms and emoji. They sit on the character grid and may break on either side.
func Wide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115F:
		return true
	case r >= 0x2E80 && r <= 0xA4CF:
		return true
	case r >= 0xA960 && r <= 0xA97F, r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF:
		return true
	case r >= 0xFE10 && r <= 0xFE19, r >= 0xFE30 && r <= 0xFE6F:
		return true
	case r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6:
		return true
	case r >= 0x1F300 && r <= 0x1F64F, r >= 0x1F900 && r <= 0x1F9FF:
		return true
	case r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return false
}

// Space reports whether r is a space: never drawn, a gap between units.
func Space(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Digit reports whether r is an ASCII digit.
func Digit(r rune) bool { return r >= '0' && r <= '9' }
