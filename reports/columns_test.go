package reports

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/sheets"
)

// Positions and headers of the sheets' columns, for the tests that look
// at one cell of a written sheet.
var (
	paymentHeaders      = sheets.Payments.Headers(msg.EN)
	unattribHeaders     = sheets.Unattributed.Headers(msg.EN)
	unattribPaymentCols = sheets.Unattributed.Index("reason")
	flagHeaders         = sheets.BenefitFlags.Headers(msg.EN)
	flagColState        = sheets.BenefitFlags.Index(sheets.ReviewState)
	flagColDecision     = sheets.BenefitFlags.Index(sheets.Decision)
	flagColDate         = sheets.BenefitFlags.Index(sheets.ReviewDate)
	flagColNote         = sheets.BenefitFlags.Index(sheets.Note)
	flagColReviewed     = sheets.BenefitFlags.Index(sheets.ReviewedClass)
)

// Every column of every sheet written from the spec has a value, and
// every value a column: a column added to package sheets without its
// value here fails, and so does a value left over.
func TestColumnsBound(t *testing.T) {
	b := newBook("en")
	defer b.close()
	if _, err := b.newRowBuffers(); err != nil {
		t.Error(err)
	}
	r := testReport("en")
	if _, err := bindColumns(&sheets.BenefitFlags, b.flagValues(r)); err != nil {
		t.Error(err)
	}
	if _, err := bindColumns(&sheets.WithdrawnFlags, b.withdrawnValues(r)); err != nil {
		t.Error(err)
	}
	if _, err := bindColumns(&sheets.Suspects, b.suspectValues()); err != nil {
		t.Error(err)
	}
	if _, err := bindColumns(&sheets.Assets, b.assetValues()); err != nil {
		t.Error(err)
	}
	if _, err := bindColumns(&sheets.Network, networkValues); err != nil {
		t.Error(err)
	}
	if _, err := bindColumns(&sheets.DataIssues, b.issueValues()); err != nil {
		t.Error(err)
	}
	if _, err := bindColumns(&sheets.Sources, b.sourceValues()); err != nil {
		t.Error(err)
	}
	if _, err := bindColumns(&sheets.RatesUsed, b.rateValues()); err != nil {
		t.Error(err)
	}
	if _, err := bindColumns(&sheets.ReviewLog, b.logValues(r)); err != nil {
		t.Error(err)
	}
	// And the check itself fails both ways.
	values := (&rowBuffers{b: b}).paymentValues()
	delete(values, "rule")
	if _, err := bindColumns(&sheets.Payments, values); err == nil || !strings.Contains(err.Error(), `"rule"`) {
		t.Errorf("a column without a value: err = %v", err)
	}
	values = (&rowBuffers{b: b}).paymentValues()
	values["extra"] = func(*ledger.Entry) any { return nil }
	if _, err := bindColumns(&sheets.Payments, values); err == nil || !strings.Contains(err.Error(), `"extra"`) {
		t.Errorf("a value without a column: err = %v", err)
	}
}

// Each column's header has an Italian form in the catalogue, and no two
// columns of a sheet share a key or a header.
func TestColumnsHeaders(t *testing.T) {
	for _, s := range sheets.All {
		if !msg.HasLabel(s.Name) {
			t.Errorf("sheet %s has no Italian name", s.Name)
		}
		keys, headers := map[string]bool{}, map[string]bool{}
		for _, c := range s.Columns {
			if keys[c.Key] || headers[c.Label] {
				t.Errorf("%s: column %q twice", s.Name, c.Key)
			}
			keys[c.Key], headers[c.Label] = true, true
			if !msg.HasLabel(c.Label) {
				t.Errorf("%s: header %q has no Italian form", s.Name, c.Label)
			}
		}
	}
}

func TestWrappedLines(t *testing.T) {
	for _, tt := range []struct {
		s     string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"short", 10, 1},
		{"two words", 6, 2},
		{"a b c d e f", 4, 3},
		{"line one\nline two", 40, 2},
		// A word wider than the column is broken across lines; capitals
		// count a third wider.
		{"BNCLCU92D17F205V", 12, 2},
		{"exact: BNCLCU92D17F205V = BNCLCU92D17F205V", 16, 5},
	} {
		if got := wrappedLines(tt.s, tt.width); got != tt.want {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", tt.s, tt.width, got, tt.want)
		}
	}
}

// The totals row sums every Total column of a sheet, and only those.
func TestTotalsRows(t *testing.T) {
	_, f := writeBook(t, testReport("en"))
	for _, s := range []*sheets.Sheet{&sheets.Suspects, &sheets.Assets} {
		rows, err := f.GetRows(s.Name)
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: %d rows (%v)", s.Name, len(rows), err)
		}
		last := len(rows)
		if rows[last-1][0] != "Total" {
			t.Fatalf("%s: last row %q", s.Name, rows[last-1])
		}
		for i, c := range s.Columns {
			cell := colName(i+1) + itoa(last)
			formula, _ := f.GetCellFormula(s.Name, cell)
			want := ""
			if c.Total {
				want = "SUM(" + colName(i+1) + "2:" + colName(i+1) + itoa(max(last-1, 2)) + ")"
			}
			if formula != want {
				t.Errorf("%s %s (%s): formula %q, want %q", s.Name, cell, c.Key, formula, want)
			}
		}
	}
}
