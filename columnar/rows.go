package columnar

import (
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
)

// Row is one payment row of a part, before duplicate detection:
// converted and attributed as the run does, or rejected.
type Row struct {
	// Position is the row's input's 1-based position among the case
	// file's payments and SheetIndex the 1-based order of its sheet (1 for
	// CSV): with Entry.Ref.Row they order the rows of every part as the
	// run reads them, which decides the row of a duplicate that is kept.
	Position, SheetIndex int
	// Rejected is set for a row that could not be read, with its reason,
	// column and value; Entry then holds only Ref.
	Rejected *ledger.Issue
	Entry    ledger.Entry
	// NoRate explains a row without a EUR value.
	NoRate string
	// AttribProblem explains why a suspect named for the row could not
	// be used (an id that is no suspect's, a name shared by two).
	AttribProblem string
	// For a row attributed to nobody: why (the attribution rule's first
	// obstacle, as the Unattributed sheet gives it), the value that
	// stopped it and the suspects it could have been.
	UnattribReason, UnattribValue string
	Candidates                    []string
}

// Input is one payments input of a part.
type Input struct {
	Name     string // as the reports show it
	Position int    // 1-based, among the case file's payments
	Size     int64
}

// Reference is what every part carries whole.
type Reference struct {
	Case       string
	ReportDate time.Time // the case file's; zero when it sets none
	TargetEUR  decimal.Decimal
	Suspects   []ledger.Suspect
	Seizure    ledger.Seizure
	Part       Part
	Inputs     []Input // this part's payments inputs
	// Settings are the rules' parameters the figures depend on.
	RateLookbackDays int
	Version          string
}

// Row statuses.
const (
	StatusAccepted = "accepted"
	StatusNoRate   = "no_rate"
	StatusRejected = "rejected"
)
