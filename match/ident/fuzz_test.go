package ident

import (
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParseTaxCode(f *testing.F) {
	for _, s := range []string{"CCCFBA85D03L219P", "RSSMRAQRCMNFNLRG", "CCC FBA 85 D03 L219 P", "cccfba85d03l219p", "CCCFBA85B30L219F", "00743110157", "CCCFBA85D03L219", "", "ÀÀÀÀÀÀ85D03L219P", "XXXXXX00B29Z999Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tc, err := ParseTaxCode(s)
		if err != nil {
			return
		}
		// A valid code's canonical form is itself valid, not omocodic and
		// decodes to the same person.
		c, err := ParseTaxCode(tc.Canonical)
		if err != nil {
			t.Fatalf("canonical %s of %q rejected: %v", tc.Canonical, s, err)
		}
		if c.Omocodic || c.Canonical != tc.Canonical {
			t.Fatalf("canonical %s of %q: omocodic %v, canonical %s", tc.Canonical, s, c.Omocodic, c.Canonical)
		}
		if c.Sex != tc.Sex || c.YY != tc.YY || c.Month != tc.Month || c.Day != tc.Day || c.Place != tc.Place {
			t.Fatalf("canonical decodes differently: %+v vs %+v", c, tc)
		}
		b := tc.BirthDate(time.Time{}, 0)
		if b.IsZero() || b.Year() < DefaultPivot || b.Year() > DefaultPivot+100 {
			t.Fatalf("%q: birth date %v", s, b)
		}
		if d, sx := tc.Agrees(b, tc.Sex); !d || !sx {
			t.Fatalf("%q does not agree with its own birth date", s)
		}
	})
}

func FuzzCheckIBAN(f *testing.F) {
	for _, s := range []string{"IT60 X054 2811 1010 0000 0123 456", "IT64Y0542811101000000123456", "GB82WEST12345698765432", "IBAN: DE89 3704 0044 0532 0130 00", "QQ9312345678", "0001", "", "ÉÉ00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckIBAN(s) != nil {
			return
		}
		n := NormalizeIBAN(s)
		if NormalizeIBAN(n) != n || CheckIBAN(n) != nil {
			t.Fatalf("valid %q: normal form %q not stable or not valid", s, n)
		}
		if ibanMod97(n) != 1 || len(n) != ibanCountries[n[:2]].length {
			t.Fatalf("valid %q fails mod-97 or length", s)
		}
	})
}

func FuzzCheckAddress(f *testing.F) {
	for _, s := range []string{
		"1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo", "bc1p83n3au0rjylefxq2nc2xh2y4jzz4pm6zxj4mw5pagdjjr2a9f36s6jjnnu",
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
		"44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A",
		"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
		"ltc1", "", "1111111111111111111111111",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, err := CheckAddress(s)
		if (err == nil) == (kind == "") {
			t.Fatalf("%q: kind %q with error %v", s, kind, err)
		}
		if err == nil && Key(s) != Key(Key(s)) {
			t.Fatalf("Key not idempotent on address %q", s)
		}
	})
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"IT60 X054 2811 1010 0000 0123 456", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "@Foo", "https://t.me/Foo/", "a@B.it", "+39 333 1234567", "0039 333", "  a \u00a0 b  ", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c", "iban", "@", "t.me/", "bc1q w508 d6qe jxtd g4y5 r3za rvar y0c5 xw7k v8f3 t4", "0x5aAe-b605-3F3E-94C9-b9A0-9f33-6694-35E7-Ef1B-eAed", "1FsSia9rv4 NeEwvJ2GvX rX7LyxYspbN2mo", "IT60.X054.2811"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if k2 := Key(k); k2 != k {
			t.Fatalf("Key(%q) = %q, Key of that = %q", s, k, k2)
		}
		if utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q is not valid UTF-8", s, k)
		}
	})
}
