package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/review"
	"github.com/xuri/excelize/v2"
)

// flagHeaders are the Benefit flags sheet's columns. The flag id comes
// first: it is how the next run finds the decisions. The review columns
// come last, together, and are the only editable cells of the sheet.
var flagHeaders = []string{"Flag ID", "Suspect", "Suspect name", "Application", "Programme", "Class", "Role", "Tax code", "Surname", "Name",
	"Birth date", "Birth place", "Sex", "Months paid", "Months", "Benefit EUR", "Overlap months",
	"Overlap", "Recovery EUR", "Income during benefit EUR", "Status", "Review state",
	"Decision", "Reviewer", "Review date", "Note",
	"Reviewed class", "Reviewed months paid", "Reviewed benefit EUR", "Reviewed overlap months",
	"Reviewed recovery EUR", "Reviewed income during benefit EUR", "Reviewed decision", "Reviewed on"}

// Positions (0-based) of the review columns in flagHeaders.
const (
	flagColState    = 21
	flagColDecision = 22
	flagColReviewer = 23
	flagColDate     = 24
	flagColNote     = 25
	// The "Reviewed ..." columns, from flagColReviewed to the last: the
	// figures the carried decision was taken on, with that decision and
	// its date, so that the next run can tell whether a person looked at
	// the row again (see review.Load). They are computed, hence locked,
	// and hidden: the Review state column already says what changed, and
	// the sheet stays as wide as before. The protection allows formatting
	// columns, so a reader can unhide them (select the columns around
	// them, Unhide).
	flagColReviewed = 26
)

// protection lets a reader filter, sort, select and resize on a protected
// sheet: protection is there to catch accidental edits of computed cells,
// not to lock anything away, hence no password.
var protection = &excelize.SheetProtectionOptions{AutoFilter: true, Sort: true, SelectLockedCells: true,
	SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}

func (b *book) writeFlags(r *Report) error {
	hs := b.headers(flagHeaders...)
	styles := make([]int, len(hs))
	styles[13], styles[16] = b.integer(false), b.integer(false)
	styles[15], styles[18], styles[19] = b.euro(false), b.euro(false), b.euro(false)
	// Column styles unlock the review columns below the last flag too.
	edit, editDate := b.style(styleKey{unlocked: true}), b.style(styleKey{numFmt: b.dateFmt, unlocked: true})
	styles[flagColDecision], styles[flagColReviewer], styles[flagColNote] = edit, edit, edit
	styles[flagColDate] = editDate
	in, eu := b.integer(false), b.euro(false)
	copy(styles[flagColReviewed:], []int{0, in, eu, in, eu, eu, 0, b.date(false)})
	names := suspectNames(r)
	var rows [][]any
	for _, f := range r.Flags {
		row := []any{str(f.ID), str(f.Suspect), str(names[f.Suspect]), str(f.Application), str(f.Programme.Info().Italian),
			str(b.tr.t(string(f.Class))), str(b.tr.t(f.Role))}
		for _, field := range evidenceFields {
			if e, ok := evidenceFor(f, field); ok {
				row = append(row, evidenceText(b.tr, e))
			} else {
				row = append(row, nil)
			}
		}
		status := statusLabel(b.tr, flagStatus(r, f))
		row = append(row, len(f.Months), str(monthRanges(f.Months)), num(f.BenefitEUR),
			len(f.OverlapMonths), str(monthRanges(f.OverlapMonths)), num(f.RecoveryEUR),
			num(f.IncomeDuringEUR), str(status))
		fr := r.Review.Review(f.ID)
		row = append(row, textCell(b.stateText(fr), b.text(fr.State == review.StateChanged)))
		row = append(row, b.decisionCells(fr.Decision, edit, editDate)...)
		row = append(row, b.reviewedCells(fr.Decision)...)
		rows = append(rows, row)
	}
	t, err := b.newFlagsTable(b.tr.t("Benefit flags"), hs, styles, rows)
	if err != nil {
		return err
	}
	t.beforeFlush = func(p *sheetPart) error { return b.protectFlags(p.name, len(r.Flags)) }
	for _, row := range rows {
		if err := t.add(row); err != nil {
			return err
		}
	}
	return nil
}

