// Package reports turns a computed case into the files investigators hand
// on: the Excel workbook, the JSON document and the terminal summary.
package reports

import (
	"iter"
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
	TargetEUR  decimal.Decimal
	Lang       string // "en" or "it"
	Version    string
	CaseFile   string            // path of case.yaml, empty when run by flags
	Settings   map[string]string // other parameters worth recording (e.g. rate look-back days)
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

	// Entries yields every payment row (accepted, duplicate or conflict)
	// in read order; the Payments and Unattributed sheets come from it.
	// It is nil when the run kept no rows (no workbook to write).
	Entries iter.Seq[ledger.Entry]
	// IssueCount is the number of items Issues yields.
	IssueCount int
	Issues     iter.Seq[ledger.Issue]
}
