// Package issues reads an issue file — one newspaper page in TOML — checks it strictly,
// and gives the page's model: its format and its articles in order of importance.
//
// Every error a user can cause names the file, line and column, the item
// (article[2].photo[0].file) and what would be valid. This package knows nothing of
// layout: positions on the page, fonts and PDF belong to later stages. The directory
// also holds the sample issue files.
package issues

import (
	"broadsheet/issues/tomltab"
	"fmt"
	"time"

	"broadsheet/layout/geom"
	"broadsheet/layout/picture"
)

// Issue is one page of a newspaper as the issue file describes it.
type Issue struct {
	// File is the issue file's path as it was given.
	File      string
	Newspaper string // the paper's name, for the running head (报眉)
	Date      Date   // the day of the issue
	PageNo    int    // page number (版次), 1 or more
	// DatePos and PagePos are where date and page are written, for the errors of a
	// whole issue (two files of one page, dates that differ).
	DatePos, PagePos Pos
	Section          string // page name (版名), may be empty
	Editor           string // 责任编辑, may be empty
	Format           Format
	Masthead         Masthead // page 1's [masthead] and 报眼; zero on other pages
	// Articles in order of importance: the first is the lead story.
	Articles []Article
	// Blocks are the page's advertisements and notices.
	Blocks []Block
	// Teasers are the page's 导读 lines ([[teaser]]), in order; TeaserBox says where
	// they are set.
	Teasers   []Teaser
	TeaserBox TeaserBox
}

// Date is a calendar day.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// String formats d as 2006-01-02.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Format is the page's size, grid and composition rules. Decode fills every field,
// using the defaults where the file is silent.
type Format struct {
	// SizeName is "broadsheet", "tabloid" or the custom size as written.
	SizeName      string
	Width, Height geom.Length
	// TypeHeight is the height of the type area (版心) below the running head;
	// 0 means the layout's default for the page height.
	TypeHeight  geom.Length
	Columns     int         // basic columns (default 8)
	ColumnChars int         // characters of body type in one basic column (default 13)
	BodySize    geom.Length // body type size (default 9pt)
	// Leading is the distance from one body baseline to the next (default 1.5 × BodySize).
	Leading geom.Length
	// Kinsoku is the line-breaking level: "strict" (default) or "basic".
	Kinsoku string
	// FullwidthPunctuation sets , ( ) ; : ! ? beside Chinese text as the full-width
	// marks the paper prints (default true).
	FullwidthPunctuation bool
	// BriefMark is what separates the items of a brief list: "rule" (a thin rule,
	// the default) or a mark that leads each item, such as "■".
	BriefMark string
	// Bleed is how far the bleed box reaches past the trimmed page (default 0: a
	// coldset newspaper is not trimmed).
	Bleed geom.Length
	// Marks puts crop and registration marks and a slug line around the page.
	Marks bool
	// OutputProfile is the ICC profile output_profile names (nil: coldset newsprint),
	// OutputProfileName its file name.
	OutputProfile     string // the profile's bytes
	OutputProfileName string
}

// Article is one story.
type Article struct {
	Pos      Pos    // where the [[article]] table starts
	Kicker   string // 引题, may be empty
	Headline string // 主题, never empty
	Subhead  string // 副题, may be empty
	Lead     string // e.g. 本报讯, set in bold Hei before the first paragraph; may be empty
	// Paragraphs of the body, trimmed, never empty.
	Paragraphs []string
	Byline     string // e.g. 记者 王赛华 文/图, may be empty
	// Columns is the article's width in basic columns; 0 lets the layout choose.
	Columns int
	// Kind is KindStory or KindBriefs; Briefs are a brief list's items.
	Kind   string
	Briefs []Brief
	// EditorNote is the 编者按 set before the body; may be empty.
	EditorNote string
	// Box is "", "rule", "double" or "tint"; Tint the tint's percent of black.
	Box  string
	Tint int
	// HeadlineSize fixes the headline's size (headline_size); 0 lets the layout choose.
	HeadlineSize geom.Length
	Photos       []Photo
	// Place pins the article to a module of the grid; nil lets the layout place it.
	Place *Place
	// Jump continues the article on another page; nil when it stays on its page.
	Jump *Jump
	// Continued is set on the continuation of a jumped story, which the issue's
	// composition makes; nil for an article of the file.
	Continued *Continued
	// Name is what messages call an article the issue's composition made ("teasers",
	// "continuation of article[0] of p01.toml"); empty for the file's [[article]]s.
	Name string
}

// Photo is a picture in an article, or a placeholder for one.
type Photo struct {
	Pos Pos
	// File is the picture's path, resolved against the issue file's directory;
	// empty for a placeholder.
	File    string
	Caption string
	// Columns is the photo's width in basic columns; 0 lets the layout choose.
	Columns int
	// Aspect is width ÷ height as the file gave it for a placeholder; 0 when not given.
	Aspect float64
	// PixelWidth and PixelHeight are the picture's size; 0 for a placeholder.
	PixelWidth, PixelHeight int
	// Format and Model are the picture's file format and how its pixels are stored
	// (colour space, bits, alpha); zero for a placeholder.
	Format picture.Format
	Model  picture.Model
}

// Place is a pinned module in grid units: 1-based first column and line, and a count of each.
type Place struct {
	Pos                          Pos
	Column, Columns, Line, Lines int
}

// Pos is a position in an issue file.
type Pos = tomltab.Pos
