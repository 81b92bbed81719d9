package ingest

import (
	"archive/zip"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// rateGolden reads a rate file and writes what was read, what was
// rejected and what 100 units of each currency are worth in EUR on
// 2020-10-13, the day every fixture has.
func rateGolden(t *testing.T, path, name string) string {
	t.Helper()
	c := readAll(ReadRates, Input{Path: path, Name: name}, nil)
	var b strings.Builder
	if c.err != nil {
		fmt.Fprintf(&b, "error: %v\n", c.err)
		return strings.ReplaceAll(b.String(), filepath.Dir(path)+string(filepath.Separator), "")
	}
	checkAccounting(t, c.sources)
	rates := ledger.NewRates(7)
	for _, r := range c.rows {
		cur := "EUR"
		if r.Via != "" {
			cur = r.Via
		}
		q := r.Value.String() + " " + r.Currency + " per " + cur
		if r.PerUnit {
			q = r.Value.String() + " " + cur + " per " + r.Currency
		}
		fmt.Fprintf(&b, "row %d: %s %s\n", r.Ref.Row, r.Date.Format(time.DateOnly), q)
		if p := rates.Add(r); !p.IsZero() {
			fmt.Fprintf(&b, "  add: %s\n", p)
		}
	}
	for _, p := range rates.ResolveCross() {
		fmt.Fprintf(&b, "cross row %d: %s\n", p.Rate.Ref.Row, p.Problem.String())
	}
	for _, is := range c.issues {
		fmt.Fprintf(&b, "issue row %d [%s] %q: %s\n", is.Row, is.Column, is.Value, is.Msg.String())
	}
	for _, s := range c.sources {
		fmt.Fprintf(&b, "rows %d accepted %d rejected %d\n", s.Rows, s.Accepted, s.Rejected)
	}
	cur := rates.Currencies()
	sort.Strings(cur)
	for _, code := range cur {
		eur, rt, ok := rates.Convert(decimal.NewFromInt(100), code, time.Date(2020, 10, 13, 0, 0, 0, 0, time.UTC))
		if ok {
			fmt.Fprintf(&b, "100 %s on 2020-10-13 = EUR %s (rate of %s)\n", code, eur.StringFixed(2), rt.Date.Format(time.DateOnly))
		}
	}
	return b.String()
}

func zipOf(t *testing.T, member, src string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), strings.TrimSuffix(member, filepath.Ext(member))+".zip")
	fh, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	w, _ := zw.Create(member)
	w.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	return p
}

func TestRateFileLayouts(t *testing.T) {
	files, err := filepath.Glob("testdata/rates/*.csv")
	if err != nil || len(files) == 0 {
		t.Fatal("no rate fixtures", err)
	}
	type tc struct{ name, path string }
	var cases []tc
	for _, f := range files {
		cases = append(cases, tc{filepath.Base(f), f})
	}
	cases = append(cases, tc{"eurofxref-hist.zip", zipOf(t, "eurofxref-hist.csv", "testdata/ecb_eurofxref_hist_sample.csv")})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := rateGolden(t, c.path, c.name)
			golden := filepath.Join("testdata", "rates", strings.TrimSuffix(c.name, filepath.Ext(c.name))+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", c.name, golden, got)
			}
		})
	}
}

