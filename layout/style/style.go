// Package style is broadsheet's style sheet: every typographic constant of
// composition in one plain value, each named with its reason or its source in the
// project's typography notes. A newspaper's house style can later be read from a file
// into the same struct; nothing in it is computed.
//
// It is not a place for behaviour: the stages read these numbers and decide; the
// sheet only says what the numbers are.
package style

import (
	"broadsheet/fonts"
	"broadsheet/layout/geom"
)

// Hao is a size of the Chinese 号 scale.
type Hao = geom.Hao

// Ratio is an exact fraction Num/Den, for sizes given as a share of another size.
type Ratio struct{ Num, Den int64 }

// Of returns the ratio of l, rounded to the nearest unit.
func (r Ratio) Of(l geom.Length) geom.Length { return l.Scale(r.Num, r.Den) }

// Sheet is the whole style sheet.
type Sheet struct {
	// Hao is the 号 scale from the largest size down to 小五 (typography.md).
	Hao []Hao
	Faces
	Grid
	Head    Headline
	Photo   Photo
	Costs   Costs
	Rules   Rules
	Running RunningHead
	Mast    Masthead
	Missing MissingGlyph
	Debug   Debug
	Tints   Tints
	Blocks  Blocks
	Boxes   Boxes
	Jumps   Jumps
}

// Jumps are the stories continued on another page (转版) and the 导读 that points
// inside.
type Jumps struct {
	// Out ends the part of a story on its first page, In heads the rest on the page it
	// continues on; each takes the other page's number. Both are set flush right in Face.
	Out, In string
	Face    fonts.ID
	// Head is the 号 index of the largest headline a continuation takes (二号): it
	// heads the rest of a story the reader met on its first page, under that page's
	// own stories in weight whatever its rank.
	Head int
	// Teaser leads a 导读 line with the page it points to.
	Teaser string
	// Line is the price of each body line continued on another page: far below an
	// empty cell, so that a page gives the story its room rather than leave it white,
	// and below the price of a narrow photo, so that the story's photos are sized as in
	// any story rather than shrunk to keep text on the page.
	Line int64
	// Keep is the fewest body lines a jumped story sets on its own page: fewer reads
	// as a headline with a pointer, not a story; each line short is priced as overset.
	Keep int
	// PhotoShare is the least share of its module's columns a jumped story's photos
	// span: its text does not bound them, so an editor sizes them to the module;
	// NarrowPhoto is the price of each column short of it.
	PhotoShare  Ratio
	NarrowPhoto int64
	// Sentence is how many lines from the end of the part on the first page a
	// sentence end may be, to cut the story there rather than mid-sentence.
	Sentence int
}

// Boxes are the frames of boxed articles (专栏, 言论).
type Boxes struct {
	Thin, Thick geom.Length // a box's rule, and the thick rule of a double box
	Apart       geom.Length // between the two rules of a double box
}

// Blocks are the advertisements and notices a page carries.
type Blocks struct {
	Label geom.Length // the placeholder's label size
	Face  fonts.ID    // and face
	Frame geom.Length // the placeholder's outline
	// LabelInset is the room kept free each side of the label, of the body size.
	LabelInset Ratio
	// Labels are what a placeholder says by kind when the file gives no label.
	Labels map[string]string
}

// Faces are the faces of the page's text roles.
type Faces struct {
	Body, Lead, Byline, Caption, Kicker, Subhead fonts.ID
	// Crosshead is the face of crossheads (小标题), RunIn of bold run-ins (问：, 答：,
	// brief titles, 【编者按】), Note of the editor's note.
	Crosshead, RunIn, Note fonts.ID
	// Headlines alternate down the page, so neighbouring headlines differ.
	Headlines []fonts.ID
	// Paper name, dates and credits of the running head and masthead.
	PaperName, HeadInfo, HeadSection fonts.ID
}

// Grid holds the vertical proportions of the page, from a broadsheet's 545 mm page and
// 490 mm type area (typography.md).
type Grid struct {
	HeadSpace  geom.Length // running head and its rule above the type area
	MinMargin  geom.Length // the least white at any page edge
	TypeMargin geom.Length // page height − default type area height
	// HeadRuleShare is where the running head's rule sits in HeadSpace, from the type
	// area up; HeadBaselineAbove is the running head's baseline above that rule.
	HeadRuleShare     Ratio
	HeadBaselineAbove geom.Length
	// Indent is the first-line indent of body paragraphs, in em (2 em, clreq).
	Indent int
	// ModuleGap is the lines left between modules stacked one above the other: the
	// rule runs through the middle of it.
	ModuleGap int
}

