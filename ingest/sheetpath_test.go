package ingest

import "testing"

// A '#' separates a workbook from its sheet; it may also be part of the
// file's name and of the sheet's.
func TestSplitSheet(t *testing.T) {
	tests := []struct{ in, path, sheet string }{
		{"book.xlsx#Transazioni", "book.xlsx", "Transazioni"},
		{"book.xlsx", "book.xlsx", ""},
		{"Book.XLSM#S", "Book.XLSM", "S"},
		{"fascicolo #1.xlsx#Pagamenti #2", "fascicolo #1.xlsx", "Pagamenti #2"},
		{"dir#x/book.xlsx#Foglio#A#B", "dir#x/book.xlsx", "Foglio#A#B"},
		{"book.xlsx#", "book.xlsx", ""},
		{"estratto #2.csv", "estratto #2.csv", ""},
		{"a#b.csv#c", "a#b.csv#c", ""},
		{"#", "#", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		if p, s := SplitSheet(tt.in); p != tt.path || s != tt.sheet {
			t.Errorf("SplitSheet(%q) = %q, %q; want %q, %q", tt.in, p, s, tt.path, tt.sheet)
		}
	}
}
