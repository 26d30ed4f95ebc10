package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"regexp"
	"slices"
)

// gopdf subsets the glyf table but keeps the face's whole loca and hmtx tables, so
// a CJK face of ~32,000 glyphs carries ~130 KB of metrics for glyphs the subset
// dropped, about 30 KB of it left after compression. The horizontal metrics of
// those glyphs are never used: viewers take widths from the font's /W array, and a
// glyph without an outline draws nothing. rewriteFontFile zeroes them, so they
// compress to almost nothing, drops the empty tables gopdf writes for the hinting
// programs the faces lack (cvt, fpgm, prep), and deflates again at zlib's default level.

var (
	reFontFile2 = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
	reLength1   = regexp.MustCompile(`/Length1 (\d+)`)
)

// sfntTable is one table of a TrueType font program.
type sfntTable struct {
	tag  string
	data []byte
}

// rewriteFontFile replaces a FontFile2 stream object, as gopdf writes it (a Flate
// stream with /Length and /Length1), by one holding the shrunk font program.
func rewriteFontFile(o object) ([]byte, error) {
	prog, err := fontFileProgram(o)
	if err != nil {
		return nil, err
	}
	small, err := shrinkFont(prog)
	if err != nil {
		return nil, fmt.Errorf("font program: %w", err)
	}
	packed := deflate(small)
	var b bytes.Buffer
	b.Grow(len(packed) + 128)
	fmt.Fprintf(&b, "%d 0 obj\n<<\n/Length %d\n/Filter /FlateDecode\n/Length1 %d\n>>\nstream\n", o.num, len(packed), len(small))
	b.Write(packed)
	b.WriteString("\nendstream\nendobj\n\n")
	return b.Bytes(), nil
}

// fontFileProgram returns the inflated font program of a FontFile2 stream object,
// checking that its dictionary is the one gopdf writes.
func fontFileProgram(o object) ([]byte, error) {
	dict := dictOf(o.data)
	m1 := reLength1.FindSubmatch(dict)
	if m1 == nil || !bytes.Contains(dict, []byte("/Filter /FlateDecode\n")) || bytes.Contains(dict, []byte("/DecodeParms")) {
		return nil, errors.New("FontFile2 is not a Flate stream with /Length and /Length1")
	}
	n1, err := number(m1[1], "FontFile2 /Length1")
	if err != nil {
		return nil, err
	}
	data, err := streamData(o, dict, "FontFile2")
	if err != nil {
		return nil, err
	}
	prog, err := inflate(data, n1)
	if err != nil {
		return nil, fmt.Errorf("FontFile2: %w", err)
	}
	if len(prog) != n1 {
		return nil, fmt.Errorf("FontFile2 holds %d bytes, /Length1 says %d", len(prog), n1)
	}
	return prog, nil
}

// inflate decompresses zlib data, expecting about size bytes.
func inflate(data []byte, size int) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(size + bytes.MinRead)
	if _, err := b.ReadFrom(r); err != nil {
		return nil, err
	}
	return b.Bytes(), r.Close()
}

// deflate compresses data with zlib at the default level (deterministic): best
// compression saves 0.3 % more for half as much time again.
func deflate(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) / 2)
	w, _ := zlib.NewWriterLevel(&b, zlib.DefaultCompression) // the level is valid
	w.Write(data)                                            // writes to a bytes.Buffer do not fail
	w.Close()
	return b.Bytes()
}

// shrinkFont returns the font program with the horizontal metrics of every glyph
// that has no outline zeroed and its empty tables dropped, checksums recomputed.
// Glyphs with outlines, and the components composite glyphs refer to, are untouched;
// so are all other tables (hhea's extremes stay valid bounds).
func shrinkFont(prog []byte) ([]byte, error) {
	tables, err := readTables(prog)
	if err != nil {
		return nil, err
	}
	byTag := make(map[string][]byte, len(tables))
	for _, t := range tables {
		byTag[t.tag] = t.data
	}
	hmtx, err := zeroUnusedMetrics(byTag)
	if err != nil {
		return nil, err
	}
	kept := tables[:0:0]
	for _, t := range tables {
		if t.tag == "hmtx" {
			t.data = hmtx
		}
		if len(t.data) > 0 {
			kept = append(kept, t)
		}
	}
	return writeSfnt(kept), nil
}

// readTables reads the table directory of a TrueType font program.
func readTables(prog []byte) ([]sfntTable, error) {
	if len(prog) < 12 || binary.BigEndian.Uint32(prog) != 0x00010000 {
		return nil, errors.New("not a TrueType font program")
	}
	n := int(binary.BigEndian.Uint16(prog[4:]))
	if len(prog) < 12+16*n {
		return nil, errors.New("truncated table directory")
	}
	tables := make([]sfntTable, n)
	for i := range tables {
		rec := prog[12+16*i:]
		off, size := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > uint64(len(prog)) {
			return nil, fmt.Errorf("table %q lies outside the program", rec[:4])
		}
		tables[i] = sfntTable{string(rec[:4]), prog[off : off+size]}
	}
	return tables, nil
}

