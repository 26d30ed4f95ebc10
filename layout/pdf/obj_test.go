package pdf

import (
	"bytes"
	"strings"
	"testing"

	"broadsheet/layout/display"
)

// The object writer fails loudly on anything it does not know how to write.
func TestObjectWriterRefusesTheUnexpected(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{struct{}{}, "unexpected value of type struct {}"},
		{uint8(3), "unexpected value of type uint8"},
		{name("A B"), "needs escaping"},
		{name(""), "empty name"},
		{ref(0), "reference to object 0"},
		{newDict("Bad", []string{"x"}), "/Bad: unexpected value"},
		{array{1, nil}, "[1]: unexpected value"},
	} {
		var b bytes.Buffer
		if err := writeValue(&b, c.v); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("writeValue(%#v): error %v, want %q", c.v, err, c.want)
		}
	}
	var f file
	f.add(&stream{dict: newDict("Length", 3), data: []byte("abc")})
	if _, err := f.bytes(1, 1); err == nil || !strings.Contains(err.Error(), "sets /Length itself") {
		t.Errorf("a stream setting its own /Length: error %v", err)
	}
	var g file
	g.reserve()
	if _, err := g.bytes(1, 1); err == nil || !strings.Contains(err.Error(), "reserved and never written") {
		t.Errorf("a reserved object never written: error %v", err)
	}
}

// Text strings: ASCII as an escaped literal, anything else as UTF-16BE with a BOM.
func TestTextStrings(t *testing.T) {
	for in, want := range map[string]string{
		"broadsheet": "(broadsheet)", "a(b)\\": `(a\(b\)\\)`, "报𠀋": "<FEFF62A5D840DC0B>",
	} {
		var b bytes.Buffer
		if err := writeValue(&b, textString(in)); err != nil || b.String() != want {
			t.Errorf("%q: %q, %v; want %q", in, b.String(), err, want)
		}
	}
}

// The reader of gopdf's output returns an error, never panics, on any input.
func FuzzParse(f *testing.F) {
	var b bytes.Buffer
	if err := Write(&b, textPage(display.Print{}), Options{}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<< /Length 5 >>\nstream\nabc\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n"))
	f.Add([]byte("%PDF-1.4\n1 0 obj\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]\nendobj\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := parse(data); err != nil {
			return
		}
		readPage(data) // may fail; must not panic
	})
}
