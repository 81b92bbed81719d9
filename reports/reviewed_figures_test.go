package reports

import (
	"bytes"
	"github.com/crosscheck/crosscheck/result"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/review"
	"github.com/xuri/excelize/v2"
)

// editCell changes one review cell of a flag's row in a written workbook,
// as a user would, and saves the result under a new name.
func editCell(t *testing.T, path, sheet, id string, col int, v any, name string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue(sheet, colName(col+1)+itoa(rowOf(t, f, sheet, id)), v); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(path), name+".xlsx")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// nextRun reads the reviews from a workbook, applies them to the second
// run's flags and writes the next workbook.
func nextRun(t *testing.T, lang, reviews string) (*result.Report, string, *excelize.File) {
	t.Helper()
	decisions, issues := review.Load(reviews)
	if len(issues) != 0 {
		t.Fatalf("load %s: issues %+v", reviews, issues)
	}
	r := testReport(lang)
	r.Flags = secondRunFlags()
	outcome, _ := review.Apply(r.Flags, decisions)
	r.Review = &outcome
	path, f := writeBook(t, r)
	return r, path, f
}

// TestChangedEvidencePersistsUntilReReview runs three times: run 1 gets a
// decision, run 2 has changed figures (state changed, decision carried),
// run 3 with run 2's data and run 2's workbook untouched must still say
// changed; once the user updates the review date or the decision in run
// 2's workbook, run 3 takes the figures that row shows as reviewed.
func TestChangedEvidencePersistsUntilReReview(t *testing.T) {
	for _, tt := range []struct {
		lang, sheet, confirmed, unsure, changed, unchanged string
		reviewedHeader                                     []string
		summaryConfirmed, summaryChanged                   string
	}{
		{"en", "Benefit flags", "confirmed", "unsure", "evidence changed: overlap months 4 → 5; recovery EUR 2000.00 → 2500.00", "unchanged since review",
			[]string{"Reviewed class", "Reviewed months paid", "Reviewed benefit EUR", "Reviewed overlap months", "Reviewed recovery EUR",
				"Reviewed income during benefit EUR", "Reviewed decision", "Reviewed on"},
			"Benefit proposed for recovery, confirmed flags EUR", "Recovery, confirmed but changed since review EUR"},
		{"it", "Segnalazioni prestazioni INPS", "confermata", "incerta",
			"elementi cambiati dalla revisione: mesi sovrapposti 4 → 5; da recuperare EUR 2.000,00 → 2.500,00", "invariata dalla revisione",
			[]string{"Classe alla revisione", "Mensilità pagate alla revisione", "RdC percepito EUR alla revisione", "Mesi sovrapposti alla revisione",
				"Da recuperare EUR alla revisione", "Proventi durante il RdC EUR alla revisione", "Decisione alla revisione", "Cifre riviste il"},
			"RdC da recuperare, segnalazioni confermate EUR", "Recupero, confermate ma cambiate dopo la revisione EUR"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			cell := func(f *excelize.File, col int) string {
				t.Helper()
				v, err := f.GetCellValue(tt.sheet, colName(col+1)+itoa(rowOf(t, f, tt.sheet, idA)), excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			// Run 1: a person confirms flag A.
			run1, _ := writeBook(t, testReport(tt.lang))
			reviewed1 := fillDecisions(t, run1, tt.sheet, []filled{{idA, tt.confirmed, "M. Bianco", date(2021, 1, 15), "seen"}})

			// Run 2: A's figures changed; the decision is carried and the
			// figures it was taken on are kept in the hidden columns.
			r2, run2, f2 := nextRun(t, tt.lang, reviewed1)
			if got := cell(f2, flagColState); got != tt.changed {
				t.Errorf("run 2 state = %q, want %q", got, tt.changed)
			}
			if got := cell(f2, flagColDecision); got != tt.confirmed {
				t.Errorf("run 2 decision = %q", got)
			}
			rows, _ := f2.GetRows(tt.sheet)
			if !slices.Equal(rows[0][flagColReviewed:], tt.reviewedHeader) {
				t.Errorf("reviewed header = %q", rows[0][flagColReviewed:])
			}
			var got []string
			for col := flagColReviewed; col < len(flagHeaders); col++ {
				got = append(got, cell(f2, col))
			}
			// Class, months, benefit, overlap, recovery, income, decision, date (serial of 2021-01-15).
			want := []string{newTranslator(tt.lang).t("exact"), "6", "3000", "4", "2000", "407.46", tt.confirmed, "44211"}
			if !slices.Equal(got, want) {
				t.Errorf("reviewed cells = %q, want %q", got, want)
			}
			checkReviewedColumnsHiddenAndLocked(t, f2, tt.sheet)
			var text bytes.Buffer
			if err := WriteSummary(&text, r2); err != nil {
				t.Fatal(err)
			}
			want2 := map[string]string{"en": "  confirmed, evidence changed since review: EUR 2,500.00",
				"it": "  confermate, elementi cambiati dalla revisione: EUR 2.500,00"}[tt.lang]
			if want := map[string]string{"en": "confirmed 1 · rejected 0",
				"it": "confermate 1 · respinte 0"}[tt.lang]; !strings.Contains(text.String(), want) ||
				!strings.Contains(text.String(), map[string]string{"en": "  confirmed EUR 0.00 · awaiting review EUR 3,280.10",
					"it": "  confermate EUR 0,00 · da decidere EUR 3.280,10"}[tt.lang]) ||
				!strings.Contains(text.String(), want2) {
				t.Errorf("terminal summary lacks %q or %q:\n%s", want, want2, text.String())
			}
			summary2 := summaryValues(t, f2, newTranslator(tt.lang).t("Summary"))
			if summary2[tt.summaryConfirmed] != "0" || summary2[tt.summaryChanged] != "2500" {
				t.Errorf("run 2 summary: confirmed %q, confirmed and changed %q", summary2[tt.summaryConfirmed], summary2[tt.summaryChanged])
			}

			// Run 3, same data, run 2's workbook untouched: still changed,
			// and so again in run 4 from run 3's workbook.
			r3, run3, f3 := nextRun(t, tt.lang, run2)
			if fr := r3.Review.Review(idA); fr.State != review.StateChanged || !slices.Equal(fr.Changes,
				[]string{"overlap months 4 → 5", "recovery EUR 2000.00 → 2500.00"}) || fr.Decision.Decision != review.Confirmed {
				t.Errorf("run 3 untouched: %+v", fr)
			}
			if got := cell(f3, flagColState); got != tt.changed {
				t.Errorf("run 3 state cell = %q", got)
			}
			if r4, _, _ := nextRun(t, tt.lang, run3); r4.Review.Review(idA).State != review.StateChanged {
				t.Errorf("run 4 untouched: %+v", r4.Review.Review(idA))
			}
			// A note is not a re-review.
			noted := editCell(t, run2, tt.sheet, idA, flagColNote, "waiting for INPS", "noted")
			if r, _, _ := nextRun(t, tt.lang, noted); r.Review.Review(idA).State != review.StateChanged {
				t.Errorf("run 3 after a note: %+v", r.Review.Review(idA))
			}

			// A re-review: the user updates the review date, or the
			// decision, in run 2's workbook.
			for _, edit := range []struct {
				name     string
				col      int
				v        any
				decision string
			}{
				{"date", flagColDate, date(2021, 3, 1), review.Confirmed},
				{"decision", flagColDecision, tt.unsure, review.Unsure},
			} {
				rereviewed := editCell(t, run2, tt.sheet, idA, edit.col, edit.v, "rereviewed-"+edit.name)
				r, _, f := nextRun(t, tt.lang, rereviewed)
				fr := r.Review.Review(idA)
				if fr.State != review.StateUnchanged || fr.Decision.Decision != edit.decision || !fr.Decision.RecoveryEUR.Equal(d("2500")) ||
					fr.Decision.OverlapMonths != 5 {
					t.Errorf("run 3 after the %s was updated: %+v, decision %+v", edit.name, fr, fr.Decision)
				}
				if got := cell(f, flagColState); got != tt.unchanged {
					t.Errorf("run 3 after the %s was updated: state cell %q", edit.name, got)
				}
				if edit.name == "date" {
					if fr.Decision.ReviewDate != date(2021, 3, 1) {
						t.Errorf("review date = %s", fr.Decision.ReviewDate)
					}
					s := summaryValues(t, f, newTranslator(tt.lang).t("Summary"))
					if _, shown := s[tt.summaryChanged]; s[tt.summaryConfirmed] != "2500" || shown {
						t.Errorf("run 3 summary after re-review: confirmed %q, changed line shown %v", s[tt.summaryConfirmed], shown)
					}
				}
			}
		})
	}
}

// checkReviewedColumnsHiddenAndLocked: the reviewed figures are computed
// cells (locked) and hidden so that the sheet reads as before.
func checkReviewedColumnsHiddenAndLocked(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	for col := 1; col <= len(flagHeaders); col++ {
		visible, err := f.GetColVisible(sheet, colName(col))
		if err != nil {
			t.Fatal(err)
		}
		if want := col <= flagColReviewed; visible != want {
			t.Errorf("column %s (%s) visible = %v, want %v", colName(col), flagHeaders[col-1], visible, want)
		}
	}
	for col := flagColReviewed + 1; col <= len(flagHeaders); col++ {
		id, _ := f.GetCellStyle(sheet, colName(col)+"2")
		st, _ := f.GetStyle(id)
		if st.Protection != nil && !st.Protection.Locked {
			t.Errorf("%s2 (%s) is unlocked: the reviewed figures must be protected", colName(col), flagHeaders[col-1])
		}
	}
}
