package reports

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"io"
	"iter"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/outfile"
	"github.com/crosscheck/crosscheck/sheets"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// sheetsFor is the order of r's sheets (sheets.Order): the review
// sheets only when r carries reviews.
func sheetsFor(r *result.Report) []string {
	return sheets.Order(r.Review != nil)
}

// WriteWorkbook writes the workbook (docs/rules.md#outputs) to path,
// atomically: the previous file stays as it was unless the whole workbook
// was written. It ranges over r.Entries and r.Issues once each.
func WriteWorkbook(path string, r *result.Report) error {
	return outfile.WriteFile(path, outfile.Private, func(w io.Writer) error {
		return WriteWorkbookTo(w, r)
	})
}

// WriteWorkbookTo writes the workbook to w (for callers that commit the
// file themselves, see outfile), the payment rows on its Payments sheet.
// It ranges over r.Entries and r.Issues once each.
func WriteWorkbookTo(w io.Writer, r *result.Report) error {
	return writeWorkbook(w, nil, r)
}

// WriteWorkbooksTo writes the report for print (docs/report.md#print): the
// workbook to w without the Payments sheet, and every payment row to the
// detail workbook, detail, named detailName beside it. The workbook's
// Sources sheet and Summary name the detail workbook with its SHA-256 and
// rows, so paper can verify the file; r.Detail records them for the JSON,
// which must be written after.
func WriteWorkbooksTo(w, detail io.Writer, detailName string, r *result.Report) error {
	return writeWorkbook(w, &detailSink{w: detail, name: detailName}, r)
}

// DetailPath is the detail workbook written beside workbook:
// report.xlsx -> report-payments.xlsx (report-pagamenti.xlsx in Italian).
func DetailPath(workbook, lang string) string {
	ext := filepath.Ext(workbook)
	suffix := "-payments"
	if lang == "it" {
		suffix = "-pagamenti"
	}
	return strings.TrimSuffix(workbook, ext) + suffix + ext
}

// detailSink is where the payment detail goes, and what it came to.
type detailSink struct {
	w    io.Writer
	name string
}

func writeWorkbook(w io.Writer, detail *detailSink, r *result.Report) error {
	b := newBook(r.Params.Lang)
	b.detail = detail
	defer b.close()
	if err := b.writeAll(r); err != nil {
		return err
	}
	return b.save(w)
}

// close releases the book's file and its spliced sheets.
func (b *book) close() {
	b.f.Close()
	outfile.RemoveScratchDir(b.scratch)
	for _, sp := range b.splices {
		sp.close()
	}
}

// save writes the finished book to w.
func (b *book) save(w io.Writer) error {
	// excelize's part of the workbook goes to a scratch file first: the
	// large sheets, written apart, are spliced into it on the way out.
	scratch, err := outfile.Temp("")
	if err != nil {
		return fmt.Errorf("save workbook: %w", err)
	}
	defer outfile.Discard(scratch)
	bw := bufio.NewWriterSize(scratch, 1<<20)
	// excelize chooses the content types by the file's extension.
	b.f.Path = "report.xlsx"
	if _, err := b.f.WriteTo(bw); err != nil {
		return fmt.Errorf("save workbook: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save workbook: %w", err)
	}
	size, err := scratch.Seek(0, io.SeekCurrent)
	if err != nil {
		return fmt.Errorf("save workbook: %w", err)
	}
	if err := spliceSheets(w, scratch, size, b.splices); err != nil {
		return fmt.Errorf("save workbook: %w", err)
	}
	return nil
}

func (b *book) writeAll(r *result.Report) error {
	b.setPageText(r)
	order := sheetsFor(r)
	if b.detail != nil {
		order = slices.DeleteFunc(slices.Clone(order), func(n string) bool { return n == "Payments" })
	}
	names := make([]string, len(order))
	for i, n := range order {
		names[i] = b.tr.t(n)
	}
	if err := b.f.SetSheetName("Sheet1", names[0]); err != nil {
		return fmt.Errorf("name sheet: %w", err)
	}
	for _, n := range names[1:] {
		if _, err := b.f.NewSheet(n); err != nil {
			return fmt.Errorf("create sheet %q: %w", n, err)
		}
	}
	steps := []func(*result.Report) error{
		b.writeSuspects, b.writePayments, b.writeAssets, b.writeFlags,
		b.writeNetwork, b.writeTimeline, b.writeIssues, b.writeSources, b.writeRates,
	}
	if r.Review != nil {
		steps = append(steps, b.writeWithdrawn, b.writeReviewLog)
	}
	steps = append(steps,
		// The Summary goes last: it reports which sheets were continued.
		b.writeSummary,
	)
	for _, step := range steps {
		if err := step(r); err != nil {
			return err
		}
	}
	if err := b.finish(names); err != nil {
		return err
	}
	b.f.SetActiveSheet(0)
	// Readers that do not trust cached values recompute the SUM cells.
	full := true
	if err := b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return fmt.Errorf("calc properties: %w", err)
	}
	return nil
}

