package review

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/match"
)

func monthsFrom(n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = time.Date(2020, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC)
	}
	return out
}

func flag(suspect, app string, class match.Class, months, overlap int, benefit, recovery, income string) match.BenefitFlag {
	return match.BenefitFlag{ID: match.FlagID(suspect, app), Suspect: suspect, Application: app, Class: class,
		Months: monthsFrom(months), OverlapMonths: monthsFrom(overlap), BenefitEUR: dec(benefit),
		RecoveryEUR: dec(recovery), IncomeDuringEUR: dec(income)}
}

// decided is the decision a reviewer took on f as it was then.
func decided(f match.BenefitFlag, decision, source string, row int) Decision {
	return Decision{FlagID: f.ID, Suspect: f.Suspect, Application: f.Application, Decision: decision, Reviewer: "R",
		Class: string(f.Class), MonthsPaid: len(f.Months), OverlapMonths: len(f.OverlapMonths), BenefitEUR: f.BenefitEUR,
		RecoveryEUR: f.RecoveryEUR, IncomeDuringEUR: f.IncomeDuringEUR, Source: source, Sheet: "Benefit flags", Row: row}
}

func TestApplyStates(t *testing.T) {
	a := flag("S001", "A1", match.ClassProbable, 6, 4, "3000.00", "1224.80", "407.46")
	b := flag("S002", "A7", match.ClassPossible, 3, 1, "1120.40", "280.10", "45.50")
	gone := flag("S003", "A9", match.ClassExact, 2, 2, "500.00", "500.00", "10.00")
	decisions := []Decision{decided(a, Confirmed, "old.xlsx", 2), decided(b, Rejected, "old.xlsx", 3), decided(gone, Unsure, "old.xlsx", 4)}

	aNow := flag("S001", "A1", match.ClassExact, 8, 5, "3000.00", "1530.00", "407.46")
	fresh := flag("S004", "A12", match.ClassExact, 1, 1, "10.00", "10.00", "1.00")
	out, issues := Apply([]match.BenefitFlag{aNow, b, fresh}, decisions)

	tests := []struct {
		id       string
		state    State
		decision string
		changes  []string
	}{
		{a.ID, StateChanged, Confirmed, []string{"class probable → exact", "months paid 6 → 8", "overlap months 4 → 5", "recovery EUR 1224.80 → 1530.00"}},
		// A rejected flag whose evidence did not change is not new again.
		{b.ID, StateUnchanged, Rejected, nil},
		{fresh.ID, StateNew, "", nil},
	}
	for _, tt := range tests {
		fr, ok := out.Flags[tt.id]
		if !ok {
			t.Fatalf("%s missing from outcome", tt.id)
		}
		if fr.State != tt.state || !slices.Equal(fr.Changes, tt.changes) {
			t.Errorf("%s: state %s changes %q; want %s %q", tt.id, fr.State, fr.Changes, tt.state, tt.changes)
		}
		got := ""
		if fr.Decision != nil {
			got = fr.Decision.Decision
		}
		if got != tt.decision {
			t.Errorf("%s: decision %q, want %q", tt.id, got, tt.decision)
		}
	}
	if len(out.Flags) != 3 {
		t.Errorf("%d flag reviews, want 3", len(out.Flags))
	}
	if len(out.Withdrawn) != 1 || out.Withdrawn[0].FlagID != gone.ID || out.Withdrawn[0].Decision != Unsure {
		t.Errorf("withdrawn = %+v", out.Withdrawn)
	}
	if len(out.Log) != 3 || out.Log[0].FlagID != a.ID || out.Log[2].FlagID != gone.ID {
		t.Errorf("log = %+v", out.Log)
	}
	if len(issues) != 1 || issues[0].Value != gone.ID || issues[0].Row != 4 || issues[0].Path != "old.xlsx" ||
		!strings.Contains(issues[0].Msg.String(), "no longer arises (decision unsure by R)") {
		t.Errorf("issues = %+v", issues)
	}
}

func TestApplyLaterWorkbookWins(t *testing.T) {
	a := flag("S001", "A1", match.ClassExact, 6, 4, "3000.00", "1224.80", "407.46")
	first := decided(a, Unsure, "run1.xlsx", 2)
	same := decided(a, Unsure, "run2.xlsx", 5)     // carried unchanged: not a conflict
	later := decided(a, Confirmed, "run3.xlsx", 7) // a person changed it
	out, issues := Apply([]match.BenefitFlag{a}, []Decision{first, same, later})
	fr := out.Flags[a.ID]
	if fr.Decision == nil || fr.Decision.Decision != Confirmed || fr.Decision.Source != "run3.xlsx" {
		t.Errorf("kept %+v", fr.Decision)
	}
	if len(issues) != 1 || issues[0].Path != "run3.xlsx" || !strings.Contains(issues[0].Msg.String(), "run2.xlsx row 5") {
		t.Errorf("issues = %+v", issues)
	}
	if len(out.Log) != 1 || out.Log[0].Source != "run3.xlsx" {
		t.Errorf("log = %+v", out.Log)
	}
}

func TestApplyWithoutDecisionsEveryFlagIsNew(t *testing.T) {
	a := flag("S001", "A1", match.ClassExact, 6, 4, "3000.00", "1224.80", "407.46")
	out, issues := Apply([]match.BenefitFlag{a}, nil)
	if len(issues) != 0 || out.Flags[a.ID].State != StateNew || len(out.Withdrawn) != 0 {
		t.Errorf("outcome %+v issues %+v", out, issues)
	}
	var none *Outcome
	if none.Review("x").State != StateNew {
		t.Error("a nil outcome should report every flag as new")
	}
}

func BenchmarkApply(b *testing.B) {
	const n = 100_000
	flags := make([]match.BenefitFlag, n)
	decisions := make([]Decision, 0, n)
	for i := range flags {
		flags[i] = flag(fmt.Sprintf("S%06d", i), fmt.Sprintf("A%06d", i), match.ClassExact, 6, 4, "3000.00", "1224.80", "407.46")
		if i%2 == 0 {
			decisions = append(decisions, decided(flags[i], Confirmed, "old.xlsx", i+2))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		Apply(flags, decisions)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "flags/s")
}
