package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

var rome = mustLoc("Europe/Rome")

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// pay is one planted payment row with what the generator expects of it.
type pay struct {
	src          *source
	line         int       // row as the user sees it (1-based, titles and header counted)
	date         time.Time // the Europe/Rome day
	stamp        string    // raw timestamp (crypto)
	amount       decimal.Decimal
	debit        bool
	cur          string
	payer        string
	payerAcct    string
	payee        string
	payeeAcct    string
	ref          string
	desc         string
	channel      string
	suspectCol   string
	attrib, rule string // expected attribution ("" = unattributed)
	// Planted faults. bad rejects the row; raw* replace the cell text.
	bad                    string
	rawDate, rawAmount     string
	dup, conflict          bool
	dupOf                  *pay
	credits                int
	kind, status, typeName string
}

// source is one payments input as listed in case.yaml.
type source struct {
	name    string // path, with #Sheet for a workbook
	file    string
	suspect string
	rows    []*pay
	data    []byte
}

func itAmount(d decimal.Decimal) string { return groupAmount(d, ".", ",") }
func enAmount(d decimal.Decimal) string { return groupAmount(d, ",", ".") }

func groupAmount(d decimal.Decimal, thousands, dec string) string {
	s := d.Abs().StringFixed(2)
	intPart, frac := s[:len(s)-3], s[len(s)-2:]
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(c)
	}
	sign := ""
	if d.IsNegative() {
		sign = "-"
	}
	return sign + b.String() + dec + frac
}

func eur(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// weekdayBetween picks a random Monday-Friday day in [from, to].
func weekdayBetween(r *rand.Rand, from, to time.Time) time.Time {
	n := int(to.Sub(from).Hours()/24) + 1
	for {
		d := from.AddDate(0, 0, r.IntN(n))
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			return d
		}
	}
}