func TestRateQuotations(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"sdmx base is the euro", "KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,TIME_PERIOD,OBS_VALUE\nEXR.D.USD.EUR.SP00.A,D,USD,EUR,SP00,2020-10-13,1.1765\n", "1.1765 USD per EUR"},
		{"sdmx euro priced in a currency", "FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,TIME_PERIOD,OBS_VALUE\nD,EUR,USD,SP00,2020-10-13,0.85\n", "0.85 EUR per USD"},
		{"sdmx unit multiplier", "FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,TIME_PERIOD,OBS_VALUE,UNIT_MULT\nD,JPY,EUR,SP00,2020-10-13,1.2395,2\n", "123.95 JPY per EUR"},
		{"sdmx against another currency", "FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,TIME_PERIOD,OBS_VALUE\nD,USD,GBP,SP00,2020-10-13,1.29\n", "1.29 USD per GBP"},
		{"series key column", "Date,Series key,Value\n2020-10-13,EXR.D.CHF.EUR.SP00.A,1.0735\n", "1.0735 CHF per EUR"},
		{"long form price", "date,currency,eur_per_unit\n2020-10-13,BTC,9742.1\n", "9742.1 EUR per BTC"},
		{"bdi euro for one unit", "Codice ISO,Quotazione,Convenzione di cambio,Data di riferimento (CET)\nUSD,0.85,Quantità di euro per 1 unità di valuta estera,2020-10-13\n", "0.85 EUR per USD"},
		{"bdi english", "Country,Currency,ISO Code,UIC Code,Rate,Exchange rate convention,Reference date (CET)\nUNITED STATES,US Dollar,USD,001,1.1765,Foreign currency amount for 1 Euro,2020-10-13\n", "1.1765 USD per EUR"},
		{"bdi convention not understood", "Codice ISO,Quotazione,Convenzione di cambio,Data di riferimento (CET)\nUSD,1.1765,boh,2020-10-13\n", "issue: quotation not understood"},
		{"cmc unknown quote id", "timeOpen;timeClose;name;close\n2020-10-13T00:00:00.000Z;2020-10-13T23:59:59.999Z;9999;1\n", "issue: unknown currency"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "rates.csv"
			if strings.HasPrefix(tc.text, "timeOpen") {
				name = "Bitcoin_1_1_2020_historical_data_coinmarketcap.csv"
			}
			c := readAll(ReadRates, Input{Path: writeBytes(t, name, []byte(tc.text))}, nil)
			if c.err != nil {
				t.Fatal(c.err)
			}
			got := ""
			if len(c.rows) == 1 {
				r := c.rows[0]
				cur := "EUR"
				if r.Via != "" {
					cur = r.Via
				}
				got = r.Value.String() + " " + r.Currency + " per " + cur
				if r.PerUnit {
					got = r.Value.String() + " " + cur + " per " + r.Currency
				}
			}
			for _, is := range c.issues {
				if is.Row > 0 {
					got = "issue: " + is.Msg.String()
				}
			}
			if !strings.HasPrefix(got, tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCoinGeckoNeedsTheFileName(t *testing.T) {
	c := readAll(ReadRates, Input{Path: writeBytes(t, "prices.csv", []byte("snapped_at,price,market_cap,total_volume\n2020-10-13 00:00:00 UTC,9742.1,1,1\n"))}, nil)
	if c.err == nil || !errors.Is(c.err, ErrUnreadable) || !strings.Contains(c.err.Error(), "btc-eur-max.csv") {
		t.Fatalf("err = %v", c.err)
	}
	if len(c.rows) != 0 {
		t.Fatalf("read %d rates without knowing the coin", len(c.rows))
	}
}

func TestZippedTables(t *testing.T) {
	dir := t.TempDir()
	two := filepath.Join(dir, "two.zip")
	fh, _ := os.Create(two)
	zw := zip.NewWriter(fh)
	for _, n := range []string{"a.csv", "b.csv"} {
		w, _ := zw.Create(n)
		w.Write([]byte("Date,USD\n2020-10-13,1.1765\n"))
	}
	zw.Close()
	fh.Close()
	c := readAll(ReadRates, Input{Path: two}, nil)
	if c.err == nil || !strings.Contains(c.err.Error(), "holds 2 tables (a.csv, b.csv)") {
		t.Fatalf("err = %v", c.err)
	}
	z := zipOf(t, "eurofxref-hist.csv", "testdata/ecb_eurofxref_hist_sample.csv")
	cls, err := Classify(z)
	if err != nil || len(cls) != 1 || cls[0].Kind != ledger.KindRates {
		t.Fatalf("classify %+v, %v", cls, err)
	}
	c = readAll(ReadRates, Input{Path: z}, nil)
	raw, _ := os.ReadFile(z)
	if c.err != nil || len(c.sources) != 1 || c.sources[0].SHA256 != fmt.Sprintf("%x", sha256.Sum256(raw)) {
		t.Fatalf("sources %+v, %v: the hash is the archive's", c.sources, c.err)
	}
}

func FuzzRateQuotations(f *testing.F) {
	for _, s := range []string{"EXR.D.USD.EUR.SP00.A", "US dollar/Euro (EXR.M.USD.EUR.SP00.A)", "Quantita' di valuta estera per 1 Euro", "Foreign currency amount for 1 Dollar", "btc-eur-max", "Bitcoin_1_2_2020", "per per 1 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if q, why, ok := seriesQuotation(s); ok && why.IsZero() && (len(q.unit) != 3 || len(q.base) != 3) {
			t.Fatalf("series %q gave %+v", s, q)
		}
		if q, ok := conventionQuotation(s, "USD"); ok {
			if q.unit == q.base || q.unit == "" || q.base == "" {
				t.Fatalf("convention %q gave %+v", s, q)
			}
			if cur, _, via, why := q.ledgerRate(); !why.IsZero() || cur == "" || cur == via || (q.unit != "EUR" && q.base != "EUR" && via == "") {
				t.Fatalf("convention %q: %q via %q: %s", s, cur, via, why)
			}
		}
		for _, lay := range rateLayouts {
			q, why := nameQuotation(lay, s+".csv")
			if why.IsZero() && len(lay.nameFields) > 0 && (q.base == "" && q.unit == "") {
				t.Fatalf("name %q: no quotation and no reason", s)
			}
		}
	})
}

