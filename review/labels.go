// Package review carries investigators' decisions on benefit flags from
// one run to the next: it reads the decisions written into an earlier
// crosscheck workbook and compares them with the flags of this run, so
// that a re-run shows what is new or changed and forgets nothing that a
// person already decided.
package review

import (
	"strings"

	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/sheets"
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

// column is one column Load looks for, by its header in either language:
// the headers are package sheets', which the reports package writes.
type column struct {
	key      string
	en, it   string
	required bool
}

const (
	colID       = sheets.FlagID
	colSuspect  = sheets.Suspect
	colApp      = sheets.Application
	colClass    = sheets.Class
	colMonths   = sheets.MonthsPaid
	colBenefit  = sheets.BenefitEUR
	colOverlap  = sheets.Overlap
	colRecovery = sheets.RecoveryEUR
	colIncome   = sheets.IncomeEUR
	colDecision = sheets.Decision
	colReviewer = sheets.Reviewer
	colDate     = sheets.ReviewDate
	colNote     = sheets.Note

	// The flag as it was when the carried decision was taken (see
	// sheets.BenefitFlags).
	colRevClass    = sheets.ReviewedClass
	colRevMonths   = sheets.ReviewedMonths
	colRevBenefit  = sheets.ReviewedBenefit
	colRevOverlap  = sheets.ReviewedOverlap
	colRevRecovery = sheets.ReviewedRecovery
	colRevIncome   = sheets.ReviewedIncome
	colRevDecision = sheets.ReviewedDecision
	colRevDate     = sheets.ReviewedOn
)

// readKeys are the columns Load reads; true marks those a sheet must
// have to hold decisions.
var readKeys = map[string]bool{
	colID: true, colSuspect: false, colApp: false, colClass: true, colMonths: true, colBenefit: true,
	colOverlap: true, colRecovery: true, colIncome: true, colDecision: true, colReviewer: false,
	colDate: false, colNote: false, colRevClass: false, colRevMonths: false, colRevBenefit: false,
	colRevOverlap: false, colRevRecovery: false, colRevIncome: false, colRevDecision: false, colRevDate: false,
}

// columns are the columns Load reads, in the order of the Benefit flags
// sheet, with their headers as the workbook writes them.
var columns = func() []column {
	var out []column
	for _, c := range sheets.BenefitFlags.Columns {
		if required, ok := readKeys[c.Key]; ok {
			out = append(out, column{key: c.Key, en: c.Header(msg.EN), it: c.Header(msg.IT), required: required})
		}
	}
	return out
}()

// Sheets Load reads: the current flags (required) and the flags an earlier
// review already listed as withdrawn (optional), so that a decision on a
// flag that disappears and later comes back is never lost. Each by its
// names in either language, and those of earlier versions.
var (
	flagSheets      = sheets.BenefitFlags.Names()
	withdrawnSheets = sheets.WithdrawnFlags.Names()
)

// foldHeader compares headers case- and space-insensitively.
func foldHeader(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// columnHeader is a column's header as crosscheck writes it on a sheet:
// Italian on the Italian sheets, so that an issue names the column the
// reviewer sees.
func columnHeader(key, sheet string) string {
	italian := sheets.BenefitFlags.Italian(sheet) || sheets.WithdrawnFlags.Italian(sheet)
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
