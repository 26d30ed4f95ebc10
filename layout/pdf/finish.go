package pdf

import (
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"
)

// finish turns gopdf's output into the file broadsheet ships. gopdf writes a classic
// cross-reference table, every object uncompressed except stream data, and the
// ToUnicode maps as plain text; finish relies on that layout and checks it:
//
//   - each ToUnicode map is rewritten as bfchar entries in UTF-16, so characters
//     above U+FFFF (gopdf writes U+2000B as one five-digit code) extract as
//     surrogate pairs, in blocks of at most 100 entries as the CMap format wants;
//   - each font named by its plain face name gets its subset name (names);
//   - each embedded TrueType program (FontFile2) is shrunk: the metrics of glyphs
//     the subset dropped are zeroed, empty tables dropped, and it is deflated again
//     at zlib's default level (fontfile.go);
//   - the document information (Title, Producer) becomes an indirect object in
//     UTF-16, surrogates included, and the trailer gets a file /ID derived from the
//     content, so the same page still gives the same bytes;
//   - the cross-reference table and startxref are rebuilt for the new offsets.
func finish(raw []byte, names map[string]string, inf info) ([]byte, error) {
	f, err := splitFile(raw)
	if err != nil {
		return nil, err
	}
	renamed := make(map[string]int)
	var out bytes.Buffer
	out.Grow(len(raw) + 4096)
	out.Write(f.header)
	offsets := make([]int, 0, len(f.objects)+1)
	for _, o := range f.objects {
		offsets = append(offsets, out.Len())
		b, err := rewriteObject(o, f, names, renamed)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", o.num, err)
		}
		out.Write(b)
	}
	for plain := range names {
		if renamed[plain] == 0 {
			return nil, fmt.Errorf("font %s: no font dictionary carries its name", plain)
		}
	}
	infoNum := len(f.objects) + 1
	offsets = append(offsets, out.Len())
	writeInfo(&out, infoNum, inf)
	writeXref(&out, offsets, f.root, infoNum)
	return out.Bytes(), nil
}

// info is the document information dictionary.
type info struct{ Title, Producer string }

// object is one "n 0 obj … endobj" of gopdf's output, as written.
type object struct {
	num  int
	data []byte
}

// file is gopdf's output cut into its parts.
type file struct {
	header    []byte
	objects   []object // object n is objects[n-1]
	root      int
	toUnicode map[int]bool // the objects that are ToUnicode maps
	fontFiles map[int]bool // the objects that are TrueType font programs (FontFile2)
}

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reXrefHead  = regexp.MustCompile(`^xref\n0 (\d+)\n`)
	reRoot      = regexp.MustCompile(`/Root (\d+) 0 R`)
	reToUnicode = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	reLength    = regexp.MustCompile(`/Length (\d+)(\s+\d+\s+R)?`)
)

// splitFile reads the cross-reference table and cuts the file at the offsets it gives.
// Using the offsets, not a scan for "endobj", keeps binary stream data out of the way.
func splitFile(raw []byte) (*file, error) {
	m := reStartXref.FindSubmatch(raw)
	if m == nil {
		return nil, errors.New("no startxref")
	}
	xref, err := number(m[1], "startxref")
	if err != nil {
		return nil, err
	}
	if xref <= 0 || xref >= len(raw) {
		return nil, fmt.Errorf("startxref %d outside the file", xref)
	}
	offsets, trailer, err := readXref(raw[xref:])
	if err != nil {
		return nil, err
	}
	f := &file{toUnicode: make(map[int]bool), fontFiles: make(map[int]bool)}
	if m := reRoot.FindSubmatch(trailer); m != nil {
		if f.root, err = number(m[1], "trailer /Root"); err != nil {
			return nil, err
		}
	}
	if f.root < 1 || f.root > len(offsets) {
		return nil, errors.New("trailer names no /Root object")
	}
	f.header = raw[:offsets[0]]
	for i, start := range offsets {
		end := xref
		if i+1 < len(offsets) {
			end = offsets[i+1]
		}
		if start < len(f.header) || end < start {
			return nil, fmt.Errorf("object %d: offsets out of order", i+1)
		}
		o := object{num: i + 1, data: raw[start:end]}
		if !bytes.HasPrefix(o.data, fmt.Appendf(nil, "%d 0 obj\n", o.num)) {
			return nil, fmt.Errorf("object %d: not at its xref offset %d", o.num, start)
		}
		for _, m := range reToUnicode.FindAllSubmatch(dictOf(o.data), -1) {
			n, err := number(m[1], fmt.Sprintf("object %d: /ToUnicode", o.num))
			if err != nil {
				return nil, err
			}
			f.toUnicode[n] = true
		}
		for _, m := range reFontFile2.FindAllSubmatch(dictOf(o.data), -1) {
			n, err := number(m[1], fmt.Sprintf("object %d: /FontFile2", o.num))
			if err != nil {
				return nil, err
			}
			f.fontFiles[n] = true
		}
		f.objects = append(f.objects, o)
	}
	return f, nil
}

