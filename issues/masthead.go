package issues

import (
	"broadsheet/issues/tomltab"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"

	"broadsheet/layout/calendar"
	"broadsheet/layout/picture"
)

// Masthead is what page 1's 报头 says besides the paper's name and the date: the
// [masthead] table, and which article or block stands in the 报眼 beside the name.
// Its zero value is a masthead of the typeset name, date, page and editor only.
type Masthead struct {
	Pos Pos // where the [masthead] table starts; zero when the file has none
	// Logo is the path of a one-page PDF, a JPEG or a PNG of the paper's name,
	// resolved against the issue file's directory; empty sets the name in type.
	// LogoWidth and LogoHeight are a picture's size in pixels; LogoPDF is a PDF's page
	// (its size in points), drawn as vector art, and nil for a picture.
	Logo                  string
	LogoWidth, LogoHeight int
	LogoPDF               *PDFPage
	CN                    string // 国内统一刊号, "CN 41-0014"; empty when not given
	IssueNumber           int    // 总第 N 期; 0 when not given
	Lunar                 bool   // print the 农历 date beside the Gregorian one
	Pages                 int    // 今日 N 版; 0 when not given
	// Ear is the article or block set in the 报眼; nil when none is.
	Ear *Ear
}

// Ear names the item with ear = true: article[Index] or block[Index].
type Ear struct {
	Pos   Pos // where ear = true is written
	Block bool
	Index int
	// Name names an item the issue's composition made ("teasers"); empty otherwise.
	Name string
}

// Item names the ear's item: "article[2]", "block[0]" or its Name.
func (e Ear) Item() string {
	if e.Name != "" {
		return e.Name
	}
	if e.Block {
		return BlockItem(e.Index)
	}
	return ArticleItem(e.Index)
}

// maxIssueNumber bounds masthead.issue_number: the oldest dailies are past 28,000
// issues; a number of nine digits is a typing slip.
const maxIssueNumber = 99999999

// maxPages bounds masthead.pages: 今日 N 版 of a thick weekend edition stays under a
// few hundred.
const maxPages = 999

// cnForm is the form of a 国内统一刊号: CN, the two-digit code of the province, a
// hyphen and the four-digit serial (CN 41-0014). The space after CN is optional.
var cnForm = regexp.MustCompile(`^CN ?([0-9]{2})-([0-9]{4})$`)

// masthead decodes the [masthead] table and the ear = true of the articles and
// blocks; it comes before the articles and blocks are decoded, and takes the ear key
// out of their tables so that their own key checks see only their keys.
func (d *decoder) masthead(root table, is *Issue) Masthead {
	m := d.ears(root, is.PageNo)
	t, ok := root.SubTable("masthead", "[masthead]")
	if !ok {
		return m
	}
	t.CheckKeys("logo", "cn", "issue_number", "lunar", "pages")
	m.Pos = t.Start()
	if is.PageNo > 1 {
		root.Errorf("masthead", "page %d has a running head, not a masthead; want [masthead] on page 1 only", is.PageNo)
		return m
	}
	d.logo(t, &m)
	m.CN = cn(t)
	m.IssueNumber = count(t, "issue_number", "an issue number (总第 N 期)", maxIssueNumber, 23456)
	m.Lunar, _ = t.Boolean("lunar")
	if m.Lunar && is.Date.Year != 0 {
		if _, err := calendar.Lunar(is.Date.Year, int(is.Date.Month), is.Date.Day); err != nil {
			t.Errorf("lunar", "the 农历 of %v is not known (%v); want lunar = false for this date", is.Date, err)
			m.Lunar = false
		}
	}
	m.Pages = count(t, "pages", "a number of pages (今日 N 版)", maxPages, 8)
	return m
}

// count decodes a whole number of 1 to hi at key, what the message calls it; 0 when
// absent or wrong.
func count(t table, key, what string, hi, example int64) int {
	n, ok := t.Integer(key, false, fmt.Sprint(example))
	if ok && (n < 1 || n > hi) {
		t.Errorf(key, "%d is not %s; want a whole number from 1 to %d, like %d", n, what, hi, example)
		return 0
	}
	return int(n)
}

