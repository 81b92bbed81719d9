package reports

import (
	"archive/zip"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/review"
	"github.com/xuri/excelize/v2"
)

func writeBook(t *testing.T, r *Report) (string, *excelize.File) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := WriteWorkbook(path, r); err != nil {
		t.Fatalf("WriteWorkbook: %v", err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open written workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return path, f
}

// sheetXML returns the raw XML of a sheet, found through the workbook's
// relationships.
func sheetXML(t *testing.T, path, sheet string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, _ := io.ReadAll(rc)
				return string(b)
			}
		}
		t.Fatalf("%s not in %s", name, path)
		return ""
	}
	wb := read("xl/workbook.xml")
	m := regexp.MustCompile(`<sheet name="` + regexp.QuoteMeta(sheet) + `" sheetId="\d+" r:id="(rId\d+)"`).FindStringSubmatch(wb)
	if m == nil {
		t.Fatalf("sheet %q not in workbook.xml", sheet)
	}
	rels := read("xl/_rels/workbook.xml.rels")
	tm := regexp.MustCompile(`Id="` + m[1] + `"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="` + m[1] + `"`).FindStringSubmatch(rels)
	if tm == nil {
		t.Fatalf("relationship %s not found", m[1])
	}
	target := tm[1] + tm[2]
	return read("xl/" + strings.TrimPrefix(target, "/xl/"))
}