func sortedDays(r *rand.Rand, n int, from, to time.Time) []time.Time {
	ds := make([]time.Time, n)
	for i := range ds {
		ds[i] = weekdayBetween(r, from, to)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	return ds
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// csvLine joins fields with sep, quoting those that need it.
func csvLine(sep string, fields ...string) string {
	for i, f := range fields {
		if strings.ContainsAny(f, sep+"\"\n") {
			fields[i] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
	}
	return strings.Join(fields, sep)
}

// bankRossi is S01's current-account statement: title rows, credit and
// debit columns in Italian notation, one impossible date, one empty row.
func (g *gen) bankRossi() *source {
	s01 := g.cast.byID["S01"]
	src := &source{name: "estratto_conto_rossi.csv", file: "estratto_conto_rossi.csv", suspect: "S01"}
	r := g.r
	days := sortedDays(r, 26, day(2020, 1, 2), day(2020, 10, 30))
	amounts := []string{"120.00", "150.00", "180.00", "240.00", "99.90", "600.00"}
	for i, d := range days {
		p := &pay{src: src, date: d, cur: "EUR", attrib: "S01", rule: "file_suspect"}
		switch {
		case i%6 == 5:
			p.debit = true
			p.amount = eur(pick(r, []string{"500.00", "1000.00", "250.00"}))
			p.desc = pick(r, []string{"PRELIEVO BANCOMAT ATM NAPOLI", "PRELIEVO CONTANTI SPORTELLO", "DISPOSIZIONE A FAVORE DI TERZI"})
		case i == 9:
			p.amount = eur("1234.56")
			p.payer = strings.ToUpper(customerName(r))
			p.desc = "BONIFICO SEPA DA " + p.payer + " CAUSALE: RIVENDITA PACCHETTO 50 LINEE"
		default:
			p.amount = eur(pick(r, amounts))
			p.payer = strings.ToUpper(customerName(r))
			p.desc = "BONIFICO SEPA DA " + p.payer + " CAUSALE: ABBONAMENTO 12 MESI"
		}
		src.rows = append(src.rows, p)
	}
	bad := &pay{src: src, date: day(2020, 3, 2), rawDate: "31/02/2020", amount: eur("150.00"), cur: "EUR",
		desc: "BONIFICO SEPA DA ELENA FONTANA CAUSALE: ABBONAMENTO 12 MESI", bad: "impossible date 31/02/2020"}
	src.rows = insertAt(src.rows, 7, bad)

	var b bytes.Buffer
	lines := []string{"Banca Esempio S.p.A.", "Estratto conto", "Intestatario: ROSSI MARIO; IBAN: " + ibanPaper(s01.ibans[0]), "Periodo: 01/01/2020 - 31/10/2020", ""}
	lines = append(lines, "Data operazione;Data valuta;Descrizione;Accrediti;Addebiti;Saldo")
	balance := eur("3217.45")
	for i, p := range src.rows {
		if i == 14 { // an empty row in the middle: not a row
			lines = append(lines, ";;;;;")
		}
		credit, debit := itAmount(p.amount), ""
		if p.debit {
			credit, debit = "", itAmount(p.amount)
			balance = balance.Sub(p.amount)
		} else {
			balance = balance.Add(p.amount)
		}
		date := p.date.Format("02/01/2006")
		value := nextWeekday(p.date).Format("02/01/2006")
		if p.rawDate != "" {
			date, value = p.rawDate, p.rawDate
		}
		lines = append(lines, csvLine(";", date, value, p.desc, credit, debit, itAmount(balance)))
		p.line = len(lines)
	}
	for _, l := range lines {
		b.WriteString(l + "\r\n")
	}
	src.data = b.Bytes()
	return src
}

func nextWeekday(d time.Time) time.Time {
	d = d.AddDate(0, 0, 1)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

func insertAt(xs []*pay, i int, p *pay) []*pay {
	return append(xs[:i], append([]*pay{p}, xs[i:]...)...)
}

// postepayBianchi is S06's prepaid-card statement, Windows-1252 encoded
// (the payer "Niccolò" becomes the single byte 0xF2), with one amount
// that cannot be read.
func (g *gen) postepayBianchi() *source {
	src := &source{name: "postepay_bianchi.csv", file: "postepay_bianchi.csv", suspect: "S06"}
	r := g.r
	days := sortedDays(r, 18, day(2020, 2, 3), day(2020, 9, 30))
	for i, d := range days {
		p := &pay{src: src, date: d, cur: "EUR", attrib: "S06", rule: "file_suspect", channel: "Postepay"}
		p.amount = eur(pick(r, []string{"25.00", "50.00", "50.00", "100.00", "120.00"}))
		p.payer = customerName(r)
		if i%5 == 1 {
			p.payer = "Niccolò Ferrara"
		}
		p.desc = pick(r, []string{"RICARICA POSTEPAY DA TABACCHERIA", "RICARICA POSTEPAY DA APP", "RICARICA POSTEPAY DA UFFICIO POSTALE"})
		src.rows = append(src.rows, p)
	}
	bad := &pay{src: src, date: day(2020, 6, 15), rawAmount: "15,OO", cur: "EUR", payer: "Sara Gallo",
		desc: "RICARICA POSTEPAY DA TABACCHERIA", bad: "unparseable amount 15,OO (letter O for zero)"}
	src.rows = insertAt(src.rows, 10, bad)

	lines := []string{"Carta n. 5333 **** **** 1234 - Titolare: LUCA BIANCHI", "", "Data;Descrizione;Ordinante;Importo"}
	for _, p := range src.rows {
		amt := itAmount(p.amount)
		if p.rawAmount != "" {
			amt = p.rawAmount
		}
		lines = append(lines, csvLine(";", p.date.Format("02/01/2006"), p.desc, p.payer, amt))
		p.line = len(lines)
	}
	text := strings.Join(lines, "\r\n") + "\r\n"
	enc, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		panic(err)
	}
	src.data = []byte(enc)
	return src
}

func paypalCode(r *rand.Rand) string {
	const cs = "0123456789ABCDEFGHJKLMNPRSTUVWXY"
	b := make([]byte, 17)
	for i := range b {
		b[i] = cs[r.IntN(len(cs))]
	}
	return string(b)
}

// paypalRows plants PayPal receipts: EUR, USD (one on Good Friday, when
// the ECB does not publish), GBP, one AED row without any rate, one
// refund, and receipts on the e-mail shared by S11 and S12.
func (g *gen) paypalRows(src *source) {
	r := g.r
	c := g.cast
	add := func(id, email, cur string, d time.Time, amount string) *pay {
		p := &pay{src: src, date: d, cur: cur, amount: eur(amount), payee: "", payeeAcct: email,
			payer: customerName(r), ref: paypalCode(r), channel: "PayPal", typeName: "Pagamento ricevuto", status: "Completato"}
		p.payerAcct = strings.ToLower(strings.ReplaceAll(p.payer, " ", ".")) + fmt.Sprint(r.IntN(90)+10) + "@example.org"
		if id != "" {
			p.attrib, p.rule = id, "payee_account"
		}
		src.rows = append(src.rows, p)
		return p
	}
	for _, d := range sortedDays(r, 7, day(2020, 1, 7), day(2020, 10, 20)) {
		add("S07", c.paypal["S07"][0], "EUR", d, pick(r, []string{"60.00", "120.00", "120.00", "240.00"}))
	}
	for _, d := range sortedDays(r, 3, day(2020, 5, 4), day(2020, 10, 23)) {
		add("S07", c.paypal["S07"][1], "EUR", d, pick(r, []string{"60.00", "120.00", "89.99"}))
	}
	refund := add("S07", c.paypal["S07"][0], "EUR", day(2020, 6, 18), "-60.00")
	refund.typeName = "Rimborso"
	for _, d := range sortedDays(r, 6, day(2020, 1, 9), day(2020, 9, 25)) {
		add("S08", c.paypal["S08"][0], "EUR", d, pick(r, []string{"50.00", "100.00", "150.00"}))
	}
	for _, d := range sortedDays(r, 5, day(2020, 2, 3), day(2020, 9, 30)) {
		add("S10", c.paypal["S10"][0], "GBP", d, pick(r, []string{"45.00", "90.00", "135.50"}))
	}
	for _, d := range []time.Time{day(2020, 3, 16), day(2020, 4, 10), day(2020, 7, 8)} {
		add("S09", c.paypal["S09"][0], "USD", d, pick(r, []string{"65.00", "130.00", "199.99"}))
	}
	add("S09", c.paypal["S09"][0], "AED", day(2020, 8, 12), "150.00").desc = "no rate"
	for _, d := range sortedDays(r, 3, day(2020, 2, 10), day(2020, 8, 28)) {
		add("", c.sharedPayPal, "EUR", d, pick(r, []string{"100.00", "120.00"}))
	}
	sort.SliceStable(src.rows, func(i, j int) bool { return src.rows[i].date.Before(src.rows[j].date) })
}

func fee(p *pay) decimal.Decimal {
	if p.amount.IsNegative() {
		return decimal.Zero
	}
	return p.amount.Mul(eur("0.034")).Add(eur("0.35")).Round(2).Neg()
}

var paypalHeader = []string{"Data", "Nome", "Tipo", "Stato", "Valuta", "Lordo", "Tariffa", "Netto", "Indirizzo email mittente", "Indirizzo email destinatario", "Codice transazione"}

// paypalXLSX writes the export: real date cells and numeric amounts.
func (g *gen) paypalXLSX() *source {
	src := &source{name: "paypal.xlsx#Transazioni", file: "paypal.xlsx"}
	g.paypalRows(src)
	f := newWorkbook("Transazioni")
	dateStyle := dateStyle(f)
	sh := "Transazioni"
	setRow(f, sh, 1, toAny(paypalHeader))
	for i, p := range src.rows {
		row := i + 2
		p.line = row
		f0 := fee(p)
		setRow(f, sh, row, []any{p.date, p.payer, p.typeName, p.status, p.cur,
			p.amount.InexactFloat64(), f0.InexactFloat64(), p.amount.Add(f0).InexactFloat64(),
			p.payerAcct, p.payeeAcct, p.ref})
		cell, _ := excelize.CoordinatesToCellName(1, row)
		f.SetCellStyle(sh, cell, cell, dateStyle)
	}
	f.SetColWidth(sh, "A", "A", 12)
	f.SetColWidth(sh, "I", "K", 30)
	src.data = saveWorkbook(f)
	return src
}

// paypal2 is a second, overlapping export (CSV, Italian decimals): two
// rows already in paypal.xlsx (duplicates), one with a known reference and
// another amount (conflict), one in the unknown currency XYZ, and new rows.
func (g *gen) paypal2(first *source) *source {
	src := &source{name: "paypal_2.csv", file: "paypal_2.csv"}
	r := g.r
	var s07, s08 []*pay
	for _, p := range first.rows {
		if p.attrib == "S07" && p.amount.IsPositive() {
			s07 = append(s07, p)
		}
		if p.attrib == "S08" {
			s08 = append(s08, p)
		}
	}
	clone := func(p *pay) *pay {
		q := *p
		q.src = src
		return &q
	}
	d1 := clone(s08[len(s08)-1])
	d1.dup, d1.dupOf = true, s08[len(s08)-1]
	d2 := clone(s07[len(s07)-1])
	d2.dup, d2.dupOf = true, s07[len(s07)-1]
	cf := clone(s07[0])
	cf.amount, cf.conflict, cf.dupOf = eur("12.00"), true, s07[0]
	s07[0].conflict = true
	src.rows = append(src.rows, d1, cf, d2)
	for _, d := range sortedDays(r, 3, day(2020, 10, 5), day(2020, 10, 30)) {
		p := &pay{src: src, date: d, cur: "EUR", amount: eur(pick(r, []string{"50.00", "100.00"})), payeeAcct: g.cast.paypal["S08"][0],
			payer: customerName(r), ref: paypalCode(r), channel: "PayPal", typeName: "Pagamento ricevuto", status: "Completato", attrib: "S08", rule: "payee_account"}
		p.payerAcct = strings.ToLower(strings.ReplaceAll(p.payer, " ", ".")) + "@example.net"
		src.rows = append(src.rows, p)
	}
	xyz := &pay{src: src, date: day(2020, 10, 12), cur: "XYZ", amount: eur("75.00"), payeeAcct: g.cast.paypal["S08"][0], payer: "Paolo Serra",
		payerAcct: "paolo.serra@example.net", ref: paypalCode(r), typeName: "Pagamento ricevuto", status: "Completato", bad: "unknown currency XYZ"}
	src.rows = insertAt(src.rows, 4, xyz)

	lines := []string{csvLine(",", paypalHeader...)}
	for _, p := range src.rows {
		f0 := fee(p)
		lines = append(lines, csvLine(",", p.date.Format("02/01/2006"), p.payer, p.typeName, p.status, p.cur,
			itAmount(p.amount), itAmount(f0), itAmount(p.amount.Add(f0)), p.payerAcct, p.payeeAcct, p.ref))
		p.line = len(lines)
	}
	src.data = []byte(strings.Join(lines, "\n") + "\n")
	return src
}

// cryptoTransfers plants on-chain receipts. Stamps are ISO-8601 with a
// zone; some fall just before midnight UTC, so the Rome day (and once the
// year) differs from the UTC day.
func (g *gen) cryptoTransfers() *source {
	src := &source{name: "crypto.csv", file: "crypto.csv"}
	r := g.r
	c := g.cast
	type plan struct {
		id, to, asset string
		stamp         string
	}
	var plans []plan
	stamps := func(n int, from, to time.Time) []string {
		var out []string
		for _, d := range sortedDays(r, n, from, to) {
			t := d.Add(time.Duration(8+r.IntN(12))*time.Hour + time.Duration(r.IntN(60))*time.Minute + time.Duration(r.IntN(60))*time.Second)
			out = append(out, t.Format(time.RFC3339))
		}
		return out
	}
	for _, s := range stamps(3, day(2020, 2, 1), day(2020, 10, 31)) {
		plans = append(plans, plan{"S01", c.btc["S01"], "BTC", s})
	}
	plans = append(plans, plan{"S01", c.btc["S01"], "BTC", "2020-05-31T22:45:10Z"}) // Rome: 1 June
	for _, s := range stamps(3, day(2019, 10, 1), day(2020, 9, 30)) {
		plans = append(plans, plan{"S02", c.btc["S02"], "BTC", s})
	}
	for _, s := range stamps(2, day(2020, 1, 1), day(2020, 10, 31)) {
		plans = append(plans, plan{"S02", strings.ToLower(c.eth["S02"]), "ETH", s})
	}
	plans = append(plans, plan{"S03", strings.ToLower(c.eth["S03"]), "ETH", "2019-12-31T23:30:00Z"}) // Rome: 1 Jan 2020
	plans = append(plans, plan{"S03", strings.ToLower(c.eth["S03"]), "ETH", "2019-12-12T21:05:00+01:00"})
	for _, s := range stamps(4, day(2020, 1, 15), day(2020, 8, 31)) {
		plans = append(plans, plan{"S03", strings.ToLower(c.eth["S03"]), "ETH", s})
	}
	for _, s := range stamps(3, day(2020, 3, 1), day(2020, 10, 31)) {
		plans = append(plans, plan{"S04", c.btc["S04"], "BTC", s})
	}
	for _, s := range stamps(4, day(2020, 2, 1), day(2020, 10, 31)) {
		plans = append(plans, plan{"S05", c.tron["S05"], "USDT", s})
	}
	plans = append(plans, plan{"S05", c.tron["S05"], "USDT", "2020-09-30T22:10:00+00:00"}) // Rome: 1 October
	plans = append(plans, plan{"", c.unknownBTC, "BTC", "2020-07-14T11:20:00Z"})
	sort.SliceStable(plans, func(i, j int) bool { return mustStamp(plans[i].stamp).Before(mustStamp(plans[j].stamp)) })

	lines := []string{"timestamp,tx hash,from address,to address,amount,asset"}
	for _, pl := range plans {
		p := &pay{src: src, stamp: pl.stamp, date: romeDay(mustStamp(pl.stamp)), cur: pl.asset, payeeAcct: pl.to, channel: "crypto"}
		if pl.id != "" {
			p.attrib, p.rule = pl.id, "payee_account"
		}
		switch pl.asset {
		case "BTC":
			p.amount = decimal.New(int64(500000+r.IntN(4000000)), -8)
			p.payerAcct = base58Check(0x00, randBytes(r, 20))
			p.ref = fmt.Sprintf("%x", randBytes(r, 32))
		case "ETH":
			p.amount = decimal.New(int64(2+r.IntN(20))*1e17+r.Int64N(1e17), -18)
			p.payerAcct = strings.ToLower(eip55(randBytes(r, 20)))
			p.ref = fmt.Sprintf("0x%x", randBytes(r, 32))
		case "USDT":
			p.amount = decimal.New(int64(50+r.IntN(950))*1e6+int64(r.IntN(100))*1e4, -6)
			p.payerAcct = base58Check(0x41, randBytes(r, 20))
			p.ref = fmt.Sprintf("%x", randBytes(r, 32))
		}
		src.rows = append(src.rows, p)
		amount := p.amount.String()
		if p.cur == "BTC" {
			amount = p.amount.StringFixed(8) // explorers show every satoshi digit
		}
		lines = append(lines, strings.Join([]string{p.stamp, p.ref, p.payerAcct, p.payeeAcct, amount, p.cur}, ","))
		p.line = len(lines)
	}
	src.data = []byte(strings.Join(lines, "\n") + "\n")
	return src
}

func mustStamp(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func romeDay(t time.Time) time.Time {
	l := t.In(rome)
	return day(l.Year(), int(l.Month()), l.Day())
}

// resellerPanel is a dump of the IPTV panel's credit sales: attribution by
// the reseller's Telegram handle or full name, by an explicit "Indagato"
// column on a few rows, and two sales by a reseller nobody knows.
func (g *gen) resellerPanel() *source {
	src := &source{name: "reseller_panel.csv", file: "reseller_panel.csv"}
	r := g.r
	c := g.cast
	add := func(id, rule, payee, col string, d time.Time) {
		credits := pick(r, []int{1, 3, 6, 12, 12})
		p := &pay{src: src, date: d, cur: "EUR", payee: payee, suspectCol: col, credits: credits,
			amount: decimal.NewFromInt(int64(credits) * 10), payer: "cli_" + strings.ToLower(strings.Fields(customerName(r))[0]) + fmt.Sprint(r.IntN(900)+100),
			channel: pick(r, []string{"PayPal", "Postepay", "Bonifico", "Contanti"}), attrib: id, rule: rule}
		src.rows = append(src.rows, p)
	}
	for _, d := range sortedDays(r, 8, day(2020, 1, 8), day(2020, 9, 29)) {
		add("S12", "payee", c.byID["S12"].telegram, "", d)
	}
	for _, d := range sortedDays(r, 7, day(2020, 2, 4), day(2020, 10, 27)) {
		add("S13", "payee", c.byID["S13"].telegram, "", d)
	}
	// The Indagato column wins over a payee that names another suspect.
	add("S13", "suspect_column", c.byID["S12"].telegram, "S13", day(2020, 6, 23))
	for _, d := range sortedDays(r, 6, day(2020, 4, 6), day(2020, 10, 28)) {
		add("S14", "suspect_column", "anna_backup_panel", "S14", d)
	}
	for _, d := range sortedDays(r, 3, day(2020, 3, 2), day(2020, 8, 31)) {
		add("S11", "payee", c.byID["S11"].telegram, "", d)
	}
	for _, d := range sortedDays(r, 3, day(2020, 3, 2), day(2020, 8, 31)) {
		add("S11", "payee", c.byID["S11"].fullName(), "", d)
	}
	for _, d := range sortedDays(r, 2, day(2020, 5, 4), day(2020, 9, 30)) {
		add("", "", "@mystery_reseller", "", d)
	}
	bulk := src.rows[3]
	bulk.credits, bulk.amount = 120, eur("1200.00")
	sort.SliceStable(src.rows, func(i, j int) bool { return src.rows[i].date.Before(src.rows[j].date) })

	lines := []string{"Data,Beneficiario,Pagatore,Crediti,Importo,Metodo,Indagato"}
	for _, p := range src.rows {
		lines = append(lines, csvLine(",", p.date.Format("2006-01-02"), p.payee, p.payer, fmt.Sprint(p.credits), enAmount(p.amount), p.channel, p.suspectCol))
		p.line = len(lines)
	}
	src.data = []byte(strings.Join(lines, "\n") + "\n")
	return src
}
