package linkexport

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/big"
	"time"

	"github.com/shopspring/decimal"
)

// The scratch records of the payment edges. A payment record is one
// income payment: its edge's key (from, to, suspect), then what the edge
// aggregates. An edge record is one aggregated payment edge; a payer
// record a payer node.

var errCorrupt = errors.New("link export: scratch record is corrupt")

type enc struct{ b []byte }

func (e *enc) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }

func (e *enc) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// str2 writes a+b as one string (a node id without building it).
func (e *enc) str2(a, b string) {
	e.uvarint(uint64(len(a) + len(b)))
	e.b = append(e.b, a...)
	e.b = append(e.b, b...)
}

func (e *enc) dec(d decimal.Decimal) {
	// The coefficient and exponent as they are: the sum is exact.
	if c := d.Coefficient(); c.IsInt64() {
		e.b = append(e.b, 0)
		e.varint(c.Int64())
	} else {
		tag := byte(1)
		if c.Sign() < 0 {
			tag = 2
		}
		e.b = append(e.b, tag)
		mag := c.Bytes() // the absolute value
		e.uvarint(uint64(len(mag)))
		e.b = append(e.b, mag...)
	}
	e.varint(int64(d.Exponent()))
}

// date writes t as seconds since 1970 (the payments' days are UTC
// midnights); the zero time is flagged apart.
func (e *enc) date(t time.Time) {
	if t.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.varint(t.Unix())
	e.uvarint(uint64(t.Nanosecond()))
}

type dec struct {
	b   []byte
	err error
}

func (d *dec) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err, d.b = errCorrupt, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err, d.b = errCorrupt, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) byte() byte {
	if len(d.b) == 0 {
		d.err = errCorrupt
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// raw is a string field's bytes, valid while the record is.
func (d *dec) raw() []byte {
	n := d.uvarint()
	if uint64(len(d.b)) < n {
		d.err, d.b = errCorrupt, nil
		return nil
	}
	s := d.b[:n:n]
	d.b = d.b[n:]
	return s
}

func (d *dec) str() string { return string(d.raw()) }

func (d *dec) dec() decimal.Decimal {
	switch tag := d.byte(); tag {
	case 0:
		c := d.varint()
		return decimal.New(c, int32(d.varint()))
	case 1, 2:
		c := new(big.Int).SetBytes(d.raw())
		if tag == 2 {
			c.Neg(c)
		}
		return decimal.NewFromBigInt(c, int32(d.varint()))
	}
	d.err = errCorrupt
	return decimal.Decimal{}
}

func (d *dec) date() time.Time {
	if d.byte() == 0 {
		return time.Time{}
	}
	s := d.varint()
	return time.Unix(s, int64(d.uvarint())).UTC()
}

// compareKeys orders records by their first three string fields, the
// edge key (from, to, suspect): as cmp.Compare orders the strings.
func compareKeys(a, b []byte) int {
	for range 3 {
		la, na := binary.Uvarint(a)
		lb, nb := binary.Uvarint(b)
		if na <= 0 || nb <= 0 || uint64(len(a)-na) < la || uint64(len(b)-nb) < lb {
			// Corrupt records are caught when decoded; keep the order total.
			return bytes.Compare(a, b)
		}
		fa, fb := a[na:na+int(la)], b[nb:nb+int(lb)]
		if c := bytes.Compare(fa, fb); c != 0 {
			return c
		}
		a, b = a[na+int(la):], b[nb+int(lb):]
	}
	return 0
}
