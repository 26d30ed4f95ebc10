package lines

// This file is the one place that says how Chinese punctuation behaves in a line
// (W3C clreq §3.1 and GB/T 15834-2011): every rule the composer applies to a mark is
// read from markTable, never written as a condition on a particular character.

// blank tells which part of a full-width mark's 1-em box is empty. It decides where a
// narrow glyph sits in its box and which half gives way when the mark is compressed.
type blank uint8

const (
	inkFull    blank = iota // nothing gives way (dashes, ellipses, wave dash); the glyph is centred
	blankLeft               // opening marks: ink in the right half, glyph right-aligned
	blankRight              // closing marks and ，。、；：！？: ink in the left half, glyph left-aligned
	blankSides              // middle marks: ¼ em blank on each side, glyph centred
)

// Shrink levels: the order in which clreq takes space away from a line that is too long.
// (A closing mark at line end is always set ½ em; that is not a shrink but the rule.)
const (
	shrinkNone      = 0
	shrinkLineStart = 1 // an opening mark at line start loses its blank half
	shrinkSpace     = 2 // Latin word spaces
	shrinkPause     = 3 // brackets, quotes, ，、；： and middle dots
	shrinkStop      = 4 // 。？！
	shrinkLevels    = 5
)

// Stretch levels: the order in which clreq adds space to a line that is too short.
const (
	stretchSpace   = 1 // Latin word spaces, up to ½ em
	stretchHanLat  = 2 // gaps between Han and Latin, up to ⅓ em
	stretchEven    = 3 // every gap between characters alike
	stretchLevels  = 4
	wordSpaceMax   = 500 // thousandths of an em
	hanLatinGap    = 250
	hanLatinGapMax = 333
	hanLatinGapMin = 125 // in a line that must shrink, with the word spaces (JIS X 4051: down to ⅛ em)
	// ideoShrink is what an ideographic space (the run-in lead's 本报讯　) gives up in a
	// line that must shrink, with the word spaces: half its em.
	ideoShrink = 500
)

// markClass is one row of the table: a set of marks that behave alike.
type markClass struct {
	marks    string
	blank    blank
	noStart  bool  // never at line start
	noEnd    bool  // never at line end
	shrink   uint8 // level at which the blank part gives way inside a line
	pair     bool  // two in a row are one 2-em unit that never splits; the pair may start a line in basic mode only
	joinsNum bool  // between two digits it is part of the number (3000～5000)
	dash     bool  // a pair is drawn as one continuous rule
}

// markTable is the class table. Curly quotes are Chinese quotation marks here, not the
// neutral quotes of UAX #14; the colon is set as on the mainland (ink on the left).
var markTable = [...]markClass{
	{marks: "“‘（《〈【〖〔［｛「『", blank: blankLeft, noEnd: true, shrink: shrinkPause},
	{marks: "”’）》〉】〗〕］｝」』", blank: blankRight, noStart: true, shrink: shrinkPause},
	{marks: "、，；：", blank: blankRight, noStart: true, shrink: shrinkPause},
	{marks: "。！？．", blank: blankRight, noStart: true, shrink: shrinkStop},
	{marks: "·・‧", blank: blankSides, noStart: true, shrink: shrinkPause},
	{marks: "—―", noStart: true, pair: true, dash: true},
	{marks: "…⋯", noStart: true, pair: true},
	{marks: "～〜", noStart: true, joinsNum: true},
	{marks: "–／", noStart: true},
}

// halfWidth lists the half-width marks that stand for Chinese ones beside Han text,
// with the full-width mark each becomes.
var halfWidth = [...]struct{ half, full string }{
	{",", "，"}, {"(", "（"}, {")", "）"}, {";", "；"}, {":", "："}, {"!", "！"}, {"?", "？"},
}

var (
	markOf [0x10000]uint8 // rune → 1 + index into markTable; 0: not a mark
	fullOf [0x80]uint8    // ASCII byte → 1 + index into halfWidth; 0: not convertible
)

func init() {
	for i, c := range markTable {
		for _, r := range c.marks {
			markOf[r] = uint8(i + 1)
		}
	}
	for i, h := range halfWidth {
		fullOf[h.half[0]] = uint8(i + 1)
	}
}

// markIndex returns 1 + the table row of r, or 0 when r is not a Chinese mark.
func markIndex(r rune) uint8 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	return markOf[r]
}

// class returns the table row for a mark index from markIndex (which must not be 0).
func class(m uint8) *markClass { return &markTable[m-1] }

// isWide reports whether r is a Han-like character: ideographs, kana, hangul, bopomofo,
// full-width forms and emoji. They sit on the character grid and may break on either side.
func isWide(r rune) bool {
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

// isSpace reports whether r is a space: never drawn, a gap between units.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// isDigit reports whether r is an ASCII digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }
