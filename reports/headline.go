package reports

import (
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"strings"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/review"
	"github.com/shopspring/decimal"
)

// recoverySplit is the benefit recovery as the headline gives it
// (docs/report.md#reviews-in-the-headline): over confirmed flags, over
// flags still awaiting a decision, and the rejected ones left out.
type recoverySplit struct {
	Confirmed, Open, Rejected          []match.BenefitFlag
	ConfirmedEUR, OpenEUR, RejectedEUR decimal.Decimal
	// ProposedEUR is the recovery over confirmed and open flags together,
	// each application's month once.
	ProposedEUR decimal.Decimal
}

func splitRecovery(r *result.Report) recoverySplit {
	var s recoverySplit
	for _, f := range r.Flags {
		switch r.Review.Review(f.ID).Standing() {
		case review.StandingConfirmed:
			s.Confirmed = append(s.Confirmed, f)
		case review.StandingRejected:
			s.Rejected = append(s.Rejected, f)
		default:
			s.Open = append(s.Open, f)
		}
	}
	_, s.ConfirmedEUR = flagCounts(s.Confirmed)
	_, s.OpenEUR = flagCounts(s.Open)
	_, s.RejectedEUR = flagCounts(s.Rejected)
	kept := append(append([]match.BenefitFlag(nil), s.Confirmed...), s.Open...)
	_, s.ProposedEUR = flagCounts(kept)
	return s
}

// flagStatus is a flag's status as shown: its standing decision, or what
// remains to be done with it.
func flagStatus(r *result.Report, f match.BenefitFlag) string {
	return r.Review.Review(f.ID).Status()
}

// suspectNames maps suspect ids to "Surname Name", to show beside an id
// wherever a flag appears.
func suspectNames(r *result.Report) map[string]string {
	out := make(map[string]string, len(r.Suspects))
	for _, s := range r.Suspects {
		out[s.Suspect.ID] = strings.TrimSpace(s.Suspect.Surname + " " + s.Suspect.Name)
	}
	return out
}

// withName is "S06 Bianchi Luca", or the id alone when the name is unknown.
func withName(names map[string]string, id string) string {
	if n := names[id]; n != "" {
		return id + " " + n
	}
	return id
}

// programmeRecovery is the recovery proposed over one programme's flags
// (rejected flags left out).
type programmeRecovery struct {
	Programme   ledger.Programme
	Flags       int
	ProposedEUR decimal.Decimal
}

// recoveryByProgramme splits the proposed recovery by programme, in
// ledger.Programmes order. It is nil when every flag is of the default
// programme, reddito di cittadinanza: the headline then says it all.
func recoveryByProgramme(r *result.Report) []programmeRecovery {
	s := splitRecovery(r)
	kept := append(append([]match.BenefitFlag(nil), s.Confirmed...), s.Open...)
	by := map[ledger.Programme][]match.BenefitFlag{}
	for _, f := range r.Flags {
		by[f.Programme.OrDefault()] = by[f.Programme.OrDefault()]
	}
	for _, f := range kept {
		by[f.Programme.OrDefault()] = append(by[f.Programme.OrDefault()], f)
	}
	if _, only := by[ledger.ProgrammeRdC]; len(by) == 0 || (len(by) == 1 && only) {
		return nil
	}
	var out []programmeRecovery
	for _, info := range ledger.Programmes {
		flags, ok := by[info.Code]
		if !ok {
			continue
		}
		_, eurs := flagCounts(flags)
		out = append(out, programmeRecovery{Programme: info.Code, Flags: len(flags), ProposedEUR: eurs})
	}
	return out
}

// inferredDateText says that the report date was inferred and from what;
// empty when the case gave it.
func inferredDateText(tr translator, p result.Params) string {
	src := p.ReportDateFrom
	if src == nil {
		return ""
	}
	where := refText(src.Ref)
	if tr.it {
		what := "il pagamento"
		if src.Kind == "seizure" {
			what = "il sequestro"
		}
		return fmt.Sprintf("ricavata: il caso non indica report_date; è la data del fatto più recente, %s in %s", what, where)
	}
	return fmt.Sprintf("inferred: the case gives no report_date; it is the date of the latest fact, the %s at %s", src.Kind, where)
}
