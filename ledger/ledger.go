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

// Attributor decides which suspect a payment belongs to (package match
// implements it; ledger must not import match). An empty suspect means
// unattributed; by is the identifier or name that decided, for the audit
// trail.
type Attributor interface {
	Attribute(p *Payment) (suspect string, rule Rule, by string)
}

// Attribution is who a payment belongs to, as an Attributor decided it:
// Suspect is empty when unattributed, By is the identifier or name that
// decided. A caller that attributes ahead (on the goroutine that read the
// payment) hands it to PostAttributed or Describe with the payment.
type Attribution struct {
	Suspect string
	Rule    Rule
	By      string
}

// attribute asks the Ledger's own Attributor, for Post and PostTo.
func (l *Ledger) attribute(p *Payment) Attribution {
	var a Attribution
	if l.attr != nil {
		a.Suspect, a.Rule, a.By = l.attr.Attribute(p)
	}
	return a
}

// Ledger posts payments one at a time, in read order, and keeps per
// suspect running totals (docs/rules.md, every section from Conversion to Totals except Attribution itself).
// Its memory grows with suspects, distinct payers per suspect, months and
// channels, and one fingerprint per payment reference (Deduper): never
// with whole payment rows. It is not safe for concurrent use.
type Ledger struct {
	suspects []Suspect
	index    map[string]int // suspect id (and tax code) -> position
	books    []*book
	rates    *Rates
	attr     Attributor
	dedupe   *Deduper

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
	// bk, when set, applies book updates on another goroutine (BookAsync).
	bk *booker
	// payers is the books' shared table of payer fingerprints.
	payers *hashTab[struct{}]
	sealed bool
}

// New returns a Ledger for suspects, converting with rates (nil: only EUR
// converts) and attributing with attr in Post and PostTo (nil: nothing is
// attributed there; PostAttributed and Describe take the attribution as
// an argument and never ask attr).
func New(suspects []Suspect, rates *Rates, attr Attributor) *Ledger {
	if rates == nil {
		rates = NewRates(7)
	}
	l := &Ledger{
		suspects:    suspects,
		index:       make(map[string]int, 2*len(suspects)),
		books:       make([]*book, len(suspects)),
		rates:       rates,
		attr:        attr,
		dedupe:      NewDeduper(),
		dupBySource: map[Ref]int{},
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
// panics.
func (l *Ledger) Seal() {
	l.settle()
	l.dedupe.seal()
	l.payers.release()
	l.sealed = true
}

// Rates returns the ledger's rate table.
func (l *Ledger) Rates() *Rates { return l.rates }

// Deduper returns the duplicate detector, so the caller can mark the
// first row of a conflict (Conflicted) when writing rows out.
func (l *Ledger) Deduper() *Deduper { return l.dedupe }

// Post processes one payment row in read order: duplicate detection,
// conversion to EUR, attribution (unless a duplicate) and the suspect's
// totals. It returns the Entry for the Payments sheet and appends the
// row's issues. A duplicate is neither converted nor attributed: it is
// the same payment as the row it names.
func (l *Ledger) Post(p *Payment, issues []Issue) (Entry, []Issue) {
	var e Entry
	issues = l.PostTo(&e, p, issues)
	return e, issues
}

// PostTo is Post writing the Entry into *e: a caller posting a million
// payments into one reused Entry saves copying it twice per payment.
func (l *Ledger) PostTo(e *Entry, p *Payment, issues []Issue) []Issue {
	return l.PostAttributed(e, p, ReferenceKey(p), l.attribute(p), issues)
}

// Prefetch brings the duplicate table's slots for keys into the cache:
// called with the keys of the next rows before posting them, it lets
// their memory loads overlap.
func (l *Ledger) Prefetch(keys []RefKey) { l.dedupe.prefetch(keys) }

// PostAttributed is PostTo with p's reference key (ReferenceKey(p)) and
// attribution a already worked out, for example by the goroutine that
// read p: the Ledger's Attributor is not asked. a is ignored for a
// duplicate or a row that is not a payment, which are never attributed.
func (l *Ledger) PostAttributed(e *Entry, p *Payment, key RefKey, a Attribution, issues []Issue) []Issue {
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
	status, first := l.dedupe.checkKey(p, key.key, key.ok)
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
// PostAttributed does (a row that is not a payment is neither), without duplicate
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
