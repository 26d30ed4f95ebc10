package importer

import (
	"fmt"
	"strings"
)

// parser walks the lines once, building articles: title lines, then a body, closed by
// a byline or by the next article's titles.
type parser struct {
	lines     []line
	i         int // the line being read
	articles  []Article
	cur       *draft // the article being read; nil between articles
	notes     []Guess
	furniture []line // running-head lines, dropped from the articles
	// indents says that an indented line starts a paragraph (see indentsMarkParagraphs).
	indents bool
}

// draft is an article being read.
type draft struct {
	Article
	titles     []line
	bylineLine int  // the byline's source line
	started    bool // the body has begun (a lead or a paragraph was read)
	open       bool // the last paragraph was cut where a column ended
	// cut holds the earlier pieces of the last paragraph, which column breaks cut; the
	// last piece is the paragraph's entry until flush joins them, so that a paragraph of
	// many pieces costs no more than its length.
	cut []string
}

// maxTitleLines is the most title lines an article takes: a kicker, a headline set on
// two lines, a subhead and a second subhead.
const maxTitleLines = 5

// placeholderHeadline stands for a headline the text does not have.
const placeholderHeadline = "（标题待补）"

func newParser(lines []line) *parser {
	return &parser{lines: lines, indents: indentsMarkParagraphs(lines)}
}

// run reads every line and closes the last article.
func (p *parser) run() {
	for p.i = 0; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		if p.cur == nil || !p.cur.started {
			p.title(l)
		} else {
			p.body(l)
		}
	}
	p.finish()
}

// title reads a line between articles or under an article's titles.
func (p *parser) title(l line) {
	if p.cur == nil {
		p.cur = &draft{}
		p.cur.Line = l.no
	}
	d := p.cur
	switch {
	case len(d.titles) == 0 && isFurniture(l.text):
		p.furniture = append(p.furniture, l)
		p.notes = append(p.notes, Guess{Line: l.no, Note: "taken as the running head, not an article's line: " + l.text})
	case photoCaption(l.text) && len(d.titles) == 0 && len(p.articles) > 0:
		p.caption(&p.articles[len(p.articles)-1], l)
	case isByline(l.text) && len(d.titles) > 0 && d.Byline == "":
		d.Byline, d.bylineLine = unparen(l.text), l.no // under the titles, as features set it
	case isByline(l.text) && len(d.titles) == 0:
		p.strayByline(l)
	case len(d.titles) == 0 && kickerLike(l.text) && p.titleNext():
		d.titles = append(d.titles, l)
	case leadRe.MatchString(l.text) || !titleLike(l.text) || len(d.titles) == maxTitleLines:
		p.startBody(l)
	default:
		d.titles = append(d.titles, l)
	}
}

// strayByline places a byline that follows a closed article: it is that article's
// byline, or the second line of it (记者 张三 / 通讯员 李四).
func (p *parser) strayByline(l line) {
	n := len(p.articles)
	if n == 0 {
		p.notes = append(p.notes, Guess{Line: l.no, Note: "a byline with no article to take it, not imported: " + l.text})
		return
	}
	a := &p.articles[n-1]
	by := unparen(l.text)
	note := "a byline after the article's end, taken as its byline"
	if a.Byline != "" {
		by, note = a.Byline+" "+by, "a second byline line, joined to the byline"
	}
	a.Byline = by
	a.Guesses = append(a.Guesses, Guess{Line: l.no, Key: "byline", Note: note})
	if hasPhotoMark(by) && len(a.Photos) == 0 {
		a.Photos = append(a.Photos, Photo{Guess: Guess{Line: l.no, Key: "caption",
			Note: "caption to be written: the byline " + by + " credits a photo"}})
	}
}

// startBody ends the titles: they become the kicker, headline and subhead, and l is the
// first line of the body.
func (p *parser) startBody(l line) {
	d := p.cur
	d.started = true
	if len(d.titles) == 0 {
		d.Headline = placeholderHeadline
		d.Guesses = append(d.Guesses, Guess{Line: l.no, Key: "headline", Note: "no title line before this paragraph: write the headline"})
	} else {
		d.assignTitles()
	}
	p.paragraph(l)
}

