package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// headerPrefix starts an imported file's first line, which also carries the checksum
// of the rest of the file: an import nobody has edited since may be replaced by a new
// import, an edited one never.
const headerPrefix = "# Imported by broadsheet import; sha256 of the rest: "

// TOML returns the page as an issue file: a header, the page's keys, its articles.
// Every guess is a comment on the line it concerns ("# guess: …"); guesses about
// the body precede it, naming their paragraph.
func (p *Page) TOML() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# From %s, text extracted from print. Check every line marked \"guess\"\n", oneLine(p.Source))
	b.WriteString("# against the print. Half-width , ( ) are the source's: the composer sets them full-width.\n")
	for _, g := range p.Notes {
		fmt.Fprintf(&b, "# guess (line %d): %s\n", g.Line, oneLine(g.Note))
	}
	b.WriteString("\n")
	p.writeMeta(&b)
	for _, a := range p.Articles {
		b.WriteString("\n[[article]]\n")
		writeArticle(&b, a)
	}
	body := b.Bytes()
	sum := sha256.Sum256(body)
	return append([]byte(headerPrefix+hex.EncodeToString(sum[:])+"\n"), body...)
}

// HasHeader reports whether a file starting with head begins as an import does (its
// checksum unchecked: see Untouched).
func HasHeader(head []byte) bool { return bytes.HasPrefix(head, []byte(headerPrefix)) }

// Untouched reports whether data is an issue file written by TOML and not edited
// since: its header's checksum matches the rest.
func Untouched(data []byte) bool {
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || !bytes.HasPrefix(first, []byte(headerPrefix)) {
		return false
	}
	sum := sha256.Sum256(rest)
	return string(first[len(headerPrefix):]) == hex.EncodeToString(sum[:])
}

func (p *Page) writeMeta(b *bytes.Buffer) {
	m := p.Meta
	kv(b, "", pageKeyWidth, "newspaper", quote(m.Newspaper), p.MetaGuesses["newspaper"])
	kv(b, "", pageKeyWidth, "date", m.Date, p.MetaGuesses["date"])
	kv(b, "", pageKeyWidth, "page", strconv.Itoa(m.Page), p.MetaGuesses["page"])
	if m.Section != "" {
		kv(b, "", pageKeyWidth, "section", quote(m.Section), p.MetaGuesses["section"])
	}
	if m.Editor != "" {
		kv(b, "", pageKeyWidth, "editor", quote(m.Editor), p.MetaGuesses["editor"])
	}
}

// writeArticle writes one [[article]]'s keys and its photos.
func writeArticle(b *bytes.Buffer, a Article) {
	for _, f := range []struct{ key, value string }{{"kicker", a.Kicker}, {"headline", a.Headline}, {"subhead", a.Subhead},
		{"editor_note", a.EditorNote}, {"lead", a.Lead}} {
		if f.value != "" {
			kv(b, "", articleKeyWidth, f.key, quote(f.value), guessesFor(a, f.key)...)
		}
	}
	for _, g := range a.Guesses {
		if g.Key == "body" {
			fmt.Fprintf(b, "# guess: paragraph %d (line %d): %s\n", g.Paragraph, g.Line, oneLine(g.Note))
		}
	}
	b.WriteString("body     = \"\"\"\n")
	for _, para := range a.Paragraphs {
		b.WriteString(escape(literalAsterisks(para)) + "\n")
	}
	b.WriteString("\"\"\"\n")
	if a.Byline != "" {
		kv(b, "", articleKeyWidth, "byline", quote(a.Byline), guessesFor(a, "byline")...)
	}
	for _, ph := range a.Photos {
		b.WriteString("\n  [[article.photo]]\n")
		kv(b, "  ", 0, "caption", quote(ph.Caption), ph.Guess)
	}
}

func guessesFor(a Article, key string) []Guess {
	var out []Guess
	for _, g := range a.Guesses {
		if g.Key == key {
			out = append(out, g)
		}
	}
	return out
}

// Key widths align the values, as the sample issue files do: the page's keys under
// "newspaper", an article's under "headline"; a photo's caption stands alone.
const (
	pageKeyWidth    = len("newspaper")
	articleKeyWidth = len("headline")
)

// kv writes one key = value line, the key padded to width, with the guesses about it
// as a trailing comment.
func kv(b *bytes.Buffer, indent string, width int, key, value string, guesses ...Guess) {
	fmt.Fprintf(b, "%s%-*s = %s", indent, width, key, value)
	var notes []string
	for _, g := range guesses {
		if g.Note != "" {
			notes = append(notes, fmt.Sprintf("(line %d) %s", g.Line, oneLine(g.Note)))
		}
	}
	if len(notes) > 0 {
		b.WriteString("  # guess: " + strings.Join(notes, "; "))
	}
	b.WriteString("\n")
}

// quote writes s as a TOML basic string.
func quote(s string) string { return `"` + escape(s) + `"` }

// escape escapes s for a TOML basic string, single- or multi-line: backslashes,
// quotation marks, and the control characters TOML does not allow raw.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// literalAsterisks marks every asterisk of a paragraph as printed (\*): in an issue
// file's body, ** starts and ends a bold run-in, and the text extracted from print has
// no such marks.
func literalAsterisks(p string) string { return strings.ReplaceAll(p, "*", `\*`) }

// oneLine keeps a note on one comment line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}
