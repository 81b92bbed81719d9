package reports

import (
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/review"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// summarySheet writes label/value rows with excelize's cell API (the
// Summary is small and carries charts, which need the full API).
type summarySheet struct {
	b     *book
	name  string
	row   int
	err   error
	cells map[string]int // label -> row, for the charts
}

func (s *summarySheet) set(cell string, v any, style int) {
	if s.err != nil {
		return
	}
	switch v := v.(type) {
	case string:
		// SetCellStr: input text stays text, whatever it starts with.
		s.err = s.b.f.SetCellStr(s.name, cell, v)
	case decimal.Decimal:
		s.err = s.b.f.SetCellFloat(s.name, cell, num(v), -1, 64)
	case time.Time:
		if !v.IsZero() {
			s.err = s.b.f.SetCellValue(s.name, cell, v)
		}
	default:
		s.err = s.b.f.SetCellValue(s.name, cell, v)
	}
	if s.err == nil && style != 0 {
		s.err = s.b.f.SetCellStyle(s.name, cell, cell, style)
	}
}

// benefitRepeats counts the benefit rows set aside as repeats of rows
// read before (the Sources sheet has them per file).
func benefitRepeats(r *result.Report) int {
	n := 0
	for _, s := range r.Sources {
		if s.Kind == ledger.KindBenefits {
			n += s.Duplicates
		}
	}
	return n
}

// summaryLinks names the sheet that lists what a Summary line counts.
var summaryLinks = []struct{ label, sheet string }{
	{"Seized EUR", "Assets"},
	{"Released assets (not counted)", "Assets"},
	{"Suspects count", "Suspects"},
	{"Payments (accepted)", "Payments"},
	{"Attributed payments", "Payments"},
	{"Unattributed payments", "Unattributed"},
	{"Unattributed EUR", "Unattributed"},
	{"Duplicates", "Payments"},
	{"Rows with no rate", "Payments"},
	{"Data issues: rejected or not counted", "Data issues"},
	{"Data issues: warnings", "Data issues"},
	{"Data issues: notes (nothing to fix)", "Data issues"},
	{"Benefit rows repeated (counted once)", "Sources"},
	{"Benefit flags: exact", "Benefit flags"},
	{"Benefit flags: probable", "Benefit flags"},
	{"Benefit flags: possible", "Benefit flags"},
	{"Benefit proposed for recovery EUR", "Benefit flags"},
}

// linkLabels makes the labels of summaryLinks lead to their sheet: a
// click on "Duplicates" opens Payments, where the Status column filters
// them.
func (s *summarySheet) linkLabels() {
	style := s.b.style(styleKey{link: true})
	for _, l := range summaryLinks {
		row, ok := s.cells[l.label]
		if !ok || s.err != nil {
			continue
		}
		cell := fmt.Sprintf("A%d", row)
		sheet := s.b.tr.t(l.sheet)
		if idx, _ := s.b.f.GetSheetIndex(sheet); idx < 0 {
			continue // in the payment detail workbook
		}
		tip := s.b.tr.t("Open the sheet") + " " + sheet
		s.err = s.b.f.SetCellHyperLink(s.name, cell, "'"+strings.ReplaceAll(sheet, "'", "''")+"'!A1", "Location",
			excelize.HyperlinkOpts{Tooltip: &tip})
		if s.err == nil {
			s.err = s.b.f.SetCellStyle(s.name, cell, cell, style)
		}
	}
}

// line writes one "label: value" row.
func (s *summarySheet) line(label string, v any, style int) {
	s.row++
	s.cells[label] = s.row
	s.set(fmt.Sprintf("A%d", s.row), s.b.tr.t(label), 0)
	s.set(fmt.Sprintf("B%d", s.row), v, style)
}

// Widths of the Summary's columns A to C, in characters: the figures,
// the notes (across all three) and the legend's texts (across B and C).
const (
	summaryWidthA = 46
	summaryWidthB = 22
	summaryWidthC = 10
)

// note writes a paragraph of text across the figures' columns, wrapped:
// a long line left to overflow would widen the printed page past the
// charts and shrink the whole Summary.
func (s *summarySheet) note(text string) {
	s.row++
	s.wrapped("A", "C", text, summaryWidthA+summaryWidthB+summaryWidthC)
}

// wrapped writes text into the cells from..to of the current row, merged,
// wrapped within their width, the row as tall as the text.
func (s *summarySheet) wrapped(from, to, text string, width float64) {
	first, last := fmt.Sprintf("%s%d", from, s.row), fmt.Sprintf("%s%d", to, s.row)
	s.set(first, text, s.b.style(styleKey{wrap: true}))
	if s.err == nil {
		s.err = s.b.f.MergeCell(s.name, first, last)
	}
	if lines := wrappedLines(text, width); lines > 1 && s.err == nil {
		s.err = s.b.f.SetRowHeight(s.name, s.row, rowHeight*float64(lines))
	}
}

// heading writes a bold table header of two columns.
func (s *summarySheet) heading(a, b string) {
	s.row++
	h := s.b.header()
	s.set(fmt.Sprintf("A%d", s.row), s.b.tr.t(a), h)
	s.set(fmt.Sprintf("B%d", s.row), s.b.tr.t(b), h)
}

func (b *book) writeSummary(r *result.Report) error {
	s := &summarySheet{b: b, name: b.tr.t("Summary"), cells: map[string]int{}}
	eu, in := b.euro(false), b.integer(false)
	pct := b.style(styleKey{numFmt: percentFmt})
	z := r.Seizure
	target := z.TargetEUR
	if target.IsZero() {
		target = r.Params.TargetEUR
	}
	s.line("Case", r.Params.Case, 0)
	s.line("Report date", r.Params.ReportDate, b.date(false))
	if t := inferredDateText(b.tr, r.Params); t != "" {
		s.set(fmt.Sprintf("C%d", s.row), t, 0)
	}
	s.line("Target EUR", target, eu)
	s.line("Seized EUR", z.TotalEUR, eu)
	s.line("Percent of target reached", z.Percent, pct)
	s.line("Remaining EUR", z.RemainingEUR, eu)
	s.line("Crypto at seizure date EUR", z.CryptoAtSeize, eu)
	s.line("Crypto at report date EUR", z.CryptoAtReport, eu)
	s.line("Released assets (not counted)", z.Released, in)
	s.line("Suspects count", len(r.Suspects), in)
	s.line("Payments (accepted)", r.PaymentsTotal, in)
	s.line("Attributed payments", r.AttributedPayments, in)
	s.line("Attributed EUR", r.AttributedEUR, eu)
	s.line("Attributed share of EUR", attributedShare(r), pct)
	s.line("Unattributed payments", r.UnattributedCount, in)
	s.line("Unattributed EUR", r.UnattributedEUR, eu)
	s.line("Duplicates", r.DuplicateCount, in)
	s.line("Rows with no rate", r.NoRateCount, in)
	s.line("Data issues: rejected or not counted", b.levels[ledger.LevelRejected], in)
	s.line("Data issues: warnings", b.levels[ledger.LevelWarning], in)
	s.line("Data issues: notes (nothing to fix)", b.levels[ledger.LevelNote], in)
	counts, _ := flagCounts(r.Flags)
	s.line("Benefit rows repeated (counted once)", benefitRepeats(r), in)
	s.line("Benefit flags: exact", counts[match.ClassExact], in)
	s.line("Benefit flags: probable", counts[match.ClassProbable], in)
	s.line("Benefit flags: possible", counts[match.ClassPossible], in)
	b.summaryReviews(s, r)
	s.linkLabels()
	if !r.HouseholdsKnown {
		s.note(b.tr.t("The benefit cross-check covered applicants only: no household table was given."))
	}
	if d := r.Detail; d != nil {
		s.note(fmt.Sprintf(b.tr.t("Every payment row (%d) is in %s, SHA-256 on the Sources sheet."), d.Rows, d.Name))
	}
	b.summaryShortfallNote(s, r)
	b.summaryToActOn(s, r)
	b.summaryLegend(s, r)
	for _, t := range b.tables {
		if len(t.parts) > 1 {
			s.note(fmt.Sprintf("%s: %s %s", t.base, b.tr.t("continued in"), strings.Join(t.sheetNames()[1:], ", ")))
		}
	}

	s.row++
	s.heading("Seized by type", "EUR")
	typeFirst := s.row + 1
	for _, t := range sortedTypes(z.ByType) {
		s.row++
		s.set(fmt.Sprintf("A%d", s.row), b.typeLabel(t), 0)
		s.set(fmt.Sprintf("B%d", s.row), z.ByType[t], eu)
	}
	typeLast := s.row

	s.row++
	s.heading("Seized by country", "EUR")
	for _, c := range slices.Sorted(maps.Keys(z.ByCountry)) {
		s.row++
		name := c
		if name == "" {
			name = b.tr.t("(unknown)")
		}
		s.set(fmt.Sprintf("A%d", s.row), name, 0)
		s.set(fmt.Sprintf("B%d", s.row), z.ByCountry[c], eu)
	}

	s.row++
	s.heading("Takedowns (not valued)", "Items")
	s.set(fmt.Sprintf("C%d", s.row), b.tr.t("Records"), b.header())
	for _, t := range sortedTypes(z.Takedowns) {
		s.row++
		s.set(fmt.Sprintf("A%d", s.row), b.typeLabel(t), 0)
		s.set(fmt.Sprintf("B%d", s.row), num(z.TakedownItems[t]), in)
		s.set(fmt.Sprintf("C%d", s.row), z.Takedowns[t], in)
	}
	if s.err != nil {
		return fmt.Errorf("summary sheet: %w", s.err)
	}
	for col, w := range map[string]float64{"A": summaryWidthA, "B": summaryWidthB, "C": summaryWidthC} {
		if err := b.f.SetColWidth(s.name, col, col, w); err != nil {
			return fmt.Errorf("summary sheet: %w", err)
		}
	}
	if err := b.printOnePageWide(s.name); err != nil {
		return err
	}
	return b.summaryCharts(s, typeFirst, typeLast)
}

// printOnePageWide prints a sheet in landscape, scaled to one page wide,
// so the Summary's figures and charts come out side by side on paper
// (it is what goes into a file for the prosecutor).
func (b *book) printOnePageWide(sheet string) error {
	fit := true
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("page setup %q: %w", sheet, err)
	}
	landscape, wide, tall, first := "landscape", 1, 0, uint(1)
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall, FirstPageNumber: &first}); err != nil {
		return fmt.Errorf("page setup %q: %w", sheet, err)
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: b.page.header, OddFooter: b.page.footer}); err != nil {
		return fmt.Errorf("page header %q: %w", sheet, err)
	}
	return nil
}

