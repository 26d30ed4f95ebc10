package words

import "testing"

// headline is a 20-character headline with a number, a unit and brackets.
const headline = "中欧班列（中豫号）今年开行突破2800班"

func BenchmarkBreaks(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Breaks(headline)
	}
}

func BenchmarkSegment(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Segment(headline)
	}
}

// BenchmarkOpen is the dictionary's whole start-up: reading its header and tag table.
func BenchmarkOpen(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		openDict(dictData)
	}
}

func BenchmarkLookup(b *testing.B) {
	d := dict()
	for b.Loop() {
		d.lookup("政务服务")
	}
}