func TestSheetNamesAndOrder(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"en", []string{"Summary", "Suspects", "Payments", "Unattributed", "Assets", "Benefit flags", "Network", "Data issues", "Sources", "Rates used"}},
		{"it", []string{"Riepilogo", "Indagati", "Pagamenti", "Non attribuiti", "Beni sequestrati", "Segnalazioni RdC", "Rete", "Problemi nei dati", "Fonti", "Cambi usati"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			_, f := writeBook(t, testReport(tt.lang))
			if got := f.GetSheetList(); !slices.Equal(got, tt.want) {
				t.Errorf("sheets = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestItalianLabelsAllTranslated(t *testing.T) {
	missingLabels.Clear()
	writeBook(t, testReport("it"))
	// With reviews: every state, a withdrawn flag and the review log.
	reviewed := testReport("it")
	first := reviewed.Flags[0]
	old := review.Decision{FlagID: first.ID, Decision: review.Confirmed, Class: "possible", MonthsPaid: 1,
		BenefitEUR: d("1"), RecoveryEUR: d("1"), IncomeDuringEUR: d("1"), OverlapMonths: 9}
	gone := review.Decision{FlagID: "F-gone", Decision: review.Rejected, Class: "exact"}
	outcome, _ := review.Apply(reviewed.Flags, []review.Decision{old, gone})
	reviewed.Review = &outcome
	writeBook(t, reviewed)
	if err := WriteSummary(io.Discard, reviewed); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummary(io.Discard, testReport("it")); err != nil {
		t.Fatal(err)
	}
	var missing []string
	missingLabels.Range(func(k, _ any) bool { missing = append(missing, k.(string)); return true })
	if len(missing) > 0 {
		t.Errorf("labels without Italian translation: %q", missing)
	}
}

func TestSuspectsTotalsRowHasFormulasAndCachedValues(t *testing.T) {
	path, f := writeBook(t, testReport("en"))
	// Three suspects in rows 2-4, totals in row 5.
	tests := []struct {
		cell, formula, value string
	}{
		{"G5", "SUM(G2:G4)", "5"},
		{"H5", "SUM(H2:H4)", "432.96"},
		{"I5", "SUM(I2:I4)", "251500.1"},
		{"J5", "SUM(J2:J4)", "45.5"},
		{"O5", "SUM(O2:O4)", "1"},
	}
	xml := sheetXML(t, path, "Suspects")
	for _, tt := range tests {
		got, err := f.GetCellFormula("Suspects", tt.cell)
		if err != nil || got != tt.formula {
			t.Errorf("%s formula = %q (%v), want %q", tt.cell, got, err, tt.formula)
		}
		raw, _ := f.GetCellValue("Suspects", tt.cell, excelize.Options{RawCellValue: true})
		if raw != tt.value {
			t.Errorf("%s cached value = %q, want %q", tt.cell, raw, tt.value)
		}
		// The cached value is a number (no t="str"), next to the formula.
		re := regexp.MustCompile(`<c r="` + tt.cell + `" s="\d+"><f>` + regexp.QuoteMeta(tt.formula) + `</f><v>` + regexp.QuoteMeta(tt.value) + `</v></c>`)
		if !re.MatchString(xml) {
			t.Errorf("%s: sheet XML lacks numeric cached value: %s", tt.cell, re)
		}
	}
	if v, _ := f.GetCellValue("Suspects", "A5"); v != "Total" {
		t.Errorf("A5 = %q, want Total", v)
	}
}

func numFmtOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func TestMoneyCellsAreNumbersWithEuroFormat(t *testing.T) {
	path, f := writeBook(t, testReport("en"))
	tests := []struct {
		sheet, cell, raw, format string
	}{
		{"Suspects", "H2", "387.46", euroFmt},
		{"Suspects", "I4", "250000", euroFmt},
		{"Payments", "G2", "120", euroFmt},
		{"Payments", "E3", "0.05", "#,##0.00000000"}, // BTC, 8 decimals
		{"Payments", "E2", "120", "#,##0.00"},
		{"Payments", "E7", "1000", "#,##0.000000000000"}, // XMR, 12 decimals
		{"Assets", "M3", "250000", euroFmt},
		{"Benefit flags", "Q2", "2000", euroFmt},
		{"Summary", "B4", "251500.1", euroFmt},
	}
	for _, tt := range tests {
		raw, err := f.GetCellValue(tt.sheet, tt.cell, excelize.Options{RawCellValue: true})
		if err != nil || raw != tt.raw {
			t.Errorf("%s!%s = %q (%v), want %q", tt.sheet, tt.cell, raw, err, tt.raw)
		}
		if got := numFmtOf(t, f, tt.sheet, tt.cell); got != tt.format {
			t.Errorf("%s!%s format = %q, want %q", tt.sheet, tt.cell, got, tt.format)
		}
		if typ, _ := f.GetCellType(tt.sheet, tt.cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s!%s type = %v, want number", tt.sheet, tt.cell, typ)
		}
	}
	if !strings.Contains(sheetXML(t, path, "Payments"), `<c r="G2" s="`) {
		t.Error("Payments G2 not written as a styled cell")
	}
}

func TestDateCellsAreDates(t *testing.T) {
	for _, tt := range []struct{ lang, sheet, format, shown string }{
		{"en", "Payments", dateFmtEN, "2020-03-01"},
		{"it", "Pagamenti", dateFmtIT, "01/03/2020"},
	} {
		_, f := writeBook(t, testReport(tt.lang))
		raw, _ := f.GetCellValue(tt.sheet, "D2", excelize.Options{RawCellValue: true})
		if raw != "43891" { // Excel serial of 2020-03-01
			t.Errorf("%s D2 raw = %q, want serial 43891", tt.lang, raw)
		}
		if got := numFmtOf(t, f, tt.sheet, "D2"); got != tt.format {
			t.Errorf("%s D2 format = %q, want %q", tt.lang, got, tt.format)
		}
		if shown, _ := f.GetCellValue(tt.sheet, "D2"); shown != tt.shown {
			t.Errorf("%s D2 shown = %q, want %q", tt.lang, shown, tt.shown)
		}
	}
}

func TestInputTextIsNeverAFormula(t *testing.T) {
	r := testReport("en")
	r.Params.Case = injections[0]
	path, f := writeBook(t, r)
	// Payments row 6 carries the four strings in payer, payer account,
	// payee and description (J, K, L, O).
	cells := map[string]string{"J6": injections[0], "K6": injections[3], "L6": injections[1], "O6": injections[2]}
	xml := sheetXML(t, path, "Payments")
	for cell, want := range cells {
		got, _ := f.GetCellValue("Payments", cell)
		if got != want {
			t.Errorf("Payments %s = %q, want %q", cell, got, want)
		}
		m := regexp.MustCompile(`<c r="` + cell + `"[^>]*>(.*?)</c>`).FindStringSubmatch(xml)
		if m == nil {
			t.Fatalf("cell %s not found", cell)
		}
		if strings.Contains(m[1], "<f>") || !strings.Contains(m[0], `t="inlineStr"`) {
			t.Errorf("Payments %s is not a plain string: %s", cell, m[0])
		}
	}
	if got, _ := f.GetCellValue("Summary", "B1"); got != injections[0] {
		t.Errorf("Summary case = %q", got)
	}
	if strings.Contains(sheetXML(t, path, "Summary"), "<f>") {
		t.Error("Summary holds a formula")
	}
	if v, _ := f.GetCellValue("Assets", "E4"); v != injections[0] {
		t.Errorf("Assets description = %q", v)
	}
}

func TestLongSheetContinues(t *testing.T) {
	old := MaxSheetRows
	MaxSheetRows = 10
	defer func() { MaxSheetRows = old }()
	r := testReport("en")
	r.Entries = manyEntries(25)
	_, f := writeBook(t, r)
	want := []string{"Summary", "Suspects", "Payments", "Payments (2)", "Payments (3)", "Unattributed", "Assets"}
	if got := f.GetSheetList(); !slices.Equal(got[:len(want)], want) {
		t.Fatalf("sheets = %q, want prefix %q", got, want)
	}
	// 25 rows: 9 + 9 + 7 below a header on each sheet.
	for sheet, n := range map[string]int{"Payments": 10, "Payments (2)": 10, "Payments (3)": 8} {
		rows, _ := f.GetRows(sheet)
		if len(rows) != n {
			t.Errorf("%s has %d rows, want %d", sheet, len(rows), n)
		}
		if rows[0][0] != "Source" {
			t.Errorf("%s header = %q", sheet, rows[0][0])
		}
	}
	rows, _ := f.GetRows("Payments (3)")
	if got := rows[7][2]; got != "26" {
		t.Errorf("last source row = %s, want 26", got)
	}
	summary, _ := f.GetRows("Summary")
	found := false
	for _, row := range summary {
		if len(row) > 0 && row[0] == "Payments: continued in Payments (2), Payments (3)" {
			found = true
		}
	}
	if !found {
		t.Error("Summary does not say Payments was continued")
	}
}

func TestUnattributedSheetListsAndTotals(t *testing.T) {
	_, f := writeBook(t, testReport("en"))
	rows, _ := f.GetRows("Unattributed")
	// Header, rows 6 and 9 of the input, total.
	if len(rows) != 4 {
		t.Fatalf("Unattributed rows = %d, want 4: %q", len(rows), rows)
	}
	if rows[1][2] != "6" || rows[2][2] != "9" {
		t.Errorf("unattributed source rows = %s, %s", rows[1][2], rows[2][2])
	}
	raw, _ := f.GetCellValue("Unattributed", "G4", excelize.Options{RawCellValue: true})
	if raw != "42.85" {
		t.Errorf("unattributed total = %q, want 42.85", raw)
	}
}

func TestHeadersFrozenWithAutofilter(t *testing.T) {
	path, f := writeBook(t, testReport("en"))
	for _, sheet := range []string{"Suspects", "Payments", "Data issues", "Sources"} {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s panes = %+v (%v)", sheet, p, err)
		}
		if !strings.Contains(sheetXML(t, path, sheet), "<autoFilter ref=\"$A$1:") {
			t.Errorf("%s has no autofilter", sheet)
		}
	}
}

func TestFlaggedSuspectHighlighted(t *testing.T) {
	_, f := writeBook(t, testReport("en"))
	fillOf := func(cell string) bool {
		id, _ := f.GetCellStyle("Suspects", cell)
		st, _ := f.GetStyle(id)
		return st != nil && st.Fill.Pattern == 1
	}
	if !fillOf("A2") || !fillOf("H3") || fillOf("A4") {
		t.Error("flagged rows (S001, S002) should be filled, S003 not")
	}
	if v, _ := f.GetCellValue("Suspects", "Q2"); v != "exact" {
		t.Errorf("S001 flag = %q", v)
	}
	if v, _ := f.GetCellValue("Benefit flags", "F2"); v != "exact: RSSMRA80A01H501U = RSSMRA80A01H501U" {
		t.Errorf("evidence = %q", v)
	}
	if v, _ := f.GetCellValue("Benefit flags", "G3"); v != "close 0.93: BIANCHI ≈ BIANCKI" {
		t.Errorf("evidence = %q", v)
	}
	if v, _ := f.GetCellValue("Benefit flags", "M3"); v != "2020-04..2020-06; 2020-09" {
		t.Errorf("months = %q", v)
	}
}
