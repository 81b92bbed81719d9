package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
)

// Each built-in profile reads its export, laid out as the real one is
// (testdata/profiles): the golden file lists every row as read, with its
// direction and reason, and the file's notes and rejections.
func TestProfilesReadTheirExports(t *testing.T) {
	want := map[string]string{
		"paypal_us.csv": "paypal-en", "paypal_uk.csv": "paypal-en", "paypal_it.csv": "paypal-it",
		"intesa_movimenti.xlsx": "intesa-movimenti", "intesa_operazioni.xlsx": "intesa-operazioni",
		"unicredit.csv": "unicredit", "etherscan.csv": "etherscan", "etherscan_tokens.csv": "etherscan-tokens",
		"tronscan_trc20.csv": "tronscan-trc20", "blockchair_outputs.tsv": "blockchair-outputs",
		"binance.csv": "binance", "coinbase.csv": "coinbase", "kraken_ledgers.csv": "kraken-ledgers",
		"revolut.csv": "revolut", "n26.csv": "n26", "wise.csv": "wise",
		"bitstamp.csv": "bitstamp", "bitstamp_rfc4180.csv": "bitstamp-rfc4180",
		"stripe_payments.csv": "stripe-payments", "satispay.csv": "satispay",
	}
	for file, profile := range want {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join("testdata", "profiles", file)
			got := dumpProfileRead(t, path, Input{Path: path, Suspect: "S1"})
			if !strings.Contains(got, "profile "+profile+"\n") {
				t.Errorf("%s not read with %s:\n%s", file, profile, got)
			}
			profileGolden(t, path+".golden", got)
		})
	}
	for _, p := range builtinProfiles {
		found := false
		for _, name := range want {
			found = found || name == p.Name
		}
		if !found {
			t.Errorf("profile %s has no fixture", p.Name)
		}
	}
}

func dumpProfileRead(t *testing.T, path string, in Input, profiles ...*Profile) string {
	t.Helper()
	var b strings.Builder
	var issues []ledger.Issue
	srcs, err := ReadPayments(in, Options{Profiles: profiles, Report: func(is ledger.Issue) { issues = append(issues, is) }}, func(p *ledger.Payment) error {
		fmt.Fprintf(&b, "row %d  %s  %s %s  %s", p.Ref.Row, p.Date.Format("2006-01-02"), p.Amount, p.Currency, p.Direction)
		if p.DirReason != "" {
			fmt.Fprintf(&b, " (%s)", p.DirReason)
		}
		fmt.Fprintf(&b, "\n    payer %q %q  payee %q %q  ref %q  channel %q\n", p.Payer, p.PayerAccount, p.Payee, p.PayeeAccount, p.Reference, p.Channel)
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, s := range srcs {
		fmt.Fprintf(&b, "source %s [%s] profile %s\nrows %d accepted %d rejected %d\n", filepath.Base(s.Path), s.Sheet, s.Profile, s.Rows, s.Accepted, s.Rejected)
	}
	for _, is := range issues {
		fmt.Fprintf(&b, "issue row %d %s %q: %s\n", is.Row, is.Column, is.Value, is.Msg.String())
	}
	return b.String()
}

func profileGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ingest -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs (go test ./ingest -update, then review the diff):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// A file whose header two profiles of the same weight match is not
// guessed: the message names both and how to choose.
func TestTwoProfilesMatchingIsAnError(t *testing.T) {
	a := &Profile{Name: "bank-a", Title: "Bank A", Signature: []string{"Date", "Amount"}, Columns: map[string]string{"date": "Date", "amount": "Amount"}}
	b := &Profile{Name: "bank-b", Title: "Bank B", Signature: []string{"Date", "Amount"}, Columns: map[string]string{"date": "Date", "amount": "Amount"}}
	path := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(path, []byte("Date,Amount\n2020-10-13,5.00\n"), 0o644)
	_, err := ReadPayments(Input{Path: path}, Options{Profiles: []*Profile{a, b}}, func(*ledger.Payment) error { return nil })
	if err == nil || !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "bank-a") || !strings.Contains(err.Error(), "bank-b") || !strings.Contains(err.Error(), "profile:") {
		t.Fatalf("err = %v; want both profiles named and how to choose", err)
	}
	// Named on the input, the choice is made.
	if _, err := ReadPayments(Input{Path: path, Profile: "bank-b"}, Options{Profiles: []*Profile{a, b}}, func(*ledger.Payment) error { return nil }); err != nil {
		t.Fatal(err)
	}
}

// A file that matches no profile and no generic layout says what was
// looked for.
func TestUnknownExportNamesWhatWasLookedFor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(path, []byte("Foo,Bar\n1,2\n"), 0o644)
	_, err := ReadPayments(Input{Path: path}, Options{}, func(*ledger.Payment) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "paypal-en") || !strings.Contains(err.Error(), "case file") {
		t.Fatalf("err = %v", err)
	}
	_, err = ReadPayments(Input{Path: path, Profile: "kraken-ledgers"}, Options{}, func(*ledger.Payment) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "txid") {
		t.Fatalf("forced profile: err = %v", err)
	}
}

