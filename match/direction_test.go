package match

import (
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// An outgoing row is attributed by its paying side when no payee rule
// applies; a refund never is (its payer is the customer refunded, who may
// share a suspect's name).
func TestPayerSideAttributesOutgoingRowsOnly(t *testing.T) {
	a, _ := NewAttributor([]ledger.Suspect{{ID: "S1", Surname: "Rossi", Name: "Mario"}},
		[]ledger.Identifier{{Suspect: "S1", Kind: ledger.IdentEmail, Value: "mario.rossi@example.com"}})
	for _, c := range []struct {
		dir  ledger.Direction
		want string
		rule ledger.Rule
	}{
		{ledger.DirOutgoing, "S1", ledger.RulePayerAccount},
		{ledger.DirRefund, "", ledger.RuleNone},
		{ledger.DirIncoming, "", ledger.RuleNone},
	} {
		p := ledger.Payment{Direction: c.dir, Payer: "Rossi Mario", PayerAccount: "mario.rossi@example.com", PayeeAccount: "shop@example.net"}
		if id, rule, _ := a.Attribute(&p); id != c.want || rule != c.rule {
			t.Errorf("%s: attributed to %q by %q; want %q by %q", c.dir, id, rule, c.want, c.rule)
		}
	}
}
