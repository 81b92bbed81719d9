package ledger

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Deduper finds payment rows that are the same payment read twice
// (docs/rules.md#duplicates): same reference (trimmed, case-folded) and
// same currency. Equal amounts make a duplicate (the first read is kept);
// different amounts make a conflict (both kept, both marked). Rows
// without a reference are never merged.
//
// Memory: payments are streamed, so the only state that grows with them
// is one 16-byte entry per distinct reference in a hash table keyed by a
// 64-bit FNV-1a hash of currency and folded reference (24-byte slots at
// most 3/4 full: about 50 bytes per reference). No string is kept per payment. Two
// different references colliding on 64 bits is a 1 in 10^6 chance at
// 6 million references; the amounts would then also have to agree for a
// row to be wrongly dropped, and the row is listed as a duplicate with
// the row it was taken for, so a person can see it.
type Deduper struct {
	seen hashTab[dedupeEntry]
	// sources numbers the (path, sheet) pairs; an entry keeps the number.
	sources  []Ref
	srcIndex map[Ref]uint32
	lastSrc  Ref
	lastIdx  uint32
	hasLast  bool
	// sink keeps prefetch's loads from being optimised away.
	sink uint64
	// conflicted replaces seen once sealed: the references that ended in
	// a conflict, all Conflicted needs.
	conflicted map[uint64]struct{}
	sealed     bool
}

// seal drops the table, keeping the conflicted references: no row may
// be checked after it.
func (d *Deduper) seal() {
	if d.sealed {
		return
	}
	d.conflicted = map[uint64]struct{}{}
	if d.seen.hasZero && d.seen.zero.meta&flagConflict != 0 {
		d.conflicted[0] = struct{}{}
	}
	for i := range d.seen.shards {
		for _, sl := range d.seen.shards[i].slots {
			if sl.key != 0 && sl.val.meta&flagConflict != 0 {
				d.conflicted[sl.key] = struct{}{}
			}
		}
	}
	d.seen.release()
	d.sealed = true
}

// dedupeEntry is the first row seen with one reference.
type dedupeEntry struct {
	// amount is the normalised coefficient (trailing zeros stripped), or
	// a hash of the amount's text when flagHashed is set.
	amount int64
	row    uint32
	// meta packs the source number (low 16 bits), the amount's exponent
	// (next 8, signed) and the flags (top 8).
	meta uint32
}

const (
	flagConflict = 1 << 24
	flagDebit    = 2 << 24
	flagHashed   = 4 << 24
	flagMask     = 0xff << 24
	// maxSources is how many sources an entry can name; later sources
	// share the last number (their duplicates name "another source").
	maxSources = 0xffff
)

// NewDeduper returns an empty Deduper.
func NewDeduper() *Deduper {
	return &Deduper{srcIndex: map[Ref]uint32{}}
}

// Reserve makes room for about n references ahead (for example from the
// size of the payment files), so the table does not grow in steps.
func (d *Deduper) Reserve(n int) { d.seen.reserve(n) }

// Len returns the number of distinct references seen.
func (d *Deduper) Len() int { return d.seen.len() }

// Check classifies p; first is where the first row with that reference
// was read (for duplicates and conflicts).
func (d *Deduper) Check(p *Payment) (status EntryStatus, first Ref) {
	key, ok := referenceKey(p.Currency, p.Reference)
	return d.checkKey(p, key, ok)
}

// RefKey is a payment's reference fingerprint (ReferenceKey), worked out
// ahead of posting, possibly on another goroutine.
type RefKey struct {
	key uint64
	ok  bool
}

// ReferenceKey fingerprints p's currency and reference as the duplicate
// check does. It only reads p, so a reader goroutine can compute it while
// the ledger posts earlier rows (see PostKeyedTo and Prefetch).
func ReferenceKey(p *Payment) RefKey {
	k, ok := referenceKey(p.Currency, p.Reference)
	return RefKey{key: k, ok: ok}
}

// checkKey is Check with the reference key computed.
func (d *Deduper) checkKey(p *Payment, key uint64, ok bool) (status EntryStatus, first Ref) {
	if !ok {
		return EntryOK, Ref{}
	}
	amount, meta := amountKey(p.Amount, p.Debit())
	old, added := d.seen.insert(key)
	if added {
		row := uint32(math.MaxUint32)
		if p.Ref.Row >= 0 && p.Ref.Row < math.MaxUint32 {
			row = uint32(p.Ref.Row)
		}
		*old = dedupeEntry{amount: amount, row: row, meta: meta | d.source(p.Ref)}
		return EntryOK, Ref{}
	}
	first = d.firstRef(*old)
	if old.amount == amount && old.meta&^(flagConflict|0xffff) == meta {
		return EntryDuplicate, first
	}
	old.meta |= flagConflict
	return EntryConflict, first
}

// prefetch reads the table slots of keys, so that the cache misses of a
// batch overlap instead of stalling one insert after another.
func (d *Deduper) prefetch(keys []RefKey) {
	var sink uint64
	for _, k := range keys {
		if k.ok {
			sink ^= d.seen.touch(k.key)
		}
	}
	d.sink = sink
}

