package spool

import (
	"encoding/binary"
	"errors"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/shopspring/decimal"
)

// The spool's record format: a hand-written length-prefixed encoding,
// several times faster than encoding/gob for these flat records (gob
// spent ~3 µs per payment, more than reading it). Strings are
// varint-length-prefixed; decimals travel as coefficient and exponent
// (their exact text when large); dates as days since 1970 (the ledger's
// dates are UTC midnights), zeroDay for the zero date; values that
// repeat the previous record's are one byte (see encoder).

var errCorrupt = errors.New("spool record is corrupt")

// encoder writes records of one spool. It remembers, per field slot,
// the value it last wrote, and writes a repeat as one byte: paths,
// currencies, statuses, rules and suspects repeat from row to row, and
// the spool (written and read back once per output) is then about half
// the size. The decoder of one pass mirrors that memory, so records must
// be read in the order they were written, from the first.
type encoder struct {
	b    []byte
	prev [nSlots]string
	// row and day of the previous payment row: rows go up by one and
	// days seldom change, so deltas fit one byte.
	row, day int64
}

// The field slots of pstr.
const (
	slotPath = iota
	slotSheet
	slotCurrency
	slotChannel
	slotSuspect
	slotFileSuspect
	slotStatus
	slotDupPath
	slotDupSheet
	slotRatePath
	slotRateSheet
	slotRateCurrency
	slotAttrib
	slotRule
	slotAttribBy
	slotColumn
	nSlots
)

// pstr writes a string likely to repeat the slot's previous value: 0
// for a repeat, else its length plus one and its bytes.
func (e *encoder) pstr(slot int, s string) {
	if s == e.prev[slot] {
		e.b = append(e.b, 0)
		return
	}
	e.prev[slot] = s
	e.b = binary.AppendUvarint(e.b, uint64(len(s))+1)
	e.b = append(e.b, s...)
}

func (e *encoder) str(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) int(v int64) { e.b = binary.AppendVarint(e.b, v) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// dec writes small decimals (the common case) as coefficient and
// exponent, larger ones as their exact text.
func (e *encoder) dec(d decimal.Decimal) {
	if d.NumDigits() <= 18 {
		e.b = append(e.b, 0)
		e.int(d.CoefficientInt64())
		e.int(int64(d.Exponent()))
		return
	}
	e.b = append(e.b, 1)
	e.str(d.String())
}

type decoder struct {
	b   []byte
	err error
	// intern shares the few distinct values of paths, currencies,
	// statuses and suspect ids across records instead of allocating each.
	intern map[string]string
	// prev, row and day mirror the encoder's memory (see encoder).
	prev     [nSlots]string
	row, day int64
}

// raw reads a length-prefixed byte string whose prefix was already read
// as n.
func (d *decoder) raw(n uint64) []byte {
	if uint64(len(d.b)) < n {
		d.err = errCorrupt
		d.b = nil
		return nil
	}
	r := d.b[:n]
	d.b = d.b[n:]
	return r
}

func (d *decoder) uvarint() uint64 {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.err = errCorrupt
		d.b = nil
		return 0
	}
	d.b = d.b[k:]
	return n
}

// internString returns raw as a string shared with earlier records.
func (d *decoder) internString(raw []byte) string {
	if s, ok := d.intern[string(raw)]; ok {
		return s
	}
	s := string(raw)
	if len(d.intern) < 1<<16 {
		d.intern[s] = s
	}
	return s
}

// istr reads a string likely to repeat across records.
func (d *decoder) istr() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	return d.internString(d.raw(n))
}

// pstr reads what encoder.pstr wrote; intern shares the value with
// earlier records.
func (d *decoder) pstr(slot int, intern bool) string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n == 0 {
		return d.prev[slot]
	}
	raw := d.raw(n - 1)
	s := ""
	if intern {
		s = d.internString(raw)
	} else {
		s = string(raw)
	}
	d.prev[slot] = s
	return s
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	return string(d.raw(n))
}

func (d *decoder) int() int64 {
	v, k := binary.Varint(d.b)
	if k <= 0 {
		d.err = errCorrupt
		d.b = nil
		return 0
	}
	d.b = d.b[k:]
	return v
}

