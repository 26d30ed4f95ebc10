package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"broadsheet/cmd/broadsheet/internal/batch"
	"broadsheet/issues"
	"broadsheet/issues/folder"
	"broadsheet/layout"
	"broadsheet/layout/edition"
)

// Whole issues. A folder named by a date (2023-11-22/) holds the pages of one issue:
// one file a page, all of that date. When a story jumps between its pages, or a
// teaser points across them, the pages are composed together (package edition), by
// one worker, and a page given alone is composed with the rest of its issue; the
// pages of other folders are set one by one, in parallel. Every page's build key
// covers its folder's other page files.

// issueGroup is an issue folder of the run: its page files, and the run's jobs that
// are its pages. Its pages are composed together when linked.
type issueGroup struct {
	dir string
	// files are every *.toml file of the folder, in name order; jobs the indices of the
	// run's jobs that are its pages, in the run's order.
	files  []string
	jobs   []int
	linked bool
}

// groupIssues checks every issue folder the run's pages are in — no two files of one
// page, one date — and groups the jobs of each folder whose pages are linked.
func groupIssues(jobs []job) ([]job, error) {
	var errs issues.ErrorList
	groups := map[string]*issueGroup{}
	for i := range jobs {
		dir := filepath.Dir(jobs[i].in)
		if abs, err := filepath.Abs(dir); err != nil || !folder.IsIssue(filepath.Base(abs)) {
			continue // a page set from inside its folder is in it too
		}
		g, seen := groups[dir]
		if !seen {
			files, linked, err := readFolder(dir)
			errs = append(errs, err...)
			g = &issueGroup{dir: dir, files: files, linked: linked}
			groups[dir] = g
		}
		g.jobs = append(g.jobs, i)
		jobs[i].group = g
	}
	return jobs, errs.Err()
}

// readFolder lists the page files of an issue folder and checks their heads: one file
// a page, one date. linked says whether a page jumps or teases across the issue.
func readFolder(dir string) (files []string, linked bool, errs issues.ErrorList) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false, nil // the pages' own reading says why
	}
	var heads []folder.Head
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || filepath.Ext(name) != ".toml" {
			continue
		}
		path := filepath.Join(dir, name)
		files = append(files, path) // each is a page of the issue, or an error of it
		data, err := batch.ReadIssue(path)
		if err != nil {
			continue
		}
		if h, ok := folder.Peek(path, data); ok {
			heads = append(heads, h)
			linked = linked || h.Linked
		}
	}
	abs, _ := filepath.Abs(dir)
	return files, linked, folder.Check(filepath.Base(abs), heads)
}

// buildIssue sets the run's pages of one issue, composed together: each page unless
// it is up to date (its key covers every page file of the issue and their pictures),
// the issue composed once, when the first page that is not needs it. It returns the
// results in the order of g.jobs.
func buildIssue(b *batch.Run, g *issueGroup, jobs []job, c config) []result {
	is := &composedIssue{group: g}
	out := make([]result, len(g.jobs))
	for k, ji := range g.jobs {
		j := jobs[ji]
		start := time.Now()
		var r result
		o := b.Build(j.in, j.out, func() (batch.Outcome, string, []string) {
			is.compose()
			r = is.set(j, c, start)
			key, files := "", []string(nil)
			if data := is.data[g.file(j.in)]; data != nil {
				key, files = b.IssueKey(data, is.pages, g.others(j.in))
			}
			return outcome(r), key, files
		})
		if o.Skipped {
			r = result{File: j.in, Output: j.out, Status: o.Status, Skipped: true}.done(start)
		} else {
			r.Status, r.Errors = o.Status, o.Errors
		}
		out[k] = r
	}
	return out
}

// composedIssue is an issue folder's pages decoded and composed, once.
type composedIssue struct {
	group *issueGroup
	done  bool
	pages []*issues.Issue
	data  map[string][]byte
	// errs are the input errors by file; res the composed issue when there are none.
	errs map[string][]string
	res  *edition.Result
	// reported is set once a page's result carries the issue's report.
	reported bool
	// fail is an error that is no one file's (a font that cannot be read).
	fail error
}

// compose decodes every page file of the issue and composes the issue.
func (is *composedIssue) compose() {
	if is.done {
		return
	}
	is.done, is.data, is.errs = true, map[string][]byte{}, map[string][]string{}
	for _, f := range is.group.files {
		data, err := batch.ReadIssue(f)
		var iss *issues.Issue
		if err == nil {
			is.data[f] = data
			iss, err = issues.DecodeBytes(f, data)
		} else {
			_, err = issues.Decode(f) // which says why the file cannot be read
		}
		if err != nil {
			is.record(f, err)
			continue
		}
		is.pages = append(is.pages, iss)
	}
	if len(is.errs) > 0 {
		return
	}
	res, err := edition.Compose(is.pages, layout.Options{})
	if err != nil {
		is.record("", err)
		return
	}
	is.res = res
}

// record files err under the files its positions name, or under file.
func (is *composedIssue) record(file string, err error) {
	list, ok := err.(issues.ErrorList)
	if !ok {
		if file == "" {
			is.fail = err
			return
		}
		is.errs[file] = append(is.errs[file], err.Error())
		return
	}
	for _, e := range list {
		f := e.Pos.File
		if f == "" {
			f = file
		}
		is.errs[f] = append(is.errs[f], e.Error())
	}
}

// file is the group's name of page file in, however the path was written
// (./2023-11-22/p01.toml, 2023-11-22//p01.toml).
func (g *issueGroup) file(in string) string { return filepath.Join(g.dir, filepath.Base(in)) }

// others are what a page's build key covers of its issue besides the page: the
// other page files, and the folder (its list of pages).
func (g *issueGroup) others(in string) []string {
	file := g.file(in)
	return append(slices.DeleteFunc(slices.Clone(g.files), func(f string) bool { return f == file }), g.dir)
}

// pageKey is the build key of a page set alone: in an issue folder, it covers the
// issue's other page files, since an edit to one may make it jump to this page.
func pageKey(b *batch.Run, j job, data []byte, iss *issues.Issue) (string, []string) {
	if j.group == nil {
		return b.Key(data, iss)
	}
	return b.IssueKey(data, []*issues.Issue{iss}, j.group.others(j.in))
}

// set writes the page of job j from the composed issue, or says why it cannot be set.
func (is *composedIssue) set(j job, c config, start time.Time) result {
	r, file := result{File: j.in}, is.group.file(j.in)
	switch {
	case is.fail != nil:
		return r.fail(is.fail).done(start)
	case len(is.errs[file]) > 0:
		r.Status, r.Errors = exitInput, is.errs[file]
		return r.done(start)
	case is.res == nil:
		r.Status = exitInput
		r.Errors = []string{fmt.Sprintf("not set: the issue %s has errors in %s", is.group.dir, strings.Join(is.bad(), ", "))}
		return r.done(start)
	}
	for _, p := range is.res.Pages {
		if p.Issue.File == file {
			if !is.reported {
				r.Issue, is.reported = &is.res.Report, true
			}
			return finishPage(r, j, c, p.Page, p.Report, start)
		}
	}
	r.Status, r.Errors = exitInput, []string{"not set: not a page of its issue"}
	return r.done(start)
}

// bad lists the issue's files that have errors, in order.
func (is *composedIssue) bad() []string {
	var out []string
	for _, f := range is.group.files {
		if len(is.errs[f]) > 0 {
			out = append(out, filepath.Base(f))
		}
	}
	return out
}
