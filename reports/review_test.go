package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"github.com/crosscheck/crosscheck/result"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/review"
	"github.com/xuri/excelize/v2"
)

// Flag ids of the review round trip: the two flags of testReport plus a
// third that disappears in the second run and a fourth that appears.
const (
	idA    = "F-S001-A1" // recovery changes in run 2
	idB    = "F-S002-A7" // rejected, unchanged
	idGone = "F-S003-A9" // withdrawn in run 2
	idNew  = "F-S004-A12"
)

func firstRunReport(lang string) *result.Report {
	r := testReport(lang)
	r.Flags = append(r.Flags, match.BenefitFlag{ID: idGone, Suspect: "S003", Application: "A9", Class: match.ClassProbable,
		Role: "applicant", Months: months(date(2020, 2, 1), 2), BenefitEUR: d("900.00"), OverlapMonths: months(date(2020, 7, 1), 1),
		RecoveryEUR: d("450.00"), IncomeDuringEUR: d("0.00"), Status: "to review"})
	return r
}

// secondRunFlags: A's recovery grew, B is as it was, the third flag no
// longer arises and a new one appears.
func secondRunFlags() []match.BenefitFlag {
	flags := slices.Clone(testReport("en").Flags)
	flags[0].OverlapMonths = months(date(2020, 3, 1), 5)
	flags[0].RecoveryEUR = d("2500.00")
	return append(flags, match.BenefitFlag{ID: idNew, Suspect: "S004", Application: "A12", Class: match.ClassExact,
		Role: "applicant", Months: months(date(2020, 5, 1), 1), BenefitEUR: d("500.00"), OverlapMonths: months(date(2020, 5, 1), 1),
		RecoveryEUR: d("500.00"), IncomeDuringEUR: d("20.00"), Status: "to review"})
}

// rowOf finds the row of a flag id in column A of a sheet.
func rowOf(t *testing.T, f *excelize.File, sheet, id string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == id {
			return i + 1
		}
	}
	t.Fatalf("%s: flag %s not found", sheet, id)
	return 0
}

type filled struct {
	id, decision, reviewer string
	date                   time.Time
	note                   string
}

// fillDecisions types decisions into a written workbook as a user would,
// cell by cell, and saves it under a new name.
func fillDecisions(t *testing.T, path, sheet string, rows []filled) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, r := range rows {
		n := rowOf(t, f, sheet, r.id)
		set := func(col string, v any) {
			if err := f.SetCellValue(sheet, col+itoa(n), v); err != nil {
				t.Fatal(err)
			}
		}
		set("W", r.decision)
		set("X", r.reviewer)
		if !r.date.IsZero() {
			set("Y", r.date)
		}
		set("Z", r.note)
	}
	out := strings.TrimSuffix(path, ".xlsx") + "-reviewed.xlsx"
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

var reviewedRows = []filled{
	{idA, "confirmed", "M. Bianco", date(2021, 1, 15), "INPS confirmed the payments"},
	{idB, "rejected", "M. Bianco", date(2021, 1, 16), "different person: born in Bari"},
	{idGone, "unsure", "L. Neri", time.Time{}, ""},
}