func TestPayerFromDescription(t *testing.T) {
	for in, want := range map[string]string{
		"BONIFICO A VOSTRO FAVORE DA ROSSI MARIO":                      "ROSSI MARIO",
		"BONIFICO A VOSTRO FAVORE DA ROSSI MARIO CAUSALE: ABBONAMENTO": "ROSSI MARIO",
		"BONIFICO ISTANTANEO A VOSTRO FAVORE DA BIANCO MARCO CRO 123":  "BIANCO MARCO",
		"P2P DA GALLO ANNA": "GALLO ANNA",
		"BONIFICO SEPA ISTANTANEO MITT.: FONTANA ELISA BENEF.: ROSSI MARIO": "FONTANA ELISA",
		"MITT.: FONTANA ELISA": "FONTANA ELISA",
		"BONIFICO SEPA DA MARCO CARUSO CAUSALE: ABBONAMENTO 12 MESI": "MARCO CARUSO",
		"Payment from Verdi Giulia":                                  "Verdi Giulia",
		"PAGAMENTO POS 35,50 EUR DEL 05.10.2020 SUPERMERCATO":        "",
		"DISPOSIZIONE DI BONIFICO A FAVORE DI SERVER HOSTING SRL":    "",
		"": "",
	} {
		if got := PayerFromDescription(in); got != want {
			t.Errorf("PayerFromDescription(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseProfileDate(t *testing.T) {
	utc, _ := zoneByName("UTC")
	for _, c := range []struct {
		in, order string
		zone      *time.Location
		zoneText  string
		want      string
	}{
		{"10/13/2020", "mdy", nil, "", "2020-10-13"},
		{"10/01/2020", "mdy", nil, "", "2020-10-01"},
		{"01/10/2020", "dmy", nil, "", "2020-10-01"},
		{"2020-10-13 23:30:00", "ymd", utc, "", "2020-10-14"}, // 01:30 in Rome
		{"2020-10-13 21:30:00", "ymd", utc, "", "2020-10-13"},
		{"10/13/2020 18:30:00", "mdy", nil, "PDT", "2020-10-14"}, // 03:30 in Rome
		{"2020-10-13T23:30:00Z", "ymd", nil, "", "2020-10-14"},
		{"2020-10-13 09:00:00 UTC", "ymd", nil, "", "2020-10-13"},
		{"1602583200", "unix", nil, "", "2020-10-13"},
		{"1602626400000", "unix", nil, "", "2020-10-14"},
		{"13-10-2020", "dmy", nil, "", "2020-10-13"},
	} {
		got, err := parseProfileDate(c.in, c.order, c.zone, c.zoneText)
		if err != nil || got.Format("2006-01-02") != c.want {
			t.Errorf("parseProfileDate(%q, %s, %q) = %s, %v; want %s", c.in, c.order, c.zoneText, got.Format("2006-01-02"), err, c.want)
		}
	}
	for _, bad := range []string{"13/13/2020", "2020-02-30", "10/13", "yesterday"} {
		if _, err := parseProfileDate(bad, "mdy", nil, ""); err == nil {
			t.Errorf("parseProfileDate(%q) accepted", bad)
		}
	}
}

// A column where day-first and month-first dates both occur is not
// guessed, as in every table (dates.go): the dates that read either way
// are rejected citing a row of each kind, the others read as they prove.
func TestMixedDateOrderRejectsAmbiguousDates(t *testing.T) {
	src, _ := os.ReadFile(filepath.Join("testdata", "profiles", "paypal_us.csv"))
	lines := strings.Split(string(src), "\r\n")
	// Row 2 is 10/13/2020 (month first), row 3 now 13/10/2020 (day first),
	// row 4 the original 10/01/2020, which reads either way (18:40 PDT on
	// 13 October is the 14th in Rome).
	lines = append(lines[:2], append([]string{strings.Replace(lines[2], "10/01/2020", "13/10/2020", 1)}, lines[2:]...)...)
	path := filepath.Join(t.TempDir(), "mixed.csv")
	os.WriteFile(path, []byte(strings.Join(lines, "\r\n")), 0o644)
	days := map[int]string{}
	var rejected []ledger.Issue
	_, err := ReadPayments(Input{Path: path}, Options{Report: func(is ledger.Issue) {
		if is.Level == ledger.LevelRejected {
			rejected = append(rejected, is)
		}
	}}, func(p *ledger.Payment) error {
		days[p.Ref.Row] = p.Date.Format("2006-01-02")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if days[2] != "2020-10-13" || days[3] != "2020-10-14" {
		t.Errorf("rows proving their order: %v", days)
	}
	if _, ok := days[4]; ok || len(rejected) == 0 || rejected[0].Row != 4 {
		t.Fatalf("row 4 (10/01/2020) should be rejected: rejected %+v, days %v", rejected, days)
	}
	why := rejected[0].Msg.String()
	if !strings.Contains(why, "13/10/2020") || !strings.Contains(why, "10/13/2020") {
		t.Errorf("the reason should cite both orders: %s", why)
	}
}

func TestExchangeAssetCodes(t *testing.T) {
	for in, want := range map[string]string{"XXBT": "BTC", "XETH": "ETH", "ZEUR": "EUR", "ZUSD": "USD", "XXDG": "DOGE", "DOT.S": "DOT", "USDT": "USDT", "ETH2.S": "ETH"} {
		if got := exchangeAsset(in); got != want {
			t.Errorf("exchangeAsset(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every built-in profile is well formed, and no two share a name.
func TestBuiltinProfilesCheck(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range builtinProfiles {
		if err := p.Check(); err != nil {
			t.Error(err)
		}
		if seen[p.Name] {
			t.Errorf("two profiles named %s", p.Name)
		}
		seen[p.Name] = true
	}
}

// docs/directions.md describes every built-in profile.
func TestEveryProfileIsDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "directions.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range builtinProfiles {
		if !strings.Contains(string(doc), "| "+p.Name+" |") {
			t.Errorf("docs/directions.md does not describe the profile %s", p.Name)
		}
	}
}

// In a statement of the suspect's own account read by its headers, the
// payer named only in the description is the row's payer; a list of
// payments received keeps its (empty) payer column as it is.
func TestGenericStatementPayerFromDescription(t *testing.T) {
	path := filepath.Join(t.TempDir(), "estratto.csv")
	os.WriteFile(path, []byte("Data;Descrizione;Accrediti;Addebiti\n01/10/2020;BONIFICO SEPA DA MARCO CARUSO CAUSALE: ABBONAMENTO;240,00;\n02/10/2020;PRELIEVO BANCOMAT DA ATM;;100,00\n"), 0o644)
	for suspect, want := range map[string][]string{"S1": {"MARCO CARUSO", ""}, "": {"", ""}} {
		var got []string
		if _, err := ReadPayments(Input{Path: path, Suspect: suspect}, Options{}, func(p *ledger.Payment) error {
			got = append(got, p.Payer)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("suspect %q: payers %q, want %q", suspect, got, want)
		}
	}
}