// str leaves empty text cells out of the sheet.
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (b *book) headers(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = b.tr.t(k)
	}
	return out
}

func (b *book) yesNo(v bool) string {
	if v {
		return b.tr.t("yes")
	}
	return b.tr.t("no")
}

// suspectRow is a Suspects row: the suspect's totals, the class of its
// benefit flag, and the row's styles (filled when flagged).
type suspectRow struct {
	s              *ledger.SuspectTotals
	class          match.Class
	tx, eu, dt, in int
}

func (b *book) writeSuspects(r *result.Report) error {
	s := &sheets.Suspects
	fns, err := bindColumns(s, b.suspectValues())
	if err != nil {
		return err
	}
	flagged := flagBySuspect(r.Flags)
	rows := make([][]any, 0, len(r.Suspects))
	var payments, noRate int
	income, seized, short := decimal.Zero, decimal.Zero, decimal.Zero
	for i := range r.Suspects {
		st := &r.Suspects[i]
		class, fill := flagged[st.Suspect.ID]
		row := suspectRow{s: st, class: class, tx: b.text(fill), eu: b.euro(fill), dt: b.date(fill), in: b.integer(fill)}
		rows = append(rows, fillRow(make([]any, len(fns)), fns, row))
		payments += st.Payments
		noRate += st.NoRate
		income = income.Add(st.IncomeEUR)
		seized = seized.Add(st.SeizedEUR)
		short = short.Add(st.ShortfallEUR)
	}
	t, err := b.sheetTable(s, false, rows)
	if err != nil {
		return err
	}
	for _, row := range rows {
		if err := t.add(row); err != nil {
			return err
		}
	}
	return t.addFooter(b.totalsRow(s, t.last().row, map[string]any{"payments": payments, "income_eur": num(income),
		"seized_eur": num(seized), "shortfall_eur": num(short), "no_rate": noRate}))
}

// suspectValues gives each Suspects column's cell for a suspect, in the
// row's style.
func (b *book) suspectValues() map[string]rowFunc[suspectRow] {
	text := func(v func(*ledger.SuspectTotals) string) rowFunc[suspectRow] {
		return func(r suspectRow) any { return textCell(v(r.s), r.tx) }
	}
	integer := func(v func(*ledger.SuspectTotals) int) rowFunc[suspectRow] {
		return func(r suspectRow) any { return intCell(v(r.s), r.in) }
	}
	euro := func(v func(*ledger.SuspectTotals) decimal.Decimal) rowFunc[suspectRow] {
		return func(r suspectRow) any { return moneyCell(v(r.s), true, r.eu) }
	}
	date := func(v func(*ledger.SuspectTotals) time.Time) rowFunc[suspectRow] {
		return func(r suspectRow) any { return dateCell(v(r.s), r.dt) }
	}
	return map[string]rowFunc[suspectRow]{
		"id":                 text(func(s *ledger.SuspectTotals) string { return s.Suspect.ID }),
		"tax_code":           text(func(s *ledger.SuspectTotals) string { return s.Suspect.TaxCode }),
		"surname":            text(func(s *ledger.SuspectTotals) string { return s.Suspect.Surname }),
		"name":               text(func(s *ledger.SuspectTotals) string { return s.Suspect.Name }),
		"role":               text(func(s *ledger.SuspectTotals) string { return s.Suspect.Role }),
		"upline":             text(func(s *ledger.SuspectTotals) string { return s.Suspect.Upline }),
		"payments":           integer(func(s *ledger.SuspectTotals) int { return s.Payments }),
		"income_eur":         euro(func(s *ledger.SuspectTotals) decimal.Decimal { return s.IncomeEUR }),
		"seized_eur":         euro(func(s *ledger.SuspectTotals) decimal.Decimal { return s.SeizedEUR }),
		"shortfall_eur":      euro(func(s *ledger.SuspectTotals) decimal.Decimal { return s.ShortfallEUR }),
		"network_income_eur": euro(func(s *ledger.SuspectTotals) decimal.Decimal { return s.NetworkIncomeEUR }),
		"first_payment":      date(func(s *ledger.SuspectTotals) time.Time { return s.First }),
		"last_payment":       date(func(s *ledger.SuspectTotals) time.Time { return s.Last }),
		"payers":             integer(func(s *ledger.SuspectTotals) int { return s.Payers }),
		"no_rate":            integer(func(s *ledger.SuspectTotals) int { return s.NoRate }),
		"currencies":         text(func(s *ledger.SuspectTotals) string { return currencies(s.ByCurrency, b.tr.lang) }),
		"benefit_flag":       func(r suspectRow) any { return textCell(b.tr.t(string(r.class)), r.tx) },
	}
}

