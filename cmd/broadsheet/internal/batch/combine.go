package batch

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"broadsheet/issues"
)

// combineKeyVersion changes when what goes into a whole issue's build key changes.
const combineKeyVersion = "broadsheet combine key 1"

// issuePage is one page of a whole issue: its PDF and what its outline entry says.
type issuePage struct {
	pdf, in string
	number  int
	section string
}

// Built is a page of the run for Combine: its issue file, its PDF, and whether the
// PDF was written (or is up to date).
type Built struct {
	In, PDF string
	OK      bool
}

// Combine writes, for each folder that received PDFs, one PDF of the whole issue
// beside the folder (pdf/2023-11-21/ → pdf/2023-11-21.pdf) with its pages in page order
// and an outline entry naming each page's number and section. An issue whose pages are
// all up to date, and whose PDF is still the one combined from them, is not written
// again. It returns the run's status, made worse by what went wrong.
func (b *Run) Combine(pages []Built, status int, stderr io.Writer) int {
	if !b.opt.Combine || b.opt.Check {
		return status
	}
	outputs := map[string]bool{}
	for _, p := range pages {
		outputs[absPath(p.PDF)] = true
	}
	for _, folder := range issueFolders(pages) {
		target := combinedName(folder.dir)
		if len(folder.bad) > 0 {
			fmt.Fprintf(stderr, "broadsheet: %s: not written: %d of the issue's pages have no PDF (%s …)\n",
				target, len(folder.bad), folder.bad[0])
			continue
		}
		err := b.combineIssue(target, folder.pages, outputs)
		switch {
		case errors.Is(err, errUpToDate):
			b.combined(target, true)
		case err != nil:
			fmt.Fprintf(stderr, "broadsheet: %s: %v\n", target, err)
			status = max(status, statusFailure)
		default:
			b.combined(target, false)
		}
	}
	return status
}

// errUpToDate says a whole issue's PDF need not be written again.
var errUpToDate = errors.New("up to date")

// combined counts and reports a whole issue written or up to date.
func (b *Run) combined(target string, upToDate bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if upToDate {
		b.counts.issuesUpToDate++
	} else {
		b.counts.issues++
	}
	if b.lines != nil {
		state := "written"
		if upToDate {
			state = "skipped"
		}
		b.lines.write(issueLine{Type: "issue", Output: target, State: state, Skipped: upToDate, Shard: b.opt.Shard})
	}
}

// issueLine is the JSON lines report's line for a whole issue.
type issueLine struct {
	Type    string `json:"type"` // "issue"
	Output  string `json:"output"`
	State   string `json:"state"`
	Skipped bool   `json:"skipped"`
	Shard   string `json:"shard,omitempty"`
}

// folder is an output folder and the pages written into it.
type folder struct {
	dir   string
	pages []issuePage
	bad   []string // inputs without a PDF
}

// issueFolders groups the pages by output folder, in page order; a folder with a page
// that has no PDF is left out with a message.
func issueFolders(pages []Built) []folder {
	byDir := map[string]*folder{}
	var order []string
	for _, j := range pages {
		dir := filepath.Dir(j.PDF)
		f, ok := byDir[dir]
		if !ok {
			f = &folder{dir: dir}
			byDir[dir] = f
			order = append(order, dir)
		}
		if !j.OK {
			f.bad = append(f.bad, j.In)
			continue
		}
		f.pages = append(f.pages, describePage(j))
	}
	var folders []folder
	for _, dir := range order {
		f := byDir[dir]
		slices.SortStableFunc(f.pages, func(a, b issuePage) int { return cmp.Compare(a.number, b.number) })
		folders = append(folders, *f)
	}
	return folders
}

// describePage reads a page's number and section from its issue file.
func describePage(j Built) issuePage {
	p := issuePage{pdf: j.PDF, in: j.In}
	if iss, err := issues.Decode(j.In); err == nil {
		p.number, p.section = iss.PageNo, iss.Section
	}
	return p
}

// absPath is p made absolute, to compare paths however they were written.
func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// combinedName is the whole issue's PDF for an output folder: beside it, named after it.
func combinedName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return filepath.Join(filepath.Dir(dir), filepath.Base(abs)+".pdf")
}

// combineIssue writes one whole issue, unless it is up to date.
func (b *Run) combineIssue(target string, pages []issuePage, outputs map[string]bool) error {
	if outputs[absPath(target)] {
		return fmt.Errorf("is also a page's PDF; rename the page or its folder")
	}
	if err := b.opt.Guard(target); err != nil {
		return err
	}
	key, err := b.manifest.combineKey(pages)
	if err == nil && b.manifest.dir(target).upToDate(target, key) != nil {
		return errUpToDate
	}
	data, err := b.mergeWithOutline(pages)
	if err != nil {
		return err
	}
	if err := b.opt.Write(target, data); err != nil {
		return err
	}
	if key == "" {
		return nil
	}
	return b.manifest.record(target, Record{PDF: filepath.Base(target), Key: key, Input: filepath.Dir(pages[0].pdf)})
}

// combineKey is the SHA-256 over the program and each page's PDF and outline title, in
// order; it is empty when the manifests cannot say.
func (m *manifest) combineKey(pages []issuePage) (string, error) {
	if !m.enabled {
		return "", errors.New("no manifest")
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s", combineKeyVersion, m.prefix)
	for _, p := range pages {
		sum, err := fileHash(p.pdf)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "page %s %s\n", sum, outlineTitle(p))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// outlineTitle names a page in the whole issue's outline: 第7版 经开区新闻.
func outlineTitle(p issuePage) string {
	title := fmt.Sprintf("第%d版", p.number)
	if p.section != "" {
		title += " " + p.section
	}
	return title
}

// mergeWithOutline merges the pages' PDFs in order, with an outline entry per page,
// by the command's Merge.
func (b *Run) mergeWithOutline(pages []issuePage) ([]byte, error) {
	var pdfs, titles []string
	for _, p := range pages {
		pdfs, titles = append(pdfs, p.pdf), append(titles, outlineTitle(p))
	}
	return b.opt.Merge(pdfs, titles)
}
