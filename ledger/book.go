package ledger

import (
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// book accumulates one suspect's figures as payments are posted. Nothing
// in it grows with the number of payments: sums are exact running totals
// (see sum), and only the per-currency, per-channel and per-month keys and
// the distinct payers' 64-bit fingerprints are kept.
type book struct {
	payments int
	noRate   int
	income   sum
	debits   int
	debitEUR sum
	// A suspect has a handful of currencies and channels: a slice scanned
	// linearly beats a map for that size.
	currencies []keyedSum
	channels   []keyedSum
	months     map[int32]*sum
	lastMonth  int32
	lastSum    *sum
	first      int32
	last       int32
	dated      bool
	// payers holds a 64-bit fingerprint per distinct payer of every
	// suspect, shared by the ledger's books (one table instead of one map
	// per suspect: a probe instead of a map assignment per payment); it
	// grows with distinct payers, not with payments. payerSeed tells this
	// suspect's fingerprints from another's; nPayers counts this book's.
	payers    *hashTab[struct{}]
	payerSeed uint64
	nPayers   int
}

type keyedSum struct {
	key string
	sum sum
}

// newBook returns the book of the i-th suspect, its payers kept in the
// shared table payers.
func newBook(i int, payers *hashTab[struct{}]) *book {
	return &book{months: map[int32]*sum{}, payers: payers, payerSeed: uint64(i+1) * 0x9E3779B97F4A7C15}
}

// bookEntry is what a book needs of an Entry: a fifth of its size, so
// that handing it to the booking goroutine copies little.
type bookEntry struct {
	Amount, EUR         decimal.Decimal
	Currency, Channel   string
	Payer, PayerAccount string
	Date                time.Time
	cents               int64
	Debit, HasEUR       bool
	centsOK             bool
}

func (be *bookEntry) set(e *Entry, cents int64, centsOK bool) {
	*be = bookEntry{
		Amount: e.Amount, EUR: e.EUR, Currency: e.Currency, Channel: e.Channel,
		Payer: e.Payer, PayerAccount: e.PayerAccount, Date: e.Date,
		cents: cents, Debit: e.Debit(), HasEUR: e.HasEUR, centsOK: centsOK,
	}
}

// post adds one accepted, attributed, non-duplicate entry.
func (b *book) post(e *bookEntry) {
	cents, centsOK := e.cents, e.centsOK
	if e.Debit {
		b.debits++
		if e.HasEUR {
			addEUR(&b.debitEUR, e.EUR, cents, centsOK)
		}
		return
	}
	b.payments++
	keyed(&b.currencies, normCurrency(e.Currency)).add(e.Amount)
	if day := dayNumber(e.Date); !b.dated {
		b.first, b.last, b.dated = day, day, true
	} else if day < b.first {
		b.first = day
	} else if day > b.last {
		b.last = day
	}
	if k, ok := payerKey(e.Payer, e.PayerAccount); ok {
		if _, added := b.payers.insert(k + b.payerSeed); added {
			b.nPayers++
		}
	}
	if !e.HasEUR {
		b.noRate++
		return
	}
	addEUR(&b.income, e.EUR, cents, centsOK)
	addEUR(keyed(&b.channels, strings.TrimSpace(e.Channel)), e.EUR, cents, centsOK)
	addEUR(b.month(monthKey(e.Date)), e.EUR, cents, centsOK)
}

func addEUR(s *sum, eur decimal.Decimal, cents int64, centsOK bool) {
	if centsOK {
		s.addCents(cents)
	} else {
		s.add(eur)
	}
}

// month returns the running sum of month k, remembering the last one
// because payments are mostly in date order.
func (b *book) month(k int32) *sum {
	if b.lastSum != nil && b.lastMonth == k {
		return b.lastSum
	}
	s := b.months[k]
	if s == nil {
		s = &sum{}
		b.months[k] = s
	}
	b.lastMonth, b.lastSum = k, s
	return s
}

// keyed finds or adds key's sum in a short list.
func keyed(list *[]keyedSum, key string) *sum {
	for i := range *list {
		if (*list)[i].key == key {
			return &(*list)[i].sum
		}
	}
	*list = append(*list, keyedSum{key: strings.Clone(key)})
	return &(*list)[len(*list)-1].sum
}

// payerKey fingerprints a payer: the payer account when there is one
// (upper case, spaces removed: IBANs and hex addresses compare that way;
// two base58 addresses differing only in case would count as one, which
// real addresses never do), else the payer name upper-cased with spaces
// trimmed and collapsed. ok is false when both are empty.
func payerKey(payer, account string) (uint64, bool) {
	if h, ok := foldedHash('a', account, true); ok {
		return h, true
	}
	return foldedHash('n', payer, false)
}

// foldedHash hashes s upper-cased (ASCII and simple Unicode folding),
// dropping all spaces (dropSpaces) or collapsing runs of them to one.
func foldedHash(kind byte, s string, dropSpaces bool) (uint64, bool) {
	h := fnvByte(fnvOffset, kind)
	n := 0
	space := false
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xa0 {
			space = n > 0
			continue
		}
		if space && !dropSpaces {
			h = fnvByte(h, ' ')
		}
		space = false
		if r < utf8.RuneSelf {
			c := byte(r)
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			h = fnvByte(h, c)
		} else {
			m := utf8.EncodeRune(buf[:], foldRune(r))
			for _, c := range buf[:m] {
				h = fnvByte(h, c)
			}
		}
		n++
	}
	return h, n > 0
}

// totals turns the book into the report's figures for suspect s. months
// caches the months' names across books.
func (b *book) totals(s Suspect, months map[int32]string) SuspectTotals {
	t := SuspectTotals{
		Suspect:    s,
		Payments:   b.payments,
		IncomeEUR:  b.income.value(),
		NoRate:     b.noRate,
		DebitsEUR:  b.debitEUR.value(),
		Debits:     b.debits,
		ByCurrency: make(map[string]decimal.Decimal, len(b.currencies)),
		ByChannel:  make(map[string]decimal.Decimal, len(b.channels)),
		ByMonth:    make(map[string]decimal.Decimal, len(b.months)),
		Payers:     b.nPayers,
		SeizedEUR:  decimal.Zero,
	}
	for _, c := range b.currencies {
		t.ByCurrency[c.key] = c.sum.value()
	}
	for _, c := range b.channels {
		t.ByChannel[c.key] = c.sum.value()
	}
	for k, s := range b.months {
		name, ok := months[k]
		if !ok {
			name = monthTime(k).Format("2006-01")
			months[k] = name
		}
		t.ByMonth[name] = s.value()
	}
	if b.dated {
		t.First, t.Last = dayTime(b.first), dayTime(b.last)
	}
	t.ShortfallEUR = decimal.Zero
	return t
}

// incomeInMonth returns the EUR income of month k.
func (b *book) incomeInMonth(k int32) decimal.Decimal {
	if s := b.months[k]; s != nil {
		return s.value()
	}
	return decimal.Zero
}

// months lists the months with income, sorted (for tests and reports).
func (b *book) monthKeys() []int32 {
	keys := make([]int32, 0, len(b.months))
	for k := range b.months {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// centsOf returns a EUR value in cents when it is whole cents that fit
// an int64.
func centsOf(d decimal.Decimal) (int64, bool) {
	c, e, ok := small(d)
	if !ok || e < -2 {
		return 0, false
	}
	for ; e > -2; e-- {
		if c > math.MaxInt64/10 || c < math.MinInt64/10 {
			return 0, false
		}
		c *= 10
	}
	return c, true
}
