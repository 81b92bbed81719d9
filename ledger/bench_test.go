package ledger

import (
	"runtime"
	"strconv"
	"testing"
	"time"
)

// trivialAttributor attributes on the suspect column only, so the
// benchmark measures the ledger, not the matcher.
type trivialAttributor struct{}

func (trivialAttributor) Attribute(p *Payment) (string, Rule, string) {
	if p.Suspect != "" {
		return p.Suspect, RuleSuspectColumn, p.Suspect
	}
	return "", RuleNone, ""
}

// benchPayments returns a pool of payment templates (mixed EUR/USD/BTC,
// three suspects and unattributed, a month of days) and unique
// references for one in five payments.
func benchPayments(refs int) ([]Payment, []string) {
	curs := []string{"EUR", "EUR", "USD", "BTC"}
	amounts := map[string][]string{
		"EUR": {"59.99", "10", "-59.99", "120.50", "15.00"},
		"USD": {"100", "12.345", "70", "-5"},
		"BTC": {"0.0015", "0.00231", "0.000125"},
	}
	suspects := []string{"S001", "S002", "S003", ""}
	pool := make([]Payment, 1024)
	for i := range pool {
		cur := curs[i%len(curs)]
		as := amounts[cur]
		pool[i] = Payment{
			Ref:      Ref{Path: "payments.csv"},
			Date:     day("2020-11-01").AddDate(0, 0, (i*7)%30),
			Amount:   d(as[(i/4)%len(as)]),
			Currency: cur,
			Payer:    "Payer " + strconv.Itoa(i%300),
			Channel:  []string{"postepay", "paypal", "crypto"}[i%3],
			Suspect:  suspects[(i/3)%len(suspects)],
		}
	}
	rs := make([]string, refs)
	for i := range rs {
		rs[i] = "TRN" + strconv.Itoa(1000000000+i)
	}
	return pool, rs
}

func benchRates() *Rates {
	r := NewRates(7)
	for t := day("2020-10-01"); t.Before(day("2020-12-31")); t = t.AddDate(0, 0, 1) {
		if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		r.Add(Rate{Date: t, Currency: "USD", Value: d("1.1834")})
		r.Add(Rate{Date: t, Currency: "BTC", Value: d("12873.1234"), PerUnit: true})
	}
	return r
}

// BenchmarkPost posts generated payments one at a time (one op = one
// payment; run with -benchtime=1000000x for a million). 20% carry a
// unique reference.
func BenchmarkPost(b *testing.B) {
	pool, refs := benchPayments(b.N/5 + 1)
	l := newTestLedger(testSuspects, benchRates(), trivialAttributor{})
	var issues []Issue
	b.ReportAllocs()
	b.ResetTimer()
	// The caller reuses one Payment per row (the attributor is an
	// interface, so p escapes: allocated once here, not per row).
	var p Payment
	for i := 0; i < b.N; i++ {
		p = pool[i%len(pool)]
		p.Ref.Row = i + 2
		if i%5 == 0 {
			p.Reference = refs[i/5]
		}
		_, issues = l.Post(&p, issues[:0])
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "payments/s")
	if n, a, _, dup, _ := l.Counts(); n+dup == 0 || a == 0 || dup != 0 {
		b.Fatalf("counts %d %d %d", n, a, dup)
	}
}

// BenchmarkDeduperMemory measures the heap kept per distinct reference
// (target: at most 64 bytes per payment).
func BenchmarkDeduperMemory(b *testing.B) {
	for _, n := range []int{1_000_000, 4_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			// One measurement whatever b.N: the figure is bytes, not time.
			for i := 0; i < 1; i++ {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				dd := newDeduper()
				p := Payment{Ref: Ref{Path: "p.csv"}, Amount: d("59.99"), Currency: "EUR"}
				buf := make([]byte, 0, 32)
				for i := range n {
					buf = strconv.AppendInt(append(buf[:0], "TRN"...), int64(i), 10)
					p.Reference = string(buf)
					p.Ref.Row = i + 2
					dd.Check(&p)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				if dd.Len() != n {
					b.Fatalf("%d references kept, want %d", dd.Len(), n)
				}
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "bytes/ref")
				runtime.KeepAlive(dd)
			}
			for range b.N {
			}
		})
	}
}

// BenchmarkPostKeyed is BenchmarkPost as casework posts: batches of
// postings with their attributions and reference keys worked out ahead
// (on the reader goroutine there), through Post.
func BenchmarkPostKeyed(b *testing.B) {
	pool, refs := benchPayments(b.N/5 + 1)
	l := New(testSuspects, benchRates(), Options{})
	const batch = 1024
	rows := make([]Posting, batch)
	self := func(ps *Posting) *Posting { return ps }
	done := func(*Posting, *Entry, []Issue) {}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		n := min(batch, b.N-i)
		for j := range n {
			ps := &rows[j]
			*ps = Posting{Payment: pool[(i+j)%len(pool)]}
			p := &ps.Payment
			p.Ref.Row = i + j + 2
			if (i+j)%5 == 0 {
				p.Reference = refs[(i+j)/5]
			}
			ps.Attribution = attribution(trivialAttributor{}, p)
			ps.Prepare()
		}
		Post(l, rows[:n], self, done)
	}
	l.settle()
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "payments/s")
	if n, a, _, dup, _ := l.Counts(); n+dup == 0 || a == 0 || dup != 0 {
		b.Fatalf("counts %d %d %d", n, a, dup)
	}
}
