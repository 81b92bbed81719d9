package ledger

import (
	"math"
	"math/bits"
	"time"

	"github.com/shopspring/decimal"
)

// This file holds the small integer helpers behind the hot path: day
// numbers instead of time.Time in maps, and cent arithmetic on int64 with
// 128-bit intermediates. Every fast path reports ok=false when a value
// does not fit, and the caller then uses shopspring/decimal, so results
// are always exact; the fast path only avoids big.Int allocations for the
// common case (amounts and rates with at most 18 significant digits).

// dayNumber returns the days since 1970-01-01 of t's calendar day (in
// t's own location: inputs are UTC midnight).
func dayNumber(t time.Time) int32 {
	y, m, d := t.Date()
	return daysFromCivil(int64(y), int64(m), int64(d))
}

// daysFromCivil is Howard Hinnant's days_from_civil, clamped to int32.
func daysFromCivil(y, m, d int64) int32 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	n := era*146097 + doe - 719468
	if n > math.MaxInt32 {
		return math.MaxInt32
	}
	if n < math.MinInt32 {
		return math.MinInt32
	}
	return int32(n)
}

// dayTime is the inverse of dayNumber: UTC midnight of day n.
func dayTime(n int32) time.Time {
	return time.Unix(int64(n)*86400, 0).UTC()
}

// monthKey numbers calendar months: year*12 + month-1.
func monthKey(t time.Time) int32 {
	y, m, _ := t.Date()
	return int32(y)*12 + int32(m) - 1
}

// monthTime is the first day of month key k, UTC.
func monthTime(k int32) time.Time {
	y := k / 12
	m := k % 12
	if m < 0 {
		m += 12
		y--
	}
	return time.Date(int(y), time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
}

var pow10u = [...]uint64{
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
	1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000,
	10000000000000000000,
}

// small returns d's coefficient and exponent when |coefficient| < 2^62
// (so it fits an int64 with room to spare).
func small(d decimal.Decimal) (int64, int32, bool) {
	e := d.Exponent()
	if e < -boundExp || e > boundExp {
		if d.NumDigits() > 18 {
			return 0, 0, false
		}
		return d.CoefficientInt64(), e, true
	}
	// Comparing with bounds of the same exponent compares coefficients
	// without allocating (NumDigits costs a logarithm, Coefficient a copy).
	if d.Cmp(upperBound[e+boundExp]) >= 0 || d.Cmp(lowerBound[e+boundExp]) <= 0 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), e, true
}

// boundExp is the exponent range with precomputed bounds.
const boundExp = 64

// upperBound[e+boundExp] is 2^62 × 10^e, lowerBound its opposite.
var upperBound, lowerBound = bounds()

func bounds() (up, low [2*boundExp + 1]decimal.Decimal) {
	for e := -boundExp; e <= boundExp; e++ {
		up[e+boundExp] = decimal.New(1<<62, int32(e))
		low[e+boundExp] = decimal.New(-(1 << 62), int32(e))
	}
	return up, low
}

// abs64 returns |v| as uint64 and whether v was negative.
func abs64(v int64) (uint64, bool) {
	if v < 0 {
		return uint64(-v), true
	}
	return uint64(v), false
}