// totalsRow is a table's totals row: "Total", then under each Total
// column of s a SUM over the rows above, with the exact sum (values, by
// column key) as its cached value so that any reader shows it.
func (b *book) totalsRow(s *sheets.Sheet, lastRow int, values map[string]any) []any {
	row := make([]any, len(s.Columns))
	hb := b.header()
	bold := map[sheets.Format]int{}
	for _, f := range []sheets.Format{sheets.Euro, sheets.Integer} {
		for _, c := range s.Columns {
			if c.Total && c.Format == f {
				k := formatKey(f, false, b.dateFmt)
				k.bold = true
				bold[f] = b.style(k)
				break
			}
		}
	}
	row[0] = textCell(b.tr.t("Total"), hb)
	for i, c := range s.Columns {
		if !c.Total {
			continue
		}
		name := colName(i + 1)
		row[i] = excelize.Cell{StyleID: bold[c.Format], Formula: fmt.Sprintf("SUM(%s2:%s%d)", name, name, max(lastRow, 2)), Value: values[c.Key]}
	}
	return row
}

// rowBuffers hold the reused cell slices of the two streamed payment
// sheets (one allocation per sheet, not per row) and the labels their
// cells show, worked out once.
type rowBuffers struct {
	b          *book
	pay, unatt []any
	payCols    []rowFunc[*ledger.Entry]
	unattCols  []rowFunc[*ledger.Entry]
	// fromPay is the Payments column of each Unattributed column (-1
	// for its own): a payment's row in this book lends it those cells.
	fromPay []int
	amount  [19]int // native amount style by minor units
	status  map[ledger.EntryStatus]string
	rules   map[ledger.Rule]string
	dirs    [4]string
	// reasons caches the direction reasons rendered in the book's
	// language: a few texts repeat over every row.
	reasons map[string]string
	yes     string
	explain func(*ledger.Entry) match.Unattributed
	names   map[string]string
	// why is the explanation of the unattributed row being filled.
	why match.Unattributed
}

func (b *book) newRowBuffers() (*rowBuffers, error) {
	rb := &rowBuffers{b: b, pay: make([]any, len(sheets.Payments.Columns)), unatt: make([]any, len(sheets.Unattributed.Columns)),
		status: map[ledger.EntryStatus]string{}, rules: map[ledger.Rule]string{}, yes: b.tr.t("yes")}
	for i := range rb.amount {
		rb.amount[i] = b.native(i, false)
	}
	for _, s := range []ledger.EntryStatus{ledger.EntryOK, ledger.EntryDuplicate, ledger.EntryConflict} {
		rb.status[s] = b.tr.t(string(s))
	}
	for _, d := range ledger.Directions {
		rb.dirs[d] = b.tr.t(d.String())
	}
	for _, r := range []ledger.Rule{ledger.RuleSuspectColumn, ledger.RuleFileSuspect, ledger.RulePayeeAccount, ledger.RulePayee, ledger.RulePayerAccount, ledger.RulePayer} {
		rb.rules[r] = b.tr.t(string(r))
	}
	values := rb.paymentValues()
	var err error
	if rb.payCols, err = bindColumns(&sheets.Payments, values); err != nil {
		return nil, err
	}
	unatt := map[string]rowFunc[*ledger.Entry]{
		"reason":     func(*ledger.Entry) any { return str(reasonShort(rb.b.tr, rb.why.Reason)) },
		"candidates": func(*ledger.Entry) any { return str(candidatesText(rb.names, rb.why.Candidates)) },
	}
	for _, c := range sheets.Unattributed.Columns {
		if fn, ok := values[c.Key]; ok {
			unatt[c.Key] = fn
		}
	}
	if rb.unattCols, err = bindColumns(&sheets.Unattributed, unatt); err != nil {
		return nil, err
	}
	for _, c := range sheets.Unattributed.Columns {
		rb.fromPay = append(rb.fromPay, sheets.Payments.Index(c.Key))
	}
	return rb, nil
}

