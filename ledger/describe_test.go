package ledger

import (
	"fmt"
	"reflect"
	"testing"
)

// TestDescribeMatchesPost: Describe converts and attributes every row as
// Post does for the rows Post keeps, and converts duplicates too (Post
// leaves them unconverted), without touching counts or totals.
func TestDescribeMatchesPost(t *testing.T) {
	ps := generatePayments(3000, 7)
	posted := newTestLedger(testSuspects, testRates(), testAttr)
	described := New(testSuspects, testRates(), Options{})
	dups := 0
	for i := range ps {
		want, wantIssues := posted.Post(&ps[i], nil)
		var got Entry
		var a Attribution
		a.Suspect, a.Rule, a.By = testAttr.Attribute(&ps[i])
		gotIssues := described.Describe(&got, &ps[i], a, nil)
		if got.Status != EntryOK || got.DuplicateOf != (Ref{}) {
			t.Fatalf("row %d: Describe set status %q", i, got.Status)
		}
		if want.Status == EntryDuplicate {
			dups++
			if got.HasEUR != (got.Currency == "EUR" || described.rates.Has(got.Currency)) && got.HasEUR {
				t.Fatalf("row %d: duplicate not converted", i)
			}
			continue
		}
		// A conflict's issue comes first in Post's issues.
		if want.Status == EntryConflict {
			wantIssues = wantIssues[1:]
		}
		want.Status, want.DuplicateOf = EntryOK, Ref{}
		if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) || (len(gotIssues) > 0 || len(wantIssues) > 0) && !reflect.DeepEqual(gotIssues, wantIssues) {
			t.Fatalf("row %d:\n got %+v %+v\nwant %+v %+v", i, got, gotIssues, want, wantIssues)
		}
	}
	if dups == 0 {
		t.Fatal("no duplicate generated: the test proves nothing")
	}
	if p, _, _, d, _ := described.Counts(); p != 0 || d != 0 {
		t.Fatalf("Describe counted rows: payments %d, duplicates %d", p, d)
	}
}

// FuzzDuplicateKeyMatchesFingerprint: two references have the same text
// key exactly when the duplicate check fingerprints them alike, so a SQL
// engine grouping by the text finds the ledger's duplicates.
func FuzzDuplicateKeyMatchesFingerprint(f *testing.F) {
	f.Add("TX-1", "tx-1", "EUR", "eur")
	f.Add("ß", "SS", "EUR", "EUR")
	f.Add("\u212a", "k", "USD", "usd ")
	f.Add(" abc ", "ABC", "", "EUR")
	f.Add("Σς", "σΣ", "BTC", "BTC")
	f.Add("\xff", "\xfe", "EUR", "EUR")
	f.Add("\xff", `\xFF`, "EUR", "EUR")
	f.Add(`a\b`, `a\\b`, "EUR", "EUR")
	f.Add("a b", "a  b", "EUR", "EUR")
	f.Fuzz(func(t *testing.T, a, b, ca, cb string) {
		pa := Payment{Reference: a, Currency: ca}
		pb := Payment{Reference: b, Currency: cb}
		ta, oka := DuplicateKey(&pa)
		tb, okb := DuplicateKey(&pb)
		ha, hoka := referenceKey(ca, a)
		hb, hokb := referenceKey(cb, b)
		if oka != hoka || okb != hokb {
			t.Fatalf("ok differs: %v/%v, %v/%v", oka, hoka, okb, hokb)
		}
		if !oka || !okb {
			return
		}
		if (ta == tb) != (ha == hb) {
			t.Fatalf("(%q,%q) and (%q,%q): keys %q %q equal=%v, fingerprints equal=%v", ca, a, cb, b, ta, tb, ta == tb, ha == hb)
		}
	})
}
