package object

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// The reader parses a PDF as PDF (tokens, objects, streams by their /Length), never
// by matching exact bytes, so it does not depend on how a writer lays out its file.
// It reads files such as gopdf and Ghostscript write: a classic cross-reference table
// or a cross-reference stream, objects in object streams (PDF 1.5), a stream's /Length
// direct or an indirect number. Anything it does not expect — an object defined twice
// (an incremental update), an encrypted file, a generation other than 0, a filter
// other than Flate where it must decode — is an error. It does not read the
// cross-reference table itself: objects are read in file order.

// Parsed values: int, float64, bool, nil, Name, []byte (a string's bytes), []any
// (array), map[string]any (dictionary), Ref and *RawStream.

// RawStream is a stream object as read: its dictionary and its (still encoded) data.
type RawStream struct {
	Dict map[string]any
	Data []byte
	// lengthRef is the object holding /Length when it is indirect: Data runs to the
	// endstream keyword until Parse has read that object.
	lengthRef Ref
}

// Parsed is a Parsed PDF file: its objects by number and its trailer.
type Parsed struct {
	Objs    map[int]any
	Trailer map[string]any
}

// ErrEncrypted is Parse's error for an encrypted file, which it does not decrypt.
var ErrEncrypted = errors.New("the file is encrypted")

// Parse reads every object of a PDF, its object streams' included, and its trailer.
func Parse(b []byte) (*Parsed, error) {
	l := &lexer{b: b}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, errors.New("no %PDF header")
	}
	p := &Parsed{Objs: make(map[int]any)}
	var pending []*RawStream // streams whose /Length is an indirect object
	var xrefStream map[string]any
	var end keyword
	for {
		tok, err := l.next()
		if err != nil {
			return nil, err
		}
		if kw, ok := tok.(keyword); ok && (kw == "xref" || kw == "trailer" || kw == "startxref") {
			end = kw
			break
		}
		num, ok := tok.(int)
		if !ok {
			return nil, fmt.Errorf("offset %d: %v where an object number belongs", l.pos, tok)
		}
		obj, err := l.object()
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", num, err)
		}
		if _, dup := p.Objs[num]; dup {
			return nil, fmt.Errorf("object %d appears twice", num)
		}
		p.Objs[num] = obj
		if s, ok := obj.(*RawStream); ok {
			if s.lengthRef != 0 {
				pending = append(pending, s)
			}
			if s.Dict["Type"] == Name("XRef") {
				xrefStream = s.Dict
			}
		}
	}
	if err := p.readTrailer(l, end, xrefStream); err != nil {
		return nil, err
	}
	if _, enc := p.Trailer["Encrypt"]; enc {
		return nil, ErrEncrypted
	}
	if err := p.objectStreams(); err != nil {
		return nil, err
	}
	if err := p.indirectLengths(pending); err != nil {
		return nil, err
	}
	return p, nil
}

// readTrailer reads the trailer after the objects: the trailer dictionary of a
// classic file, or the dictionary of its cross-reference stream (PDF 1.5), which holds
// the same entries.
func (p *Parsed) readTrailer(l *lexer, end keyword, xrefStream map[string]any) error {
	if end == "startxref" {
		if xrefStream == nil {
			return errors.New("neither a trailer nor a cross-reference stream")
		}
		p.Trailer = xrefStream
		return nil
	}
	for {
		tok, err := l.next()
		if err != nil {
			return fmt.Errorf("looking for the trailer: %w", err)
		}
		if tok == keyword("trailer") {
			break
		}
	}
	t, err := l.value()
	if err != nil {
		return fmt.Errorf("trailer: %w", err)
	}
	var ok bool
	if p.Trailer, ok = t.(map[string]any); !ok {
		return errors.New("trailer is not a dictionary")
	}
	return nil
}

// maxInStream bounds the objects one object stream may hold, so a hostile count
// cannot make the reader allocate without end.
const maxInStream = 1 << 20

