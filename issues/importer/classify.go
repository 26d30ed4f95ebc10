package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The patterns below are the forms of Chinese newspaper text the importer knows.
const (
	// role is a byline's credit: 记者, 本报记者, 新华社记者, 通讯员, 实习生 …
	role = `(?:本报|新华社|中新社|人民日报)?(?:特约|见习|首席)?(?:摄影)?(?:记者|通讯员|实习生)`
	// name is a person's name as print gives it: Han characters, a middle dot in the
	// names of minorities and foreigners; print pads two-character names with a space
	// (鲁 慧), which makes one-character parts.
	name  = `[\p{Han}·]{1,4}`
	names = name + `(?:[ 　、,，]+` + name + `)*`
	// credit is one role and its names; a byline is one or more, then a mark of what
	// they did: 文/图 (text and photo), 摄 (photo), 报道.
	credit    = role + `[ 　]*` + names
	photoMark = `(?:文/图|文／图|图/文|图／文|摄)`
	workMark  = `(?:` + photoMark + `|报道|整理)`
)

var (
	// bylineRe matches a whole line that is a byline. A role and its names may run
	// together (记者王赛华) only in a line of its own.
	bylineRe = regexp.MustCompile(`^` + credit + `(?:[ 　]+` + credit + `)*(?:[ 　]*` + workMark + `)?$`)
	// strictBylineRe is a byline whose roles are followed by a space, as print sets a
	// byline run into a paragraph; without the space, 记者了解到 would be one.
	strictBylineRe = regexp.MustCompile(`^` + role + `[ 　]+` + names + `(?:[ 　]+` + role + `[ 　]+` + names + `)*(?:[ 　]*` + workMark + `)?$`)
	// nameFirstRe is a byline of names and a photo mark without a role: 王赛华 文/图, 文/图 王赛华.
	nameFirstRe = regexp.MustCompile(`^(?:` + names + `[ 　]+` + photoMark + `|(?:文/图|图/文|图)[ 　:：]+` + names + `)$`)
	photoMarkRe = regexp.MustCompile(photoMark + `$`)
	// leadRe is a lead: 本报讯, or a dateline — 新华社北京9月7日电, 本报郑州11月20日讯.
	leadRe = regexp.MustCompile(`^(?:本报讯|(?:新华社|中新社|本报|新华网|人民网|央视网|央视新闻)[\p{Han}]{0,12}?\d{1,2}月\d{1,2}日(?:电|讯))`)
	// parenBylineRe is a byline in parentheses right after a lead: (记者 王赛华).
	parenBylineRe = regexp.MustCompile(`^[ 　]*[(（]([^()（）]{2,40})[)）]`)
	// crossheadRe is a crosshead (小标题) inside a long article, numbered (一、 （二） 3.)
	// or led by a mark (■ ●).
	crossheadRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．]|[■□●◆◇▲])`)
	// furnitureRe matches the running head's parts: a date, a page number, an editor.
	dateRe    = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	pageNoRe  = regexp.MustCompile(`第\s*(\d{1,4})\s*版|(?:^|\s)(\d{1,3})\s*版(?:\s|$)|(?:^|\s)[AaBb]?(\d{1,3})\s*版`)
	editorRe  = regexp.MustCompile(`(?:责任编辑|责编|编辑)[ 　:：]*(` + names + `)`)
	weekdayRe = regexp.MustCompile(`星期[一二三四五六日天]`)
)

// editorNoteRe is an editor's note (编者按) leading the body: 【编者按】…, 编者按:….
var editorNoteRe = regexp.MustCompile(`^(?:【编者按】|\[编者按\]|编者按[:：]|编者的话[:：])[ 　]*`)

// editorNote returns the text of an editor's note, without its label.
func editorNote(p string) (string, bool) {
	label := editorNoteRe.FindString(p)
	if label == "" || strings.TrimSpace(p[len(label):]) == "" {
		return "", false
	}
	return strings.TrimSpace(p[len(label):]), true
}

// crossheadMark starts a body paragraph that is a crosshead, in the issue file.
const crossheadMark = "## "

// isByline reports whether a whole line is a byline.
func isByline(s string) bool {
	s = unparen(s)
	return bylineRe.MatchString(s) || nameFirstRe.MatchString(s)
}

// unparen strips one pair of parentheses around s: (记者 王赛华).
func unparen(s string) string {
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) {
			return strings.TrimSpace(s[len(p[0]) : len(s)-len(p[1])])
		}
	}
	return s
}

// hasPhotoMark reports whether a byline credits a photo (文/图, 摄).
func hasPhotoMark(byline string) bool {
	return photoMarkRe.MatchString(byline)
}

// runInByline splits a byline run into the end of a paragraph after its last sentence:
// "…增添新动能。记者 王赛华" gives "…增添新动能。" and "记者 王赛华".
func runInByline(p string) (text, byline string, ok bool) {
	cut := lastSentenceEnd(p)
	if cut <= 0 || cut == len(p) {
		return p, "", false
	}
	tail := unparen(strings.TrimSpace(p[cut:]))
	if !strictBylineRe.MatchString(tail) {
		return p, "", false
	}
	return strings.TrimSpace(p[:cut]), tail, true
}

// lastSentenceEnd returns the byte offset just past the last sentence-ending mark in
// p (with the closing quotes after it), or -1.
func lastSentenceEnd(p string) int {
	end := -1
	for i, r := range p {
		if sentenceEnd(r) {
			end = i + utf8.RuneLen(r)
		} else if end == i && closing(r) {
			end = i + utf8.RuneLen(r)
		}
	}
	return end
}

// sentenceEnd reports whether r ends a sentence: 。！？… and the half-width ! ? of
// extracted text.
func sentenceEnd(r rune) bool { return strings.ContainsRune("。！？!?…", r) }

// closing reports whether r closes a quotation or parenthesis that may follow a
// sentence's end: 。” or 。）.
func closing(r rune) bool { return strings.ContainsRune("”’」』）)》", r) }

// ended reports whether a paragraph ends as a paragraph does — with a sentence end,
// closing marks allowed after it — rather than where a column ran out.
func ended(p string) bool {
	p = strings.TrimRightFunc(p, closing)
	r, _ := utf8.DecodeLastRuneInString(p)
	return sentenceEnd(r) || r == '—' // a paragraph may end with a dash (——), as in a list of speakers
}

// maxTitleRunes is the longest line taken as a title: a broadsheet's widest headline
// (eight columns of 13 characters at three times body size) holds about 35 characters;
// a subhead about 45.
const maxTitleRunes = 48

// titleLike reports whether s may be a title line: short and not ending a sentence
// with a full stop or a comma (a headline may end with ！ or ？).
func titleLike(s string) bool {
	if utf8.RuneCountInString(s) > maxTitleRunes || leadRe.MatchString(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("。，,；;、：:…", r)
}

// kickerLike reports whether s may be a kicker (引题) leading into a headline: short,
// ending with a colon, a comma or a dash.
func kickerLike(s string) bool {
	return utf8.RuneCountInString(s) <= maxTitleRunes && !leadRe.MatchString(s) && endsAsKicker(s)
}

// splitLead splits a lead off the start of a paragraph, and a byline in parentheses
// after it: "本报讯(记者 王赛华)近日,…" gives 本报讯, 记者 王赛华, "近日,…".
func splitLead(p string) (lead, byline, rest string, ok bool) {
	lead = leadRe.FindString(p)
	if lead == "" {
		return "", "", p, false
	}
	rest = p[len(lead):]
	if m := parenBylineRe.FindStringSubmatch(rest); m != nil {
		if inner := strings.TrimSpace(m[1]); isByline(inner) {
			byline, rest = inner, rest[len(m[0]):]
		}
	}
	return lead, byline, strings.TrimSpace(rest), true
}

// isFurniture reports whether a line is part of the running head (报眉): it holds a
// date, a page number or an editor's credit and is short.
func isFurniture(s string) bool {
	if utf8.RuneCountInString(s) > maxTitleRunes {
		return false
	}
	return dateRe.MatchString(s) || editorRe.MatchString(s) && strings.HasPrefix(strings.TrimLeft(s, " 　"), "责") ||
		strings.Contains(s, "版") && pageNoRe.MatchString(s) && (weekdayRe.MatchString(s) || strings.HasPrefix(s, "第"))
}

// photoCaption recognises a photo's caption: a sentence or two ending in a photo credit
// (…仪式现场。 记者 王赛华 摄).
func photoCaption(s string) bool {
	if !strings.HasSuffix(s, "摄") || utf8.RuneCountInString(s) > maxCaptionRunes {
		return false
	}
	_, by, ok := runInByline(s)
	return ok && strings.HasSuffix(by, "摄")
}

// maxCaptionRunes is the longest line taken as a photo caption: two or three lines
// under a photo.
const maxCaptionRunes = 80
