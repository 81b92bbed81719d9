package ledger

import (
	"time"

	"github.com/crosscheck/crosscheck/msg"

	"github.com/shopspring/decimal"
)

// Rule names how a payment was attributed to a suspect (docs/rules.md#attribution),
// in the order the rules are tried.
type Rule string

// Attribution rules; RuleNone means the payment stays unattributed.
const (
	RuleSuspectColumn Rule = "suspect_column"
	RuleFileSuspect   Rule = "file_suspect"
	RulePayeeAccount  Rule = "payee_account"
	RulePayee         Rule = "payee"
	// For refunds and outgoing rows, whose suspect is the one paying.
	RulePayerAccount Rule = "payer_account"
	RulePayer        Rule = "payer"
	RuleNone         Rule = ""
)

// EntryStatus is what became of a payment row after duplicate detection.
type EntryStatus string

// Entry statuses. A duplicate is not counted; a conflict (same reference,
// different amount) is counted and marked.
const (
	EntryOK        EntryStatus = "ok"
	EntryDuplicate EntryStatus = "duplicate"
	EntryConflict  EntryStatus = "conflict"
)

// Entry is a payment after conversion, duplicate detection and
// attribution: one line of the Payments sheet.
type Entry struct {
	Payment
	Status EntryStatus
	// DuplicateOf locates the first row with the same reference, for
	// duplicates and conflicts.
	DuplicateOf Ref
	// EUR is the payment's value in euro rounded once to the cent;
	// HasEUR is false when no rate was found ("no rate").
	EUR    decimal.Decimal
	HasEUR bool
	// Rate used and the day it was published (may be earlier than the
	// payment's day, at most 7 days). Zero for EUR payments.
	Rate     Rate
	HasRate  bool
	Attrib   string // suspect id, empty when unattributed
	Rule     Rule
	AttribBy string // the identifier or name that decided, for the audit trail
}

// Money is an amount with its currency, at full precision.
type Money struct {
	Currency string
	Amount   decimal.Decimal
}

// SuspectTotals are one suspect's figures (docs/rules.md#totals).
type SuspectTotals struct {
	Suspect Suspect
	// Payments counts accepted, attributed, non-duplicate credit rows
	// (refunds and rows without a rate count, bank debits do not).
	Payments int
	// IncomeEUR is the sum of the rounded EUR values, net of reversals.
	IncomeEUR decimal.Decimal
	// NoRate counts payments left out of IncomeEUR for want of a rate.
	NoRate      int
	DebitsEUR   decimal.Decimal // bank debits, reported apart
	Debits      int
	ByCurrency  map[string]decimal.Decimal // native units, net
	ByChannel   map[string]decimal.Decimal // EUR
	ByMonth     map[string]decimal.Decimal // "2020-01" -> EUR
	First, Last time.Time
	Payers      int // distinct payers (payer account, else payer name)
	// NetworkIncomeEUR adds the income of everyone below through upline
	// links (the suspect's own income included).
	NetworkIncomeEUR decimal.Decimal
	Downline         []string // ids below, direct and indirect
	SeizedEUR        decimal.Decimal
	// ShortfallEUR = max(0, IncomeEUR - SeizedEUR): what remains for
	// value-equivalent confiscation.
	ShortfallEUR decimal.Decimal
}

// AssetValue is one seized asset with its valuation.
type AssetValue struct {
	Asset
	// Owner resolved to a suspect id; empty when unknown (listed, not lost).
	Suspect string
	// EUR at the seizure date, times the share, rounded once to the cent.
	// HasEUR is false for takedowns, released items and missing rates.
	EUR     decimal.Decimal
	HasEUR  bool
	Rate    Rate
	HasRate bool
	Counted bool // counts toward the target
	// Problems say why the asset is not counted or not valued at the
	// report date.
	Problems []msg.Message
	// Crypto and securities also valued at the report date.
	ReportEUR    decimal.Decimal
	HasReportEUR bool
}

// Seizure sums the seized assets against the case's target.
type Seizure struct {
	Assets       []AssetValue
	TotalEUR     decimal.Decimal // counted assets
	TargetEUR    decimal.Decimal
	Percent      decimal.Decimal // of target, two decimals
	RemainingEUR decimal.Decimal // max(0, target - total)
	ByType       map[AssetType]decimal.Decimal
	ByCountry    map[string]decimal.Decimal
	Takedowns    map[AssetType]int // non-monetary records counted by type
	// TakedownItems counts the items those records seized: a record
	// "5,500 servers" has quantity 5500; a record without a quantity is
	// one item.
	TakedownItems  map[AssetType]decimal.Decimal
	CryptoAtSeize  decimal.Decimal
	CryptoAtReport decimal.Decimal
	Released       int
}

// Cycle is an upline loop found in the suspects' pyramid.
type Cycle []string

// RateUse is one rate that converted at least one payment or asset, for
// the Rates used sheet.
type RateUse struct {
	Rate Rate
	Uses int
}

// Income reports whether the entry counts in its suspect's figures: an
// attributed, non-duplicate incoming row or refund (SuspectTotals.Payments counts it;
// IncomeEUR adds its EUR when HasEUR). Outputs that list income row by row
// use it so that their sums foot to the totals.
func (e *Entry) Income() bool {
	return e.Attrib != "" && e.Status != EntryDuplicate && e.Counted()
}