// TestCrossRatesThroughUSD: CoinMarketCap's BTC prices in USD become EUR
// prices with the ECB's USD rate of the same day.
func TestCrossRatesThroughUSD(t *testing.T) {
	rates := ledger.NewRates(7)
	for _, f := range []string{"Bitcoin_10_13_2020-10_13_2020_historical_data_coinmarketcap.csv", "ecb_sdmx_csvdata.csv"} {
		c := readAll(ReadRates, Input{Path: filepath.Join("testdata", "rates", f)}, nil)
		if c.err != nil {
			t.Fatal(c.err)
		}
		for _, r := range c.rows {
			rates.Add(r)
		}
	}
	if p := rates.ResolveCross(); len(p) != 0 {
		t.Fatalf("problems %+v", p)
	}
	day := time.Date(2020, 10, 13, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ amount, want string }{{"1", "9711.77"}, {"0.5", "4855.89"}, {"0.00012345", "1.20"}} {
		eur, rt, ok := rates.Convert(decimal.RequireFromString(tc.amount), "BTC", day)
		// 11425.9 USD per BTC / 1.1765 USD per EUR
		if !ok || eur.StringFixed(2) != tc.want || !rt.PerUnit {
			t.Errorf("%s BTC = %s (%+v), want EUR %s", tc.amount, eur, rt, tc.want)
		}
	}
	// A USD price on a day without a USD rate within the look-back.
	late := ledger.NewRates(7)
	late.Add(ledger.Rate{Date: day, Currency: "BTC", Value: decimal.RequireFromString("11425.9"), PerUnit: true, Via: "USD"})
	if p := late.ResolveCross(); len(p) != 1 || !strings.Contains(p[0].Problem.String(), "no USD rate") {
		t.Fatalf("problems %+v", p)
	}
}

// FuzzReadRates reads arbitrary text as a rates table, seeded with every
// layout: no panic, errors wrap ErrUnreadable, and every row is counted.
func FuzzReadRates(f *testing.F) {
	files, _ := filepath.Glob("testdata/rates/*.csv")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), b)
		}
	}
	f.Add("rates.csv", []byte("Date,Series key,Value\n2020-10-13,EXR.D.CHF.EUR.SP00.A,1.0735\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		name = filepath.Base(name)
		if name == "." || name == "/" || strings.ContainsAny(name, "#\x00") || !strings.HasSuffix(name, ".csv") {
			name = "rates.csv"
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Skip()
		}
		defer os.Remove(p)
		rejected := 0
		srcs, err := ReadRates(Input{Path: p}, Options{Report: func(is ledger.Issue) {
			if is.Row > 0 {
				rejected++
			}
		}}, func(r ledger.Rate) error {
			if !r.Value.IsPositive() || r.Currency == "" || r.Currency == r.Via {
				t.Fatalf("rate %+v", r)
			}
			return nil
		})
		if err != nil && !errors.Is(err, ErrUnreadable) {
			t.Fatalf("error not wrapping ErrUnreadable: %v", err)
		}
		for _, s := range srcs {
			if s.Rows != s.Accepted+s.Rejected+s.Duplicates {
				t.Fatalf("accounting: %+v", s)
			}
		}
		Classify(p)
	})
}
