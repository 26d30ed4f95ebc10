package lines

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"broadsheet/layout/geom"
	"broadsheet/layout/lines/clreq"
	"broadsheet/layout/lines/totalfit"
)

// kind is what an atom or a unit is for spacing and breaking.
type kind uint8

const (
	kHan   kind = iota // ideographs and other wide characters, and marks no face has
	kLatin             // letters, digits and other narrow characters that join into words
	kMark              // a Chinese punctuation mark from clreq.Table
	kSpace             // a space: never drawn
)

// atom is one grapheme cluster of the paragraph.
type atom struct {
	text  string      // the cluster as drawn (the full-width mark after conversion)
	off   int32       // byte offset in its span's text
	n     int32       // byte length in its span's text
	span  int32       // index of its span
	face  int32       // -1: no face has it
	adv   geom.Length // advance as drawn
	kind  kind        // see kind
	mark  uint8       // 1 + row of clreq.Table, 0 for none
	conv  bool        // converted from a half-width mark
	multi bool        // more than one rune
	ideo  bool        // an ideographic space (1 em)
	// noBreak: the caller forbids a line break before it (Span.NoBreak), listing nbOff
	noBreak bool
	nbOff   int32
}

// composer holds one paragraph's working state; it is pooled between calls.
type composer struct {
	spans  []Span
	opt    Options
	em     geom.Length
	atoms  []atom
	units  []unit
	adv    []geom.Length // prefix sums of natural widths: adv[k] = Σ_{i<k} (w_i + joint_i)
	breaks []int         // end unit of each line
	hidden bool          // some characters (invisible ones, marks no face has) were left out of the atoms' text
	glyphs []glyph
	miss   []Missing

	breaker   totalfit.Breaker // the total-fit breaker and its tables
	emergency bool             // long runs are cut for the last resort (longrun.go)
}

var pool = sync.Pool{New: func() any { return new(composer) }}

// newComposer takes a composer from the pool and sets it up for one paragraph.
func newComposer(spans []Span, opt Options) *composer {
	c := pool.Get().(*composer)
	if opt.Width < 0 {
		opt.Width = 0
	}
	if opt.Size < 0 {
		opt.Size = 0
	}
	c.spans, c.opt, c.em = spans, opt, opt.Size
	c.atoms, c.units, c.adv = c.atoms[:0], c.units[:0], c.adv[:0]
	c.breaks, c.glyphs, c.miss, c.hidden = c.breaks[:0], c.glyphs[:0], nil, false
	c.emergency = false
	return c
}

// release returns c to the pool, dropping references to the caller's data.
func (c *composer) release() {
	c.spans, c.miss = nil, nil
	if cap(c.atoms) > 1<<16 {
		return // do not keep huge buffers alive
	}
	pool.Put(c)
}

// collect splits every span into atoms.
func (c *composer) collect() {
	for si, sp := range c.spans {
		nb, pending, at := sortedOffsets(sp.NoBreak), false, 0
		for off := 0; off < len(sp.Text); {
			n := clreq.ClusterLen(sp.Text[off:])
			from := len(c.atoms)
			c.addAtom(sp, si, off, n)
			for len(nb) > 0 && nb[0] < off+n {
				if nb[0] == off && !pending {
					pending, at = true, off
				}
				nb = nb[1:]
			}
			if pending && from < len(c.atoms) {
				c.atoms[from].noBreak, c.atoms[from].nbOff, pending = true, int32(at), false // at an invisible character: the next one drawn
			}
			off += n
		}
	}
}

// sortedOffsets returns offs ascending (a sorted copy when the caller's are not).
func sortedOffsets(offs []int) []int {
	if slices.IsSorted(offs) {
		return offs
	}
	return slices.Sorted(slices.Values(offs))
}

// addAtom appends the cluster s[off:off+n] of span si. Invisible format characters
// (variation selectors, joiners, zero-width spaces, soft hyphens, byte-order marks)
// are not drawn: a cluster of nothing else adds no atom, and what is left of a cluster
// they held together (an emoji sequence without its joiners) is clustered again.
func (c *composer) addAtom(sp Span, si, off, n int) {
	s, changed := clreq.Visible(sp.Text[off : off+n])
	if !changed {
		c.addCluster(sp, si, off, n, s)
		return
	}
	c.hidden = true
	for len(s) > 0 {
		k := clreq.ClusterLen(s)
		c.addCluster(sp, si, off, n, s[:k])
		s = s[k:]
	}
}

// addCluster appends one atom drawing s, which stands for s[off:off+n] of span si.
func (c *composer) addCluster(sp Span, si, off, n int, s string) {
	r, rn := utf8.DecodeRuneInString(s)
	a := atom{text: s, off: int32(off), n: int32(n), span: int32(si), multi: rn < len(s)}
	if rn == len(s) && clreq.Space(r) {
		a.kind, a.ideo, a.face = kSpace, r == 0x3000, -1
		a.adv = c.spaceAdvance(sp.Font, r)
		c.atoms = append(c.atoms, a)
		return
	}
	if !a.multi {
		a.mark = clreq.Mark(r) // a mark with something combined on it is set as a plain character
	}
	a.kind = kindOf(r, a.mark)
	c.measure(&a, sp.Font, si)
	c.atoms = append(c.atoms, a)
}

