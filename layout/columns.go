package layout

// columnStart is the first body-area row of column c below the photo block.
func (f *fitting) columnStart(c int) int {
	if c >= f.columns-f.photoCols {
		return f.photoLines
	}
	return 0
}

// room is the number of body lines column c can hold.
func (f *fitting) room(c int) int { return max(0, f.lines-f.headLines-f.columnStart(c)) }

// shareLines fills cols[c] with the number of body lines column c holds when total
// lines are set in f: the columns end level at the fewest rows that hold the text, the
// last columns a line short for the rest, and then a paragraph's last line is kept
// from standing alone at a column's top — back to the foot of the column before when
// that has room, or else the line above it follows it over. It returns the widows it
// could not mend.
func (s *story) shareLines(cols []int, f *fitting, total int) (widows int) {
	rows := level(total, f.columns, f.photoCols, f.photoLines, f.lines-f.headLines)
	held := 0
	for c := range cols {
		cols[c] = max(0, rows-f.columnStart(c))
		held += cols[c]
	}
	for c := len(cols) - 1; held > total; c-- {
		if c < 0 {
			c = len(cols) - 1
		}
		if cols[c] > 0 {
			cols[c]--
			held--
		}
	}
	return s.mendWidows(cols, f)
}

// mendWidows moves column breaks so that no column starts with a paragraph's last
// line: the line before it follows it over when a later column has a spare row (the
// lines between move along), else the widow goes back when an earlier column has one.
// It returns the widows left.
func (s *story) mendWidows(cols []int, f *fitting) (widows int) {
	for pass := 0; pass <= len(cols); pass++ {
		c := s.widowColumn(cols, 0)
		if c < 0 {
			return 0
		}
		if d := spare(cols, f, c, len(cols)); d >= 0 && cols[c-1] > 2 {
			cols[c-1]--
			cols[d]++
		} else if u := spare(cols, f, 0, c); u >= 0 {
			cols[u]++
			cols[c]--
		} else {
			break
		}
	}
	for c := s.widowColumn(cols, 0); c >= 0; c = s.widowColumn(cols, c+1) {
		widows++
	}
	return widows
}

// widowColumn is the first column from `from` on that starts with a widow, or −1.
func (s *story) widowColumn(cols []int, from int) int {
	first := 0
	for c, n := range cols {
		if c >= max(from, 1) && n > 0 && s.widow(first) {
			return c
		}
		first += n
	}
	return -1
}

// spare is the first column in [from, to) with a row to spare, or −1.
func spare(cols []int, f *fitting, from, to int) int {
	for c := from; c < to; c++ {
		if cols[c] < f.room(c) {
			return c
		}
	}
	return -1
}

// widow reports whether body line i ends a paragraph that began on an earlier line.
func (s *story) widow(i int) bool {
	return i > 0 && i < len(s.body) && s.body[i].Last && !s.body[i].byline && s.body[i-1].para == s.body[i].para
}
