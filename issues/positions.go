package issues

import "broadsheet/issues/tomlpos"

// positions tells where the items of one issue file are written.
type positions struct {
	file string
	ix   *tomlpos.Index
}

// indexPositions parses data and records the position of every key and value.
func indexPositions(file string, data []byte) *positions {
	return &positions{file, tomlpos.New(data)}
}

// textPositions indexes data by lines only: for a file that is not valid TOML.
func textPositions(file string, data []byte) *positions {
	return &positions{file, tomlpos.Text(data)}
}

func (p *positions) in(q tomlpos.Pos) Pos { return Pos{File: p.file, Line: q.Line, Col: q.Col} }

// pos converts a byte offset into a position.
func (p *positions) pos(offset int) Pos { return p.in(p.ix.Offset(offset)) }

// lineCol converts go-toml's line and byte column into a position.
func (p *positions) lineCol(line, byteCol int) Pos { return p.in(p.ix.LineCol(line, byteCol)) }

// start is the position of the file as a whole: 1:1.
func (p *positions) start() Pos { return p.in(tomlpos.Start) }

// at returns where item's value is, or else its key, or else its parent's.
func (p *positions) at(item string) Pos { return p.in(p.ix.At(item)) }

// keyAt returns where item's key is, or else where at finds it.
func (p *positions) keyAt(item string) Pos { return p.in(p.ix.KeyAt(item)) }

func joinItem(item, key string) string { return tomlpos.Key(item, key) }

func indexItem(item string, i int) string { return tomlpos.Elem(item, i) }
