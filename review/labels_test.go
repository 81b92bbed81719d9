package review

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/crosscheck/crosscheck/sheets"
)

// Every column Load reads is a column the workbook writes, and the
// Withdrawn flags sheet carries every required one, so that its decisions
// are read back too.
func TestColumnsAreTheWorkbooks(t *testing.T) {
	if len(columns) != len(readKeys) {
		for k := range readKeys {
			if sheets.BenefitFlags.Index(k) < 0 {
				t.Errorf("Load reads %q, which Benefit flags does not have", k)
			}
		}
	}
	for _, c := range columns {
		if c.en == "" || c.it == "" || c.en == c.key {
			t.Errorf("column %q has headers %q / %q", c.key, c.en, c.it)
		}
		if c.required && sheets.WithdrawnFlags.Index(c.key) < 0 {
			t.Errorf("Withdrawn flags lacks required column %q", c.key)
		}
	}
	if got := columnHeader(colDecision, sheets.BenefitFlags.Title("it")); got != "Decisione" {
		t.Errorf("Italian header of the decision = %q", got)
	}
	if got := columnHeader(colDecision, sheets.BenefitFlags.Name); got != "Decision" {
		t.Errorf("English header of the decision = %q", got)
	}
}

// An issue on a row names the column as the sheet writes it: Italian on
// an Italian sheet, English on an English one.
func TestIssueNamesTheSheetsHeader(t *testing.T) {
	for _, tt := range []struct {
		sheet, lang, want string
	}{
		{sheets.BenefitFlags.Title("it"), "it", "Decisione"},
		{"Segnalazioni RdC", "it", "Decisione"},
		{sheets.BenefitFlags.Name, "en", "Decision"},
	} {
		f := excelize.NewFile()
		if err := f.SetSheetName("Sheet1", tt.sheet); err != nil {
			t.Fatal(err)
		}
		var header, row []any
		for _, c := range columns {
			h := c.en
			if tt.lang == "it" {
				h = c.it
			}
			header = append(header, h)
			switch c.key {
			case colID:
				row = append(row, "F-1")
			case colDecision:
				row = append(row, "boh")
			default:
				row = append(row, "")
			}
		}
		f.SetSheetRow(tt.sheet, "A1", &header)
		f.SetSheetRow(tt.sheet, "A2", &row)
		path := filepath.Join(t.TempDir(), "r.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		_, issues := Load(path)
		if len(issues) == 0 || issues[0].Column != tt.want {
			t.Errorf("%s: issues %+v, want the first on column %q", tt.sheet, issues, tt.want)
		}
	}
}
