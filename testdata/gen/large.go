package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The large case (-scale large) is a national-size synthetic case for
// benchmarks: about 2,000 suspects, a million payment rows (-payments),
// 500,000 benefit recipients with about 2,000,000 monthly rows. It is not
// committed and has no expected.json: it measures speed and memory, not
// correctness (the sample does that). It is written as a stream, without
// fmt in the row loops, so that a million rows take a few seconds, and it
// is deterministic (fixed seeds).

// Default size of the large case; -suspects scales the recipients and
// the assets with the suspects (250 and 1.5 per suspect).
const (
	largeSuspects   = 2000
	largeRecipients = 500_000
	largeAssets     = 3000
)

// largeSuspectSurnames are the suspects' surnames; recipients take theirs
// from recipientSurnames, which shares none and no near-spelling, so the
// only benefit matches are the planted ones.
var recipientSurnames = []string{"Bassi", "Benedetti", "Bernardi", "Bonetti", "Brambilla", "Carbone", "Castelli", "Conte", "D'Amico",
	"De Rosa", "Donati", "Fiore", "Fumagalli", "Giordano", "Guerra", "Mazza", "Messina", "Milani", "Negri", "Orlando", "Pagano",
	"Piras", "Riva", "Ruggiero", "Sartori", "Silvestri", "Valentini", "Zanetti", "Basile", "Amato", "Bellini", "Caputo", "Damiani",
	"Grimaldi", "Neri", "Ottaviani", "Pace", "Russo", "Sorrentino", "Tedesco", "Ventura", "Zanella"}

var placeNames = map[string]string{"F839": "Napoli", "H501": "Roma", "F205": "Milano", "L219": "Torino", "D969": "Genova",
	"A089": "Agrigento", "G388": "Pavia", "I158": "San Severo"}

var largePlaces = []string{"F839", "H501", "F205", "L219", "D969", "A089", "G388", "I158"}

// calDay is one calendar day with the forms the inputs write it in.
type calDay struct {
	it, iso string // 02/01/2006, 2006-01-02
}

// lsus is one suspect of the large case.
type lsus struct {
	id, surname, name string
	female            bool
	birth             time.Time
	place, country    string
	role, upline      string
	taxCode           string
	iban              string
	btc, eth, tron    string
	paypal, paypal2   string
	telegram          string
	benefit           string // planted benefit form: exact, probable, member
}

// large carries the large case while it is written.
type large struct {
	r        *rand.Rand
	dir      string
	nPay     int
	days     []calDay // every calendar day of the rate files
	sus      []*lsus
	payees   []*lsus // resellers and sub-resellers: PayPal and panel payees
	wallets  []*lsus // suspects with wallets: crypto payees
	payerBTC []string
	payerETH []string
	payerTRX []string
	clients  []string // customers' names
	clientLo []string // the same, lower case with dots, for e-mails
	counts   map[string]int
	dupPool  []ppRow // PayPal rows exported again in paypal_2.csv
	// noBenefits leaves out the benefit lists and households.
	noBenefits bool
	// Sizes: suspects, benefit recipients, asset rows.
	nSus, nRecip, nAssets int
}

