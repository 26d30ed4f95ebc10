package pdf

import (
	"strings"
	"testing"
)

// A ToUnicode map written with bfchar entries is not what gopdf writes: reading it as
// bfranges would give no mappings at all, so it must be refused, not emptied.
func TestToUnicodeInBfcharIsRefused(t *testing.T) {
	cmap := "1 beginbfchar\n<0001> <4E2D>\nendbfchar\n"
	maps, err := parseBfranges([]byte(cmap))
	if err == nil {
		t.Errorf("parseBfranges(bfchar) = %d mappings and no error, want an error", len(maps))
	}
}

// An indirect /Length (7 0 R) is not a length of 7 bytes.
func TestIndirectLengthIsRefused(t *testing.T) {
	o := object{num: 3, data: []byte("3 0 obj\n<<\n/Length 7 0 R\n>>\nstream\n0123456789\nendstream\nendobj\n")}
	data, err := streamData(o, dictOf(o.data), "ToUnicode")
	if err == nil {
		t.Errorf("streamData(/Length 7 0 R) = %q and no error, want an error", data)
	}
}

// A number too large for an int is an error, not a silently clamped value.
func TestNumbersOutOfRangeAreErrors(t *testing.T) {
	o := object{num: 3, data: []byte("3 0 obj\n<<\n/Length 99999999999999999999\n>>\nstream\n0123\nendstream\nendobj\n")}
	_, err := streamData(o, dictOf(o.data), "ToUnicode")
	if err == nil || !strings.Contains(err.Error(), "Length") {
		t.Errorf("streamData(/Length 99999999999999999999): error %v, want one naming /Length", err)
	}
	raw := []byte("%PDF-1.7\nxref\n0 99999999999999999999\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n9\n%%EOF\n")
	if _, err := splitFile(raw); err == nil || !strings.Contains(err.Error(), "xref") {
		t.Errorf("splitFile(xref of 99999999999999999999 entries): error %v, want one naming the xref", err)
	}
}
