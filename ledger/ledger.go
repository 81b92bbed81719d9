package ledger

import (
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/msg"

	"github.com/shopspring/decimal"
)

// Attribution is who a payment belongs to, as the caller's attributor
// (package match) decided it: Suspect is empty when unattributed, By is
// the identifier or name that decided. The ledger never attributes: a
// payment comes to Post or Describe with its attribution.
type Attribution struct {
	Suspect string
	Rule    Rule
	By      string
}

// Ledger posts payments in read order (Post) and keeps per
// suspect running totals (docs/rules.md, every section from Conversion to Totals except Attribution itself).
// Its memory grows with suspects, distinct payers per suspect, months and
// channels, and one fingerprint per payment reference (deduper): never
// with whole payment rows. It is not safe for concurrent use.
type Ledger struct {
	suspects []Suspect
	index    map[string]int // suspect id (and tax code) -> position
	books    []*book
	rates    *Rates
	dedupe   *deduper

	posted      int
	payments    int
	attributed  int
	noRate      int
	duplicates  int
	debits      int
	notPayments int
	// byDir counts the non-duplicate rows of each direction.
	byDir        [4]int
	unattributed int
	unattribEUR  sum
	dupBySource  map[Ref]int
	// bk, when set, applies book updates on another goroutine (bookAsync).
	bk *booker
	// payers is the books' shared table of payer fingerprints.
	payers *hashTab[struct{}]
	sealed bool
	// entry and issues are Post's scratch, reused for every row.
	entry  Entry
	issues []Issue
	keys   []refKey
}

// Options are a Ledger's settings beside its suspects and rates.
type Options struct {
	// Texts keeps the text of every payment reference the duplicate
	// check compares (a file, for a large case); nil keeps them in memory.
	Texts RefTexts
}

// New returns a Ledger for suspects, converting with rates (nil: only EUR
// converts).
func New(suspects []Suspect, rates *Rates, opt Options) *Ledger {
	if rates == nil {
		rates = NewRates(7)
	}
	l := &Ledger{
		suspects:    suspects,
		index:       make(map[string]int, 2*len(suspects)),
		books:       make([]*book, len(suspects)),
		rates:       rates,
		dedupe:      newDeduper(),
		dupBySource: map[Ref]int{},
	}
	if opt.Texts != nil {
		l.dedupe.useTexts(opt.Texts)
	}
	l.payers = &hashTab[struct{}]{}
	for i, s := range suspects {
		l.books[i] = newBook(i, l.payers)
		// The id wins over another suspect's tax code.
		if _, taken := l.index[s.ID]; s.ID != "" && !taken {
			l.index[s.ID] = i
		}
	}
	for i, s := range suspects {
		if _, taken := l.index[s.TaxCode]; s.TaxCode != "" && !taken {
			l.index[s.TaxCode] = i
		}
	}
	return l
}

// Seal ends posting. The duplicate table and the payers' fingerprints,
// which grow with the payments and are the run's largest structures, are
// dropped: only the references that ended in a conflict are kept (for
// Conflicted), so the reports are written without them in memory.
// Totals, counts, Span and IncomeInMonth still answer; posting after Seal
// panics. The error is the first met storing or reading back a
// reference's text (see RefTexts): a row checked then was kept as a
// payment of its own, and the run must not be reported. Seal may be
// called more than once.
func (l *Ledger) Seal() error {
	if !l.sealed {
		l.settle()
		l.dedupe.seal()
		l.payers.release()
		l.sealed = true
	}
	return l.dedupe.err
}

// Conflicted reports, after every row was posted, whether p's reference
// ended in a conflict (same reference, another amount), so that the first
// row of a conflict, posted before anyone knew, can be marked when the
// rows are written out.
func (l *Ledger) Conflicted(p *Payment) bool { return l.dedupe.isConflicted(p) }

// Posting is a payment row on its way to the ledger with what its reader
// worked out for it: who it belongs to, and its reference's fingerprint
// (Prepare). Working these out on the goroutine that read the row leaves
// Post only what must happen in read order.
type Posting struct {
	Payment     Payment
	Attribution Attribution
	// Reserve, when not 0, is about how many references the case holds
	// (an estimate from the sizes of the files read so far): the
	// duplicate table makes room for them once instead of growing in
	// steps.
	Reserve int
	key     refKey
	// prepared says key is worked out.
	prepared bool
}

// Prepare fingerprints the payment's currency and reference as the
// duplicate check does. It only reads the posting, so the goroutine that
// read the row can call it while the ledger posts earlier rows; Post
// prepares a posting that was not.
func (ps *Posting) Prepare() {
	ps.key = paymentKey(&ps.Payment)
	ps.prepared = true
}

// prefetchRows is how many rows' duplicate-table slots Post loads ahead
// of posting them: enough for the loads to overlap, few enough that the
// lines are still in the cache when the rows are posted.
const prefetchRows = 128

