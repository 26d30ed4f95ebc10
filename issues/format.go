package issues

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"broadsheet/layout/geom"
)

// Limits and defaults of [format].
const (
	minColumns, maxColumns = 1, 20
	minChars, maxChars     = 4, 60
	pageMargin             = 20 * geom.Millimetre // the page width or height the type area leaves free
	minTypeLines           = 20                   // type_height holds at least this many body lines
)

var (
	minBody, maxBody = geom.Pt(5), geom.Pt(24)
	minPage, maxPage = 50 * geom.Millimetre, 2000 * geom.Millimetre
)

// defaultFormat is a broadsheet with eight basic columns of 13 characters at 9pt.
func defaultFormat() Format {
	return Format{
		SizeName: "broadsheet", Width: 390 * geom.Millimetre, Height: 545 * geom.Millimetre,
		Columns: 8, ColumnChars: 13, BodySize: geom.Pt(9), Leading: geom.Pt(13.5),
		Kinsoku: "strict", FullwidthPunctuation: true, BriefMark: "rule",
	}
}

// formatState records which of the format's values came out right, so that checks
// combining several values run only when all of them are valid.
type formatState struct {
	size, columns, chars, body, leading bool
}

// format decodes [format], filling the defaults where the file is silent.
func (d *decoder) format(root table) Format {
	f := defaultFormat()
	d.maxColumns = f.Columns
	t, ok := root.SubTable("format", "[format]")
	if !ok {
		return f
	}
	t.CheckKeys(append([]string{"size", "columns", "column_chars", "body_size", "leading", "type_height",
		"kinsoku", "fullwidth_punctuation", "brief_mark"}, printKeys...)...)
	st := formatState{size: true, columns: true, chars: true, body: true, leading: true}
	d.pageSize(t, &f, &st)
	d.grid(t, &f, &st)
	d.leading(t, &f, &st)
	d.typeHeight(t, &f, st)
	d.typeWidth(t, f, st)
	kinsoku(t, &f)
	if b, ok := t.Boolean("fullwidth_punctuation"); ok {
		f.FullwidthPunctuation = b
	}
	f.BriefMark = briefMark(t)
	d.printFormat(t, &f)
	return f
}

// pageSize decodes format.size.
func (d *decoder) pageSize(t table, f *Format, st *formatState) {
	v, ok := t.M["size"]
	if !ok {
		return
	}
	s, isString := v.(string)
	if !isString {
		t.WrongType("size", `a string like "broadsheet", "tabloid" or "300x420mm"`, v)
		st.size = false
		return
	}
	name, w, h, err := parseSize(s)
	if err != nil {
		t.Errorf("size", "%v", err)
		st.size = false
		return
	}
	f.SizeName, f.Width, f.Height = name, w, h
}

// parseSize reads a page size: "broadsheet", "tabloid" or "WIDTHxHEIGHT" with a
// unit, like "300x420mm" or "300mm×420mm".
func parseSize(s string) (name string, w, h geom.Length, err error) {
	name = strings.TrimSpace(s)
	switch strings.ToLower(name) {
	case "broadsheet":
		return "broadsheet", 390 * geom.Millimetre, 545 * geom.Millimetre, nil
	case "tabloid":
		return "tabloid", 275 * geom.Millimetre, 390 * geom.Millimetre, nil
	}
	const want = `want "broadsheet" (390×545mm), "tabloid" (275×390mm) or WIDTHxHEIGHT with a unit, like "300x420mm"`
	i := strings.IndexAny(name, "xX×")
	if i < 0 {
		return "", 0, 0, fmt.Errorf("%q is not a page size; %s", s, want)
	}
	_, n := utf8.DecodeRuneInString(name[i:])
	ws, hs := strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+n:])
	h, errH := geom.ParseLength(hs)
	w, errW := geom.ParseLength(ws)
	if errW != nil {
		w, errW = geom.ParseLength(ws + strings.TrimLeft(hs, "0123456789. "))
	}
	if errW != nil || errH != nil {
		return "", 0, 0, fmt.Errorf("%q is not a page size; %s", s, want)
	}
	for _, l := range []geom.Length{w, h} {
		if l < minPage || l > maxPage {
			return "", 0, 0, fmt.Errorf("%q: %s is out of range; want each side %s..%s",
				s, mm(l), mm(minPage), mm(maxPage))
		}
	}
	return name, w, h, nil
}