// zeroUnusedMetrics returns a copy of the hmtx table with the advance and left side
// bearing of every glyph that has no outline, and is no composite's component, set
// to zero. When trailing glyphs share the last long metric's advance, that advance
// is kept.
func zeroUnusedMetrics(t map[string][]byte) ([]byte, error) {
	head, hhea, maxp, hmtx := t["head"], t["hhea"], t["maxp"], t["hmtx"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("missing or truncated head, hhea or maxp")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	numH := int(binary.BigEndian.Uint16(hhea[34:]))
	if numH < 1 || numH > numGlyphs || len(hmtx) < 2*numGlyphs+2*numH {
		return nil, fmt.Errorf("hmtx of %d bytes does not fit %d glyphs, %d long metrics", len(hmtx), numGlyphs, numH)
	}
	keep, err := outlinedGlyphs(t["glyf"], t["loca"], numGlyphs, binary.BigEndian.Uint16(head[50:]) == 1)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(hmtx)
	for g, k := range keep {
		switch {
		case k:
		case g < numH-1 || g == numH-1 && numH == numGlyphs:
			clear(out[4*g : 4*g+4])
		case g == numH-1:
			clear(out[4*g+2 : 4*g+4])
		default:
			at := 4*numH + 2*(g-numH)
			clear(out[at : at+2])
		}
	}
	return out, nil
}

// outlinedGlyphs reports, per glyph, whether it has glyf data (loca[g] < loca[g+1])
// or is a component of a composite glyph that has.
func outlinedGlyphs(glyf, loca []byte, numGlyphs int, long bool) ([]bool, error) {
	offsets, err := locaOffsets(loca, numGlyphs, long)
	if err != nil {
		return nil, err
	}
	keep := make([]bool, numGlyphs)
	for g := range keep {
		start, end := offsets[g], offsets[g+1]
		if start == end {
			continue
		}
		if start > end || end > len(glyf) {
			return nil, fmt.Errorf("glyph %d lies outside glyf", g)
		}
		keep[g] = true
		if err := markComponents(glyf[start:end], keep); err != nil {
			return nil, fmt.Errorf("glyph %d: %w", g, err)
		}
	}
	return keep, nil
}

// locaOffsets returns the numGlyphs+1 glyph offsets of a loca table in short
// (offset/2 as uint16) or long (uint32) format.
func locaOffsets(loca []byte, numGlyphs int, long bool) ([]int, error) {
	size := 2
	if long {
		size = 4
	}
	if len(loca) < size*(numGlyphs+1) {
		return nil, fmt.Errorf("loca of %d bytes is short for %d glyphs", len(loca), numGlyphs)
	}
	offsets := make([]int, numGlyphs+1)
	for g := range offsets {
		if long {
			offsets[g] = int(binary.BigEndian.Uint32(loca[4*g:]))
		} else {
			offsets[g] = 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
		}
	}
	return offsets, nil
}

// Composite glyph component flags.
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// markComponents marks the components of a composite glyph as kept; a simple glyph
// (numberOfContours ≥ 0) has none.
func markComponents(glyph []byte, keep []bool) error {
	if len(glyph) < 10 || int16(binary.BigEndian.Uint16(glyph)) >= 0 {
		return nil
	}
	for at := 10; ; {
		if at+4 > len(glyph) {
			return errors.New("truncated composite glyph")
		}
		flags, comp := binary.BigEndian.Uint16(glyph[at:]), int(binary.BigEndian.Uint16(glyph[at+2:]))
		if comp < len(keep) {
			keep[comp] = true
		}
		if flags&moreComponents == 0 {
			return nil
		}
		at += 4 + componentArgsSize(flags)
	}
}

// componentArgsSize returns the bytes of offsets and transform after a component's
// flags and glyph index.
func componentArgsSize(flags uint16) int {
	n := 2
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&haveScale != 0:
		n += 2
	case flags&haveXYScale != 0:
		n += 4
	case flags&haveTwoByTwo != 0:
		n += 8
	}
	return n
}

// writeSfnt writes a TrueType font program of the tables in tag order, each at a
// four-byte boundary with its checksum, and sets head.checkSumAdjustment.
func writeSfnt(tables []sfntTable) []byte {
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b sfntTable) int { return bytes.Compare([]byte(a.tag), []byte(b.tag)) })
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += pad4(len(t.data))
	}
	out := make([]byte, 12+16*n, size)
	be := binary.BigEndian
	sel := 0
	for 2<<sel <= n {
		sel++
	}
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<sel))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*n-16<<sel))
	headAt := -1
	for i, t := range tables {
		off := len(out)
		out = append(out, t.data...)
		out = append(out, make([]byte, pad4(len(t.data))-len(t.data))...)
		if t.tag == "head" && len(t.data) >= 12 {
			headAt = off
			clear(out[off+8 : off+12]) // the checksum is taken with the adjustment zero
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		be.PutUint32(rec[4:], checksum(out[off:]))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(t.data)))
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// pad4 rounds n up to a multiple of four.
func pad4(n int) int { return (n + 3) &^ 3 }

// checksum is the TrueType table checksum: the sum of big-endian uint32 words, the
// last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}
