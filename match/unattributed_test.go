package match

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// TestWhyNamesTheFirstObstacle: every unattributed payment carries why,
// and the suspects it could belong to when a shared value stopped it.
func TestWhyNamesTheFirstObstacle(t *testing.T) {
	suspects, ids := attribSuspects()
	// S7 and S8 share a tax code: a row naming it belongs to one of them.
	shared := "MRNNDR76A28D969G"
	suspects = append(suspects,
		ledger.Suspect{ID: "S7", TaxCode: shared, Surname: "Marino", Name: "Andrea", Ref: ledger.Ref{Path: "suspects.csv", Row: 9}},
		ledger.Suspect{ID: "S8", TaxCode: shared, Surname: "Marini", Name: "Andrea", Ref: ledger.Ref{Path: "suspects.csv", Row: 10}})
	a, _ := NewAttributor(suspects, ids)
	tests := []struct {
		name       string
		p          ledger.Payment
		reason     Reason
		value      string
		candidates []string
	}{
		{"unknown suspect column", ledger.Payment{Suspect: "S42", Payee: "nobody"}, ReasonUnknownSuspect, "S42", nil},
		{"unknown file suspect", ledger.Payment{FileSuspect: "X1"}, ReasonUnknownFileSuspect, "X1", nil},
		{"tax code of two", ledger.Payment{Suspect: " " + shared + " "}, ReasonSharedReference, shared, []string{"S7", "S8"}},
		{"shared account", ledger.Payment{PayeeAccount: "AT61 1904 3002 3457 3201"}, ReasonSharedAccount, "AT61 1904 3002 3457 3201", []string{"S1", "S2"}},
		{"shared identifier as payee", ledger.Payment{Payee: ibanShared}, ReasonSharedIdentifier, ibanShared, []string{"S1", "S2"}},
		{"shared name", ledger.Payment{Payee: "Anna D'Angelo"}, ReasonSharedName, "Anna D'Angelo", []string{"S3", "S6"}},
		{"nothing to go by", ledger.Payment{Payer: "someone"}, ReasonNoHolder, "", nil},
		{"no match", ledger.Payment{Payee: "Someone Else", PayeeAccount: "IT02L1234512345123456789012"}, ReasonNoMatch, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if id, _, _ := a.Attribute(&tt.p); id != "" {
				t.Fatalf("attributed to %s", id)
			}
			got := a.Why(&tt.p)
			if got.Reason != tt.reason || got.Value != tt.value || !slices.Equal(got.Candidates, tt.candidates) {
				t.Errorf("Why = %+v, want %s %q %v", got, tt.reason, tt.value, tt.candidates)
			}
		})
	}
}