// grid decodes format.columns, format.column_chars and format.body_size.
func (d *decoder) grid(t table, f *Format, st *formatState) {
	if n, ok := t.IntIn("columns", false, minColumns, maxColumns); ok {
		f.Columns = n
	} else if _, given := t.M["columns"]; given {
		st.columns = false
	}
	d.maxColumns = f.Columns
	if !st.columns {
		d.maxColumns = maxColumns
	}
	if n, ok := t.IntIn("column_chars", false, minChars, maxChars); ok {
		f.ColumnChars = n
	} else if _, given := t.M["column_chars"]; given {
		st.chars = false
	}
	d.bodySize(t, f, st)
	_, columnsGiven := t.M["columns"]
	_, charsGiven := t.M["column_chars"]
	switch {
	case !st.size || !st.body:
	case !columnsGiven && st.chars:
		f.Columns = fittingColumns(*f)
		d.maxColumns = f.Columns
	case columnsGiven && !charsGiven && st.columns:
		f.ColumnChars = fittingChars(*f)
	}
}

// fittingColumns is the default number of basic columns: eight, or as many as fit a
// narrower page (a tabloid takes five of 13 characters at 9pt), at least one.
func fittingColumns(f Format) int {
	total := int((f.Width - pageMargin) / f.BodySize)
	return max(minColumns, min(defaultFormat().Columns, (total+1)/(f.ColumnChars+1)))
}

// fittingChars is the default width of a basic column when format.columns is given:
// 13 characters, or as many as let the columns fit a narrower page (six columns on a
// tabloid take 12), at least 4 (and if those do not fit either, typeWidth says so).
func fittingChars(f Format) int {
	total := int((f.Width - pageMargin) / f.BodySize)
	return max(minChars, min(defaultFormat().ColumnChars, (total-(f.Columns-1))/f.Columns))
}

// bodySize decodes format.body_size and sets the default leading from it.
func (d *decoder) bodySize(t table, f *Format, st *formatState) {
	if _, given := t.M["body_size"]; !given {
		return
	}
	l, ok := length(t, "body_size", "9pt")
	if ok && (l < minBody || l > maxBody) {
		t.Errorf("body_size", "%s is out of range; want %s..%s", l, minBody, maxBody)
		ok = false
	}
	if !ok {
		st.body = false
		return
	}
	f.BodySize, f.Leading = l, l.Scale(3, 2)
}

// leading decodes format.leading: from body_size to 3 × body_size.
func (d *decoder) leading(t table, f *Format, st *formatState) {
	if _, given := t.M["leading"]; !given {
		st.leading = st.body
		return
	}
	l, ok := length(t, "leading", "13.5pt")
	if !ok {
		st.leading = false
		return
	}
	if st.body && (l < f.BodySize || l > 3*f.BodySize) {
		t.Errorf("leading", "%s is out of range; want from body_size %s to 3 × body_size, %s",
			l, f.BodySize, 3*f.BodySize)
		st.leading = false
		return
	}
	st.leading = st.body
	f.Leading = l
}

// typeHeight decodes format.type_height: 0 (the layout decides), or from 20 body
// lines to the page height less 20mm.
func (d *decoder) typeHeight(t table, f *Format, st formatState) {
	l, ok := length(t, "type_height", "490mm")
	if !ok || l == 0 {
		return
	}
	if st.size && l > f.Height-pageMargin {
		t.Errorf("type_height", "%s is taller than the page allows; want at most the page height %s less %s, %s",
			mm(l), mm(f.Height), mm(pageMargin), mm(f.Height-pageMargin))
		return
	}
	if st.leading && l < minTypeLines*f.Leading {
		t.Errorf("type_height", "%s holds fewer than %d lines of %s leading; want at least %s",
			mm(l), minTypeLines, f.Leading, mm(minTypeLines*f.Leading))
		return
	}
	f.TypeHeight = l
}

