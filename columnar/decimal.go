package columnar

import (
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Parquet DECIMAL(38, scale) values are 16-byte big-endian two's
// complement integers: the value times 10^scale, exactly.
const decimalPrecision = 38

var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

var maxUnscaled = new(big.Int).Exp(big.NewInt(10), big.NewInt(decimalPrecision), nil)

// putDecimal writes d scaled by 10^scale into dst; false when d has more
// decimals than scale or more than 38 digits in all (the caller then
// leaves the column null and keeps the exact text).
func putDecimal(dst *[16]byte, d decimal.Decimal, scale int32) bool {
	k := d.Exponent() + scale
	if k >= 0 && k < int32(len(pow10)) && d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		neg := c < 0
		u := uint64(c)
		if neg {
			u = -u
		}
		hi, lo := bits.Mul64(u, pow10[k])
		if neg {
			lo = ^lo + 1
			hi = ^hi
			if lo == 0 {
				hi++
			}
		}
		for i := range 8 {
			dst[i] = byte(hi >> (56 - 8*i))
			dst[8+i] = byte(lo >> (56 - 8*i))
		}
		return true
	}
	return putDecimalBig(dst, d, scale)
}

func putDecimalBig(dst *[16]byte, d decimal.Decimal, scale int32) bool {
	s := d.Shift(scale)
	if !s.IsInteger() {
		return false
	}
	v := s.BigInt()
	abs := new(big.Int).Abs(v)
	if abs.Cmp(maxUnscaled) >= 0 {
		return false
	}
	if v.Sign() >= 0 {
		v.FillBytes(dst[:])
		return true
	}
	// Two's complement: 2^128 - |v|.
	t := new(big.Int).Lsh(big.NewInt(1), 128)
	t.Sub(t, abs)
	t.FillBytes(dst[:])
	return true
}

// decimalOf reads a DECIMAL(38, scale) value back (for tests and checks).
func decimalOf(b [16]byte, scale int32) decimal.Decimal {
	v := new(big.Int).SetBytes(b[:])
	if b[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), 128))
	}
	return decimal.NewFromBigInt(v, -scale)
}
