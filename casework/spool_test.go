package casework

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
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
	s, err := newSpool(t.TempDir(), "t-*", encodeEntry, decodeEntry)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	for i := 0; i < 1000; i++ {
		e := sampleEntry(i)
		s.add(&e)
	}
	if err := s.finish(); err != nil {
		t.Fatal(err)
	}
	for pass := 0; pass < 2; pass++ { // the workbook and the JSON each read it once
		i := 0
		for e := range s.all() {
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
	s, err := newSpool(b.TempDir(), "b-*", encodeEntry, decodeEntry)
	if err != nil {
		b.Fatal(err)
	}
	defer s.close()
	e := sampleEntry(1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.add(&e)
	}
	s.finish()
	n := 0
	for range s.all() {
		n++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

// FuzzDecodeEntry: a damaged spool record is an error, never a panic.
func FuzzDecodeEntry(f *testing.F) {
	e := sampleEntry(3)
	f.Add(encodeEntry(nil, &e))
	is := ledger.Issue{Path: "a.csv", Row: 3, Column: "Importo", Value: "x", Problem: "not an amount"}
	f.Add(encodeIssue(nil, &is))
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		d := &decoder{b: b, intern: map[string]string{}}
		decodeEntry(d)
		d = &decoder{b: b, intern: map[string]string{}}
		decodeIssue(d)
	})
}
