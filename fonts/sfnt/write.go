package sfnt

import (
	"bytes"
	"encoding/binary"
	"slices"
)

// Table is one table of a font program: its four-letter tag and its bytes.
type Table struct {
	Tag  string
	Data []byte
}

// Write writes a TrueType font program of the tables in tag order, each at a
// four-byte boundary with its checksum, and sets head.checkSumAdjustment.
func Write(tables []Table) []byte {
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b Table) int { return bytes.Compare([]byte(a.Tag), []byte(b.Tag)) })
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += pad4(len(t.Data))
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
		out = append(out, t.Data...)
		out = append(out, make([]byte, pad4(len(t.Data))-len(t.Data))...)
		if t.Tag == "head" && len(t.Data) >= 12 {
			headAt = off
			clear(out[off+8 : off+12]) // the checksum is taken with the adjustment zero
		}
		rec := out[12+16*i:]
		copy(rec, t.Tag)
		be.PutUint32(rec[4:], checksum(out[off:off+pad4(len(t.Data))]))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(t.Data)))
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
