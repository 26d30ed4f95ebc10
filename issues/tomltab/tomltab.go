// Package tomltab reads the tables of a TOML file strictly: typed values by key, each
// mistake an Error at the file, line and column of the item, naming what would be
// valid. It is the decoder's toolkit, not the issue file's vocabulary: which keys a
// page has and what they mean belong to package issues.
package tomltab

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Pos is a position in a file.
type Pos struct {
	File      string
	Line, Col int
}

// String formats p as file:line:col, or as the file alone for the file as a whole
// (Line 0: it cannot be read, or is not text).
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a mistake in an issue file: where it is, which item, and what would be valid.
type Error struct {
	Pos  Pos
	Item string // e.g. "article[2].photo[0].file"; empty for the file as a whole
	Msg  string // what is wrong and what would be valid
}

func (e *Error) Error() string {
	if e.Item == "" {
		return fmt.Sprintf("%v: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("%v: %s: %s", e.Pos, e.Item, e.Msg)
}

// ErrorList is every error found in one or more issue files, sorted by position.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, item, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Item: item, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line and column.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Err returns the list as an error, sorted, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Positions tells where the items of one file are written.
type Positions struct {
	file string
	ix   *index
}

// NewPositions parses data and records the position of every key and value.
func NewPositions(file string, data []byte) *Positions {
	return &Positions{file, newIndex(data)}
}

// TextPositions indexes data by lines only: for a file that is not valid TOML.
func TextPositions(file string, data []byte) *Positions {
	return &Positions{file, textIndex(data)}
}

func (p *Positions) in(q place) Pos { return Pos{File: p.file, Line: q.Line, Col: q.Col} }

// Offset converts a byte offset into a position.
func (p *Positions) Offset(offset int) Pos { return p.in(p.ix.Offset(offset)) }

// LineCol converts go-toml's line and byte column into a position.
func (p *Positions) LineCol(line, byteCol int) Pos { return p.in(p.ix.LineCol(line, byteCol)) }

// Start is the position of the file as a whole: 1:1.
func (p *Positions) Start() Pos { return p.in(fileStart) }

// At returns where item's value is, or else its key, or else its parent's.
func (p *Positions) At(item string) Pos { return p.in(p.ix.At(item)) }

// KeyAt returns where item's key is, or else where At finds it.
func (p *Positions) KeyAt(item string) Pos { return p.in(p.ix.KeyAt(item)) }

// Doc is one file being decoded: where its items are, and the errors found so far.
type Doc struct {
	Pos  *Positions
	Errs ErrorList
}

// Table is one TOML table of a file with the document that collects its errors.
type Table struct {
	D    *Doc
	Item string // item Name: "" for the top level, "format", "article[0]" …
	Name string // the table as the user writes it: "[format]", "[[article]]"
	M    map[string]any
}

// Sub returns the item name of key in t.
func (t Table) Sub(key string) string { return Key(t.Item, key) }

// At returns the position of key's value in t.
func (t Table) At(key string) Pos { return t.D.Pos.At(t.Sub(key)) }

// Errorf reports an error at key's value.
func (t Table) Errorf(key, format string, args ...any) {
	t.D.Errs.Add(t.At(key), t.Sub(key), format, args...)
}

// Start returns where t begins: its header, or 1:1 for the top level.
func (t Table) Start() Pos {
	if t.Item == "" {
		return t.D.Pos.Start()
	}
	return t.D.Pos.KeyAt(t.Item)
}

// CheckKeys reports every key of t that is not one of valid.
func (t Table) CheckKeys(valid ...string) {
	for _, k := range sortedKeys(t.M) {
		if !slices.Contains(valid, k) {
			item := t.Sub(k)
			t.D.Errs.Add(t.D.Pos.KeyAt(item), item, "unknown key %q in %s; valid keys: %s",
				k, t.Name, strings.Join(valid, ", "))
		}
	}
}

// sortedKeys returns the keys of m in order, so errors come out the same every time.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Missing reports that a required key is absent from t.
func (t Table) Missing(key, want string) {
	where := "the file"
	if t.Item != "" {
		where = t.Name
	}
	t.D.Errs.Add(t.Start(), t.Sub(key), "missing: %s needs %s = %s", where, key, want)
}

// Lookup returns key's value. A required key that is absent is reported.
func (t Table) Lookup(key string, required bool, want string) (any, bool) {
	v, ok := t.M[key]
	if !ok && required {
		t.Missing(key, want)
	}
	return v, ok
}

// WrongType reports that key holds a value of the wrong TOML type.
func (t Table) WrongType(key, want string, v any) {
	t.Errorf(key, "want %s, not %s", want, typeName(v))
}

// Text returns the trimmed string at key. A required string must not be blank.
func (t Table) Text(key string, required bool) (string, bool) {
	const want = `a string in quotes, like "…"`
	v, ok := t.Lookup(key, required, `"…"`)
	if !ok {
		return "", false
	}
	s, isString := v.(string)
	if !isString {
		t.WrongType(key, want, v)
		return "", false
	}
	s = strings.TrimSpace(s)
	switch {
	case s == "" && required:
		t.Errorf(key, "is empty; want some text")
		return "", false
	case s != "" && Blank(s) && required:
		t.Errorf(key, "is empty: it holds only characters that print as nothing (%s); want some text", codes(s))
		return "", false
	case Blank(s):
		return "", true
	}
	return s, true
}

// Integer returns the integer at key.
func (t Table) Integer(key string, required bool, example string) (int64, bool) {
	v, ok := t.Lookup(key, required, example)
	if !ok {
		return 0, false
	}
	n, isInt := v.(int64)
	if !isInt {
		t.WrongType(key, "a whole number like "+example, v)
		return 0, false
	}
	return n, true
}

// IntIn returns the integer at key if it lies within lo..hi, and reports it otherwise.
func (t Table) IntIn(key string, required bool, lo, hi int64) (int, bool) {
	n, ok := t.Integer(key, required, fmt.Sprint(lo))
	if !ok {
		return 0, false
	}
	if n < lo || n > hi {
		t.Errorf(key, "%d is out of range; want %d..%d", n, lo, hi)
		return 0, false
	}
	return int(n), true
}

// Number returns the number (integer or float) at key.
func (t Table) Number(key, example string) (float64, bool) {
	v, ok := t.M[key]
	if !ok {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		if !math.IsNaN(n) && !math.IsInf(n, 0) {
			return n, true
		}
	}
	t.WrongType(key, "a number like "+example, v)
	return 0, false
}

// Boolean returns the true or false at key.
func (t Table) Boolean(key string) (bool, bool) {
	v, ok := t.M[key]
	if !ok {
		return false, false
	}
	b, isBool := v.(bool)
	if !isBool {
		t.WrongType(key, "true or false (no quotes)", v)
		return false, false
	}
	return b, true
}

// SubTable returns the table at key; want says how the user writes it, e.g. "[format]".
func (t Table) SubTable(key, name string) (Table, bool) {
	v, ok := t.M[key]
	if !ok {
		return Table{}, false
	}
	m, isTable := v.(map[string]any)
	if !isTable {
		t.WrongType(key, "a "+name+" table", v)
		return Table{}, false
	}
	return Table{D: t.D, Item: t.Sub(key), Name: name, M: m}, true
}

// Tables returns the array of tables at key; name says how the user writes one,
// e.g. "[[article]]".
func (t Table) Tables(key, name string) ([]Table, bool) {
	v, ok := t.M[key]
	if !ok {
		return nil, false
	}
	list, isArray := v.([]any)
	if !isArray {
		t.WrongType(key, name+" tables", v)
		return nil, false
	}
	var out []Table
	good := true
	for i, e := range list {
		item := Elem(t.Sub(key), i)
		m, isTable := e.(map[string]any)
		if !isTable {
			t.D.Errs.Add(t.D.Pos.At(item), item, "want a %s table, not %s", name, typeName(e))
			good = false
			continue
		}
		out = append(out, Table{D: t.D, Item: item, Name: name, M: m})
	}
	return out, good
}

// typeName describes a decoded TOML value's type for messages.
func typeName(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("a string (%s)", Clip(v))
	case int64:
		return fmt.Sprintf("an integer (%d)", v)
	case float64:
		return fmt.Sprintf("a float (%v)", v)
	case bool:
		return fmt.Sprintf("a boolean (%v)", v)
	case toml.LocalDate:
		return fmt.Sprintf("a local date (%v)", v)
	case toml.LocalTime:
		return fmt.Sprintf("a local time (%v)", v)
	case toml.LocalDateTime:
		return fmt.Sprintf("a local date-time (%v)", v)
	case time.Time:
		return fmt.Sprintf("an offset date-time (%v)", v.Format(time.RFC3339Nano))
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

// Clip quotes s for a message, shortened to 20 characters.
func Clip(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return fmt.Sprintf("%q…", string(r[:20]))
	}
	return fmt.Sprintf("%q", s)
}

// Blank reports whether s has no visible character: only white space and characters
// that print as nothing (Unicode's default-ignorable characters: zero-width spaces and
// joiners, the word joiner U+2060, variation selectors, the combining grapheme joiner
// U+034F, Hangul fillers, soft hyphens …).
func Blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !ignorable(r) {
			return false
		}
	}
	return true
}

