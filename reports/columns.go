package reports

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/sheets"
)

// A table sheet's columns, headers and formats are package sheets' (the
// contract review reads back); this file binds each column to the
// function that gives its cell for a row, by the column's key.

// rowFunc gives one column's cell for a row of type R.
type rowFunc[R any] func(R) any

// bindColumns lists the cell function of each of s's columns, in the
// sheet's order. A column without a function, or a function for no
// column, is an error: the two lists must say the same.
func bindColumns[R any](s *sheets.Sheet, values map[string]rowFunc[R]) ([]rowFunc[R], error) {
	out := make([]rowFunc[R], len(s.Columns))
	for i, c := range s.Columns {
		fn, ok := values[c.Key]
		if !ok {
			return nil, fmt.Errorf("sheet %s: column %q has no value", s.Name, c.Key)
		}
		out[i] = fn
	}
	if len(values) != len(s.Columns) {
		for k := range values {
			if s.Index(k) < 0 {
				return nil, fmt.Errorf("sheet %s: a value for %q, which is no column", s.Name, k)
			}
		}
	}
	return out, nil
}

// fillRow sets dst's cells (len(fns) of them) for row.
func fillRow[R any](dst []any, fns []rowFunc[R], row R) []any {
	dst = dst[:len(fns)]
	for i, fn := range fns {
		dst[i] = fn(row)
	}
	return dst
}

// colStyles are the column styles of s: a plain value in a row takes its
// column's style, so rows need no per-cell style. Editable columns are
// unlocked, so that their cells below the last row stay editable on a
// protected sheet.
func (b *book) colStyles(s *sheets.Sheet) []int {
	out := make([]int, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = b.formatStyle(c.Format, c.Editable)
	}
	return out
}

// formatStyle is the column style of format (0: none). Unlocked text is
// typed in by a reader: it wraps within its column rather than running
// over the next.
func (b *book) formatStyle(f sheets.Format, unlocked bool) int {
	k := formatKey(f, unlocked, b.dateFmt)
	if k == (styleKey{}) {
		return 0
	}
	return b.style(k)
}

// formatKey is the style of a column of format f.
func formatKey(f sheets.Format, unlocked bool, dateFmt string) styleKey {
	k := styleKey{unlocked: unlocked, wrap: unlocked && f == sheets.General, top: unlocked}
	switch f {
	case sheets.Integer:
		k.numFmt = integerFmt
	case sheets.Euro:
		k.numFmt = euroFmt
	case sheets.Rate:
		k.numFmt = rateFmt
	case sheets.Date:
		k.numFmt = dateFmt
	case sheets.Percent:
		k.numFmt = percentFmt
	}
	return k
}

// headersOf are s's headers in the book's language.
func (b *book) headersOf(s *sheets.Sheet) []string { return s.Headers(b.tr.lang) }

// titleOf is s's name in the book's language.
func (b *book) titleOf(s *sheets.Sheet) string { return s.Title(b.tr.lang) }

// hiddenCols lists the hidden columns of s (0-based).
func hiddenCols(s *sheets.Sheet) []int {
	var out []int
	for i, c := range s.Columns {
		if c.Hidden {
			out = append(out, i)
		}
	}
	return out
}

// col is the position of s's column key; a key s lacks is a programming
// error that the tests catch, and gives a position no row has.
func col(s *sheets.Sheet, key string) int {
	if i := s.Index(key); i >= 0 {
		return i
	}
	return len(s.Columns)
}

// sheetTable starts the table of s on its sheet, which must already
// exist: s's headers, formats, hidden columns and print layout, the
// widths fitted to the sample rows. Long sheets are fast (see xmlSheet).
func (b *book) sheetTable(s *sheets.Sheet, fast bool, sample [][]any) (*table, error) {
	textCap := s.TextCap
	if textCap == 0 {
		textCap = maxColWidth
	}
	headers, styles := b.headersOf(s), make([]int, len(s.Columns))
	if !s.CellStyles {
		styles = b.colStyles(s)
	}
	sized := headers
	if s.OnePageWide {
		// The headers wrap: their longest word sizes the column.
		sized = longestWords(headers)
	}
	widths := b.fitTableWidths(sized, styles, sample, textCap)
	for i, c := range s.Columns {
		widths[i] = max(widths[i], c.MinWidth)
	}
	styles = b.wrapLongText(styles, widths, sample)
	if s.OnePageWide {
		// Rows grow to their wrapped text: every text column wraps, and
		// every cell sits at the top of its row.
		for i, c := range s.Columns {
			k := formatKey(c.Format, c.Editable, b.dateFmt)
			k.top = true
			if k.numFmt == "" {
				k.wrap = true
			}
			styles[i] = b.style(k)
		}
	}
	t := &table{b: b, base: b.titleOf(s), headers: headers, styles: styles, widths: widths,
		fast: fast, hidden: hiddenCols(s), keyCols: s.KeyCols, onePage: s.OnePageWide}
	return b.openTable(t)
}

// longestWords is each header's longest word.
func longestWords(headers []string) []string {
	out := make([]string, len(headers))
	for i, h := range headers {
		for _, w := range strings.Fields(h) {
			if utf8.RuneCountInString(w) > utf8.RuneCountInString(out[i]) {
				out[i] = w
			}
		}
	}
	return out
}
