// Package lines is broadsheet's Chinese line composer: a pure function from one
// paragraph's text and font metrics to justified lines of positioned glyph runs.
//
// It follows W3C clreq and GB/T 15834: line-start and line-end prohibitions (basic or
// strict), punctuation compression, ¼ em between Han and Latin, unbreakable Latin words
// and numbers, —— and …… as 2-em units, justification by clreq's priorities, and no
// one-character last line. The rules for punctuation are data (package clreq).
//
// Justified text is broken paragraph-wide (package totalfit): all the breaks are chosen
// together so that no line takes all the looseness; a URL or a long digit string breaks
// after / . - _ @ only when every other setting spreads a line beyond ¼ em. Text set at
// natural width is filled greedily, one line at a time, and a headline may be balanced.
// A caller that knows where words are (Span.NoBreak) keeps every breaker out of them.
//
// It is not a shaper or a font reader: it sees glyphs only through the Font interface
// (a face index and an advance per rune), does no bidi, no vertical text, no
// hyphenation, and does no I/O. It does not draw; the caller turns Runs into PDF text.
package lines

import (
	"broadsheet/layout/geom"
)

// Font gives the composer one text style's glyphs: the face that draws r (after fallback
// to other faces) and its advance in thousandths of an em; ok=false when no face has r.
type Font interface {
	Glyph(r rune) (face int, advance int, ok bool)
}

// Inker is optionally implemented by a Font that knows the horizontal ink extent of a
// glyph, in thousandths of an em from its origin. The composer uses it to join a ——
// pair into one continuous rule; without it a dash is assumed to have side bearings of
// 5 % of its advance (true of Noto's U+2014: ink 43..846 of 890).
type Inker interface {
	Ink(r rune) (left, right int, ok bool)
}

// Span is a piece of a paragraph in one style; all spans of a paragraph share Size.
type Span struct {
	Text string
	Font Font
	// NoBreak lists byte offsets into Text, ascending, before which no line may break:
	// the positions inside words, for a caller that knows where words are (headlines
	// break at word boundaries only). They are honoured like a line-start rule by every
	// breaker; only when a line cannot be set otherwise (a word wider than the measure)
	// does it break at one, and Paragraph.WordSplits reports it. An offset at a space
	// stands for the break at that space; offsets out of range are ignored.
	NoBreak []int
}

// Options are the measure and the rules a paragraph is set by.
type Options struct {
	Width     geom.Length // the measure (column width)
	Size      geom.Length // type size: 1 em
	Indent    int         // first-line indent in em (2 for body text, 0 for headlines and captions)
	Strict    bool        // kinsoku level: true = strict, false = basic
	FullWidth bool        // set half-width , ( ) ; : ! ? beside Chinese as full-width marks
	Justify   bool        // true: every line but the last fills Width exactly; false: all lines at natural width
	// Balance (with Justify false, for headlines) keeps the fewest lines but moves the
	// breaks to make the lines even and to fall at phrase boundaries.
	Balance bool
}

// Paragraph is a composed paragraph.
type Paragraph struct {
	Lines   []Line
	Missing []Missing // characters no face has, in order
	// WordSplits are the lines that had to start at a position Span.NoBreak forbids,
	// in order: the caller's word did not fit on one line.
	WordSplits []WordSplit
}

// WordSplit is a line break inside a word, at byte Offset of span Span's text: one of
// that span's NoBreak offsets.
type WordSplit struct {
	Span, Offset int
}

// Line is one line of a paragraph.
type Line struct {
	Runs  []Run       // in order, X ascending
	Width geom.Length // the set width: from the line start to the end of the last glyph's box (== opt.Width for justified non-last lines)
	Last  bool        // the paragraph's last line
	// Span and Offset are where the line's text starts in the paragraph: the span's
	// index and the byte offset in its Text (a space the break dropped comes before).
	Span, Offset int
}

// Run is glyphs of one face with uniform spacing: glyph i of Text sits at
// X + Σ(advance_j + Spacing) for j<i, where advance_j is the glyph's advance × Size / 1000
// (1 em for each character of a run with Face −1).
type Run struct {
	Face    int         // from Font.Glyph; -1 for a run of characters no face has (drawn by the caller as an empty box, 1 em each)
	X       geom.Length // where the first glyph's origin is, from the line's start (left edge of the measure)
	Spacing geom.Length // extra space after every glyph of the run (PDF char spacing); never negative
	Text    string      // the characters drawn (after full-width conversion); never contains spaces
	Span    int         // index of the Span it came from
}

// Missing is a character that no face has.
type Missing struct {
	Rune   rune
	Offset int // byte offset in the original span text
	Span   int
}

// Compose sets one paragraph. It never fails: any width ≥ 0 and any text give lines;
// where a rule cannot be kept (a measure narrower than the text allows) the line
// breaks anyway, and a single glyph wider than the measure gets a line of its own.
func Compose(spans []Span, opt Options) Paragraph {
	c := newComposer(spans, opt)
	defer c.release()
	c.collect()
	if c.opt.FullWidth {
		c.widen()
	}
	c.group()
	c.prepare()
	c.breakLines()
	if c.opt.Balance && !c.opt.Justify {
		c.balance()
	}
	par := c.setLines()
	par.WordSplits = c.wordSplits()
	return par
}

// MissingIn returns the characters of text that f cannot set, as Compose would report
// them: those no face has, and marks the face of the character they sit on lacks.
// Invisible format characters (variation selectors, joiners) are never missing.
func MissingIn(text string, f Font) []Missing {
	c := newComposer([]Span{{Text: text, Font: f}}, Options{Size: geom.Point})
	defer c.release()
	c.collect()
	return append([]Missing(nil), c.miss...)
}
