package ledger

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/msg"

	"github.com/shopspring/decimal"
)

// maxExponent bounds the decimal exponents Convert accepts: shopspring
// panics on exponent overflow and would try to build 10^huge, so an
// absurd amount is reported as unconvertible instead.
const maxExponent = 100

// Rates holds exchange rates and prices by currency and day and converts
// amounts to EUR (docs/rules.md#conversion). It is not safe for
// concurrent use: Convert counts the rates it uses.
type Rates struct {
	lookback int32
	byCur    map[string]*currencyRates
	// rates is kept in fixed-size chunks: a long rate file then never
	// copies the whole table to grow it (the copies and their garbage
	// showed as a tenth of the time before the payments are read).
	rates rateChunks
	// pending holds the rates quoted against another currency than the
	// euro, until ResolveCross.
	pending []Rate
}

const rateChunk = 1024

// rateChunks is an append-only list of rate entries in chunks.
type rateChunks struct {
	chunks [][]rateEntry
	n      int
}

func (c *rateChunks) len() int { return c.n }

func (c *rateChunks) at(i int32) *rateEntry { return &c.chunks[i/rateChunk][i%rateChunk] }

func (c *rateChunks) add(e rateEntry) {
	if c.n%rateChunk == 0 {
		c.chunks = append(c.chunks, make([]rateEntry, 0, rateChunk))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, e)
	c.n++
}

// currencyRates indexes one currency's rates by day number.
type currencyRates struct {
	byDay map[int32]int32 // day -> index in Rates.rates
	// last lookup, since payments usually come in date order.
	lastDay int32
	lastIdx int32 // -1: no rate
	hasLast bool
}

// rateEntry is a Rate with its use count and a pre-split coefficient for
// the allocation-free fast path.
type rateEntry struct {
	rate Rate
	uses int
	coef int64
	exp  int32
	fast bool
}

// NewRates returns an empty rate table that looks back at most
// lookbackDays days before a day without a rate (docs/rules.md#conversion: 7).
func NewRates(lookbackDays int) *Rates {
	if lookbackDays < 0 {
		lookbackDays = 0
	}
	return &Rates{lookback: int32(lookbackDays), byCur: map[string]*currencyRates{}}
}

func normCurrency(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	if c == "" {
		return "EUR"
	}
	return c
}

// Add records a rate. The same currency and day twice with a different
// value (or quotation) is a problem and the first is kept; the same value
// twice (overlapping rate files) is silently one rate. A value <= 0 is a
// problem. EUR needs no rate: a EUR rate of 1 is ignored, any other is a
// problem.
func (r *Rates) Add(rate Rate) (problem msg.Message) {
	rate.Currency = normCurrency(rate.Currency)
	day := dayNumber(rate.Date)
	if rate.Value.Sign() <= 0 {
		return msg.New(msg.RateNotPositive, msg.Text(rate.Currency), msg.Date(rate.Date), msg.Num(rate.Value))
	}
	if rate.Via != "" {
		if rate.Via = normCurrency(rate.Via); rate.Via == "EUR" {
			rate.Via = ""
		} else {
			r.pending = append(r.pending, rate)
			return msg.Message{}
		}
	}
	if rate.Currency == "EUR" {
		if rate.Value.Equal(decimal.NewFromInt(1)) {
			return msg.Message{}
		}
		return msg.New(msg.RateForEUR, msg.Date(rate.Date), msg.Num(rate.Value))
	}
	cr := r.byCur[rate.Currency]
	if cr == nil {
		cr = &currencyRates{byDay: map[int32]int32{}}
		r.byCur[rate.Currency] = cr
	}
	if i, ok := cr.byDay[day]; ok {
		old := r.rates.at(i).rate
		if old.Value.Equal(rate.Value) && old.PerUnit == rate.PerUnit {
			return msg.Message{}
		}
		return msg.New(msg.RateTwice, msg.Text(rate.Currency), msg.Date(rate.Date),
			quoteOf(old), refArg(old.Ref), quoteOf(rate), refArg(rate.Ref))
	}
	rate.Date = dayTime(day)
	e := rateEntry{rate: rate}
	e.coef, e.exp, e.fast = small(rate.Value)
	cr.byDay[day] = int32(r.rates.len())
	cr.hasLast = false
	r.rates.add(e)
	return msg.Message{}
}

