package linkexport

import (
	"cmp"
	"math/big"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The scratch records must give back exactly what was written: the sums
// and days of the payment edges come from them.
func FuzzScratchRecord(f *testing.F) {
	f.Add("payer:a@b.c", "account:x", "S01", "12345", int32(-2), int64(1577836800), true)
	f.Add("payer:name:ROSSI", "suspect:S02", "S02", "-123456789012345678901234567890", int32(-18), int64(0), false)
	f.Add("", "\x00", "\x00\x00", "0", int32(3), int64(-86400), true)
	f.Fuzz(func(t *testing.T, from, to, sus, coef string, exp int32, unix int64, hasDate bool) {
		c, ok := new(big.Int).SetString(coef, 10)
		if !ok {
			return
		}
		d := decimal.NewFromBigInt(c, exp)
		var date time.Time
		if hasDate {
			date = time.Unix(unix, 0).UTC()
		}
		var e enc
		e.str(from)
		e.str(to)
		e.str(sus)
		e.dec(d)
		e.date(date)
		r := dec{b: e.b}
		gf, gt, gs, gd, gdate := r.str(), r.str(), r.str(), r.dec(), r.date()
		if r.err != nil || len(r.b) != 0 {
			t.Fatalf("decode: %v, %d bytes left", r.err, len(r.b))
		}
		if gf != from || gt != to || gs != sus || !gd.Equal(d) || gd.Exponent() != d.Exponent() || !gdate.Equal(date) || gdate.IsZero() != date.IsZero() {
			t.Fatalf("read back %q %q %q %s %v, wrote %q %q %q %s %v", gf, gt, gs, gd, gdate, from, to, sus, d, date)
		}
		// Keys order as the strings do, field by field.
		var k enc
		k.str(to)
		k.str(from)
		k.str(sus)
		want := cmp.Or(cmp.Compare(from, to), cmp.Compare(to, from), cmp.Compare(sus, sus))
		if got := compareKeys(e.b, k.b); sign(got) != sign(want) {
			t.Fatalf("compareKeys = %d, want the sign of %d", got, want)
		}
		// A truncated record is an error, never a panic.
		for n := range len(e.b) {
			r := dec{b: e.b[:n]}
			r.str()
			r.str()
			r.str()
			r.dec()
			r.date()
			if r.err == nil {
				t.Fatalf("%d of %d bytes decoded without an error", n, len(e.b))
			}
		}
	})
}

func sign(x int) int { return cmp.Compare(x, 0) }