// body reads a line of an article's body.
func (p *parser) body(l line) {
	d := p.cur
	switch {
	case d.open && isByline(l.text):
		last := d.Paragraphs[len(d.Paragraphs)-1]
		d.guess(l.no, "body", len(d.Paragraphs), "the last paragraph ends without a full stop: …"+clip(last, contextRunes, true))
		p.byline(l)
	case d.open && l.indent && p.indents:
		last := d.Paragraphs[len(d.Paragraphs)-1]
		d.guess(l.no, "body", len(d.Paragraphs)+1, "indented, taken as a new paragraph although the one before ends without a full stop: …"+clip(last, contextRunes, true))
		p.paragraph(l)
	case d.open:
		p.join(l)
	case isByline(l.text):
		p.byline(l)
	case photoCaption(l.text):
		p.caption(&d.Article, l)
	case leadRe.MatchString(l.text) && len(d.Paragraphs) > 0:
		p.close(fmt.Sprintf("no byline found: the article ends before the lead on line %d", l.no))
		p.title(l)
	case (titleLike(l.text) || kickerLike(l.text)) && p.titlesAhead():
		p.close(fmt.Sprintf("no byline found: the article ends before the title line %d", l.no))
		p.title(l)
	case crossheadRe.MatchString(l.text) && titleLike(l.text):
		d.guess(l.no, "body", len(d.Paragraphs)+1, "a numbered or marked short line, taken as a crosshead (小标题, \"## \")")
		d.flush()
		d.Paragraphs = append(d.Paragraphs, crossheadMark+l.text)
		d.open = false
	default:
		p.paragraph(l)
	}
}

// titlesAhead reports whether the lines from the current one are an article's start:
// title lines, then a lead or a byline.
func (p *parser) titlesAhead() bool {
	for j := p.i; j < len(p.lines) && j < p.i+maxTitleLines+1; j++ {
		s := p.lines[j].text
		switch {
		case leadRe.MatchString(s) || isByline(s):
			return j > p.i
		case j == p.i && kickerLike(s):
		case !titleLike(s):
			return false
		}
	}
	return false
}

// titleNext reports whether the line after the current one may be a title line.
func (p *parser) titleNext() bool {
	return p.i+1 < len(p.lines) && titleLike(p.lines[p.i+1].text)
}

// paragraph adds l as a new paragraph, splitting a lead off the first one.
func (p *parser) paragraph(l line) {
	d := p.cur
	d.flush()
	text := l.text
	if note, ok := editorNote(text); ok && len(d.Paragraphs) == 0 && d.Lead == "" && d.EditorNote == "" {
		d.EditorNote = note
		d.guess(l.no, "editor_note", 0, "a paragraph led by 编者按, taken as the editor's note")
		return
	}
	if len(d.Paragraphs) == 0 && d.Lead == "" {
		if lead, by, rest, ok := splitLead(text); ok {
			d.Lead, text = lead, rest
			if by != "" {
				d.Byline, d.bylineLine = by, l.no
				d.guess(l.no, "byline", 0, "in parentheses after the lead in print ("+lead+"("+by+")); moved to the byline")
			}
			if text == "" {
				return // the lead stood on a line of its own
			}
		}
	}
	if strings.HasPrefix(text, crossheadMark) {
		d.guess(l.no, "body", len(d.Paragraphs)+1, "starts with \"## \", so it is set as a crosshead (小标题)")
	}
	d.Paragraphs = append(d.Paragraphs, text)
	d.open = !ended(text)
	p.runIn(l)
}

// join appends l to the last paragraph, which a column break cut.
func (p *parser) join(l line) {
	d := p.cur
	n := len(d.Paragraphs)
	d.guess(l.no, "body", n, joinNote(d.Paragraphs[n-1], l.text))
	d.cut = append(d.cut, d.Paragraphs[n-1])
	d.Paragraphs[n-1] = l.text
	d.open = !ended(d.Paragraphs[n-1])
	p.runIn(l)
}

// runIn splits a byline run into the end of the last paragraph and closes the article.
func (p *parser) runIn(l line) {
	d := p.cur
	n := len(d.Paragraphs)
	text, by, ok := runInByline(d.Paragraphs[n-1])
	if !ok {
		return
	}
	d.guess(l.no, "byline", 0, "run into the last paragraph in print: …"+clip(text, contextRunes, true)+"|"+by)
	d.Paragraphs[n-1] = text
	p.setByline(l.no, by)
	p.close("")
}

// byline takes a byline on a line of its own and closes the article.
func (p *parser) byline(l line) {
	p.setByline(l.no, unparen(l.text))
	p.close("")
}

// setByline sets the article's byline; one given already (in parentheses after the
// lead) is kept and the second recorded.
func (p *parser) setByline(no int, by string) {
	d := p.cur
	if d.Byline != "" && d.Byline != by {
		d.guess(no, "byline", 0, "a second byline, "+by+", not imported")
		return
	}
	d.Byline, d.bylineLine = by, no
}