// cn decodes masthead.cn, the 国内统一刊号: "CN 41-0014".
func cn(t table) string {
	s, ok := t.Text("cn", false)
	if !ok {
		return ""
	}
	parts := cnForm.FindStringSubmatch(s)
	if parts == nil {
		t.Errorf("cn", "%s is not a 国内统一刊号; want CN, two digits, a hyphen and four digits, like \"CN 41-0014\"", clip(s))
		return ""
	}
	return "CN " + parts[1] + "-" + parts[2]
}

// logo resolves and checks masthead.logo: a one-page PDF, a PNG or a JPEG of the
// paper's name.
func (d *decoder) logo(t table, m *Masthead) {
	const fix = "want a one-page PDF, a PNG or a JPEG of the paper's name, or leave logo out to set the name in type"
	if _, given := t.M["logo"]; !given {
		return
	}
	name, ok := t.Text("logo", false)
	if !ok || name == "" {
		if ok {
			t.Errorf("logo", "is empty; %s", fix)
		}
		return
	}
	path := d.resolve(name)
	if isPDF(path) {
		if pg, ok := d.pdfPage(t, "logo", name, path, "a PNG or JPEG of the paper's name, or leave logo out to set the name in type"); ok {
			m.Logo, m.LogoPDF = path, pg
		}
		return
	}
	info, err := picture.Probe(path)
	if err != nil {
		var pe *picture.Error
		what := fmt.Sprintf("cannot be read (%v)", err)
		if errors.As(err, &pe) {
			what = pe.What
		}
		where := ""
		if pe != nil && (pe.Kind == picture.Missing || pe.Kind == picture.NotFile) && !filepath.IsAbs(name) {
			where = fmt.Sprintf(" (relative to the issue file's folder %s)", folderOf(d.file))
		}
		t.Errorf("logo", "%q %s%s; %s", name, what, where, fix)
		return
	}
	if what := writerRefuses(info); what != "" {
		t.Errorf("logo", "%q %s; %s", name, what, fixWriter)
		return
	}
	m.Logo, m.LogoWidth, m.LogoHeight = path, info.Width, info.Height
}

// ears finds the articles and blocks with ear = true, checks them and takes the key
// out of their tables. At most one item stands in the 报眼, on page 1 only, and the
// band sets its size and place, so it has no place (nor, for an article, columns).
func (d *decoder) ears(root table, page int) Masthead {
	var m Masthead
	for _, kind := range []struct {
		key, name string
		block     bool
	}{{"article", "[[article]]", false}, {"block", "[[block]]", true}} {
		list, _ := root.M[kind.key].([]any) // the articles' and blocks' decoders report a wrong shape
		for i, e := range list {
			mt, isTable := e.(map[string]any)
			if _, given := mt["ear"]; !isTable || !given {
				continue
			}
			t := table{D: d.Doc, Item: tomltab.Elem(kind.key, i), Name: kind.name, M: mt}
			on, ok := t.Boolean("ear")
			delete(t.M, "ear")
			if !ok || !on {
				continue
			}
			d.ear(t, &m, Ear{Pos: t.At("ear"), Block: kind.block, Index: i}, page)
		}
	}
	return m
}

// ear checks one item with ear = true and records it in m.
func (d *decoder) ear(t table, m *Masthead, e Ear, page int) {
	if !earFree(t, m, page) {
		return
	}
	m.Ear = &e
	if e.Block {
		earTakes(t, "place")
	} else {
		earTakes(t, "place", "columns")
	}
}

// earFree reports whether the item of t, with ear = true, may stand in the 报眼: on
// page 1, where no other item does (m.Ear). It reports why not.
func earFree(t table, m *Masthead, page int) bool {
	switch {
	case page > 1:
		t.Errorf("ear", "is true on page %d; the 报眼 stands beside the masthead, on page 1 only: want ear on a page-1 item, or leave it out", page)
	case m.Ear != nil:
		t.Errorf("ear", "is true for %s too; the masthead has one 报眼: want ear = true on one item only", m.Ear.Item())
	default:
		return true
	}
	return false
}

// earTakes reports each of keys given for the 报眼 item of t: the band sets them.
func earTakes(t table, keys ...string) {
	for _, key := range keys {
		if _, given := t.M[key]; given {
			t.Errorf(key, "is given for the 报眼 item; the masthead band sets its size and place: want %s left out, or ear = false", key)
		}
	}
}
