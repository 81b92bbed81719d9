package casefile

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// The case file's layout names every kind once: a kind added to
// ledger.Kinds must get a section in the case.yaml crosscheck writes.
func TestCaseFileOrderCoversKinds(t *testing.T) {
	got := slices.Clone(SectionOrder)
	want := slices.Clone(ledger.Kinds)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("case file sections %v, want each of %v once", SectionOrder, ledger.Kinds)
	}
}
