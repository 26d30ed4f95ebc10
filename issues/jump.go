package issues

// Jump continues an article on another page of the issue (转版): the article's key
// jump = { page = 3, headline = "…", rank = 2 }. The page sets what its module
// holds, ends it with （下转第3版）, and the rest of the body runs on page 3 under the
// jump headline and （上接第1版）.
type Jump struct {
	Pos  Pos // where the jump key is written
	Page int // the page the rest continues on (版次), never the article's own
	// Headline heads the continuation: the file's jump.headline, or the article's
	// headline when it gives none.
	Headline string
	// Rank is the continuation's place in the order of importance of the page it
	// lands on, 1-based (1 = that page's lead); the default, 2, is right after the lead.
	Rank int
}

// DefaultJumpRank is a continuation's rank when jump.rank is not given: right after
// the lead story of the page it lands on.
const DefaultJumpRank = 2

// Continued marks an article made by the issue's composition, not written in a file:
// the rest of a jumped story on the page it continues on (上接).
type Continued struct {
	// FromPage is the page the story starts on; From names the story there, File is
	// that page's issue file and Index the article's place in it.
	FromPage int
	File     string
	Index    int
	// Fragment says the first paragraph continues one begun on the other page: it is
	// not indented.
	Fragment bool
	// Rank is the continuation's place in this page's order of importance, 1-based.
	Rank int
}

// Teaser is one line of page 1's 导读 ([[teaser]]): a text and the page it points to,
// given as page = N or found from article = "the headline of an article in the issue".
type Teaser struct {
	Pos  Pos // where the [[teaser]] table starts
	Text string
	// Page is the page given; 0 when the teaser names an article instead.
	Page int
	// Article is the headline named; empty when a page is given.
	Article string
	// PagePos and ArticlePos are where page = N and article = "…" are written, for
	// the errors when the page or the article is not in the issue.
	PagePos, ArticlePos Pos
}

// TeaserBox is where a page's teasers are set: the [teasers] table, optional.
type TeaserBox struct {
	Pos   Pos    // where [teasers] starts; zero when the file has none
	Title string // the box's head; 导读 when not given
	// Place pins the box; nil lets the layout place it (or the 报眼, Ear).
	Place *Place
	Ear   bool
	// EarPos is where ear is written.
	EarPos Pos
}

// DefaultTeaserTitle heads a box of teasers when [teasers] gives no title.
const DefaultTeaserTitle = "导读"
