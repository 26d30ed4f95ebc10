// Package object is the PDF syntax broadsheet's writer uses: a small typed object
// writer (dictionary, array, name, string, stream, reference) that fails loudly on any
// value it does not expect, and a reader of PDF files as objects, tokens and streams.
// It knows nothing of pages, fonts or gopdf.
package object

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unicode/utf16"
)

// The typed PDF objects. A value is one of: int, float64 (written
// to 0.001), bool, Name, Text, Bytes, Array, *Dict, Ref, Null, Real or *Stream; anything else
// is an error when the file is written, never a silent guess.
type (
	// Name is a PDF name, written /Name, with #xx escapes for the bytes that need
	// them.
	Name string
	// Text is a text string (titles, Info entries): ASCII printable text is written
	// as a literal, anything else as UTF-16BE with a byte order mark.
	Text string
	// Bytes is a string of bytes, written in hexadecimal.
	Bytes []byte
	// Array is a PDF array.
	Array []any
	// Ref refers to an indirect object by its number (generation 0).
	Ref int
	// Null is the null object, which a copied array may hold.
	Null struct{}
	// Real is a number written with all its digits: a value copied from another
	// file (a font matrix of 0.00048828) keeps its precision.
	Real float64
)

// Dict is a PDF dictionary that keeps its keys in the order they were set, so the
// same page always gives the same bytes.
type Dict struct {
	keys []string
	vals []any
}

// NewDict returns a dictionary of key, value pairs.
func NewDict(kv ...any) *Dict {
	d := &Dict{}
	for i := 0; i+1 < len(kv); i += 2 {
		d.Set(kv[i].(string), kv[i+1])
	}
	return d
}

// Sub returns the dictionary at key, making an empty one there if there is none; a
// value at key of another type is replaced.
func (d *Dict) Sub(key string) *Dict {
	for i, k := range d.keys {
		if k == key {
			if sub, ok := d.vals[i].(*Dict); ok {
				return sub
			}
		}
	}
	sub := &Dict{}
	d.Set(key, sub)
	return sub
}

// Set sets key to v, replacing an earlier value.
func (d *Dict) Set(key string, v any) {
	for i, k := range d.keys {
		if k == key {
			d.vals[i] = v
			return
		}
	}
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, v)
}

// Stream is a dictionary and its data. The writer adds /Length (and /Filter when
// the data is deflated), so dict must not have them.
type Stream struct {
	Dict *Dict
	Data []byte
	// deflated says data is (or, while plain is set, will be) zlib-compressed.
	deflated bool
	// plain is data still to compress: the file compresses all its streams at once,
	// on every core, when it is written.
	plain []byte
}

// Plain returns a stream of data written as it is.
func Plain(d *Dict, data []byte) *Stream { return &Stream{Dict: d, Data: data} }

// Deflated returns a stream of data to be compressed with zlib.
func Deflated(d *Dict, data []byte) *Stream {
	return &Stream{Dict: d, plain: data, deflated: true}
}

// Packed returns a stream of data already compressed with zlib.
func Packed(d *Dict, packed []byte) *Stream {
	return &Stream{Dict: d, Data: packed, deflated: true}
}

// compressAll compresses every stream still plain, in parallel: each stream is
// compressed on its own, so the bytes do not depend on the order.
func (f *File) compressAll() {
	var pending []*Stream
	for _, o := range f.objs {
		if s, ok := o.(*Stream); ok && s.plain != nil {
			pending = append(pending, s)
		}
	}
	// The largest first, so the longest job does not start last.
	slices.SortStableFunc(pending, func(a, b *Stream) int { return len(b.plain) - len(a.plain) })
	next := make(chan *Stream)
	var wg sync.WaitGroup
	workers := f.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range min(workers, len(pending)) {
		wg.Go(func() {
			for s := range next {
				s.Data, s.plain = deflate(s.plain), nil
			}
		})
	}
	for _, s := range pending {
		next <- s
	}
	close(next)
	wg.Wait()
}

// zlibWriters keeps compressors for reuse: each holds about 1 MB of tables.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.DefaultCompression) // the level is valid
	return w
}}

// deflate compresses data with zlib at the default level (deterministic).
func deflate(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/2 + 64)
	w := zlibWriters.Get().(*zlib.Writer)
	w.Reset(&b)
	w.Write(data) // writes to a bytes.Buffer do not fail
	w.Close()
	zlibWriters.Put(w)
	return b.Bytes()
}

// File is a PDF being assembled: numbered objects, written in number order.
type File struct {
	objs []any // object n is objs[n-1]
	// Workers is how many streams are compressed at once; 0 means one per core. A
	// batch that writes several pages at once gives each page fewer.
	Workers int
}

// Add appends an object and returns its reference.
func (f *File) Add(v any) Ref {
	f.objs = append(f.objs, v)
	return Ref(len(f.objs))
}

