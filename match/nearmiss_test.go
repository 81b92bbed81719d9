package match

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// swap exchanges the characters at i and i+1.
func swap(s string, i int) string {
	b := []byte(s)
	b[i], b[i+1] = b[i+1], b[i]
	return string(b)
}

func TestNearMisses(t *testing.T) {
	const (
		iban    = "IT60X0542811101000000123456"
		ibanDE  = "DE89370400440532013000"
		card    = "4111111111111111"
		card2   = "5555555555554444"
		bech    = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
		email   = "mario.rossi@example.org"
		shortID = "AB12CD"
	)
	suspects := []ledger.Suspect{
		{ID: "S1", Surname: "Rossi", Name: "Mario", Identifiers: []ledger.Identifier{
			{Kind: ledger.IdentIBAN, Value: "IT60 X054 2811 1010 0000 0123 456"}, {Kind: ledger.IdentCard, Value: card}, {Kind: ledger.IdentCard, Value: card2},
			{Kind: ledger.IdentEmail, Value: email}, {Kind: ledger.IdentAccount, Value: shortID}}},
		{ID: "S2", Surname: "Bianchi", Name: "Luca", Identifiers: []ledger.Identifier{
			{Kind: ledger.IdentWallet, Value: bech}, {Kind: ledger.IdentWallet, Value: walletBianchi}, {Kind: ledger.IdentIBAN, Value: ibanDE}}},
	}
	a, _ := NewAttributor(suspects, nil)
	tests := []struct {
		name    string
		account string
		payee   string
		suspect string // "" when not a near miss
		how     string
		near    string
	}{
		{"IBAN check digits", "IT61X0542811101000000123456", "", "S1", "check digits", "IT60 X054 2811 1010 0000 0123 456"},
		{"IBAN CIN", "it60 y054 2811 1010 0000 0123 456", "", "S1", "check digits", "IT60 X054 2811 1010 0000 0123 456"},
		{"IBAN check digits and CIN", "IT07Y0542811101000000123456", "", "S1", "check digits", "IT60 X054 2811 1010 0000 0123 456"},
		{"IBAN account digits swapped", swap(iban, 20), "", "S1", "swapped characters", "IT60 X054 2811 1010 0000 0123 456"},
		{"German IBAN check digits", "DE88370400440532013000", "", "S2", "check digits", ibanDE},
		{"card last digit", "4111 1111 1111 1112", "", "S1", "check digits", card},
		{"card digits swapped", swap(card2, 11), "", "S1", "swapped characters", card2},
		{"bech32 checksum", bech[:len(bech)-6] + "qqqqqq", "", "S2", "check digits", bech},
		{"ETH swapped", swap(strings.ToLower(walletBianchi), 10), "", "S2", "swapped characters", walletBianchi},
		{"e-mail as payee, swapped", "", swap(email, 2), "S1", "swapped characters", email},
		{"exact IBAN is attributed, not near", iban, "", "", "", ""},
		{"two swaps are not near", swap(swap(iban, 5), 20), "", "", "", ""},
		{"a different account", "IT02A0301503200000003517230", "", "", "", ""},
		{"short identifiers are not compared", swap(shortID, 2), "", "", "", ""},
		{"a name with spaces is not compared", "", "Rossi Mraio", "", "", ""},
		{"an IBAN differing elsewhere by one digit", "IT60X0542811101000000123457", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ledger.Payment{PayeeAccount: tt.account, Payee: tt.payee}
			id, _, _ := a.Attribute(&p)
			why := a.Why(&p)
			if tt.suspect == "" {
				if why.Reason == ReasonNearMiss {
					t.Errorf("near miss found: %+v", why)
				}
				return
			}
			if id != "" {
				t.Fatalf("a near miss was attributed to %s", id)
			}
			if why.Reason != ReasonNearMiss || len(why.Candidates) != 1 || why.Candidates[0] != tt.suspect || why.NearHow != tt.how || why.Near != tt.near {
				t.Fatalf("Why = %+v, want a near miss of %s's %s by %s", why, tt.suspect, tt.near, tt.how)
			}
			note := NearMissNote(why).String()
			for _, want := range []string{strings.TrimSpace(tt.account + tt.payee), tt.near, tt.suspect, "not attributed"} {
				if !strings.Contains(note, want) {
					t.Errorf("note %q lacks %q", note, want)
				}
			}
		})
	}
}

// The multiset hash is the same for any order of the same bytes, and
// differs for a changed byte.
func TestBagHash(t *testing.T) {
	if bagHash("IT60X054") != bagHash("TI06X540") || bagHash("IT60X054") == bagHash("IT60X055") || bagHash("ab") == bagHash("abc") {
		t.Error("bagHash")
	}
}

// NearMiss never finds the suspect's own identifier, never panics, and
// what it finds is one typo away.
func FuzzNearMiss(f *testing.F) {
	suspects := []ledger.Suspect{{ID: "S1", Surname: "Rossi", Name: "Mario", Identifiers: []ledger.Identifier{
		{Kind: ledger.IdentIBAN, Value: "IT60 X054 2811 1010 0000 0123 456"}, {Kind: ledger.IdentCard, Value: "5555555555554444"},
		{Kind: ledger.IdentWallet, Value: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"}, {Kind: ledger.IdentEmail, Value: "mario.rossi@example.org"}}}}
	a, _ := NewAttributor(suspects, nil)
	for _, s := range []string{"IT61X0542811101000000123456", "5555555555554445", "mario.rossi@exmaple.org", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8qqqqqq", "x", "IT60X0542811101000000123456"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		nm, ok := a.NearMiss(v)
		p := ledger.Payment{PayeeAccount: v}
		if id, _, _ := a.Attribute(&p); ok && id != "" {
			t.Fatalf("%q is attributed to %s and a near miss of %+v", v, id, nm)
		}
		if ok && (len(nm.IDs) != 1 || nm.IDs[0] != "S1" || nm.Value != strings.TrimSpace(v)) {
			t.Fatalf("%q: %+v", v, nm)
		}
	})
}
