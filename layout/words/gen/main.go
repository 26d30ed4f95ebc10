// Command gen compiles the segmenter's dictionary, dict.bin, from gse's Simplified
// Chinese word list and the house list house.txt. Run it from the module root with
//
//	go run ./layout/words/gen
//
// or through go generate in layout/words. Building and testing never need it: dict.bin
// is committed. The source list is the file data/dict/zh/s_1.txt of the module
// github.com/go-ego/gse at the version pinned below, found in the module cache with
// `go mod download -json`; -src names another copy.
//
// The output is a sorted, front-coded table that the package reads in place: see the
// format comment in layout/words/dict.go.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// gseModule is the module whose word list the dictionary is built from (Apache-2.0;
// its Chinese data comes from jieba, MIT).
const gseModule = "github.com/go-ego/gse@v0.80.3"

// gseList is the Simplified Chinese word list inside gseModule.
const gseList = "data/dict/zh/s_1.txt"

// These must match the reader in layout/words/dict.go.
const (
	magic     = "BSWD"
	version   = 1
	blockSize = 16 // entries per front-coded block: one binary-search step per block
	costScale = 16 // a stored frequency is round(ln(freq) × costScale)
)

type entry struct {
	word string
	freq int64
	pos  string
}

func main() {
	src := flag.String("src", "", "the gse word list (default: "+gseList+" of "+gseModule+" in the module cache)")
	house := flag.String("house", "layout/words/house.txt", "the house word list")
	out := flag.String("o", "layout/words/dict.bin", "the output file")
	minFreq := flag.Int64("minfreq", 2, "drop gse words of several characters rarer than this")
	maxRunes := flag.Int("maxrunes", 12, "drop gse words longer than this many characters")
	flag.Parse()
	if err := run(*src, *house, *out, *minFreq, *maxRunes); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, house, out string, minFreq int64, maxRunes int) error {
	if src == "" {
		dir, err := moduleDir(gseModule)
		if err != nil {
			return err
		}
		src = filepath.Join(dir, gseList)
	}
	base, err := readList(src)
	if err != nil {
		return err
	}
	own, err := readList(house)
	if err != nil {
		return err
	}
	words, total, dropped := merge(base, own, minFreq, maxRunes)
	data, err := encode(words, total)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Printf("gen: %d words from %s, %d from %s, %d dropped; %d kept, %d bytes\n",
		len(base), src, len(own), house, dropped, len(words), len(data))
	return nil
}

// moduleDir asks the go command where a module's source is, downloading it if needed.
func moduleDir(mod string) (string, error) {
	out, err := exec.Command("go", "mod", "download", "-json", mod).Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mod, err)
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal(out, &m); err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mod, err)
	}
	if m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", mod, m.Error)
	}
	return m.Dir, nil
}

// readList reads "word freq pos" lines; blank lines and lines starting with # are skipped.
func readList(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseList(f, path)
}

func parseList(r io.Reader, name string) ([]entry, error) {
	var list []entry
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"word freq pos\", got %q", name, n, line)
		}
		freq, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || freq < 1 {
			return nil, fmt.Errorf("%s:%d: frequency %q is not a positive integer", name, n, f[1])
		}
		list = append(list, entry{f[0], freq, f[2]})
	}
	return list, sc.Err()
}

// merge joins the lists, the house list winning, and prunes the gse list. The total
// frequency, the denominator of every word's probability, counts every word read, so
// pruning does not shift the probabilities of the words kept.
func merge(base, own []entry, minFreq int64, maxRunes int) ([]entry, int64, int) {
	byWord := make(map[string]entry, len(base)+len(own))
	var total int64
	for _, e := range base {
		if !usable(e.word) {
			continue
		}
		if old, ok := byWord[e.word]; ok {
			total -= old.freq
		}
		byWord[e.word] = e
		total += e.freq
	}
	dropped := 0
	for w, e := range byWord {
		n := utf8.RuneCountInString(w)
		if n > 1 && (e.freq < minFreq || n > maxRunes) {
			delete(byWord, w)
			dropped++
		}
	}
	for _, e := range own {
		if old, ok := byWord[e.word]; ok {
			total -= old.freq
		}
		byWord[e.word] = e
		total += e.freq
	}
	words := make([]entry, 0, len(byWord))
	for _, e := range byWord {
		words = append(words, e)
	}
	slices.SortFunc(words, func(a, b entry) int { return strings.Compare(a.word, b.word) })
	return words, total, dropped
}

// usable reports whether a word can ever match a run the segmenter looks words up in:
// letters, digits and Han characters only.
func usable(w string) bool {
	if w == "" || len(w) > math.MaxUint8 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '〇' {
			return false
		}
	}
	return true
}

// encode writes the table. Layout (integers little-endian):
//
//	"BSWD" version:u8 blockSize:u8 ntags:u8 0:u8 nwords:u32 nblocks:u32 total:u64
//	ntags × (len:u8 tag)            part-of-speech tags, indexed by each word's tag byte
//	padding to a multiple of 4
//	nblocks × offset:u32            where each block starts in the entries
//	entries                         per word: shared:u8 len:u8 suffix cost:u8 tag:u8
//
// A word repeats `shared` bytes of the word before it and adds `suffix`; the first word
// of each block shares nothing, so a block's first word can be read directly.
func encode(words []entry, total int64) ([]byte, error) {
	tags, tagIndex := tagTable(words)
	if len(tags) > math.MaxUint8 {
		return nil, errors.New("more than 255 part-of-speech tags")
	}
	var entries bytes.Buffer
	var offsets []uint32
	prev := ""
	for i, e := range words {
		shared := 0
		if i%blockSize == 0 {
			offsets = append(offsets, uint32(entries.Len()))
		} else {
			shared = commonPrefix(prev, e.word)
		}
		suffix := e.word[shared:]
		entries.WriteByte(byte(shared))
		entries.WriteByte(byte(len(suffix)))
		entries.WriteString(suffix)
		entries.WriteByte(cost(e.freq))
		entries.WriteByte(byte(tagIndex[e.pos]))
		prev = e.word
	}
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write([]byte{version, blockSize, byte(len(tags)), 0})
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(words))))
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(offsets))))
	b.Write(binary.LittleEndian.AppendUint64(nil, uint64(total)))
	for _, t := range tags {
		b.WriteByte(byte(len(t)))
		b.WriteString(t)
	}
	for b.Len()%4 != 0 {
		b.WriteByte(0)
	}
	for _, o := range offsets {
		b.Write(binary.LittleEndian.AppendUint32(nil, o))
	}
	b.Write(entries.Bytes())
	return b.Bytes(), nil
}

func tagTable(words []entry) ([]string, map[string]int) {
	index := map[string]int{}
	for _, e := range words {
		index[e.pos] = 0
	}
	tags := make([]string, 0, len(index))
	for t := range index {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	for i, t := range tags {
		index[t] = i
	}
	return tags, index
}

// commonPrefix is the length in bytes of the longest common prefix of a and b, at most
// what a byte holds.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && n < math.MaxUint8 && a[n] == b[n] {
		n++
	}
	return n
}

// cost quantises a frequency as round(ln(freq) × costScale), which fits a byte for any
// frequency below e^15.9 (8 million; the commonest word, 了, has 0.9 million).
func cost(freq int64) byte {
	c := math.Round(math.Log(float64(freq)) * costScale)
	return byte(min(c, math.MaxUint8))
}
