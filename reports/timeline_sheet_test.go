package reports_test

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/casework"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The Timeline sheet foots to the Suspects sheet: each suspect's months
// add up to the Total column, which is the Suspects sheet's income, and
// the months of a flagged application are filled.
func TestTimelineFootsToSuspects(t *testing.T) {
	c, err := casefile.Load(filepath.Join("..", "testdata", "sample", "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := casework.Run(c, casework.Options{Version: "test", TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if err := reports.WriteWorkbook(path, res.Report); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tl, err := f.GetRows("Timeline", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	sus, err := f.GetRows("Suspects", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	income := map[string]decimal.Decimal{}
	for _, row := range sus[1 : 1+len(res.Report.Suspects)] {
		income[row[0]] = dec(t, row[7])
	}
	head := tl[0]
	totalCol := len(head) - 1
	if head[totalCol] != "Income EUR" || head[3] == "" {
		t.Fatalf("header %q", head)
	}
	benefit := map[string]map[string]bool{}
	for _, fl := range res.Report.Flags {
		if benefit[fl.Suspect] == nil {
			benefit[fl.Suspect] = map[string]bool{}
		}
		for _, m := range fl.Months {
			benefit[fl.Suspect][m.Format("2006-01")] = true
		}
	}
	grand := decimal.Zero
	filled := 0
	for i, row := range tl[1 : 1+len(res.Report.Suspects)] {
		id := row[0]
		sum := decimal.Zero
		for j := 3; j < totalCol && j < len(row); j++ {
			if row[j] != "" {
				sum = sum.Add(dec(t, row[j]))
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			st, _ := f.GetCellStyle("Timeline", cell)
			style, _ := f.GetStyle(st)
			isFilled := style != nil && len(style.Fill.Color) > 0
			if isFilled != benefit[id][head[j]] {
				t.Errorf("%s %s: filled %v, benefit paid %v", id, head[j], isFilled, benefit[id][head[j]])
			}
			if isFilled {
				filled++
			}
		}
		total := dec(t, row[totalCol])
		if !sum.Equal(total) || !total.Equal(income[id]) {
			t.Errorf("%s: months add up to %s, Total %s, Suspects sheet %s", id, sum, total, income[id])
		}
		grand = grand.Add(total)
		if formula, _ := f.GetCellFormula("Timeline", mustCell(totalCol+1, i+2)); formula == "" {
			t.Errorf("%s: Total is not a formula", id)
		}
	}
	if filled == 0 {
		t.Error("no benefit month filled")
	}
	foot := tl[1+len(res.Report.Suspects)]
	if foot[0] != "Total" || !dec(t, foot[totalCol]).Equal(grand) || !grand.Equal(res.Report.AttributedEUR) {
		t.Errorf("totals row %q: want %s", foot, res.Report.AttributedEUR)
	}
}

func mustCell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func dec(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	v, err := decimal.NewFromString(s)
	if err != nil {
		if f, ferr := strconv.ParseFloat(s, 64); ferr == nil {
			return decimal.NewFromFloat(f)
		}
		t.Fatalf("not a number: %q", s)
	}
	return v.Round(2)
}
