package casework

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/match"
	"github.com/shopspring/decimal"
)

// TestUnattributedPaymentsCarryTheirReason: the sample's unattributed
// payments are grouped by reason, the groups foot to the unattributed
// total, and the shared PayPal account names both suspects it belongs to.
func TestUnattributedPaymentsCarryTheirReason(t *testing.T) {
	c, err := casefile.Load(filepath.Join(sampleDir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rep := runSample(t, c).Report
	n, eur := 0, decimal.Zero
	var shared *match.Unattributed
	for _, g := range rep.Unattributed {
		n += g.Payments
		eur = eur.Add(g.EUR)
		if g.Why.Reason == match.ReasonSharedAccount {
			shared = &g.Why
		}
	}
	if n != rep.UnattributedCount || !eur.Equal(rep.UnattributedEUR) {
		t.Errorf("reasons cover %d payments, EUR %s; unattributed %d, EUR %s", n, eur, rep.UnattributedCount, rep.UnattributedEUR)
	}
	if shared == nil || !slices.Equal(shared.Candidates, []string{"S11", "S12"}) {
		t.Errorf("shared account reason = %+v, want candidates S11, S12 (groups %+v)", shared, rep.Unattributed)
	}
	// Each row of the sheet gets the same reason as its group.
	rows := 0
	for e := range rep.Entries {
		if e.Attrib != "" || !e.Counted() || e.Status == "duplicate" {
			continue
		}
		rows++
		if why := rep.Explain(&e); why.Reason == "" {
			t.Errorf("row %d of %s has no reason", e.Ref.Row, e.Ref.Path)
		}
	}
	if rows != rep.UnattributedCount {
		t.Errorf("%d unattributed rows, want %d", rows, rep.UnattributedCount)
	}
}
