package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"io"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// TestSummaryChartsStartAtZero: every value axis starts at zero, so a
// seizure just above the target does not look many times longer.
func TestSummaryChartsStartAtZero(t *testing.T) {
	path, _ := writeBook(t, testReport("en"))
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	charts := 0
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/charts/chart") {
			continue
		}
		charts++
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if !strings.Contains(string(b), `valAx>`) || !strings.Contains(string(b), `<min val="0"`) {
			t.Errorf("%s: value axis without a minimum of zero", f.Name)
		}
	}
	if charts == 0 {
		t.Fatal("no charts on the Summary")
	}
}

// TestSummarySaysWhatToActOn: the Summary lists the largest shortfalls,
// the flags awaiting review and the figures left out, explains every
// highlight, and relates the remaining value to the shortfalls.
func TestSummarySaysWhatToActOn(t *testing.T) {
	for _, tt := range []struct {
		lang, sheet string
		want        []string
	}{
		{"en", "Summary", []string{
			"To act on",
			"• Shortfall EUR 45.50: S002 BIANCHI LUCA",
			"• Benefit flag awaiting review: S001 ROSSI MARIO, application A1, recovery EUR 2,000.00",
			"• 1 input rows rejected",
			"• 2 unattributed payments, EUR 42.85",
			"Legend",
			"row filled: the suspect has a benefit flag",
			"Remaining EUR 9,748,499.90 is the case's distance from the seizure target",
			"total EUR 45.50",
		}},
		{"it", "Riepilogo", []string{
			"Da trattare",
			"• Differenza da confiscare EUR 45,50: S002 BIANCHI LUCA",
			"Legenda",
			"Il mancante di EUR 9.748.499,90",
		}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			_, f := writeBook(t, testReport(tt.lang))
			rows, _ := f.GetRows(tt.sheet)
			var all strings.Builder
			for _, r := range rows {
				all.WriteString(strings.Join(r, " | ") + "\n")
			}
			for _, w := range tt.want {
				if !strings.Contains(all.String(), w) {
					t.Errorf("Summary lacks %q:\n%s", w, all.String())
				}
			}
		})
	}
}

func TestInferredReportDateIsSaid(t *testing.T) {
	r := testReport("en")
	r.Params.ReportDateFrom = &result.DateSource{Kind: "payment", Ref: ledger.Ref{Path: "paypal.xlsx", Sheet: "Transazioni", Row: 12}}
	var text bytes.Buffer
	if err := WriteSummary(&text, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "Report date inferred: the case gives no report_date; it is the date of the\nlatest fact, the payment at paypal.xlsx#Transazioni:12") {
		t.Errorf("terminal does not say the report date was inferred:\n%s", text.String())
	}
	_, f := writeBook(t, r)
	if v, _ := f.GetCellValue("Summary", "C2"); !strings.Contains(v, "inferred") {
		t.Errorf("Summary C2 = %q", v)
	}
}

// TestSummaryNotesWrap: the Summary's notes wrap within the figures'
// columns (A to C, merged) and their rows are as tall as the text, so
// that no line runs past the charts and shrinks the printed page.
func TestSummaryNotesWrap(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		_, f := writeBook(t, testReport(lang))
		sheet := f.GetSheetName(0)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		spans := map[string]bool{}
		for _, m := range merged {
			spans[m.GetStartAxis()+":"+m.GetEndAxis()] = true
		}
		long := 0
		for i, row := range rows {
			if len(row) == 0 || len([]rune(row[0])) <= summaryWidthA+summaryWidthB+summaryWidthC {
				continue
			}
			long++
			r := i + 1
			if !spans[fmt.Sprintf("A%d:C%d", r, r)] {
				t.Errorf("%s: row %d's note %.40q... is not merged across A:C", lang, r, row[0])
			}
			if h, _ := f.GetRowHeight(sheet, r); h <= rowHeight {
				t.Errorf("%s: row %d's note is %.0f points high, one line", lang, r, h)
			}
		}
		if long == 0 {
			t.Errorf("%s: no long note on the Summary", lang)
		}
	}
}
