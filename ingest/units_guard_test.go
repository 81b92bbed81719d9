package ingest

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

func TestCryptoAmountsAreNotReadAsEUR(t *testing.T) {
	const tx = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
	const addr = "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"
	for _, tc := range []struct {
		name, text string
		reject     string // "" when the rows are read as EUR
		amount     string // the case file's column override, as the user would give it
	}{
		{"header names the coin", "Txhash,DateTime (UTC),From,To,Value_IN(ETH)\n" + tx + ",2020-10-13 10:00:00," + addr + "," + addr + ",0.5\n", "names ETH", "Value_IN(ETH)"},
		{"header names a base unit", "Data;Importo (satoshi);Causale\n13/10/2020;150000;x\n", "counts satoshi", ""},
		{"base units in a wallet export", "time\ttransaction_hash\tvalue\trecipient\n2020-10-13 10:00:00\t" + strings.Repeat("ab", 32) + "\t1500000\tbc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\n", "every amount is an integer of 5 or more digits", "value"},
		{"coin decimals", "Data,Importo,Beneficiario\n13/10/2020,0.00512345,Rossi\n14/10/2020,1.25000000,Rossi\n", "6 or more decimals", ""},
		{"large whole euros in a bank statement", "Data;Importo;Causale\n13/10/2020;15000;bonifico\n14/10/2020;20000;bonifico\n", "", ""},
		{"a currency column says it", "Txhash,Date,Value,Currency\n" + tx + ",2020-10-13,1500000,SAT\n", "unknown currency", "Value"},
		{"a currency column, coin", "Txhash,Date,Value,Currency\n" + tx + ",2020-10-13,0.015,BTC\n", "", "Value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "p.csv"
			if strings.Contains(tc.text, "\t") {
				name = "p.tsv"
			}
			var cols map[string]string
			if tc.amount != "" {
				cols = map[string]string{"amount": tc.amount}
			}
			c := readAll(func(in Input, opt Options, emit func(ledger.Payment) error) ([]ledger.Source, error) {
				return ReadPayments(in, opt, func(p *ledger.Payment) error { return emit(*p) })
			}, Input{Path: writeBytes(t, name, []byte(tc.text))}, cols)
			if c.err != nil {
				t.Fatal(c.err)
			}
			checkAccounting(t, c.sources)
			is := issueAt(c.issues, 2)
			if tc.reject == "" {
				if is != nil || len(c.rows) == 0 {
					t.Fatalf("rows %+v, issue %+v", c.rows, is)
				}
				return
			}
			if is == nil || !strings.Contains(is.Msg.String(), tc.reject) {
				t.Fatalf("issue %+v, want %q", is, tc.reject)
			}
			for _, p := range c.rows {
				if p.Currency == "EUR" {
					t.Fatalf("row %d read as EUR: %+v", p.Ref.Row, p)
				}
			}
		})
	}
}

func FuzzChainIDAndShape(f *testing.F) {
	for _, s := range []string{"0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "1.234,56", "-150000", "0.00512345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		looksLikeChainID(s)
		d, dec, _ := digitShape(s)
		if dec > d {
			t.Fatalf("%q: %d decimals of %d digits", s, dec, d)
		}
	})
}
