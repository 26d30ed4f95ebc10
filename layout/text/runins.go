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

// piece is a run of a paragraph between ** markers while it is cut: its text and
// where each of its bytes is in the paragraph.
type piece struct {
	text []byte
	src  []int
}

// add appends byte c, which is at offset at of the paragraph.
func (p *piece) add(c byte, at int) { p.text, p.src = append(p.text, c), append(p.src, at) }

// splitRunIns cuts a paragraph at its **bold** run-ins (问：, 答：, a speaker's name);
// \* is a literal asterisk, and a ** with no partner is printed as it is. Empty pieces
// are left out; a paragraph of nothing but markers is one piece, as written.
func splitRunIns(p string) []runIn {
	pieces := []piece{{}}
	var marks []int // where each ** is in p
	for i := 0; i < len(p); i++ {
		cur := &pieces[len(pieces)-1]
		switch {
		case p[i] == '\\' && i+1 < len(p) && p[i+1] == '*':
			cur.add('*', i)
			i++
		case p[i] == '*' && i+1 < len(p) && p[i+1] == '*':
			cur.src = append(cur.src, i) // where the piece ends
			marks, pieces = append(marks, i), append(pieces, piece{})
			i++
		default:
			cur.add(p[i], i)
		}
	}
	last := &pieces[len(pieces)-1]
	last.src = append(last.src, len(p))
	if n := len(pieces); n%2 == 0 { // an odd number of **: the last one has no partner
		prev, m := &pieces[n-2], marks[len(marks)-1]
		prev.src = prev.src[:len(prev.src)-1]
		prev.add('*', m)
		prev.add('*', m+1)
		prev.text, prev.src = append(prev.text, last.text...), append(prev.src, last.src...)
		pieces = pieces[:n-1]
	}
	var out []runIn
	for k, pc := range pieces {
		if len(pc.text) > 0 {
			out = append(out, runIn{text: string(pc.text), bold: k%2 == 1, src: pc.src})
		}
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
	return s.runInSpans(splitRunIns(p), body)
}

// runInSpans is the spans of a paragraph's pieces: the run-ins in the bold face, the
// rest in body.
func (s *Story) runInSpans(runs []runIn, body lines.Font) []lines.Span {
	bold := s.set.Faces.Font(s.set.Sheet.RunIn)
	var spans []lines.Span
	for _, r := range runs {
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