// Reserve returns the reference of an object set later with Put.
func (f *File) Reserve() Ref { return f.Add(nil) }

// Put sets a reserved object.
func (f *File) Put(r Ref, v any) { f.objs[r-1] = v }

// header is the PDF 1.6 header (PDF/X-4 allows no later version) with the binary
// comment line that marks the file as binary.
const header = "%PDF-1.6\n%\xe2\xe3\xcf\xd3\n"

// Bytes writes the file: header, objects, cross-reference table and a trailer with
// root and info, and a file /ID derived from everything before it.
func (f *File) Bytes(root, info Ref) ([]byte, error) {
	f.compressAll()
	var b bytes.Buffer
	size := 1024
	for _, o := range f.objs {
		if s, ok := o.(*Stream); ok {
			size += len(s.Data) + 128
		}
	}
	b.Grow(size)
	b.WriteString(header)
	offsets := make([]int, len(f.objs))
	for i, o := range f.objs {
		if o == nil {
			return nil, fmt.Errorf("object %d was reserved and never written", i+1)
		}
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		if err := writeObject(&b, o); err != nil {
			return nil, fmt.Errorf("object %d: %w", i+1, err)
		}
		b.WriteString("\nendobj\n")
	}
	id := md5.Sum(b.Bytes())
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(f.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%X> <%X>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(f.objs)+1, root, info, id[:], id[:], xref)
	return b.Bytes(), nil
}

// writeObject writes an indirect object's value: a stream or any direct value.
func writeObject(b *bytes.Buffer, v any) error {
	s, ok := v.(*Stream)
	if !ok {
		return writeValue(b, v)
	}
	if s.Dict == nil {
		s.Dict = &Dict{}
	}
	for _, k := range s.Dict.keys {
		if k == "Length" || k == "Filter" && s.deflated {
			return fmt.Errorf("stream dictionary sets /%s itself", k)
		}
	}
	d := &Dict{keys: append([]string{"Length"}, s.Dict.keys...), vals: append([]any{len(s.Data)}, s.Dict.vals...)}
	if s.deflated {
		d.Set("Filter", Name("FlateDecode"))
	}
	if err := writeValue(b, d); err != nil {
		return err
	}
	b.WriteString("\nstream\n")
	b.Write(s.Data)
	b.WriteString("\nendstream") // the EOL before endstream is not counted in /Length
	return nil
}

// writeValue writes a direct value.
func writeValue(b *bytes.Buffer, v any) error {
	switch v := v.(type) {
	case int:
		b.WriteString(strconv.Itoa(v))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("number %v", v)
		}
		b.WriteString(strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case Null:
		b.WriteString("null")
	case Real:
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return fmt.Errorf("number %v", v)
		}
		b.WriteString(strconv.FormatFloat(float64(v), 'f', -1, 64))
	case Name:
		return writeName(b, v)
	case Text:
		writeText(b, string(v))
	case Bytes:
		fmt.Fprintf(b, "<%X>", []byte(v))
	case Ref:
		if v < 1 {
			return fmt.Errorf("reference to object %d", int(v))
		}
		fmt.Fprintf(b, "%d 0 R", int(v))
	case Array:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			if err := writeValue(b, e); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		b.WriteByte(']')
	case *Dict:
		b.WriteString("<<")
		for i, k := range v.keys {
			b.WriteByte(' ')
			if err := writeName(b, Name(k)); err != nil {
				return err
			}
			b.WriteByte(' ')
			if err := writeValue(b, v.vals[i]); err != nil {
				return fmt.Errorf("/%s: %w", k, err)
			}
		}
		b.WriteString(" >>")
	default:
		return fmt.Errorf("unexpected value of type %T", v)
	}
	return nil
}

// writeName writes /n, a byte that is white space, a delimiter, # or outside printable
// ASCII as #xx (a copied spot colour /PANTONE#20485#20C); a name of no bytes, or with
// a NUL, is an error.
func writeName(b *bytes.Buffer, n Name) error {
	if n == "" {
		return fmt.Errorf("empty name")
	}
	b.WriteByte('/')
	for i := 0; i < len(n); i++ {
		switch c := n[i]; {
		case c == 0:
			return fmt.Errorf("name %q holds a NUL", string(n))
		case c <= ' ' || c >= 0x7F || bytes.IndexByte([]byte("()<>[]{}/%#"), c) >= 0:
			fmt.Fprintf(b, "#%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return nil
}

// writeText writes a text string: printable ASCII as a literal, escaped; anything
// else as <FEFF…> in UTF-16BE, surrogate pairs included.
func writeText(b *bytes.Buffer, s string) {
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] >= ' ' && s[i] < 0x7F
	}
	if !ascii {
		b.WriteString("<FEFF")
		for _, u := range utf16.Encode([]rune(s)) {
			fmt.Fprintf(b, "%04X", u)
		}
		b.WriteByte('>')
		return
	}
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '(' || c == ')' || c == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte(')')
}
