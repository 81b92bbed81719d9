// Package termtext makes text from the inputs safe to print on a
// terminal or in a log. A spreadsheet cell, a file name or an error
// quoting either can hold escape sequences that clear, retitle or
// rewrite the investigator's terminal, or bidirectional-text controls
// that make a line read differently from what it holds; printed through
// Escape, each shows as a visible escape instead.
package termtext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every control character (C0, tab and line ends
// included, DEL and C1) written as \xNN or \uNNNN, the bidirectional
// controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and the
// line and paragraph separators (U+2028, U+2029) as \uNNNN, and invalid
// UTF-8 bytes as \xNN. Other text, backslashes included, is unchanged;
// s itself is returned when nothing needs escaping.
func Escape(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports the non-ASCII runes Escape shows escaped.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // bidi marks
		return true
	case r >= 0x202a && r <= 0x202e: // bidi embeddings and overrides
		return true
	case r >= 0x2066 && r <= 0x2069: // bidi isolates
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	}
	return false
}

// firstUnsafe returns the index of the first byte Escape changes, or -1.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// Escapef formats as fmt.Sprintf does and escapes the result: the format
// is the program's own text, the arguments come from the inputs.
func Escapef(format string, args ...any) string {
	return Escape(fmt.Sprintf(format, args...))
}