// Headline is how headline blocks (引题, 主题, 副题) are set.
type Headline struct {
	// RankLargest and RankSmallest are the 号 indices each rank of article may use,
	// largest and smallest; the last entry holds for every later rank. The lead never
	// goes below 一号, the largest any other story may have; the second stays at 小二
	// or above; every other story from 四号 (14 pt) up.
	RankLargest, RankSmallest []int
	MainPitch                 Ratio       // baseline to baseline of a headline's lines, of its size (1.2)
	MinorPitch                Ratio       // the same for kicker and subhead (1.3)
	LayerGap                  Ratio       // space between layers, of the headline size (15 %)
	Pad                       Ratio       // air above and below the block, of the body size (0.8 em)
	MinorShare                Ratio       // kicker and subhead: about half the headline size (55 %), on the 号 scale
	MinorFloor                geom.Length // … never below 12 pt
	MinorBody                 Ratio       // … nor below 1.3 × body
	// SubheadPrefix leads every subhead (副题), as Chinese papers set it.
	SubheadPrefix string
	// Air is the room kept free at each side of a headline line, of the body size
	// (half a character each side).
	Air Ratio
	// MaxExtra is how many white lines a headline block may take beyond what it needs,
	// for the lead and for every other story: at most one, or it reads as a hole
	// (typography.md).
	MaxExtraLead, MaxExtra int
	// KeepChoices is how many headline settings within ChoiceSlack of the best one
	// the fitting tries at each width.
	KeepChoices int
	ChoiceSlack int64
}

// Photo is how pictures are framed.
type Photo struct {
	// CropShort and CropTall bound a picture's frame height against its natural
	// height (a fifth either way).
	CropShort, CropTall float64
	// Aspect is the shape of a placeholder that gives none (4:3).
	Aspect float64
	// MinFrameLines is the least height of a frame in lines.
	MinFrameLines int
	// MinPPI is the least effective resolution of a newsprint photo (typography.md).
	MinPPI float64
	// NewsShare is the widest a photo news item (图片新闻: a picture, a title and a
	// caption, no body) may be, as a share of the page's columns: it is news, not a
	// page's filler.
	NewsShare Ratio
	// TextShare is how many frame cells an article's photos may take for each cell
	// of its body text before they cost Costs.OversizePhoto a cell.
	TextShare Ratio
}

// Costs are the prices of the choices made in fitting an article to a module, in
// points of badness. Overset dominates everything, then holes, then the looks of
// headlines and photos.
type Costs struct {
	Overset   int64 // per body line that does not fit
	Cut       int64 // per article that does not fit whole (× CutWeight − rank): cut one, not several
	CutWeight int64 // the least important story is cut first
	Hole      int64 // per empty body cell (one column × one line)
	ExtraHead int64 // per cell of extra white in a headline block
	HaoStep   int64 // per 号 step below the rank's largest headline size
	TwoLines  int64 // a two-line headline across TwoLinesWide or more columns (double across TwoLinesWider)
	// TwoLinesWide and TwoLinesWider are the widths from which a two-line headline
	// costs TwoLines, and twice that.
	TwoLinesWide, TwoLinesWider int
	WordSplit                   int64 // per word a headline layer is broken inside (the measure is narrower than the word)
	ManyLines                   int64 // per line of a headline layer beyond MostLines
	MostLines                   int   // the lines a headline layer may take at no cost
	Aspect                      int64 // per line a photo frame departs from the picture's shape
	Shallow                     int64 // per column and line a text column is shallower than MinDepth
	DeepHole                    int64 // per column and line an empty column foot is deeper than two lines
	NarrowPhoto                 int64 // a one-column photo in an article of three or more
	OversizePhoto               int64 // per frame cell beyond what the article's text allows (Photo.TextShare)
	NarrowLead                  int64 // per column the lead story is narrower than half the page
	Widow                       int64 // a paragraph's last line alone at the top of a column
	// Keep is per leg that ends with a crosshead (or it and one line) or a brief
	// item's title line: a rule broken, priced like a short leg.
	Keep     int64
	MinDepth int // the fewest lines a column of running text should have
	// ShortLeg is the price per line a leg falls short of MinLeg, the fewest lines a
	// reader can follow in a leg (under 6 is refused, typography.md), unless the body
	// is under ShortBody lines. It stays below the price of cutting an article: a leg
	// too short is bad, text lost is worse.
	ShortLeg          int64
	MinLeg, ShortBody int
	// Flagged is per empty area deeper than two lines, which the report flags for a
	// person to look at: a column foot, or the band a page short of copy keeps at its
	// foot (fit.ReserveCost). Many small holes cost more than one band of their cells.
	Flagged int64
	// Strip is per body cell of the columns a short story's module has beyond those its
	// body fills in legs of MinDepth lines: a short story spread over a wide module in
	// shallow legs (a strip) hides the page's shortage of copy in its width, and is
	// priced above the white it hides, so that the page keeps its story narrow and deep
	// and reports what is left empty. A story is short when its body has fewer than
	// StripBody lines, and the lead story is held to it at any length (NarrowLead keeps
	// it from being narrow, this from being wider than its text). A module of StripCols
	// or fewer columns is never a strip (a 豆腐块), nor is one with photos, which their
	// own prices size.
	Strip                int64
	StripBody, StripCols int
	// Gape is per line and column an empty column foot of a story without photos is
	// deeper than MinDepth: a column's worth of white inside a module reads as a hole,
	// so the page's white gathers in the reserved band (fit.ReserveCost) instead.
	Gape int64
	// ReserveDeep is the share of DeepHole each cell of the band a page short of copy
	// keeps empty costs: below the white at a column foot, so that the white gathers
	// where an advertisement or notice can go. ReserveWidth is the least width of that
	// band, of the type area's: half the page takes a half-width advertisement.
	ReserveDeep, ReserveWidth Ratio
}

