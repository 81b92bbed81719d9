package reports

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/sheets"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookSheetsAreTheDeclaredOrder: the sheets written are exactly
// those sheets.Order declares, in its order, so a sheet given a write step
// but not declared (or declared and never written) fails here.
func TestWorkbookSheetsAreTheDeclaredOrder(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.xlsx")
	if err := WriteWorkbook(book, testReport("en")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), sheets.Order(false); !slices.Equal(got, want) {
		t.Errorf("sheets written %q,\ndeclared %q", got, want)
	}
}
