package main

import (
	"broadsheet/layout/picture"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// job is one page to set: the issue file and the PDF it becomes.
type job struct {
	in, out string
	// group is the issue this page is composed with, when a story jumps between the
	// pages of its folder or a teaser points across them; nil for a page set alone.
	group *issueGroup
}

// plan expands the paths into jobs. With out empty, each PDF goes beside its issue
// file. With one issue file, out is the PDF; otherwise out is a folder that receives
// the PDFs, mirroring each directory's tree.
func plan(paths []string, out string) ([]job, error) {
	single := len(paths) == 1
	if out != "" && !single && looksLikeFile(out) {
		return nil, fmt.Errorf("-o %s: with several paths, -o names the folder that receives the PDFs, not a file", out)
	}
	var jobs []job
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: no such issue file or directory", p)
		}
		if !info.IsDir() {
			jobs = append(jobs, job{in: p, out: fileOut(p, out, single)})
			continue
		}
		if out != "" && looksLikeFile(out) {
			return nil, fmt.Errorf("-o %s: %s is a directory, whose pages go into a folder; give -o a folder name, not a file", out, p)
		}
		found, err := walk(p, out)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no *.toml issue files below this directory", p)
		}
		jobs = append(jobs, found...)
	}
	return jobs, checkOutputs(jobs)
}

// checkOutputs refuses jobs that would write one PDF twice, or write where the output
// guard forbids: a page must never be lost silently. Paths are compared as the files
// they are, whatever way they were written.
func checkOutputs(jobs []job) error {
	inputs := inputsOf(jobs)
	outs := map[string]string{}
	for _, j := range jobs {
		out := canonical(j.out)
		if err := guardOutput(j.out, pdfFile, inputs); err != nil {
			return err
		}
		if other, ok := outs[out]; ok {
			return fmt.Errorf("%s and %s would both be written to %s; set them one at a time or rename one", other, j.in, j.out)
		}
		outs[out] = j.in
	}
	return nil
}

// inputsOf maps the canonical path of every issue file of the jobs to its name.
func inputsOf(jobs []job) map[string]string {
	inputs := make(map[string]string, len(jobs))
	for _, j := range jobs {
		inputs[canonical(j.in)] = j.in
	}
	return inputs
}

// canonical is the absolute path of p with the links in its folder resolved.
func canonical(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// An outputKind is a kind of file the command writes, and how to tell one on disk.
type outputKind struct {
	name string                 // for messages: "PDF", "JSON report"
	is   func(head []byte) bool // whether a file that starts with head is one
}

// The kinds of file the command writes.
var (
	pdfFile    = outputKind{"PDF", func(head []byte) bool { return bytes.HasPrefix(head, []byte("%PDF-")) }}
	reportFile = outputKind{"JSON report", func(head []byte) bool {
		head = bytes.TrimLeft(head, " \t\r\n")
		return len(head) > 0 && head[0] == '{'
	}}
)

// guardOutput is the one check of every path the command writes (PDF, report,
// imported file), made before any work is done. It refuses a path that is an input of
// the run (inputs maps canonical paths to their names), that exists and is anything but
// a regular file (a folder, a device, a pipe, a symbolic link), or a regular file that
// holds something other than a file of kind: a PDF is written only over a PDF or an
// empty file, a report only over a report. Nothing that is not ours is ever replaced.
func guardOutput(path string, kind outputKind, inputs map[string]string) error {
	if in, ok := inputs[canonical(path)]; ok {
		return fmt.Errorf("%s is an issue file of this run (%s); it would be replaced by a %s: give another name", path, in, kind.name)
	}
	info, err := os.Lstat(path)
	switch {
	case err != nil:
		return nil // nothing there (a missing folder is made when writing; a write that cannot be done says why)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s exists and is %s, not a %s; it would be replaced: give the name of a %s to write",
			path, picture.FileKind(info.Mode()), kind.name, kind.name)
	case info.Size() == 0:
		return nil // an empty file holds nothing to lose
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s cannot be checked before writing a %s there (%v)", path, kind.name, picture.Cause(err))
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if !kind.is(head[:n]) {
		return fmt.Errorf("%s exists and is not a %s; it would be replaced: give the name of a %s, or a folder", path, kind.name, kind.name)
	}
	return nil
}

// looksLikeFile reports whether an -o value names a file rather than a folder.
func looksLikeFile(p string) bool {
	if info, err := os.Stat(p); err == nil {
		return !info.IsDir()
	}
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".pdf" || ext == ".toml"
}

func fileOut(in, out string, single bool) string {
	switch {
	case out == "":
		return pdfName(in)
	case single && !isDir(out):
		return out
	}
	return filepath.Join(out, filepath.Base(pdfName(in)))
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return (err == nil && info.IsDir()) || strings.HasSuffix(p, string(filepath.Separator))
}

func pdfName(p string) string { return strings.TrimSuffix(p, filepath.Ext(p)) + ".pdf" }

// walk finds every *.toml below root, in lexical order, skipping testdata folders and
// hidden files and folders (test inputs, editor locks and tool state, not pages). A
// root given as a link to a folder is followed.
func walk(root, out string) ([]job, error) {
	var jobs []job
	start := root
	if resolved, err := filepath.EvalSymlinks(root); err == nil {
		start = resolved
	}
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		hidden := strings.HasPrefix(name, ".") && p != start
		if d.IsDir() && p != start && (name == "testdata" || hidden) {
			return filepath.SkipDir
		}
		if d.IsDir() || hidden || filepath.Ext(name) != ".toml" {
			return nil
		}
		rel, _ := filepath.Rel(start, p)
		p = filepath.Join(root, rel)
		target := pdfName(p)
		if out != "" {
			target = filepath.Join(out, pdfName(rel))
		}
		jobs = append(jobs, job{in: p, out: target})
		return nil
	})
	return jobs, err
}