// Rules are the rules between modules.
type Rules struct {
	Thin geom.Length // 正线 between articles
}

// RunningHead is the 报眉 of pages 2 and on.
type RunningHead struct {
	Info, Name  geom.Length // size of the date and credits, and of the paper's name
	Thick, Thin geom.Length // the rule under it: thick over thin (文武线)
	RuleGap     geom.Length // between the two rules
	// Floor is the least size a running head's text is set at to fit (六号, the
	// smallest readable size, typography.md); Gap the least white between its parts.
	Floor, Gap geom.Length
}

// Masthead is page 1's 报头.
type Masthead struct {
	Height      geom.Length // about how tall it is
	MinLines    int         // at least this many lines …
	MaxShare    Ratio       // … and at most this share of the type area's lines
	NameShare   Ratio       // the paper's name: this share of the band's height …
	NameWidth   Ratio       // … and at most this share of the type area's width
	Info        geom.Length // size of the date, page, section and editor lines
	InfoDrop    Ratio       // each info line's baseline below its step in the band, of its size
	Thick, Thin geom.Length // the rules under it
	ThickAbove  geom.Length // the thick rule's offset above the gap line's middle
	ThinBelow   geom.Length // the thin rule's offset below it
	// NameFloor is the least size of the paper's name, as a share of the band: a
	// masthead whose name shrinks past it is no masthead. InfoFloor is the least size
	// of the info lines (六号); Gap the least white between the name and them.
	NameFloor      Ratio
	InfoFloor, Gap geom.Length
	// EarHeight is about how tall the band is with a 报眼 beside the name: room for
	// the ear's headline and a few lines of its text.
	EarHeight geom.Length
	// NameGive is how much smaller the name (or logo) may be set so that it ends a
	// column sooner, leaving the 报眼 one more column instead of a sliver of white.
	NameGive Ratio
	// InfoPitch is the least baseline pitch of the info lines, of their size.
	InfoPitch Ratio
}

// MissingGlyph is the empty box drawn for a character no face has.
type MissingGlyph struct {
	Box   Ratio       // its side, of the type size
	Inset Ratio       // its offset from the em box's corner, of the type size
	Width geom.Length // its outline
}

// Debug is the --debug overlay.
type Debug struct {
	Baseline, Column, Module geom.Length // line widths
}

// Tints are the screens the page prints, in percent of black.
type Tints struct {
	Placeholder uint8 // a photo that has not arrived yet
}