// objectStreams reads the objects packed in object streams (PDF 1.5) into Objs, in
// the order of the streams' numbers.
func (p *Parsed) objectStreams() error {
	var nums []int
	for n, o := range p.Objs {
		if s, ok := o.(*RawStream); ok && s.Dict["Type"] == Name("ObjStm") {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	for _, n := range nums {
		if err := p.objectStream(p.Objs[n].(*RawStream)); err != nil {
			return fmt.Errorf("object stream %d: %w", n, err)
		}
	}
	return nil
}

// objectStream reads one object stream: N pairs of object number and offset from
// /First, then the objects.
func (p *Parsed) objectStream(s *RawStream) error {
	count, ok1 := s.Dict["N"].(int)
	first, ok2 := s.Dict["First"].(int)
	if !ok1 || !ok2 || count < 0 || count > maxInStream || first < 0 {
		return fmt.Errorf("/N %v /First %v", s.Dict["N"], s.Dict["First"])
	}
	data, err := Decoded(s)
	if err != nil {
		return err
	}
	if first > len(data) {
		return fmt.Errorf("/First %d past the stream's %d bytes", first, len(data))
	}
	head := &lexer{b: data[:first]}
	body := &lexer{b: data[first:]}
	for i := 0; i < count; i++ {
		num, err1 := head.next()
		off, err2 := head.next()
		n, ok1 := num.(int)
		o, ok2 := off.(int)
		if err1 != nil || err2 != nil || !ok1 || !ok2 || o < 0 || o > len(body.b) {
			return fmt.Errorf("entry %d of its table is %v %v", i, num, off)
		}
		body.pos = o
		v, err := body.value()
		if err != nil {
			return fmt.Errorf("object %d: %w", n, err)
		}
		if _, dup := p.Objs[n]; dup {
			return fmt.Errorf("object %d appears twice", n)
		}
		p.Objs[n] = v
	}
	return nil
}

// indirectLengths cuts the streams whose /Length is an indirect object to that length,
// now that every object is read.
func (p *Parsed) indirectLengths(pending []*RawStream) error {
	for _, s := range pending {
		n, ok := p.Objs[int(s.lengthRef)].(int)
		if !ok || n < 0 || n > len(s.Data) {
			return fmt.Errorf("a stream's /Length %d 0 R is %v, want a number up to the %d bytes before endstream",
				int(s.lengthRef), p.Objs[int(s.lengthRef)], len(s.Data))
		}
		s.Data, s.lengthRef = s.Data[:n], 0
	}
	return nil
}

// Resolve follows a reference; other values are returned as they are.
func (p *Parsed) Resolve(v any) (any, error) {
	r, ok := v.(Ref)
	if !ok {
		return v, nil
	}
	o, ok := p.Objs[int(r)]
	if !ok {
		return nil, fmt.Errorf("object %d is missing", int(r))
	}
	return o, nil
}

// DictAt resolves v and checks that it is a dictionary; what names it in errors.
func (p *Parsed) DictAt(v any, what string) (map[string]any, error) {
	o, err := p.Resolve(v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	d, ok := o.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s is %T, not a dictionary", what, o)
	}
	return d, nil
}

// Decoded returns a stream's data with its filter undone: none or FlateDecode.
func Decoded(s *RawStream) ([]byte, error) {
	switch f := s.Dict["Filter"]; f {
	case nil:
		return s.Data, nil
	case Name("FlateDecode"):
		if _, ok := s.Dict["DecodeParms"]; ok {
			return nil, errors.New("a Flate stream with DecodeParms")
		}
		r, err := zlib.NewReader(bytes.NewReader(s.Data))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(r)
	default:
		return nil, fmt.Errorf("filter %v", f)
	}
}

// keyword is a bare word: obj, endobj, stream, R, true…
type keyword string

// lexer splits PDF syntax into tokens.
type lexer struct {
	b     []byte
	pos   int
	depth int // of arrays and dictionaries being read
}

// maxDepth bounds nested arrays and dictionaries (gopdf nests three deep), so hostile
// input cannot exhaust the stack.
const maxDepth = 32

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}
func isDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

// skip passes white space and comments.
func (l *lexer) skip() {
	for l.pos < len(l.b) {
		switch c := l.b[l.pos]; {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// delimiters returned as tokens
type delim string

// next returns the next token: int, float64, Name, []byte, keyword or delim.
func (l *lexer) next() (any, error) {
	l.skip()
	if l.pos >= len(l.b) {
		return nil, io.ErrUnexpectedEOF
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		start := l.pos + 1
		l.pos++
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		n := l.b[start:l.pos]
		if bytes.IndexByte(n, '#') >= 0 {
			return unescapeName(n, start)
		}
		return Name(n), nil
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		return delim("<<"), nil
	case c == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>':
		l.pos += 2
		return delim(">>"), nil
	case c == '<':
		end := bytes.IndexByte(l.b[l.pos:], '>')
		if end < 0 {
			return nil, fmt.Errorf("offset %d: unterminated hex string", l.pos)
		}
		h := bytes.Map(func(r rune) rune {
			if r < 128 && isSpace(byte(r)) {
				return -1
			}
			return r
		}, l.b[l.pos+1:l.pos+end])
		if len(h)%2 == 1 {
			h = append(h, '0')
		}
		out := make([]byte, len(h)/2)
		for i := range out {
			v, err := strconv.ParseUint(string(h[2*i:2*i+2]), 16, 8)
			if err != nil {
				return nil, fmt.Errorf("offset %d: hex string: %w", l.pos, err)
			}
			out[i] = byte(v)
		}
		l.pos += end + 1
		return out, nil
	case c == '[' || c == ']':
		l.pos++
		return delim(c), nil
	case isDelim(c):
		return nil, fmt.Errorf("offset %d: unexpected %q", l.pos, c)
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	w := string(l.b[start:l.pos])
	if n, err := strconv.Atoi(w); err == nil {
		return n, nil
	}
	if c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9' {
		f, err := strconv.ParseFloat(w, 64)
		if err != nil {
			return nil, fmt.Errorf("offset %d: number %q: %w", start, w, err)
		}
		return f, nil
	}
	return keyword(w), nil
}

// unescapeName undoes a name's #xx escapes (/PANTONE#20485#20C is PANTONE 485 C).
func unescapeName(n []byte, start int) (Name, error) {
	out := make([]byte, 0, len(n))
	for i := 0; i < len(n); i++ {
		if n[i] != '#' {
			out = append(out, n[i])
			continue
		}
		if i+2 >= len(n) {
			return "", fmt.Errorf("offset %d: name %q ends in an escape", start, n)
		}
		v, err := strconv.ParseUint(string(n[i+1:i+3]), 16, 8)
		if err != nil || v == 0 {
			return "", fmt.Errorf("offset %d: name %q has a bad escape", start, n)
		}
		out = append(out, byte(v))
		i += 2
	}
	return Name(out), nil
}

// literal reads a (…) string with its escapes and balanced parentheses.
func (l *lexer) literal() ([]byte, error) {
	start := l.pos
	l.pos++
	var out []byte
	for depth := 1; ; l.pos++ {
		if l.pos >= len(l.b) {
			return nil, fmt.Errorf("offset %d: unterminated string", start)
		}
		c := l.b[l.pos]
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				l.pos++
				return out, nil
			}
		case '\\':
			l.pos++
			if l.pos >= len(l.b) {
				return nil, fmt.Errorf("offset %d: unterminated string", start)
			}
			switch e := l.b[l.pos]; e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := 0
					for k := 0; k < 3 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = 8*v + int(l.b[l.pos]-'0')
						l.pos++
					}
					l.pos--
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
}

// value reads one direct value, a reference included.
func (l *lexer) value() (any, error) {
	tok, err := l.next()
	if err != nil {
		return nil, err
	}
	return l.valueFrom(tok)
}

func (l *lexer) valueFrom(tok any) (any, error) {
	switch t := tok.(type) {
	case int:
		save := l.pos
		if g, err := l.next(); err == nil {
			if g, ok := g.(int); ok && g == 0 {
				if r, err := l.next(); err == nil && r == keyword("R") {
					return Ref(t), nil
				}
			}
		}
		l.pos = save
		return t, nil
	case float64, Name, []byte:
		return t, nil
	case keyword:
		switch t {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		return nil, fmt.Errorf("offset %d: unexpected %s", l.pos, t)
	case delim:
		if t == "[" || t == "<<" {
			if l.depth++; l.depth > maxDepth {
				return nil, fmt.Errorf("offset %d: nested more than %d deep", l.pos, maxDepth)
			}
			defer func() { l.depth-- }()
		}
		switch t {
		case "[":
			var a []any
			for {
				tok, err := l.next()
				if err != nil {
					return nil, err
				}
				if tok == delim("]") {
					return a, nil
				}
				v, err := l.valueFrom(tok)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
		case "<<":
			d := make(map[string]any)
			for {
				tok, err := l.next()
				if err != nil {
					return nil, err
				}
				if tok == delim(">>") {
					return d, nil
				}
				k, ok := tok.(Name)
				if !ok {
					return nil, fmt.Errorf("offset %d: dictionary key %v", l.pos, tok)
				}
				v, err := l.value()
				if err != nil {
					return nil, fmt.Errorf("/%s: %w", k, err)
				}
				d[string(k)] = v
			}
		}
	}
	return nil, fmt.Errorf("offset %d: unexpected %v", l.pos, tok)
}

// object reads "g obj value [stream…] endobj" after the object number.
func (l *lexer) object() (any, error) {
	if g, err := l.next(); err != nil || g != 0 {
		return nil, fmt.Errorf("generation %v, want 0", g)
	}
	if kw, err := l.next(); err != nil || kw != keyword("obj") {
		return nil, fmt.Errorf("%v where obj belongs", kw)
	}
	v, err := l.value()
	if err != nil {
		return nil, err
	}
	tok, err := l.next()
	if err != nil {
		return nil, err
	}
	if tok == keyword("stream") {
		d, ok := v.(map[string]any)
		if !ok {
			return nil, errors.New("stream without a dictionary")
		}
		if v, err = l.streamData(d); err != nil {
			return nil, err
		}
		if tok, err = l.next(); err != nil {
			return nil, err
		}
	}
	if tok != keyword("endobj") {
		return nil, fmt.Errorf("%v where endobj belongs", tok)
	}
	return v, nil
}

// streamEnd returns where the endstream keyword that ends a stream's data b starts:
// the first one followed by endobj, so data that holds the word is not cut; -1 when
// there is none.
func streamEnd(b []byte) int {
	for at := 0; ; {
		k := bytes.Index(b[at:], []byte("endstream"))
		if k < 0 {
			return -1
		}
		at += k
		rest := bytes.TrimLeft(b[at+len("endstream"):], " \t\r\n\f\x00")
		if bytes.HasPrefix(rest, []byte("endobj")) {
			return at
		}
		at += len("endstream")
	}
}

// streamData reads a stream's data after the stream keyword, by its direct /Length,
// or up to the endstream keyword when /Length is an indirect object (which Parse reads
// later and cuts the data to).
func (l *lexer) streamData(d map[string]any) (*RawStream, error) {
	n, ok := d["Length"].(int)
	ref, indirect := d["Length"].(Ref)
	if !ok && !indirect {
		return nil, fmt.Errorf("stream /Length is %v, want a number", d["Length"])
	}
	if bytes.HasPrefix(l.b[l.pos:], []byte("\r\n")) {
		l.pos += 2
	} else if l.pos < len(l.b) && l.b[l.pos] == '\n' {
		l.pos++
	} else {
		return nil, errors.New("no end of line after stream")
	}
	if indirect {
		end := streamEnd(l.b[l.pos:])
		if end < 0 {
			return nil, errors.New("a stream without endstream and endobj")
		}
		s := &RawStream{Dict: d, Data: l.b[l.pos : l.pos+end], lengthRef: ref}
		l.pos += end + len("endstream")
		return s, nil
	}
	if n < 0 || n > len(l.b)-l.pos {
		return nil, fmt.Errorf("stream /Length %d runs past the end of the file", n)
	}
	s := &RawStream{Dict: d, Data: l.b[l.pos : l.pos+n]}
	l.pos += n
	if tok, err := l.next(); err != nil || tok != keyword("endstream") {
		return nil, fmt.Errorf("stream of /Length %d not followed by endstream", n)
	}
	return s, nil
}
