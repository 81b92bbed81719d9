package reports

import (
	"bytes"
	"encoding/json"
	"github.com/crosscheck/crosscheck/result"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
)

// TestUnattributedRowsSayWhy: the Unattributed sheet gives each row its
// reason and candidate suspects (with their names), in the report's
// language; the JSON groups the reasons with their counts.
func TestUnattributedRowsSayWhy(t *testing.T) {
	why := match.Unattributed{Reason: match.ReasonSharedName, Value: "Luca Bianchi", Candidates: []string{"S001", "S002"}}
	for _, tt := range []struct{ lang, sheet, short, reason, candidates string }{
		{"en", "Unattributed", "payee name of several suspects", "payee name Luca Bianchi is the name of more than one suspect", "S001 ROSSI MARIO; S002 BIANCHI LUCA"},
		{"it", "Non attribuiti", "nome di più indagati (omonimi)", "il beneficiario Luca Bianchi ha lo stesso nome di più indagati (omonimi)", "S001 ROSSI MARIO; S002 BIANCHI LUCA"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			r := testReport(tt.lang)
			r.Explain = func(*ledger.Entry) match.Unattributed { return why }
			r.Unattributed = []result.UnattributedGroup{{Why: why, Payments: r.UnattributedCount, EUR: r.UnattributedEUR}}
			_, f := writeBook(t, r)
			rows, _ := f.GetRows(tt.sheet)
			if len(rows) < 2 || len(rows[1]) < len(unattribHeaders) {
				t.Fatalf("rows = %q", rows)
			}
			if got := rows[1][unattribPaymentCols]; got != tt.short {
				t.Errorf("reason = %q, want %q", got, tt.short)
			}
			if got := rows[1][unattribPaymentCols+1]; got != tt.candidates {
				t.Errorf("candidates = %q, want %q", got, tt.candidates)
			}
			var buf bytes.Buffer
			if err := WriteJSON(&buf, r); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Unattributed struct {
					ByReason []struct {
						Reason, Value, Message string
						MessageIT              string `json:"message_it"`
						Candidates             []string
						Payments               int
						EUR                    string
					} `json:"by_reason"`
				} `json:"unattributed"`
			}
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			g := doc.Unattributed.ByReason
			// The JSON keeps the English message; an Italian report adds
			// the Italian beside it.
			en, it := "payee name Luca Bianchi is the name of more than one suspect", ""
			if tt.lang == "it" {
				it = tt.reason
			}
			if len(g) != 1 || g[0].Reason != "shared_name" || g[0].Message != en || g[0].MessageIT != it || len(g[0].Candidates) != 2 || g[0].Payments != r.UnattributedCount {
				t.Errorf("by_reason = %+v", g)
			}
		})
	}
}
