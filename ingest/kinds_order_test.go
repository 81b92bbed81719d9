package ingest

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// Classification tries every kind once: a kind added to ledger.Kinds
// must get a place among the tie-breaks.
func TestClassifyOrderCoversKinds(t *testing.T) {
	got := slices.Clone(classifyOrder)
	want := slices.Clone(ledger.Kinds)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("classify order %v, want each of %v once", classifyOrder, ledger.Kinds)
	}
}