func TestBenefitFlagsSheetHasReviewColumnsAndProtection(t *testing.T) {
	for _, tt := range []struct {
		lang, sheet, list string
		header            []string
	}{
		{"en", "Benefit flags", `"confirmed,rejected,unsure"`, []string{"Status", "Review state", "Decision", "Reviewer", "Review date", "Note"}},
		{"it", "Segnalazioni prestazioni INPS", `"confermata,respinta,incerta"`, []string{"Stato", "Stato revisione", "Decisione", "Revisore", "Data revisione", "Note"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			path, f := writeBook(t, testReport(tt.lang))
			rows, _ := f.GetRows(tt.sheet)
			if len(rows[0]) != len(flagHeaders) || !slices.Equal(rows[0][flagColState-1:flagColReviewed], tt.header) {
				t.Errorf("header = %q", rows[0])
			}
			if id, _ := f.GetCellValue(tt.sheet, "A2"); id != "F-S001-A1" {
				t.Errorf("A2 = %q, want the flag id first", id)
			}
			if st, _ := f.GetCellValue(tt.sheet, "V2"); st != map[string]string{"en": "new", "it": "nuova"}[tt.lang] {
				t.Errorf("review state = %q", st)
			}
			xml := sheetXML(t, path, tt.sheet)
			prot := regexp.MustCompile(`<sheetProtection [^>]*>`).FindString(xml)
			if prot == "" || strings.Contains(prot, "password") || strings.Contains(prot, "hashValue") ||
				!strings.Contains(prot, `sheet="true"`) || strings.Contains(prot, `autoFilter="true"`) || strings.Contains(prot, `sort="true"`) {
				t.Errorf("protection = %q: want a sheet protection without password that allows filter and sort", prot)
			}
			locked := func(cell string) bool {
				id, _ := f.GetCellStyle(tt.sheet, cell)
				st, _ := f.GetStyle(id)
				return st.Protection == nil || st.Protection.Locked
			}
			for _, cell := range []string{"W2", "X3", "Y2", "Z3"} {
				if locked(cell) {
					t.Errorf("%s is locked: review cells must stay editable", cell)
				}
			}
			for _, cell := range []string{"A2", "S2", "V2", "W1"} {
				if !locked(cell) {
					t.Errorf("%s is unlocked: computed cells must be protected", cell)
				}
			}
			// The column style unlocks the review columns below the flags.
			if !regexp.MustCompile(`<col min="23" max="26" [^>]*style="\d+"`).MatchString(xml) &&
				!regexp.MustCompile(`<col min="23" max="23" [^>]*style="\d+"`).MatchString(xml) {
				t.Error("review columns carry no column style")
			}
			dvs, _ := f.GetDataValidations(tt.sheet)
			var kinds []string
			for _, dv := range dvs {
				kinds = append(kinds, dv.Type+" "+dv.Sqref)
				if dv.Type == "list" && dv.Formula1 != tt.list {
					t.Errorf("decision list = %s, want %s", dv.Formula1, tt.list)
				}
			}
			if !slices.Equal(kinds, []string{"list W2:W3", "date Y2:Y3"}) {
				t.Errorf("validations = %q", kinds)
			}
		})
	}
}