// decisionCells are the four review cells of a row, pre-filled with the
// carried decision, in the unlocked styles.
func (b *book) decisionCells(d *review.Decision, edit, editDate int) []any {
	if d == nil {
		return []any{excelize.Cell{StyleID: edit}, excelize.Cell{StyleID: edit}, excelize.Cell{StyleID: editDate}, excelize.Cell{StyleID: edit}}
	}
	return []any{textCell(review.DecisionLabel(d.Decision, b.lang()), edit), textCell(d.Reviewer, edit),
		dateCell(d.ReviewDate, editDate), textCell(d.Note, edit)}
}

// reviewedCells are the hidden "Reviewed ..." cells of a row: the figures
// the carried decision was taken on, the decision and its date as
// carried. Empty for a flag without a decision.
func (b *book) reviewedCells(d *review.Decision) []any {
	if d == nil {
		return make([]any, len(flagHeaders)-flagColReviewed)
	}
	return []any{str(b.tr.t(d.Class)), d.MonthsPaid, num(d.BenefitEUR), d.OverlapMonths, num(d.RecoveryEUR),
		num(d.IncomeDuringEUR), str(review.DecisionLabel(d.Decision, b.lang())), dateOrNil(d.ReviewDate)}
}

// newFlagsTable starts the Benefit flags table: room for the columns
// readers fill in, and the "Reviewed ..." columns hidden.
func (b *book) newFlagsTable(sheet string, hs []string, styles []int, rows [][]any) (*table, error) {
	widths := fitWidths(hs, rows)
	for i, w := range map[int]float64{flagColState: 24, flagColDecision: 14, flagColReviewer: 18, flagColDate: 14, flagColNote: 48} {
		widths[i] = max(widths[i], w)
	}
	t := &table{b: b, base: sheet, headers: hs, styles: styles, widths: widths}
	for i := flagColReviewed; i < len(hs); i++ {
		t.hidden = append(t.hidden, i)
	}
	b.tables = append(b.tables, t)
	if err := t.open(sheet); err != nil {
		return nil, err
	}
	return t, nil
}

func (b *book) lang() string {
	if b.tr.it {
		return "it"
	}
	return "en"
}

// protectFlags adds the Decision dropdown and the Review date check to
// the flag rows and protects the sheet without a password.
func (b *book) protectFlags(sheet string, n int) error {
	if n > 0 {
		last := n + 1
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", colName(flagColDecision+1), colName(flagColDecision+1), last)
		if err := dv.SetDropList(review.DecisionLabels(b.lang())); err != nil {
			return fmt.Errorf("decision list: %w", err)
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, b.tr.t("Decision"), strings.Join(review.DecisionLabels(b.lang()), ", "))
		dd := excelize.NewDataValidation(true)
		dd.Sqref = fmt.Sprintf("%s2:%s%d", colName(flagColDate+1), colName(flagColDate+1), last)
		if err := dd.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return fmt.Errorf("review date check: %w", err)
		}
		dd.SetError(excelize.DataValidationErrorStyleStop, b.tr.t("Review date"), b.tr.t("a date"))
		for _, v := range []*excelize.DataValidation{dv, dd} {
			if err := b.f.AddDataValidation(sheet, v); err != nil {
				return fmt.Errorf("sheet %q validation: %w", sheet, err)
			}
		}
	}
	if err := b.f.ProtectSheet(sheet, protection); err != nil {
		return fmt.Errorf("protect sheet %q: %w", sheet, err)
	}
	return nil
}

// stateText is the Review state cell: "new", "unchanged since review",
// or "evidence changed: months paid 6 → 8; ...".
func (b *book) stateText(fr review.FlagReview) string {
	switch fr.State {
	case review.StateUnchanged:
		return b.tr.t("unchanged since review")
	case review.StateChanged:
		parts := make([]string, len(fr.Diffs))
		for i, c := range fr.Diffs {
			parts[i] = b.changeText(c)
		}
		return b.tr.t("evidence changed") + ": " + strings.Join(parts, "; ")
	}
	return b.tr.t(string(fr.State))
}

// changeText renders one change in the workbook's language.
func (b *book) changeText(c review.Change) string {
	old, now := c.Old, c.New
	switch {
	case c.Field == "class":
		old, now = b.tr.t(old), b.tr.t(now)
	case b.tr.it && strings.HasSuffix(c.Field, "EUR"):
		old, now = strings.Replace(old, ".", ",", 1), strings.Replace(now, ".", ",", 1)
	}
	return b.tr.t(c.Field) + " " + old + " → " + now
}

