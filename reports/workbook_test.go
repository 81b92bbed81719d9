package reports

import (
	"archive/zip"
	"github.com/crosscheck/crosscheck/result"
	"github.com/crosscheck/crosscheck/sheets"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/review"
	"github.com/xuri/excelize/v2"
)

func writeBook(t *testing.T, r *result.Report) (string, *excelize.File) {
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
		{"en", []string{"Summary", "Suspects", "Payments", "Unattributed", "Assets", "Benefit flags", "Network", "Timeline", "Data issues", "Sources", "Rates used"}},
		{"it", []string{"Riepilogo", "Indagati", "Pagamenti", "Non attribuiti", "Beni sequestrati", "Segnalazioni prestazioni INPS", "Rete", "Cronologia", "Problemi nei dati", "Fonti", "Cambi usati"}},
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
	// With reviews: every state (changed, unchanged with a note, new), a
	// withdrawn flag and the review log.
	reviewed := func() *result.Report {
		r := testReport("it")
		first, second := r.Flags[0], r.Flags[1]
		changed := review.Decision{FlagID: first.ID, Decision: review.Confirmed, Class: "possible", MonthsPaid: 1,
			BenefitEUR: d("1"), RecoveryEUR: d("1"), IncomeDuringEUR: d("1"), OverlapMonths: 9, Reviewer: "M. Verdi", ReviewDate: date(2020, 12, 1)}
		same := review.Decision{FlagID: second.ID, Decision: review.Unsure, Class: string(second.Class), MonthsPaid: len(second.Months),
			BenefitEUR: second.BenefitEUR, RecoveryEUR: second.RecoveryEUR, IncomeDuringEUR: second.IncomeDuringEUR,
			OverlapMonths: len(second.OverlapMonths), Note: "ask INPS"}
		gone := review.Decision{FlagID: "F-gone", Decision: review.Rejected, Class: "exact"}
		noted := review.Decision{FlagID: "F-noted", Note: "a note without a decision", Class: "probable"}
		outcome, _ := review.Apply(r.Flags, []review.Decision{changed, same, gone, noted})
		r.Review = &outcome
		return r
	}
	households := testReport("it")
	households.HouseholdsKnown = true
	continued := testReport("it")
	continued.Entries = manyEntries(25)
	old := MaxSheetRows
	MaxSheetRows = 10
	defer func() { MaxSheetRows = old }()
	for name, r := range map[string]*result.Report{
		"plain": testReport("it"), "reviewed": reviewed(), "households known": households,
		"continued sheets": continued, "empty": {Params: result.Params{Lang: "it"}},
	} {
		writeBook(t, r)
		if err := WriteSummary(io.Discard, r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := WriteJSON(io.Discard, r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if missing := msg.Missing(); len(missing) > 0 {
		t.Errorf("labels without Italian translation: %q", missing)
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
	if v, _ := f.GetCellValue("Benefit flags", "H2"); v != "exact: RSSMRA80A01H501U = RSSMRA80A01H501U" {
		t.Errorf("evidence = %q", v)
	}
	if v, _ := f.GetCellValue("Benefit flags", "I3"); v != "close 0.93: BIANCHI ≈ BIANCKI" {
		t.Errorf("evidence = %q", v)
	}
	if v, _ := f.GetCellValue("Benefit flags", "O3"); v != "2020-04..2020-06; 2020-09" {
		t.Errorf("months = %q", v)
	}
}

// Every table sheet prints on its own: landscape, row 1 on every page,
// case and report date on top, sheet and page below; scaled to one page
// wide when it fits two, else at full size with the row's identifying
// columns repeated. The Summary keeps its own layout.
func TestTableSheetsPrint(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		t.Run(lang, func(t *testing.T) {
			r := testReport(lang)
			r.Params.Case = "Storm & co"
			path, f := writeBook(t, r)
			titles := map[string]string{}
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" {
					titles[dn.Scope] = dn.RefersTo
				}
			}
			wantDate, wantPage := "Report date 2020-11-06", "Page &P"
			if lang == "it" {
				wantDate, wantPage = "Data del rapporto 06/11/2020", "Pagina &P"
			}
			// Benefit flags and Unattributed print one page wide,
			// whatever their width.
			onePage := map[string]bool{}
			for _, s := range []*sheets.Sheet{&sheets.BenefitFlags, &sheets.Unattributed} {
				if !s.OnePageWide {
					t.Errorf("%s: not declared one page wide", s.Name)
				}
				onePage[s.Title(lang)] = true
			}
			flags := sheets.BenefitFlags.Title(lang)
			issuesAt := slices.Index(sheets.Order(false), sheets.DataIssues.Name)
			sheets := f.GetSheetList()
			mode := map[string]string{}
			for _, sheet := range sheets[1:] {
				// The printed width, from the columns as written.
				cols, _ := f.GetCols(sheet)
				width := 0.0
				for c := range cols {
					name := colName(c + 1)
					if v, _ := f.GetColVisible(sheet, name); v {
						w, _ := f.GetColWidth(sheet, name)
						width += w
					}
				}
				fit := width <= fitWidthLimit || onePage[sheet]
				if sheet == flags {
					// Its rows are as tall as their wrapped text.
					if h, _ := f.GetRowHeight(sheet, 2); width <= fitWidthLimit || h <= rowHeight {
						t.Errorf("%s: width %.0f, first flag's row %.0f points high", sheet, width, h)
					}
				}
				q := "'" + sheet + "'!"
				want := q + "$1:$1"
				switch {
				case !fit && (sheet == sheets[2] || sheet == sheets[3]):
					want = q + "$A:$C," + want
				case !fit:
					want = q + "$A:$A," + want
				}
				mode[sheet] = titles[sheet]
				if titles[sheet] != want {
					t.Errorf("%s (width %.0f): print titles %q, want %q", sheet, width, titles[sheet], want)
				}
				pl, err := f.GetPageLayout(sheet)
				if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" {
					t.Errorf("%s: page layout %+v (%v)", sheet, pl, err)
				}
				props, _ := f.GetSheetProps(sheet)
				fitted := props.FitToPage != nil && *props.FitToPage
				switch {
				case fit && (!fitted || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0):
					t.Errorf("%s (width %.0f): not one page wide", sheet, width)
				case !fit && (fitted || pl.PageOrder == nil || *pl.PageOrder != "overThenDown" || pl.AdjustTo == nil || *pl.AdjustTo != wideScale):
					t.Errorf("%s (width %.0f): fitted, not at %d%%, or pages not in row order", sheet, width, wideScale)
				}
				hf, err := f.GetHeaderFooter(sheet)
				if err != nil || hf.OddHeader != "&LStorm && co&R"+wantDate || hf.OddFooter != "&L&A&R"+wantPage {
					t.Errorf("%s: header %q footer %q (%v)", sheet, hf.OddHeader, hf.OddFooter, err)
				}
			}
			// Both layouts are exercised: Payments is wide, Sources narrow.
			if !strings.Contains(mode[sheets[2]], "$A:$C") || strings.Contains(mode[sheets[len(sheets)-2]], "$A:") {
				t.Errorf("print titles: Payments %q, Sources %q", mode[sheets[2]], mode[sheets[len(sheets)-2]])
			}
			// The long sheets are crosscheck's own XML: the elements must
			// come in the schema's order for Excel to open the file.
			for _, sheet := range []string{sheets[2], sheets[issuesAt]} {
				x := sheetXML(t, path, sheet)
				at := -1
				for _, el := range []string{"<sheetViews>", "<sheetData>", "<autoFilter", "<pageMargins", "<pageSetup", "<headerFooter>"} {
					i := strings.Index(x, el)
					if i <= at {
						t.Errorf("%s: %s out of order in the sheet XML", sheet, el)
					}
					at = i
				}
				if i := strings.Index(x, "<sheetPr>"); i > strings.Index(x, "<sheetViews>") {
					t.Errorf("%s: sheetPr after sheetViews", sheet)
				}
			}
			if _, ok := titles[sheets[0]]; ok {
				t.Errorf("the Summary got print titles")
			}
			if hf, err := f.GetHeaderFooter(sheets[0]); err != nil || hf.OddHeader != "&LStorm && co&R"+wantDate || hf.OddFooter != "&L&A&R"+wantPage {
				t.Errorf("Summary: header %q footer %q (%v)", hf.OddHeader, hf.OddFooter, err)
			}
		})
	}
}

