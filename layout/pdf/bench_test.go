package pdf

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"broadsheet/fonts"
	"broadsheet/layout/display"
)

// benchPage builds a broadsheet-sized page (390 × 540 mm) with about 3,000 CJK
// characters in 230 runs of 9 pt body text, drawn from a pool of 1,200 characters
// the way a news page repeats common ones, plus headline runs in Hei and Song Bold.
func benchPage() *display.Page {
	song := fonts.MustLoad(fonts.Song)
	var pool []rune
	for r := rune(0x4E00); len(pool) < 1200; r += 7 {
		if song.Has(r) {
			pool = append(pool, r)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	page := &display.Page{Width: pt(1105.5), Height: pt(1530.7), Meta: display.Meta{Title: "benchmark"}}
	for i := 0; i < 230; i++ {
		run := make([]rune, 13)
		for j := range run {
			run[j] = pool[rng.IntN(len(pool))]
		}
		run[12] = '，'
		x, y := 40+float64(i%8)*130, 200+float64(i/8)*45
		page.Items = append(page.Items, text(fonts.Song, 9, x, y, string(run)))
	}
	page.Items = append(page.Items,
		text(fonts.Hei, 48, 40, 100, "郑州市区域全面经济伙伴关系协定实施成效显著"),
		text(fonts.SongBold, 30, 40, 160, "外贸企业抢抓机遇拓展市场"),
		text(fonts.Hei, 18, 40, 180, "本报记者 张三 通讯员 李四"),
	)
	return page
}

func BenchmarkWrite(b *testing.B) {
	page := benchPage()
	var buf bytes.Buffer
	if err := Write(&buf, page, Options{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

// BenchmarkSubset measures building one face's compact subset for the bench page's
// characters, which every page does once per face it uses.
func BenchmarkSubset(b *testing.B) {
	var u usage
	if err := u.collect(benchPage(), benchPage().Items); err != nil {
		b.Fatal(err)
	}
	face := fonts.MustLoad(fonts.Song)
	runes := u.chars(fonts.Song)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := face.Subset(runes, "ABCDEF+Song"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteWithForm is BenchmarkWrite with the vector advertisement drawn as a
// form at the page foot: what reading, copying and compressing one PDF adds.
func BenchmarkWriteWithForm(b *testing.B) {
	page := benchPage()
	page.Items = append(page.Items, &display.Form{Path: ad, Frame: rect(560, 1160, 480, 320)})
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}