// paymentValues gives each Payments column's cell for an entry.
func (rb *rowBuffers) paymentValues() map[string]rowFunc[*ledger.Entry] {
	return map[string]rowFunc[*ledger.Entry]{
		"source":   func(e *ledger.Entry) any { return str(e.Ref.Path) },
		"sheet":    func(e *ledger.Entry) any { return str(e.Ref.Sheet) },
		"row":      func(e *ledger.Entry) any { return e.Ref.Row },
		"date":     func(e *ledger.Entry) any { return ifOK(!e.Date.IsZero(), e.Date) },
		"amount":   rb.amountCell,
		"currency": func(e *ledger.Entry) any { return str(e.Currency) },
		"eur":      func(e *ledger.Entry) any { return ifOK(e.HasEUR, num(e.EUR)) },
		"rate":     func(e *ledger.Entry) any { return ifOK(e.HasRate, num(e.Rate.Value)) },
		"rate_date": func(e *ledger.Entry) any {
			return ifOK(e.HasRate && !e.Rate.Date.IsZero(), e.Rate.Date)
		},
		"payer":         func(e *ledger.Entry) any { return str(e.Payer) },
		"payer_account": func(e *ledger.Entry) any { return str(e.PayerAccount) },
		"payee":         func(e *ledger.Entry) any { return str(e.Payee) },
		"payee_account": func(e *ledger.Entry) any { return str(e.PayeeAccount) },
		"reference":     func(e *ledger.Entry) any { return str(e.Reference) },
		"description":   func(e *ledger.Entry) any { return str(e.Description) },
		"channel":       func(e *ledger.Entry) any { return str(e.Channel) },
		"direction":     func(e *ledger.Entry) any { return str(rb.dirs[e.Direction%4]) },
		"status": func(e *ledger.Entry) any {
			st, ok := rb.status[e.Status]
			if !ok {
				st = string(e.Status)
			}
			return str(st)
		},
		"duplicate_of":     func(e *ledger.Entry) any { return str(refText(e.DuplicateOf)) },
		"suspect":          func(e *ledger.Entry) any { return str(e.Attrib) },
		"rule":             func(e *ledger.Entry) any { return str(rb.rules[e.Rule]) },
		"decided_by":       func(e *ledger.Entry) any { return str(e.AttribBy) },
		"direction_reason": func(e *ledger.Entry) any { return str(rb.reason(e.DirReason)) },
	}
}

// reason is a direction reason in the book's language.
func (rb *rowBuffers) reason(s string) string {
	if !rb.b.tr.it || s == "" {
		return s
	}
	if r, ok := rb.reasons[s]; ok {
		return r
	}
	r := rb.b.tr.reason(s)
	if rb.reasons == nil {
		rb.reasons = map[string]string{}
	}
	if len(rb.reasons) < 4096 {
		rb.reasons[s] = r
	}
	return r
}

func (rb *rowBuffers) amountCell(e *ledger.Entry) any {
	minor := min(max(ledger.MinorUnits(e.Currency), 0), len(rb.amount)-1)
	return excelize.Cell{Value: num(e.Amount), StyleID: rb.amount[minor]}
}

func ifOK(ok bool, v any) any {
	if !ok {
		return nil
	}
	return v
}

// payment fills the Payments row for e.
func (rb *rowBuffers) payment(e *ledger.Entry) []any { return fillRow(rb.pay, rb.payCols, e) }

// unattributedRow fills the Unattributed row for e: what the payment
// was, why it is unattributed and the suspects it may belong to. p, when
// not nil, is e's Payments row in this book, whose cells it takes.
func (rb *rowBuffers) unattributedRow(e *ledger.Entry, p []any) []any {
	rb.why = match.Unattributed{}
	if rb.explain != nil {
		rb.why = rb.explain(e)
	}
	if p == nil {
		return fillRow(rb.unatt, rb.unattCols, e)
	}
	u := rb.unatt[:len(rb.unattCols)]
	for i, fn := range rb.unattCols {
		if j := rb.fromPay[i]; j >= 0 {
			u[i] = p[j]
		} else {
			u[i] = fn(e)
		}
	}
	return u
}

