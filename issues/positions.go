package issues

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// positions maps item names (article[2].photo[0].file) to where their key and
// their value are written in the issue file. It is built from go-toml's parser,
// after the document has been decoded, so the document is known to be valid TOML.
type positions struct {
	file   string
	data   []byte
	lines  []int          // byte offset of the start of each line
	key    map[string]Pos // where an item's key or [table] header is
	val    map[string]Pos // where an item's value starts
	arrays map[string]int // how many [[tables]] each array item has had so far
}

// indexPositions parses data and records the position of every key and value.
func indexPositions(file string, data []byte) *positions {
	ix := &positions{
		file:   file,
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
func (ix *positions) header(e *unstable.Node, array bool) string {
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
		item = joinItem(item, string(k.Data))
		last := it.IsLast()
		switch n, seen := ix.arrays[item]; {
		case last && array:
			ix.arrays[item] = n + 1
			ix.setKey(item, pos)
			item = indexItem(item, n)
			ix.key[item], ix.val[item] = pos, pos
		case seen:
			item = indexItem(item, n-1)
		default:
			ix.setKey(item, pos)
		}
	}
	return item
}

// headerPos returns the position of the '[' that opens the header whose first key
// starts at offset.
func (ix *positions) headerPos(offset int) Pos {
	for offset > 0 && (ix.data[offset-1] == ' ' || ix.data[offset-1] == '\t') {
		offset--
	}
	for i := 0; i < 2 && offset > 0 && ix.data[offset-1] == '['; i++ {
		offset--
	}
	return ix.pos(offset)
}

// keyValue records a key = value line (or an entry of an inline table) in table.
func (ix *positions) keyValue(table string, e *unstable.Node) {
	it := e.Key()
	item := table
	for it.Next() {
		k := it.Node()
		item = joinItem(item, string(k.Data))
		if it.IsLast() {
			ix.key[item] = ix.pos(int(k.Raw.Offset))
			if v := e.Value(); v.Kind == unstable.Array {
				ix.val[item] = ix.pos(ix.afterEquals(int(k.Raw.Offset + k.Raw.Length)))
			}
		} else {
			ix.setKey(item, ix.pos(int(k.Raw.Offset)))
		}
	}
	ix.value(item, e.Value())
}

// afterEquals returns the offset of the value that follows a key ending at offset:
// go-toml gives arrays no range of their own.
func (ix *positions) afterEquals(offset int) int {
	for offset < len(ix.data) && strings.IndexByte(" \t=", ix.data[offset]) >= 0 {
		offset++
	}
	return offset
}

// value records the position of a value and of everything inside it.
func (ix *positions) value(item string, v *unstable.Node) {
	if v.Kind != unstable.Array && v.Raw.Length > 0 {
		ix.val[item] = ix.pos(int(v.Raw.Offset))
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
				ix.value(indexItem(item, i), c)
				i++
			}
		}
	}
}

// setKey records the first place an item's key appears.
func (ix *positions) setKey(item string, p Pos) {
	if _, ok := ix.key[item]; !ok {
		ix.key[item] = p
	}
}

// pos converts a byte offset into a position. Columns count characters, not bytes,
// as editors do.
func (ix *positions) pos(offset int) Pos {
	offset = min(max(offset, 0), len(ix.data))
	line := sort.SearchInts(ix.lines, offset+1) // index of the first start after offset
	start := ix.lines[line-1]
	return Pos{File: ix.file, Line: line, Col: utf8.RuneCount(ix.data[start:offset]) + 1}
}

// lineCol converts go-toml's line and byte column into a position.
func (ix *positions) lineCol(line, byteCol int) Pos {
	if line < 1 || line > len(ix.lines) {
		return ix.start()
	}
	return ix.pos(ix.lines[line-1] + max(byteCol-1, 0))
}

// start is the position of the file as a whole: 1:1.
func (ix *positions) start() Pos { return Pos{File: ix.file, Line: 1, Col: 1} }

// at returns where item's value is, or else its key, or else its parent's.
func (ix *positions) at(item string) Pos {
	for {
		if p, ok := ix.val[item]; ok {
			return p
		}
		if p, ok := ix.key[item]; ok {
			return p
		}
		if item == "" {
			return ix.start()
		}
		item = parentItem(item)
	}
}

// keyAt returns where item's key is, or else where at finds it.
func (ix *positions) keyAt(item string) Pos {
	if p, ok := ix.key[item]; ok {
		return p
	}
	return ix.at(item)
}

// joinItem appends a key to an item name, quoting keys that are not bare TOML keys.
func joinItem(item, key string) string {
	if !isBareKey(key) {
		key = strconv.Quote(key)
	}
	if item == "" {
		return key
	}
	return item + "." + key
}

// indexItem appends an array index to an item name.
func indexItem(item string, i int) string { return fmt.Sprintf("%s[%d]", item, i) }

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