// typeWidth checks that the type area fits the page width less 20mm. The error is at
// the first of the keys that set it that the file gives: columns, column_chars,
// body_size, size; at [format] when it gives none of them.
func (d *decoder) typeWidth(t table, f Format, st formatState) {
	if !st.size || !st.columns || !st.chars || !st.body {
		return
	}
	chars := int64(f.Columns*f.ColumnChars + f.Columns - 1)
	avail := f.Width - pageMargin
	if geom.Length(chars)*f.BodySize <= avail {
		return
	}
	pos, item := d.Pos.KeyAt(t.Item), t.Item
	for _, key := range []string{"columns", "column_chars", "body_size", "size"} {
		if _, given := t.M[key]; given {
			pos, item = t.At(key), t.Sub(key)
			break
		}
	}
	d.Errs.Add(pos, item,
		"the type area, %s × %d characters + %d gutters = %d characters of %s, is %s wide; "+
			"the page (%s wide, less %s) allows %s: %s",
		columnsN(f.Columns), f.ColumnChars, f.Columns-1, chars, f.BodySize, mm(geom.Length(chars)*f.BodySize),
		mm(f.Width), mm(pageMargin), mm(avail), widestFit(f, avail))
}

// columnsN spells a count of columns: "1 column", "8 columns".
func columnsN(n int) string {
	if n == 1 {
		return "1 column"
	}
	return fmt.Sprintf("%d columns", n)
}

// widestFit says which smaller format.columns, format.column_chars or
// format.body_size would make the type area fit in avail.
func widestFit(f Format, avail geom.Length) string {
	total := int(avail / f.BodySize) // characters of body type that fit
	var ways []string
	if n := (total + 1) / (f.ColumnChars + 1); n >= minColumns {
		ways = append(ways, fmt.Sprintf("format.columns = %d", n))
	}
	if n := (total - f.Columns + 1) / f.Columns; n >= minChars {
		ways = append(ways, fmt.Sprintf("format.column_chars = %d", n))
	}
	chars := geom.Length(f.Columns*f.ColumnChars + f.Columns - 1)
	quarter := geom.Pt(0.25)
	if size := avail / chars / quarter * quarter; size >= minBody {
		ways = append(ways, fmt.Sprintf("format.body_size = %q", size.String()))
	}
	if len(ways) == 0 {
		return fmt.Sprintf("at most %d characters of %s fit; choose fewer format.columns, format.column_chars or a smaller format.body_size",
			total, f.BodySize)
	}
	return fmt.Sprintf("at most %d characters of %s fit; the widest that fit: %s (each with the other values kept)",
		total, f.BodySize, strings.Join(ways, ", or "))
}

// kinsoku decodes format.kinsoku: "strict" or "basic".
func kinsoku(t table, f *Format) {
	v, ok := t.M["kinsoku"]
	if !ok {
		return
	}
	s, isString := v.(string)
	if !isString {
		t.WrongType("kinsoku", `"strict" or "basic"`, v)
		return
	}
	switch k := strings.TrimSpace(s); k {
	case "strict", "basic":
		f.Kinsoku = k
	default:
		t.Errorf("kinsoku", "%s is not a line-breaking level; want \"strict\" or \"basic\"", clip(s))
	}
}

// mm formats a length in millimetres with at most one decimal, e.g. "352.4mm".
func mm(l geom.Length) string {
	v := float64(l.Scale(10, int64(geom.Millimetre))) / 10
	return strconv.FormatFloat(v, 'f', -1, 64) + "mm"
}