// writePayments streams every entry to Payments and the unattributed
// ones to Unattributed, in one pass over r.Entries.
func (b *book) writePayments(r *result.Report) error {
	rb, err := b.newRowBuffers()
	if err != nil {
		return err
	}
	rb.explain, rb.names = r.Explain, suspectNames(r)
	// pb holds the Payments sheet: this book, or the detail workbook.
	pb, prb := b, rb
	if b.detail != nil {
		if pb, err = b.detailBook(r); err != nil {
			return err
		}
		defer pb.close()
		if prb, err = pb.newRowBuffers(); err != nil {
			return err
		}
	}
	next, stop := iter.Pull(seqOrEmpty(r.Entries))
	defer stop()
	// A sample of the first rows fits the column widths.
	var sample []ledger.Entry
	for len(sample) < widthSample {
		e, ok := next()
		if !ok {
			break
		}
		sample = append(sample, e)
	}
	var paySample [][]any
	for i := range sample {
		paySample = append(paySample, clone(prb.payment(&sample[i])))
	}
	paySample = append(paySample, widestAmount(pb, r, &sheets.Payments))
	pay, err := pb.sheetTable(&sheets.Payments, true, paySample)
	if err != nil {
		return err
	}
	// Unattributed is sized by its own first rows, which may come long
	// after the first payments: they wait here until there are enough.
	var un *table
	var pending [][]any
	openUn := func() error {
		var err error
		un, err = b.sheetTable(&sheets.Unattributed, true, append(slices.Clip(pending), widestAmount(b, r, &sheets.Unattributed)))
		if err != nil {
			return err
		}
		for _, row := range pending {
			if err := un.add(row); err != nil {
				return err
			}
		}
		pending = nil
		return nil
	}
	total := decimal.Zero
	rows := 0
	write := func(e *ledger.Entry) error {
		p := prb.payment(e)
		rows++
		if err := pay.add(p); err != nil {
			return err
		}
		if !unattributed(e) {
			return nil
		}
		if e.HasEUR {
			total = total.Add(e.EUR)
		}
		if pb != b {
			p = nil // in the detail workbook's styles
		}
		if un != nil {
			return un.add(rb.unattributedRow(e, p))
		}
		pending = append(pending, clone(rb.unattributedRow(e, p)))
		if len(pending) == widthSample {
			return openUn()
		}
		return nil
	}
	for i := range sample {
		if err := write(&sample[i]); err != nil {
			return err
		}
	}
	for {
		e, ok := next()
		if !ok {
			break
		}
		if err := write(&e); err != nil {
			return err
		}
	}
	if un == nil {
		if err := openUn(); err != nil {
			return err
		}
	}
	foot := make([]any, len(sheets.Unattributed.Columns))
	foot[0] = textCell(b.tr.t("Total (all sheets)"), b.header())
	foot[col(&sheets.Unattributed, "eur")] = excelize.Cell{Value: num(total), StyleID: b.style(styleKey{numFmt: euroFmt, bold: true})}
	if err := un.addFooter(foot); err != nil {
		return err
	}
	if pb != b {
		return b.saveDetail(r, pb, rows)
	}
	return nil
}

// widestAmount is a row that only sizes the Amount column of a payments
// table s: a million-EUR amount in the currency with the most decimals
// among the rates used, so that a crypto amount after the sampled rows
// never prints as "###".
func widestAmount(b *book, r *result.Report, s *sheets.Sheet) []any {
	minor := 2
	for _, u := range r.RatesUsed {
		minor = max(minor, ledger.MinorUnits(u.Rate.Currency))
	}
	row := make([]any, len(s.Columns))
	row[col(s, "amount")] = excelize.Cell{Value: -1_000_000.0, StyleID: b.native(minor, false)}
	return row
}

// detailBook starts the payment detail workbook: one Payments table,
// continued on further sheets past a sheet's rows, printed like the
// report's tables.
func (b *book) detailBook(r *result.Report) (*book, error) {
	pb := newBook(r.Params.Lang)
	pb.setPageText(r)
	if err := pb.f.SetSheetName("Sheet1", pb.tr.t("Payments")); err != nil {
		pb.close()
		return nil, fmt.Errorf("name sheet: %w", err)
	}
	return pb, nil
}

// saveDetail finishes and writes the detail workbook, hashing it on the
// way, and records its name, SHA-256 and rows for Sources and the JSON.
func (b *book) saveDetail(r *result.Report, pb *book, rows int) error {
	// Every rate used, day by day, goes with the payments it converted;
	// the report keeps a summary per currency.
	if _, err := pb.f.NewSheet(pb.tr.t("Rates used")); err != nil {
		return fmt.Errorf("create sheet: %w", err)
	}
	if err := pb.writeRates(r); err != nil {
		return err
	}
	if err := pb.finish([]string{pb.tr.t("Payments"), pb.tr.t("Rates used")}); err != nil {
		return err
	}
	pb.f.SetActiveSheet(0)
	h := sha256.New()
	if err := pb.save(io.MultiWriter(b.detail.w, h)); err != nil {
		return fmt.Errorf("payment detail %s: %w", b.detail.name, err)
	}
	r.Detail = &result.PaymentDetail{Name: b.detail.name, SHA256: hex.EncodeToString(h.Sum(nil)), Rows: rows}
	return nil
}

