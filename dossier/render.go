package dossier

import (
	_ "embed"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/msg"
	"github.com/crosscheck/crosscheck/review"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/charmap"
)

// Liberation Sans (SIL Open Font License, fonts/LICENSE) is embedded for
// the dossiers whose text needs characters outside Windows-1252 (Polish,
// Czech, Romanian, Cyrillic names...). The others use the PDF's built-in
// Helvetica, which Liberation Sans matches metric for metric: embedding
// and subsetting a font costs ten times the rest of a dossier.
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	fontRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	fontBold []byte
)

// Options are a rendering's settings.
type Options struct {
	Lang string // "it" or "en"
}

// page geometry, mm (A4 portrait).
const (
	pageW, pageH = 210.0, 297.0
	margin       = 15.0
	contentW     = pageW - 2*margin
	rowH         = 4.6
)

type pdf struct {
	f    *fpdf.Fpdf
	l    tr
	lang string
	core bool // built-in Helvetica, text encoded as Windows-1252
	bad  bool // a character Windows-1252 lacks was met
	fam  string
}

// Write renders d as a PDF. The same dossier renders to the same bytes.
func Write(w io.Writer, d *Dossier, opt Options) error {
	p := render(d, opt, true)
	if p.bad {
		p = render(d, opt, false)
	}
	if err := p.f.Error(); err != nil {
		return fmt.Errorf("dossier %s: %w", d.Totals.Suspect.ID, err)
	}
	if err := p.f.Output(w); err != nil {
		return fmt.Errorf("dossier %s: %w", d.Totals.Suspect.ID, err)
	}
	return nil
}

