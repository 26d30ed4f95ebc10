package text

import (
	"strings"

	"broadsheet/layout/lines"
)

// runIn is a piece of a paragraph between ** markers: its text as printed, whether it
// is a bold run-in, and where each of its bytes is in the paragraph as the file gives
// it (src[i] for byte i of text; src[len(text)] where the piece ends).
type runIn struct {
	text string
	bold bool
	src  []int
}

// escape stands for \* (a literal asterisk) while the paragraph is cut at its ** marks.
const escape = "\x00"

// splitRunIns cuts a paragraph at its **bold** run-ins (问：, 答：, a speaker's name);
// \* is a literal asterisk, and a ** with no partner is printed as it is. Empty pieces
// are left out; a paragraph of nothing but markers is one piece, as written.
func splitRunIns(p string) []runIn {
	e := strings.ReplaceAll(p, `\*`, escape)
	src := make([]int, len(e)+1) // the offset in p of each byte of e
	for i, j := 0, 0; i <= len(e); i++ {
		src[i] = j
		if i < len(e) && e[i] == escape[0] {
			j += 2
		} else {
			j++
		}
	}
	var bounds [][2]int
	for start := 0; ; {
		k := strings.Index(e[start:], "**")
		if k < 0 {
			bounds = append(bounds, [2]int{start, len(e)})
			break
		}
		bounds = append(bounds, [2]int{start, start + k})
		start += k + 2
	}
	if n := len(bounds); n%2 == 0 { // an odd number of **: the last one has no partner
		bounds[n-2][1] = bounds[n-1][1]
		bounds = bounds[:n-1]
	}
	var out []runIn
	for k, b := range bounds {
		if b[0] == b[1] {
			continue
		}
		out = append(out, runIn{text: strings.ReplaceAll(e[b[0]:b[1]], escape, "*"), bold: k%2 == 1, src: src[b[0] : b[1]+1]})
	}
	if len(out) == 0 {
		identity := make([]int, len(p)+1)
		for i := range identity {
			identity[i] = i
		}
		out = []runIn{{text: p, src: identity}}
	}
	return out
}

// runIns is a paragraph's spans: its run-ins in the bold face, the rest in body.
func (s *Story) runIns(p string, body lines.Font) []lines.Span {
	bold := s.set.Faces.Font(s.set.Sheet.RunIn)
	var spans []lines.Span
	for _, r := range splitRunIns(p) {
		f := body
		if r.bold {
			f = bold
		}
		spans = append(spans, lines.Span{Text: r.text, Font: f})
	}
	return spans
}

// printedRunIns is a paragraph without its ** markers, \* unescaped.
func printedRunIns(p string) string {
	var b strings.Builder
	for _, r := range splitRunIns(p) {
		b.WriteString(r.text)
	}
	return b.String()
}