// roundQuo divides the 128-bit hi:lo by den, rounding half away from zero
// (the sign is applied by the caller). ok is false when the result does
// not fit an int64.
func roundQuo(hi, lo, den uint64) (uint64, bool) {
	if den == 0 || hi >= den {
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, den)
	if rem >= den-rem { // 2*rem >= den without overflow
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return q, true
}

func signed(q uint64, neg bool) int64 {
	if neg {
		return -int64(q)
	}
	return int64(q)
}

// divCents returns a×10^ea / (r×10^er) in cents, rounded once, half away
// from zero. r must be positive.
func divCents(a int64, ea int32, r int64, er int32) (int64, bool) {
	if r <= 0 {
		return 0, false
	}
	ua, neg := abs64(a)
	k := int64(ea) - int64(er) + 2
	var hi, lo, den uint64
	switch {
	case k >= 0 && k < int64(len(pow10u)):
		hi, lo = bits.Mul64(ua, pow10u[k])
		den = uint64(r)
	case k < 0 && -k < int64(len(pow10u)):
		dhi, dlo := bits.Mul64(uint64(r), pow10u[-k])
		if dhi != 0 {
			return 0, false
		}
		lo, den = ua, dlo
	default:
		return 0, false
	}
	q, ok := roundQuo(hi, lo, den)
	return signed(q, neg), ok
}

// mulCents returns a×10^ea × p×10^ep in cents, rounded once, half away
// from zero.
func mulCents(a int64, ea int32, p int64, ep int32) (int64, bool) {
	ua, neg := abs64(a)
	up, pneg := abs64(p)
	neg = neg != pneg
	hi, lo := bits.Mul64(ua, up)
	k := int64(ea) + int64(ep) + 2
	switch {
	case k >= 0 && k < int64(len(pow10u)):
		if hi != 0 {
			return 0, false
		}
		h2, l2 := bits.Mul64(lo, pow10u[k])
		if h2 != 0 || l2 > math.MaxInt64 {
			return 0, false
		}
		return signed(l2, neg), true
	case k < 0 && -k < int64(len(pow10u)):
		q, ok := roundQuo(hi, lo, pow10u[-k])
		return signed(q, neg), ok
	}
	return 0, false
}

// sum adds decimals exactly. Values that fit are kept as an int64
// coefficient at the smallest exponent seen; anything else (or an
// overflow) spills into a decimal. Adding cents this way costs no
// allocation, which matters at a million payments a second.
type sum struct {
	coef  int64
	exp   int32
	used  bool
	spill decimal.Decimal
	big   bool
}

// addCents adds c hundredths.
func (s *sum) addCents(c int64) { s.addSmall(c, -2) }

// add adds d.
func (s *sum) add(d decimal.Decimal) {
	if c, e, ok := small(d); ok {
		s.addSmall(c, e)
		return
	}
	s.addBig(d)
}

func (s *sum) addBig(d decimal.Decimal) {
	if s.big {
		s.spill = s.spill.Add(d)
	} else {
		s.spill, s.big = d, true
	}
}

func (s *sum) addSmall(c int64, e int32) {
	if !s.used {
		s.coef, s.exp, s.used = c, e, true
		return
	}
	// Bring both to the smaller exponent.
	for e > s.exp {
		if c > math.MaxInt64/10 || c < math.MinInt64/10 {
			s.addBig(decimal.New(c, e))
			return
		}
		c *= 10
		e--
	}
	for s.exp > e {
		if s.coef > math.MaxInt64/10 || s.coef < math.MinInt64/10 {
			s.flush()
			s.coef, s.exp, s.used = c, e, true
			return
		}
		s.coef *= 10
		s.exp--
	}
	n := s.coef + c
	if (c > 0 && n < s.coef) || (c < 0 && n > s.coef) { // overflow
		s.flush()
		s.coef, s.exp, s.used = c, e, true
		return
	}
	s.coef = n
}

// flush moves the int64 part into the spill decimal.
func (s *sum) flush() {
	if s.used {
		s.addBig(decimal.New(s.coef, s.exp))
	}
	s.coef, s.exp, s.used = 0, 0, false
}

// value returns the exact sum (zero when nothing was added).
func (s *sum) value() decimal.Decimal {
	if !s.big && s.used && s.exp <= 0 {
		// What Zero.Add would give (same coefficient and exponent),
		// without its rescaling through big.Int.
		return decimal.New(s.coef, s.exp)
	}
	v := decimal.Zero
	if s.big {
		v = s.spill
	}
	if s.used {
		v = v.Add(decimal.New(s.coef, s.exp))
	}
	return v
}
