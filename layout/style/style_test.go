package style

import (
	"testing"

	"broadsheet/fonts"
	"broadsheet/layout/geom"
)

// The house style is coherent: the 号 scale runs large to small, every rank's sizes
// lie on it with the largest first, and the layers' ratios are fractions.
func TestDefaultIsCoherent(t *testing.T) {
	s := Default()
	for i := 1; i < len(s.Hao); i++ {
		if s.Hao[i].Size >= s.Hao[i-1].Size {
			t.Errorf("号 scale not descending at %s", s.Hao[i].Name)
		}
	}
	h := s.Head
	for i := range max(len(h.RankLargest), len(h.RankSmallest)) {
		lo, hi := h.RankLargest[min(i, len(h.RankLargest)-1)], h.RankSmallest[min(i, len(h.RankSmallest)-1)]
		if lo < 0 || hi >= len(s.Hao) || lo > hi {
			t.Errorf("rank %d sizes %d..%d off the scale", i, lo, hi)
		}
	}
	for _, r := range []Ratio{h.MainPitch, h.MinorPitch, h.LayerGap, h.Pad, h.MinorShare, h.MinorBody, s.Mast.NameShare} {
		if r.Den <= 0 || r.Num <= 0 {
			t.Errorf("ratio %v", r)
		}
	}
}

func TestHaoIndexAndFaces(t *testing.T) {
	s := Default()
	for _, c := range []struct {
		size float64
		want string
	}{{42, "初号"}, {30, "一号"}, {26, "一号"}, {10, "小五"}, {4, "小五"}} {
		if got := s.Hao[s.HaoIndex(geom.Pt(c.size))].Name; got != c.want {
			t.Errorf("HaoIndex(%vpt) = %s, want %s", c.size, got, c.want)
		}
	}
	if s.HeadlineFace(0) != fonts.Hei || s.HeadlineFace(1) != fonts.SongBold || s.HeadlineFace(2) != fonts.Hei {
		t.Errorf("headline faces do not alternate")
	}
	if got := (Ratio{15, 100}).Of(geom.Pt(20)); got != geom.Pt(3) {
		t.Errorf("15%% of 20pt = %v", got)
	}
}
