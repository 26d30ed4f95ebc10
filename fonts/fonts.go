// Package fonts carries the CJK faces broadsheet embeds in every PDF, their licences,
// and the metrics the layout measures with: which characters a face has and how wide
// each one is, in the thousandths of an em that the PDF's width array records, so
// that measuring and drawing agree exactly.
//
// The faces travel inside the binary (go:embed), so a page set today and a page set in
// ten years use the same outlines. The TrueType reading and subsetting is fonts/sfnt's;
// this package adds the faces, their roles and fallbacks, and the one rounding of font
// units to thousandths of an em that both measuring and the PDF's widths use. It does
// not draw or write PDF.
package fonts

import (
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed OFL-*.txt
var licences embed.FS

// The face files, as strings: read in place, never copied onto the heap.
var (
	//go:embed NotoSerifCJKsc-Regular.ttf
	songFile string
	//go:embed NotoSerifCJKsc-Bold.ttf
	songBoldFile string
	//go:embed NotoSansCJKsc-Bold.ttf
	heiFile string
	//go:embed LXGWWenKai-Regular.ttf
	kaiFile string
)

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
	data              *string
}{
	Song:     {"NotoSerifCJKsc-Regular.ttf", "NotoSerifCJKsc-Regular", "Noto Serif CJK SC Regular", &songFile},
	SongBold: {"NotoSerifCJKsc-Bold.ttf", "NotoSerifCJKsc-Bold", "Noto Serif CJK SC Bold", &songBoldFile},
	Hei:      {"NotoSansCJKsc-Bold.ttf", "NotoSansCJKsc-Bold", "Noto Sans CJK SC Bold", &heiFile},
	Kai:      {"LXGWWenKai-Regular.ttf", "LXGWWenKai-Regular", "LXGW WenKai Regular", &kaiFile},
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

// library parses each embedded face on first use and shares it.
type library struct {
	once  [Count]sync.Once
	faces [Count]*Face
	errs  [Count]error
}

func (l *library) load(id ID) (*Face, error) {
	if id < 0 || id >= Count {
		return nil, fmt.Errorf("fonts: no face %d", int(id))
	}
	l.once[id].Do(func() {
		f, err := parse(*catalogue[id].data)
		if err != nil {
			err = fmt.Errorf("fonts: %s: %w", catalogue[id].file, err)
		}
		l.faces[id], l.errs[id] = f, err
	})
	return l.faces[id], l.errs[id]
}

// embedded is the process's one library of the embedded faces.
var embedded library

// Load returns the parsed face id. Each face is parsed once per process (about
// 1 ms: the file is read in place) and shared; a Face is safe for concurrent use.
func Load(id ID) (*Face, error) { return embedded.load(id) }

// LoadAll returns every embedded face, or the first error. Callers that want all the
// faces at start-up use it instead of MustLoad, so a broken build reports an error
// instead of panicking at package initialisation.
func LoadAll() ([Count]*Face, error) {
	var all [Count]*Face
	for id := ID(0); id < Count; id++ {
		f, err := Load(id)
		if err != nil {
			return all, err
		}
		all[id] = f
	}
	return all, nil
}

// MustLoad is Load for the embedded faces, which are known to parse; it panics
// otherwise. Never call it from a package-level variable: use Load or LoadAll.
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
		text, err := licences.ReadFile(l.file)
		if err != nil {
			panic(err) // embedded at build time
		}
		fmt.Fprintf(&b, "==== %s (%s) ====\n\n%s\n", l.faces, l.file, strings.TrimRight(string(text), "\n"))
		b.WriteString("\n")
	}
	return b.String()
}