func seqOrEmpty[T any](s iter.Seq[T]) iter.Seq[T] {
	if s == nil {
		return func(func(T) bool) {}
	}
	return s
}

func clone(row []any) []any { return append([]any(nil), row...) }

func (b *book) writeAssets(r *result.Report) error {
	s := &sheets.Assets
	fns, err := bindColumns(s, b.assetValues())
	if err != nil {
		return err
	}
	var rows [][]any
	sum, sumReport := decimal.Zero, decimal.Zero
	for i := range r.Seizure.Assets {
		a := &r.Seizure.Assets[i]
		if a.HasEUR {
			sum = sum.Add(a.EUR)
		}
		if a.HasReportEUR {
			sumReport = sumReport.Add(a.ReportEUR)
		}
		rows = append(rows, fillRow(make([]any, len(fns)), fns, a))
	}
	t, err := b.sheetTable(s, false, rows)
	if err != nil {
		return err
	}
	for _, row := range rows {
		if err := t.add(row); err != nil {
			return err
		}
	}
	return t.addFooter(b.totalsRow(s, t.last().row, map[string]any{"eur": num(sum), "report_eur": num(sumReport)}))
}

// assetValues gives each Assets column's cell for an asset. Value and
// quantity show the decimals of the asset's currency.
func (b *book) assetValues() map[string]rowFunc[*ledger.AssetValue] {
	native := func(a *ledger.AssetValue, ok bool, v decimal.Decimal) any {
		style := b.native(min(ledger.MinorUnits(a.Currency), 18), false)
		return ifOK(ok, excelize.Cell{Value: num(v), StyleID: style})
	}
	return map[string]rowFunc[*ledger.AssetValue]{
		"id":           func(a *ledger.AssetValue) any { return str(a.ID) },
		"owner":        func(a *ledger.AssetValue) any { return str(a.Owner) },
		"suspect":      func(a *ledger.AssetValue) any { return str(a.Suspect) },
		"type":         func(a *ledger.AssetValue) any { return str(b.tr.t(string(a.Type))) },
		"description":  func(a *ledger.AssetValue) any { return str(a.Description) },
		"value":        func(a *ledger.AssetValue) any { return native(a, a.HasValue, a.Value) },
		"quantity":     func(a *ledger.AssetValue) any { return native(a, a.HasQuantity, a.Quantity) },
		"currency":     func(a *ledger.AssetValue) any { return str(a.Currency) },
		"seizure_date": func(a *ledger.AssetValue) any { return ifOK(!a.SeizureDate.IsZero(), a.SeizureDate) },
		"country":      func(a *ledger.AssetValue) any { return str(a.Country) },
		"measure":      func(a *ledger.AssetValue) any { return str(a.Measure) },
		"share": func(a *ledger.AssetValue) any {
			share := a.Share
			if share.IsZero() {
				share = decimal.NewFromInt(1)
			}
			return num(share.Mul(decimal.NewFromInt(100)))
		},
		"eur":        func(a *ledger.AssetValue) any { return ifOK(a.HasEUR, num(a.EUR)) },
		"rate":       func(a *ledger.AssetValue) any { return ifOK(a.HasRate, num(a.Rate.Value)) },
		"rate_date":  func(a *ledger.AssetValue) any { return ifOK(a.HasRate && !a.Rate.Date.IsZero(), a.Rate.Date) },
		"counted":    func(a *ledger.AssetValue) any { return b.yesNo(a.Counted) },
		"status":     func(a *ledger.AssetValue) any { return str(b.tr.t(string(a.Status))) },
		"report_eur": func(a *ledger.AssetValue) any { return ifOK(a.HasReportEUR, num(a.ReportEUR)) },
		"problem":    func(a *ledger.AssetValue) any { return str(b.problems(a.Problems)) },
	}
}

// simpleTable writes the small table of sheet s held in memory, then
// footer rows.
func (b *book) simpleTable(s *sheets.Sheet, rows, footer [][]any) error {
	// The footer's figures size the columns too (a target of ten
	// millions under a narrow column would print "###").
	sample := slices.Clip(rows)
	for _, f := range footer {
		nums := make([]any, len(f))
		for i, c := range f {
			if cell, ok := c.(excelize.Cell); ok {
				if _, isNum := cell.Value.(float64); isNum {
					nums[i] = c
				}
			}
		}
		sample = append(sample, nums)
	}
	t, err := b.sheetTable(s, false, sample)
	if err != nil {
		return err
	}
	for _, row := range rows {
		if err := t.add(row); err != nil {
			return err
		}
	}
	for _, row := range footer {
		if err := t.addFooter(row); err != nil {
			return err
		}
	}
	return nil
}

