package reports

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/result"
	"github.com/shopspring/decimal"
)

// eur formats a euro amount with two decimals, for JSON and text.
func eur(d decimal.Decimal) string { return d.StringFixed(2) }

// day formats a date as yyyy-mm-dd, empty when zero.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// currencies lists native totals as "BTC 0.5; EUR 120", by code, the
// amounts in the language's notation ("BTC 0,5").
func currencies(m map[string]decimal.Decimal, lang string) string {
	var parts []string
	for _, code := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, code+" "+msg.Number(m[code].String(), lang))
	}
	return strings.Join(parts, "; ")
}

// monthRanges compresses months into runs: "2020-01..2020-06; 2020-09".
func monthRanges(months []time.Time) string {
	ms := slices.Clone(months)
	slices.SortFunc(ms, func(a, b time.Time) int { return a.Compare(b) })
	var parts []string
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && ms[j+1].Equal(ms[j].AddDate(0, 1, 0)) {
			j++
		}
		if j == i {
			parts = append(parts, ms[i].Format("2006-01"))
		} else {
			parts = append(parts, ms[i].Format("2006-01")+".."+ms[j].Format("2006-01"))
		}
		i = j + 1
	}
	return strings.Join(parts, "; ")
}

// evidenceText renders one compared field for the Benefit flags sheet:
// "exact: RSSMRA... = RSSMRA...", "close 0.92: ROSSI ≈ ROSSO".
func evidenceText(tr translator, e match.FieldEvidence) string {
	sus, rec := orDash(evidenceValue(tr, e.Field, e.Suspect, e.SuspectNote)), orDash(evidenceValue(tr, e.Field, e.Recipient, e.RecipientNote))
	var s string
	switch e.Agreement {
	case match.AgreeExact:
		s = fmt.Sprintf("%s: %s = %s", tr.t("exact"), sus, rec)
	case match.AgreeClose:
		s = fmt.Sprintf("%s %s: %s ≈ %s", tr.t("close"), msg.Number(strconv.FormatFloat(e.Score, 'f', 2, 64), tr.lang), sus, rec)
	case match.AgreeNo:
		s = fmt.Sprintf("%s: %s ≠ %s", tr.t("no"), sus, rec)
	default:
		s = fmt.Sprintf("%s: %s / %s", tr.t(string(e.Agreement)), sus, rec)
	}
	if d := evidenceDetail(tr, e.Detail); d != "" {
		s += " (" + d + ")"
	}
	return s
}

// evidenceDetail says in words why two values that look different agree,
// or how little two that disagree differ (docs/report.md#evidence).
func evidenceDetail(tr translator, detail string) string {
	switch detail {
	case match.DetailOmocodia:
		return tr.t("omocodia: the same tax code with letters in place of digits")
	case match.DetailCheckCharacter:
		return tr.t("only the check character differs: one of the two codes is mistyped")
	}
	return detail
}

// evidenceValue writes one side of a compared field in the language: a
// birth date in its notation, the note on where the value came from in
// words ("17/04/1992 (dal codice fiscale)").
func evidenceValue(tr translator, field, v, note string) string {
	if v == "" {
		return ""
	}
	if field == match.FieldBirthDate {
		v = msg.DateText(v, tr.lang)
	}
	if note != "" {
		v += " (" + tr.t(note) + ")"
	}
	return v
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// refText locates a row for the "duplicate of" column.
func refText(r ledger.Ref) string {
	if r.Path == "" {
		return ""
	}
	s := r.Path
	if r.Sheet != "" {
		s += "#" + r.Sheet
	}
	return s + ":" + strconv.Itoa(r.Row)
}

// evidenceFields is the order of the compared fields in a flag.
var evidenceFields = []string{"tax_code", "surname", "name", "birth_date", "birth_place", "sex"}

// evidenceFor finds a field's evidence; ok is false when not compared.
func evidenceFor(f match.BenefitFlag, field string) (match.FieldEvidence, bool) {
	for _, e := range f.Evidence {
		if e.Field == field {
			return e, true
		}
	}
	return match.FieldEvidence{}, false
}

// flagBySuspect maps each flagged suspect to its surest class.
func flagBySuspect(flags []match.BenefitFlag) map[string]match.Class {
	rank := map[match.Class]int{match.ClassExact: 3, match.ClassProbable: 2, match.ClassPossible: 1}
	out := map[string]match.Class{}
	for _, f := range flags {
		if rank[f.Class] > rank[out[f.Suspect]] {
			out[f.Suspect] = f.Class
		}
	}
	return out
}

// attributedShare is the attributed EUR as a percent of attributed plus
// unattributed EUR, two decimals.
func attributedShare(r *result.Report) decimal.Decimal {
	all := r.AttributedEUR.Add(r.UnattributedEUR)
	if all.IsZero() {
		return decimal.Zero
	}
	return r.AttributedEUR.Mul(decimal.NewFromInt(100)).DivRound(all, 2)
}

// flagCounts counts flags by class and sums the recovery proposed. The
// benefit of an application's month is counted once even when several
// suspects' flags claim it (two suspects in one household): it was paid
// once.
func flagCounts(flags []match.BenefitFlag) (map[match.Class]int, decimal.Decimal) {
	type appMonth struct {
		app   string
		month time.Time
	}
	n := map[match.Class]int{}
	total := decimal.Zero
	counted := map[appMonth]bool{}
	for _, f := range flags {
		n[f.Class]++
		if len(f.OverlapEUR) == 0 || len(f.OverlapEUR) != len(f.OverlapMonths) {
			total = total.Add(f.RecoveryEUR) // no per-month figures: the flag's own total
			continue
		}
		for i, m := range f.OverlapMonths {
			k := appMonth{f.Application, m}
			if !counted[k] {
				counted[k] = true
				total = total.Add(f.OverlapEUR[i])
			}
		}
	}
	return n, total
}

// unattributed reports whether an entry belongs on the Unattributed sheet:
// counted (not a duplicate), a credit, and attributed to nobody.
func unattributed(e *ledger.Entry) bool { return result.Unattributed(e) }

// sortedTypes lists the asset types present in m in display order, then
// any unknown ones by name.
func sortedTypes[V any](m map[ledger.AssetType]V) []ledger.AssetType {
	var out []ledger.AssetType
	for _, t := range ledger.AssetTypes {
		if _, ok := m[t]; ok {
			out = append(out, t)
		}
	}
	var extra []ledger.AssetType
	for t := range m {
		if !slices.Contains(ledger.AssetTypes, t) {
			extra = append(extra, t)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}
