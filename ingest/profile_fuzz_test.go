package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
)

// FuzzProfileRead feeds arbitrary text after a known export's header (or
// in place of it): reading never panics, every row is accepted or
// rejected, and no row that is not a payment carries a refund's sign.
func FuzzProfileRead(f *testing.F) {
	for _, name := range []string{"paypal_us.csv", "unicredit.csv", "etherscan.csv", "tronscan_trc20.csv", "kraken_ledgers.csv", "coinbase.csv", "blockchair_outputs.tsv"} {
		src, err := os.ReadFile(filepath.Join("testdata", "profiles", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Add("Data Registrazione;Importo (EUR);\n31/02/2020;1.2.3;\n;;\n01/01/2020;-0,00;\n")
	f.Add("Txhash,UnixTimestamp,From,To,Value_IN(ETH),Value_OUT(ETH)\nx,99999999999999999999,a,b,1,1\n")
	f.Fuzz(func(t *testing.T, text string) {
		path := filepath.Join(t.TempDir(), "x.csv")
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		emitted := 0
		srcs, err := ReadPayments(Input{Path: path, Suspect: "S1"}, Options{}, func(p *ledger.Payment) error {
			emitted++
			if p.Direction != ledger.DirRefund && p.Amount.IsNegative() {
				t.Errorf("row %d: %s with a negative amount %s", p.Ref.Row, p.Direction, p.Amount)
			}
			if p.Direction > ledger.DirNotPayment {
				t.Errorf("row %d: direction %d", p.Ref.Row, p.Direction)
			}
			return nil
		})
		if err != nil {
			return // an unreadable file is an error, not a panic
		}
		for _, s := range srcs {
			if s.Rows != s.Accepted+s.Rejected {
				t.Errorf("rows %d != accepted %d + rejected %d", s.Rows, s.Accepted, s.Rejected)
			}
			if s.Accepted != emitted {
				t.Errorf("accepted %d, emitted %d", s.Accepted, emitted)
			}
		}
	})
}

// FuzzParseProfileDate: any text either fails or gives a real day.
func FuzzParseProfileDate(f *testing.F) {
	for _, s := range []string{"10/13/2020 18:30:00", "2020-10-13T23:30:00Z", "1602583200", "13-10-2020", "2020-10-13 09:00:00 UTC", "10/13/2020 10:20 PM", "2020-10-13 10:00:00 +05:30"} {
		f.Add(s, "mdy", "PDT")
	}
	f.Fuzz(func(t *testing.T, s, order, zone string) {
		switch order {
		case "dmy", "mdy", "ymd", "unix":
		default:
			order = "dmy"
		}
		d, err := parseProfileDate(s, order, nil, zone)
		if err == nil && (d.Hour() != 0 || d.Location() != time.UTC) {
			t.Errorf("%q: %v is not a day", s, d)
		}
	})
}

// FuzzPayerFromDescription: the payer found is part of the description.
func FuzzPayerFromDescription(f *testing.F) {
	for _, s := range []string{"BONIFICO A VOSTRO FAVORE DA ROSSI MARIO", "P2P DA GALLO ANNA", "MITT.: FONTANA ELISA BENEF.: X", "Payment from A", "BONIFICO DA  CAUSALE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := PayerFromDescription(s)
		if got != "" && !strings.Contains(strings.Join(strings.Fields(s), " "), got) {
			t.Errorf("%q: payer %q is not in the text", s, got)
		}
	})
}