// readXref reads a classic cross-reference section starting at x: the offsets of
// objects 1…n-1 and the trailer dictionary after them.
func readXref(x []byte) ([]int, []byte, error) {
	m := reXrefHead.FindSubmatch(x)
	if m == nil {
		return nil, nil, errors.New("no classic xref table at startxref")
	}
	n, err := number(m[1], "xref entry count")
	if err != nil {
		return nil, nil, err
	}
	rows := x[len(m[0]):]
	if n < 2 || len(rows) < 20*n {
		return nil, nil, fmt.Errorf("xref table of %d entries is truncated", n)
	}
	offsets := make([]int, n-1)
	for i := range offsets {
		row := rows[20*(i+1) : 20*(i+2)]
		if row[17] != 'n' {
			return nil, nil, fmt.Errorf("xref entry %d is not in use", i+1)
		}
		off, err := strconv.Atoi(string(row[:10]))
		if err != nil {
			return nil, nil, fmt.Errorf("xref entry %d: %w", i+1, err)
		}
		offsets[i] = off
	}
	return offsets, rows[20*n:], nil
}

// number reads the decimal digits b as an int; what names the number in the error.
func number(b []byte, what string) (int, error) {
	n, err := strconv.Atoi(string(b))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", what, err)
	}
	return n, nil
}

// dictOf returns an object's text before its stream data, if it has any.
func dictOf(obj []byte) []byte {
	if i := bytes.Index(obj, []byte("stream\n")); i >= 0 {
		return obj[:i]
	}
	return obj
}

// rewriteObject returns an object as it goes into the finished file.
func rewriteObject(o object, f *file, names map[string]string, renamed map[string]int) ([]byte, error) {
	if f.toUnicode[o.num] {
		return rewriteToUnicode(o)
	}
	if f.fontFiles[o.num] {
		return rewriteFontFile(o)
	}
	dict := dictOf(o.data)
	if !bytes.Contains(dict, []byte("/BaseFont /")) && !bytes.Contains(dict, []byte("/FontName /")) {
		return o.data, nil
	}
	out := append([]byte(nil), dict...)
	for plain, subset := range names {
		for _, key := range []string{"/BaseFont /", "/FontName /"} {
			from, to := []byte(key+plain+"\n"), []byte(key+subset+"\n")
			renamed[plain] += bytes.Count(out, from)
			out = bytes.ReplaceAll(out, from, to)
		}
	}
	return append(out, o.data[len(dict):]...), nil
}

// rewriteToUnicode replaces a ToUnicode stream object by one with the same mappings
// written correctly.
func rewriteToUnicode(o object) ([]byte, error) {
	dict := dictOf(o.data)
	if bytes.Contains(dict, []byte("/Filter")) {
		return nil, errors.New("ToUnicode map is not a plain stream")
	}
	data, err := streamData(o, dict, "ToUnicode")
	if err != nil {
		return nil, err
	}
	maps, err := parseBfranges(data)
	if err != nil {
		return nil, err
	}
	cmap := toUnicodeCMap(maps)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d 0 obj\n<<\n/Length %d\n>>\nstream\n", o.num, len(cmap))
	b.Write(cmap)
	b.WriteString("endstream\nendobj\n\n")
	return b.Bytes(), nil
}

// streamData returns the bytes of stream object o, whose dictionary is dict, as its
// /Length says; what names the stream in errors.
func streamData(o object, dict []byte, what string) ([]byte, error) {
	m := reLength.FindSubmatch(dict)
	if m == nil {
		return nil, fmt.Errorf("%s stream has no /Length", what)
	}
	if len(m[2]) > 0 {
		return nil, fmt.Errorf("%s stream: /Length%s is an indirect object, want a number", what, m[2])
	}
	n, err := number(m[1], what+" stream /Length")
	if err != nil {
		return nil, err
	}
	start := len(dict) + len("stream\n")
	if n > len(o.data)-start {
		return nil, fmt.Errorf("%s stream is shorter than its /Length", what)
	}
	return o.data[start : start+n], nil
}