// Default is the house style: a Chinese daily's broadsheet as typography.md describes it.
func Default() Sheet {
	pt, mm := geom.Pt, geom.Mm
	return Sheet{
		Hao: geom.HaoScale()[:12], // down to 小五, the body size
		Faces: Faces{
			Body: fonts.Song, Lead: fonts.Hei, Byline: fonts.Kai, Caption: fonts.Kai,
			Kicker: fonts.Kai, Subhead: fonts.Song, Headlines: []fonts.ID{fonts.Hei, fonts.SongBold},
			Crosshead: fonts.Hei, RunIn: fonts.Hei, Note: fonts.Kai,
			PaperName: fonts.SongBold, HeadInfo: fonts.Song, HeadSection: fonts.Hei,
		},
		Grid: Grid{HeadSpace: mm(10), MinMargin: mm(10), TypeMargin: mm(55),
			HeadRuleShare: Ratio{1, 3}, HeadBaselineAbove: mm(2.5), Indent: 2, ModuleGap: 1},
		Head: Headline{
			RankLargest: []int{0, 2, 2, 3, 4, 4, 5}, RankSmallest: []int{2, 5, 8},
			MainPitch: Ratio{12, 10}, MinorPitch: Ratio{13, 10}, LayerGap: Ratio{15, 100},
			Pad: Ratio{8, 10}, MinorShare: Ratio{55, 100}, MinorFloor: pt(12), MinorBody: Ratio{13, 10},
			SubheadPrefix: "——", Air: Ratio{1, 1}, MaxExtraLead: 1, MaxExtra: 1,
			KeepChoices: 4, ChoiceSlack: 300,
		},
		Photo: Photo{CropShort: 0.8, CropTall: 1.25,
			Aspect: 4.0 / 3.0, MinFrameLines: 2, MinPPI: 170, TextShare: Ratio{3, 2}, NewsShare: Ratio{1, 2}},
		Costs: Costs{
			Overset: 1_000_000, Cut: 1_000_000_000, CutWeight: 16, Hole: 100, ExtraHead: 30,
			HaoStep: 60, TwoLines: 150, TwoLinesWide: 4, TwoLinesWider: 6, ManyLines: 5000, MostLines: 2, WordSplit: 200_000, Shallow: 1000, DeepHole: 1000,
			NarrowPhoto: 300, OversizePhoto: 1000, NarrowLead: 800, Widow: 150, Keep: 20_000_000, MinDepth: 8,
			ShortLeg: 20_000_000, MinLeg: 6, ShortBody: 12, Flagged: 3000,
			Strip: 3000, StripBody: 40, StripCols: 3, Gape: 400, ReserveDeep: Ratio{9, 10}, ReserveWidth: Ratio{1, 2},
		},
		Rules:   Rules{Thin: pt(0.5)},
		Running: RunningHead{Info: pt(10.5), Name: pt(14), Thick: pt(1.2), Thin: pt(0.4), RuleGap: pt(2), Floor: pt(7.5), Gap: pt(10.5)},
		Mast: Masthead{Height: mm(32), MinLines: 4, MaxShare: Ratio{1, 3}, NameShare: Ratio{4, 5},
			NameWidth: Ratio{1, 2}, Info: pt(10.5), InfoDrop: Ratio{1, 3}, Thick: pt(1.6), Thin: pt(0.4),
			ThickAbove: pt(1.2), ThinBelow: pt(1), NameFloor: Ratio{2, 5}, InfoFloor: pt(7.5), Gap: pt(10.5),
			EarHeight: mm(50), NameGive: Ratio{3, 4}, InfoPitch: Ratio{6, 5}},
		Missing: MissingGlyph{Box: Ratio{8, 10}, Inset: Ratio{1, 10}, Width: pt(0.4)},
		Debug:   Debug{Baseline: pt(0.1), Column: pt(0.2), Module: pt(1)},
		Tints:   Tints{Placeholder: 20},
		Blocks: Blocks{Label: pt(26), Face: fonts.Hei, Frame: pt(0.5), LabelInset: Ratio{1, 1},
			Labels: map[string]string{"ad": "广告", "notice": "公益广告"}},
		Boxes: Boxes{Thin: pt(0.5), Thick: pt(1.5), Apart: pt(2.5)},
		Jumps: Jumps{Out: "（下转第%d版）", In: "（上接第%d版）", Face: fonts.Kai, Teaser: "%d版 ·", Head: 4,
			Line: 10, Keep: 24, Sentence: 2, PhotoShare: Ratio{1, 2}, NarrowPhoto: 2000},
	}
}

// HaoIndex returns the index in the 号 scale of the largest size not above s.
func (s *Sheet) HaoIndex(size geom.Length) int {
	for i, h := range s.Hao {
		if h.Size <= size {
			return i
		}
	}
	return len(s.Hao) - 1
}

// HeadlineFace is the face of the headline of the article of the given rank.
func (s *Sheet) HeadlineFace(rank int) fonts.ID {
	return s.Headlines[rank%len(s.Headlines)]
}
