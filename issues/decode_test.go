package issues

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"broadsheet/layout/geom"
	"broadsheet/layout/picture"
)

func TestDecodeGood(t *testing.T) {
	const file = "testdata/good/page.toml"
	got, err := Decode(file)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	at := func(line, col int) Pos { return Pos{File: file, Line: line, Col: col} }
	want := &Issue{
		File:      file,
		Newspaper: "郑州日报",
		Date:      Date{Year: 2023, Month: time.November, Day: 21},
		PageNo:    7,
		DatePos:   Pos{File: file, Line: 3, Col: 13}, PagePos: Pos{File: file, Line: 4, Col: 13},
		Section: "经开区新闻",
		Editor:  "李明",
		Format: Format{
			SizeName: "tabloid", Width: 275 * geom.Millimetre, Height: 390 * geom.Millimetre,
			TypeHeight: 340 * geom.Millimetre, Columns: 6, ColumnChars: 12,
			BodySize: geom.Pt(9), Leading: geom.Pt(14), Kinsoku: "basic", FullwidthPunctuation: false, BriefMark: "rule",
		},
		Articles: []Article{{
			Pos:        at(18, 1),
			Kicker:     "引题",
			Headline:   "经开区举办招商推介会",
			Subhead:    "副题",
			Lead:       "本报讯",
			Paragraphs: []string{"第一段，前后有全角空格。", "第二段 (with ASCII punctuation)."},
			Byline:     "记者 王赛华 文/图",
			Columns:    4,
			Photos: []Photo{
				{Pos: at(31, 3), File: filepath.Join("testdata/good", "photos/dot.png"), Caption: "图片说明",
					Columns: 3, PixelWidth: 4, PixelHeight: 3,
					Format: picture.PNG, Model: picture.Model{Colour: picture.RGB, Bits: 8, Alpha: true}},
				{Pos: at(36, 3), Aspect: 1.5},
			},
			Place: &Place{Pos: at(39, 3), Column: 1, Columns: 4, Line: 1, Lines: 40},
		}, {
			Pos:        at(45, 1),
			Headline:   "第二篇",
			Paragraphs: []string{"只有一段。"},
		}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Decode(%s) =\n%+v\nwant\n%+v", file, got, want)
		for i := range min(len(got.Articles), len(want.Articles)) {
			if !reflect.DeepEqual(got.Articles[i], want.Articles[i]) {
				t.Errorf("article %d:\n got %+v\nwant %+v", i, got.Articles[i], want.Articles[i])
			}
		}
	}
}

func TestDecodeDefaults(t *testing.T) {
	src := "newspaper = \"报\"\ndate = 2024-02-29\npage = 1\n[[article]]\nheadline = \"题\"\nbody = \"文\"\n"
	got, err := DecodeBytes("min.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got.Format != defaultFormat() {
		t.Errorf("format = %+v, want the defaults %+v", got.Format, defaultFormat())
	}
	f := got.Format
	if f.Width != geom.Mm(390) || f.Height != geom.Mm(545) || f.Leading != geom.Pt(13.5) ||
		f.Columns != 8 || f.ColumnChars != 13 || f.BodySize != geom.Pt(9) || f.TypeHeight != 0 ||
		f.Kinsoku != "strict" || !f.FullwidthPunctuation {
		t.Errorf("defaults = %+v", f)
	}
	if got.Date.Weekday() != time.Thursday {
		t.Errorf("2024-02-29 decoded as %v, a %v", got.Date, got.Date.Weekday())
	}
}

func TestDecodeLeadingFollowsBodySize(t *testing.T) {
	src := "newspaper = \"报\"\ndate = 2023-11-21\npage = 1\n[format]\nbody_size = \"10pt\"\ncolumns = 6\n" +
		"[[article]]\nheadline = \"题\"\nbody = \"文\"\n"
	got, err := DecodeBytes("lead.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got.Format.Leading != geom.Pt(15) {
		t.Errorf("leading = %v, want 1.5 × 10pt = 15pt", got.Format.Leading)
	}
}

func TestDecodeBOMAndCRLF(t *testing.T) {
	src := "\uFEFFnewspaper = \"报\"\r\ndate = 2023-11-21\r\npage = 2\r\n[[article]]\r\nheadline = \"题\"\r\n" +
		"body = \"\"\"\r\n一\r\n\r\n二\r\n\"\"\"\r\ncolumns = 99\r\n"
	_, err := DecodeBytes("crlf.toml", []byte(src))
	list := errorList(t, err)
	if len(list) != 1 || list[0].Pos.String() != "crlf.toml:11:11" {
		t.Fatalf("want one error at crlf.toml:11:11, got:\n%v", err)
	}
	got, err := DecodeBytes("crlf.toml", []byte(strings.Replace(src, "columns = 99\r\n", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"一", "二"}; !reflect.DeepEqual(got.Articles[0].Paragraphs, want) {
		t.Errorf("paragraphs = %q, want %q", got.Articles[0].Paragraphs, want)
	}
}

func TestColumnsCountCharacters(t *testing.T) {
	// An inline table after Chinese text: the column counts characters, not bytes.
	src := "newspaper = \"报\"\ndate = 2023-11-21\npage = 1\n" +
		"article = [{ headline = \"标题标题\", body = \"正文\", columns = 0 }]\n"
	_, err := DecodeBytes("cjk.toml", []byte(src))
	list := errorList(t, err)
	const want = "cjk.toml:4:56"
	if len(list) != 1 || list[0].Pos.String() != want || list[0].Item != "article[0].columns" {
		t.Fatalf("want one error at %s article[0].columns, got:\n%v", want, err)
	}
}

func TestDecodeUnreadable(t *testing.T) {
	_, err := Decode(filepath.Join(t.TempDir(), "none.toml"))
	if err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "read ") {
		t.Fatalf("want a wrapped not-exist error, got %v", err)
	}
	var list ErrorList
	if errors.As(err, &list) {
		t.Errorf("an unreadable file gave an ErrorList: %v", err)
	}
}

// TestBadFiles decodes every testdata/bad/*.toml. Each file lists the errors it
// must give, and no others, in comment lines of the form
//
//	# want: LINE:COL ITEM: part of the message
//
// where ITEM is "-" for an error about the file as a whole.
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad files: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, err = DecodeBytes(file, data)
			checkWants(t, file, wants(t, data), errorList(t, err))
		})
	}
}

