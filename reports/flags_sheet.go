package reports

import (
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/review"
	"github.com/crosscheck/crosscheck/sheets"
	"github.com/xuri/excelize/v2"
)

// protection lets a reader filter, sort, select and resize on a protected
// sheet: protection is there to catch accidental edits of computed cells,
// not to lock anything away, hence no password.
var protection = &excelize.SheetProtectionOptions{AutoFilter: true, Sort: true, SelectLockedCells: true,
	SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}

// flagRow is a Benefit flags row: the flag and what the reviews say of it.
type flagRow struct {
	f  *match.BenefitFlag
	fr review.FlagReview
}

func (b *book) writeFlags(r *result.Report) error {
	s := &sheets.BenefitFlags
	fns, err := bindColumns(s, b.flagValues(r))
	if err != nil {
		return err
	}
	var rows [][]any
	for i := range r.Flags {
		f := &r.Flags[i]
		rows = append(rows, fillRow(make([]any, len(fns)), fns, flagRow{f, r.Review.Review(f.ID)}))
	}
	t, err := b.sheetTable(s, false, rows)
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

// flagValues gives each Benefit flags column's cell for a flag: the flag,
// the evidence of each compared field, the figures, the review state, the
// four review cells (pre-filled with the carried decision, unlocked) and
// the hidden "Reviewed ..." cells (the figures the carried decision was
// taken on, the decision and its date as carried; empty without one).
func (b *book) flagValues(r *result.Report) map[string]rowFunc[flagRow] {
	names := suspectNames(r)
	edit, editDate := b.formatStyle(sheets.General, true), b.formatStyle(sheets.Date, true)
	lang := b.lang()
	carried := func(cell func(*review.Decision) any) rowFunc[flagRow] {
		return func(fr flagRow) any {
			if fr.fr.Decision == nil {
				return nil
			}
			return cell(fr.fr.Decision)
		}
	}
	// editable is a review cell: empty but unlocked without a decision.
	editable := func(style int, cell func(*review.Decision) any) rowFunc[flagRow] {
		return func(fr flagRow) any {
			if fr.fr.Decision == nil {
				return excelize.Cell{StyleID: style}
			}
			return cell(fr.fr.Decision)
		}
	}
	v := map[string]rowFunc[flagRow]{
		sheets.FlagID:      func(fr flagRow) any { return str(fr.f.ID) },
		sheets.Suspect:     func(fr flagRow) any { return str(fr.f.Suspect) },
		"suspect_name":     func(fr flagRow) any { return str(names[fr.f.Suspect]) },
		sheets.Application: func(fr flagRow) any { return str(fr.f.Application) },
		"programme":        func(fr flagRow) any { return str(fr.f.Programme.Info().Italian) },
		sheets.Class:       func(fr flagRow) any { return str(b.tr.t(string(fr.f.Class))) },
		"role":             func(fr flagRow) any { return str(b.tr.t(fr.f.Role)) },
		sheets.MonthsPaid:  func(fr flagRow) any { return len(fr.f.Months) },
		"months":           func(fr flagRow) any { return str(b.tr.months(monthRanges(fr.f.Months))) },
		sheets.BenefitEUR:  func(fr flagRow) any { return num(fr.f.BenefitEUR) },
		sheets.Overlap:     func(fr flagRow) any { return len(fr.f.OverlapMonths) },
		"overlap":          func(fr flagRow) any { return str(b.tr.months(monthRanges(fr.f.OverlapMonths))) },
		sheets.RecoveryEUR: func(fr flagRow) any { return num(fr.f.RecoveryEUR) },
		sheets.IncomeEUR:   func(fr flagRow) any { return num(fr.f.IncomeDuringEUR) },
		"status":           func(fr flagRow) any { return str(statusLabel(b.tr, flagStatus(r, *fr.f))) },
		sheets.ReviewState: func(fr flagRow) any {
			return textCell(b.stateText(fr.fr), b.style(styleKey{fill: fr.fr.State == review.StateChanged, wrap: true}))
		},
		sheets.Decision: editable(edit, func(d *review.Decision) any {
			return textCell(review.DecisionLabel(d.Decision, lang), edit)
		}),
		sheets.Reviewer:   editable(edit, func(d *review.Decision) any { return textCell(d.Reviewer, edit) }),
		sheets.ReviewDate: editable(editDate, func(d *review.Decision) any { return dateCell(d.ReviewDate, editDate) }),
		sheets.Note:       editable(edit, func(d *review.Decision) any { return textCell(d.Note, edit) }),

		sheets.ReviewedClass:    carried(func(d *review.Decision) any { return str(b.tr.t(d.Class)) }),
		sheets.ReviewedMonths:   carried(func(d *review.Decision) any { return d.MonthsPaid }),
		sheets.ReviewedBenefit:  carried(func(d *review.Decision) any { return num(d.BenefitEUR) }),
		sheets.ReviewedOverlap:  carried(func(d *review.Decision) any { return d.OverlapMonths }),
		sheets.ReviewedRecovery: carried(func(d *review.Decision) any { return num(d.RecoveryEUR) }),
		sheets.ReviewedIncome:   carried(func(d *review.Decision) any { return num(d.IncomeDuringEUR) }),
		sheets.ReviewedDecision: carried(func(d *review.Decision) any { return str(review.DecisionLabel(d.Decision, lang)) }),
		sheets.ReviewedOn:       carried(func(d *review.Decision) any { return dateOrNil(d.ReviewDate) }),
	}
	// The compared fields, each with its evidence.
	for _, field := range evidenceFields {
		v[field] = func(fr flagRow) any {
			if e, ok := evidenceFor(*fr.f, field); ok {
				return evidenceText(b.tr, e)
			}
			return nil
		}
	}
	return v
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
		decision, date := col(&sheets.BenefitFlags, sheets.Decision), col(&sheets.BenefitFlags, sheets.ReviewDate)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", colName(decision+1), colName(decision+1), last)
		if err := dv.SetDropList(review.DecisionLabels(b.lang())); err != nil {
			return fmt.Errorf("decision list: %w", err)
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, b.tr.t("Decision"), strings.Join(review.DecisionLabels(b.lang()), ", "))
		dd := excelize.NewDataValidation(true)
		dd.Sqref = fmt.Sprintf("%s2:%s%d", colName(date+1), colName(date+1), last)
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
func (b *book) changeText(c review.Change) string { return c.In(b.tr.lang) }

// writeWithdrawn lists the reviewed flags that no longer arise, with
// their last decision. Its columns carry the same headers as Benefit
// flags, so that the next run reads these decisions back too.
func (b *book) writeWithdrawn(r *result.Report) error {
	s := &sheets.WithdrawnFlags
	fns, err := bindColumns(s, b.withdrawnValues(r))
	if err != nil {
		return err
	}
	var rows [][]any
	for i := range r.Review.Withdrawn {
		rows = append(rows, fillRow(make([]any, len(fns)), fns, &r.Review.Withdrawn[i]))
	}
	t, err := b.sheetTable(s, false, rows)
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

// withdrawnValues gives each Withdrawn flags column's cell for a
// withdrawn decision: the flag as decided, the decision and where it was
// read.
func (b *book) withdrawnValues(r *result.Report) map[string]rowFunc[*review.Decision] {
	names := suspectNames(r)
	lang := b.lang()
	return map[string]rowFunc[*review.Decision]{
		sheets.FlagID:      func(d *review.Decision) any { return str(d.FlagID) },
		sheets.Suspect:     func(d *review.Decision) any { return str(d.Suspect) },
		"suspect_name":     func(d *review.Decision) any { return str(names[d.Suspect]) },
		sheets.Application: func(d *review.Decision) any { return str(d.Application) },
		sheets.Class:       func(d *review.Decision) any { return str(b.tr.t(d.Class)) },
		sheets.MonthsPaid:  func(d *review.Decision) any { return d.MonthsPaid },
		sheets.BenefitEUR:  func(d *review.Decision) any { return num(d.BenefitEUR) },
		sheets.Overlap:     func(d *review.Decision) any { return d.OverlapMonths },
		sheets.RecoveryEUR: func(d *review.Decision) any { return num(d.RecoveryEUR) },
		sheets.IncomeEUR:   func(d *review.Decision) any { return num(d.IncomeDuringEUR) },
		sheets.Decision:    func(d *review.Decision) any { return str(review.DecisionLabel(d.Decision, lang)) },
		sheets.Reviewer:    func(d *review.Decision) any { return str(d.Reviewer) },
		sheets.ReviewDate:  func(d *review.Decision) any { return dateOrNil(d.ReviewDate) },
		sheets.Note:        func(d *review.Decision) any { return str(d.Note) },
		"source":           func(d *review.Decision) any { return str(d.Source) },
		"sheet":            func(d *review.Decision) any { return str(d.Sheet) },
		"row":              func(d *review.Decision) any { return d.Row },
	}
}

// writeReviewLog lists every decision carried into this run with the
// workbook it came from and that file's SHA-256: the chain of decisions
// can be audited back to the files.
func (b *book) writeReviewLog(r *result.Report) error {
	withdrawn := map[string]bool{}
	for _, d := range r.Review.Withdrawn {
		withdrawn[d.FlagID] = true
	}
	items := make([]logRow, len(r.Review.Log))
	for i := range r.Review.Log {
		d := &r.Review.Log[i]
		state := b.tr.t(string(review.StateWithdrawn))
		if !withdrawn[d.FlagID] {
			state = b.stateText(r.Review.Review(d.FlagID))
		}
		items[i] = logRow{d, state}
	}
	rows, err := rowsOf(&sheets.ReviewLog, b.logValues(r), items)
	if err != nil {
		return err
	}
	return b.simpleTable(&sheets.ReviewLog, rows, nil)
}

// logRow is a Review log row: a decision carried and the flag's review
// state in this run.
type logRow struct {
	d     *review.Decision
	state string
}

// logValues gives each Review log column's cell for a carried decision.
func (b *book) logValues(r *result.Report) map[string]rowFunc[logRow] {
	names := suspectNames(r)
	lang := b.lang()
	return map[string]rowFunc[logRow]{
		sheets.FlagID:      func(l logRow) any { return str(l.d.FlagID) },
		sheets.Suspect:     func(l logRow) any { return str(l.d.Suspect) },
		"suspect_name":     func(l logRow) any { return str(names[l.d.Suspect]) },
		sheets.Application: func(l logRow) any { return str(l.d.Application) },
		sheets.Decision:    func(l logRow) any { return str(review.DecisionLabel(l.d.Decision, lang)) },
		sheets.Reviewer:    func(l logRow) any { return str(l.d.Reviewer) },
		sheets.ReviewDate:  func(l logRow) any { return dateOrNil(l.d.ReviewDate) },
		sheets.Note:        func(l logRow) any { return str(l.d.Note) },
		sheets.ReviewState: func(l logRow) any { return str(l.state) },
		"source":           func(l logRow) any { return str(l.d.Source) },
		"sheet":            func(l logRow) any { return str(l.d.Sheet) },
		"row":              func(l logRow) any { return l.d.Row },
		"sha256":           func(l logRow) any { return str(l.d.SHA256) },
	}
}

func dateOrNil(t time.Time) any { return ifOK(!t.IsZero(), t) }

// countReviews counts r's flags by state and decision, and lists the
// confirmed flags apart by whether their evidence changed since the
// review: a confirmation covers the figures it was given on, so only the
// unchanged ones count towards the recovery over confirmed flags.
func countReviews(r *result.Report) (states map[review.State]int, decisions map[string]int, confirmed, confirmedChanged []match.BenefitFlag) {
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
