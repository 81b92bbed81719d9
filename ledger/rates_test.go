package ledger

import (
	"bufio"
	"encoding/csv"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// loadECB reads the ECB sample with a tiny loop (the ingest package reads
// real files): columns by header name, "N/A" and the trailing empty
// column skipped.
func loadECB(t testing.TB, r *Rates) {
	t.Helper()
	f, err := os.Open("testdata/ecb_eurofxref_hist_sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var header []string
	row := 0
	for sc.Scan() {
		row++
		cells := strings.Split(sc.Text(), ",")
		if header == nil {
			header = cells
			continue
		}
		date := day(cells[0])
		for i := 1; i < len(cells) && i < len(header); i++ {
			if header[i] == "" || cells[i] == "" || cells[i] == "N/A" {
				continue
			}
			rt := Rate{Ref: Ref{Path: "ecb.csv", Row: row}, Date: date, Currency: header[i], Value: d(cells[i])}
			if p := r.Add(rt); !p.IsZero() {
				t.Fatalf("row %d %s: %s", row, header[i], p)
			}
		}
	}
}

func TestECBLookupCases(t *testing.T) {
	r := NewRates(7)
	loadECB(t, r)
	f, err := os.Open("testdata/ecb_lookup_cases.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 10 {
		t.Fatalf("only %d lookup cases", len(rows))
	}
	for _, c := range rows[1:] {
		req, cur, amount, used, rate, want, note := c[0], c[1], c[2], c[3], c[4], c[5], c[6]
		t.Run(req+"_"+cur, func(t *testing.T) {
			rt, ok := r.Lookup(cur, day(req))
			eur, crt, cok := r.Convert(d(amount), cur, day(req))
			if rate == "N/A" {
				if ok || cok {
					t.Fatalf("%s: want no rate, got %v on %s", note, rt.Value, rt.Date.Format(time.DateOnly))
				}
				return
			}
			if !ok || !cok {
				t.Fatalf("%s: no rate", note)
			}
			if got := rt.Date.Format(time.DateOnly); got != used {
				t.Errorf("%s: rate date %s, want %s", note, got, used)
			}
			if !rt.Value.Equal(d(rate)) || !crt.Value.Equal(d(rate)) {
				t.Errorf("%s: rate %s, want %s", note, rt.Value, rate)
			}
			if !eur.Equal(d(want)) {
				t.Errorf("%s: EUR %s, want %s", note, eur, want)
			}
		})
	}
}

func TestRateLookbackLimitIsSevenDays(t *testing.T) {
	r := NewRates(7)
	r.Add(Rate{Date: day("2020-11-02"), Currency: "USD", Value: d("1.1652")})
	cases := []struct {
		day string
		ok  bool
	}{
		{"2020-11-01", false}, // before any rate
		{"2020-11-02", true},
		{"2020-11-09", true},  // 7 days later: still allowed
		{"2020-11-10", false}, // 8 days: too old
	}
	for _, c := range cases {
		if _, ok := r.Lookup("USD", day(c.day)); ok != c.ok {
			t.Errorf("%s: ok=%v, want %v", c.day, ok, c.ok)
		}
	}
	_, _, ok := r.Convert(d("10"), "USD", day("2020-11-10"))
	if ok {
		t.Fatal("converted beyond the look-back")
	}
	if p := r.noRateProblem("USD", day("2020-11-10")).String(); p != "no rate for USD on 2020-11-10 (none within 7 days before)" {
		t.Errorf("problem %q", p)
	}
	if p := r.noRateProblem("XYZ", day("2020-11-10")).String(); !strings.Contains(p, "no XYZ rates") {
		t.Errorf("problem %q", p)
	}
}

func TestConvertRoundsTiesHalfAwayFromZero(t *testing.T) {
	r := NewRates(7)
	r.Add(Rate{Date: day("2020-01-01"), Currency: "USD", Value: d("2")})                  // units per EUR
	r.Add(Rate{Date: day("2020-01-01"), Currency: "BTC", Value: d("0.5"), PerUnit: true}) // EUR per unit
	r.Add(Rate{Date: day("2020-01-01"), Currency: "GBP", Value: d("0.8")})
	cases := []struct {
		amount, cur, want string
	}{
		{"0.125", "EUR", "0.13"},
		{"-0.125", "EUR", "-0.13"},
		{"0.124999", "EUR", "0.12"},
		{"0.25", "USD", "0.13"},   // 0.125 exactly
		{"-0.25", "USD", "-0.13"}, // -0.125 exactly
		{"0.25", "BTC", "0.13"},
		{"-0.25", "BTC", "-0.13"},
		{"0.1", "GBP", "0.13"},    // 0.125 exactly
		{"0.0999", "GBP", "0.12"}, // 0.124875
		{"100", "GBP", "125.00"},
		{"1", "USD", "0.50"},
	}
	for _, c := range cases {
		eur, _, ok := r.Convert(d(c.amount), c.cur, day("2020-01-01"))
		if !ok || !eur.Equal(d(c.want)) {
			t.Errorf("%s %s: got %s (ok=%v), want %s", c.amount, c.cur, eur, ok, c.want)
		}
		// The fast path must agree with shopspring's exact rule.
		if c.cur != "EUR" {
			rt, _ := r.Lookup(c.cur, day("2020-01-01"))
			if slow := applyRate(d(c.amount), rt); !slow.Equal(eur) {
				t.Errorf("%s %s: fast %s, decimal %s", c.amount, c.cur, eur, slow)
			}
		}
	}
}

func TestEURNeedsNoRate(t *testing.T) {
	r := NewRates(7)
	eur, rt, ok := r.Convert(d("59.99"), "EUR", day("2020-11-08"))
	if !ok || !eur.Equal(d("59.99")) || rt.Currency != "" {
		t.Fatalf("got %s %+v %v", eur, rt, ok)
	}
	if _, _, ok := r.Convert(d("1"), "", time.Time{}); !ok {
		t.Fatal("empty currency is EUR")
	}
	if len(r.Used()) != 0 {
		t.Fatal("EUR counted as a rate use")
	}
}

func TestRateAddProblems(t *testing.T) {
	r := NewRates(7)
	first := Rate{Ref: Ref{Path: "a.csv", Row: 2}, Date: day("2020-11-06"), Currency: "usd", Value: d("1.187")}
	if p := r.Add(first); !p.IsZero() {
		t.Fatal(p)
	}
	if p := r.Add(Rate{Date: day("2020-11-06"), Currency: "USD", Value: d("1.1870")}); !p.IsZero() {
		t.Errorf("same value twice: %q", p)
	}
	p := r.Add(Rate{Ref: Ref{Path: "b.csv", Row: 5}, Date: day("2020-11-06"), Currency: "USD", Value: d("1.2")}).String()
	if !strings.Contains(p, "given twice") || !strings.Contains(p, "a.csv row 2") || !strings.Contains(p, "b.csv row 5") {
		t.Errorf("conflicting rate: %q", p)
	}
	if rt, _ := r.Lookup("USD", day("2020-11-06")); !rt.Value.Equal(d("1.187")) {
		t.Errorf("first not kept: %s", rt.Value)
	}
	for _, v := range []string{"0", "-1.2"} {
		if p := r.Add(Rate{Date: day("2020-11-07"), Currency: "GBP", Value: d(v)}).String(); !strings.Contains(p, "not positive") {
			t.Errorf("value %s: %q", v, p)
		}
	}
	if p := r.Add(Rate{Date: day("2020-11-07"), Currency: "EUR", Value: d("1.1")}); p.IsZero() {
		t.Error("EUR rate other than 1 accepted silently")
	}
	if got := strings.Join(r.Currencies(), ","); got != "USD" {
		t.Errorf("currencies %s", got)
	}
}

func TestRatesUsedCountsEachConversion(t *testing.T) {
	r := NewRates(7)
	loadECB(t, r)
	r.Convert(d("1"), "USD", day("2020-11-07"))
	r.Convert(d("1"), "USD", day("2020-11-08"))
	r.Convert(d("1"), "GBP", day("2020-11-06"))
	r.Convert(d("1"), "USD", day("2020-11-02"))
	used := r.Used()
	want := []string{"GBP 2020-11-06 1", "USD 2020-11-02 1", "USD 2020-11-06 2"}
	if len(used) != len(want) {
		t.Fatalf("used %v", used)
	}
	for i, u := range used {
		got := u.Rate.Currency + " " + u.Rate.Date.Format(time.DateOnly) + " " + string(rune('0'+u.Uses))
		if got != want[i] {
			t.Errorf("used[%d] = %s, want %s", i, got, want[i])
		}
	}
}

// FuzzConvertFastPathMatchesDecimal checks the int64 fast path against
// shopspring's exact DivRound and Mul+Round on any amount and rate.
func FuzzConvertFastPathMatchesDecimal(f *testing.F) {
	f.Add(int64(25), int32(-2), int64(2), int32(0), false)
	f.Add(int64(-125), int32(-3), int64(1), int32(0), true)
	f.Add(int64(5999), int32(-2), int64(12271), int32(-4), false)
	f.Add(int64(123456789012345678), int32(-18), int64(4512345), int32(-2), true)
	f.Add(int64(999999999999999999), int32(3), int64(1), int32(-18), false)
	f.Fuzz(func(t *testing.T, a int64, ea int32, r int64, er int32, perUnit bool) {
		ea, er = ea%40, er%40
		if r <= 0 {
			return
		}
		amount, value := decimal.New(a, ea), decimal.New(r, er)
		e := rateEntry{rate: Rate{Currency: "XXX", Value: value, PerUnit: perUnit}}
		e.coef, e.exp, e.fast = small(value)
		if got, want := e.convert(amount), applyRate(amount, e.rate); !got.Equal(want) {
			t.Fatalf("%s at %s (perUnit=%v): fast %s, decimal %s", amount, value, perUnit, got, want)
		}
	})
}

func TestSumIsExactAcrossSpills(t *testing.T) {
	var s sum
	want := decimal.Zero
	vals := []string{"0.01", "9223372036854775.80", "9223372036854775.80", "-1.5", "0.000000001", "1e30", "-1e30", "123456789012345678901234.5"}
	for _, v := range vals {
		s.add(d(v))
		want = want.Add(d(v))
	}
	if !s.value().Equal(want) {
		t.Fatalf("sum %s, want %s", s.value(), want)
	}
}

func TestDayNumberRoundTrips(t *testing.T) {
	for _, s := range []string{"1970-01-01", "2020-02-29", "1900-03-01", "2100-12-31", "0001-01-01"} {
		if got := dayTime(dayNumber(day(s))).Format(time.DateOnly); got != s {
			t.Errorf("%s -> %s", s, got)
		}
		if got := monthTime(monthKey(day(s))).Format("2006-01"); got != s[:7] {
			t.Errorf("month %s -> %s", s, got)
		}
	}
}

func TestSmallFitsOnlyBelowTwoToThe62(t *testing.T) {
	cases := []struct {
		v   string
		fit bool
	}{
		{"4611686018427387903", true}, // 2^62 - 1
		{"4611686018427387904", false},
		{"-4611686018427387903", true},
		{"-4611686018427387904", false},
		{"46116860184273879.03", true},
		{"18446744073709551621", false}, // 2^64 + 5: low bits would say 5
		{"1e90", true},                  // outside the bound table
		{"123456789012345678901e90", false},
		{"0", true},
	}
	for _, c := range cases {
		v := d(c.v)
		coef, exp, ok := small(v)
		if ok != c.fit || (ok && !decimal.New(coef, exp).Equal(v)) {
			t.Errorf("%s: %d e%d ok=%v, want fit=%v", c.v, coef, exp, ok, c.fit)
		}
	}
	if _, _, ok := small(decimal.Decimal{}); !ok {
		t.Error("zero value")
	}
}

// FuzzSumMatchesDecimal checks the running sum against shopspring's Add
// over any three values, and value's shortcut against the general way
// (same value and exponent: the exponent decides the printed digits).
func FuzzSumMatchesDecimal(f *testing.F) {
	f.Add(int64(1234), int32(-2), int64(-5), int32(0), int64(7), int32(3))
	f.Add(int64(math.MaxInt64), int32(-2), int64(math.MaxInt64), int32(-2), int64(1), int32(-30))
	f.Add(int64(5), int32(2), int64(0), int32(0), int64(0), int32(0))
	f.Fuzz(func(t *testing.T, a int64, ea int32, b int64, eb int32, c int64, ec int32) {
		ea, eb, ec = ea%40, eb%40, ec%40
		var s sum
		want := decimal.Zero
		for _, v := range []decimal.Decimal{decimal.New(a, ea), decimal.New(b, eb), decimal.New(c, ec)} {
			s.add(v)
			want = want.Add(v)
			general := decimal.Zero
			if s.big {
				general = s.spill
			}
			if s.used {
				general = general.Add(decimal.New(s.coef, s.exp))
			}
			if got := s.value(); !got.Equal(general) || got.Exponent() != general.Exponent() {
				t.Fatalf("value %s (e%d), general way %s (e%d)", got, got.Exponent(), general, general.Exponent())
			}
		}
		if got := s.value(); !got.Equal(want) {
			t.Fatalf("sum %s, want %s", got, want)
		}
	})
}

func TestResolveCrossBranches(t *testing.T) {
	day := time.Date(2020, 10, 13, 0, 0, 0, 0, time.UTC)
	d := decimal.RequireFromString
	for _, tc := range []struct {
		name      string
		via, rate Rate
		amount    string
		currency  string
		want      string
	}{
		{"coin priced in USD", Rate{Date: day, Currency: "USD", Value: d("1.25")}, Rate{Date: day, Currency: "BTC", Value: d("10000"), PerUnit: true, Via: "USD"}, "1", "BTC", "8000.00"},
		{"coin priced in BTC", Rate{Date: day, Currency: "BTC", Value: d("8000"), PerUnit: true}, Rate{Date: day, Currency: "XMR", Value: d("0.01"), PerUnit: true, Via: "BTC"}, "2", "XMR", "160.00"},
		{"units per USD", Rate{Date: day, Currency: "USD", Value: d("1.25")}, Rate{Date: day, Currency: "ARS", Value: d("80"), Via: "USD"}, "100", "ARS", "1.00"},
		{"units per coin", Rate{Date: day, Currency: "BTC", Value: d("8000"), PerUnit: true}, Rate{Date: day, Currency: "SAT", Value: d("100000000"), Via: "BTC"}, "100000000", "SAT", "8000.00"},
		{"via rate of an earlier day", Rate{Date: day.AddDate(0, 0, -3), Currency: "USD", Value: d("1.25")}, Rate{Date: day, Currency: "BTC", Value: d("10000"), PerUnit: true, Via: "USD"}, "1", "BTC", "8000.00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRates(7)
			if p := r.Add(tc.rate); !p.IsZero() {
				t.Fatal(p)
			}
			if r.Has(tc.currency) {
				t.Fatal("a rate against another currency is usable before it is resolved")
			}
			r.Add(tc.via)
			if p := r.ResolveCross(); len(p) != 0 {
				t.Fatalf("%+v", p)
			}
			eur, _, ok := r.Convert(d(tc.amount), tc.currency, day)
			if !ok || eur.StringFixed(2) != tc.want {
				t.Fatalf("%s %s = %v %v, want %s", tc.amount, tc.currency, eur, ok, tc.want)
			}
		})
	}
	// A direct EUR quote of the same day wins over the derived one.
	r := NewRates(7)
	r.Add(Rate{Date: day, Currency: "BTC", Value: d("9000"), PerUnit: true})
	r.Add(Rate{Date: day, Currency: "BTC", Value: d("10000"), PerUnit: true, Via: "USD"})
	r.Add(Rate{Date: day, Currency: "USD", Value: d("1.25")})
	if p := r.ResolveCross(); len(p) != 0 {
		t.Fatalf("%+v", p)
	}
	if eur, _, _ := r.Convert(d("1"), "BTC", day); eur.String() != "9000" {
		t.Fatalf("direct quote lost: %s", eur)
	}
}