// want is one expected error.
type want struct {
	pos, item, msg string
}

// wants reads the "# want:" lines of a bad file.
func wants(t *testing.T, data []byte) []want {
	t.Helper()
	var ws []want
	for _, line := range strings.Split(string(data), "\n") {
		rest, ok := strings.CutPrefix(line, "# want: ")
		if !ok {
			continue
		}
		pos, rest, _ := strings.Cut(rest, " ")
		item, msg, _ := strings.Cut(rest, ": ")
		if item == "-" {
			item = ""
		}
		ws = append(ws, want{pos, item, msg})
	}
	if len(ws) == 0 {
		t.Fatal("the file has no # want: lines")
	}
	return ws
}

// checkWants checks that list holds exactly the wanted errors.
func checkWants(t *testing.T, file string, ws []want, list ErrorList) {
	t.Helper()
	for _, w := range ws {
		if findError(list, file+":"+w.pos, w.item, w.msg) == nil {
			t.Errorf("missing error %s:%s: %s: …%s…\ngot:\n%v", file, w.pos, w.item, w.msg, list)
		}
	}
	if len(list) != len(ws) {
		t.Errorf("got %d errors, want %d:\n%v", len(list), len(ws), list)
	}
}

// findError returns the error in list at pos about item whose message contains msg.
// The error's text must start with "pos: item: ".
func findError(list ErrorList, pos, item, msg string) *Error {
	prefix := pos + ": "
	if item != "" {
		prefix += item + ": "
	}
	for _, e := range list {
		if e.Pos.String() == pos && e.Item == item && strings.Contains(e.Msg, msg) &&
			strings.HasPrefix(e.Error(), prefix) {
			return e
		}
	}
	return nil
}

// errorList asserts that err is a non-empty, sorted ErrorList whose messages are
// lower-case and name the item, and returns it.
func errorList(t *testing.T, err error) ErrorList {
	t.Helper()
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("want an ErrorList, got %T %v", err, err)
	}
	for i, e := range list {
		if e.Msg == "" || unicode.IsUpper([]rune(e.Msg)[0]) && !strings.HasPrefix(e.Msg, "TOML ") {
			t.Errorf("message does not start in lower case: %v", e)
		}
		if i > 0 && posLess(e.Pos, list[i-1].Pos) {
			t.Errorf("errors out of order: %v before %v", list[i-1], e)
		}
		if !strings.Contains(e.Error(), e.Pos.File+":"+strconv.Itoa(e.Pos.Line)+":") {
			t.Errorf("error does not name its file and line: %v", e)
		}
	}
	return list
}