// TestReviewRoundTrip: write, fill decisions as a user would, read them
// back, change the flags, apply, and write the next workbook and JSON.
func TestReviewRoundTrip(t *testing.T) {
	first, _ := writeBook(t, firstRunReport("en"))
	reviewed := fillDecisions(t, first, "Benefit flags", reviewedRows)

	decisions, issues := review.Load(reviewed)
	if len(issues) != 0 {
		t.Fatalf("load issues: %+v", issues)
	}
	if len(decisions) != 3 {
		t.Fatalf("%d decisions, want 3: %+v", len(decisions), decisions)
	}
	a := decisions[0]
	if a.FlagID != idA || a.Decision != review.Confirmed || a.Reviewer != "M. Bianco" || !a.ReviewDate.Equal(date(2021, 1, 15)) ||
		a.Note != "INPS confirmed the payments" || a.Class != "exact" || a.MonthsPaid != 6 || a.OverlapMonths != 4 ||
		!a.RecoveryEUR.Equal(d("2000")) || !a.BenefitEUR.Equal(d("3000")) || !a.IncomeDuringEUR.Equal(d("407.46")) || a.Row != 2 {
		t.Errorf("decision A = %+v", a)
	}

	r := testReport("en")
	r.Flags = secondRunFlags()
	outcome, applyIssues := review.Apply(r.Flags, decisions)
	r.Review = &outcome
	if len(applyIssues) != 1 || applyIssues[0].Value != idGone || applyIssues[0].Path != reviewed {
		t.Errorf("apply issues = %+v", applyIssues)
	}
	wantStates := map[string]string{idA: "changed", idB: "unchanged", idNew: "new"}
	for id, want := range wantStates {
		if got := string(outcome.Flags[id].State); got != want {
			t.Errorf("%s state = %s, want %s", id, got, want)
		}
	}

	path, f := writeBook(t, r)
	wantSheets := []string{"Summary", "Suspects", "Payments", "Unattributed", "Assets", "Benefit flags", "Withdrawn flags",
		"Network", "Timeline", "Data issues", "Sources", "Rates used", "Review log"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Errorf("sheets = %q", got)
	}
	cells := map[string]string{
		"V2": "evidence changed: overlap months 4 → 5; recovery EUR 2000.00 → 2500.00",
		"W2": "confirmed", "X2": "M. Bianco", "Y2": "2021-01-15", "Z2": "INPS confirmed the payments",
		"V3": "unchanged since review", "W3": "rejected", "Z3": "different person: born in Bari",
		"V4": "new", "W4": "", "X4": "",
	}
	for cell, want := range cells {
		if got, _ := f.GetCellValue("Benefit flags", cell); got != want {
			t.Errorf("Benefit flags %s = %q, want %q", cell, got, want)
		}
	}
	wd, _ := f.GetRows("Withdrawn flags")
	if len(wd) != 2 || wd[1][0] != idGone || wd[1][2] != "VERDI ANNA" || wd[1][10] != "unsure" || wd[1][11] != "L. Neri" || wd[1][14] != reviewed {
		t.Errorf("Withdrawn flags = %q", wd)
	}
	log, _ := f.GetRows("Review log")
	if len(log) != 4 {
		t.Fatalf("Review log = %q", log)
	}
	for _, row := range log[1:] {
		if len(row) < 13 || row[9] != reviewed || len(row[12]) != 64 || row[12] != a.SHA256 || row[2] == "" {
			t.Errorf("log row without source or SHA-256: %q", row)
		}
	}
	if log[3][0] != idGone || log[3][8] != "withdrawn" {
		t.Errorf("log of the withdrawn flag = %q", log[3])
	}
	summary := summaryValues(t, f, "Summary")
	for label, want := range map[string]string{
		"Benefit flags: new": "1", "Benefit flags: unchanged since review": "1", "Benefit flags: evidence changed since review": "1",
		"Withdrawn flags (reviewed, no longer arising)": "1", "Benefit flags: confirmed": "1", "Benefit flags: rejected": "1",
		"Benefit flags: no decision": "1",
		// The rejected flag (280.10) is left out; the confirmed one changed
		// since its review and awaits a new look with the new one.
		"Benefit proposed for recovery EUR":                  "3000",
		"Recovery over flags awaiting review EUR":            "3000",
		"Rejected flags (left out)":                          "1",
		"Recovery of rejected flags, left out EUR":           "280.1",
		"Benefit proposed for recovery, confirmed flags EUR": "0",
		"Recovery, confirmed but changed since review EUR":   "2500",
	} {
		if summary[label] != want {
			t.Errorf("Summary %q = %q, want %q", label, summary[label], want)
		}
	}

	// JSON carries the same decisions.
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Flags []struct {
			ID, ReviewState, Decision, Reviewer, ReviewDate, Note, Status string
			Changes                                                       []string
		} `json:"benefit_flags"`
		Withdrawn []struct {
			ID, Decision, Reviewer, Source, SHA256 string
			Row                                    int
		} `json:"withdrawn_flags"`
		Recovery struct {
			Proposed      string `json:"proposed_eur"`
			Confirmed     string `json:"confirmed_eur"`
			Open          string `json:"open_eur"`
			Rejected      string `json:"rejected_eur"`
			RejectedFlags int    `json:"rejected_flags"`
			OpenFlags     int    `json:"open_flags"`
		} `json:"benefit_recovery"`
	}
	if err := json.Unmarshal(bytes.ReplaceAll(bytes.ReplaceAll(buf.Bytes(), []byte(`"review_state"`), []byte(`"reviewstate"`)),
		[]byte(`"review_date"`), []byte(`"reviewdate"`)), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Flags) != 3 {
		t.Fatalf("%d flags in JSON", len(doc.Flags))
	}
	ja := doc.Flags[0]
	if ja.ID != idA || ja.ReviewState != "changed" || ja.Decision != "confirmed" || ja.Reviewer != "M. Bianco" ||
		ja.ReviewDate != "2021-01-15" || !slices.Equal(ja.Changes, []string{"overlap months 4 → 5", "recovery EUR 2000.00 → 2500.00"}) {
		t.Errorf("JSON flag A = %+v", ja)
	}
	if doc.Flags[2].ReviewState != "new" || doc.Flags[2].Decision != "" {
		t.Errorf("JSON new flag = %+v", doc.Flags[2])
	}
	// A flag's status shows its decision; the rejected one is left out of
	// the recovery, the changed confirmation awaits a new look.
	if got := []string{doc.Flags[0].Status, doc.Flags[1].Status, doc.Flags[2].Status}; !slices.Equal(got, []string{"review again", "rejected", "to review"}) {
		t.Errorf("JSON statuses = %q", got)
	}
	if rc := doc.Recovery; rc.Proposed != "3000.00" || rc.Confirmed != "0.00" || rc.Open != "3000.00" || rc.Rejected != "280.10" ||
		rc.RejectedFlags != 1 || rc.OpenFlags != 2 {
		t.Errorf("JSON benefit_recovery = %+v", rc)
	}
	var text bytes.Buffer
	if err := WriteSummary(&text, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Benefit flags: 3, proposed for recovery EUR 3,000.00", "confirmed EUR 0.00 · awaiting review EUR 3,000.00",
		"rejected, left out: 1, EUR 280.10", "S002 BIANCHI LUCA", "280.10 rejected\n"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("terminal summary lacks %q:\n%s", want, text.String())
		}
	}
	if len(doc.Withdrawn) != 1 || doc.Withdrawn[0].ID != idGone || doc.Withdrawn[0].Decision != "unsure" ||
		doc.Withdrawn[0].Source != reviewed || doc.Withdrawn[0].Row != 4 || len(doc.Withdrawn[0].SHA256) != 64 {
		t.Errorf("JSON withdrawn = %+v", doc.Withdrawn)
	}

	// The next run reads this workbook back: carried decisions and the
	// withdrawn one, so the chain is never broken.
	again, issues := review.Load(path)
	if len(issues) != 0 {
		t.Errorf("second load issues: %+v", issues)
	}
	var ids []string
	for _, d := range again {
		ids = append(ids, d.FlagID+"="+d.Decision+"@"+d.Sheet)
	}
	want := []string{idA + "=confirmed@Benefit flags", idB + "=rejected@Benefit flags", idGone + "=unsure@Withdrawn flags"}
	if !slices.Equal(ids, want) {
		t.Errorf("decisions read back = %q, want %q", ids, want)
	}
	// With the flags as in this run and nobody touching the decisions,
	// the changed flag stays changed: the decision was taken on the old
	// figures, which this workbook carries in its hidden columns.
	o2, _ := review.Apply(r.Flags, again)
	if o2.Flags[idA].State != review.StateChanged || o2.Flags[idB].State != review.StateUnchanged || len(o2.Withdrawn) != 1 {
		t.Errorf("third run: %+v", o2)
	}
}