// ignorable reports whether r is a default-ignorable code point (Unicode's
// DerivedCoreProperties: Other_Default_Ignorable_Code_Point, format characters and
// variation selectors).
func ignorable(r rune) bool {
	return unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector)
}

// codes lists the distinct characters of s but spaces as U+XXXX, for messages; at most five.
func codes(s string) string {
	var list []string
	seen := map[rune]bool{}
	for _, r := range s {
		if !seen[r] && !unicode.IsSpace(r) && len(list) < 5 {
			seen[r] = true
			list = append(list, fmt.Sprintf("U+%04X", r))
		}
	}
	return strings.Join(list, " ")
}

// place is a place in a document: 1-based line and column (in characters).
type place struct{ Line, Col int }

// index maps item names to where their key and their value are written. It is built
// from go-toml's parser, after the document has been decoded, so the document is
// known to be valid TOML.
type index struct {
	data   []byte
	lines  []int            // byte offset of the start of each line
	key    map[string]place // where an item's key or [table] header is
	val    map[string]place // where an item's value starts
	arrays map[string]int   // how many [[tables]] each array item has had so far
}

// New parses data and records the position of every key and value.
func newIndex(data []byte) *index {
	ix := &index{
		data:   data,
		lines:  lineStarts(data),
		key:    map[string]place{},
		val:    map[string]place{},
		arrays: map[string]int{},
	}
	var p unstable.Parser
	p.Reset(data)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table = ix.header(e, false)
		case unstable.ArrayTable:
			table = ix.header(e, true)
		case unstable.KeyValue:
			ix.keyValue(table, e)
		}
	}
	return ix
}

