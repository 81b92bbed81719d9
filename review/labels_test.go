package review

import (
	"testing"

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
