// Package review carries investigators' decisions on benefit flags from
// one run to the next: it reads the decisions written into an earlier
// crosscheck workbook and compares them with the flags of this run, so
// that a re-run shows what is new or changed and forgets nothing that a
// person already decided.
package review

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/match"
)

// Decision values, as written in English workbooks and in the JSON.
const (
	Confirmed = "confirmed"
	Rejected  = "rejected"
	Unsure    = "unsure"
)

// Decisions lists the decision values in the order of the dropdown.
var Decisions = []string{Confirmed, Rejected, Unsure}

// italianDecision holds the Italian label of each decision.
var italianDecision = map[string]string{Confirmed: "confermata", Rejected: "respinta", Unsure: "incerta"}

// DecisionLabel is the label of a decision in the workbook's language.
func DecisionLabel(decision, lang string) string {
	if lang == "it" {
		if l, ok := italianDecision[decision]; ok {
			return l
		}
	}
	return decision
}

// DecisionLabels lists the dropdown's labels in the workbook's language.
func DecisionLabels(lang string) []string {
	out := make([]string, len(Decisions))
	for i, d := range Decisions {
		out[i] = DecisionLabel(d, lang)
	}
	return out
}

// ParseDecision reads a decision cell in either language, any case. A
// few natural variants are accepted, because people type into the cell as
// often as they use the dropdown.
func ParseDecision(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "confirmed", "confirm", "confermata", "confermato", "conferma":
		return Confirmed, true
	case "rejected", "reject", "respinta", "respinto", "rifiutata":
		return Rejected, true
	case "unsure", "incerta", "incerto", "dubbia":
		return Unsure, true
	}
	return "", false
}

// parseClass reads a class cell written in either language.
func parseClass(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "exact", "esatto", "esatta":
		return string(match.ClassExact)
	case "probable", "probabile":
		return string(match.ClassProbable)
	case "possible", "possibile":
		return string(match.ClassPossible)
	}
	return strings.TrimSpace(s)
}

// column is one column Load looks for, by its header in either language.
// The headers are those the reports package writes; the round-trip tests
// there catch any drift.
type column struct {
	key      string
	en, it   string
	required bool
}

const (
	colID       = "flag_id"
	colSuspect  = "suspect"
	colApp      = "application"
	colClass    = "class"
	colMonths   = "months_paid"
	colBenefit  = "benefit_eur"
	colOverlap  = "overlap_months"
	colRecovery = "recovery_eur"
	colIncome   = "income_during"
	colDecision = "decision"
	colReviewer = "reviewer"
	colDate     = "review_date"
	colNote     = "note"

	// The flag as it was when the carried decision was taken: the
	// workbook writes these beside the current figures, hidden, so that
	// a re-run compares against what a person actually looked at.
	colRevClass    = "reviewed_class"
	colRevMonths   = "reviewed_months_paid"
	colRevBenefit  = "reviewed_benefit_eur"
	colRevOverlap  = "reviewed_overlap_months"
	colRevRecovery = "reviewed_recovery_eur"
	colRevIncome   = "reviewed_income_during"
	colRevDecision = "reviewed_decision"
	colRevDate     = "reviewed_on"
)

var columns = []column{
	{colID, "Flag ID", "ID segnalazione", true},
	{colSuspect, "Suspect", "Indagato", false},
	{colApp, "Application", "Domanda", false},
	{colClass, "Class", "Classe", true},
	{colMonths, "Months paid", "Mensilità pagate", true},
	{colBenefit, "Benefit EUR", "RdC percepito EUR", true},
	{colOverlap, "Overlap months", "Mesi sovrapposti", true},
	{colRecovery, "Recovery EUR", "Da recuperare EUR", true},
	{colIncome, "Income during benefit EUR", "Proventi durante il RdC EUR", true},
	{colDecision, "Decision", "Decisione", true},
	{colReviewer, "Reviewer", "Revisore", false},
	{colDate, "Review date", "Data revisione", false},
	{colNote, "Note", "Note", false},
	{colRevClass, "Reviewed class", "Classe alla revisione", false},
	{colRevMonths, "Reviewed months paid", "Mensilità pagate alla revisione", false},
	{colRevBenefit, "Reviewed benefit EUR", "RdC percepito EUR alla revisione", false},
	{colRevOverlap, "Reviewed overlap months", "Mesi sovrapposti alla revisione", false},
	{colRevRecovery, "Reviewed recovery EUR", "Da recuperare EUR alla revisione", false},
	{colRevIncome, "Reviewed income during benefit EUR", "Proventi durante il RdC EUR alla revisione", false},
	{colRevDecision, "Reviewed decision", "Decisione alla revisione", false},
	{colRevDate, "Reviewed on", "Cifre riviste il", false},
}

// Sheets Load reads: the current flags (required) and the flags an earlier
// review already listed as withdrawn (optional), so that a decision on a
// flag that disappears and later comes back is never lost.
var (
	flagSheets      = []string{"Benefit flags", "Segnalazioni RdC"}
	withdrawnSheets = []string{"Withdrawn flags", "Segnalazioni ritirate"}
)

// foldHeader compares headers case- and space-insensitively.
func foldHeader(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// columnHeader is a column's header as crosscheck writes it on a sheet:
// Italian on the Italian sheets, so that an issue names the column the
// reviewer sees.
func columnHeader(key, sheet string) string {
	italian := slices.Contains([]string{flagSheets[1], withdrawnSheets[1]}, sheet)
	for _, c := range columns {
		if c.key == key {
			if italian {
				return c.it
			}
			return c.en
		}
	}
	return key
}
