package words

import (
	"strings"
	"unicode/utf8"
)

// Quality is how good a line break at one place in a text is, worst first, so that
// qualities compare with < and >.
type Quality uint8

const (
	// Forbidden: the break would split a word, a number from its unit, a Latin run, a
	// dash or an ellipsis, or put closing punctuation at a line start or opening
	// punctuation at a line end.
	Forbidden Quality = iota
	// Weak: a break between words that a reader reads as one: next to a single-character
	// word that binds to its neighbour (区|政务服务, 在|郑州, 建|新城, 美好|的), between the
	// characters of a run the dictionary does not know (a name), or inside a date
	// (2023年|11月).
	Weak
	// Good: a break between words.
	Good
	// Best: a break at a phrase boundary: after punctuation, at a space, before a
	// preposition or conjunction (在, 为, 向, 与, 和, 对), after the particles 的, 地, 得,
	// 了, 着, 过.
	Best
)

var qualityNames = [...]string{"forbidden", "weak", "good", "best"}

// String is the quality's name.
func (q Quality) String() string {
	if int(q) < len(qualityNames) {
		return qualityNames[q]
	}
	return "Quality(" + string(rune('0'+q)) + ")"
}

// Breaks gives the quality of a line break before each byte of text: q[i] for
// 0 < i < len(text) is how good a break between text[:i] and text[i:] is. q has
// len(text)+1 entries; q[0], q[len(text)] and every offset inside a character's UTF-8
// encoding are Forbidden. The same text always gives the same qualities.
//
// A break at a space leaves the space to the line breaker (it is usually dropped).
func Breaks(text string) []Quality {
	q := make([]Quality, len(text)+1)
	toks := tokens(text)
	for i := 1; i < len(toks); i++ {
		q[toks[i].start] = between(text, toks, i)
	}
	return q
}

// between is the quality of a break before toks[i].
func between(text string, toks []token, i int) Quality {
	a, b := toks[i-1], toks[i]
	switch {
	case b.kind == kindClose || a.kind == kindOpen:
		return Forbidden
	case a.kind == kindDash && b.kind == kindDash && sameRune(text, a, b):
		return Forbidden
	case a.kind == kindJoiner || b.kind == kindJoiner:
		return Forbidden
	case a.kind == kindSpace || b.kind == kindSpace:
		return Best
	case b.kind == kindOpen && single(a) && !particles[a.tag]:
		return Weak // 从|“泡桐树”: the word before binds to what the quotation holds
	case a.kind == kindClose || a.kind == kindDash || b.kind == kindOpen:
		return Best
	case a.kind == kindPunct:
		return Good
	case b.kind == kindPunct || b.kind == kindDash:
		return Weak
	}
	return betweenWords(text, toks, i)
}

// betweenWords is the quality of a break between two word tokens (words, numbers, Latin
// runs, unknown characters).
func betweenWords(text string, toks []token, i int) Quality {
	a, b := toks[i-1], toks[i]
	switch {
	case particles[a.tag] && a.runes == 1:
		return Best
	case particles[b.tag] || b.tag == "y" || b.tag == "k":
		return Weak // 的, 了, 吗, 们 end the word before them
	case phraseStart[b.tag] && !(single(a) && adverbial[a.tag]):
		return Best
	case a.kind == kindNumber && b.kind == kindNumber:
		return Weak
	case single(a) && startsNumber(text, b):
		return Weak // 前|10个月, 超|1.5万亿元, 近|两成
	case bindsForward(toks, i-1):
		return Weak
	case bindsBackward(text, toks, i):
		return Weak
	}
	return Good
}

// particles are the tags of the particles after which a phrase ends: 的 (uj), 地 (uv),
// 得 (ud), 了 (ul), 着 (uz), 过 (ug).
var particles = map[string]bool{"uj": true, "uv": true, "ud": true, "ul": true, "uz": true, "ug": true}

// phraseStart are the tags of words before which a phrase starts: prepositions (p) and
// conjunctions (c).
var phraseStart = map[string]bool{"p": true, "c": true}

// adverbial are the tags of single characters that bind to the phrase after them, a
// preposition's phrase too: adverbs (将, 也, 就), verbs and auxiliaries (可, 要),
// prepositions and conjunctions (从, 和).
var adverbial = map[string]bool{"d": true, "v": true, "p": true, "c": true}

// single reports whether t is a one-character Han word: such a word rarely stands alone
// and binds to a neighbour.
func single(t token) bool {
	return t.runes == 1 && (t.kind == kindWord || t.kind == kindHan)
}

// bindsForward reports whether toks[i] is a single character that belongs with the word
// after it: a modifier before a noun (区|政务服务, 新|技术), a preposition before its
// object (在|郑州), a verb before its object (建|新城), or a character the dictionary
// does not know.
func bindsForward(toks []token, i int) bool {
	t := toks[i]
	if !single(t) || locative(t) || i+1 >= len(toks) {
		return false
	}
	return toks[i+1].wordy() || toks[i+1].kind == kindWord
}

// bindsBackward reports whether toks[i] is a single character that belongs with the word
// before it: a locative (会|上, 城|内; but 前 in 前|10个月 binds forward), or the last
// word before punctuation or the end.
func bindsBackward(text string, toks []token, i int) bool {
	t := toks[i]
	if !single(t) {
		return false
	}
	last := i+1 == len(toks) || !(toks[i+1].wordy() || toks[i+1].kind == kindWord)
	return last || (locative(t) && !startsNumber(text, toks[i+1]))
}

// startsNumber reports whether t is a number, or a word that is a number in Han
// numerals, bare or with a unit (三季度, 两成, 十亿; not 一致).
func startsNumber(text string, t token) bool {
	if t.kind == kindNumber {
		return true
	}
	if t.kind != kindWord {
		return false
	}
	w := text[t.start:t.end]
	rest := strings.TrimLeft(w, hanNumerals)
	return rest != w && (rest == "" || longestUnit(rest) != "")
}

// locative reports whether t is a locative word (tag f: 上, 下, 内, 外, 前, 后, 中).
func locative(t token) bool { return t.tag == "f" }

func sameRune(text string, a, b token) bool {
	ra, _ := utf8.DecodeRuneInString(text[a.start:])
	rb, _ := utf8.DecodeRuneInString(text[b.start:])
	return ra == rb
}
