// Package words finds where a Chinese headline may break: it segments text into words
// with a dictionary and grades every place between two characters from Forbidden (inside
// a word, between a number and its unit) to Best (a phrase boundary). The headline
// setter asks Breaks; Segment shows the words for tests and debugging.
//
// Segmentation is jieba's core method: over the graph of every dictionary word found in
// a run of Han characters, take the path whose words have the greatest product of
// unigram probabilities. Runs of letters and digits are never split (5G, EX00); a run of
// digits keeps the measure word or unit after it (60条, 7号线, 103.6亿元); spaces and
// punctuation marks are tokens of their own.
//
// The dictionary, dict.bin, is compiled by ./gen from gse's Simplified Chinese word list
// (Apache-2.0, its data from jieba, MIT; see NOTICE) and the house list house.txt of
// news terms. It is embedded and read in place: a sorted, front-coded table searched by
// binary search, so nothing is parsed at start-up. After editing house.txt, run
//
//	go generate ./layout/words
//
// The package is not a general-purpose segmenter: it has no model for unknown words (a
// run the dictionary does not know comes out one character at a time, and Breaks grades
// breaks inside it Weak) and no part-of-speech tagging beyond the dictionary's tags.
// It knows nothing of widths or lines: the line breaker weighs the qualities.
package words