// textIndex indexes data only by lines, for positions given as offsets or as line and
// column: for a document that is not valid TOML, or not text.
func textIndex(data []byte) *index {
	return &index{data: data, lines: lineStarts(data)}
}

// lineStarts returns the byte offset at which each line of data starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// header records a [table] or [[array.table]] header and returns the item of the
// table it opens.
func (ix *index) header(e *unstable.Node, array bool) string {
	it := e.Key()
	first := true
	var pos place
	item := ""
	for it.Next() {
		k := it.Node()
		if first {
			pos = ix.headerPos(int(k.Raw.Offset))
			first = false
		}
		item = Key(item, string(k.Data))
		last := it.IsLast()
		switch n, seen := ix.arrays[item]; {
		case last && array:
			ix.arrays[item] = n + 1
			ix.setKey(item, pos)
			item = Elem(item, n)
			ix.key[item], ix.val[item] = pos, pos
		case seen:
			item = Elem(item, n-1)
		default:
			ix.setKey(item, pos)
		}
	}
	return item
}

// headerPos returns the position of the '[' that opens the header whose first key
// starts at offset.
func (ix *index) headerPos(offset int) place {
	for offset > 0 && (ix.data[offset-1] == ' ' || ix.data[offset-1] == '\t') {
		offset--
	}
	for i := 0; i < 2 && offset > 0 && ix.data[offset-1] == '['; i++ {
		offset--
	}
	return ix.Offset(offset)
}

