package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"
)

// The rate files are synthetic: plausible levels that drift smoothly, in
// the ECB layout, never ECB's own figures.

var (
	ratesFirst = day(2019, 1, 1)
	ratesLast  = day(2020, 11, 6)
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// ecbColumns is the eurofxref-hist.csv header order. Legacy currencies are
// N/A; the others get a level (in units of 10^-decimals) and a spread.
var ecbColumns = []struct {
	code     string
	level    int64 // typical value, scaled by 10^decimals; 0 = legacy (N/A)
	decimals int32
}{
	{"USD", 11400, 4}, {"JPY", 12400, 2}, {"BGN", 19558, 4}, {"CYP", 0, 0}, {"CZK", 25800, 3},
	{"DKK", 74600, 4}, {"EEK", 0, 0}, {"GBP", 88000, 5}, {"HUF", 33500, 2}, {"LTL", 0, 0},
	{"LVL", 0, 0}, {"MTL", 0, 0}, {"PLN", 43500, 4}, {"ROL", 0, 0}, {"RON", 47800, 4},
	{"SEK", 105500, 4}, {"SIT", 0, 0}, {"SKK", 0, 0}, {"CHF", 10950, 4}, {"ISK", 1380, 1},
	{"NOK", 103000, 4}, {"HRK", 74300, 4}, {"RUB", 760000, 4}, {"TRL", 0, 0}, {"TRY", 74000, 4},
	{"AUD", 16200, 4}, {"BRL", 50000, 4}, {"CAD", 15100, 4}, {"CNY", 78000, 4}, {"HKD", 88500, 4},
	{"IDR", 1620000, 2}, {"ILS", 39500, 4}, {"INR", 810000, 4}, {"KRW", 131000, 2}, {"MXN", 228000, 4},
	{"MYR", 46800, 4}, {"NZD", 17100, 4}, {"PHP", 565000, 3}, {"SGD", 15300, 4}, {"THB", 35200, 3},
	{"ZAR", 172000, 4},
}

// easter returns Easter Sunday (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, month, dd)
}

// targetOpen reports whether the ECB publishes on d: Monday to Friday
// except the TARGET closing days.
func targetOpen(d time.Time) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	e := easter(d.Year())
	switch {
	case d.Month() == 1 && d.Day() == 1, d.Month() == 5 && d.Day() == 1,
		d.Month() == 12 && (d.Day() == 25 || d.Day() == 26),
		d.Equal(e.AddDate(0, 0, -2)), d.Equal(e.AddDate(0, 0, 1)):
		return false
	}
	return true
}

// rates holds the generated tables: ecb[date][code] in units per EUR,
// crypto[date][code] in EUR per unit.
type rates struct {
	ecb    map[time.Time]map[string]decimal.Decimal
	crypto map[time.Time]map[string]decimal.Decimal
	days   []time.Time // ECB publication days, oldest first
}

// walk drifts a scaled integer around level by at most ±0.15%/day,
// pulled back toward level, so series look like exchange rates.
func walk(r *rand.Rand, cur, level int64) int64 {
	step := level * 15 / 10000
	if step < 1 {
		step = 1
	}
	cur += r.Int64N(2*step+1) - step
	cur += (level - cur) / 60
	return cur
}

func genRates(r *rand.Rand) *rates {
	rt := &rates{ecb: map[time.Time]map[string]decimal.Decimal{}, crypto: map[time.Time]map[string]decimal.Decimal{}}
	cur := make([]int64, len(ecbColumns))
	for i, c := range ecbColumns {
		cur[i] = c.level
	}
	// USD drifts from about 1.14 down to 1.08 (spring 2020) and up to 1.19.
	usdPath := []anchor{{day(2019, 1, 1), 11450}, {day(2019, 9, 30), 10900}, {day(2020, 3, 20), 10750}, {day(2020, 8, 31), 11900}, {day(2020, 11, 6), 11850}}
	for d := ratesFirst; !d.After(ratesLast); d = d.AddDate(0, 0, 1) {
		if !targetOpen(d) {
			continue
		}
		row := map[string]decimal.Decimal{}
		for i, c := range ecbColumns {
			if c.level == 0 {
				continue
			}
			level := c.level
			if c.code == "USD" {
				level = interp(usdPath, d)
			}
			switch c.code {
			case "BGN": // the lev is pegged to the euro
			case "USD": // follow the path closely
				cur[i] = walk(r, cur[i], level)
				cur[i] += (level - cur[i]) / 8
			default:
				cur[i] = walk(r, cur[i], level)
			}
			row[c.code] = decimal.New(cur[i], -c.decimals)
		}
		rt.ecb[d] = row
		rt.days = append(rt.days, d)
	}
	rt.genCrypto(r)
	return rt
}