// Post posts, in read order, the payments among items: duplicate
// detection, conversion to EUR, the attribution that comes with each
// (unless a duplicate: it is the same payment as the row it names) and
// the suspect's totals. posting returns an item's Posting, or nil for an
// item that is not a payment (a reader's issue, kept in its place). done
// is called for every item in order, with a posted item's Entry (for the
// Payments sheet) and issues, nil for the others; both are reused once
// done returns.
//
// The bookkeeping per suspect runs on a goroutine of its own from the
// first Post until Totals, Span, IncomeInMonth or Seal, so that on two
// cores it overlaps duplicate detection and conversion.
func Post[T any](l *Ledger, items []T, posting func(*T) *Posting, done func(item *T, e *Entry, issues []Issue)) {
	l.bookAsync()
	for i := range items {
		if i%prefetchRows == 0 {
			prefetchAhead(l, items[i:min(i+prefetchRows, len(items))], posting)
		}
		it := &items[i]
		ps := posting(it)
		if ps == nil {
			done(it, nil, nil)
			continue
		}
		if ps.Reserve > 0 {
			l.dedupe.reserve(ps.Reserve)
		}
		l.issues = l.postOne(&l.entry, ps, l.issues[:0])
		done(it, &l.entry, l.issues)
	}
}

// prefetchAhead prepares the next rows and brings their duplicate-table
// slots into the cache, so that their memory loads overlap instead of
// stalling one insert after another.
func prefetchAhead[T any](l *Ledger, items []T, posting func(*T) *Posting) {
	l.keys = l.keys[:0]
	for i := range items {
		if ps := posting(&items[i]); ps != nil {
			if !ps.prepared {
				ps.Prepare()
			}
			l.keys = append(l.keys, ps.key)
		}
	}
	l.dedupe.prefetch(l.keys)
}

// postOne posts one row into *e and appends its issues; Post says how.
func (l *Ledger) postOne(e *Entry, ps *Posting, issues []Issue) []Issue {
	if !ps.prepared {
		ps.Prepare()
	}
	p, a := &ps.Payment, ps.Attribution
	if l.sealed {
		panic("ledger: payment posted after Seal")
	}
	l.posted++
	*e = Entry{Payment: *p, Status: EntryOK}
	l.byDir[p.Direction%4]++
	if p.Direction == DirNotPayment {
		// Listed with its reason, never summed: no duplicate check (a
		// conversion leg or a hold is not a second copy of a payment), no
		// rate and no suspect.
		l.notPayments++
		return issues
	}
	status, first := l.dedupe.checkKey(p, ps.key.key, ps.key.ok)
	switch status {
	case EntryDuplicate:
		e.Status, e.DuplicateOf = status, first
		l.duplicates++
		l.dupBySource[Ref{Path: p.Ref.Path, Sheet: p.Ref.Sheet}]++
		dup := l.issue(p, "reference", p.Reference,
			msg.New(msg.DuplicatePayment, refArg(first), msg.Text(strings.TrimSpace(p.Reference))))
		dup.Level = LevelNote
		l.byDir[p.Direction%4]--
		return append(issues, dup)
	case EntryConflict:
		e.Status, e.DuplicateOf = status, first
		issues = append(issues, l.conflictIssue(p, first))
	}

	var b *book
	b, issues = l.describe(e, p, a, issues)
	if p.Debit() {
		l.debits++
	} else {
		l.payments++
		if !e.HasEUR {
			l.noRate++
		}
	}

	cents, centsOK := int64(0), false
	if e.HasEUR {
		cents, centsOK = centsOf(e.EUR)
	}
	switch {
	case b != nil:
		if l.bk != nil {
			l.bk.add(b, e, cents, centsOK)
		} else {
			var be bookEntry
			be.set(e, cents, centsOK)
			b.post(&be)
		}
		if !p.Debit() {
			l.attributed++
		}
	case !p.Debit():
		l.unattributed++
		if e.HasEUR {
			addEUR(&l.unattribEUR, e.EUR, cents, centsOK)
		}
	}
	return issues
}

// Describe converts p and attributes it to a into *e exactly as
// Post does (a row that is not a payment is neither), without duplicate
// detection, counts or totals: for an export of
// every row, whose duplicates and totals are worked out elsewhere (by a
// SQL engine over all parts). It appends the row's issues (no rate, an
// attributed suspect missing from the suspects table).
func (l *Ledger) Describe(e *Entry, p *Payment, a Attribution, issues []Issue) []Issue {
	*e = Entry{Payment: *p, Status: EntryOK}
	if p.Direction == DirNotPayment {
		return issues // listed with its reason, never converted or attributed
	}
	_, issues = l.describe(e, p, a, issues)
	return issues
}

// describe fills e's EUR value, rate and attribution (a) and returns the
// suspect's book (nil when unattributed).
func (l *Ledger) describe(e *Entry, p *Payment, a Attribution, issues []Issue) (*book, []Issue) {
	eur, rate, ok := l.rates.Convert(p.Amount, p.Currency, p.Date)
	if ok {
		e.EUR, e.HasEUR = eur, true
		e.Rate, e.HasRate = rate, rate.Currency != ""
	} else {
		noRate := l.issue(p, "currency", p.Currency, l.rates.noRateProblem(p.Currency, p.Date))
		noRate.Level = LevelRejected
		issues = append(issues, noRate)
	}
	var b *book
	if a.Suspect != "" {
		if i, known := l.index[a.Suspect]; known {
			b = l.books[i]
			e.Attrib, e.Rule, e.AttribBy = l.suspects[i].ID, a.Rule, a.By
		} else {
			unknown := l.issue(p, ruleColumn(a.Rule), a.Suspect, msg.New(msg.PaymentSuspectUnknown, msg.Text(a.Suspect)))
			unknown.Level = LevelRejected
			issues = append(issues, unknown)
		}
	}
	return b, issues
}

