package words

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a token is made of.
type kind uint8

const (
	kindWord   kind = iota // a word of the dictionary
	kindHan                // a Han character the dictionary does not know
	kindNumber             // digits, with the measure word or unit that follows them
	kindLatin              // letters and digits of a non-Han script: 5G, EX00, RCEP
	kindSpace              // a run of white space
	kindOpen               // opening punctuation, which never ends a line: （《“
	kindClose              // closing punctuation, which never starts a line: ，。）》”
	kindDash               // a dash or an ellipsis, whose halves stay together
	kindJoiner             // punctuation that binds both neighbours: · ～ /
	kindPunct              // any other punctuation or symbol
)

// token is one segment of a text: bytes [start, end).
type token struct {
	start, end int
	kind       kind
	tag        string // the dictionary's part-of-speech tag; "" if not a dictionary word
	runes      int    // characters in the token
}

// Segment cuts text into words, numbers with their units, Latin runs, spaces and
// punctuation marks; the segments, concatenated, are text. It is for tests and
// debugging: a line breaker asks Breaks.
func Segment(text string) []string {
	toks := tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = text[t.start:t.end]
	}
	return out
}

// tokens segments text: it cuts it into atoms, finds the most probable words in each
// run of word atoms, and then joins an ordinal 第 or a Han numeral to the number or unit
// after it.
func tokens(text string) []token {
	atoms := atomize(text)
	var out []token
	for i := 0; i < len(atoms); {
		if !atoms[i].wordy() {
			out = append(out, atoms[i])
			i++
			continue
		}
		j := i
		for j < len(atoms) && atoms[j].wordy() {
			j++
		}
		out = append(out, bestPath(text, atoms[i:j])...)
		i = j
	}
	return joinNumbers(text, out)
}

// wordy reports whether t can be part of a dictionary word.
func (t token) wordy() bool {
	return t.kind == kindHan || t.kind == kindNumber || t.kind == kindLatin
}

// atomize cuts text into the pieces segmentation never splits: single Han characters,
// numbers with their units, Latin runs, space runs and single punctuation marks.
func atomize(text string) []token {
	var atoms []token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var t token
		switch {
		case isHan(r):
			t = token{start: i, end: i + size, kind: kindHan, runes: 1}
		case isAlnum(r):
			t = alnumRun(text, i)
		case isSpace(r):
			t = spaceRun(text, i)
		default:
			t = token{start: i, end: i + size, kind: punctKind(r), runes: 1}
		}
		atoms = append(atoms, t)
		i = t.end
	}
	return atoms
}

// isHan reports whether r is a Han character (〇 included, which Unicode counts as a
// symbol).
func isHan(r rune) bool { return r == '〇' || unicode.Is(unicode.Han, r) }

// isAlnum reports whether r is a letter or digit of a script set in runs (Latin, Greek,
// Cyrillic, digits, full-width forms, kana).
func isAlnum(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isHan(r)
}

// numberInner are the marks that stay inside a run of letters and digits when a letter
// or digit follows them: 103.6, 1,000, 10:30, COVID-19.
const numberInner = ".,:-．，：－"

// numberAfter are the marks that end a number: 15%, 3‰, 5G+.
const numberAfter = "%％‰+＋"

// alnumRun reads the run of letters and digits at text[i:]; a run of digits only is a
// number and takes the measure word or unit that follows it (60条, 103.6亿元).
func alnumRun(text string, i int) token {
	t := token{start: i, end: i, kind: kindNumber}
	for {
		size, letter, last := alnumNext(text, t.end, i)
		if size == 0 {
			break
		}
		if letter {
			t.kind = kindLatin
		}
		t.end += size
		t.runes++
		if last {
			break
		}
	}
	if t.kind == kindNumber {
		t.end, t.runes = takeUnits(text, t.end, t.runes)
	}
	return t
}

// alnumNext reads the character at text[p:] of a run that began at start: its size (0
// if it does not belong to the run), whether it is a letter, and whether it ends the run.
func alnumNext(text string, p, start int) (size int, letter, last bool) {
	r, size := utf8.DecodeRuneInString(text[p:])
	switch {
	case p == len(text):
		return 0, false, true
	case isAlnum(r):
		return size, !unicode.IsDigit(r), false
	case p == start:
		return 0, false, true
	case strings.ContainsRune(numberInner, r):
		if next, _ := utf8.DecodeRuneInString(text[p+size:]); isAlnum(next) {
			return size, false, false
		}
	case strings.ContainsRune(numberAfter, r):
		return size, false, true
	}
	return 0, false, true
}

// approx are the words of approximation between a number and its unit: 30余家, 3个多月.
const approx = "余多"

// maxUnits is how many units a number takes: 3万多名 takes 万 and 多名.
const maxUnits = 3

// takeUnits extends a number ending at p over the units that follow it.
func takeUnits(text string, p, runes int) (int, int) {
	for range maxUnits {
		q, n := p, runes
		if r, size := utf8.DecodeRuneInString(text[q:]); strings.ContainsRune(approx, r) {
			q, n = q+size, n+1
		}
		u := longestUnit(text[q:])
		if u == "" {
			break
		}
		p, runes = q+len(u), n+utf8.RuneCountInString(u)
	}
	return p, runes
}

// longestUnit is the longest unit that s starts with, or "".
func longestUnit(s string) string {
	best := ""
	for _, u := range units {
		if len(u) > len(best) && strings.HasPrefix(s, u) {
			best = u
		}
	}
	return best
}

