package reports

import (
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/result"

	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/review"
	"github.com/crosscheck/crosscheck/termtext"
	"github.com/shopspring/decimal"
)

// topSuspects is how many suspects the terminal summary lists.
const topSuspects = 10

// summaryWidth is the terminal width the summary fits in.
const summaryWidth = 80

// WriteSummary prints the terminal summary: seized against target, the
// top suspects, the benefit flags, unattributed payments and the count of
// data issues. Every line fits in 80 columns.
func WriteSummary(w io.Writer, r *result.Report) error {
	tr := newTranslator(r.Params.Lang)
	it := r.Params.Lang == "it"
	money := func(d decimal.Decimal) string { return "EUR " + groupDecimal(d, it) }
	bw := bufio.NewWriter(w)
	line := func(format string, args ...any) {
		fmt.Fprintln(bw, clip(termtext.Escapef(format, args...), summaryWidth))
	}
	z := r.Seizure
	target := z.TargetEUR
	if target.IsZero() {
		target = r.Params.TargetEUR
	}
	pct := func(d decimal.Decimal) string { return groupDecimal(d, it) + "%" }
	if r.Params.ReportDate.IsZero() {
		line("%s: %s", tr.t("Case"), r.Params.Case) // no dated fact to speak as of
	} else {
		line("%s: %s (%s %s)", tr.t("Case"), r.Params.Case, tr.t("Report date"), msg.DateText(day(r.Params.ReportDate), tr.lang))
		if t := inferredDateText(tr, r.Params); t != "" {
			for _, l := range wrap(tr.t("Report date")+" "+t, summaryWidth) {
				line("%s", l)
			}
		}
	}
	line("%s: %s = %s %s %s", tr.t("Seized"), money(z.TotalEUR), pct(z.Percent), tr.t("of target"), money(target))
	line("%s: %s", tr.t("Remaining"), money(z.RemainingEUR))
	line("%s: %d   %s: %d   %s: %d (%s %s)", tr.t("Suspects"), len(r.Suspects),
		tr.t("Payments"), r.PaymentsTotal, tr.t("Attributed"), r.AttributedPayments,
		pct(attributedShare(r)), tr.t("of EUR"))
	line("%s: %d, %s", tr.t("Unattributed"), r.UnattributedCount, money(r.UnattributedEUR))
	levels := IssueCounts(r.Issues)
	line("%s: %d   %s: %d", tr.t("Duplicates"), r.DuplicateCount, tr.t("No rate"), r.NoRateCount)
	line("%s: %s", tr.t("Data issues"), tr.m(msg.New(msg.IssueTotals,
		msg.Int(levels[ledger.LevelRejected]), msg.Int(levels[ledger.LevelWarning]), msg.Int(levels[ledger.LevelNote]))))

	if len(r.Suspects) > 0 {
		line("")
		line("%-10s %-28s %18s %18s", tr.t("ID"), tr.t("Name"), tr.t("Income EUR"), tr.t("Seized EUR"))
		for i, s := range r.Suspects {
			if i == topSuspects {
				line("... (+%d)", len(r.Suspects)-topSuspects)
				break
			}
			name := strings.TrimSpace(s.Suspect.Surname + " " + s.Suspect.Name)
			line("%-10s %-28s %18s %18s", clip(s.Suspect.ID, 10), clip(name, 28),
				groupDecimal(s.IncomeEUR, it), groupDecimal(s.SeizedEUR, it))
		}
	}
	if len(r.Flags) > 0 {
		split := splitRecovery(r)
		names := suspectNames(r)
		line("")
		line("%s: %d, %s %s", tr.t("Benefit flags"), len(r.Flags), tr.t("proposed for recovery"), money(split.ProposedEUR))
		line("  %s %s · %s %s", tr.t("confirmed"), money(split.ConfirmedEUR), tr.t("awaiting review"), money(split.OpenEUR))
		if len(split.Rejected) > 0 {
			line("  %s: %d, %s", tr.t("rejected, left out"), len(split.Rejected), money(split.RejectedEUR))
		}
		for _, f := range r.Flags {
			line("  %-9s %-19s %-22s %11s %s", tr.t(string(f.Class)), clip(withName(names, f.Suspect), 19),
				clip(f.Application, 22), groupDecimal(f.RecoveryEUR, it), statusLabel(tr, flagStatus(r, f)))
		}
	}
	if len(r.Flags) > 0 || r.Review != nil {
		states, decisions, _, confirmedChanged := countReviews(r)
		line("%s: %s %d · %s %d · %s %d · %s %d", tr.t("Review state"),
			tr.t("new"), states[review.StateNew], tr.t("unchanged"), states[review.StateUnchanged],
			tr.t("changed"), states[review.StateChanged], tr.t("withdrawn"), states[review.StateWithdrawn])
		line("%s: %s %d · %s %d · %s %d · %s %d", tr.t("Decisions"),
			tr.t("confirmed"), decisions[review.Confirmed], tr.t("rejected"), decisions[review.Rejected],
			tr.t("unsure"), decisions[review.Unsure], tr.t("no decision"), decisions[""])
		// Confirmed on figures that have changed since: open again, and
		// said apart, as they need a new look before counting.
		if len(confirmedChanged) > 0 {
			_, changedEUR := flagCounts(confirmedChanged)
			line("  %s: %s", tr.t("confirmed, evidence changed since review"), money(changedEUR))
		}
	}
	if !r.HouseholdsKnown {
		line("")
		for _, l := range wrap(tr.t("The benefit cross-check covered applicants only: no household table was given."), summaryWidth) {
			line("%s", l)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write summary: %w", err)
	}
	return nil
}

// statusLabel is a flag's status in the report's language: a decision
// in the singular ("confermata"), otherwise what is left to do.
func statusLabel(tr translator, status string) string {
	switch status {
	case review.Confirmed, review.Rejected, review.Unsure:
		if tr.it {
			return review.DecisionLabel(status, "it")
		}
		return status
	}
	return tr.t(status)
}

// clip shortens s to n runes, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// wrap breaks text into lines of at most n runes at spaces.
func wrap(s string, n int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		if cur != "" && utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) > n {
			lines = append(lines, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// groupDecimal formats d with two decimals and thousands separators:
// 1,234.56 in English, 1.234,56 in Italian.
func groupDecimal(d decimal.Decimal, it bool) string {
	s := d.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	thou, dec := ",", "."
	if it {
		thou, dec = ".", ","
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(c)
	}
	out := b.String() + dec + frac
	if neg {
		out = "-" + out
	}
	return out
}