// quoteOf writes a rate with its quotation, for messages.
func quoteOf(rt Rate) msg.Arg {
	if rt.PerUnit {
		return msg.Nested(msg.New(msg.QuoteEURPerUnit, msg.Num(rt.Value), msg.Text(rt.Currency)))
	}
	return msg.Nested(msg.New(msg.QuoteUnitsPerEUR, msg.Num(rt.Value), msg.Text(rt.Currency)))
}

// refArg is a row of an input as a message argument.
func refArg(ref Ref) msg.Arg { return msg.Ref(ref.Path, ref.Sheet, ref.Row) }

// find returns the index of the rate for currency on day or the latest
// earlier day within the look-back, or -1.
func (r *Rates) find(currency string, day int32) int32 {
	cr := r.byCur[currency]
	if cr == nil {
		return -1
	}
	if cr.hasLast && cr.lastDay == day {
		return cr.lastIdx
	}
	idx := int32(-1)
	for back := int32(0); back <= r.lookback; back++ {
		if i, ok := cr.byDay[day-back]; ok {
			idx = i
			break
		}
	}
	cr.lastDay, cr.lastIdx, cr.hasLast = day, idx, true
	return idx
}

// Lookup finds the rate for currency on day, else the latest earlier day
// within the look-back (weekends, TARGET holidays). EUR never needs a
// rate: it returns a rate of 1 with PerUnit set, dated day, and true.
func (r *Rates) Lookup(currency string, day time.Time) (Rate, bool) {
	currency = normCurrency(currency)
	if currency == "EUR" {
		return Rate{Currency: "EUR", Date: dayTime(dayNumber(day)), Value: decimal.NewFromInt(1), PerUnit: true}, true
	}
	i := r.find(currency, dayNumber(day))
	if i < 0 {
		return Rate{}, false
	}
	return r.rates.at(i).rate, true
}

// Has reports whether currency has at least one rate (EUR always has).
func (r *Rates) Has(currency string) bool {
	currency = normCurrency(currency)
	return currency == "EUR" || r.byCur[currency] != nil
}

// Lookback returns the look-back in days.
func (r *Rates) Lookback() int { return int(r.lookback) }

// Convert returns amount in EUR rounded once to the cent, half away from
// zero: amount / units_per_eur (the ECB quotation) or amount ×
// eur_per_unit (a price). The quotient is exact before the single
// rounding (decimal.DivRound decides on the exact remainder). EUR (or an
// empty currency) needs no rate: the amount rounded to the cent, with a
// zero Rate. ok is false when there is no rate within the look-back: the
// caller keeps the native amount. Each successful conversion counts one
// use of its rate (see Used).
func (r *Rates) Convert(amount decimal.Decimal, currency string, day time.Time) (eur decimal.Decimal, rate Rate, ok bool) {
	currency = normCurrency(currency)
	if exp := amount.Exponent(); exp > maxExponent || exp < -maxExponent {
		return decimal.Decimal{}, Rate{}, false
	}
	if currency == "EUR" {
		if a, e, fast := small(amount); fast && e >= -2 {
			// Already whole cents: no rounding to do.
			return amount, Rate{}, true
		} else if fast {
			if c, ok := mulCents(a, e, 1, 0); ok {
				return decimal.New(c, -2), Rate{}, true
			}
		}
		return amount.Round(2), Rate{}, true
	}
	i := r.find(currency, dayNumber(day))
	if i < 0 {
		return decimal.Decimal{}, Rate{}, false
	}
	e := r.rates.at(i)
	e.uses++
	return e.convert(amount), e.rate, true
}

// convert applies the rate to amount, rounding once to the cent.
func (e *rateEntry) convert(amount decimal.Decimal) decimal.Decimal {
	if e.fast {
		if a, ea, ok := small(amount); ok {
			var c int64
			if e.rate.PerUnit {
				c, ok = mulCents(a, ea, e.coef, e.exp)
			} else {
				c, ok = divCents(a, ea, e.coef, e.exp)
			}
			if ok {
				return decimal.New(c, -2)
			}
		}
	}
	return applyRate(amount, e.rate)
}

