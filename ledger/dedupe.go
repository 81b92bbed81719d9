package ledger

import (
	"bytes"
	"encoding/binary"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// deduper finds payment rows that are the same payment read twice
// (docs/rules.md#duplicates): same reference (trimmed, case-folded) and
// same currency. Equal amounts make a duplicate (the first read is kept);
// different amounts make a conflict (both kept, both marked). Rows
// without a reference are never merged.
//
// A 64-bit fingerprint of currency and folded reference (FNV-1a) finds
// the candidates; the texts decide. The first row of each reference has
// its row number and its reference's text stored in a RefTexts (a
// temporary file during a run): on a fingerprint hit the stored text is
// read back and compared, so two different references that collide on 64
// bits stay two payments (the later one is kept apart, by its text).
//
// Memory: payments are streamed, so the only state that grows with them
// in memory is one 16-byte entry per distinct reference in a hash table
// keyed by the fingerprint (24-byte slots at most 3/4 full: about 50
// bytes per reference). The texts are in RefTexts.
type deduper struct {
	seen hashTab[dedupeEntry]
	// texts holds each first row's number and reference text.
	texts RefTexts
	err   error // the first error of texts; Err reports it
	rec   []byte
	buf   []byte
	// collided holds the references whose fingerprint was taken by
	// another text, by their folded text (rare: see Check).
	collided map[string]*collidedRef
	// hit is the entry the last duplicate or conflict was found against.
	hit dedupeEntry
	// sources numbers the (path, sheet) pairs; an entry keeps the number.
	sources  []Ref
	srcIndex map[Ref]uint32
	lastSrc  Ref
	lastIdx  uint32
	hasLast  bool
	// sink keeps prefetch's loads from being optimised away.
	sink uint64
	// conflicted replaces seen once sealed: the fingerprints and folded
	// texts of the references that ended in a conflict, all Conflicted
	// needs.
	conflicted     map[uint64]struct{}
	conflictedText map[string]struct{}
	sealed         bool
}

// refHash fingerprints a reference; a variable so that tests can force
// collisions.
var refHash = referenceKey

// useTexts makes d keep the references' texts in t (before any row is
// checked); by default they are kept in memory (MemRefTexts).
func (d *deduper) useTexts(t RefTexts) { d.texts = t }

// Err returns the first error met storing or reading back a reference's
// text: a row checked then was kept as a payment of its own (evidence is
// never dropped on a guess), and the run must not be reported.
func (d *deduper) Err() error { return d.err }

func (d *deduper) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// store keeps a first row's number and reference text; it returns the
// record's position.
func (d *deduper) store(row int, cur, ref string) uint32 {
	if d.texts == nil {
		d.texts = &MemRefTexts{}
	}
	if row < 0 {
		row = 0
	}
	d.rec = binary.AppendUvarint(d.rec[:0], uint64(row))
	d.rec = append(d.rec, cur...)
	d.rec = append(d.rec, 0)
	d.rec = append(d.rec, ref...)
	pos, err := d.texts.Add(d.rec)
	if err != nil {
		d.fail(err)
	}
	return pos
}

// load reads back the row number and text stored for e.
func (d *deduper) load(e dedupeEntry) (row int, cur, ref string, ok bool) {
	if d.texts == nil {
		return 0, "", "", false
	}
	rec, err := d.texts.Get(e.pos, d.buf[:0])
	if err != nil {
		d.fail(err)
		return 0, "", "", false
	}
	r, n := binary.Uvarint(rec)
	if n <= 0 {
		return 0, "", "", false
	}
	rest := rec[n:]
	i := bytes.IndexByte(rest, 0)
	if i < 0 {
		return 0, "", "", false
	}
	return int(r), string(rest[:i]), string(rest[i+1:]), true
}

// sameReference reports whether two trimmed references are equal under
// simple case folding, the equality the fingerprint hashes (an invalid
// UTF-8 byte equals only itself).
func sameReference(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if (ra == utf8.RuneError && na == 1) || (rb == utf8.RuneError && nb == 1) {
			if na != nb || a[0] != b[0] {
				return false
			}
		} else if ra != rb && foldRune(ra) != foldRune(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

// foldText is the text a reference is known by among the collided and
// the conflicted: currency, NUL, the reference folded as the fingerprint
// folds it.
func foldText(cur, ref string) string {
	var b strings.Builder
	b.WriteString(cur)
	b.WriteByte(0)
	for i := 0; i < len(ref); {
		r, n := utf8.DecodeRuneInString(ref[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteByte(0xff)
			b.WriteByte(ref[i])
		} else {
			b.WriteRune(foldRune(r))
		}
		i += n
	}
	return b.String()
}

// seal drops the table, keeping the conflicted references: no row may
// be checked after it.
func (d *deduper) seal() {
	if d.sealed {
		return
	}
	d.conflicted = map[uint64]struct{}{}
	d.conflictedText = map[string]struct{}{}
	mark := func(key uint64, e dedupeEntry) {
		if e.meta&flagConflict == 0 {
			return
		}
		d.conflicted[key] = struct{}{}
		if _, cur, ref, ok := d.load(e); ok {
			d.conflictedText[foldText(cur, ref)] = struct{}{}
		}
	}
	if d.seen.hasZero {
		mark(0, d.seen.zero)
	}
	for i := range d.seen.shards {
		for _, sl := range d.seen.shards[i].slots {
			if sl.key != 0 {
				mark(sl.key, sl.val)
			}
		}
	}
	for k, c := range d.collided {
		if c.meta&flagConflict != 0 {
			d.conflicted[c.key] = struct{}{}
			d.conflictedText[k] = struct{}{}
		}
	}
	d.seen.release()
	d.collided, d.texts, d.buf = nil, nil, nil
	d.sealed = true
}

// dedupeEntry is the first row seen with one reference.
type dedupeEntry struct {
	// amount is the normalised coefficient (trailing zeros stripped), or
	// a hash of the amount's text when flagHashed is set.
	amount int64
	// pos is where texts holds the row's number and reference.
	pos uint32
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

// newDeduper returns an empty deduper.
func newDeduper() *deduper {
	return &deduper{srcIndex: map[Ref]uint32{}}
}

// reserve makes room for about n references ahead (for example from the
// size of the payment files), so the table does not grow in steps.
func (d *deduper) reserve(n int) { d.seen.reserve(n) }

// Len returns the number of distinct references seen.
func (d *deduper) Len() int { return d.seen.len() + len(d.collided) }

// Check classifies p; first is where the first row with that reference
// was read (for duplicates and conflicts).
func (d *deduper) Check(p *Payment) (status EntryStatus, first Ref) {
	key, ok := refHash(p.Currency, p.Reference)
	return d.checkKey(p, key, ok)
}

// refKey is a payment's reference fingerprint (paymentKey), worked out
// ahead of posting, possibly on another goroutine.
type refKey struct {
	key uint64
	ok  bool
}

// paymentKey fingerprints p's currency and reference as the duplicate
// check does. It only reads p, so a reader goroutine can compute it while
// the ledger posts earlier rows (see Posting.Prepare).
func paymentKey(p *Payment) refKey {
	k, ok := refHash(p.Currency, p.Reference)
	return refKey{key: k, ok: ok}
}

// checkKey is Check with the reference key computed.
func (d *deduper) checkKey(p *Payment, key uint64, ok bool) (status EntryStatus, first Ref) {
	if !ok {
		return EntryOK, Ref{}
	}
	amount, meta := amountKey(p.Amount, p.Debit())
	cur, ref := normCurrency(p.Currency), strings.TrimSpace(p.Reference)
	old, added := d.seen.insert(key)
	if added {
		*old = dedupeEntry{amount: amount, pos: d.store(p.Ref.Row, cur, ref), meta: meta | d.source(p.Ref)}
		return EntryOK, Ref{}
	}
	// A fingerprint hit: the texts decide.
	row, fcur, fref, ok := d.load(*old)
	if !ok {
		return EntryOK, Ref{} // kept: Err fails the run
	}
	if fcur != cur || !sameReference(fref, ref) {
		// Another reference with the same fingerprint.
		if old, added = d.collision(key, cur, ref); added {
			*old = dedupeEntry{amount: amount, pos: d.store(p.Ref.Row, cur, ref), meta: meta | d.source(p.Ref)}
			return EntryOK, Ref{}
		}
		if row, _, _, ok = d.load(*old); !ok {
			return EntryOK, Ref{}
		}
	}
	d.hit = *old
	first = d.firstRef(*old, row)
	if old.amount == amount && old.meta&^(flagConflict|0xffff) == meta {
		return EntryDuplicate, first
	}
	old.meta |= flagConflict
	return EntryConflict, first
}

// collidedRef is a reference whose fingerprint another text holds.
type collidedRef struct {
	dedupeEntry
	key uint64
}

// collision returns the entry of a reference whose fingerprint key
// another text holds, adding it when new.
func (d *deduper) collision(key uint64, cur, ref string) (*dedupeEntry, bool) {
	k := foldText(cur, ref)
	if c := d.collided[k]; c != nil {
		return &c.dedupeEntry, false
	}
	if d.collided == nil {
		d.collided = map[string]*collidedRef{}
	}
	c := &collidedRef{key: key}
	d.collided[k] = c
	return &c.dedupeEntry, true
}

// prefetch reads the table slots of keys, so that the cache misses of a
// batch overlap instead of stalling one insert after another.
func (d *deduper) prefetch(keys []refKey) {
	var sink uint64
	for _, k := range keys {
		if k.ok {
			sink ^= d.seen.touch(k.key)
		}
	}
	d.sink = sink
}

// isConflicted reports, after all rows were checked, whether p's reference
// ended up in a conflict, so the first row of a conflict can be marked
// too when the rows are written out.
func (d *deduper) isConflicted(p *Payment) bool {
	key, ok := refHash(p.Currency, p.Reference)
	if !ok {
		return false
	}
	cur, ref := normCurrency(p.Currency), strings.TrimSpace(p.Reference)
	if d.sealed {
		if _, c := d.conflicted[key]; !c {
			return false
		}
		_, c := d.conflictedText[foldText(cur, ref)]
		return c
	}
	e := d.seen.find(key)
	if e == nil {
		return false
	}
	if _, fcur, fref, ok := d.load(*e); ok && fcur == cur && sameReference(fref, ref) {
		return e.meta&flagConflict != 0
	}
	c := d.collided[foldText(cur, ref)]
	return c != nil && c.meta&flagConflict != 0
}

// firstAmount returns the amount of the first row of e's reference, as
// text, when it was kept exactly.
func (d *deduper) firstAmount(e dedupeEntry) (string, bool) {
	if e.meta&flagHashed != 0 {
		return "", false
	}
	exp := int32(int8(e.meta >> 16))
	return formatAmount(decimal.New(e.amount, exp)), true
}

func (d *deduper) firstRef(e dedupeEntry, row int) Ref {
	src := d.sources[e.meta&0xffff]
	return Ref{Path: src.Path, Sheet: src.Sheet, Row: row}
}

// source numbers the row's source, remembering the last one because rows
// come source by source.
func (d *deduper) source(ref Ref) uint32 {
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