type anchor struct {
	d time.Time
	v int64
}

// interp interpolates a piecewise-linear path of integer anchors.
func interp(path []anchor, d time.Time) int64 {
	for i := 1; i < len(path); i++ {
		if !d.After(path[i].d) {
			a, b := path[i-1], path[i]
			span := int64(b.d.Sub(a.d).Hours() / 24)
			pos := int64(d.Sub(a.d).Hours() / 24)
			return a.v + (b.v-a.v)*pos/span
		}
	}
	return path[len(path)-1].v
}

// genCrypto writes a price for every calendar day: BTC and ETH follow a
// 2019-2020-like path in cents with ±2% noise; USDT is one US dollar.
func (rt *rates) genCrypto(r *rand.Rand) {
	btc := []anchor{{day(2019, 1, 1), 340000}, {day(2019, 6, 26), 1150000}, {day(2019, 12, 31), 640000}, {day(2020, 3, 12), 450000}, {day(2020, 7, 1), 810000}, {day(2020, 11, 6), 1300000}}
	eth := []anchor{{day(2019, 1, 1), 12000}, {day(2019, 6, 26), 28000}, {day(2019, 12, 31), 16000}, {day(2020, 3, 12), 10000}, {day(2020, 7, 1), 20000}, {day(2020, 11, 6), 37000}}
	for d := ratesFirst; !d.After(ratesLast); d = d.AddDate(0, 0, 1) {
		noisy := func(v int64) decimal.Decimal {
			return decimal.New(v+v*(r.Int64N(401)-200)/10000, -2)
		}
		usd, ok := rt.ecbRate("USD", d)
		if !ok { // 1 Jan 2019 precedes the first publication
			usd = rateUse{value: rt.ecb[rt.days[0]]["USD"]}
		}
		usdt := decimal.NewFromInt(1).DivRound(usd.value, 6).Add(decimal.New(r.Int64N(3001)-1500, -6))
		rt.crypto[d] = map[string]decimal.Decimal{"BTC": noisy(interp(btc, d)), "ETH": noisy(interp(eth, d)), "USDT": usdt}
	}
}

// rateUse is a rate found for a day: the value and the day it belongs to.
type rateUse struct {
	value   decimal.Decimal
	day     time.Time
	perUnit bool
}

// lookup finds the rate of d or of the latest earlier day within 7 days
// (docs/rules.md#conversion).
func lookup(tab map[time.Time]map[string]decimal.Decimal, code string, d time.Time) (rateUse, bool) {
	for back := 0; back <= 7; back++ {
		dd := d.AddDate(0, 0, -back)
		if v, ok := tab[dd][code]; ok {
			return rateUse{value: v, day: dd}, true
		}
	}
	return rateUse{}, false
}

func (rt *rates) ecbRate(code string, d time.Time) (rateUse, bool) { return lookup(rt.ecb, code, d) }

// toEUR converts an amount on day d, rounded once to the cent (half away
// from zero). ok is false when no rate is found.
func (rt *rates) toEUR(amount decimal.Decimal, code string, d time.Time) (decimal.Decimal, bool) {
	if code == "EUR" {
		return amount.Round(2), true
	}
	if u, ok := lookup(rt.crypto, code, d); ok {
		return amount.Mul(u.value).Round(2), true
	}
	if u, ok := rt.ecbRate(code, d); ok {
		return amount.DivRound(u.value, 2), true
	}
	return decimal.Decimal{}, false
}

// ecbCSV writes eurofxref-hist.csv exactly in the ECB layout: header and
// rows with a trailing comma, newest first, N/A for legacy currencies.
func (rt *rates) ecbCSV() []byte {
	var b bytes.Buffer
	b.WriteString("Date,")
	for _, c := range ecbColumns {
		b.WriteString(c.code + ",")
	}
	b.WriteString("\n")
	for i := len(rt.days) - 1; i >= 0; i-- {
		d := rt.days[i]
		b.WriteString(d.Format("2006-01-02") + ",")
		for _, c := range ecbColumns {
			if v, ok := rt.ecb[d][c.code]; ok {
				b.WriteString(v.String()) // shortest form, no trailing zeros, as ECB
			} else {
				b.WriteString("N/A")
			}
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

func (rt *rates) cryptoCSV() []byte {
	var b bytes.Buffer
	b.WriteString("date,currency,eur_per_unit\n")
	for d := ratesFirst; !d.After(ratesLast); d = d.AddDate(0, 0, 1) {
		for _, c := range []string{"BTC", "ETH", "USDT"} {
			fmt.Fprintf(&b, "%s,%s,%s\n", d.Format("2006-01-02"), c, rt.crypto[d][c].String())
		}
	}
	return b.Bytes()
}
