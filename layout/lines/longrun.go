package lines

// The last resort for long unbreakable runs: a URL, an e-mail address, a path or a long
// digit string may break after one of its separators, with no hyphen added, when every
// other setting of the paragraph spreads a line beyond totalfit.WideSpread. Latin words and
// ordinary numbers (EX00, 12.5%, 2023) are shorter than longRun and never split.
const (
	longRun    = 8 // characters a run needs before it may split
	minPiece   = 2 // characters on either side of such a break
	separators = "/.-_@"
)

// splitLong cuts every long run into pieces after its separators, joined without a gap
// by soft joints the breaker takes only with a penalty; it reports whether it cut any.
func (c *composer) splitLong() bool {
	cut := false
	for k := range c.units {
		cut = cut || len(c.cuts(&c.units[k])) > 0
	}
	if !cut {
		return false
	}
	old := c.units
	c.units = make([]unit, 0, len(old)+8)
	for k := range old {
		cuts := c.cuts(&old[k])
		if len(cuts) == 0 {
			c.units = append(c.units, old[k])
			continue
		}
		a0 := old[k].a0
		for _, a1 := range append(cuts, old[k].a1) {
			u := old[k]
			u.a0, u.a1 = a0, a1
			if a0 > old[k].a0 {
				u = unit{a0: a0, a1: a1, inWord: true, soft: true, noBreak: c.atoms[a0].noBreak, nbOff: c.atoms[a0].nbOff}
			}
			c.finish(&u)
			c.units = append(c.units, u)
			a0 = a1
		}
	}
	return true
}

// cuts lists the atoms of a long run after which it may break: after a separator, with
// minPiece characters before and after, the next not a separator itself.
func (c *composer) cuts(u *unit) []int32 {
	if u.kind != kLatin || u.inWord || u.a1-u.a0 < longRun {
		return nil
	}
	var out []int32
	last := u.a0 // start of the current piece
	for i := u.a0; i+1 < u.a1; i++ {
		if !c.separator(i) || c.separator(i+1) || i+1-last < minPiece || u.a1-(i+1) < minPiece {
			continue
		}
		out = append(out, i+1)
		last = i + 1
	}
	return out
}

// separator reports whether atom i is one of the characters a long run may break after.
func (c *composer) separator(i int32) bool {
	a := &c.atoms[i]
	if a.n != 1 || a.kind != kLatin {
		return false
	}
	for j := 0; j < len(separators); j++ {
		if a.text[0] == separators[j] {
			return true
		}
	}
	return false
}