// allSheetsXML concatenates the XML of every worksheet of an xlsx file.
func allSheetsXML(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var sb strings.Builder
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		sb.Write(b)
	}
	return sb.String()
}

func summaryValues(t *testing.T, f *excelize.File, sheet string) map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			out[r[0]] = r[1]
		}
	}
	return out
}

func TestItalianWorkbookReadBack(t *testing.T) {
	first, _ := writeBook(t, firstRunReport("it"))
	reviewed := fillDecisions(t, first, "Segnalazioni prestazioni INPS", []filled{
		{idA, "confermata", "M. Bianco", date(2021, 1, 15), "verificato"},
		{idB, "Respinta", "", time.Time{}, ""},
	})
	decisions, issues := review.Load(reviewed)
	if len(issues) != 0 || len(decisions) != 2 {
		t.Fatalf("decisions %+v issues %+v", decisions, issues)
	}
	if a := decisions[0]; a.Decision != review.Confirmed || a.Class != "exact" || a.Sheet != "Segnalazioni prestazioni INPS" ||
		!a.RecoveryEUR.Equal(d("2000")) || a.Note != "verificato" || !a.ReviewDate.Equal(date(2021, 1, 15)) {
		t.Errorf("decision = %+v", a)
	}
	if decisions[1].Decision != review.Rejected || decisions[1].Class != "possible" {
		t.Errorf("decision = %+v", decisions[1])
	}
	r := testReport("it")
	r.Flags = secondRunFlags()
	outcome, _ := review.Apply(r.Flags, decisions)
	r.Review = &outcome
	_, f := writeBook(t, r)
	for cell, want := range map[string]string{
		"V2": "elementi cambiati dalla revisione: mesi sovrapposti 4 → 5; da recuperare EUR 2.000,00 → 2.500,00",
		"W2": "confermata", "Y2": "15/01/2021", "V3": "invariata dalla revisione", "W3": "respinta", "V4": "nuova",
	} {
		if got, _ := f.GetCellValue("Segnalazioni prestazioni INPS", cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if got := f.GetSheetList(); !slices.Contains(got, "Segnalazioni ritirate") || got[len(got)-1] != "Registro revisioni" {
		t.Errorf("sheets = %q", got)
	}
}

// libreOfficeCopy saves path through LibreOffice headless, as an
// investigator's office suite would, and returns the copy.
func libreOfficeCopy(t *testing.T, soffice, path string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "lo")
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx", "--outdir", out, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved := filepath.Join(out, filepath.Base(path))
	if _, err := os.Stat(saved); err != nil {
		t.Fatalf("LibreOffice wrote no copy: %v", err)
	}
	return saved
}

// TestLibreOfficeSavedReviewsReadBack saves a reviewed workbook through
// LibreOffice, as an investigator's office suite would, and reads the
// decisions back from its copy.
func TestLibreOfficeSavedReviewsReadBack(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed: skipping the check that a LibreOffice-saved workbook reads back as reviews")
	}
	dir := t.TempDir()
	first := filepath.Join(dir, "run1.xlsx")
	if err := WriteWorkbook(first, firstRunReport("en")); err != nil {
		t.Fatal(err)
	}
	reviewed := fillDecisions(t, first, "Benefit flags", reviewedRows)
	saved := libreOfficeCopy(t, soffice, reviewed)
	want, _ := review.Load(reviewed)
	got, issues := review.Load(saved)
	if len(issues) != 0 {
		t.Fatalf("issues: %+v", issues)
	}
	if len(got) != len(want) {
		t.Fatalf("%d decisions from the LibreOffice copy, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.FlagID != w.FlagID || g.Decision != w.Decision || g.Reviewer != w.Reviewer || !g.ReviewDate.Equal(w.ReviewDate) ||
			g.Note != w.Note || g.Class != w.Class || g.MonthsPaid != w.MonthsPaid || g.OverlapMonths != w.OverlapMonths ||
			!g.RecoveryEUR.Equal(w.RecoveryEUR) || !g.BenefitEUR.Equal(w.BenefitEUR) || !g.IncomeDuringEUR.Equal(w.IncomeDuringEUR) || g.Row != w.Row {
			t.Errorf("LibreOffice copy row %d:\n got  %+v\n want %+v", i, g, w)
		}
		if g.SHA256 == w.SHA256 {
			t.Error("the copy's SHA-256 should be its own")
		}
	}
	// LibreOffice keeps the protection and the dropdown.
	// (Benefit flags is the only protected sheet of this workbook, and
	// LibreOffice lays out workbook.xml its own way.)
	xml := allSheetsXML(t, saved)
	if !strings.Contains(xml, "<sheetProtection") || !strings.Contains(xml, "<dataValidation") {
		t.Error("LibreOffice dropped the sheet protection or the decision dropdown")
	}
	// Nothing changed between the runs: every reviewed flag is unchanged.
	o, _ := review.Apply(firstRunReport("en").Flags, got)
	for _, id := range []string{idA, idB, idGone} {
		if o.Flags[id].State != review.StateUnchanged {
			t.Errorf("%s state = %s after the LibreOffice round trip, want unchanged (changes %q)", id, o.Flags[id].State, o.Flags[id].Changes)
		}
	}
}

// TestLibreOfficeKeepsReviewedFigures: a workbook whose flag changed since
// its review, saved untouched by LibreOffice, still reads as changed (the
// hidden reviewed figures survive the office suite).
func TestLibreOfficeKeepsReviewedFigures(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	run1, _ := writeBook(t, testReport("en"))
	reviewed := fillDecisions(t, run1, "Benefit flags", reviewedRows[:2])
	_, run2, _ := nextRun(t, "en", reviewed)
	saved := libreOfficeCopy(t, soffice, run2)
	r, _, _ := nextRun(t, "en", saved)
	if fr := r.Review.Review(idA); fr.State != review.StateChanged || fr.Decision.Decision != review.Confirmed ||
		!fr.Decision.RecoveryEUR.Equal(d("2000")) {
		t.Errorf("flag A after LibreOffice = %+v", fr)
	}
	if fr := r.Review.Review(idB); fr.State != review.StateUnchanged {
		t.Errorf("flag B after LibreOffice = %+v", fr)
	}
}
