package review

import (
	"testing"
)

// The header of a workbook that carries the reviewed figures, in each
// language: the current figures, the review cells, then the figures the
// carried decision was taken on.
var (
	enReviewedHeader = append(append([]any{}, enHeader...), "Reviewed class", "Reviewed months paid", "Reviewed benefit EUR",
		"Reviewed overlap months", "Reviewed recovery EUR", "Reviewed income during benefit EUR", "Reviewed decision", "Reviewed on")
	itReviewedHeader = append(append([]any{}, itHeader...), "Classe alla revisione", "Mensilità pagate alla revisione",
		"RdC percepito EUR alla revisione", "Mesi sovrapposti alla revisione", "Da recuperare EUR alla revisione",
		"Proventi durante il RdC EUR alla revisione", "Decisione alla revisione", "Cifre riviste il")
)

// TestLoadTakesReviewedFiguresWhileTheDecisionIsUntouched: the figures
// beside a carried decision are what was reviewed only if a person took
// the decision again (changed it or its date); otherwise the hidden
// "Reviewed ..." columns are.
func TestLoadTakesReviewedFiguresWhileTheDecisionIsUntouched(t *testing.T) {
	jan15, jan20 := 44211.0, 44216.0 // 2021-01-15 and 2021-01-20 as Excel date cells
	// The current figures: 8 months, recovery 2500; reviewed on 6 months, recovery 2000.
	current := []any{"F-1", "S001", "A1", "exact", 8, 4000, 5, 2500, 500, "to review", "changed"}
	reviewed := []any{"probable", 6, 3000, 4, 2000, 407.46}
	row := func(header []any, decision string, date any, note string, carriedDecision string, carriedDate any) []any {
		r := append(append([]any{}, current...), decision, "M. Bianco", date, note)
		if len(header) > len(enHeader) {
			if carriedDecision == "" && carriedDate == nil {
				r = append(r, nil, nil, nil, nil, nil, nil, nil, nil)
			} else {
				r = append(append(r, reviewed...), carriedDecision, carriedDate)
			}
		}
		return r
	}
	type figures struct {
		class           string
		months, overlap int
		recovery        string
	}
	now, then := figures{"exact", 8, 5, "2500"}, figures{"probable", 6, 4, "2000"}
	tests := []struct {
		name, sheet string
		header      []any
		row         []any
		want        figures
	}{
		{"untouched", "Benefit flags", enReviewedHeader, row(enReviewedHeader, "confirmed", jan15, "ok", "confirmed", jan15), then},
		{"only the note edited", "Benefit flags", enReviewedHeader, row(enReviewedHeader, "confirmed", jan15, "INPS called back", "confirmed", jan15), then},
		{"review date updated", "Benefit flags", enReviewedHeader, row(enReviewedHeader, "confirmed", jan20, "ok", "confirmed", jan15), now},
		{"review date typed", "Benefit flags", enReviewedHeader, row(enReviewedHeader, "confirmed", "20/01/2021", "ok", "confirmed", jan15), now},
		{"review date cleared", "Benefit flags", enReviewedHeader, row(enReviewedHeader, "confirmed", nil, "ok", "confirmed", jan15), now},
		{"decision changed", "Benefit flags", enReviewedHeader, row(enReviewedHeader, "rejected", jan15, "ok", "confirmed", jan15), now},
		{"first decision on the row", "Benefit flags", enReviewedHeader, row(enReviewedHeader, "confirmed", jan15, "", "", nil), now},
		{"undated decision untouched", "Benefit flags", enReviewedHeader, row(enReviewedHeader, "unsure", nil, "", "unsure", nil), then},
		{"italian untouched", "Segnalazioni RdC", itReviewedHeader, row(itReviewedHeader, "confermata", jan15, "", "confermata", jan15), then},
		{"italian decision changed", "Segnalazioni RdC", itReviewedHeader, row(itReviewedHeader, "respinta", jan15, "", "confermata", jan15), now},
		{"workbook without reviewed columns", "Benefit flags", enHeader, row(enHeader, "confirmed", jan15, "", "", nil), now},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, issues := Load(writeBook(t, tt.sheet, tt.header, tt.row))
			if len(issues) != 0 || len(got) != 1 {
				t.Fatalf("decisions %+v issues %+v", got, issues)
			}
			g := got[0]
			if g.Class != tt.want.class || g.MonthsPaid != tt.want.months || g.OverlapMonths != tt.want.overlap || !g.RecoveryEUR.Equal(dec(tt.want.recovery)) {
				t.Errorf("figures read as reviewed: class %s months %d overlap %d recovery %s, want %+v",
					g.Class, g.MonthsPaid, g.OverlapMonths, g.RecoveryEUR, tt.want)
			}
		})
	}
}