// The Summary's counts lead to the sheets that list what they count.
func TestSummaryLabelsLinkToTheirSheets(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		t.Run(lang, func(t *testing.T) {
			_, f := writeBook(t, testReport(lang))
			tr := newTranslator(lang)
			summary := f.GetSheetList()[0]
			rows, err := f.GetRows(summary)
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, l := range summaryLinks {
				for i, row := range rows {
					if len(row) == 0 || row[0] != tr.t(l.label) {
						continue
					}
					found++
					ok, target, err := f.GetCellHyperLink(summary, "A"+itoa(i+1))
					if want := "'" + tr.t(l.sheet) + "'!A1"; err != nil || !ok || target != want {
						t.Errorf("%q links to %q (%v, %v), want %q", row[0], target, ok, err, want)
					}
					if !slices.Contains(f.GetSheetList(), tr.t(l.sheet)) {
						t.Errorf("%q leads to a sheet the workbook lacks: %q", row[0], tr.t(l.sheet))
					}
				}
			}
			if found != len(summaryLinks) {
				t.Errorf("%d of %d linked labels found on the Summary", found, len(summaryLinks))
			}
			// A plain line is not a link.
			if ok, _, _ := f.GetCellHyperLink(summary, "A1"); ok {
				t.Error("the case name is a link")
			}
		})
	}
}

// Benefit rows set aside as repeats are counted on the Summary, from the
// sources, benefit sources only.
func TestSummaryCountsRepeatedBenefitRows(t *testing.T) {
	r := testReport("en")
	r.Sources = append(r.Sources,
		ledger.Source{Path: "rdc_1.csv", Kind: ledger.KindBenefits, Rows: 10, Accepted: 10},
		ledger.Source{Path: "rdc_2.csv", Kind: ledger.KindBenefits, Rows: 7, Accepted: 3, Duplicates: 4},
		ledger.Source{Path: "pay.csv", Kind: ledger.KindPayments, Rows: 9, Accepted: 7, Duplicates: 2})
	_, f := writeBook(t, r)
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if len(row) > 1 && row[0] == "Benefit rows repeated (counted once)" {
			if row[1] != "4" {
				t.Errorf("repeated benefit rows = %s, want 4", row[1])
			}
			return
		}
	}
	t.Error("no repeated benefit rows line on the Summary")
}

// The Unattributed columns are the Payments columns of the same key,
// under the same header and format.
func TestUnattributedColumnsArePaymentColumns(t *testing.T) {
	for _, c := range sheets.Unattributed.Columns {
		if c.Key == "reason" || c.Key == "candidates" {
			continue
		}
		p, ok := sheets.Payments.Column(c.Key)
		if !ok || p != c {
			t.Errorf("Unattributed column %+v is not the Payments column %+v", c, p)
		}
	}
	if got := sheets.Unattributed.Headers("en")[unattribPaymentCols:]; !slices.Equal(got, []string{"Reason", "Candidate suspects"}) {
		t.Errorf("Unattributed ends with %q", got)
	}
}