// glyphMap maps one glyph (CID) to the character it draws.
type glyphMap struct {
	glyph uint16
	char  rune
}

// parseBfranges reads gopdf's "<lo><hi><code point>" lines. gopdf writes the
// destination as a hexadecimal code point, not UTF-16; a glyph mapped twice keeps its
// first character.
func parseBfranges(cmap []byte) ([]glyphMap, error) {
	if !bytes.Contains(cmap, []byte("beginbfrange")) || bytes.Contains(cmap, []byte("beginbfchar")) {
		return nil, errors.New("ToUnicode map is not in bfrange entries, the only form read here")
	}
	var maps []glyphMap
	seen := make(map[uint16]bool)
	for line := range bytes.Lines(cmap) {
		f := hexFields(line)
		if len(f) != 3 {
			continue
		}
		lo, err1 := strconv.ParseUint(f[0], 16, 16)
		hi, err2 := strconv.ParseUint(f[1], 16, 16)
		cp, err3 := strconv.ParseUint(f[2], 16, 32)
		if err := errors.Join(err1, err2, err3); err != nil || hi < lo || cp+(hi-lo) > 0x10FFFF {
			return nil, fmt.Errorf("ToUnicode entry %q: bad range or code point", bytes.TrimSpace(line))
		}
		for g := lo; g <= hi; g++ {
			if !seen[uint16(g)] {
				seen[uint16(g)] = true
				maps = append(maps, glyphMap{uint16(g), rune(cp + g - lo)})
			}
		}
	}
	slices.SortFunc(maps, func(a, b glyphMap) int { return int(a.glyph) - int(b.glyph) })
	return maps, nil
}

// hexFields returns the contents of the <…> hex strings on a line that holds only
// hex strings and white space, or nil.
func hexFields(line []byte) []string {
	var f []string
	for rest := bytes.TrimSpace(line); len(rest) > 0; rest = bytes.TrimLeft(rest, " \t") {
		if rest[0] != '<' {
			return nil
		}
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return nil
		}
		f = append(f, string(rest[1:end]))
		rest = rest[end+1:]
	}
	return f
}

// toUnicodeCMap writes a ToUnicode CMap for two-byte glyph codes (Identity-H) with
// each character in UTF-16BE, in bfchar blocks of at most 100 entries.
func toUnicodeCMap(maps []glyphMap) []byte {
	var b bytes.Buffer
	b.Grow(64 + 20*len(maps))
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(maps); i += 100 {
		block := maps[i:min(i+100, len(maps))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for _, m := range block {
			fmt.Fprintf(&b, "<%04X> <%s>\n", m.glyph, utf16Hex(string(m.char)))
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// utf16Hex returns s in UTF-16BE as upper-case hex, surrogate pairs included:
// "𠀋" gives "D840DC0B".
func utf16Hex(s string) string {
	units := utf16.Encode([]rune(s))
	b := make([]byte, 0, 4*len(units))
	for _, u := range units {
		b = fmt.Appendf(b, "%04X", u)
	}
	return string(b)
}

// writeInfo appends the document information dictionary as object num.
func writeInfo(b *bytes.Buffer, num int, inf info) {
	fmt.Fprintf(b, "%d 0 obj\n<<\n", num)
	if inf.Title != "" {
		fmt.Fprintf(b, "/Title <FEFF%s>\n", utf16Hex(inf.Title))
	}
	if inf.Producer != "" {
		fmt.Fprintf(b, "/Producer <FEFF%s>\n", utf16Hex(inf.Producer))
	}
	b.WriteString(">>\nendobj\n\n")
}

// writeXref appends the cross-reference table for objects at offsets (object n at
// offsets[n-1]) and the trailer. The file ID is a digest of everything before it.
func writeXref(b *bytes.Buffer, offsets []int, root, infoNum int) {
	id := md5.Sum(b.Bytes())
	xref := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [<%X> <%X>]\n>>\nstartxref\n%d\n%%%%EOF\n",
		len(offsets)+1, root, infoNum, id[:], id[:], xref)
}
