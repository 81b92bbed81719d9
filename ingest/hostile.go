package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// Control characters in cells. A spreadsheet cell has no use for NUL,
// escape or the other C0 and C1 control characters (tab and line ends
// excepted): they come from broken exports or from text made to disturb
// whoever reads it (an escape sequence clears or retitles a terminal).
// They are removed from the cell and the row is kept, with a note naming
// the cell and showing its text as it was, escaped: dropping the row
// would drop a payment from the evidence.

// isControlByte reports the C0 controls other than tab, line feed and
// carriage return, and DEL.
func isControlByte(c byte) bool {
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
}

// hasControl reports whether s holds a control character: C0 other than
// tab and line ends, DEL, or C1 (U+0080-U+009F, "\xC2\x80"-"\xC2\x9F").
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isControlByte(c) || (c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F) {
			return true
		}
	}
	return false
}

// stripControls returns s without its control characters.
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if (r < 0x80 && isControlByte(byte(r))) || (r >= 0x80 && r <= 0x9F) {
			return -1
		}
		return r
	}, s)
}

// EscapeControls writes s with its control characters as Go escapes
// (\x00, \x1b, \u0085), backslashes doubled: the cell's text as it was,
// in a form that shows what was removed and disturbs no reader.
func EscapeControls(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x80 && isControlByte(byte(r)):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9F:
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// cleanControls removes control characters from the cells of a data
// row, reporting each cleaned cell as a note; the row goes on.
func (t *table) cleanControls(rec []string, row int) {
	for i, c := range rec {
		if !hasControl(c) {
			continue
		}
		rec[i] = stripControls(c)
		if t.report != nil {
			is := t.issueAt(row, i, EscapeControls(c), msg.New(msg.ControlsRemoved))
			is.Level = ledger.LevelNote
			t.report(is)
		}
	}
}
