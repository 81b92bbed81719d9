package spool

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

func sampleEntry(i int) ledger.Entry {
	return ledger.Entry{
		Payment: ledger.Payment{
			Ref:          ledger.Ref{Path: "paypal.csv", Row: i + 2},
			Date:         time.Date(2020, 3, 1+i%28, 0, 0, 0, 0, time.UTC),
			Amount:       decimal.New(int64(1000+i%5000), -2),
			Currency:     "USD",
			Payer:        "Mario Rossi",
			PayerAccount: "mario.rossi@example.org",
			PayeeAccount: "shop@example.com",
			Reference:    "TX123456789",
			Description:  "abbonamento 12 mesi",
		},
		Status:  ledger.EntryOK,
		EUR:     decimal.New(int64(900+i%4000), -2),
		HasEUR:  true,
		Rate:    ledger.Rate{Date: time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC), Currency: "USD", Value: decimal.RequireFromString("1.1187")},
		HasRate: true,
		Attrib:  "S01", Rule: ledger.RulePayeeAccount, AttribBy: "shop@example.com",
	}
}

func TestSpoolRoundTrip(t *testing.T) {
	s, err := Entries(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 1000; i++ {
		e := sampleEntry(i)
		s.Add(&e)
	}
	if err := s.Finish(); err != nil {
		t.Fatal(err)
	}
	for pass := 0; pass < 2; pass++ { // the workbook and the JSON each read it once
		i := 0
		for e := range s.All() {
			want := sampleEntry(i)
			if e.Ref != want.Ref || !e.Amount.Equal(want.Amount) || !e.EUR.Equal(want.EUR) || !e.Date.Equal(want.Date) || e.Attrib != want.Attrib || !e.Rate.Value.Equal(want.Rate.Value) {
				t.Fatalf("pass %d entry %d: got %+v", pass, i, e)
			}
			i++
		}
		if i != 1000 || s.err != nil {
			t.Fatalf("pass %d: read %d entries, err %v", pass, i, s.err)
		}
	}
}

func BenchmarkSpoolEntries(b *testing.B) {
	s, err := Entries(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	e := sampleEntry(1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Add(&e)
	}
	s.Finish()
	n := 0
	for range s.All() {
		n++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

// FuzzDecodeEntry: a damaged spool record is an error, never a panic.
func FuzzDecodeEntry(f *testing.F) {
	e := sampleEntry(3)
	f.Add(encodeEntry(nil, &e))
	is := ledger.Issue{Path: "a.csv", Row: 3, Column: "Importo", Value: "x", Msg: msg.New(msg.Detail, msg.Text("not an amount"))}
	f.Add(encodeIssue(nil, &is))
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		d := &decoder{b: b, intern: map[string]string{}}
		decodeEntry(d)
		d = &decoder{b: b, intern: map[string]string{}}
		decodeIssue(d)
	})
}

// TestSpoolRepeatsRoundTrip mixes the cases the encoder shortens (values
// repeating the previous row's, AttribBy equal to another field, EUR
// equal to the amount, rows and days going back) with ones it does not,
// and expects every field back.
func TestSpoolRepeatsRoundTrip(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2020, 3, d, 0, 0, 0, 0, time.UTC) }
	base := sampleEntry(0)
	entries := []ledger.Entry{base}
	add := func(f func(e *ledger.Entry)) {
		e := entries[len(entries)-1]
		f(&e)
		entries = append(entries, e)
	}
	add(func(e *ledger.Entry) { e.Ref.Row++ })
	add(func(e *ledger.Entry) {
		e.Ref = ledger.Ref{Path: "book.xlsx", Sheet: "Foglio1", Row: 3}
		e.Date = day(2)
	})
	add(func(e *ledger.Entry) { e.Ref.Row = 2; e.Date = time.Time{} })
	add(func(e *ledger.Entry) {
		e.Currency, e.Amount, e.HasRate, e.Rate = "EUR", decimal.New(1500, -2), false, ledger.Rate{}
		e.EUR = e.Amount
	})
	add(func(e *ledger.Entry) { e.EUR = decimal.New(15, 0) }) // same value, other exponent
	add(func(e *ledger.Entry) { e.AttribBy, e.Rule = e.Payee, ledger.RulePayee })
	add(func(e *ledger.Entry) { e.Payee, e.AttribBy = "@shop", "@shop" })
	add(func(e *ledger.Entry) { e.FileSuspect, e.AttribBy, e.Rule = "S09", "S09", ledger.RuleFileSuspect })
	add(func(e *ledger.Entry) { e.Suspect, e.AttribBy, e.Rule = "S07", "S07", ledger.RuleSuspectColumn })
	add(func(e *ledger.Entry) { e.AttribBy, e.Attrib, e.Rule = "", "", "" })
	add(func(e *ledger.Entry) {
		e.Status, e.DuplicateOf, e.EUR, e.HasEUR = ledger.EntryDuplicate, ledger.Ref{Path: "paypal.csv", Row: 40}, decimal.Decimal{}, false
	})
	add(func(e *ledger.Entry) {
		e.Status, e.DuplicateOf, e.Currency, e.Amount = ledger.EntryOK, ledger.Ref{}, "BTC", decimal.RequireFromString("0.123456789012345678901")
		e.EUR, e.HasEUR, e.HasRate = decimal.New(123456, -2), true, true
		e.Rate = ledger.Rate{Ref: ledger.Ref{Path: "crypto_eur.csv", Row: 7}, Date: day(1), Currency: "BTC", Value: decimal.RequireFromString("10342.43"), PerUnit: true}
	})
	add(func(e *ledger.Entry) { e.Ref.Row += 5; e.Rate.Ref.Row = 8; e.Rate.Date = time.Time{} })
	add(func(e *ledger.Entry) { e.Channel, e.Description, e.Reference = "Postepay", "", "" })

	s, err := Entries(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range entries {
		s.Add(&entries[i])
	}
	if err := s.Finish(); err != nil {
		t.Fatal(err)
	}
	for pass := 0; pass < 2; pass++ {
		i := 0
		for got := range s.All() {
			if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", entries[i]); g != w {
				t.Errorf("pass %d entry %d:\n got %s\nwant %s", pass, i, g, w)
			}
			if got.EUR.Exponent() != entries[i].EUR.Exponent() {
				t.Errorf("pass %d entry %d: EUR exponent %d, want %d", pass, i, got.EUR.Exponent(), entries[i].EUR.Exponent())
			}
			i++
		}
		if i != len(entries) || s.err != nil {
			t.Fatalf("pass %d: read %d entries, err %v", pass, i, s.err)
		}
	}
}

// TestSpoolLeavesNoFile: the spool holds payer names and accounts; its
// file has no name from the start, so no way out of a run (even SIGKILL)
// leaves it readable.
func TestSpoolLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	s, err := Entries(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := sampleEntry(1)
	s.Add(&e)
	if err := s.Finish(); err != nil {
		t.Fatal(err)
	}
	if des, _ := os.ReadDir(dir); len(des) != 0 {
		t.Errorf("spool file visible in %s: %v", dir, des)
	}
	s.Close()
	s.Close()
	for range s.All() {
		t.Error("a closed spool yielded a record")
	}
	if s.Err() == nil {
		t.Error("reading a closed spool is not an error")
	}
}
