package review

import (
	"testing"

	"github.com/crosscheck/crosscheck/match"
)

// TestStandingFollowsTheDecisionOnUnchangedEvidence: only a decision on
// the figures as they are now counts; anything else awaits a person.
func TestStandingFollowsTheDecisionOnUnchangedEvidence(t *testing.T) {
	conf := flag("S001", "A1", match.ClassExact, 6, 4, "3000.00", "2000.00", "400.00")
	rej := flag("S002", "A2", match.ClassPossible, 3, 1, "900.00", "300.00", "40.00")
	uns := flag("S003", "A3", match.ClassProbable, 2, 2, "500.00", "500.00", "10.00")
	confChanged := flag("S004", "A4", match.ClassExact, 2, 2, "500.00", "500.00", "10.00")
	rejChanged := flag("S005", "A5", match.ClassExact, 2, 2, "500.00", "500.00", "10.00")
	fresh := flag("S006", "A6", match.ClassExact, 1, 1, "10.00", "10.00", "1.00")
	decisions := []Decision{
		decided(conf, Confirmed, "old.xlsx", 2), decided(rej, Rejected, "old.xlsx", 3), decided(uns, Unsure, "old.xlsx", 4),
		decided(confChanged, Confirmed, "old.xlsx", 5), decided(rejChanged, Rejected, "old.xlsx", 6),
	}
	confChanged.RecoveryEUR = dec("600.00")
	rejChanged.OverlapMonths = monthsFrom(1)
	out, _ := Apply([]match.BenefitFlag{conf, rej, uns, confChanged, rejChanged, fresh}, decisions)
	tests := []struct {
		f        match.BenefitFlag
		standing Standing
		status   string
	}{
		{conf, StandingConfirmed, "confirmed"},
		{rej, StandingRejected, "rejected"},
		{uns, StandingOpen, "unsure"},
		{confChanged, StandingOpen, "review again"},
		{rejChanged, StandingOpen, "review again"},
		{fresh, StandingOpen, "to review"},
	}
	for _, tt := range tests {
		fr := out.Review(tt.f.ID)
		if got := fr.Standing(); got != tt.standing {
			t.Errorf("%s: standing %s, want %s", tt.f.ID, got, tt.standing)
		}
		if got := fr.Status(); got != tt.status {
			t.Errorf("%s: status %q, want %q", tt.f.ID, got, tt.status)
		}
	}
}