// caption adds a photo whose caption the text carries to article a.
func (p *parser) caption(a *Article, l line) {
	a.Photos = append(a.Photos, Photo{Caption: l.text,
		Guess: Guess{Line: l.no, Key: "caption", Note: "a line ending in a photo credit, taken as a photo's caption"}})
}

// close finishes the current article; note, when not empty, is a guess about its end.
func (p *parser) close(note string) {
	d := p.cur
	p.cur = nil
	if d == nil {
		return
	}
	d.flush()
	if !d.started || len(d.Paragraphs) == 0 {
		p.unfinished(d)
		return
	}
	if note != "" && d.Byline == "" {
		d.guess(d.Line, "body", len(d.Paragraphs), note)
	}
	if hasPhotoMark(d.Byline) && len(d.Photos) == 0 {
		d.Photos = append(d.Photos, Photo{Guess: Guess{Line: d.bylineLine, Key: "caption",
			Note: "caption to be written: the byline " + d.Byline + " credits a photo"}})
	}
	p.articles = append(p.articles, d.Article)
}

// unfinished records the lines of an article that has no body, so that none is lost.
func (p *parser) unfinished(d *draft) {
	var texts []string
	for _, t := range d.titles {
		texts = append(texts, t.text)
	}
	if d.EditorNote != "" {
		texts = append(texts, d.EditorNote)
	}
	if d.Lead != "" {
		texts = append(texts, d.Lead)
	}
	if d.Byline != "" {
		texts = append(texts, d.Byline)
	}
	if len(texts) > 0 {
		p.notes = append(p.notes, Guess{Line: d.Line, Note: "lines with no body after them, not imported: " + strings.Join(texts, " / ")})
	}
}

// finish closes the last article at the end of the text.
func (p *parser) finish() {
	if p.cur != nil {
		p.close("")
	}
}

// flush joins the pieces of the last paragraph.
func (d *draft) flush() {
	if n := len(d.Paragraphs); n > 0 && len(d.cut) > 0 {
		d.Paragraphs[n-1] = strings.Join(append(d.cut, d.Paragraphs[n-1]), "")
		d.cut = nil
	}
}

// guess records a guess about key (and body paragraph n) at source line no.
func (d *draft) guess(no int, key string, n int, note string) {
	if key != "body" {
		n = 0
	}
	d.Guesses = append(d.Guesses, Guess{Line: no, Key: key, Paragraph: n, Note: note})
}

// assignTitles makes the title lines the kicker (引题), headline (主题) and subhead (副题).
// Print sets them in that order, so one line is a headline and three are all three; two
// are a headline and a subhead unless the first ends as a kicker does (with a colon or
// comma) or the second starts with a dash, as subheads do.
func (d *draft) assignTitles() {
	t := d.titles
	d.Line = t[0].no
	switch n := len(t); {
	case n == 1:
		d.Headline = t[0].text
	case n == 2 && strings.HasPrefix(t[1].text, "—"):
		d.Headline, d.Subhead = t[0].text, t[1].text
	case n == 2 && endsAsKicker(t[0].text):
		d.Kicker, d.Headline = t[0].text, t[1].text
		d.guess(t[0].no, "kicker", 0, "the first of two title lines ends with a colon or comma: taken as the kicker (引题)")
	case n == 2:
		d.Headline, d.Subhead = t[0].text, t[1].text
		d.guess(t[1].no, "subhead", 0, "the second of two title lines, taken as the subhead (副题); if the first is a kicker (引题), rename both")
	case n == 3:
		d.Kicker, d.Headline, d.Subhead = t[0].text, t[1].text, t[2].text
		d.guess(t[0].no, "kicker", 0, "three title lines, taken as kicker (引题), headline and subhead")
	default:
		d.Kicker, d.Subhead = t[0].text, t[n-1].text
		var mid []string
		for _, l := range t[1 : n-1] {
			mid = append(mid, l.text)
		}
		d.Headline = strings.Join(mid, "")
		d.guess(t[1].no, "headline", 0, fmt.Sprintf("%d title lines: the middle %d joined as the headline", n, n-2))
	}
}

// endsAsKicker reports whether a title line ends as a kicker (引题) does, leading into
// the headline: with a colon, a comma or a dash.
func endsAsKicker(s string) bool {
	return strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "，") ||
		strings.HasSuffix(s, ",") || strings.HasSuffix(s, "——")
}