// rowsOf fills the rows of sheet s, one per item, from values.
func rowsOf[R any](s *sheets.Sheet, values map[string]rowFunc[R], items []R) ([][]any, error) {
	fns, err := bindColumns(s, values)
	if err != nil {
		return nil, err
	}
	rows := make([][]any, 0, len(items))
	for _, it := range items {
		rows = append(rows, fillRow(make([]any, len(fns)), fns, it))
	}
	return rows, nil
}

func (b *book) writeNetwork(r *result.Report) error {
	items := make([]*ledger.SuspectTotals, len(r.Suspects))
	for i := range r.Suspects {
		items[i] = &r.Suspects[i]
	}
	rows, err := rowsOf(&sheets.Network, networkValues, items)
	if err != nil {
		return err
	}
	var footer [][]any
	if len(r.Cycles) > 0 {
		footer = append(footer, []any{}, []any{textCell(b.tr.t("Cycles in upline links"), b.header())})
		for _, c := range r.Cycles {
			path := strings.Join(c, " → ")
			if len(c) > 0 {
				path += " → " + c[0]
			}
			footer = append(footer, []any{path})
		}
	}
	return b.simpleTable(&sheets.Network, rows, footer)
}

// networkValues gives each Network column's cell for a suspect.
var networkValues = map[string]rowFunc[*ledger.SuspectTotals]{
	"suspect":            func(s *ledger.SuspectTotals) any { return str(s.Suspect.ID) },
	"upline":             func(s *ledger.SuspectTotals) any { return str(s.Suspect.Upline) },
	"downline":           func(s *ledger.SuspectTotals) any { return len(s.Downline) },
	"own_income_eur":     func(s *ledger.SuspectTotals) any { return num(s.IncomeEUR) },
	"network_income_eur": func(s *ledger.SuspectTotals) any { return num(s.NetworkIncomeEUR) },
}

func (b *book) writeIssues(r *result.Report) error {
	// Grouped by level (rejected, warnings, notes), so that what changes
	// a figure comes first and the notes can be filtered out; the same
	// problem over many rows is one line with its rows and count.
	s := &sheets.DataIssues
	fns, err := bindColumns(s, b.issueValues())
	if err != nil {
		return err
	}
	next, stop := iter.Pull(issueGroups(r))
	defer stop()
	var sample [][]any
	row := func(g ledger.IssueGroup) []any {
		b.levels[g.Level] += g.Count
		return fillRow(make([]any, len(fns)), fns, &g)
	}
	for len(sample) < widthSample {
		g, ok := next()
		if !ok {
			break
		}
		sample = append(sample, row(g))
	}
	t, err := b.sheetTable(s, true, sample)
	if err != nil {
		return err
	}
	for _, s := range sample {
		if err := t.add(s); err != nil {
			return err
		}
	}
	for {
		g, ok := next()
		if !ok {
			return nil
		}
		if err := t.add(row(g)); err != nil {
			return err
		}
	}
}

// issueValues gives each Data issues column's cell for a group of issues.
func (b *book) issueValues() map[string]rowFunc[*ledger.IssueGroup] {
	lang := b.lang()
	levels := map[ledger.Level]string{}
	for _, l := range ledger.Levels {
		levels[l] = LevelLabel(l, lang)
	}
	return map[string]rowFunc[*ledger.IssueGroup]{
		"level":   func(g *ledger.IssueGroup) any { return levels[g.Level] },
		"path":    func(g *ledger.IssueGroup) any { return str(g.Path) },
		"sheet":   func(g *ledger.IssueGroup) any { return str(g.Sheet) },
		"rows":    func(g *ledger.IssueGroup) any { return str(g.RowsText()) },
		"count":   func(g *ledger.IssueGroup) any { return g.Count },
		"column":  func(g *ledger.IssueGroup) any { return str(IssueColumn(g, lang)) },
		"value":   func(g *ledger.IssueGroup) any { return str(IssueValue(g, lang)) },
		"problem": func(g *ledger.IssueGroup) any { return str(b.tr.m(g.Msg)) },
	}
}

// sourceRow is a Sources row: an input read, or the payment detail
// written beside the report.
type sourceRow struct {
	s      *ledger.Source
	detail *result.PaymentDetail
}

