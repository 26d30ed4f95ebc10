package words

import (
	_ "embed"
	"encoding/binary"
	"math"
	"strings"
	"sync"
)

//go:generate go run ./gen -house house.txt -o dict.bin

// dictData is the compiled dictionary, written by ./gen from gse's Simplified Chinese
// word list and house.txt. Layout (integers little-endian):
//
//	"BSWD" version:u8 blockSize:u8 ntags:u8 0:u8 nwords:u32 nblocks:u32 total:u64
//	ntags × (len:u8 tag)            part-of-speech tags, indexed by each word's tag byte
//	padding to a multiple of 4
//	nblocks × offset:u32            where each block starts in the entries
//	entries                         per word: shared:u8 len:u8 suffix cost:u8 tag:u8
//
// Words are sorted by their UTF-8 bytes. A word repeats `shared` bytes of the word
// before it and adds `suffix`; the first word of each block shares nothing, so a
// lookup binary-searches the blocks' first words and then scans one block. cost is
// round(ln(frequency) × costScale).
//
//go:embed dict.bin
var dictData string

const (
	dictMagic   = "BSWD"
	dictVersion = 1
	costScale   = 16  // cost bytes are ln(frequency) in sixteenths
	maxWordLen  = 255 // a stored word's length in bytes fits the len byte
	headerLen   = 4 + 4 + 4 + 4 + 8
)

// dictionary is a view of dictData; nothing is copied.
type dictionary struct {
	tags     []string
	block    int // words per block
	nblocks  int
	index    string // nblocks × u32
	entries  string
	logTotal float64 // ln of the frequencies' sum, the denominator of every probability
}

// dict opens the embedded dictionary on first use: it reads the header and the tag
// table (a few hundred bytes); the word table is used in place.
var dict = sync.OnceValue(func() *dictionary { return openDict(dictData) })

func openDict(data string) *dictionary {
	if len(data) < headerLen || data[:4] != dictMagic || data[4] != dictVersion {
		panic("words: dict.bin is not a version-1 dictionary; run go generate ./layout/words")
	}
	d := &dictionary{block: int(data[5])}
	ntags := int(data[6])
	d.nblocks = int(binary.LittleEndian.Uint32([]byte(data[12:16])))
	d.logTotal = math.Log(float64(binary.LittleEndian.Uint64([]byte(data[16:24]))))
	p := headerLen
	for range ntags {
		n := int(data[p])
		d.tags = append(d.tags, data[p+1:p+1+n])
		p += 1 + n
	}
	p = (p + 3) &^ 3
	d.index = data[p : p+4*d.nblocks]
	d.entries = data[p+4*d.nblocks:]
	return d
}

// word is what the dictionary knows of one word.
type word struct {
	logFreq float64 // ln(frequency)
	tag     string  // jieba part-of-speech tag: n, v, p, uj …
}

// blockStart is the offset of block b in entries.
func (d *dictionary) blockStart(b int) int {
	return int(uint32(d.index[4*b]) | uint32(d.index[4*b+1])<<8 | uint32(d.index[4*b+2])<<16 | uint32(d.index[4*b+3])<<24)
}

// firstWord is block b's first word, read in place.
func (d *dictionary) firstWord(b int) string {
	p := d.blockStart(b) + 1 // skip shared, which is 0
	n := int(d.entries[p])
	return d.entries[p+1 : p+1+n]
}

// lookup finds key. found says whether key is a word; longer whether some longer word
// starts with key, so a caller extending key one character at a time knows when to stop.
func (d *dictionary) lookup(key string) (w word, found, longer bool) {
	if key == "" || len(key) > maxWordLen {
		return word{}, false, false
	}
	// The last block whose first word is ≤ key; none means key sorts before every word.
	lo, hi := 0, d.nblocks
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.firstWord(m) <= key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	b := lo - 1
	if b < 0 {
		return word{}, false, strings.HasPrefix(d.firstWord(0), key)
	}
	var buf [maxWordLen]byte
	cur := buf[:0]
	p := d.blockStart(b)
	for p < len(d.entries) {
		shared, n := int(d.entries[p]), int(d.entries[p+1])
		cur = append(cur[:shared], d.entries[p+2:p+2+n]...)
		c, tag := d.entries[p+2+n], d.entries[p+3+n]
		p += 4 + n
		switch {
		case string(cur) < key:
		case string(cur) == key:
			w, found = word{float64(c) / costScale, d.tags[tag]}, true
			// The next word tells whether a longer one exists.
		default:
			return w, found, len(cur) > len(key) && string(cur[:len(key)]) == key
		}
	}
	return w, found, false
}