// runLarge writes the large case into dir.
func runLarge(dir string, payments, suspects int, noBenefits bool) error {
	if payments < 1000 {
		return fmt.Errorf("-payments %d: give at least 1000", payments)
	}
	if suspects < 20 {
		return fmt.Errorf("-suspects %d: give at least 20", suspects)
	}
	if err := selfCheckCodes(); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	start := time.Now()
	l := &large{r: rand.New(rand.NewPCG(7, 11)), dir: dir, nPay: payments, counts: map[string]int{}, noBenefits: noBenefits,
		nSus: suspects, nRecip: largeRecipients * suspects / largeSuspects, nAssets: largeAssets * suspects / largeSuspects}
	rt := genRates(rand.New(rand.NewPCG(1, 2))) // the sample's rates
	if err := l.writeFile("eurofxref-hist.csv", rt.ecbCSV()); err != nil {
		return err
	}
	if err := l.writeFile("crypto_eur.csv", rt.cryptoCSV()); err != nil {
		return err
	}
	for d := ratesFirst; !d.After(ratesLast.AddDate(0, 0, 1)); d = d.AddDate(0, 0, 1) {
		l.days = append(l.days, calDay{it: d.Format("02/01/2006"), iso: d.Format("2006-01-02")})
	}
	l.castSuspects()
	l.pools()
	steps := []func() error{l.suspectsCSV, l.identifiersCSV, l.payments, l.assetsCSV, l.benefits, l.caseYAML}
	recipients := l.nRecip
	if noBenefits {
		steps = []func() error{l.suspectsCSV, l.identifiersCSV, l.payments, l.assetsCSV, l.caseYAML}
		recipients = 0
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	fmt.Printf("wrote the large case to %s in %.1fs: %d suspects, %d payment rows, %d recipients, %d benefit rows, %d household rows, %d assets\n",
		dir, time.Since(start).Seconds(), len(l.sus), l.counts["payments"], recipients, l.counts["benefits"], l.counts["household"], l.nAssets)
	return nil
}

func (l *large) writeFile(name string, data []byte) error {
	if err := os.WriteFile(filepath.Join(l.dir, name), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// castSuspects builds the pyramid: 4 sources, 40 platform admins, 400
// resellers and the rest sub-resellers, each with an upline one level up.
func (l *large) castSuspects() {
	r := l.r
	levels := []struct {
		role string
		n    int
	}{{"source", max(1, l.nSus/500)}, {"platform", max(1, l.nSus/50)}, {"reseller", max(1, l.nSus/5)}, {"sub-reseller", 0}}
	levels[3].n = l.nSus - levels[0].n - levels[1].n - levels[2].n
	seen := map[string]bool{}
	var above, level []*lsus
	for _, lv := range levels {
		above, level = level, nil
		for range lv.n {
			s := &lsus{id: "S" + pad(len(l.sus)+1, 4), role: lv.role, surname: pick(r, surnames), female: r.IntN(3) == 0, country: "IT"}
			if s.female {
				s.name = pick(r, femaleNames)
			} else {
				s.name = pick(r, maleNames)
			}
			if len(above) > 0 {
				s.upline = pick(r, above).id
			}
			if r.IntN(12) == 0 {
				s.country = pick(r, []string{"DE", "ES", "GB", "UA"})
			}
			for {
				s.birth = day(1960+r.IntN(40), 1+r.IntN(12), 1+r.IntN(28))
				s.place = pick(r, largePlaces)
				if s.country != "IT" {
					break // foreigners have no tax code
				}
				s.taxCode = taxCode(s.surname, s.name, s.female, s.birth, s.place)
				if !seen[s.taxCode] {
					seen[s.taxCode] = true
					break
				}
			}
			num := s.id[1:]
			s.telegram = "@" + strings.ToLower(cfLetters(s.name)[:3]+"_"+cfLetters(s.surname)) + num
			s.paypal = strings.ToLower(cfLetters(s.name)+"."+cfLetters(s.surname)) + num + "@example.com"
			s.iban = l.largeIBAN(s)
			l.sus = append(l.sus, s)
			level = append(level, s)
		}
	}
	for i, s := range l.sus {
		switch {
		case s.role == "source" || s.role == "platform":
			s.btc = base58Check(0x00, randBytes(r, 20))
			s.eth = eip55(randBytes(r, 20))
			l.wallets = append(l.wallets, s)
		case s.role == "reseller" && i%2 == 0:
			s.tron = base58Check(0x41, randBytes(r, 20))
			l.wallets = append(l.wallets, s)
		}
		if s.role == "reseller" || s.role == "sub-reseller" {
			l.payees = append(l.payees, s)
			if i%5 == 0 {
				s.paypal2 = "shop" + s.id[1:] + ".iptv@example.net"
			}
		}
		// About 5% drew the benefit: by tax code, by name and birth date
		// only, or as a member of someone else's household.
		if s.taxCode != "" && i%20 == 3 {
			s.benefit = [...]string{"exact", "exact", "probable", "member"}[(i/20)%4]
		}
	}
}

func (l *large) largeIBAN(s *lsus) string {
	r := l.r
	switch s.country {
	case "DE":
		return iban("DE", digits(r, 18))
	case "GB":
		return iban("GB", "NWBK"+digits(r, 14))
	case "ES":
		return iban("ES", digits(r, 20))
	case "UA":
		return iban("UA", "322001"+"00000"+digits(r, 14))
	}
	return ibanIT(pick(r, []string{"03069", "05034", "07601", "02008", "03062"}), digits(r, 5), digits(r, 12))
}

// pools invents the paying customers and their wallets once: payers
// repeat in real exports, and valid addresses are costly to make per row.
func (l *large) pools() {
	r := l.r
	for range 3000 {
		l.payerBTC = append(l.payerBTC, base58Check(0x00, randBytes(r, 20)))
		l.payerETH = append(l.payerETH, strings.ToLower(eip55(randBytes(r, 20))))
		l.payerTRX = append(l.payerTRX, base58Check(0x41, randBytes(r, 20)))
	}
	for range 5000 {
		n := customerName(r)
		l.clients = append(l.clients, n)
		l.clientLo = append(l.clientLo, strings.ToLower(strings.ReplaceAll(n, " ", ".")))
	}
}

// csvOut writes one CSV file through a buffer; row is reused per line.
type csvOut struct {
	f    *os.File
	w    *bufio.Writer
	row  []byte
	sep  byte
	crlf bool
	nf   int // fields in the current row
}

func (l *large) create(name string, sep byte) (*csvOut, error) {
	f, err := os.Create(filepath.Join(l.dir, name))
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", name, err)
	}
	return &csvOut{f: f, w: bufio.NewWriterSize(f, 1<<20), sep: sep}, nil
}

// field appends one field, quoted when it holds the separator or a quote.
func (c *csvOut) field(s string) {
	if c.nf > 0 {
		c.row = append(c.row, c.sep)
	}
	c.nf++
	if strings.IndexByte(s, c.sep) < 0 && strings.IndexByte(s, '"') < 0 && strings.IndexByte(s, '\n') < 0 {
		c.row = append(c.row, s...)
		return
	}
	c.row = append(c.row, '"')
	c.row = append(c.row, strings.ReplaceAll(s, `"`, `""`)...)
	c.row = append(c.row, '"')
}

// bytesField is field for text already formatted into a scratch buffer.
func (c *csvOut) bytesField(b []byte) { c.field(string(b)) }

func (c *csvOut) line(fields ...string) {
	for _, f := range fields {
		c.field(f)
	}
	c.end()
}

// end finishes the row and hands it to the buffer.
func (c *csvOut) end() {
	if c.crlf {
		c.row = append(c.row, '\r')
	}
	c.row = append(c.row, '\n')
	c.w.Write(c.row)
	c.row = c.row[:0]
	c.nf = 0
}

func (c *csvOut) close() error {
	if err := c.w.Flush(); err != nil {
		c.f.Close()
		return fmt.Errorf("write %s: %w", c.f.Name(), err)
	}
	return c.f.Close()
}

// pad writes n with at least width digits.
func pad(n, width int) string { return string(appendPad(nil, n, width)) }

func appendPad(b []byte, n, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendCents writes cents as an amount with two decimals: Italian
// (1.234,56) or English (1,234.56) notation, with or without grouping.
func appendCents(b []byte, cents int64, italian, group bool) []byte {
	if cents < 0 {
		b = append(b, '-')
		cents = -cents
	}
	thou, dec := byte(','), byte('.')
	if italian {
		thou, dec = '.', ','
	}
	var tmp [20]byte
	ip := strconv.AppendInt(tmp[:0], cents/100, 10)
	for i, c := range ip {
		if group && i > 0 && (len(ip)-i)%3 == 0 {
			b = append(b, thou)
		}
		b = append(b, c)
	}
	b = append(b, dec)
	return appendPad(b, int(cents%100), 2)
}

// appendUnits writes a quantity of smallest units with the asset's
// decimals (satoshi -> 0.00000001 BTC).
func appendUnits(b []byte, units int64, decimals int) []byte {
	var tmp [24]byte
	s := strconv.AppendInt(tmp[:0], units, 10)
	for len(s) <= decimals {
		s = append([]byte{'0'}, s...)
	}
	b = append(b, s[:len(s)-decimals]...)
	b = append(b, '.')
	return append(b, s[len(s)-decimals:]...)
}

const hexDigits = "0123456789abcdef"

func (l *large) appendHex(b []byte, nbytes int) []byte {
	for i := 0; i < nbytes; i += 8 {
		v := l.r.Uint64()
		for j := 0; j < 8 && i+j < nbytes; j++ {
			b = append(b, hexDigits[v&15], hexDigits[(v>>4)&15])
			v >>= 8
		}
	}
	return b
}

// appendPayPalCode writes a 17-character transaction code.
func (l *large) appendPayPalCode(b []byte) []byte {
	const cs = "0123456789ABCDEFGHJKLMNPRSTUVWXY"
	v, w := l.r.Uint64(), l.r.Uint64()
	for i := range 17 {
		if i == 12 {
			v = w
		}
		b = append(b, cs[v&31])
		v >>= 5
	}
	return b
}

// skewed picks an index in [0, n): low indexes far more often, as a few
// resellers sell most of the subscriptions.
func (l *large) skewed(n int) int {
	u := l.r.Float64()
	return int(float64(n) * u * u * u)
}

// dayIndex spreads row i of n over the days with rates, in date order:
// 2 Jan 2019 (the first ECB publication) to the report date.
func (l *large) dayIndex(i, n int) int { return 1 + i*(len(l.days)-2)/n }

func (l *large) dayOf(i, n int) *calDay { return &l.days[l.dayIndex(i, n)] }

func (l *large) suspectsCSV() error {
	c, err := l.create("suspects.csv", ',')
	if err != nil {
		return err
	}
	c.line("Id indagato", "Codice fiscale", "Cognome", "Nome", "Data di nascita", "Luogo di nascita", "Paese", "Ruolo", "Referente", "IBAN", "Wallet", "Email", "Telefono", "Telegram")
	for _, s := range l.sus {
		var wallets []string
		for _, w := range []string{s.btc, s.eth} { // TRON wallets only in identifiers.csv
			if w != "" {
				wallets = append(wallets, w)
			}
		}
		place := placeNames[s.place]
		if s.country != "IT" {
			place = "(" + s.country + ")"
		}
		c.line(s.id, s.taxCode, s.surname, s.name, s.birth.Format("02/01/2006"), place, s.country, s.role, s.upline,
			s.iban, strings.Join(wallets, "; "), s.paypal, "+39 3"+digits(l.r, 2)+" "+digits(l.r, 7), s.telegram)
	}
	return c.close()
}

func (l *large) identifiersCSV() error {
	c, err := l.create("identifiers.csv", ',')
	if err != nil {
		return err
	}
	c.line("suspect", "kind", "value")
	for _, s := range l.sus {
		if s.tron != "" {
			c.line(s.id, "wallet", s.tron)
		}
		if s.paypal2 != "" {
			c.line(s.id, "paypal", s.paypal2)
		}
	}
	return c.close()
}

// payments writes the six payment files. Shares of the rows: two bank
// statements 5% each, paypal_1 30%, paypal_2 15% (with duplicates of
// paypal_1), crypto 15%, reseller panel 30%.
func (l *large) payments() error {
	n := l.nPay
	bank := n / 20
	pp1, pp2, crypto := n*30/100, n*15/100, n*15/100
	panel := n - 2*bank - pp1 - pp2 - crypto
	steps := []func() error{
		func() error { return l.bankStatement("estratto_conto_"+l.sus[0].id+".csv", l.sus[0], bank) },
		func() error { return l.bankStatement("estratto_conto_"+l.sus[1].id+".csv", l.sus[1], bank) },
		func() error { return l.paypal("paypal_1.csv", pp1, false) },
		func() error { return l.paypal("paypal_2.csv", pp2, true) },
		func() error { return l.crypto("crypto.csv", crypto) },
		func() error { return l.panel("reseller_panel.csv", panel) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

var subscriptionCents = []int64{1000, 1500, 3000, 6000, 8999, 12000, 12000, 24000}

// bankStatement is a suspect's current account in the Italian bank
// layout (title rows, Accrediti/Addebiti, CRO): one row in ten is a
// debit; a very few rows carry an impossible date.
func (l *large) bankStatement(name string, s *lsus, rows int) error {
	c, err := l.create(name, ';')
	if err != nil {
		return err
	}
	c.crlf = true
	r := l.r
	c.line("Banca Esempio S.p.A.")
	c.line("Estratto conto")
	c.line("Intestatario: " + strings.ToUpper(s.surname+" "+s.name) + "; IBAN: " + ibanPaper(s.iban))
	c.line("Periodo: " + l.days[0].it + " - " + l.days[len(l.days)-2].it)
	c.line("")
	c.line("Data operazione", "Data valuta", "Descrizione", "Accrediti", "Addebiti", "Saldo", "CRO")
	balance := int64(321745)
	var amt, sal, desc []byte
	cro := int64(10_000_000_000) + int64(r.IntN(1_000_000))*1000
	for i := range rows {
		d := l.dayOf(i, rows)
		value := &l.days[l.dayIndex(i, rows)+1]
		date := d.it
		if i%9_733 == 4711 {
			date = "31/02/2020" // a planted bad row
		}
		cro += 1 + int64(r.IntN(900))
		desc = desc[:0]
		var cents int64
		debit := r.IntN(10) == 0
		if debit {
			cents = pick(r, []int64{25000, 50000, 100000})
			desc = append(desc, pick(r, []string{"PRELIEVO BANCOMAT ATM", "PRELIEVO CONTANTI SPORTELLO", "DISPOSIZIONE A FAVORE DI TERZI"})...)
			balance -= cents
		} else {
			cents = subscriptionCents[r.IntN(len(subscriptionCents))]
			desc = append(desc, "BONIFICO SEPA DA "...)
			desc = append(desc, strings.ToUpper(l.clients[r.IntN(len(l.clients))])...)
			desc = append(desc, " CAUSALE: ABBONAMENTO 12 MESI"...)
			balance += cents
		}
		amt = appendCents(amt[:0], cents, true, true)
		sal = appendCents(sal[:0], balance, true, true)
		c.field(date)
		c.field(value.it)
		c.bytesField(desc)
		if debit {
			c.field("")
			c.bytesField(amt)
		} else {
			c.bytesField(amt)
			c.field("")
		}
		c.bytesField(sal)
		c.field(strconv.FormatInt(cro, 10))
		c.end()
	}
	l.counts["payments"] += rows
	return c.close()
}

// ppRow is a PayPal receipt kept to be exported again (a duplicate).
type ppRow struct {
	day        int
	client     int
	cents, fee int64
	cur, payee string
	code       string
}

// paypal writes a PayPal export: paypal_1 in English notation, paypal_2
// (second) in Italian notation with one row in eight already in paypal_1.
// Mostly EUR, some USD and GBP, refunds, and receipts on addresses that
// belong to nobody (unattributed).
func (l *large) paypal(name string, rows int, second bool) error {
	c, err := l.create(name, ',')
	if err != nil {
		return err
	}
	r := l.r
	c.line(paypalHeader...)
	var code, amt, feeB, net, mail []byte
	dups := 0
	for i := range rows {
		var p ppRow
		if second && len(l.dupPool) > 0 && r.IntN(8) == 0 {
			p = l.dupPool[dups%len(l.dupPool)] // each once, in order, while they last
			dups++
		} else {
			p = ppRow{day: l.dayIndex(i, rows), client: r.IntN(len(l.clients)), cur: "EUR"}
			switch x := r.IntN(100); {
			case x < 8:
				p.cur = "USD"
			case x < 12:
				p.cur = "GBP"
			}
			p.cents = subscriptionCents[r.IntN(len(subscriptionCents))] + int64(r.IntN(3))*500
			if r.IntN(200) == 0 {
				p.cents = -p.cents // refund
			}
			if r.IntN(40) == 0 {
				p.payee = "tv.offerte" + strconv.Itoa(r.IntN(500)) + "@example.org" // nobody's
			} else {
				s := l.payees[l.skewed(len(l.payees))]
				p.payee = s.paypal
				if s.paypal2 != "" && r.IntN(3) == 0 {
					p.payee = s.paypal2
				}
			}
			if p.cents > 0 {
				p.fee = -((p.cents*34+500)/1000 + 35)
			}
			code = l.appendPayPalCode(code[:0])
			p.code = string(code)
			if !second && r.IntN(12) == 0 {
				l.dupPool = append(l.dupPool, p)
			}
		}
		typ := "Pagamento ricevuto"
		if p.cents < 0 {
			typ = "Rimborso"
		}
		d := &l.days[p.day]
		date := d.it
		amt = appendCents(amt[:0], p.cents, second, false)
		feeB = appendCents(feeB[:0], p.fee, second, false)
		net = appendCents(net[:0], p.cents+p.fee, second, false)
		mail = append(append(mail[:0], l.clientLo[p.client]...), "@example.org"...)
		c.field(date)
		c.field(l.clients[p.client])
		c.field(typ)
		c.field("Completato")
		c.field(p.cur)
		c.bytesField(amt)
		c.bytesField(feeB)
		c.bytesField(net)
		c.bytesField(mail)
		c.field(p.payee)
		c.field(p.code)
		c.end()
	}
	l.counts["payments"] += rows
	return c.close()
}

// crypto writes on-chain receipts: BTC and ETH to the upper levels'
// wallets, USDT on TRON to resellers'; 3% to wallets nobody owns.
func (l *large) crypto(name string, rows int) error {
	c, err := l.create(name, ',')
	if err != nil {
		return err
	}
	r := l.r
	c.line("timestamp", "tx hash", "from address", "to address", "amount", "asset")
	strangers := []string{base58Check(0x00, randBytes(r, 20)), strings.ToLower(eip55(randBytes(r, 20))), base58Check(0x41, randBytes(r, 20))}
	var stamp, hash, amt []byte
	for i := range rows {
		d := l.dayOf(i, rows)
		stamp = append(stamp[:0], d.iso...)
		stamp = append(stamp, 'T')
		sec := r.IntN(86400)
		stamp = appendPad(stamp, sec/3600, 2)
		stamp = append(stamp, ':')
		stamp = appendPad(stamp, sec/60%60, 2)
		stamp = append(stamp, ':')
		stamp = appendPad(stamp, sec%60, 2)
		stamp = append(stamp, 'Z')
		s := l.wallets[l.skewed(len(l.wallets))]
		stranger := r.IntN(33) == 0
		var to, from, asset string
		hash = hash[:0]
		switch {
		case s.tron != "":
			asset, to, from = "USDT", s.tron, l.payerTRX[r.IntN(len(l.payerTRX))]
			amt = appendUnits(amt[:0], int64(50+r.IntN(950))*1e6+int64(r.IntN(100))*1e4, 6)
			if stranger {
				to = strangers[2]
			}
		case r.IntN(2) == 0:
			asset, to, from = "BTC", s.btc, l.payerBTC[r.IntN(len(l.payerBTC))]
			amt = appendUnits(amt[:0], int64(50000+r.IntN(4000000)), 8)
			if stranger {
				to = strangers[0]
			}
		default:
			asset, to, from = "ETH", strings.ToLower(s.eth), l.payerETH[r.IntN(len(l.payerETH))]
			amt = appendUnits(amt[:0], int64(2+r.IntN(20))*1e16+r.Int64N(1e16), 18)
			hash = append(hash, "0x"...)
			if stranger {
				to = strangers[1]
			}
		}
		hash = l.appendHex(hash, 32)
		c.bytesField(stamp)
		c.bytesField(hash)
		c.field(from)
		c.field(to)
		c.bytesField(amt)
		c.field(asset)
		c.end()
	}
	l.counts["payments"] += rows
	return c.close()
}

// panel writes the IPTV panel's credit sales (1 credit = EUR 10): the
// payee is the reseller's Telegram handle, sometimes the full name or an
// Indagato column; 2% name handles nobody owns.
func (l *large) panel(name string, rows int) error {
	c, err := l.create(name, ',')
	if err != nil {
		return err
	}
	r := l.r
	c.line("Data", "Beneficiario", "Pagatore", "Crediti", "Importo", "Metodo", "Indagato")
	var payer, amt, cr []byte
	for i := range rows {
		d := l.dayOf(i, rows)
		s := l.payees[l.skewed(len(l.payees))]
		payee, col := s.telegram, ""
		switch x := r.IntN(100); {
		case x < 2:
			payee = "@reseller_" + strconv.Itoa(r.IntN(300)) // nobody's
		case x < 5:
			payee, col = strings.ToUpper(s.surname+" "+s.name), s.id // homonyms: the column decides
		case x < 8:
			payee, col = "backup_panel_"+s.id[1:], s.id
		}
		credits := pick(r, []int64{1, 3, 6, 12, 12, 120})
		cl := r.IntN(len(l.clients))
		payer = append(append(payer[:0], "cli_"...), l.clientLo[cl][:strings.IndexByte(l.clientLo[cl], '.')]...)
		payer = strconv.AppendInt(payer, int64(100+r.IntN(900)), 10)
		amt = appendCents(amt[:0], credits*1000, false, true)
		cr = strconv.AppendInt(cr[:0], credits, 10)
		c.field(d.iso)
		c.field(payee)
		c.bytesField(payer)
		c.bytesField(cr)
		c.bytesField(amt)
		c.field(pick(r, []string{"PayPal", "Postepay", "Bonifico", "Contanti"}))
		c.field(col)
		c.end()
	}
	l.counts["payments"] += rows
	return c.close()
}

// assetsCSV writes the seizures: money, crypto quantities, a few shares
// and released items, and takedowns.
func (l *large) assetsCSV() error {
	c, err := l.create("sequestri.csv", ';')
	if err != nil {
		return err
	}
	r := l.r
	c.line(assetHeader...)
	var v, q []byte
	for i := range l.nAssets {
		s := l.sus[l.skewed(len(l.sus))]
		id := "R" + pad(i+1, 5)
		d := l.days[len(l.days)-2-r.IntN(30)].it
		owner := s.id
		if s.taxCode != "" && r.IntN(10) == 0 {
			owner = s.taxCode
		}
		share, status := "100%", "sequestrato"
		if r.IntN(15) == 0 {
			share = pick(r, []string{"50%", "60%", "1/3"})
		}
		switch r.IntN(25) {
		case 0:
			status = "dissequestrato"
		case 1:
			status = "confiscato"
		}
		v, q = v[:0], q[:0]
		var typ, desc, cur string
		switch x := r.IntN(10); {
		case x < 3:
			typ, desc, cur = "conto corrente", "Conto corrente "+s.iban, pick(r, []string{"EUR", "EUR", "EUR", "USD", "GBP"})
			v = appendCents(v, int64(100_000+r.IntN(50_000_000)), true, true)
		case x < 5:
			typ, cur = "criptovalute", pick(r, []string{"BTC", "ETH", "USDT"})
			desc = "Wallet " + cur
			switch cur {
			case "BTC":
				q = appendUnits(q, int64(1_000_000+r.IntN(500_000_000)), 8)
			case "ETH":
				q = appendUnits(q, int64(1+r.IntN(5000))*1e4, 6)
			default:
				q = appendUnits(q, int64(1000+r.IntN(100000))*100, 2)
			}
		case x < 6:
			typ, desc, cur = "contanti", "Contanti rinvenuti", "EUR"
			v = appendCents(v, int64(50_000+r.IntN(20_000_000)), true, true)
		case x < 7:
			typ, desc, cur = "veicolo", "Autovettura", "EUR"
			v = appendCents(v, int64(1_500_000+r.IntN(10_000_000)), true, true)
		case x < 8:
			typ, desc, cur = "immobile", "Immobile", "EUR"
			v = appendCents(v, int64(8_000_000+r.IntN(80_000_000)), true, true)
		default:
			typ = pick(r, []string{"server", "dominio", "canale telegram", "smart card"})
			desc = "Oscuramento " + typ
			q = strconv.AppendInt(q, int64(1+r.IntN(300)), 10)
		}
		c.line(id, owner, typ, desc, string(v), string(q), cur, d, s.country, decree, share, status)
	}
	return c.close()
}
