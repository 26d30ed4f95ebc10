// Package importer turns the text of a printed page, as extraction from print gives it,
// into an issue file (version 1) for a person to check.
//
// The text's form: title lines; paragraphs separated by blank lines, some cut in two where
// a column ended; a lead such as 本报讯 or an agency dateline (新华社北京9月7日电); bylines
// such as 记者 王赛华 文/图 on their own line, run into the last paragraph, or in
// parentheses after the lead; half-width , ( ) : ; ! ? where the print had full-width
// ones (kept: the composer sets them full-width). Import finds the articles and their
// parts, and records every choice a person should check as a Guess, which the issue file
// carries as a TOML comment on the line it concerns: nothing is decided silently.
//
// The package reads text and writes TOML; it does not decode issue files (package issues
// does, and the tests check the output with it) nor touch files or flags.
package importer

import (
	"fmt"
	"strings"

	"broadsheet/issues"
)

// Meta is what the page's furniture says, or the person importing gives: the paper,
// the day, the page number, its name and its editor. Empty fields are filled from the
// running head when the text has one, else with placeholders marked as guesses.
type Meta struct {
	Newspaper string
	Date      string // 2006-01-02
	Page      int
	Section   string
	Editor    string
}

// Page is an imported page.
type Page struct {
	// Source names the text file in the issue file's header and in guesses.
	Source string
	Meta   Meta
	// MetaGuesses are the guesses about Meta, by key ("newspaper", "date" …).
	MetaGuesses map[string]Guess
	// Notes are guesses about the page as a whole (its encoding, dropped lines).
	Notes    []Guess
	Articles []Article
}

// Article is one imported story. Its fields are the issue file's keys.
type Article struct {
	Kicker, Headline, Subhead string
	EditorNote                string // 编者按, set before the body
	Lead                      string
	Paragraphs                []string
	Byline                    string
	Photos                    []Photo
	// Line is the source line of the article's first title line (or first paragraph).
	Line int
	// Guesses about a key ("kicker", "headline", "subhead", "editor_note", "lead", "byline") are
	// written on that key's line; guesses about the body name their paragraph.
	Guesses []Guess
}

// Photo is a placeholder for a picture the print had; its caption is to be written
// unless the text carried one.
type Photo struct {
	Caption string
	Guess   Guess
}

// Guess is one choice the importer made that a person should check.
type Guess struct {
	Line int    // source line it concerns (1-based)
	Key  string // the issue file key it concerns: "headline", "body", "byline" …
	// Paragraph is the 1-based body paragraph for Key "body"; 0 otherwise.
	Paragraph int
	Note      string // what was guessed, e.g. "joined at a column break: …格|局…"
}

// item names what g concerns within its article or page: a key, or a body paragraph.
func (g Guess) item() string {
	if g.Paragraph > 0 {
		return fmt.Sprintf("body paragraph %d", g.Paragraph)
	}
	return g.Key
}

// listed formats g for a list: "LINE: ITEM: NOTE", the item prefixed with where.
func (g Guess) listed(where string) string {
	item := g.item()
	switch {
	case where != "" && item != "":
		item = where + "." + item
	case where != "":
		item = where
	}
	if item == "" {
		return fmt.Sprintf("%d: %s", g.Line, g.Note)
	}
	return fmt.Sprintf("%d: %s: %s", g.Line, item, g.Note)
}

// AllGuesses lists every guess on the page as "LINE: ITEM: NOTE" (LINE in the source
// text, ITEM like article[1].body paragraph 2), the page's first, then by article.
func (p *Page) AllGuesses() []string {
	var out []string
	for _, g := range p.Notes {
		out = append(out, g.listed(""))
	}
	for _, key := range metaKeys {
		if g, ok := p.MetaGuesses[key]; ok {
			out = append(out, g.listed(""))
		}
	}
	for i, a := range p.Articles {
		where := fmt.Sprintf("article[%d]", i)
		for _, g := range a.Guesses {
			out = append(out, g.listed(where))
		}
		for k, ph := range a.Photos {
			if ph.Guess.Note != "" {
				out = append(out, ph.Guess.listed(fmt.Sprintf("%s.photo[%d]", where, k)))
			}
		}
	}
	return out
}

// metaKeys are the top-level keys in the order the file gives them.
var metaKeys = []string{"newspaper", "date", "page", "section", "editor"}

// Import reads text (UTF-8, or GB18030 as older archives hold) extracted from one printed
// page and returns the page it describes. source names the text in guesses and in the
// issue file's header. given holds what the person importing said; its empty fields are
// filled from the text or guessed. It fails only when the text holds no article.
func Import(source string, text []byte, given Meta) (*Page, error) {
	if len(text) > MaxText {
		return nil, fmt.Errorf("%s: %d bytes is more than a page's text (at most %d): is it a whole issue? split it by page", source, len(text), MaxText)
	}
	lines, notes, err := readLines(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	p := &Page{Source: source, Notes: notes, MetaGuesses: map[string]Guess{}}
	ps := newParser(lines)
	ps.run()
	if len(ps.articles) == 0 {
		return nil, fmt.Errorf("%s: no article found: want title lines, then paragraphs separated by blank lines", source)
	}
	if n := len(ps.articles); n > issues.MaxArticles {
		return nil, fmt.Errorf("%s: %d articles found, and a page holds at most %d: is it a whole issue? split it by page", source, n, issues.MaxArticles)
	}
	p.Articles = ps.articles
	p.Notes = append(p.Notes, ps.notes...)
	p.Meta = fillMeta(given, ps.furniture, source, p.MetaGuesses)
	return p, nil
}

// MaxText is the most text one page may have: a broadsheet page holds about 20,000
// characters (60 KB of UTF-8); this is fifty times that.
const MaxText = 3 << 20

// clip shortens s to n runes from its start (or, with fromEnd, its end) for a note.
func clip(s string, n int, fromEnd bool) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if fromEnd {
		return string(r[len(r)-n:])
	}
	return string(r[:n])
}

// joinNote describes a join at a column break: the characters either side of it.
func joinNote(before, after string) string {
	return "joined at a column break: …" + clip(before, contextRunes, true) + "|" +
		clip(strings.TrimSpace(after), contextRunes, false) + "…"
}

// contextRunes is how many characters a note quotes on each side of a join: enough to
// find the place on the printed page.
const contextRunes = 4
