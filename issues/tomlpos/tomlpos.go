// Package tomlpos tells where the items of a TOML document are written: it maps item
// names (article[2].photo[0].file) to the line and column of their key and of their
// value, for messages that point at the mistake. Columns count characters, not bytes,
// as editors do.
//
// It reads positions only; decoding the document, and what its items mean, are the
// caller's business.
package tomlpos

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// Pos is a place in a document: 1-based line and column (in characters).
type Pos struct{ Line, Col int }

// Index maps item names to where their key and their value are written. It is built
// from go-toml's parser, after the document has been decoded, so the document is
// known to be valid TOML.
type Index struct {
	data   []byte
	lines  []int          // byte offset of the start of each line
	key    map[string]Pos // where an item's key or [table] header is
	val    map[string]Pos // where an item's value starts
	arrays map[string]int // how many [[tables]] each array item has had so far
}

// New parses data and records the position of every key and value.
func New(data []byte) *Index {
	ix := &Index{
		data:   data,
		lines:  lineStarts(data),
		key:    map[string]Pos{},
		val:    map[string]Pos{},
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

// Text indexes data only by lines, for positions given as offsets or as line and
// column: for a document that is not valid TOML, or not text.
func Text(data []byte) *Index {
	return &Index{data: data, lines: lineStarts(data)}
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
func (ix *Index) header(e *unstable.Node, array bool) string {
	it := e.Key()
	first := true
	var pos Pos
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
func (ix *Index) headerPos(offset int) Pos {
	for offset > 0 && (ix.data[offset-1] == ' ' || ix.data[offset-1] == '\t') {
		offset--
	}
	for i := 0; i < 2 && offset > 0 && ix.data[offset-1] == '['; i++ {
		offset--
	}
	return ix.Offset(offset)
}

// keyValue records a key = value line (or an entry of an inline table) in table.
func (ix *Index) keyValue(table string, e *unstable.Node) {
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
func (ix *Index) afterEquals(offset int) int {
	for offset < len(ix.data) && strings.IndexByte(" \t=", ix.data[offset]) >= 0 {
		offset++
	}
	return offset
}

// value records the position of a value and of everything inside it.
func (ix *Index) value(item string, v *unstable.Node) {
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
func (ix *Index) setKey(item string, p Pos) {
	if _, ok := ix.key[item]; !ok {
		ix.key[item] = p
	}
}

// Offset converts a byte offset into a position. Columns count characters, not bytes,
// as editors do.
func (ix *Index) Offset(offset int) Pos {
	offset = min(max(offset, 0), len(ix.data))
	line := sort.SearchInts(ix.lines, offset+1) // index of the first start after offset
	start := ix.lines[line-1]
	return Pos{Line: line, Col: utf8.RuneCount(ix.data[start:offset]) + 1}
}

// LineCol converts go-toml's line and byte column into a position.
func (ix *Index) LineCol(line, byteCol int) Pos {
	if line < 1 || line > len(ix.lines) {
		return Start
	}
	return ix.Offset(ix.lines[line-1] + max(byteCol-1, 0))
}

// Start is the position of the document as a whole: 1:1.
var Start = Pos{Line: 1, Col: 1}

// At returns where item's value is, or else its key, or else its parent's.
func (ix *Index) At(item string) Pos {
	for {
		if p, ok := ix.val[item]; ok {
			return p
		}
		if p, ok := ix.key[item]; ok {
			return p
		}
		if item == "" {
			return Start
		}
		item = parentItem(item)
	}
}

// KeyAt returns where item's key (or [table] header) is, or else where At finds it.
func (ix *Index) KeyAt(item string) Pos {
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
