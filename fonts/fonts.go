// Package fonts carries the CJK faces broadsheet embeds in every PDF, their licences,
// and the metrics the layout measures with: which characters a face has and how wide
// each one is, in the thousandths of an em that the PDF's width array records, so
// that measuring and drawing agree exactly.
//
// The faces travel inside the binary (go:embed), so a page set today and a page set in
// ten years use the same outlines. This package reads only what layout needs (cmap,
// hmtx, head, hhea, OS/2); it does not draw, subset or write PDF.
package fonts

import (
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed *.ttf OFL-*.txt
var files embed.FS

// ID names one embedded face by its role on the page.
type ID int

// The embedded faces.
const (
	Song     ID = iota // Noto Serif CJK SC Regular: body text (书宋)
	SongBold           // Noto Serif CJK SC Bold: 标宋-style headlines and kickers
	Hei                // Noto Sans CJK SC Bold: 黑体 headlines, subheads, the lead (本报讯)
	Kai                // LXGW WenKai Regular: 楷体 captions and bylines
	Count              // the number of faces
)

var catalogue = [Count]struct {
	file, name, label string
}{
	Song:     {"NotoSerifCJKsc-Regular.ttf", "NotoSerifCJKsc-Regular", "Noto Serif CJK SC Regular"},
	SongBold: {"NotoSerifCJKsc-Bold.ttf", "NotoSerifCJKsc-Bold", "Noto Serif CJK SC Bold"},
	Hei:      {"NotoSansCJKsc-Bold.ttf", "NotoSansCJKsc-Bold", "Noto Sans CJK SC Bold"},
	Kai:      {"LXGWWenKai-Regular.ttf", "LXGWWenKai-Regular", "LXGW WenKai Regular"},
}

// fallbacks lists, for each face, the faces to try in order when it lacks a character.
var fallbacks = [Count][]ID{
	Song:     {Song, SongBold, Hei, Kai},
	SongBold: {SongBold, Song, Hei, Kai},
	Hei:      {Hei, SongBold, Song, Kai},
	Kai:      {Kai, Song, SongBold, Hei},
}

// Name returns the face's PostScript-style ASCII name, as written into the PDF.
func (id ID) Name() string { return catalogue[id].name }

// String returns the face's human name, e.g. "Noto Serif CJK SC Regular".
func (id ID) String() string {
	if id < 0 || id >= Count {
		return fmt.Sprintf("fonts.ID(%d)", int(id))
	}
	return catalogue[id].label
}

// Fallbacks returns the faces to draw a character with, best first: id itself, then
// the other embedded faces in the order that looks closest to it.
func (id ID) Fallbacks() []ID { return fallbacks[id] }

var (
	loadOnce [Count]sync.Once
	loaded   [Count]*Face
	loadErr  [Count]error
)

// Load returns the parsed face id. Each face is parsed once per process and shared;
// a Face is safe for concurrent use.
func Load(id ID) (*Face, error) {
	if id < 0 || id >= Count {
		return nil, fmt.Errorf("fonts: no face %d", int(id))
	}
	loadOnce[id].Do(func() {
		data, err := files.ReadFile(catalogue[id].file)
		if err == nil {
			loaded[id], err = Parse(data)
		}
		if err != nil {
			loadErr[id] = fmt.Errorf("fonts: %s: %w", catalogue[id].file, err)
		}
	})
	return loaded[id], loadErr[id]
}

// MustLoad is Load for the embedded faces, which are known to parse; it panics otherwise.
func MustLoad(id ID) *Face {
	f, err := Load(id)
	if err != nil {
		panic(err)
	}
	return f
}

// Licenses returns the licence texts of the embedded faces, each under a heading that
// names the faces it covers.
func Licenses() string {
	var b strings.Builder
	for _, l := range []struct{ file, faces string }{
		{"OFL-NotoCJK.txt", "Noto Serif CJK SC, Noto Sans CJK SC"},
		{"OFL-LXGWWenKai.txt", "LXGW WenKai"},
	} {
		text, err := files.ReadFile(l.file)
		if err != nil {
			panic(err) // embedded at build time
		}
		fmt.Fprintf(&b, "==== %s (%s) ====\n\n%s\n", l.faces, l.file, strings.TrimRight(string(text), "\n"))
		b.WriteString("\n")
	}
	return b.String()
}