func posLess(a, b Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

func TestErrorsAreDeterministic(t *testing.T) {
	data, err := os.ReadFile("testdata/bad/unknown_keys.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, first := DecodeBytes("u.toml", data)
	for range 20 {
		if _, err := DecodeBytes("u.toml", data); err.Error() != first.Error() {
			t.Fatalf("errors differ between runs:\n%v\n---\n%v", first, err)
		}
	}
}

// A page narrower than a broadsheet gets as many basic columns as fit it by default.
func TestColumnsDefaultToWhatFits(t *testing.T) {
	cases := map[string]int{`size = "tabloid"`: 5, `size = "broadsheet"`: 8, `size = "tabloid"` + "\ncolumn_chars = 10": 7, `size = "200x300mm"`: 4}
	for format, want := range cases {
		src := "newspaper = \"报\"\ndate = 2023-11-21\npage = 1\n[format]\n" + format + "\n[[article]]\nheadline = \"标题\"\nbody = \"正文\"\n"
		iss, err := DecodeBytes("x.toml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if iss.Format.Columns != want {
			t.Errorf("%s: %d columns, want %d", format, iss.Format.Columns, want)
		}
	}
}

// Prose is composed (NFC) so names print and search as one character each, except CJK
// compatibility ideographs, which keep the form the name was given in.
func TestProseIsComposed(t *testing.T) {
	src := "newspaper = \"报\"\ndate = 2023-11-21\npage = 1\n[[article]]\nheadline = \"Nguye\\u0302\\u0303n\\uF900\"\nbody = \"正文\"\n"
	iss, err := DecodeBytes("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := iss.Articles[0].Headline, "Nguy\u1EC5n\uF900"; got != want {
		t.Errorf("headline %q (%U), want %q", got, []rune(got), want)
	}
}

// With format.columns given and format.column_chars not, the columns are as wide as
// fit the page, up to 13 characters.
func TestColumnCharsFollowColumns(t *testing.T) {
	cases := map[string]int{`size = "tabloid"` + "\ncolumns = 6": 12, `size = "broadsheet"` + "\ncolumns = 6": 13,
		"columns = 10": 10, `size = "tabloid"` + "\ncolumns = 6\ncolumn_chars = 10": 10}
	for format, want := range cases {
		src := "newspaper = \"报\"\ndate = 2023-11-21\npage = 1\n[format]\n" + format + "\n[[article]]\nheadline = \"标题\"\nbody = \"正文\"\n"
		iss, err := DecodeBytes("x.toml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if iss.Format.ColumnChars != want {
			t.Errorf("%s: %d characters a column, want %d", format, iss.Format.ColumnChars, want)
		}
	}
}

// A front page whose stories jump inside and whose 导读 stands in the 报眼 decodes to
// the jumps and teasers as written, with the defaults where the file is silent.
func TestDecodeJumpsAndTeasers(t *testing.T) {
	const file = "testdata/good/front.toml"
	got, err := Decode(file)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	at := func(line, col int) Pos { return Pos{File: file, Line: line, Col: col} }
	wantJumps := []*Jump{
		{Pos: at(8, 8), Page: 3, Headline: "郑州｜全力推进国家中心城市建设", Rank: DefaultJumpRank},
		{Pos: at(14, 3), Page: 4, Headline: "第二篇｜（续）", Rank: 1},
	}
	for i, a := range got.Articles {
		if !reflect.DeepEqual(a.Jump, wantJumps[i]) {
			t.Errorf("article %d jumps %+v, want %+v", i, a.Jump, wantJumps[i])
		}
	}
	if p := got.Articles[1].Place; p == nil || p.Line != 30 {
		t.Errorf("the pinned article that jumps has place %+v, want its pin kept", p)
	}
	wantTeasers := []Teaser{
		{Pos: at(24, 1), Text: "经开区举办招商推介会", Page: 7, PagePos: at(26, 8)},
		{Pos: at(28, 1), Text: "全力推进国家中心城市建设", Article: "郑州全力推进国家中心城市建设", ArticlePos: at(30, 11)},
	}
	if !reflect.DeepEqual(got.Teasers, wantTeasers) {
		t.Errorf("teasers\n %+v\nwant\n %+v", got.Teasers, wantTeasers)
	}
	if want := (TeaserBox{Pos: at(32, 1), Title: "今日导读", Ear: true, EarPos: at(34, 7)}); !reflect.DeepEqual(got.TeaserBox, want) {
		t.Errorf("teaser box %+v, want %+v", got.TeaserBox, want)
	}
	if got.Masthead.Ear != nil {
		t.Errorf("Masthead.Ear = %+v with the teaser box in the 报眼; want nil (TeaserBox.Ear says it)", got.Masthead.Ear)
	}
}

// The teaser box: none without teasers, the default title without [teasers], a pin
// decoded as an article's.
func TestDecodeTeaserBox(t *testing.T) {
	const head = "newspaper = \"报\"\ndate = 2023-11-22\npage = 1\n[[article]]\nheadline = \"题\"\nbody = \"文\"\n"
	const teaser = "[[teaser]]\ntext = \"一\"\npage = 2\n"
	for _, c := range []struct {
		name, src string
		want      TeaserBox
	}{
		{"no teasers", head, TeaserBox{}},
		{"teasers alone", head + teaser, TeaserBox{Title: DefaultTeaserTitle}},
		{"pinned", head + teaser + "[teasers]\nplace = { column = 7, columns = 2, line = 1, lines = 20 }\n",
			TeaserBox{Pos: Pos{File: "t.toml", Line: 10, Col: 1}, Title: DefaultTeaserTitle,
				Place: &Place{Pos: Pos{File: "t.toml", Line: 11, Col: 1}, Column: 7, Columns: 2, Line: 1, Lines: 20}}},
		{"titled", head + teaser + "[teasers]\ntitle = \"本期导读\"\near = false\n",
			TeaserBox{Pos: Pos{File: "t.toml", Line: 10, Col: 1}, Title: "本期导读"}},
	} {
		got, err := DecodeBytes("t.toml", []byte(c.src))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !reflect.DeepEqual(got.TeaserBox, c.want) {
			t.Errorf("%s: teaser box %+v, want %+v", c.name, got.TeaserBox, c.want)
		}
	}
}