func (d *decoder) bool() bool {
	if len(d.b) == 0 {
		d.err = errCorrupt
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

func (d *decoder) dec() decimal.Decimal {
	if len(d.b) == 0 {
		d.err = errCorrupt
		return decimal.Zero
	}
	tag := d.b[0]
	d.b = d.b[1:]
	if tag == 0 {
		coef := d.int()
		return decimal.New(coef, int32(d.int()))
	}
	v, err := decimal.NewFromString(d.str())
	if err != nil {
		d.err = errCorrupt
	}
	return v
}

// AttribBy is mostly the payee account, the payee or the file's suspect
// of the same row: a code says which, or the text follows (length plus
// byLiteral).
const (
	byRepeat = iota
	byPayeeAccount
	byPayee
	byFileSuspect
	bySuspect
	byLiteral
)

// EUR equal to the amount (a EUR payment in whole cents) is written as
// this decimal tag, after dec's 0 (small) and 1 (text).
const decSameAsAmount = 2

func encodeEntry(b []byte, x *ledger.Entry) []byte {
	e := encoder{b: b}
	e.entry(x)
	return e.b
}

// entry writes one payment row.
func (e *encoder) entry(x *ledger.Entry) {
	p := &x.Payment
	e.pstr(slotPath, p.Ref.Path)
	e.pstr(slotSheet, p.Ref.Sheet)
	e.int(int64(p.Ref.Row) - e.row)
	e.row = int64(p.Ref.Row)
	day := dayOf(p.Date)
	e.int(day - e.day)
	e.day = day
	e.dec(p.Amount)
	e.int(int64(p.Direction))
	e.str(p.DirReason)
	e.pstr(slotCurrency, p.Currency)
	for _, s := range [...]string{p.Payer, p.PayerAccount, p.Payee, p.PayeeAccount, p.Reference, p.Description} {
		e.str(s)
	}
	e.pstr(slotChannel, p.Channel)
	e.pstr(slotSuspect, p.Suspect)
	e.pstr(slotFileSuspect, p.FileSuspect)
	e.pstr(slotStatus, string(x.Status))
	e.pstr(slotDupPath, x.DuplicateOf.Path)
	e.pstr(slotDupSheet, x.DuplicateOf.Sheet)
	e.int(int64(x.DuplicateOf.Row))
	if x.HasEUR && sameDecimal(x.EUR, p.Amount) {
		e.b = append(e.b, decSameAsAmount)
	} else {
		e.dec(x.EUR)
	}
	e.bool(x.HasEUR)
	e.bool(x.HasRate)
	if x.HasRate {
		e.pstr(slotRatePath, x.Rate.Ref.Path)
		e.pstr(slotRateSheet, x.Rate.Ref.Sheet)
		e.int(int64(x.Rate.Ref.Row))
		e.int(dayOf(x.Rate.Date) - day)
		e.pstr(slotRateCurrency, x.Rate.Currency)
		e.dec(x.Rate.Value)
		e.bool(x.Rate.PerUnit)
		e.str(x.Rate.Via) // empty once resolved: one byte
	}
	e.pstr(slotAttrib, x.Attrib)
	e.pstr(slotRule, string(x.Rule))
	e.attribBy(x.AttribBy, p)
}

func (e *encoder) attribBy(by string, p *ledger.Payment) {
	code := byLiteral
	switch by {
	case e.prev[slotAttribBy]:
		code = byRepeat
	case p.PayeeAccount:
		code = byPayeeAccount
	case p.Payee:
		code = byPayee
	case p.FileSuspect:
		code = byFileSuspect
	case p.Suspect:
		code = bySuspect
	}
	e.prev[slotAttribBy] = by
	if code != byLiteral {
		e.b = append(e.b, byte(code))
		return
	}
	e.b = binary.AppendUvarint(e.b, uint64(len(by))+byLiteral)
	e.b = append(e.b, by...)
}

// sameDecimal reports whether a and b have the same coefficient and
// exponent (not only the same value: the decoded EUR must print alike).
func sameDecimal(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Cmp(b) == 0
}

// dayOf numbers t's day as encoder.date does (zeroDay for the zero time).
func dayOf(t time.Time) int64 {
	if t.IsZero() {
		return zeroDay
	}
	return t.Unix() / 86400
}

const zeroDay = -1 << 40

func dayTime(v int64) time.Time {
	if v == zeroDay {
		return time.Time{}
	}
	return time.Unix(v*86400, 0).UTC()
}

func decodeEntry(d *decoder) (ledger.Entry, error) {
	var x ledger.Entry
	p := &x.Payment
	p.Ref.Path = d.pstr(slotPath, true)
	p.Ref.Sheet = d.pstr(slotSheet, true)
	d.row += d.int()
	p.Ref.Row = int(d.row)
	d.day += d.int()
	p.Date = dayTime(d.day)
	p.Amount = d.dec()
	p.Direction = ledger.Direction(d.int())
	p.DirReason = d.str()
	p.Currency = d.pstr(slotCurrency, true)
	for _, s := range [...]*string{&p.Payer, &p.PayerAccount, &p.Payee, &p.PayeeAccount, &p.Reference, &p.Description} {
		*s = d.str()
	}
	p.Channel = d.pstr(slotChannel, true)
	p.Suspect = d.pstr(slotSuspect, true)
	p.FileSuspect = d.pstr(slotFileSuspect, true)
	x.Status = ledger.EntryStatus(d.pstr(slotStatus, true))
	x.DuplicateOf.Path = d.pstr(slotDupPath, true)
	x.DuplicateOf.Sheet = d.pstr(slotDupSheet, true)
	x.DuplicateOf.Row = int(d.int())
	if len(d.b) > 0 && d.b[0] == decSameAsAmount {
		d.b = d.b[1:]
		x.EUR = p.Amount
	} else {
		x.EUR = d.dec()
	}
	x.HasEUR = d.bool()
	x.HasRate = d.bool()
	if x.HasRate {
		x.Rate.Ref.Path = d.pstr(slotRatePath, true)
		x.Rate.Ref.Sheet = d.pstr(slotRateSheet, true)
		x.Rate.Ref.Row = int(d.int())
		x.Rate.Date = dayTime(d.day + d.int())
		x.Rate.Currency = d.pstr(slotRateCurrency, true)
		x.Rate.Value = d.dec()
		x.Rate.PerUnit = d.bool()
		x.Rate.Via = d.str()
	}
	x.Attrib = d.pstr(slotAttrib, true)
	x.Rule = ledger.Rule(d.pstr(slotRule, true))
	x.AttribBy = d.attribBy(p)
	return x, d.err
}

func (d *decoder) attribBy(p *ledger.Payment) string {
	code := d.uvarint()
	var by string
	switch code {
	case byRepeat:
		by = d.prev[slotAttribBy]
	case byPayeeAccount:
		by = p.PayeeAccount
	case byPayee:
		by = p.Payee
	case byFileSuspect:
		by = p.FileSuspect
	case bySuspect:
		by = p.Suspect
	default:
		by = d.internString(d.raw(code - byLiteral))
	}
	d.prev[slotAttribBy] = by
	return by
}

func encodeIssue(b []byte, x *ledger.Issue) []byte {
	e := encoder{b: b}
	e.issue(x)
	return e.b
}

// issue writes one issue.
func (e *encoder) issue(x *ledger.Issue) {
	e.pstr(slotPath, x.Path)
	e.pstr(slotSheet, x.Sheet)
	e.int(int64(x.Row))
	e.pstr(slotColumn, x.Column)
	e.str(x.Field)
	e.str(x.Value)
	e.str(string(x.Msg.Key))
	e.str(x.Msg.Encoded())
	e.int(int64(x.Level))
}

func decodeIssue(d *decoder) (ledger.Issue, error) {
	x := ledger.Issue{Path: d.pstr(slotPath, true), Sheet: d.pstr(slotSheet, true)}
	x.Row = int(d.int())
	x.Column = d.pstr(slotColumn, true)
	x.Field = d.str()
	x.Value = d.str()
	key := msg.Key(d.str())
	x.Msg = msg.Decode(key, d.str())
	x.Level = ledger.Level(d.int())
	return x, d.err
}
