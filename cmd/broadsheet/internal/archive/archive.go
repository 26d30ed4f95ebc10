// Package archive writes a varied archive of issue files for tests and benchmarks of
// directory runs: pages made from the sample issue files, each with its own date and
// page number, its articles in another order and their paragraphs rotated, so that no
// two pages are set alike. It is a tool of the command's tests, not part of a run.
package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// PagesPerIssue is how many pages one day's folder gets.
const PagesPerIssue = 8

// firstDay is the day of the archive's first issue.
var firstDay = time.Date(2023, time.November, 1, 0, 0, 0, 0, time.UTC)

// Write writes n pages below dir, PagesPerIssue to a folder per day
// (2023-11-01/p01.toml …), made from the issue files in sources, whose photos folder
// and other asset folders (sources/photos, sources/ads) are copied into dir: each day's page 1 from the sample front
// pages in turn, the others from the other samples in turn. It returns the pages' paths.
func Write(dir, sources string, n int) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(sources, "*.toml"))
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("no issue files in %s", sources)
	}
	slices.Sort(names)
	assets, err := copyAssets(sources, dir)
	if err != nil {
		return nil, err
	}
	fronts, inside, err := split(names)
	if err != nil {
		return nil, err
	}
	var pages []string
	f, k := 0, 0 // the front pages' and the inside pages' turns
	for i := range n {
		var name string
		if i%PagesPerIssue == 0 && len(fronts) > 0 {
			name, f = fronts[f%len(fronts)], f+1
		} else {
			name, k = inside[k%len(inside)], k+1
		}
		doc, err := read(name)
		if err != nil {
			return nil, err
		}
		vary(doc, i, k/len(inside), assets)
		path := filepath.Join(dir, firstDay.AddDate(0, 0, i/PagesPerIssue).Format(time.DateOnly),
			fmt.Sprintf("p%02d.toml", i%PagesPerIssue+1))
		if err := write(path, doc); err != nil {
			return nil, err
		}
		pages = append(pages, path)
	}
	return pages, nil
}

// split finds the sample front pages (page 1, with a masthead), which each issue's
// first page is made from, and the others, which make the inside pages: an inside
// sample made into page 1 collides with the masthead, and a front page made into
// another page has a masthead where a running head belongs.
func split(names []string) (fronts, inside []string, err error) {
	for _, name := range names {
		doc, err := read(name)
		if err != nil {
			return nil, nil, err
		}
		if page, _ := doc["page"].(int64); page == 1 {
			fronts = append(fronts, name)
			continue
		}
		inside = append(inside, name)
	}
	if len(inside) == 0 {
		return nil, nil, fmt.Errorf("no inside page among the samples")
	}
	return fronts, inside, nil
}

func read(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

func write(path string, doc map[string]any) error {
	data, err := toml.Marshal(doc)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// vary makes page i of the archive from a copy of a sample page: its date and page
// number, the order of its articles (turn r of the samples rotates them by r) and of
// each article's paragraphs, and its pictures' paths, one folder deeper.
func vary(doc map[string]any, i, r int, assets []string) {
	day := firstDay.AddDate(0, 0, i/PagesPerIssue)
	doc["date"] = toml.LocalDate{Year: day.Year(), Month: int(day.Month()), Day: day.Day()}
	doc["page"] = int64(i%PagesPerIssue + 1)
	articles, _ := doc["article"].([]any)
	if len(articles) > 1 {
		k := r % len(articles)
		doc["article"] = append(articles[k:], articles[:k]...)
	}
	for _, a := range articles {
		if art, _ := a.(map[string]any); art != nil {
			rotateBody(art, i)
		}
	}
	deeperFiles(doc, assets)
}

// deeperFiles rewrites every relative path of a picture or an advertisement in the
// tables below v (a photo's file, a block's, the masthead's logo: any string naming a
// file in one of the samples' asset folders) for a page one folder deeper than its
// sample.
func deeperFiles(v any, assets []string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if f, ok := x.(string); ok && inAsset(f, assets) {
				v[k] = "../" + f
				continue
			}
			deeperFiles(x, assets)
		}
	case []any:
		for _, x := range v {
			deeperFiles(x, assets)
		}
	}
}

func inAsset(f string, assets []string) bool {
	for _, a := range assets {
		if strings.HasPrefix(f, a+"/") {
			return true
		}
	}
	return false
}

// copyAssets copies the samples' asset folders (photos/, ads/: every folder below
// sources without Go files, testdata aside) into dir, and returns their names.
func copyAssets(sources, dir string) ([]string, error) {
	entries, err := os.ReadDir(sources)
	if err != nil {
		return nil, err
	}
	var assets []string
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" {
			continue
		}
		from := filepath.Join(sources, e.Name())
		if code, _ := filepath.Glob(filepath.Join(from, "*.go")); len(code) > 0 {
			continue
		}
		if pages, _ := filepath.Glob(filepath.Join(from, "*.toml")); len(pages) > 0 {
			continue // a whole issue of its own, not pictures the samples name
		}
		if err := copyFolder(from, filepath.Join(dir, e.Name())); err != nil {
			return nil, err
		}
		assets = append(assets, e.Name())
	}
	return assets, nil
}

func copyFolder(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return nil // no photos
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// rotateBody moves the first i mod n paragraphs of an article's body to its end.
func rotateBody(art map[string]any, i int) {
	body, _ := art["body"].(string)
	paras := strings.FieldsFunc(body, func(r rune) bool { return r == '\n' })
	if len(paras) < 2 {
		return
	}
	k := i % len(paras)
	art["body"] = strings.Join(append(paras[k:], paras[:k]...), "\n")
}
