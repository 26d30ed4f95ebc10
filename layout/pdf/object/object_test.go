package object

import (
	"bytes"
	"strings"
	"testing"
)

// The object writer fails loudly on anything it does not know how to write.
func TestObjectWriterRefusesTheUnexpected(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{struct{}{}, "unexpected value of type struct {}"},
		{uint8(3), "unexpected value of type uint8"},
		{Name("A\x00B"), "holds a NUL"},
		{Name(""), "empty name"},
		{Ref(0), "reference to object 0"},
		{NewDict("Bad", []string{"x"}), "/Bad: unexpected value"},
		{Array{1, nil}, "[1]: unexpected value"},
	} {
		var b bytes.Buffer
		if err := writeValue(&b, c.v); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("writeValue(%#v): error %v, want %q", c.v, err, c.want)
		}
	}
	var f File
	f.Add(Plain(NewDict("Length", 3), []byte("abc")))
	if _, err := f.Bytes(1, 1); err == nil || !strings.Contains(err.Error(), "sets /Length itself") {
		t.Errorf("a stream setting its own /Length: error %v", err)
	}
	var g File
	g.Reserve()
	if _, err := g.Bytes(1, 1); err == nil || !strings.Contains(err.Error(), "reserved and never written") {
		t.Errorf("a reserved object never written: error %v", err)
	}
}

// Names: a byte that needs it is escaped as #xx, and reads back as it was.
func TestNamesEscapeAndReadBack(t *testing.T) {
	for _, n := range []Name{"PANTONE 485 C", "a#b/c(d)", "报"} {
		var b bytes.Buffer
		if err := writeName(&b, n); err != nil {
			t.Fatal(err)
		}
		l := &lexer{b: b.Bytes()}
		got, err := l.next()
		if err != nil || got != n || strings.ContainsAny(b.String()[1:], " /()") {
			t.Errorf("%q: written %s, read back %q, %v", n, b.String(), got, err)
		}
	}
	if _, err := (&lexer{b: []byte("/A#2")}).next(); err == nil {
		t.Error("a name ending in a cut escape was read")
	}
}

// Text strings: ASCII as an escaped literal, anything else as UTF-16BE with a BOM.
func TestTextStrings(t *testing.T) {
	for in, want := range map[string]string{
		"broadsheet": "(broadsheet)", "a(b)\\": `(a\(b\)\\)`, "报𠀋": "<FEFF62A5D840DC0B>",
	} {
		var b bytes.Buffer
		if err := writeValue(&b, Text(in)); err != nil || b.String() != want {
			t.Errorf("%q: %q, %v; want %q", in, b.String(), err, want)
		}
	}
}

// The reader returns an error, never panics, on any input.
func FuzzParse(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<< /Length 5 >>\nstream\nabc\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n"))
	f.Add([]byte("%PDF-1.4\n1 0 obj\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]\nendobj\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		// a parsed file may still be anything: resolving its root must not panic either
		if root, err := p.DictAt(p.Trailer["Root"], "Root"); err == nil {
			p.DictAt(root["Pages"], "Pages")
		}
	})
}
