package ingest

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in   string
		n    Notation
		want string // "" means an error is expected
	}{
		{"1.234,56", NotationUnknown, "1234.56"},
		{"1,234.56", NotationUnknown, "1234.56"},
		{"€ 1.234,56", NotationUnknown, "1234.56"},
		{"1.234,56 €", NotationUnknown, "1234.56"},
		{"-12,50", NotationUnknown, "-12.5"},
		{"(1.234,56)", NotationUnknown, "-1234.56"},
		{"+5", NotationUnknown, "5"},
		{"  42  ", NotationUnknown, "42"},
		{"12,00 EUR", NotationUnknown, "12"},
		{"EUR 12,00", NotationUnknown, "12"},
		{"12.00 USD", NotationUnknown, "12"},
		{"1.234", NotationItalian, "1234"},
		{"1.234", NotationEnglish, "1.234"},
		{"1.234", NotationUnknown, "1.234"},
		{"1,234", NotationItalian, "1.234"},
		{"1,234", NotationEnglish, "1234"},
		{"0,123", NotationEnglish, "0.123"},
		{"1.234.567", NotationUnknown, "1234567"},
		{"1,234,567.5", NotationUnknown, "1234567.5"},
		{"12.5", NotationItalian, "12.5"},
		{"0.000000000000000001", NotationUnknown, "0.000000000000000001"},
		{"1.234567890123456789", NotationEnglish, "1.234567890123456789"},
		{"1.5E-05", NotationUnknown, "0.000015"},
		{"12.50-", NotationUnknown, "-12.5"},
		{"1 234,56", NotationUnknown, "1234.56"},
		{"£3", NotationUnknown, "3"},
		{"", NotationUnknown, ""},
		{"abc", NotationUnknown, ""},
		{"12 XYZQ", NotationUnknown, ""},
		{"1.2.3,4,5", NotationUnknown, ""},
		{"1.23.456", NotationUnknown, ""},
		{"1-2", NotationUnknown, ""},
		{"--5", NotationUnknown, ""},
		{"€ 5 €", NotationUnknown, ""},
	}
	for _, c := range cases {
		got, err := ParseAmount(c.in, c.n)
		if c.want == "" {
			if err == nil {
				t.Errorf("ParseAmount(%q, %v) = %s, want an error", c.in, c.n, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseAmount(%q, %v): %v", c.in, c.n, err)
			continue
		}
		if want := decimal.RequireFromString(c.want); !got.Equal(want) {
			t.Errorf("ParseAmount(%q, %v) = %s, want %s", c.in, c.n, got, want)
		}
	}
}

func TestAmountCurrencyInCell(t *testing.T) {
	for in, want := range map[string]string{"€ 12,00": "EUR", "12.00 USD": "USD", "12": "", "$5": "USD", "0,5 BTC": "BTC"} {
		_, cur, err := parseAmountCurrency(in, NotationUnknown)
		if err != nil || cur != want {
			t.Errorf("parseAmountCurrency(%q) = %q, %v; want %q", in, cur, err, want)
		}
	}
}

func TestNotationOf(t *testing.T) {
	for in, want := range map[string]Notation{
		"1.234,56": NotationItalian, "12,5": NotationItalian, "1.234.567": NotationItalian,
		"1,234.56": NotationEnglish, "12.5": NotationEnglish, "1,234,567": NotationEnglish,
		"1.234": NotationUnknown, "1,234": NotationUnknown, "12": NotationUnknown,
	} {
		if got := notationOf(in); got != want {
			t.Errorf("notationOf(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"06/11/2020", "2020-11-06"},
		{"03/04/2020", "2020-04-03"},
		{"6/11/20", "2020-11-06"},
		{"06-11-2020", "2020-11-06"},
		{"06.11.2020", "2020-11-06"},
		{"2020-11-06", "2020-11-06"},
		{"2020/11/06", "2020-11-06"},
		{"20201106", "2020-11-06"},
		{"06/11/2020 23:59", "2020-11-06"},
		{"2020-03-31T23:30:00Z", "2020-04-01"},
		{"2020-03-31T21:30:00Z", "2020-03-31"},
		{"2020-03-31T23:30:00.123Z", "2020-04-01"},
		{"2020-03-31 23:30:00+00:00", "2020-04-01"},
		{"2020-03-31T23:30:00-05:00", "2020-04-01"},
		{"2020-12-31 23:30:00 UTC", "2021-01-01"},
		{"2020-03-31T10:00:00", "2020-03-31"},
		{"2020-03-31 10:00:00", "2020-03-31"},
		{"6 novembre 2020", "2020-11-06"},
		{"6 Nov 2020", "2020-11-06"},
		{"44141", "2020-11-06"},
		{"44141.75", "2020-11-06"},
		{"43556", "2019-04-01"},
		{"45292", "2024-01-01"},
		{"31140", "1985-04-03"},
		{"59", "1900-02-28"},
		{"01/01/65", "1965-01-01"},
		{"", ""},
		{"31/02/2020", ""},
		{"2020-13-01", ""},
		{"yesterday", ""},
		{"60", ""},
		{"-5", ""},
		{"12/2020", ""},
	}
	for _, c := range cases {
		got, err := ParseDate(c.in)
		if c.want == "" {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want an error", c.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", c.in, err)
			continue
		}
		if got.Format("2006-01-02") != c.want || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("ParseDate(%q) = %v, want %s UTC midnight", c.in, got, c.want)
		}
	}
}

func TestDate1904Serial(t *testing.T) {
	got, err := parseDate("42679", true)
	if err != nil || got.Format("2006-01-02") != "2020-11-06" {
		t.Fatalf("1904 serial 42679 = %v, %v", got, err)
	}
}

func TestParseMonth(t *testing.T) {
	for in, want := range map[string]string{
		"2020-05": "2020-05-01", "05/2020": "2020-05-01", "5/2020": "2020-05-01",
		"maggio 2020": "2020-05-01", "Maggio 2020": "2020-05-01", "17/05/2020": "2020-05-01",
		"2020-05-17": "2020-05-01", "43970": "2020-05-19"[:8] + "01",
	} {
		got, err := parseMonth(in, false)
		if err != nil || got.Format("2006-01-02") != want {
			t.Errorf("parseMonth(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	if _, err := parseMonth("13/2020", false); err == nil {
		t.Error("parseMonth(13/2020) accepted")
	}
}

func TestParseShare(t *testing.T) {
	for in, want := range map[string]string{"50%": "0.5", "50": "0.5", "0,5": "0.5", "1/2": "0.5", "100%": "1", "1": "1", "33,33%": "0.3333"} {
		got, err := parseShare(in)
		if err != nil || !got.Equal(decimal.RequireFromString(want)) {
			t.Errorf("parseShare(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"150%", "0", "-10", "abc", "1/0", "3/2"} {
		if v, err := parseShare(in); err == nil {
			t.Errorf("parseShare(%q) = %s, want an error", in, v)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1.234,56", "1,234.56", "€ 1.234,56", "(1.234,56)", "-12,50", "+5", "1.5E-05", "12.00 USD", "0,000000000000000001", "1.234", "99999999999999999999999", "--", "€€", "1e9999", "١٢٣"} {
		f.Add(s, 0)
		f.Add(s, 1)
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		d, err := ParseAmount(s, Notation(n%3))
		if err != nil {
			return
		}
		// A parsed value must survive a round trip through its own text.
		back, err := ParseAmount(d.String(), NotationEnglish)
		if err == nil && !back.Equal(d) && len(d.String()) < 60 {
			t.Fatalf("%q -> %s -> %s", s, d, back)
		}
		notationOf(s)
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"06/11/2020", "2020-03-31T23:30:00Z", "6 novembre 2020", "44141", "44141.5", "2020-11-06 10:00:00 UTC", "31/12/99", "0", "2958465", "2020-1-1T", "9999-12-31T23:59:59-23:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 {
			t.Fatalf("%q -> %v is not UTC midnight", s, d)
		}
		parseMonth(s, false)
	})
}

// TestDecimalCache: a cached amount is the same number with the same
// exponent as a freshly built one, whatever was cached before it in the
// same slot.
func TestDecimalCache(t *testing.T) {
	var c decimalCache
	tests := []struct {
		coef int64
		exp  int32
	}{{1500, -2}, {15, 0}, {1500, -2}, {-1500, -2}, {0, 0}, {0, -2}, {99999999, -8}, {1500, -2}}
	for round := 0; round < 2; round++ {
		for _, tc := range tests {
			got := c.get(tc.coef, tc.exp)
			want := decimal.New(tc.coef, tc.exp)
			if !got.Equal(want) || got.Exponent() != want.Exponent() || got.String() != want.String() {
				t.Errorf("get(%d, %d) = %s (exp %d), want %s (exp %d)", tc.coef, tc.exp, got, got.Exponent(), want, want.Exponent())
			}
		}
	}
	// Every slot overwritten many times.
	for i := int64(0); i < 5000; i++ {
		if got := c.get(i, -2); got.CoefficientInt64() != i || got.Exponent() != -2 {
			t.Fatalf("get(%d, -2) = %s", i, got)
		}
	}
}