// summaryCharts adds a bar of seized value against the target and a bar
// of seized value by asset type.
func (b *book) summaryCharts(s *summarySheet, typeFirst, typeLast int) error {
	if err := b.summaryChart(s, excelize.Bar, "Seized value against target", s.cells["Target EUR"], s.cells["Seized EUR"], "D1"); err != nil {
		return err
	}
	if typeLast < typeFirst {
		return nil
	}
	return b.summaryChart(s, excelize.Col, "Seized value by asset type", typeFirst, typeLast, "D17")
}

// summaryChart draws rows first..last of the Summary's label and value
// columns as a one-series chart titled title, anchored at cell.
func (b *book) summaryChart(s *summarySheet, typ excelize.ChartType, title string, first, last int, cell string) error {
	q := "'" + strings.ReplaceAll(s.name, "'", "''") + "'!"
	chart := &excelize.Chart{
		Type: typ,
		Series: []excelize.ChartSeries{{
			Name:       b.tr.t(title),
			Categories: fmt.Sprintf("%s$A$%d:$A$%d", q, first, last),
			Values:     fmt.Sprintf("%s$B$%d:$B$%d", q, first, last),
		}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.tr.t(title)}}},
		// Dark axis labels (excelize's default grey is barely legible in
		// print) and grouped whole euros on the value axis.
		XAxis: excelize.ChartAxis{Font: axisFont},
		// The value axis starts at zero: a seizure 1% above the target
		// must not look three times as long.
		YAxis:  excelize.ChartAxis{Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}, Minimum: &axisZero},
		Legend: excelize.ChartLegend{Position: "none"},
		Format: excelize.GraphicOptions{OffsetX: 10, OffsetY: 10},
	}
	if err := b.f.AddChart(s.name, cell, chart); err != nil {
		return fmt.Errorf("summary chart %q: %w", title, err)
	}
	return nil
}