// keyValue records a key = value line (or an entry of an inline table) in table.
func (ix *index) keyValue(table string, e *unstable.Node) {
	it := e.Key()
	item := table
	for it.Next() {
		k := it.Node()
		item = Key(item, string(k.Data))
		if it.IsLast() {
			ix.key[item] = ix.Offset(int(k.Raw.Offset))
			if v := e.Value(); v.Kind == unstable.Array {
				ix.val[item] = ix.Offset(ix.afterEquals(int(k.Raw.Offset + k.Raw.Length)))
			}
		} else {
			ix.setKey(item, ix.Offset(int(k.Raw.Offset)))
		}
	}
	ix.value(item, e.Value())
}

// afterEquals returns the offset of the value that follows a key ending at offset:
// go-toml gives arrays no range of their own.
func (ix *index) afterEquals(offset int) int {
	for offset < len(ix.data) && strings.IndexByte(" \t=", ix.data[offset]) >= 0 {
		offset++
	}
	return offset
}

// value records the position of a value and of everything inside it.
func (ix *index) value(item string, v *unstable.Node) {
	if v.Kind != unstable.Array && v.Raw.Length > 0 {
		ix.val[item] = ix.Offset(int(v.Raw.Offset))
	}
	switch v.Kind {
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				ix.keyValue(item, c)
			}
		}
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); {
			if c := it.Node(); c.Kind != unstable.Comment {
				ix.value(Elem(item, i), c)
				i++
			}
		}
	}
}

// setKey records the first place an item's key appears.
func (ix *index) setKey(item string, p place) {
	if _, ok := ix.key[item]; !ok {
		ix.key[item] = p
	}
}

// Offset converts a byte offset into a position. Columns count characters, not bytes,
// as editors do.
func (ix *index) Offset(offset int) place {
	offset = min(max(offset, 0), len(ix.data))
	line := sort.SearchInts(ix.lines, offset+1) // index of the first start after offset
	start := ix.lines[line-1]
	return place{Line: line, Col: utf8.RuneCount(ix.data[start:offset]) + 1}
}

// LineCol converts go-toml's line and byte column into a position.
func (ix *index) LineCol(line, byteCol int) place {
	if line < 1 || line > len(ix.lines) {
		return fileStart
	}
	return ix.Offset(ix.lines[line-1] + max(byteCol-1, 0))
}

// fileStart is the position of the document as a whole: 1:1.
var fileStart = place{Line: 1, Col: 1}

// At returns where item's value is, or else its key, or else its parent's.
func (ix *index) At(item string) place {
	for {
		if p, ok := ix.val[item]; ok {
			return p
		}
		if p, ok := ix.key[item]; ok {
			return p
		}
		if item == "" {
			return fileStart
		}
		item = parentItem(item)
	}
}

// KeyAt returns where item's key (or [table] header) is, or else where At finds it.
func (ix *index) KeyAt(item string) place {
	if p, ok := ix.key[item]; ok {
		return p
	}
	return ix.At(item)
}

// Key appends a key to an item name, quoting keys that are not bare TOML keys.
func Key(item, key string) string {
	if !isBareKey(key) {
		key = strconv.Quote(key)
	}
	if item == "" {
		return key
	}
	return item + "." + key
}

// Elem appends an array index to an item name.
func Elem(item string, i int) string { return fmt.Sprintf("%s[%d]", item, i) }

// parentItem strips the last key or index from an item name.
func parentItem(item string) string {
	i := strings.LastIndexAny(item, ".[")
	if i < 0 {
		return ""
	}
	return item[:i]
}

// isBareKey reports whether key can be written without quotes in TOML.
func isBareKey(key string) bool {
	if key == "" {
		return false
	}
	for _, c := range key {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// LocalDate returns the TOML local date at key, which is required and must be a day
// of the calendar.
func (t Table) LocalDate(key string) (toml.LocalDate, bool) {
	const want = "a TOML local date like 2023-11-21 (no quotes)"
	v, ok := t.Lookup(key, true, "2023-11-21")
	if !ok {
		return toml.LocalDate{}, false
	}
	d, isDate := v.(toml.LocalDate)
	if !isDate {
		t.WrongType(key, want, v)
		return toml.LocalDate{}, false
	}
	tm := time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC)
	if tm.Year() != d.Year || int(tm.Month()) != d.Month || tm.Day() != d.Day {
		t.Errorf(key, "%v is not a day of the calendar; want %s", d, want)
		return toml.LocalDate{}, false
	}
	return d, true
}