// conflictIssue explains a same-reference, different-amount row.
func (l *Ledger) conflictIssue(p *Payment, first Ref) Issue {
	other := msg.Term("another amount")
	if s, exact := l.dedupe.firstAmount(l.dedupe.hit); exact {
		other = msg.NumText(s)
	}
	return l.issue(p, "reference", p.Reference, msg.New(msg.SameReferenceOtherAmount,
		msg.Text(strings.TrimSpace(p.Reference)), refArg(first), msg.NumText(formatAmount(p.Amount)), other))
}

func (l *Ledger) issue(p *Payment, field, value string, m msg.Message) Issue {
	return Issue{Path: p.Ref.Path, Sheet: p.Ref.Sheet, Row: p.Ref.Row, Field: field, Value: value, Msg: m}
}

// ruleColumn names the column behind an attribution rule, for issues.
func ruleColumn(r Rule) string {
	switch r {
	case RuleSuspectColumn:
		return "suspect"
	case RuleFileSuspect:
		return "suspect (case file)"
	case RulePayeeAccount:
		return "payee_account"
	case RulePayee:
		return "payee"
	case RulePayerAccount:
		return "payer_account"
	case RulePayer:
		return "payer"
	}
	return string(r)
}

// Totals returns one SuspectTotals per suspect (also those with no
// payment), sorted by IncomeEUR, highest first, then id, with network
// income and downlines filled (see Network), and the upline cycles.
// SeizedEUR and ShortfallEUR are zero until ApplySeizure.
func (l *Ledger) Totals() ([]SuspectTotals, []Cycle) {
	l.settle()
	out := make([]SuspectTotals, len(l.suspects))
	// Each book is read alone: a few thousand suspects with a map per
	// month are worked out on every core.
	parts := min(runtime.GOMAXPROCS(0), (len(out)+255)/256)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(out)/parts, (p+1)*len(out)/parts
		wg.Go(func() {
			months := map[int32]string{}
			for i := lo; i < hi; i++ {
				out[i] = l.books[i].totals(l.suspects[i], months)
			}
		})
	}
	wg.Wait()
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].IncomeEUR.Cmp(out[j].IncomeEUR); c != 0 {
			return c > 0
		}
		return out[i].Suspect.ID < out[j].Suspect.ID
	})
	return out, Network(out)
}

// Unattributed returns the accepted, non-duplicate credit rows that no
// suspect was found for, and their EUR total (over rows with a rate).
func (l *Ledger) Unattributed() (count int, eur decimal.Decimal) {
	return l.unattributed, l.unattribEUR.value()
}

// Counts reports, over the rows posted: payments (non-duplicate credit
// rows, refunds included), attributed (of those, with a suspect), noRate
// (of those, without a EUR value), duplicates (rows dropped as
// duplicates, credit or debit) and debits (non-duplicate bank debits).
// Rows posted = payments + debits + duplicates.
func (l *Ledger) Counts() (payments, attributed, noRate, duplicates, debits int) {
	return l.payments, l.attributed, l.noRate, l.duplicates, l.debits
}

// DirectionCounts returns how many rows posted, duplicates left out, were
// of each direction (indexed by Direction).
func (l *Ledger) DirectionCounts() [4]int { return l.byDir }

// NotPayments counts the rows that are not a payment: listed, never
// summed. Rows posted = payments + debits + duplicates + not payments.
func (l *Ledger) NotPayments() int { return l.notPayments }

// Duplicates returns how many rows of one source were duplicates, so the
// caller can fix Source.Accepted and Source.Duplicates.
func (l *Ledger) Duplicates(path, sheet string) int {
	return l.dupBySource[Ref{Path: path, Sheet: sheet}]
}

// book returns suspect's book (by id or tax code).
func (l *Ledger) book(suspect string) *book {
	l.settle()
	if i, ok := l.index[suspect]; ok {
		return l.books[i]
	}
	return nil
}

// Span returns the days of the first and last attributed payment of
// suspect (credit rows, refunds included).
func (l *Ledger) Span(suspect string) (first, last time.Time, ok bool) {
	b := l.book(suspect)
	if b == nil || !b.dated {
		return time.Time{}, time.Time{}, false
	}
	return dayTime(b.first), dayTime(b.last), true
}

// IncomeInMonth returns suspect's EUR income in the calendar month of
// month (any day of it).
func (l *Ledger) IncomeInMonth(suspect string, month time.Time) decimal.Decimal {
	b := l.book(suspect)
	if b == nil {
		return decimal.Zero
	}
	return b.incomeInMonth(monthKey(month))
}