// summaryReviews writes the recovery proposed (rejected flags left out),
// split into confirmed flags and flags awaiting a decision, then the flags
// by review state and by decision.
func (b *book) summaryReviews(s *summarySheet, r *result.Report) {
	in := b.integer(false)
	states, decisions, _, confirmedChanged := countReviews(r)
	split := splitRecovery(r)
	s.line("Benefit proposed for recovery EUR", split.ProposedEUR, b.euro(false))
	// With more than the default programme, the same figure by programme.
	for _, pr := range recoveryByProgramme(r) {
		s.row++
		s.set(fmt.Sprintf("A%d", s.row), fmt.Sprintf("%s: %s (%d)", b.tr.t("Proposed for recovery by programme EUR (flags)"), pr.Programme.Info().Italian, pr.Flags), 0)
		s.set(fmt.Sprintf("B%d", s.row), pr.ProposedEUR, b.euro(false))
	}
	s.line("Benefit proposed for recovery, confirmed flags EUR", split.ConfirmedEUR, b.euro(false))
	s.line("Recovery over flags awaiting review EUR", split.OpenEUR, b.euro(false))
	s.line("Rejected flags (left out)", len(split.Rejected), in)
	s.line("Recovery of rejected flags, left out EUR", split.RejectedEUR, b.euro(false))
	// Confirmed on other figures: shown apart, and only when there are any.
	if len(confirmedChanged) > 0 {
		_, changedEUR := flagCounts(confirmedChanged)
		s.line("Recovery, confirmed but changed since review EUR", changedEUR, b.euro(false))
	}
	s.line("Benefit flags: new", states[review.StateNew], in)
	s.line("Benefit flags: unchanged since review", states[review.StateUnchanged], in)
	s.line("Benefit flags: evidence changed since review", states[review.StateChanged], in)
	s.line("Withdrawn flags (reviewed, no longer arising)", states[review.StateWithdrawn], in)
	s.line("Benefit flags: confirmed", decisions[review.Confirmed], in)
	s.line("Benefit flags: rejected", decisions[review.Rejected], in)
	s.line("Benefit flags: unsure", decisions[review.Unsure], in)
	s.line("Benefit flags: no decision", decisions[""], in)
}