// writeWithdrawn lists the reviewed flags that no longer arise, with
// their last decision. Its columns carry the same headers as Benefit
// flags, so that the next run reads these decisions back too.
func (b *book) writeWithdrawn(r *Report) error {
	hs := b.headers("Flag ID", "Suspect", "Suspect name", "Application", "Class", "Months paid", "Benefit EUR", "Overlap months",
		"Recovery EUR", "Income during benefit EUR", "Decision", "Reviewer", "Review date", "Note",
		"Source workbook", "Sheet", "Row")
	in, eu := b.integer(false), b.euro(false)
	styles := []int{0, 0, 0, 0, 0, in, eu, in, eu, eu, 0, 0, b.date(false), 0, 0, 0, in}
	names := suspectNames(r)
	var rows [][]any
	for _, d := range r.Review.Withdrawn {
		rows = append(rows, []any{str(d.FlagID), str(d.Suspect), str(names[d.Suspect]), str(d.Application), str(b.tr.t(d.Class)),
			d.MonthsPaid, num(d.BenefitEUR), d.OverlapMonths, num(d.RecoveryEUR), num(d.IncomeDuringEUR),
			str(review.DecisionLabel(d.Decision, b.lang())), str(d.Reviewer), dateOrNil(d.ReviewDate), str(d.Note),
			str(d.Source), str(d.Sheet), d.Row})
	}
	t, err := b.newTable(b.tr.t("Withdrawn flags"), hs, styles, rows)
	if err != nil {
		return err
	}
	t.beforeFlush = func(p *sheetPart) error {
		if err := b.f.ProtectSheet(p.name, protection); err != nil {
			return fmt.Errorf("protect sheet %q: %w", p.name, err)
		}
		return nil
	}
	for _, row := range rows {
		if err := t.add(row); err != nil {
			return err
		}
	}
	return nil
}

// writeReviewLog lists every decision carried into this run with the
// workbook it came from and that file's SHA-256: the chain of decisions
// can be audited back to the files.
func (b *book) writeReviewLog(r *Report) error {
	hs := b.headers("Flag ID", "Suspect", "Suspect name", "Application", "Decision", "Reviewer", "Review date", "Note",
		"Review state", "Source workbook", "Sheet", "Row", "SHA-256")
	styles := []int{0, 0, 0, 0, 0, 0, b.date(false), 0, 0, 0, 0, b.integer(false)}
	names := suspectNames(r)
	withdrawn := map[string]bool{}
	for _, d := range r.Review.Withdrawn {
		withdrawn[d.FlagID] = true
	}
	var rows [][]any
	for _, d := range r.Review.Log {
		state := b.tr.t(string(review.StateWithdrawn))
		if !withdrawn[d.FlagID] {
			state = b.stateText(r.Review.Review(d.FlagID))
		}
		rows = append(rows, []any{str(d.FlagID), str(d.Suspect), str(names[d.Suspect]), str(d.Application),
			str(review.DecisionLabel(d.Decision, b.lang())), str(d.Reviewer), dateOrNil(d.ReviewDate), str(d.Note),
			str(state), str(d.Source), str(d.Sheet), d.Row, str(d.SHA256)})
	}
	return b.simpleTable("Review log", hs, styles, rows, nil)
}

func dateOrNil(t time.Time) any { return ifOK(!t.IsZero(), t) }

// countReviews counts r's flags by state and decision, and lists the
// confirmed flags apart by whether their evidence changed since the
// review: a confirmation covers the figures it was given on, so only the
// unchanged ones count towards the recovery over confirmed flags.
func countReviews(r *Report) (states map[review.State]int, decisions map[string]int, confirmed, confirmedChanged []match.BenefitFlag) {
	states, decisions = map[review.State]int{}, map[string]int{}
	for _, f := range r.Flags {
		fr := r.Review.Review(f.ID)
		states[fr.State]++
		dec := ""
		if fr.Decision != nil {
			dec = fr.Decision.Decision
		}
		decisions[dec]++
		switch {
		case dec != review.Confirmed:
		case fr.State == review.StateChanged:
			confirmedChanged = append(confirmedChanged, f)
		default:
			confirmed = append(confirmed, f)
		}
	}
	if r.Review != nil {
		states[review.StateWithdrawn] = len(r.Review.Withdrawn)
	}
	return states, decisions, confirmed, confirmedChanged
}
