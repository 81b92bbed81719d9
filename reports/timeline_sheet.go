package reports

import (
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// timelineMonths is every month from the first to the last month with
// income or a benefit paid to a flagged suspect, and per suspect the
// months a benefit was paid (any of the suspect's flags).
func timelineMonths(r *result.Report) (months []time.Time, benefit map[string]map[time.Time]bool) {
	var lo, hi time.Time
	see := func(m time.Time) {
		if lo.IsZero() || m.Before(lo) {
			lo = m
		}
		if m.After(hi) {
			hi = m
		}
	}
	for _, s := range r.Suspects {
		for k := range s.ByMonth {
			if m, err := time.Parse("2006-01", k); err == nil {
				see(m)
			}
		}
	}
	benefit = map[string]map[time.Time]bool{}
	for _, f := range r.Flags {
		set := benefit[f.Suspect]
		if set == nil {
			set = map[time.Time]bool{}
			benefit[f.Suspect] = set
		}
		for _, m := range f.Months {
			m = time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, time.UTC)
			set[m] = true
			see(m)
		}
	}
	if lo.IsZero() {
		return nil, benefit
	}
	// A mistyped year cannot make the sheet thousands of columns wide:
	// 50 years of months is the most any case needs.
	for m := lo; !m.After(hi) && len(months) < 600; m = m.AddDate(0, 1, 0) {
		months = append(months, m)
	}
	return months, benefit
}

// writeTimeline writes one row per suspect (in the Suspects sheet's
// order) and one column per month of income in EUR; the months in which
// the suspect also drew a benefit are filled as the flagged rows of the
// Suspects sheet are. Each row's Total and the totals row are SUM
// formulas whose cached values are the Suspects sheet's income.
func (b *book) writeTimeline(r *result.Report) error {
	months, benefit := timelineMonths(r)
	hs := b.headers("ID", "Surname", "Name")
	for _, m := range months {
		hs = append(hs, b.tr.months(m.Format("2006-01")))
	}
	hs = append(hs, b.tr.t("Income EUR"))
	first, last := 4, 3+len(months) // month columns, 1-based
	totalCol := last + 1
	colSums := make([]decimal.Decimal, len(months))
	rows := make([][]any, 0, len(r.Suspects))
	for i, s := range r.Suspects {
		row := make([]any, 0, len(hs))
		row = append(row, str(s.Suspect.ID), str(s.Suspect.Surname), str(s.Suspect.Name))
		paid := benefit[s.Suspect.ID]
		for j, m := range months {
			v, ok := s.ByMonth[m.Format("2006-01")]
			colSums[j] = colSums[j].Add(v)
			row = append(row, moneyCell(v, ok, b.euro(paid[m])))
		}
		rowNo := i + 2
		f := fmt.Sprintf("SUM(%s%d:%s%d)", colName(first), rowNo, colName(max(last, first)), rowNo)
		if len(months) == 0 {
			f = ""
		}
		row = append(row, excelize.Cell{StyleID: b.euro(false), Formula: f, Value: num(s.IncomeEUR)})
		rows = append(rows, row)
	}
	t, err := b.newFastTable(b.tr.t("Timeline"), hs, nil, rows)
	if err != nil {
		return err
	}
	for _, row := range rows {
		if err := t.add(row); err != nil {
			return err
		}
	}
	lastRow := max(t.last().row, 2)
	bold := b.style(styleKey{numFmt: euroFmt, bold: true})
	foot := make([]any, len(hs))
	foot[0] = textCell(b.tr.t("Total"), b.header())
	total := decimal.Zero
	for j := range months {
		c := colName(first + j)
		foot[first-1+j] = excelize.Cell{StyleID: bold, Formula: fmt.Sprintf("SUM(%s2:%s%d)", c, c, lastRow), Value: num(colSums[j])}
	}
	for _, s := range r.Suspects {
		total = total.Add(s.IncomeEUR)
	}
	c := colName(totalCol)
	foot[totalCol-1] = excelize.Cell{StyleID: bold, Formula: fmt.Sprintf("SUM(%s2:%s%d)", c, c, lastRow), Value: num(total)}
	if err := t.addFooter(foot); err != nil {
		return err
	}
	if err := t.addFooter([]any{}); err != nil {
		return err
	}
	return t.addFooter([]any{textCell("", b.text(true)), textCell(b.tr.t("Benefit paid in the month (a flagged application): the overlap with income is what the Benefit flags sheet proposes for recovery."), 0)})
}