// kindOf classifies a character.
func kindOf(r rune, mark uint8) kind {
	switch {
	case mark != 0:
		return kMark
	case clreq.Wide(r):
		return kHan
	}
	return kLatin
}

// measure looks up the glyphs of a's cluster: face and advance of the first rune, the
// advances of the rest added. The whole cluster is drawn in one face; a rune only another
// face has is recorded as missing and the cluster set as a box. A mark no face has, on a
// base its face has, is recorded as missing and left out of the drawn text, so that a run
// never holds a glyph its face lacks.
func (c *composer) measure(a *atom, f Font, si int) {
	first := true
	base := -1
	var drop []int // byte offsets in a.text of marks left out
	for i, r := range a.text {
		face, adv, ok := glyphOf(f, r)
		if first {
			base = face
		} else if ok && face != base && a.face >= 0 {
			ok = false // a mark the base character's face cannot set
			a.face, a.adv = -1, c.em*geom.Length(utf8.RuneCountInString(a.text[:i]))
		}
		if !ok {
			c.miss = append(c.miss, Missing{Rune: r, Offset: int(a.off) + i, Span: si})
			if !first && a.face >= 0 {
				drop = append(drop, i)
				continue
			}
		}
		switch {
		case first && !ok:
			a.face, a.adv = -1, c.em
			if a.kind == kMark {
				a.kind = kHan // drawn as a box: no blank half to trim
			}
		case first:
			a.face, a.adv = int32(face), geom.Em(adv, c.em)
		case a.face < 0:
			a.adv += c.em // the caller draws 1 em per character of a missing run
		case ok:
			a.adv += geom.Em(adv, c.em)
		}
		first = false
	}
	if len(drop) > 0 {
		a.text, c.hidden = without(a.text, drop), true
	}
}

// without returns s less the runes that start at the byte offsets at, in order.
func without(s string, at []int) string {
	var b strings.Builder
	prev := 0
	for _, i := range at {
		_, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[prev:i])
		prev = i + n
	}
	b.WriteString(s[prev:])
	return b.String()
}

// glyphOf asks f for r; a nil Font has no glyphs.
func glyphOf(f Font, r rune) (int, int, bool) {
	if f == nil {
		return 0, 0, false
	}
	return f.Glyph(r)
}

// spaceAdvance is the natural width of a space: 1 em for an ideographic space, else
// the font's space (¼ em when the font has none).
func (c *composer) spaceAdvance(f Font, r rune) geom.Length {
	if r == 0x3000 {
		return c.em
	}
	if _, adv, ok := glyphOf(f, ' '); ok && adv > 0 {
		return geom.Em(adv, c.em)
	}
	return geom.Em(250, c.em)
}

// widen turns half-width , ( ) ; : ! ? into full-width marks where they stand beside
// Chinese text (skipping spaces), but never inside a number such as 1,234.5 or 10:30.
// A pair of brackets turns together or not at all: 中文(A) becomes 中文（A）, and
// (1)中文 becomes （1）中文.
func (c *composer) widen() {
	pair := c.bracketPairs()
	for i := range c.atoms {
		a := &c.atoms[i]
		full, convertible := clreq.FullWidth(a.text[0])
		if a.n != 1 || !convertible {
			continue
		}
		if j, ok := pair[i]; ok {
			if !c.chineseBeside(i) && !c.chineseBeside(j) {
				continue
			}
		} else if c.inNumber(i) || !c.chineseBeside(i) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(full)
		face, adv, ok := glyphOf(c.spans[a.span].Font, r)
		if !ok {
			continue // keep the half-width mark rather than invent a missing glyph
		}
		a.text, a.conv, a.mark, a.kind = full, true, clreq.Mark(r), kMark
		a.face, a.adv = int32(face), geom.Em(adv, c.em)
	}
}

// bracketPairs matches the half-width ( and ) atoms, each to the other.
func (c *composer) bracketPairs() map[int]int {
	var open []int
	var pair map[int]int
	for i := range c.atoms {
		switch a := &c.atoms[i]; {
		case a.n != 1 || a.conv:
		case a.text == "(":
			open = append(open, i)
		case a.text == ")" && len(open) > 0:
			if pair == nil {
				pair = map[int]int{}
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			pair[o], pair[i] = i, o
		}
	}
	return pair
}

// inNumber reports whether atom i stands between two digits.
func (c *composer) inNumber(i int) bool {
	if i == 0 || i+1 >= len(c.atoms) {
		return false
	}
	return isDigitAtom(&c.atoms[i-1]) && isDigitAtom(&c.atoms[i+1])
}

func isDigitAtom(a *atom) bool { return a.n == 1 && clreq.Digit(rune(a.text[0])) }

// chineseBeside reports whether the nearest non-space neighbour of atom i on either
// side (looking past other convertible marks on the right) is Han or a Chinese mark.
func (c *composer) chineseBeside(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if k := c.atoms[j].kind; k != kSpace {
			if k == kHan || k == kMark {
				return true
			}
			break
		}
	}
	for j := i + 1; j < len(c.atoms); j++ {
		a := &c.atoms[j]
		if a.kind == kSpace || (a.n == 1 && convertible(a.text[0])) {
			continue
		}
		return a.kind == kHan || a.kind == kMark
	}
	return false
}

// convertible reports whether b is a half-width mark widen may turn full-width.
func convertible(b byte) bool {
	_, ok := clreq.FullWidth(b)
	return ok
}