func (b *book) writeSources(r *result.Report) error {
	items := make([]sourceRow, 0, len(r.Sources)+1)
	for i := range r.Sources {
		items = append(items, sourceRow{s: &r.Sources[i]})
	}
	// The payment detail written beside the report: an output, listed
	// here so that its SHA-256 is on paper with the inputs'.
	if r.Detail != nil {
		items = append(items, sourceRow{detail: r.Detail})
	}
	rows, err := rowsOf(&sheets.Sources, b.sourceValues(), items)
	if err != nil {
		return err
	}
	p := r.Params
	hb := b.header()
	footer := [][]any{{}, {textCell(b.tr.t("Run parameters"), hb)},
		{b.tr.t("Case"), str(p.Case)},
		{b.tr.t("Case file"), str(p.CaseFile)},
		{b.tr.t("Report date"), ifOK(!p.ReportDate.IsZero(), excelize.Cell{Value: p.ReportDate, StyleID: b.date(false)})},
		{b.tr.t("Target EUR"), excelize.Cell{Value: num(p.TargetEUR), StyleID: b.euro(false)}},
		{b.tr.t("Language"), str(p.Lang)},
		{b.tr.t("Version"), str(p.Version)},
	}
	for _, k := range sortedKeys(p.Settings) {
		footer = append(footer, []any{b.tr.t(k), str(b.tr.setting(p.Settings[k]))})
	}
	return b.simpleTable(&sheets.Sources, rows, footer)
}

// sourceValues gives each Sources column's cell for an input, or for the
// payment detail (its name, sheet, SHA-256 and rows).
func (b *book) sourceValues() map[string]rowFunc[sourceRow] {
	input := func(v func(*ledger.Source) any) rowFunc[sourceRow] {
		return func(r sourceRow) any {
			if r.s == nil {
				return nil
			}
			return v(r.s)
		}
	}
	return map[string]rowFunc[sourceRow]{
		"path": func(r sourceRow) any {
			if r.detail != nil {
				return str(r.detail.Name)
			}
			return str(r.s.Path)
		},
		"sheet": func(r sourceRow) any {
			if r.detail != nil {
				return str(b.tr.t("Payments"))
			}
			return str(r.s.Sheet)
		},
		"kind": func(r sourceRow) any {
			if r.detail != nil {
				return str(b.tr.t("payment detail (output)"))
			}
			return str(b.tr.t(string(r.s.Kind)))
		},
		"profile": input(func(s *ledger.Source) any {
			profile := s.Profile
			if profile == "" && s.Kind == ledger.KindPayments {
				profile = b.tr.t("by its headers")
			}
			return str(profile)
		}),
		"sha256": func(r sourceRow) any {
			if r.detail != nil {
				return str(r.detail.SHA256)
			}
			return str(r.s.SHA256)
		},
		"rows": func(r sourceRow) any {
			if r.detail != nil {
				return r.detail.Rows
			}
			return r.s.Rows
		},
		"accepted":     input(func(s *ledger.Source) any { return s.Accepted }),
		"rejected":     input(func(s *ledger.Source) any { return s.Rejected }),
		"duplicates":   input(func(s *ledger.Source) any { return s.Duplicates }),
		"file_suspect": input(func(s *ledger.Source) any { return str(s.Suspect) }),
		"unknown":      input(func(s *ledger.Source) any { return str(strings.Join(s.Unknown, "; ")) }),
	}
}

func (b *book) writeRates(r *result.Report) error {
	if b.detail != nil {
		return b.writeRatesSummary(r)
	}
	items := make([]*ledger.RateUse, len(r.RatesUsed))
	for i := range r.RatesUsed {
		items[i] = &r.RatesUsed[i]
	}
	rows, err := rowsOf(&sheets.RatesUsed, b.rateValues(), items)
	if err != nil {
		return err
	}
	return b.simpleTable(&sheets.RatesUsed, rows, nil)
}

// quotation says how a rate is quoted, in words.
func (b *book) quotation(perUnit bool) string {
	if perUnit {
		return b.tr.t("EUR per unit")
	}
	return b.tr.t("units per EUR")
}

// rateValues gives each Rates used column's cell for a rate used.
func (b *book) rateValues() map[string]rowFunc[*ledger.RateUse] {
	return map[string]rowFunc[*ledger.RateUse]{
		"currency":  func(u *ledger.RateUse) any { return str(u.Rate.Currency) },
		"date":      func(u *ledger.RateUse) any { return ifOK(!u.Rate.Date.IsZero(), u.Rate.Date) },
		"value":     func(u *ledger.RateUse) any { return num(u.Rate.Value) },
		"quotation": func(u *ledger.RateUse) any { return b.quotation(u.Rate.PerUnit) },
		"uses":      func(u *ledger.RateUse) any { return u.Uses },
		"source": func(u *ledger.RateUse) any {
			if u.Rate.Ref.Row > 0 {
				return str(refText(u.Rate.Ref))
			}
			return str(u.Rate.Ref.Path)
		},
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func itoa(n int) string { return strconv.Itoa(n) }
