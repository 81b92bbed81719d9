// Package match holds identifiers (codice fiscale, IBAN, crypto
// addresses), name normalisation and similarity, the attribution of
// payments to suspects and the cross-check of suspects against benefit
// recipients.
package match

import (
	"time"

	"github.com/crosscheck/crosscheck/ledger"

	"github.com/shopspring/decimal"
)

// Class is how sure a benefit match is.
type Class string

// Match classes of docs/rules.md#benefit-cross-check, surest first.
const (
	ClassExact    Class = "exact"
	ClassProbable Class = "probable"
	ClassPossible Class = "possible"
)

// Agreement says how one compared field agreed.
type Agreement string

// Field agreements in a flag's evidence.
const (
	AgreeExact   Agreement = "exact"
	AgreeClose   Agreement = "close"
	AgreeNo      Agreement = "no"
	AgreeMissing Agreement = "missing" // empty on one side or both
)

// FieldEvidence is one compared field: both values and how they agreed.
type FieldEvidence struct {
	Field     string // tax_code, surname, name, birth_date, birth_place, sex
	Suspect   string
	Recipient string
	Agreement Agreement
	Score     float64 // similarity in [0,1] for AgreeClose, 1 for exact
	// Detail explains an agreement that reads as a contradiction when the
	// two values are set side by side: DetailOmocodia, DetailCheckCharacter.
	Detail string
	// SuspectNote and RecipientNote say where a value came from when it is
	// not the field as written (NoteFromTaxCode, NoteWrittenAsName, ...):
	// kept apart from the value so that each output words it in its
	// language.
	SuspectNote, RecipientNote string
}

// Notes on an evidence value (docs/report.md#evidence).
const (
	// NoteFromTaxCode: a birth date or place read from the tax code.
	NoteFromTaxCode = "from tax code"
	// NoteTaxCodePlace: a birth place compared as the tax code's
	// cadastral (Belfiore) code.
	NoteTaxCodePlace = "tax code"
	// NoteWrittenAsName, NoteWrittenAsSurname: the recipient's register
	// has surname and name the other way round.
	NoteWrittenAsName    = "written as name"
	NoteWrittenAsSurname = "written as surname"
)

// SuspectText is the suspect's value with its note, in English:
// "1985-04-03 (from tax code)".
func (e FieldEvidence) SuspectText() string { return noted(e.Suspect, e.SuspectNote) }

// RecipientText is the recipient's value with its note, in English.
func (e FieldEvidence) RecipientText() string { return noted(e.Recipient, e.RecipientNote) }

func noted(v, note string) string {
	if v == "" || note == "" {
		return v
	}
	return v + " (" + note + ")"
}

// Evidence details (docs/report.md#evidence).
const (
	// DetailOmocodia: two tax codes written differently are the same code,
	// one in omocodic form (letters in place of digits).
	DetailOmocodia = "omocodia"
	// DetailCheckCharacter: two tax codes differ only in the check
	// character, so one of them is mistyped.
	DetailCheckCharacter = "check_character"
)

// BenefitFlag is a suspect found among the recipients of one benefit
// application. It is a proposal "to review": a person decides.
type BenefitFlag struct {
	ID          string // stable: derived from suspect and application
	Suspect     string // suspect id
	Application string
	// Programme is the application's benefit (reddito di cittadinanza
	// when its rows and file say nothing).
	Programme ledger.Programme
	Class     Class
	// Role of the matched person in the application: "applicant" or
	// "household member".
	Role     string
	Evidence []FieldEvidence
	// Agreed lists the fields that agreed (exactly or closely), for the
	// JSON "evidence" array.
	Agreed []string
	// Months paid (first day of each month) and the total received.
	Months     []time.Time
	BenefitEUR decimal.Decimal
	// Months that overlap the suspect's activity (from the month of the
	// first to the month of the last attributed payment).
	OverlapMonths []time.Time
	// OverlapEUR is the benefit paid in each of OverlapMonths: the
	// application's, so that a total over several flags of one
	// application (two suspects in one household) counts a month once.
	OverlapEUR []decimal.Decimal
	// RecoveryEUR is the benefit paid in the overlapping months: the
	// amount proposed for recovery.
	RecoveryEUR decimal.Decimal
	// IncomeDuringEUR is the illicit income earned in those months.
	IncomeDuringEUR decimal.Decimal
	Status          string // "to review"
}
