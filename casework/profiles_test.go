package casework

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
)

var updateProfiles = flag.Bool("update", false, "rewrite the golden files")

// The suspects, accounts and rates the profile cases share (synthetic).
const profileSuspects = `Id indagato,Cognome,Nome,Email,IBAN,Wallet
S1,Rossi,Mario,mario.rossi@example.com,IT60X0542811101000000123456,0x52908400098527886E0F7030069857D2E4169EE7
S2,Gallo,Anna,anna.gallo@example.org,,TQqeidXb4nVbQ7yvcYaFNfoUtkJC3yBF1D; 0x27b1fdb04752bbc536007a920d24acb045561c26
S3,Fontana,Elisa,,,bc1qvyq0cc6rahyvsazfdje0twl7ez82ndmuac2lhv
`

func profileRates() (ecb, crypto string) {
	var e, c strings.Builder
	e.WriteString("Date,USD,GBP,\n")
	c.WriteString("date,currency,eur_per_unit\n")
	for d := time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC); d.Month() < 11; d = d.AddDate(0, 0, 1) {
		day := d.Format("2006-01-02")
		fmt.Fprintf(&e, "%s,1.1700,0.9100,\n", day)
		for _, p := range []string{"BTC,9700", "ETH,310", "USDT,0.85", "DOT,3.5"} {
			fmt.Fprintf(&c, "%s,%s\n", day, p)
		}
	}
	return e.String(), c.String()
}

// Each built-in profile's export, run as a case: the golden file holds
// the rows counted per direction, each suspect's income and the EUR
// totals (go test ./casework -run TestProfileCases -update).
func TestProfileCases(t *testing.T) {
	cases := []struct {
		file, suspect string
	}{
		{"paypal_us.csv", ""}, {"paypal_uk.csv", "S1"}, {"paypal_it.csv", ""},
		{"intesa_movimenti.xlsx", "S1"}, {"intesa_operazioni.xlsx", "S2"}, {"unicredit.csv", "S1"},
		{"etherscan.csv", ""}, {"etherscan_tokens.csv", ""}, {"tronscan_trc20.csv", ""},
		{"blockchair_outputs.tsv", ""}, {"binance.csv", "S1"}, {"coinbase.csv", "S1"},
		{"kraken_ledgers.csv", "S1"}, {"revolut.csv", "S1"}, {"n26.csv", "S1"}, {"wise.csv", "S1"},
	}
	ecb, crypto := profileRates()
	var b strings.Builder
	for _, c := range cases {
		export, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "profiles", c.file))
		if err != nil {
			t.Fatal(err)
		}
		input := c.file
		if c.suspect != "" {
			input = fmt.Sprintf("{path: %s, suspect: %s}", c.file, c.suspect)
		}
		cs := writeCase(t, map[string]string{
			"case.yaml":    "case: profiles\nreport_date: 2020-10-31\nsuspects: [suspects.csv]\nrates: [ecb.csv, crypto.csv]\npayments: [" + input + "]\n",
			"suspects.csv": profileSuspects,
			"ecb.csv":      ecb,
			"crypto.csv":   crypto,
			c.file:         string(export),
		})
		fmt.Fprintf(&b, "== %s", c.file)
		if c.suspect != "" {
			fmt.Fprintf(&b, " (suspect: %s)", c.suspect)
		}
		b.WriteString("\n")
		b.WriteString(profileCaseSummary(t, cs))
	}
	goldenFile(t, filepath.Join("testdata", "profiles.golden"), b.String())
}

func profileCaseSummary(t *testing.T, c *casefile.Case) string {
	t.Helper()
	res, err := Run(c, Options{Version: "test", TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	r := res.Report
	var b strings.Builder
	d := r.Directions
	fmt.Fprintf(&b, "rows: incoming %d, outgoing %d, refund %d, not a payment %d; rejected %d\n",
		d[ledger.DirIncoming], d[ledger.DirOutgoing], d[ledger.DirRefund], d[ledger.DirNotPayment], res.Rejected)
	for _, s := range r.Suspects {
		if s.Payments == 0 && s.Debits == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s: income EUR %s from %d payments, %d payers; outgoing %d, EUR %s\n",
			s.Suspect.ID, s.IncomeEUR.StringFixed(2), s.Payments, s.Payers, s.Debits, s.DebitsEUR.StringFixed(2))
	}
	fmt.Fprintf(&b, "attributed EUR %s; unattributed %d, EUR %s; no rate %d\n",
		r.AttributedEUR.StringFixed(2), r.UnattributedCount, r.UnattributedEUR.StringFixed(2), r.NoRateCount)
	return b.String()
}

func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *updateProfiles {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./casework -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs (go test ./casework -run %s -update, then review the diff):\n--- got\n%s--- want\n%s", path, t.Name(), got, want)
	}
}
