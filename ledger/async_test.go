package ledger

import (
	"fmt"
	"testing"
	"time"
)

// TestBookAsyncGivesTheSameTotals: bookkeeping on its own goroutine gives
// exactly the figures of the synchronous ledger, and Span and
// IncomeInMonth wait for it.
func TestBookAsyncGivesTheSameTotals(t *testing.T) {
	entries := generatePayments(20000, 11)
	run := func(async bool) (string, time.Time) {
		l := newTestLedger(testSuspects, testRates(), testAttr)
		if async {
			l.bookAsync()
		}
		for i := range entries {
			l.Post(&entries[i], nil)
		}
		first, _, _ := l.Span(testSuspects[0].ID)
		totals, cycles := l.Totals()
		n, un := l.Unattributed()
		return fmt.Sprintf("%+v %v %d %s", totals, cycles, n, un), first
	}
	want, wantFirst := run(false)
	got, gotFirst := run(true)
	if got != want || !gotFirst.Equal(wantFirst) {
		t.Fatalf("async totals differ from sync ones")
	}
}
