package casefile

import (
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
)

// SectionOrder is the order of the kinds' sections in a case file
// crosscheck writes: the inputs an investigator edits most come first. It
// is a layout, not the order a case is read (that is ledger.Kinds).
var SectionOrder = []ledger.Kind{ledger.KindSuspects, ledger.KindIdentifiers, ledger.KindPayments, ledger.KindAssets, ledger.KindBenefits, ledger.KindHousehold, ledger.KindRates}

// TemplateDraft is the case file written beside the empty input templates
// (`crosscheck template`): each template under its kind, the parameters
// with their notes, every comment in the templates' language. Filled in,
// the templates run with it as it is. files maps a kind to its template's
// file name, relative to the case file.
func TemplateDraft(lang string, files map[ledger.Kind]string) *Draft {
	say := func(k msg.Key) string { return msg.New(k).In(lang) }
	d := &Draft{
		Head: []string{
			say(msg.CaseFileTemplateHead),
			"  crosscheck run --case case.yaml -o report.xlsx --json report.json",
			say(msg.CaseFilePaths),
		},
		Name:       Value{Note: say(msg.CaseFileNameAsk)},
		ReportDate: Value{Example: exampleDay(lang), Note: say(msg.CaseFileReportDate)},
		Target:     Value{Text: DefaultTarget.String(), Note: say(msg.CaseFileTarget)},
		Lang:       Value{Text: lang, Note: say(msg.CaseFileTemplateLang)},
	}
	for _, kind := range SectionOrder {
		s := Section{Kind: kind}
		if f, ok := files[kind]; ok {
			e := Entry{Input: Input{Path: f}}
			switch kind {
			case ledger.KindPayments:
				e.Note, e.Keyed = say(msg.CaseFilePaymentsHint), true
			case ledger.KindRates:
				e.Note = say(msg.CaseFileRatesHint)
			}
			s.Entries = append(s.Entries, e)
		}
		d.Sections = append(d.Sections, s)
	}
	return d
}

// exampleDay is a report date written as the language writes a day; Load
// reads either notation.
func exampleDay(lang string) string {
	if lang == "it" {
		return "06/11/2020"
	}
	return "2020-11-06"
}