// applyRate is the exact, unoptimised rule: multiply or divide, round
// once to the cent half away from zero.
func applyRate(amount decimal.Decimal, rt Rate) decimal.Decimal {
	if rt.PerUnit {
		return amount.Mul(rt.Value).Round(2)
	}
	return amount.DivRound(rt.Value, 2)
}

// countUse records one use of a rate found by Lookup (asset valuation
// converts with a share, outside Convert).
func (r *Rates) countUse(currency string, day time.Time) {
	if i := r.find(normCurrency(currency), dayNumber(day)); i >= 0 {
		r.rates.at(i).uses++
	}
}

// Used lists every rate that converted at least one amount, with how
// many times, sorted by currency then date.
func (r *Rates) Used() []RateUse {
	var out []RateUse
	for _, chunk := range r.rates.chunks {
		for _, e := range chunk {
			if e.uses > 0 {
				out = append(out, RateUse{Rate: e.rate, Uses: e.uses})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Rate, out[j].Rate
		if a.Currency != b.Currency {
			return a.Currency < b.Currency
		}
		return a.Date.Before(b.Date)
	})
	return out
}

// Currencies lists the currencies with at least one rate, sorted.
func (r *Rates) Currencies() []string {
	out := make([]string, 0, len(r.byCur))
	for c := range r.byCur {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// noRateProblem explains why an amount could not be converted.
func (r *Rates) noRateProblem(currency string, day time.Time) msg.Message {
	currency = normCurrency(currency)
	if !r.Has(currency) {
		return msg.New(msg.NoRateAtAll, msg.Text(currency), msg.Date(day))
	}
	return msg.New(msg.NoRateWithin, msg.Text(currency), msg.Date(day), msg.Int(int(r.lookback)))
}

// refText writes a location as "path [sheet] row N".
func refText(ref Ref) string {
	var b strings.Builder
	b.WriteString(ref.Path)
	if ref.Sheet != "" {
		b.WriteString(" [")
		b.WriteString(ref.Sheet)
		b.WriteString("]")
	}
	if ref.Row > 0 {
		fmt.Fprintf(&b, " row %d", ref.Row)
	}
	return b.String()
}

// crossDecimals is the precision of a rate derived through another
// currency when it takes a division (a USD price over the USD rate): far
// below a cent on any amount, the payment's EUR is still rounded once.
const crossDecimals = 16

// RateProblem is a rate that could not be used, and why.
type RateProblem struct {
	Rate    Rate
	Problem msg.Message
}

// ResolveCross turns the rates quoted against another currency than the
// euro (Rate.Via) into EUR rates, with that currency's own EUR rate of the
// same day or the latest earlier day within the look-back: a coin's
// price of v USD becomes v ÷ (USD per EUR) EUR; a rate of v units per
// USD becomes v × (USD per EUR) units per EUR. A rate given directly
// against the euro for the same currency and day wins. Call it once every
// rate file has been added; it returns the rates it could not resolve.
func (r *Rates) ResolveCross() []RateProblem {
	var out []RateProblem
	pending := r.pending
	r.pending = nil
	for _, p := range pending {
		day := dayNumber(p.Date)
		if cr := r.byCur[p.Currency]; cr != nil {
			if _, ok := cr.byDay[day]; ok {
				continue // quoted against the euro that day too
			}
		}
		vi := r.find(p.Via, day)
		if vi < 0 {
			out = append(out, RateProblem{p, msg.New(msg.RateViaMissing, msg.Text(p.Currency), msg.Text(p.Via), msg.Date(p.Date), msg.Int(int(r.lookback)))})
			continue
		}
		via := r.rates.at(vi).rate
		d := p
		d.Via = ""
		switch {
		case p.PerUnit && via.PerUnit: // via per unit × EUR per via
			d.Value = p.Value.Mul(via.Value)
		case p.PerUnit: // via per unit ÷ via per EUR
			d.Value = p.Value.DivRound(via.Value, crossDecimals)
		case via.PerUnit: // units per via ÷ EUR per via
			d.Value = p.Value.DivRound(via.Value, crossDecimals)
		default: // units per via × via per EUR
			d.Value = p.Value.Mul(via.Value)
		}
		if problem := r.Add(d); !problem.IsZero() {
			out = append(out, RateProblem{p, problem})
		}
	}
	return out
}