func render(d *Dossier, opt Options, core bool) *pdf {
	f := fpdf.New("P", "mm", "A4", "")
	p := &pdf{f: f, l: tr(opt.Lang), lang: opt.Lang, core: core, fam: "Helvetica"}
	if !core {
		f.AddUTF8FontFromBytes("Sans", "", fontRegular)
		f.AddUTF8FontFromBytes("Sans", "B", fontBold)
		p.fam = "Sans"
	}
	stamp := d.ReportDate
	if stamp.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	f.SetCatalogSort(true)
	f.SetProducer("crosscheck "+d.Version, true)
	f.SetCreator("crosscheck", true)
	s := d.Totals.Suspect
	f.SetTitle(p.l.t("Dossier")+" "+s.ID+" - "+label(s), true)
	f.SetSubject(d.Case, true)
	f.SetMargins(margin, margin+10, margin)
	f.SetAutoPageBreak(true, margin+8)
	f.AliasNbPages("{nb}")
	f.SetHeaderFunc(func() {
		f.SetY(margin - 4)
		p.font("", 8)
		f.SetTextColor(80, 80, 80)
		f.CellFormat(contentW*0.6, 4, p.s(d.Case), "", 0, "L", false, 0, "")
		f.CellFormat(contentW*0.4, 4, p.s(p.l.t("Report date")+" "+p.day(d.ReportDate)), "", 1, "R", false, 0, "")
		p.font("B", 8)
		f.CellFormat(contentW, 4, p.s(p.l.t("Dossier")+": "+s.ID+" - "+label(s)), "B", 1, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetY(margin + 10)
	})
	f.SetFooterFunc(func() {
		f.SetY(pageH - margin + 1)
		p.font("", 7)
		f.SetTextColor(80, 80, 80)
		f.CellFormat(contentW*0.75, 4, p.s(fmt.Sprintf(p.l.t("Figures as in the workbook of the same run; crosscheck %s."), d.Version)), "T", 0, "L", false, 0, "")
		f.CellFormat(contentW*0.25, 4, p.s(fmt.Sprintf(p.l.t("Page %d of {nb}"), f.PageNo())), "T", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()
	p.identity(d)
	p.income(d)
	p.timeline(d)
	p.assets(d)
	p.flags(d)
	p.network(d)
	p.sources(d)
	return p
}

func (p *pdf) font(style string, size float64) { p.f.SetFont(p.fam, style, size) }

// s prepares text for the current font: Windows-1252 bytes for the
// built-in font (noting any character it lacks), UTF-8 for the embedded.
func (p *pdf) s(text string) string {
	if !p.core {
		return text
	}
	var b []byte
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return text
	}
	for _, r := range text {
		c, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			p.bad = true
			c = '?'
		}
		b = append(b, c)
	}
	return string(b)
}

func (p *pdf) section(title string) {
	p.need(14)
	p.f.Ln(2)
	p.font("B", 11)
	p.f.SetFillColor(225, 230, 238)
	p.f.CellFormat(contentW, 6.5, p.s(title), "", 1, "L", true, 0, "")
	p.f.Ln(1)
}

func (p *pdf) sub(title string) {
	p.need(12)
	p.f.Ln(1)
	p.font("B", 9)
	p.f.CellFormat(contentW, 5, p.s(title), "", 1, "L", false, 0, "")
}

func (p *pdf) note(text string) {
	p.font("", 8)
	p.f.MultiCell(contentW, 4, p.s(text), "", "L", false)
}

// need starts a new page unless h mm are left on this one.
func (p *pdf) need(h float64) {
	if p.f.GetY()+h > pageH-margin-8 {
		p.f.AddPage()
	}
}

// kv prints label: value lines.
func (p *pdf) kv(pairs ...[2]string) {
	for _, kv := range pairs {
		p.need(rowH)
		p.font("B", 8)
		p.f.CellFormat(50, rowH, p.s(kv[0]), "", 0, "L", false, 0, "")
		p.font("", 8)
		p.f.MultiCell(contentW-50, rowH, p.s(kv[1]), "", "L", false)
	}
}

type col struct {
	title string
	w     float64 // share of the content width
	align string
}

// table prints a table with its header repeated on each page; total,
// when not nil, is printed bold under a rule.
func (p *pdf) table(cols []col, rows [][]string, total []string) {
	head := func() {
		p.font("B", 7.5)
		p.f.SetFillColor(240, 240, 240)
		for _, c := range cols {
			p.f.CellFormat(c.w*contentW, rowH+0.4, p.s(p.fit(c.title, c.w*contentW)), "B", 0, c.align, true, 0, "")
		}
		p.f.Ln(-1)
	}
	p.need(3 * rowH)
	head()
	line := func(r []string, style string, border string) {
		if p.f.GetY()+rowH > pageH-margin-8 {
			p.f.AddPage()
			head()
		}
		p.font(style, 7.5)
		for i, c := range cols {
			v := ""
			if i < len(r) {
				v = r[i]
			}
			p.f.CellFormat(c.w*contentW, rowH, p.s(p.fit(v, c.w*contentW)), border, 0, c.align, false, 0, "")
		}
		p.f.Ln(-1)
	}
	for _, r := range rows {
		line(r, "", "")
	}
	if total != nil {
		line(total, "B", "T")
	}
}

// fit cuts text to the cell's width, marking the cut.
func (p *pdf) fit(text string, w float64) string {
	max := w - 1.5
	if p.f.GetStringWidth(p.s(text)) <= max {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && p.f.GetStringWidth(p.s(string(r)+"…")) > max {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func (p *pdf) identity(d *Dossier) {
	s := d.Totals.Suspect
	p.section(p.l.t("Identity"))
	birth := p.day(s.BirthDate)
	if s.BirthPlace != "" {
		birth = strings.TrimSpace(birth + ", " + s.BirthPlace)
	}
	up := "-"
	if d.Upline != nil {
		up = d.Upline.ID + " " + d.Upline.Name
	}
	p.kv(
		[2]string{p.l.t("Suspect id"), s.ID},
		[2]string{p.l.t("Full name"), label(s)},
		[2]string{p.l.t("Tax code"), orDash(s.TaxCode)},
		[2]string{p.l.t("Birth"), orDash(birth)},
		[2]string{p.l.t("Sex"), orDash(s.Sex)},
		[2]string{p.l.t("Country"), orDash(s.Country)},
		[2]string{p.l.t("Role"), orDash(s.Role)},
		[2]string{p.l.t("Upline"), up},
		[2]string{p.l.t("Source"), refText(s.Ref)},
	)
	if len(s.Identifiers) > 0 {
		p.sub(p.l.t("Identifiers"))
		var rows [][]string
		for _, id := range s.Identifiers {
			rows = append(rows, []string{msg.FieldName(string(id.Kind), p.lang), id.Value, refText(id.Ref)})
		}
		p.table([]col{{p.l.t("Kind"), 0.14, "L"}, {p.l.t("Value"), 0.50, "L"}, {p.l.t("Source"), 0.36, "L"}}, rows, nil)
	}
}

func (p *pdf) income(d *Dossier) {
	t := &d.Totals
	p.section(p.l.t("Income"))
	p.kv(
		[2]string{p.l.t("Income EUR"), p.money(t.IncomeEUR)},
		[2]string{p.l.t("Payments"), strconv.Itoa(t.Payments)},
		[2]string{p.l.t("Without a rate"), strconv.Itoa(t.NoRate)},
		[2]string{p.l.t("First payment"), orDash(p.day(t.First))},
		[2]string{p.l.t("Last payment"), orDash(p.day(t.Last))},
		[2]string{p.l.t("Distinct payers"), strconv.Itoa(t.Payers)},
	)
	if t.Debits > 0 {
		p.kv([2]string{p.l.t("Bank debits (not income)"), fmt.Sprintf("%d, EUR %s", t.Debits, p.money(t.DebitsEUR))})
	}

	p.sub(p.l.t("Income by source"))
	var rows [][]string
	n, nr := 0, 0
	for _, s := range d.BySource {
		rows = append(rows, []string{filepath.Base(s.Path), s.Sheet, strconv.Itoa(s.Payments), strconv.Itoa(s.NoRate), p.money(s.EUR)})
		n += s.Payments
		nr += s.NoRate
	}
	p.table([]col{{p.l.t("File"), 0.40, "L"}, {p.l.t("Sheet"), 0.20, "L"}, {p.l.t("Payments"), 0.12, "R"}, {p.l.t("Without a rate"), 0.12, "R"}, {p.l.t("Income EUR"), 0.16, "R"}},
		rows, []string{p.l.t("Total"), "", strconv.Itoa(n), strconv.Itoa(nr), p.money(d.IncomeBySource())})
	p.note(p.l.t("Footing: the sum by source equals the income on the Suspects sheet."))

	if len(t.ByChannel) > 0 {
		p.sub(p.l.t("Income by channel"))
		rows = rows[:0]
		sum := decimal.Zero
		for _, k := range sortedKeys(t.ByChannel) {
			rows = append(rows, []string{orDash(k), p.money(t.ByChannel[k])})
			sum = sum.Add(t.ByChannel[k])
		}
		p.table([]col{{p.l.t("Channel"), 0.6, "L"}, {p.l.t("Income EUR"), 0.4, "R"}}, rows, []string{p.l.t("Total"), p.money(sum)})
	}
	if len(t.ByCurrency) > 0 {
		p.sub(p.l.t("Income by currency"))
		rows = rows[:0]
		for _, k := range sortedKeys(t.ByCurrency) {
			rows = append(rows, []string{k, p.number(t.ByCurrency[k])})
		}
		p.table([]col{{p.l.t("Currency"), 0.6, "L"}, {p.l.t("Amount"), 0.4, "R"}}, rows, nil)
	}
	if len(t.ByMonth) > 0 {
		p.sub(p.l.t("Income by month"))
		benefit := map[string]bool{}
		for _, m := range d.Timeline() {
			if m.Benefit {
				benefit[m.Start.Format("2006-01")] = true
			}
		}
		rows = rows[:0]
		sum := decimal.Zero
		for _, k := range sortedKeys(t.ByMonth) {
			b := p.l.t("no")
			if benefit[k] {
				b = p.l.t("yes")
			}
			rows = append(rows, []string{msg.MonthsText(k, p.lang), p.money(t.ByMonth[k]), b})
			sum = sum.Add(t.ByMonth[k])
		}
		p.table([]col{{p.l.t("Month"), 0.4, "L"}, {p.l.t("Income EUR"), 0.3, "R"}, {p.l.t("Benefit paid"), 0.3, "C"}}, rows, []string{p.l.t("Total"), p.money(sum), ""})
	}
}

// timeline draws monthly income bars, the benefit months shaded and the
// seizure days as red lines.
func (p *pdf) timeline(d *Dossier) {
	months := d.Timeline()
	if len(months) == 0 {
		return
	}
	const chartH = 55.0
	// The heading stays with its chart.
	p.need(chartH + 32)
	p.section(p.l.t("Timeline"))
	f := p.f
	x0, y0 := margin+14, f.GetY()+2
	w := contentW - 14
	bw := w / float64(len(months))
	maxV := 0.0
	for _, m := range months {
		maxV = math.Max(maxV, m.EUR.InexactFloat64())
	}
	if maxV <= 0 {
		maxV = 1
	}
	top := niceCeil(maxV)
	// Benefit months behind the bars.
	f.SetFillColor(253, 218, 170)
	for i, m := range months {
		if m.Benefit {
			f.Rect(x0+float64(i)*bw, y0, bw, chartH, "F")
		}
	}
	// Grid and scale.
	f.SetDrawColor(200, 200, 200)
	f.SetLineWidth(0.1)
	p.font("", 6.5)
	for k := 0; k <= 4; k++ {
		y := y0 + chartH - chartH*float64(k)/4
		f.Line(x0, y, x0+w, y)
		f.SetXY(margin, y-1.5)
		f.CellFormat(13, 3, p.s(p.scale(top*float64(k)/4)), "", 0, "R", false, 0, "")
	}
	// Bars (negative months, net refunds, sit on the axis in grey).
	for i, m := range months {
		v := m.EUR.InexactFloat64()
		h := chartH * math.Abs(v) / top
		if v >= 0 {
			f.SetFillColor(40, 80, 150)
		} else {
			f.SetFillColor(150, 150, 150)
		}
		if h > 0 {
			f.Rect(x0+float64(i)*bw+bw*0.15, y0+chartH-h, bw*0.7, h, "F")
		}
	}
	// Seizures.
	first := months[0].Start
	f.SetDrawColor(200, 30, 30)
	f.SetLineWidth(0.5)
	for _, s := range d.Seizures() {
		mi := (s.Year()-first.Year())*12 + int(s.Month()-first.Month())
		if mi < 0 || mi >= len(months) {
			continue
		}
		days := float64(time.Date(s.Year(), s.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
		x := x0 + (float64(mi)+float64(s.Day()-1)/days)*bw
		f.Line(x, y0, x, y0+chartH)
	}
	f.SetLineWidth(0.2)
	f.SetDrawColor(0, 0, 0)
	f.Line(x0, y0+chartH, x0+w, y0+chartH)
	// Month labels: every month when few, else every quarter or year.
	step := 1
	switch {
	case len(months) > 48:
		step = 12
	case len(months) > 18:
		step = 3
	}
	p.font("", 6)
	for i, m := range months {
		if (int(m.Start.Month())-1)%step != 0 && !(i == 0 && step == 1) {
			continue
		}
		f.SetXY(x0+float64(i)*bw-4, y0+chartH+0.5)
		f.CellFormat(bw+8, 3, m.Start.Format("01/06"), "", 0, "C", false, 0, "")
	}
	// Legend.
	ly := y0 + chartH + 5
	f.SetXY(x0, ly)
	legend := func(r, g, b int, text string, line bool) {
		x, y := f.GetX(), f.GetY()
		if line {
			f.SetDrawColor(r, g, b)
			f.SetLineWidth(0.5)
			f.Line(x+1.5, y, x+1.5, y+3)
			f.SetLineWidth(0.2)
			f.SetDrawColor(0, 0, 0)
		} else {
			f.SetFillColor(r, g, b)
			f.Rect(x, y+0.3, 3, 2.4, "F")
		}
		f.SetX(x + 4)
		p.font("", 7)
		f.CellFormat(p.f.GetStringWidth(p.s(text))+6, 3, p.s(text), "", 0, "L", false, 0, "")
	}
	legend(40, 80, 150, p.l.t("monthly income EUR"), false)
	legend(253, 218, 170, p.l.t("benefit month"), false)
	legend(200, 30, 30, p.l.t("seizure"), true)
	f.SetXY(margin, ly+5)
}

// niceCeil rounds a chart's top up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	e := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*e >= v {
			return m * e
		}
	}
	return 10 * e
}

func (p *pdf) scale(v float64) string {
	return group(decimal.NewFromFloat(v).Round(0).String(), p.lang == "it")
}

func (p *pdf) assets(d *Dossier) {
	t := &d.Totals
	p.section(p.l.t("Seized assets"))
	if len(d.Assets) == 0 {
		p.note(p.l.t("No seized assets."))
	} else {
		var rows [][]string
		for _, a := range d.Assets {
			v := "-"
			if a.HasEUR {
				v = p.money(a.EUR)
			}
			c := p.l.t("no")
			if a.Counted {
				c = p.l.t("yes")
			}
			rows = append(rows, []string{a.ID, p.l.t(string(a.Type)), a.Description, p.day(a.SeizureDate), v, c})
		}
		p.table([]col{{p.l.t("Item"), 0.09, "L"}, {p.l.t("Type"), 0.13, "L"}, {p.l.t("Description"), 0.43, "L"}, {p.l.t("Seized on"), 0.12, "L"}, {p.l.t("Value EUR"), 0.14, "R"}, {p.l.t("Counted"), 0.09, "C"}},
			rows, []string{p.l.t("Total"), "", "", "", p.money(t.SeizedEUR), ""})
	}
	p.kv(
		[2]string{p.l.t("Income EUR"), p.money(t.IncomeEUR)},
		[2]string{p.l.t("Seized EUR"), p.money(t.SeizedEUR)},
		[2]string{p.l.t("Shortfall EUR"), p.money(t.ShortfallEUR)},
	)
}

func (p *pdf) flags(d *Dossier) {
	p.section(p.l.t("Benefit flags"))
	if len(d.Flags) == 0 {
		p.note(p.l.t("No benefit flags."))
		return
	}
	income := d.Totals.ByMonth
	for _, fv := range d.Flags {
		fl := fv.Flag
		p.sub(fmt.Sprintf("%s %s (%s) - %s: %s", p.l.t("Application"), fl.Application, fl.Programme.Info().Italian, p.l.t("Class"), p.l.t(string(fl.Class))))
		p.kv(
			[2]string{p.l.t("Role in application"), p.l.t(fl.Role)},
			[2]string{p.l.t("Status"), p.l.t(fl.Status) + " (" + p.l.t(string(fv.Review.State)) + ")"},
		)
		var rows [][]string
		for _, ev := range fl.Evidence {
			a := p.l.t(string(ev.Agreement))
			if ev.Agreement == "close" {
				a += fmt.Sprintf(" %.2f", ev.Score)
			}
			rows = append(rows, []string{msg.FieldName(ev.Field, p.lang), p.evidenceValue(ev.Field, ev.Suspect, ev.SuspectNote), p.evidenceValue(ev.Field, ev.Recipient, ev.RecipientNote), a})
		}
		p.table([]col{{p.l.t("Field"), 0.2, "L"}, {p.l.t("Suspect"), 0.3, "L"}, {p.l.t("Recipient"), 0.3, "L"}, {p.l.t("Agreement"), 0.2, "L"}}, rows, nil)
		p.kv(
			[2]string{p.l.t("Months paid"), fmt.Sprintf("%d (%s)", len(fl.Months), msg.MonthsText(monthRanges(fl.Months), p.lang))},
			[2]string{p.l.t("Benefit EUR"), p.money(fl.BenefitEUR)},
		)
		if len(fl.OverlapMonths) > 0 {
			rows = rows[:0]
			inc := decimal.Zero
			for i, m := range fl.OverlapMonths {
				k := m.Format("2006-01")
				b := decimal.Zero
				if i < len(fl.OverlapEUR) {
					b = fl.OverlapEUR[i]
				}
				rows = append(rows, []string{msg.MonthsText(k, p.lang), p.money(b), p.money(income[k])})
				inc = inc.Add(income[k])
			}
			p.sub(p.l.t("Overlapping months"))
			p.table([]col{{p.l.t("Month"), 0.4, "L"}, {p.l.t("Benefit EUR"), 0.3, "R"}, {p.l.t("Income EUR"), 0.3, "R"}},
				rows, []string{p.l.t("Total"), p.money(fl.RecoveryEUR), p.money(fl.IncomeDuringEUR)})
		}
		p.kv(
			[2]string{p.l.t("Amount proposed for recovery"), "EUR " + p.money(fl.RecoveryEUR)},
			[2]string{p.l.t("Income in those months EUR"), p.money(fl.IncomeDuringEUR)},
		)
		if dec := fv.Review.Decision; dec != nil {
			decision := dec.Decision
			if decision == "" {
				decision = p.l.t("no decision yet")
			} else {
				decision = review.DecisionLabel(strings.ToLower(decision), p.lang)
			}
			p.kv(
				[2]string{p.l.t("Decision"), decision},
				[2]string{p.l.t("Reviewer"), orDash(dec.Reviewer)},
				[2]string{p.l.t("Review date"), orDash(p.day(dec.ReviewDate))},
				[2]string{p.l.t("Note"), orDash(dec.Note)},
			)
		} else {
			p.kv([2]string{p.l.t("Decision"), p.l.t("no decision yet")})
		}
		if len(fv.Review.Changes) > 0 {
			changes := make([]string, len(fv.Review.Diffs))
			for i, c := range fv.Review.Diffs {
				changes[i] = c.In(p.lang)
			}
			p.kv([2]string{p.l.t("Changes since review"), strings.Join(changes, "; ")})
		}
	}
}

func (p *pdf) network(d *Dossier) {
	t := &d.Totals
	p.section(p.l.t("Network"))
	up := p.l.t("none")
	if d.Upline != nil {
		if d.Upline.Known {
			up = fmt.Sprintf("%s %s, %s %s", d.Upline.ID, d.Upline.Name, p.l.t("Income EUR"), p.money(d.Upline.IncomeEUR))
		} else {
			up = d.Upline.ID + " (" + p.l.t("not in the suspects table") + ")"
		}
	}
	p.kv(
		[2]string{p.l.t("Upline"), up},
		[2]string{p.l.t("Network income EUR"), p.money(t.NetworkIncomeEUR)},
		[2]string{p.l.t("Downline (all levels)"), strconv.Itoa(len(t.Downline))},
	)
	if len(d.Downline) > 0 {
		p.sub(p.l.t("Direct downline"))
		var rows [][]string
		sum := decimal.Zero
		for _, dl := range d.Downline {
			rows = append(rows, []string{dl.ID, dl.Name, p.money(dl.IncomeEUR)})
			sum = sum.Add(dl.IncomeEUR)
		}
		p.table([]col{{p.l.t("Suspect id"), 0.2, "L"}, {p.l.t("Full name"), 0.5, "L"}, {p.l.t("Income EUR"), 0.3, "R"}}, rows, []string{p.l.t("Total"), "", p.money(sum)})
	}
}

// sources lists each input with its SHA-256 in full on a line of its own:
// the hash is what a reader checks the file against.
func (p *pdf) sources(d *Dossier) {
	p.section(p.l.t("Sources"))
	cols := []col{{p.l.t("File"), 0.42, "L"}, {p.l.t("Sheet"), 0.22, "L"}, {p.l.t("Kind"), 0.2, "L"}, {p.l.t("Rows"), 0.16, "R"}}
	p.font("B", 7.5)
	p.f.SetFillColor(240, 240, 240)
	for _, c := range cols {
		p.f.CellFormat(c.w*contentW, rowH+0.4, p.s(c.title), "B", 0, c.align, true, 0, "")
	}
	p.f.Ln(-1)
	for _, s := range d.Sources {
		p.need(2*rowH + 1)
		p.font("", 7.5)
		for i, v := range []string{filepath.Base(s.Path), s.Sheet, p.l.t(string(s.Kind)), strconv.Itoa(s.Rows)} {
			p.f.CellFormat(cols[i].w*contentW, rowH, p.s(p.fit(v, cols[i].w*contentW)), "", 0, cols[i].align, false, 0, "")
		}
		p.f.Ln(-1)
		p.font("", 7)
		p.f.SetTextColor(70, 70, 70)
		p.f.CellFormat(contentW, rowH-0.6, "SHA-256 "+s.SHA256, "B", 1, "L", false, 0, "")
		p.f.SetTextColor(0, 0, 0)
	}
}

// money is a EUR amount with two decimals in the dossier's notation
// (1.234,56 in Italian, 1,234.56 in English).
func (p *pdf) money(d decimal.Decimal) string { return group(d.StringFixed(2), p.lang == "it") }

// number is an amount at its own precision, grouped the same way.
func (p *pdf) number(d decimal.Decimal) string { return group(d.String(), p.lang == "it") }

func group(s string, it bool) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	sep, dot := ",", "."
	if it {
		sep, dot = ".", ","
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString(dot + frac)
	}
	return b.String()
}

// day is a date in the dossier's notation (06/11/2020 in Italian).
func (p *pdf) day(t time.Time) string { return msg.DateText(day(t), p.lang) }

// evidenceValue is one side of a compared field: a birth date in the
// dossier's notation, the note on where the value came from in words.
func (p *pdf) evidenceValue(field, v, note string) string {
	if v == "" {
		return ""
	}
	if field == match.FieldBirthDate {
		v = msg.DateText(v, p.lang)
	}
	if note != "" {
		v += " (" + p.l.t(note) + ")"
	}
	return v
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

func refText(r ledger.Ref) string {
	s := filepath.Base(r.Path)
	if r.Path == "" {
		return "-"
	}
	if r.Sheet != "" {
		s += " / " + r.Sheet
	}
	if r.Row > 0 {
		s += fmt.Sprintf(":%d", r.Row)
	}
	return s
}

// monthRanges writes months as "2020-01..2020-06, 2020-09".
func monthRanges(months []time.Time) string {
	var parts []string
	for i := 0; i < len(months); {
		j := i
		for j+1 < len(months) && months[j+1].Equal(months[j].AddDate(0, 1, 0)) {
			j++
		}
		if j == i {
			parts = append(parts, months[i].Format("2006-01"))
		} else {
			parts = append(parts, months[i].Format("2006-01")+".."+months[j].Format("2006-01"))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
