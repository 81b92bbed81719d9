package ingest

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
)

type collected[T any] struct {
	rows    []T
	sources []ledger.Source
	issues  []ledger.Issue
	err     error
}

func readAll[T any](read func(Input, Options, func(T) error) ([]ledger.Source, error), in Input, cols map[string]string) collected[T] {
	var c collected[T]
	c.sources, c.err = read(in, Options{Columns: cols, Report: func(i ledger.Issue) { c.issues = append(c.issues, i) }}, func(v T) error {
		c.rows = append(c.rows, v)
		return nil
	})
	return c
}

func readPayments(in Input) collected[ledger.Payment] {
	var c collected[ledger.Payment]
	c.sources, c.err = ReadPayments(in, Options{Report: func(i ledger.Issue) { c.issues = append(c.issues, i) }}, func(p *ledger.Payment) error {
		c.rows = append(c.rows, *p)
		return nil
	})
	return c
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func checkAccounting(t *testing.T, srcs []ledger.Source) {
	t.Helper()
	for _, s := range srcs {
		if s.Rows != s.Accepted+s.Rejected || s.Duplicates != 0 {
			t.Errorf("%s#%s: rows %d != accepted %d + rejected %d", s.Path, s.Sheet, s.Rows, s.Accepted, s.Rejected)
		}
		if len(s.SHA256) != 64 {
			t.Errorf("%s: sha256 %q", s.Path, s.SHA256)
		}
	}
}

func issueAt(issues []ledger.Issue, row int) *ledger.Issue {
	for i := range issues {
		if issues[i].Row == row {
			return &issues[i]
		}
	}
	return nil
}

func TestBankStatementCreditDebitColumns(t *testing.T) {
	c := readPayments(Input{Path: "testdata/bank_statement_it.csv", Suspect: "S001"})
	if c.err != nil {
		t.Fatal(c.err)
	}
	checkAccounting(t, c.sources)
	src := c.sources[0]
	if src.Rows != 7 || src.Accepted != 5 || src.Rejected != 2 || src.Suspect != "S001" {
		t.Fatalf("source = %+v", src)
	}
	want := []struct {
		row    int
		day    string
		amount string
		debit  bool
	}{
		{6, "2020-10-01", "1200", false},
		{7, "2020-10-03", "45.90", true},
		{8, "2020-10-05", "120", false}, // quoted cell with a new line: the record starts on line 8
		{10, "2020-10-07", "2.50", true},
		{13, "2020-10-12", "1234", false}, // "1.234" in an Italian column
	}
	if len(c.rows) != len(want) {
		t.Fatalf("got %d payments, want %d", len(c.rows), len(want))
	}
	for i, w := range want {
		p := c.rows[i]
		if p.Ref.Row != w.row || p.Date.Format("2006-01-02") != w.day || !p.Amount.Equal(dec(w.amount)) || p.Debit() != w.debit || p.Currency != "EUR" || p.FileSuspect != "S001" {
			t.Errorf("payment %d = row %d %s %s debit=%v %s; want %+v", i, p.Ref.Row, p.Date.Format("2006-01-02"), p.Amount, p.Debit(), p.Currency, w)
		}
	}
	if c.rows[0].Description != "abbonamento IPTV ottobre" {
		t.Errorf("description = %q (Causale)", c.rows[0].Description)
	}
	if is := issueAt(c.issues, 11); is == nil || is.Msg.String() != "missing amount" || is.Column != "Accrediti" {
		t.Errorf("row 11 issue = %+v", is)
	}
	if is := issueAt(c.issues, 12); is == nil || is.Column != "Data operazione" || is.Value != "31/09/2020" {
		t.Errorf("row 12 issue = %+v", is)
	}
	if is := issueAt(c.issues, 0); is == nil || is.Msg.String() != "unknown column, ignored" {
		t.Errorf("unknown column issue = %+v", is)
	}
}

func TestCryptoTimestampsInRome(t *testing.T) {
	c := readPayments(Input{Path: "testdata/crypto_payments.csv"})
	if c.err != nil {
		t.Fatal(c.err)
	}
	checkAccounting(t, c.sources)
	if s := c.sources[0]; s.Rows != 5 || s.Rejected != 2 {
		t.Fatalf("source = %+v", s)
	}
	p := c.rows[0]
	if p.Date.Format("2006-01-02") != "2020-04-01" || p.Currency != "ETH" || !p.Amount.Equal(dec("0.123456789012345678")) || p.Reference != "0xaaa1" || p.PayeeAccount != "0x2222222222222222222222222222222222222222" {
		t.Errorf("ETH payment = %+v", p)
	}
	if p := c.rows[1]; p.Date.Format("2006-01-02") != "2020-03-31" || p.Currency != "BTC" || !p.Amount.Equal(dec("0.0015")) {
		t.Errorf("BTC payment = %+v", p)
	}
	if is := issueAt(c.issues, 5); is == nil || is.Msg.String() != "unknown currency" || is.Value != "DOGEFAKE" {
		t.Errorf("row 5 issue = %+v", is)
	}
	if is := issueAt(c.issues, 6); is == nil || is.Column != "timestamp" {
		t.Errorf("row 6 issue = %+v", is)
	}
}

func TestPayPalWorkbook(t *testing.T) {
	for _, path := range []string{"testdata/paypal.xlsx", "testdata/paypal_libreoffice.xlsx", "testdata/paypal.xlsx#Transazioni"} {
		t.Run(path, func(t *testing.T) {
			c := readPayments(Input{Path: path})
			if c.err != nil {
				t.Fatal(c.err)
			}
			checkAccounting(t, c.sources)
			if len(c.sources) != 1 || c.sources[0].Sheet != "Transazioni" || c.sources[0].Rows != 6 || c.sources[0].Rejected != 1 || c.sources[0].Path != "testdata/paypal.xlsx" && !strings.Contains(path, "libreoffice") {
				t.Fatalf("sources = %+v", c.sources)
			}
			want := []struct{ day, amount, cur string }{
				{"2020-10-01", "12.5", "EUR"}, {"2020-10-02", "1234.56", "EUR"}, {"2020-10-03", "15", "USD"},
				{"2020-10-04", "-12.5", "EUR"}, {"2020-10-05", "7.5", "EUR"},
			}
			if len(c.rows) != len(want) {
				t.Fatalf("got %d rows", len(c.rows))
			}
			for i, w := range want {
				p := c.rows[i]
				if p.Date.Format("2006-01-02") != w.day || !p.Amount.Equal(dec(w.amount)) || p.Currency != w.cur || p.Ref.Row != i+4 {
					t.Errorf("row %d = %s %s %s (row %d), want %+v", i, p.Date.Format("2006-01-02"), p.Amount, p.Currency, p.Ref.Row, w)
				}
			}
			if c.rows[0].Reference != "1AB23456CD789012E" || c.rows[0].PayeeAccount != "mario.rossi@example.test" {
				t.Errorf("first row = %+v", c.rows[0])
			}
			if is := issueAt(c.issues, 9); is == nil || is.Msg.String() != "missing amount" {
				t.Errorf("row 9 issue = %+v", is)
			}
			if !strings.Contains(path, "#") {
				found := false
				for _, is := range c.issues {
					found = found || (is.Sheet == "Note" && is.Row == 0)
				}
				if !found {
					t.Error("sheet Note without a header was not reported")
				}
			}
		})
	}
}

func TestUnknownSheetNamesTheSheets(t *testing.T) {
	c := readPayments(Input{Path: "testdata/paypal.xlsx#Nope"})
	if c.err == nil || !strings.Contains(c.err.Error(), "Transazioni") {
		t.Fatalf("err = %v", c.err)
	}
}

func TestWindows1252Suspects(t *testing.T) {
	c := readAll(ReadSuspects, Input{Path: "testdata/suspects_win1252.csv"}, nil)
	if c.err != nil {
		t.Fatal(c.err)
	}
	checkAccounting(t, c.sources)
	if s := c.sources[0]; s.Rows != 4 || s.Accepted != 3 {
		t.Fatalf("source = %+v", s)
	}
	r := c.rows
	if r[1].Name != "Niccolò" || r[1].Surname != "D'AMICO" || r[1].TaxCode != "DMCNCL85M10F205Z" || r[1].ID != "DMCNCL85M10F205Z" {
		t.Errorf("row 3 = %+v", r[1])
	}
	if r[2].Name != "NICOLÒ" || r[2].Sex != "F" || r[2].BirthDate.Format("2006-01-02") != "1990-03-01" {
		t.Errorf("row 4 = %+v", r[2])
	}
	ids := r[0].Identifiers
	if len(ids) != 3 || ids[0].Kind != ledger.IdentIBAN || ids[1].Kind != ledger.IdentWallet || ids[1].Value != "0xAbC0000000000000000000000000000000000001" || ids[2].Value != "@mario_tv" || ids[0].Suspect != "RSSMRA80A01H501U" {
		t.Errorf("identifiers = %+v", ids)
	}
}

func TestECBWideRates(t *testing.T) {
	c := readAll(ReadRates, Input{Path: "testdata/ecb_eurofxref_hist_sample.csv"}, nil)
	if c.err != nil {
		t.Fatal(c.err)
	}
	checkAccounting(t, c.sources)
	if s := c.sources[0]; s.Rows != 19 || s.Rejected != 0 || len(s.Unknown) != 0 {
		t.Fatalf("source = %+v", s)
	}
	var usd *ledger.Rate
	for i := range c.rows {
		r := &c.rows[i]
		if r.Currency == "CYP" {
			t.Errorf("N/A cell emitted: %+v", r)
		}
		if r.Currency == "USD" && r.Date.Format("2006-01-02") == "2023-05-02" {
			usd = r
		}
	}
	if usd == nil || !usd.Value.Equal(dec("1.0965")) || usd.PerUnit || usd.Ref.Row != 2 {
		t.Errorf("USD 2023-05-02 = %+v", usd)
	}
	if len(c.rows) < 19*30 {
		t.Errorf("only %d rates", len(c.rows))
	}
}
