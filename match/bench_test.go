package match

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match/ident"
	"github.com/shopspring/decimal"
)

// FuzzCodePrefix checks the allocation-free hash key of a tax code against
// ident.ParseTaxCode: every valid code must give its canonical prefix and
// the block key of its birth date, or a suspect would be missed.
func FuzzCodePrefix(f *testing.F) {
	for _, s := range []string{codeCaccamo, codeCaccamoOm, "cccfba 85d03-l219p", "RSSMRAQRCMNFNLRG", "MRTMRA83T56A269B",
		"", "ÀCCFBA85D03L219P", "CCCFBA85D03L219", "00743110157", "CCCFBA85D03L219PX"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, ok := codePrefix(s)
		tc, err := ident.ParseTaxCode(s)
		if err != nil {
			return
		}
		if !ok || string(k[:]) != tc.Canonical[:15] {
			t.Fatalf("codePrefix(%q) = %q, %v; canonical %s", s, k[:], ok, tc.Canonical)
		}
		bk, ok := prefixBirthKey(k)
		if want := birthKey(tc.BirthDate(time.Time{}, 0)); !ok || bk != want {
			t.Fatalf("prefixBirthKey(%q) = %d, %v; want %d", s, bk, ok, want)
		}
	})
}

var syllables = []string{"RO", "MA", "LI", "CA", "SE", "TI", "NO", "VE", "GA", "BRU", "DEL", "FIO", "PA", "RU", "ZZI", "NE", "LLO", "SA", "TO", "GI"}

func randomName(r *rand.Rand, n int) string {
	s := ""
	for range n {
		s += syllables[r.IntN(len(syllables))]
	}
	return s
}

func randomHuman(r *rand.Rand) human {
	sex := "M"
	if r.IntN(2) == 0 {
		sex = "F"
	}
	return human{randomName(r, 2+r.IntN(2)), randomName(r, 2), sex,
		date(1940+r.IntN(66), time.Month(1+r.IntN(12)), 1+r.IntN(28)), "", fmt.Sprintf("H%03d", r.IntN(1000))}
}

// BenchmarkBenefitMatch streams 3,000,000 benefit rows (one per application
// per month) against 10,000 suspects; about 1% of the rows concern a
// suspect (exactly by code, by name and birth date, or a typo). Decoys are
// drawn from a pool with the suspects' birth-date range, so a third of
// them fall in a birth-date block and are compared by name.
func BenchmarkBenefitMatch(b *testing.B) {
	const nSuspects, nRows, pool = 10_000, 3_000_000, 1 << 16
	r := rand.New(rand.NewPCG(7, 11))
	suspects := make([]ledger.Suspect, nSuspects)
	people := make([]human, nSuspects)
	for i := range suspects {
		h := randomHuman(r)
		people[i] = h
		suspects[i] = ledger.Suspect{ID: fmt.Sprintf("S%05d", i), Surname: h.surname, Name: h.name, BirthDate: h.birth, Sex: h.sex}
		if i%10 != 0 { // one suspect in ten has no tax code (foreigners)
			suspects[i].TaxCode = h.code()
		}
	}
	decoys := make([]ledger.BenefitRow, pool)
	for i := range decoys {
		h := randomHuman(r)
		decoys[i] = ledger.BenefitRow{TaxCode: h.code(), Surname: h.surname, Name: h.name, BirthDate: h.birth,
			Application: fmt.Sprintf("D%06d", i), MonthlyAmount: decimal.NewFromInt(500)}
	}
	planted := make([]ledger.BenefitRow, nSuspects)
	for i, h := range people {
		row := ledger.BenefitRow{Application: fmt.Sprintf("A%05d", i), Surname: h.surname, Name: h.name, BirthDate: h.birth,
			MonthlyAmount: decimal.NewFromInt(780)}
		switch i % 3 {
		case 0:
			row.TaxCode = h.code()
		case 1:
			row.Surname, row.Name = h.name, h.surname // swapped, no code
		case 2:
			row.Name = h.name + "A" // typo, no code
		}
		planted[i] = row
	}
	months := [18]time.Time{}
	for i := range months {
		months[i] = month(2019, time.April).AddDate(0, i, 0)
	}
	b.ReportAllocs()
	var flags []BenefitFlag
	var kept int
	for b.Loop() {
		m := NewBenefitMatcher(suspects, Options{})
		for i := range nRows {
			var row ledger.BenefitRow
			if i%100 == 0 {
				row = planted[(i/100)%nSuspects]
			} else {
				row = decoys[i%pool]
			}
			row.From = months[i%len(months)]
			row.To = row.From
			m.AddBenefit(row)
		}
		flags, _ = m.Flags(nil)
		_, kept = m.Stats()
	}
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(nRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(len(flags)), "flags")
	b.ReportMetric(float64(kept), "kept-rows")
	if len(flags) < nSuspects*9/10 {
		b.Fatalf("only %d flags for %d planted suspects", len(flags), nSuspects)
	}
}
