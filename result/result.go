// Package result holds what a run computed: the figures, the sources,
// the flags and the row sequences a case's outputs are written from.
// casework fills it and reports reads it, so the layer that runs a case
// does not depend on the layer that writes it.
package result

import (
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/review"
	"github.com/shopspring/decimal"
)

// Params are the run's parameters, written on the Summary and Sources
// sheets so that a reader knows how the figures were made.
type Params struct {
	Case       string
	ReportDate time.Time
	// ReportDateFrom, when set, says the report date was not given but
	// inferred: the latest dated fact of the case, and where it was read.
	ReportDateFrom *DateSource
	TargetEUR      decimal.Decimal
	Lang           string // "en" or "it"
	Version        string
	CaseFile       string            // path of case.yaml, empty when run by flags
	Settings       map[string]string // other parameters worth recording (e.g. rate look-back days)
}

// DateSource is a dated fact of the case: a payment or a seizure, and
// the input row it was read from.
type DateSource struct {
	Kind string // "payment" or "seizure"
	Ref  ledger.Ref
}

// PaymentDetail names the workbook that holds every payment row when the
// report is written for print, so that paper can verify it.
type PaymentDetail struct {
	Name   string // file name, as written beside the report
	SHA256 string
	Rows   int // payment rows in it (every row read: accepted, duplicate or conflict)
}

// Report is everything a run computed. Entries and Issues may be long
// (millions of rows): they are sequences read once, in a fixed order.
type Report struct {
	Params   Params
	Sources  []ledger.Source
	Suspects []ledger.SuspectTotals // sorted by income, highest first, then id
	Seizure  ledger.Seizure
	Flags    []match.BenefitFlag // sorted by recovery amount, highest first
	// HouseholdsKnown is false when no household table was given: the
	// cross-check then covers applicants only, and the report says so.
	HouseholdsKnown bool
	// Review holds the decisions carried from earlier workbooks; nil when
	// no reviews were given, and then every flag is new.
	Review *review.Outcome
	Cycles []ledger.Cycle

	// Payment counts and sums over accepted, non-duplicate rows.
	PaymentsTotal      int
	AttributedPayments int
	AttributedEUR      decimal.Decimal
	UnattributedCount  int
	UnattributedEUR    decimal.Decimal
	// Unattributed groups the unattributed payments by reason
	// (docs/report.md#unattributed-payments); nil when not worked out.
	Unattributed []UnattributedGroup
	// Explain tells why one unattributed entry is unattributed, for the
	// Unattributed sheet; nil leaves the reason cells empty.
	Explain        func(*ledger.Entry) match.Unattributed
	NoRateCount    int
	DuplicateCount int
	// Directions counts the non-duplicate rows of each direction
	// (indexed by ledger.Direction): not-a-payment rows are listed,
	// never summed.
	Directions [4]int

	RatesUsed []ledger.RateUse

	// Detail is the payment detail workbook written beside the report
	// (reports.WriteWorkbooksTo); nil when the Payments sheet is in the
	// workbook.
	Detail *PaymentDetail

	// Entries yields every payment row (accepted, duplicate or conflict)
	// in read order; the Payments and Unattributed sheets come from it.
	// It is nil when the run kept no rows (no workbook to write).
	Entries iter.Seq[ledger.Entry]
	// IssueCount is the number of items Issues yields.
	IssueCount int
	Issues     iter.Seq[ledger.Issue]
}

// UnattributedGroup is the unattributed payments that share a reason and,
// for an unknown or shared value, that value.
type UnattributedGroup struct {
	Why      match.Unattributed
	Payments int
	EUR      decimal.Decimal // sum of the rows' rounded EUR values
	NoRate   int             // rows without a rate, left out of EUR
}

// UnattributedTally groups unattributed payments by reason as they are
// posted: its memory grows with the distinct shared or unknown values,
// never with payment rows.
type UnattributedTally struct {
	groups map[string]*UnattributedGroup
}

// Add counts entry e, with its reason, when it belongs on the
// Unattributed sheet (counted, not a duplicate, attributed to nobody).
func (t *UnattributedTally) Add(why match.Unattributed, e *ledger.Entry) {
	if !Unattributed(e) {
		return
	}
	if t.groups == nil {
		t.groups = map[string]*UnattributedGroup{}
	}
	key := string(why.Reason) + "\x00" + why.Value
	g := t.groups[key]
	if g == nil {
		g = &UnattributedGroup{Why: why, EUR: decimal.Zero}
		t.groups[key] = g
	}
	g.Payments++
	if e.HasEUR {
		g.EUR = g.EUR.Add(e.EUR)
	} else {
		g.NoRate++
	}
}

// Groups returns the groups in the order of match.Reasons, then by value.
func (t *UnattributedTally) Groups() []UnattributedGroup {
	out := make([]UnattributedGroup, 0, len(t.groups))
	for _, g := range t.groups {
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b UnattributedGroup) int {
		if d := slices.Index(match.Reasons, a.Why.Reason) - slices.Index(match.Reasons, b.Why.Reason); d != 0 {
			return d
		}
		return strings.Compare(a.Why.Value, b.Why.Value)
	})
	return out
}

// Unattributed says whether entry e belongs on the Unattributed sheet:
// counted, not a duplicate, attributed to nobody.
func Unattributed(e *ledger.Entry) bool {
	return e.Status != ledger.EntryDuplicate && e.Counted() && e.Attrib == ""
}
