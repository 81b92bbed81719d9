package reports

import (
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"time"

	"github.com/shopspring/decimal"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/sheets"
	"github.com/xuri/excelize/v2"
)

// Every table sheet prints so that a page can be filed on its own: in
// landscape, the header row repeated on every page, the case and the
// report date at the top, the sheet name and the page number at the
// bottom. A table that fits two pages wide is scaled to one; a wider one
// (Payments) would shrink past reading, so it prints at wideScale across
// pages, a row's pages one after the other, with the columns that
// identify a row (source, sheet, row) repeated on each. The Summary has
// its own layout (printOnePageWide) with the same header and footer.

// fitWidthLimit is the widest table, in Excel's character units, that is
// scaled to one page wide: a little over two landscape pages, so a scale
// of about 46% or more.
const fitWidthLimit = 280

// wideScale is the print scale of wider tables, in percent: 11-point
// text prints at 8 points, still easy to read, on a third fewer pages.
const wideScale = 75

// fitsPage reports whether t is scaled to one page wide.
func (t *table) fitsPage() bool {
	if t.onePage {
		return true
	}
	w := 0.0
	for i, cw := range t.widths {
		if !slices.Contains(t.hidden, i) {
			w += cw
		}
	}
	return w <= fitWidthLimit
}

// pageText is the header and footer of every printed table page.
type pageText struct{ header, footer string }

// maxCaseInHeader keeps the header within Excel's 255 characters.
const maxCaseInHeader = 120

func (b *book) setPageText(r *result.Report) {
	name := strings.TrimSpace(r.Params.Case)
	if utf8.RuneCountInString(name) > maxCaseInHeader {
		name = string([]rune(name)[:maxCaseInHeader-1]) + "…"
	}
	date := ""
	if !r.Params.ReportDate.IsZero() {
		layout := "2006-01-02"
		if b.dateFmt == dateFmtIT {
			layout = "02/01/2006"
		}
		date = b.tr.t("Report date") + " " + r.Params.ReportDate.Format(layout)
	}
	b.page = pageText{
		header: "&L" + hfEscape(name) + "&R" + hfEscape(date),
		// Each sheet numbers its own pages from 1 (firstPageNumber in the
		// page setup): "&N" would count the pages of the whole workbook
		// in LibreOffice, so the footer gives the sheet and its page.
		footer: "&L&A&R" + hfEscape(b.tr.t("Page")) + " &P",
	}
}

// hfEscape doubles "&", which starts a code in header and footer text.
func hfEscape(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// printTitles repeats row 1 of sheet on every printed page, and its first
// cols columns too when cols > 0.
func (b *book) printTitles(sheet string, cols int) error {
	q := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	ref := q + "$1:$1"
	if cols > 0 {
		ref = q + "$A:$" + colName(cols) + "," + ref
	}
	err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: ref, Scope: sheet})
	if err != nil {
		return fmt.Errorf("print titles %q: %w", sheet, err)
	}
	return nil
}

// fitToPageProps must be set on a streamed sheet before its stream
// writer is made: the writer copies the sheet properties at once.
func (b *book) fitToPageProps(sheet string) error {
	fit := true
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("page setup %q: %w", sheet, err)
	}
	return nil
}

// pageSetup sets the layout, header and footer of a streamed sheet,
// before its stream writer is flushed.
func (b *book) pageSetup(sheet string, fit bool) error {
	landscape, wide, tall, order, scale, first := "landscape", 1, 0, "overThenDown", uint(wideScale), uint(1)
	opt := &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall, FirstPageNumber: &first}
	if !fit {
		opt = &excelize.PageLayoutOptions{Orientation: &landscape, PageOrder: &order, AdjustTo: &scale, FirstPageNumber: &first}
	}
	if err := b.f.SetPageLayout(sheet, opt); err != nil {
		return fmt.Errorf("page setup %q: %w", sheet, err)
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: b.page.header, OddFooter: b.page.footer}); err != nil {
		return fmt.Errorf("page header %q: %w", sheet, err)
	}
	return nil
}

// pageSetupXML is pageSetup for the sheets crosscheck writes itself; it
// goes after pageMargins. Its counterpart before sheetViews is
// fitToPageXML.
func (p pageText) pageSetupXML(fit bool) string {
	var b strings.Builder
	if fit {
		b.WriteString(`<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0" firstPageNumber="1" useFirstPageNumber="1"/>`)
	} else {
		fmt.Fprintf(&b, `<pageSetup scale="%d" firstPageNumber="1" pageOrder="overThenDown" orientation="landscape" useFirstPageNumber="1"/>`, wideScale)
	}
	b.WriteString(`<headerFooter><oddHeader>`)
	b.Write(appendXMLText(nil, p.header))
	b.WriteString(`</oddHeader><oddFooter>`)
	b.Write(appendXMLText(nil, p.footer))
	b.WriteString(`</oddFooter></headerFooter>`)
	return b.String()
}

const fitToPageXML = `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`

// writeRatesSummary is the Rates used sheet of a report printed to be
// filed: one row per currency, quotation and rate file (first and last
// day used, days, payments converted, lowest and highest rate). The
// rates day by day are in the payment detail workbook, beside the
// payments they converted.
func (b *book) writeRatesSummary(r *result.Report) error {
	type key struct {
		cur     string
		perUnit bool
		src     string
	}
	type agg struct {
		first, last time.Time
		days, uses  int
		lo, hi      decimal.Decimal
	}
	var order []key
	groups := map[key]*agg{}
	for _, u := range r.RatesUsed {
		k := key{u.Rate.Currency, u.Rate.PerUnit, u.Rate.Ref.Path}
		g := groups[k]
		if g == nil {
			g = &agg{first: u.Rate.Date, last: u.Rate.Date, lo: u.Rate.Value, hi: u.Rate.Value}
			groups[k] = g
			order = append(order, k)
		}
		if u.Rate.Date.Before(g.first) {
			g.first = u.Rate.Date
		}
		if u.Rate.Date.After(g.last) {
			g.last = u.Rate.Date
		}
		g.days++
		g.uses += u.Uses
		g.lo, g.hi = decimal.Min(g.lo, u.Rate.Value), decimal.Max(g.hi, u.Rate.Value)
	}
	type group struct {
		key
		*agg
	}
	items := make([]group, len(order))
	for i, k := range order {
		items[i] = group{k, groups[k]}
	}
	rows, err := rowsOf(&sheets.RatesSummary, map[string]rowFunc[group]{
		"currency":  func(g group) any { return str(g.cur) },
		"quotation": func(g group) any { return b.quotation(g.perUnit) },
		"first_day": func(g group) any { return ifOK(!g.first.IsZero(), g.first) },
		"last_day":  func(g group) any { return ifOK(!g.last.IsZero(), g.last) },
		"days":      func(g group) any { return g.days },
		"uses":      func(g group) any { return g.uses },
		"lowest":    func(g group) any { return num(g.lo) },
		"highest":   func(g group) any { return num(g.hi) },
		"source":    func(g group) any { return str(g.src) },
	}, items)
	if err != nil {
		return err
	}
	footer := [][]any{{}, {b.tr.t("Every rate used, day by day, is on the Rates used sheet of the payment detail workbook.")}}
	return b.simpleTable(&sheets.RatesSummary, rows, footer)
}