// units are the measure words and units a number keeps: a line never breaks between
// 60 and 条, 7 and 号线, 103.6 and 亿元.
var units = strings.Fields(`
	条 号 号线 号楼 号院 路 元 角 万元 亿元 千元 百元 万 亿 千 百
	年 年度 年代 年级 月 月份 个月 日 时 小时 分 分钟 秒 天 周 周年 周岁 岁 后 季度
	个 名 家 项 台 辆 座 所 位 人 人次 次 件 种 类 批 户 套 间 层 楼 栋 幢 处 场 篇
	部 本 张 支 只 头 班 架次 航次 批次 场次 单 票 棵 株 份 起 例 宗 笔 站 节 段 块 片 艘 架 列 趟 轮 届 期 版 强 倍 成 折 度 档 级 星 代
	米 平方米 平方公里 公里 千米 厘米 毫米 亩 公顷 吨 千克 公斤 克 斤 升 毫升 立方米 千瓦 兆瓦 千瓦时 万千瓦
	℃ ℉ ° ′ ″
`)

// noBreak are the characters that forbid a break on either side: no-break spaces
// (100 km), the word joiner and the zero-width no-break space.
const noBreak = "\u00a0\u2007\u202f\u2060\ufeff"

// zeroWidthSpace marks a break opportunity without a visible space.
const zeroWidthSpace = '\u200b'

// isSpace reports whether r is white space a line may break at.
func isSpace(r rune) bool {
	return (unicode.IsSpace(r) && !strings.ContainsRune(noBreak, r)) || r == zeroWidthSpace
}

// spaceRun reads the run of white space at text[i:].
func spaceRun(text string, i int) token {
	t := token{start: i, kind: kindSpace}
	p := i
	for p < len(text) {
		r, size := utf8.DecodeRuneInString(text[p:])
		if !isSpace(r) {
			break
		}
		p += size
		t.runes++
	}
	t.end = p
	return t
}

// Punctuation classes for line breaking (GB/T 15834 and the usual 禁则).
const (
	opening = "（《〈「『【〔［｛“‘([{<￥$£€"
	closing = "，。、；：？！）》〉」』】〕］｝”’,.;:?!)]}>%％‰℃"
	dashes  = "—―…‥"
	joiners = "·・～~/／" // with noBreak: no break on either side
)

func punctKind(r rune) kind {
	switch {
	case strings.ContainsRune(opening, r):
		return kindOpen
	case strings.ContainsRune(closing, r):
		return kindClose
	case strings.ContainsRune(dashes, r):
		return kindDash
	case strings.ContainsRune(joiners, r), strings.ContainsRune(noBreak, r):
		return kindJoiner
	}
	return kindPunct
}

// bestPath segments a run of word atoms: the path through the run's word graph whose
// words have the greatest product of unigram probabilities (the sum of their log
// frequencies minus the log total). An atom the dictionary does not know counts as
// frequency 1, so any word containing it beats it alone.
func bestPath(text string, atoms []token) []token {
	d := dict()
	n := len(atoms)
	score := make([]float64, n+1) // score[i]: best log probability of atoms[i:]
	next := make([]int, n+1)      // next[i]: the end of the first word on that path
	words := make([]token, n+1)   // words[i]: that word
	for i := n - 1; i >= 0; i-- {
		single := atoms[i]
		score[i], next[i], words[i] = score[i+1]-d.logTotal, i+1, single
		for j := i; j < n; j++ {
			key := text[atoms[i].start:atoms[j].end]
			w, found, longer := d.lookup(key)
			if found {
				s := w.logFreq - d.logTotal + score[j+1]
				if j == i {
					if single.kind == kindHan {
						single.kind, single.tag = kindWord, w.tag
					}
					score[i], words[i] = s, single
				} else if s >= score[i] {
					score[i], next[i] = s, j+1
					words[i] = token{start: atoms[i].start, end: atoms[j].end, kind: kindWord, tag: w.tag, runes: runesOf(atoms[i : j+1])}
				}
			}
			if !longer {
				break
			}
		}
	}
	var out []token
	for i := 0; i < n; i = next[i] {
		out = append(out, words[i])
	}
	return out
}

func runesOf(atoms []token) int {
	n := 0
	for _, a := range atoms {
		n += a.runes
	}
	return n
}

// hanNumerals are the characters of a number written in Han characters.
const hanNumerals = "〇零一二两三四五六七八九十百千万亿"

// joinNumbers joins an ordinal 第 to the number after it (第3届), and a number in Han
// numerals to the unit after it (三十六条).
func joinNumbers(text string, toks []token) []token {
	out := toks[:0]
	for _, t := range toks {
		if len(out) > 0 {
			prev := &out[len(out)-1]
			s, cur := text[prev.start:prev.end], text[t.start:t.end]
			ordinal := s == "第" && (t.kind == kindNumber || isHanNumber(cur))
			counted := isHanNumber(s) && isUnit(cur)
			if ordinal || counted {
				prev.end, prev.runes, prev.kind, prev.tag = t.end, prev.runes+t.runes, kindNumber, "m"
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

func isHanNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(hanNumerals, r) {
			return false
		}
	}
	return true
}

func isUnit(s string) bool {
	for _, u := range units {
		if s == u {
			return true
		}
	}
	return false
}