// Conflicted reports, after all rows were checked, whether p's reference
// ended up in a conflict, so the first row of a conflict can be marked
// too when the rows are written out.
func (d *Deduper) Conflicted(p *Payment) bool {
	key, ok := referenceKey(p.Currency, p.Reference)
	if !ok {
		return false
	}
	if d.sealed {
		_, c := d.conflicted[key]
		return c
	}
	e := d.seen.find(key)
	return e != nil && e.meta&flagConflict != 0
}

// firstAmount returns the amount of the first row of e's reference, as
// text, when it was kept exactly.
func (d *Deduper) firstAmount(e dedupeEntry) (string, bool) {
	if e.meta&flagHashed != 0 {
		return "", false
	}
	exp := int32(int8(e.meta >> 16))
	return formatAmount(decimal.New(e.amount, exp)), true
}

func (d *Deduper) firstRef(e dedupeEntry) Ref {
	src := d.sources[e.meta&0xffff]
	row := int(e.row)
	if e.row == math.MaxUint32 {
		row = 0
	}
	return Ref{Path: src.Path, Sheet: src.Sheet, Row: row}
}

// source numbers the row's source, remembering the last one because rows
// come source by source.
func (d *Deduper) source(ref Ref) uint32 {
	if d.hasLast && d.lastSrc.Path == ref.Path && d.lastSrc.Sheet == ref.Sheet {
		return d.lastIdx
	}
	key := Ref{Path: ref.Path, Sheet: ref.Sheet}
	i, ok := d.srcIndex[key]
	if !ok {
		if len(d.sources) < maxSources {
			i = uint32(len(d.sources))
			d.sources = append(d.sources, key)
		} else {
			i = maxSources
			if len(d.sources) == maxSources {
				d.sources = append(d.sources, Ref{Path: "(another source)"})
			}
		}
		d.srcIndex[key] = i
	}
	d.lastSrc, d.lastIdx, d.hasLast = key, i, true
	return i
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// referenceKey hashes currency and the trimmed, case-folded reference;
// ok is false when the reference is empty. Folding maps every rune to the
// smallest rune of its Unicode case-folding orbit (ASCII letters to upper
// case), so references equal under strings.EqualFold hash alike, without
// building a folded copy.
func referenceKey(currency, reference string) (uint64, bool) {
	reference = strings.TrimSpace(reference)
	if reference == "" {
		return 0, false
	}
	h := fnvString(fnvOffset, normCurrency(currency))
	h = fnvByte(h, 0)
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(reference); {
		c := reference[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			h = fnvByte(h, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(reference[i:])
		if r == utf8.RuneError && size == 1 {
			// Invalid byte: hash it as is, so different bytes stay different.
			h = fnvByte(h, 0xff)
			h = fnvByte(h, c)
			i++
			continue
		}
		n := utf8.EncodeRune(buf[:], foldRune(r))
		for _, b := range buf[:n] {
			h = fnvByte(h, b)
		}
		i += size
	}
	return h, true
}

// DuplicateKey is p's duplicate key as text: the currency, a space and
// the reference folded exactly as the duplicate check folds it (trimmed,
// each rune mapped to the smallest of its case-folding orbit). Two rows
// have equal keys when, and only when, the ledger compares their amounts
// (up to the 64-bit fingerprint the ledger keeps instead of the text).
// ok is false when the row has no reference: such rows are never merged.
// A backslash is written twice and an invalid byte as \xHH, so that
// different references stay different.
func DuplicateKey(p *Payment) (key string, ok bool) {
	reference := strings.TrimSpace(p.Reference)
	if reference == "" {
		return "", false
	}
	var b strings.Builder
	cur := normCurrency(p.Currency)
	b.Grow(len(cur) + 1 + len(reference))
	b.WriteString(cur)
	b.WriteByte(' ')
	for i := 0; i < len(reference); {
		c := reference[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			if c == '\\' {
				b.WriteByte(c)
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(reference[i:])
		if r == utf8.RuneError && size == 1 {
			const hex = "0123456789ABCDEF"
			b.WriteString(`\x`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			i++
			continue
		}
		b.WriteRune(foldRune(r))
		i += size
	}
	return b.String(), true
}

// foldRune returns the smallest rune of r's simple case-folding orbit.
func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < least {
			least = f
		}
	}
	return least
}

// amountKey normalises an amount so that 10, 10.0 and 10.00 compare
// equal: the coefficient with trailing zeros stripped and the exponent in
// meta; a hash of the decimal text when it does not fit.
func amountKey(amount decimal.Decimal, debit bool) (int64, uint32) {
	var meta uint32
	if debit {
		meta |= flagDebit
	}
	c, e, ok := small(amount)
	if !ok {
		// Strip trailing zeros through the text form (rare: more than 18
		// significant digits) and try again.
		norm, err := decimal.NewFromString(amount.String())
		if err == nil {
			c, e, ok = small(norm)
		}
	}
	if ok {
		if c == 0 {
			e = 0
		}
		for c != 0 && c%10 == 0 {
			c /= 10
			e++
		}
		if e >= math.MinInt8 && e <= math.MaxInt8 {
			return c, meta | uint32(uint8(int8(e)))<<16
		}
	}
	return int64(fnvString(fnvOffset, amount.String())), meta | flagHashed
}

// formatAmount writes an amount with at least two decimals, for messages.
func formatAmount(d decimal.Decimal) string {
	if d.Exponent() > -2 {
		return d.StringFixed(2)
	}
	return d.String()
}
