package preflight

import (
	"bytes"
	"iter"
)

// token is one token of a content stream: an operator, or an operand as written
// (a number, a /name, a string or an array, kept whole).
type token struct {
	s  string
	op bool
}

// contentTokens splits a content stream into operands and operators. Strings,
// hex strings, arrays and dictionaries are single operands; an inline image (BI … ID
// … EI) is skipped.
func contentTokens(b []byte) iter.Seq[token] {
	return func(yield func(token) bool) {
		for i := 0; i < len(b); {
			c := b[i]
			start := i
			switch {
			case isWhite(c):
				i++
				continue
			case c == '%':
				for i < len(b) && b[i] != '\n' && b[i] != '\r' {
					i++
				}
				continue
			case c == '(':
				i = stringEnd(b, i)
			case c == '<' && i+1 < len(b) && b[i+1] == '<':
				i = nestedEnd(b, i, "<<", ">>")
			case c == '<':
				if j := bytes.IndexByte(b[i:], '>'); j >= 0 {
					i += j + 1
				} else {
					i = len(b)
				}
			case c == '[':
				i = arrayEnd(b, i)
			case c == '/':
				i++
				for i < len(b) && !isWhite(b[i]) && !isDelimiter(b[i]) {
					i++
				}
			default:
				for i < len(b) && !isWhite(b[i]) && !isDelimiter(b[i]) {
					i++
				}
				if i == start {
					i++ // a stray delimiter
					continue
				}
				w := string(b[start:i])
				if isOperand(w) {
					break
				}
				if w == "BI" { // inline image: skip to EI after ID's data
					if j := bytes.Index(b[i:], []byte("EI")); j >= 0 {
						i += j + 2
					} else {
						i = len(b)
					}
					continue
				}
				if !yield(token{w, true}) {
					return
				}
				continue
			}
			if !yield(token{string(b[start:i]), false}) {
				return
			}
		}
	}
}

// isOperand reports whether a bare word is a number or true/false/null.
func isOperand(w string) bool {
	if w == "true" || w == "false" || w == "null" {
		return true
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+') {
			return false
		}
	}
	return true
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

// stringEnd returns the index after the literal string starting at i.
func stringEnd(b []byte, i int) int {
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(b)
}

// arrayEnd returns the index after the array starting at i, strings inside included.
func arrayEnd(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch b[i] {
		case '(':
			i = stringEnd(b, i)
			continue
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return i + 1
			}
		}
		i++
	}
	return len(b)
}

// nestedEnd returns the index after a nested open…close pair starting at i.
func nestedEnd(b []byte, i int, open, close string) int {
	depth := 0
	for i < len(b) {
		switch {
		case bytes.HasPrefix(b[i:], []byte(open)):
			depth++
			i += len(open)
		case bytes.HasPrefix(b[i:], []byte(close)):
			i += len(close)
			if depth--; depth == 0 {
				return i
			}
		case b[i] == '(':
			i = stringEnd(b, i)
		default:
			i++
		}
	}
	return len(b)
}
