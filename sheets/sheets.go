// Package sheets is the workbook's contract: each sheet's name and, per
// column, its key, header, number format and width. reports writes the
// workbook from it and review reads the decisions back by it, so that a
// header renamed here is renamed on both sides; the Italian forms of the
// names and headers are the msg catalogue's.
package sheets

import "github.com/crosscheck/crosscheck/msg"

// Format is what a column holds, which decides its number format.
type Format uint8

const (
	// General columns have no number format of their own: text, or a
	// plain number such as a row number.
	General Format = iota
	Integer        // #,##0
	Euro           // #,##0.00 €
	Rate           // up to ten decimals
	Date           // the report language's date
	Percent        // 0.00 %
	// Amount is in each row's own currency: the cell carries the format
	// of that currency's decimals.
	Amount
)

// Column is one column of a sheet.
type Column struct {
	// Key names the column in code (reports binds a value to it, review
	// looks for it); it never shows.
	Key string
	// Label is the English header; the Italian is msg.Label's.
	Label  string
	Format Format
	// MinWidth is the narrowest the column is printed, in characters
	// (0: fitted to the header and the values).
	MinWidth float64
	// Hidden columns are written but not shown.
	Hidden bool
	// Editable columns stay unlocked on a protected sheet: readers fill
	// them in.
	Editable bool
	// Total columns are summed on the sheet's totals row.
	Total bool
}

// Header is the column's header in lang.
func (c *Column) Header(lang string) string { return msg.Label(c.Label, lang) }

// Sheet is one table sheet of the workbook.
type Sheet struct {
	// Name is the English sheet name; the Italian is msg.Label's.
	Name string
	// FormerIT lists Italian names earlier versions of crosscheck gave
	// the sheet: never written, still read back.
	FormerIT []string
	Columns  []Column
	// KeyCols is how many leading columns identify a row: repeated on
	// every printed page of a table too wide for one.
	KeyCols int
	// TextCap is the widest a text column is printed, in characters (0:
	// the workbook's default): a narrower cap keeps a many-columned sheet
	// one page wide, longer text wraps.
	TextCap float64
	// CellStyles sheets style each cell (a row may be highlighted)
	// instead of each column.
	CellStyles bool
	// OnePageWide prints the sheet scaled to one page wide however wide
	// it is (its headers wrap too), for a sheet read a row at a time
	// across all its columns; otherwise only a sheet that fits about two
	// pages is scaled, a wider one prints across pages.
	OnePageWide bool
}

// Title is the sheet's name in lang.
func (s *Sheet) Title(lang string) string { return msg.Label(s.Name, lang) }

// Names lists every name the sheet is known by, in either language and
// in earlier versions, for reading a workbook back.
func (s *Sheet) Names() []string {
	out := []string{s.Name}
	if it := s.Title(msg.IT); it != s.Name {
		out = append(out, it)
	}
	return append(out, s.FormerIT...)
}

// Italian reports whether name is one of the sheet's Italian names.
func (s *Sheet) Italian(name string) bool {
	if name == s.Title(msg.IT) && name != s.Name {
		return true
	}
	for _, f := range s.FormerIT {
		if name == f {
			return true
		}
	}
	return false
}

// Headers lists the sheet's column headers in lang.
func (s *Sheet) Headers(lang string) []string {
	out := make([]string, len(s.Columns))
	for i := range s.Columns {
		out[i] = s.Columns[i].Header(lang)
	}
	return out
}

// Index is the position (0-based) of the column with key, or -1.
func (s *Sheet) Index(key string) int {
	for i := range s.Columns {
		if s.Columns[i].Key == key {
			return i
		}
	}
	return -1
}

// Column is the column with key; ok is false when the sheet has none.
func (s *Sheet) Column(key string) (Column, bool) {
	if i := s.Index(key); i >= 0 {
		return s.Columns[i], true
	}
	return Column{}, false
}