var axisZero = 0.0

var axisFont = excelize.Font{Color: "404040", Size: 9, Family: "Calibri"}

// typeLabel is an asset type as a reader of the Summary names it: "Bank
// account", "Conto corrente". The Assets sheet keeps the type as the
// inputs and templates write it, for filtering.
func (b *book) typeLabel(t ledger.AssetType) string {
	s := string(t)
	if b.tr.it {
		s = b.tr.t(s)
	} else if l, ok := assetTypeLabels[t]; ok {
		s = l
	} else {
		s = strings.ReplaceAll(s, "_", " ")
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// assetTypeLabels are the English Summary's names of the asset types.
var assetTypeLabels = map[ledger.AssetType]string{
	ledger.AssetBankAccount:     "Bank accounts",
	ledger.AssetCrypto:          "Crypto-assets",
	ledger.AssetCash:            "Cash",
	ledger.AssetRealEstate:      "Real estate",
	ledger.AssetVehicle:         "Vehicles",
	ledger.AssetCompany:         "Company shares",
	ledger.AssetSecurities:      "Securities",
	ledger.AssetValuables:       "Valuables",
	ledger.AssetServer:          "Servers",
	ledger.AssetDomain:          "Domains and sites",
	ledger.AssetPlatform:        "Platforms",
	ledger.AssetTelegramChannel: "Telegram channels",
	ledger.AssetSmartCard:       "Smart cards",
	ledger.AssetOther:           "Other",
}

// toActOnShortfalls is how many suspects the "to act on" list names by
// shortfall.
const toActOnShortfalls = 5

// summaryShortfallNote relates the case's remaining value to the
// per-suspect shortfalls, which answer different questions and rarely
// agree (docs/report.md#summary).
func (b *book) summaryShortfallNote(s *summarySheet, r *result.Report) {
	short := decimal.Zero
	for _, t := range r.Suspects {
		short = short.Add(t.ShortfallEUR)
	}
	it := b.tr.it
	s.row++
	s.note(fmt.Sprintf(b.tr.t("Remaining EUR %s is the case's distance from the seizure target (target less seized). The per-suspect shortfalls (income less seized, never below zero; Suspects sheet) total EUR %s: what may still be confiscated by equivalent value from each suspect. They differ because seizures count towards the target whoever holds them, while a suspect's shortfall sets only that suspect's seizures against that suspect's income."),
		groupDecimal(r.Seizure.RemainingEUR, it), groupDecimal(short, it)))
}

// summaryToActOn lists what a reader should take up first: the largest
// shortfalls, the flags awaiting a decision and the problems that keep
// figures out of the totals.
func (b *book) summaryToActOn(s *summarySheet, r *result.Report) {
	it := b.tr.it
	var items []string
	sus := slices.Clone(r.Suspects)
	slices.SortStableFunc(sus, func(a, c ledger.SuspectTotals) int { return c.ShortfallEUR.Cmp(a.ShortfallEUR) })
	for i, t := range sus {
		if i == toActOnShortfalls || t.ShortfallEUR.Sign() <= 0 {
			break
		}
		items = append(items, fmt.Sprintf(b.tr.t("Shortfall EUR %s: %s"), groupDecimal(t.ShortfallEUR, it),
			strings.TrimSpace(t.Suspect.ID+" "+t.Suspect.Surname+" "+t.Suspect.Name)))
	}
	split := splitRecovery(r)
	names := suspectNames(r)
	for _, f := range split.Open {
		items = append(items, fmt.Sprintf(b.tr.t("Benefit flag awaiting review: %s, application %s, recovery EUR %s"),
			withName(names, f.Suspect), f.Application, groupDecimal(f.RecoveryEUR, it)))
	}
	rejected := 0
	for _, src := range r.Sources {
		rejected += src.Rejected
	}
	if rejected > 0 {
		items = append(items, fmt.Sprintf(b.tr.t("%d input rows rejected: their figures are missing (Data issues)"), rejected))
	}
	if r.NoRateCount > 0 {
		items = append(items, fmt.Sprintf(b.tr.t("%d payments without a rate: left out of the EUR totals (Data issues)"), r.NoRateCount))
	}
	if r.UnattributedCount > 0 {
		items = append(items, fmt.Sprintf(b.tr.t("%d unattributed payments, EUR %s: in no suspect's income (Unattributed)"),
			r.UnattributedCount, groupDecimal(r.UnattributedEUR, it)))
	}
	s.row++
	s.row++
	s.set(fmt.Sprintf("A%d", s.row), b.tr.t("To act on"), b.header())
	if len(items) == 0 {
		s.note(b.tr.t("Nothing: no shortfall, no flag awaiting review, no figure left out."))
	}
	for _, item := range items {
		s.note("• " + item)
	}
}

// summaryLegend explains every highlight the workbook uses.
func (b *book) summaryLegend(s *summarySheet, r *result.Report) {
	s.row++
	s.row++
	s.set(fmt.Sprintf("A%d", s.row), b.tr.t("Legend"), b.header())
	s.row++
	// The labels sit at the top of their row, beside the wrapped texts.
	filled := b.style(styleKey{fill: true, top: true})
	s.set(fmt.Sprintf("A%d", s.row), b.tr.t("Suspects"), filled)
	s.wrapped("B", "C", b.tr.t("row filled: the suspect has a benefit flag (the Benefit flag column gives its class)"), summaryWidthB+summaryWidthC)
	s.row++
	s.set(fmt.Sprintf("A%d", s.row), b.tr.t("Benefit flags"), filled)
	s.wrapped("B", "C", b.tr.t("Review state filled: the evidence changed since the decision; the flag needs a new look"), summaryWidthB+summaryWidthC)
	s.row++
	s.set(fmt.Sprintf("A%d", s.row), b.tr.t("Open the sheet"), s.b.style(styleKey{link: true, top: true}))
	s.wrapped("B", "C", b.tr.t("underlined labels lead to the sheet that lists what they count"), summaryWidthB+summaryWidthC)
}
