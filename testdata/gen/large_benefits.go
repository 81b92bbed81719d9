package main

import (
	"fmt"
	"strings"
)

// rdcMonths are the months the citizenship income was paid in the large
// case: April 2019 (its start) to October 2020.
const rdcMonths = 19

// nameCode is a name with its upper-case form and its three tax-code
// letters, computed once: 500,000 recipients must not redo it.
type nameCode struct {
	upper, code string
}

func nameCodes(names []string, code func(string) string) []nameCode {
	out := make([]nameCode, len(names))
	for i, n := range names {
		out[i] = nameCode{upper: strings.ToUpper(n), code: code(n)}
	}
	return out
}

// recipient is an invented benefit recipient or household member.
type recipient struct {
	surname, name string // upper case, as written in the INPS files
	birth         []byte // dd/mm/yyyy
	taxCode       string
}

// recipientGen invents recipients fast: the tax code is assembled from
// precomputed parts instead of through taxCode.
type recipientGen struct {
	l               *large
	sur, male, fem  []nameCode
	tc, birth, temp []byte
}

func newRecipientGen(l *large) *recipientGen {
	return &recipientGen{l: l, sur: nameCodes(recipientSurnames, cfSurname), male: nameCodes(maleNames, cfName), fem: nameCodes(femaleNames, cfName)}
}

func (g *recipientGen) next(minYear, years int) recipient {
	r := g.l.r
	s := g.sur[r.IntN(len(g.sur))]
	female := r.IntN(2) == 0
	n := pick(r, g.male)
	if female {
		n = pick(r, g.fem)
	}
	y, m, d := minYear+r.IntN(years), 1+r.IntN(12), 1+r.IntN(28)
	tc := append(g.tc[:0], s.code...)
	tc = append(tc, n.code...)
	tc = appendPad(tc, y%100, 2)
	tc = append(tc, cfMonths[m-1])
	dd := d
	if female {
		dd += 40
	}
	tc = appendPad(tc, dd, 2)
	tc = append(tc, pick(r, placesIT)...)
	tc = append(tc, cfCheck(string(tc)))
	g.tc = tc
	b := appendPad(nil, d, 2)
	b = append(b, '/')
	b = appendPad(b, m, 2)
	b = append(b, '/')
	b = appendPad(b, y, 4)
	return recipient{surname: s.upper, name: n.upper, birth: b, taxCode: string(tc)}
}

func suspectRecipient(s *lsus, withCode bool) recipient {
	rc := recipient{surname: strings.ToUpper(s.surname), name: strings.ToUpper(s.name), birth: []byte(s.birth.Format("02/01/2006"))}
	if withCode {
		rc.taxCode = s.taxCode
	}
	return rc
}

// benefits writes 500,000 applications over two monthly files (the second
// writes months as mm/yyyy) and the households of about 30% of them. The
// planted suspects are spread evenly among the applications.
func (l *large) benefits() error {
	r := l.r
	files := make([]*csvOut, 2)
	for i := range files {
		c, err := l.create(fmt.Sprintf("inps_rdc_%d.csv", i+1), ';')
		if err != nil {
			return err
		}
		c.line("Protocollo domanda", "Codice fiscale richiedente", "Cognome", "Nome", "Data di nascita", "Mese competenza", "Importo erogato")
		files[i] = c
	}
	hh, err := l.create("inps_nuclei.csv", ';')
	if err != nil {
		return err
	}
	hh.line("Protocollo domanda", "Codice fiscale", "Cognome", "Nome", "Data di nascita", "Parentela")

	var planted []*lsus
	for _, s := range l.sus {
		if s.benefit != "" {
			planted = append(planted, s)
		}
	}
	stride := l.nRecip / (len(planted) + 1)
	months := make([]string, 2*rdcMonths)
	for i := range rdcMonths {
		y, m := 2019+(i+3)/12, (i+3)%12+1
		months[i] = string(appendPad(append(appendPad(nil, y, 4), '-'), m, 2))
		months[rdcMonths+i] = string(appendPad(append(appendPad(nil, m, 2), '/'), y, 4))
	}
	gen := newRecipientGen(l)
	var id, amt []byte
	for i := range l.nRecip {
		c := files[i*len(files)/l.nRecip]
		monthForm := months[:rdcMonths]
		if c == files[1] {
			monthForm = months[rdcMonths:]
		}
		id = append(id[:0], "INPS-RDC-2019-"...)
		id = appendPad(id, 1_000_000+i*7, 8)
		app := gen.next(1950, 50)
		var member *lsus
		if k := i/stride - 1; i%stride == 0 && k >= 0 && k < len(planted) {
			switch s := planted[k]; s.benefit {
			case "exact":
				app = suspectRecipient(s, true)
			case "probable":
				app = suspectRecipient(s, false)
			case "member":
				member = s
			}
		}
		n := 1 + r.IntN(7)
		first := r.IntN(rdcMonths - n + 1)
		amt = appendCents(amt[:0], int64(4000+r.IntN(74000)), true, false)
		for m := first; m < first+n; m++ {
			c.field(string(id))
			c.field(app.taxCode)
			c.field(app.surname)
			c.field(app.name)
			c.bytesField(app.birth)
			c.field(monthForm[m])
			c.bytesField(amt)
			c.end()
			l.counts["benefits"]++
		}
		if member != nil || r.IntN(10) < 3 {
			l.household(hh, gen, string(id), app, member)
		}
	}
	for _, c := range append(files, hh) {
		if err := c.close(); err != nil {
			return err
		}
	}
	return nil
}

// household writes the applicant and one to three members; member, when
// not nil, is a suspect listed as one of them.
func (l *large) household(hh *csvOut, gen *recipientGen, id string, app recipient, member *lsus) {
	row := func(p recipient, relation string) {
		hh.line(id, p.taxCode, p.surname, p.name, string(p.birth), relation)
		l.counts["household"]++
	}
	row(app, "RICHIEDENTE")
	if member != nil {
		rel := "FIGLIO"
		if member.female {
			rel = "FIGLIA"
		}
		row(suspectRecipient(member, true), rel)
	}
	for range 1 + l.r.IntN(3) {
		row(gen.next(1950, 55), pick(l.r, []string{"CONIUGE", "FIGLIO", "FIGLIA", "CONVIVENTE"}))
	}
}

// caseYAML writes the case file listing every input.
func (l *large) caseYAML() error {
	var b strings.Builder
	b.WriteString(`# The Perfect Storm (large): a SYNTHETIC national-size case for benchmarks,
# written by go run ./testdata/gen -scale large. Every name, tax code,
# account and amount is invented. Not committed: regenerate it.
case: The Perfect Storm (large, synthetic)
report_date: 2020-11-06
target_eur: "10000000"
lang: en

suspects: [suspects.csv]
identifiers: [identifiers.csv]

payments:
`)
	for _, s := range l.sus[:2] {
		fmt.Fprintf(&b, "  # %s's bank statement.\n  - path: estratto_conto_%s.csv\n    suspect: %s\n", s.id, s.id, s.id)
	}
	b.WriteString(`  # PayPal exports (the second overlaps the first: duplicates).
  - path: paypal_1.csv
  - path: paypal_2.csv
  # On-chain transfers (BTC, ETH, USDT on TRON).
  - path: crypto.csv
  # IPTV panel credit sales.
  - path: reseller_panel.csv

assets: [sequestri.csv]
`)
	if !l.noBenefits {
		b.WriteString("benefits: [inps_rdc_1.csv, inps_rdc_2.csv]\nhousehold: [inps_nuclei.csv]\n")
	}
	b.WriteString(`rates: [eurofxref-hist.csv, crypto_eur.csv]

columns:
  payments:
    amount: Lordo
    payer: Nome
    payer_account: Indirizzo email mittente
    payee_account: Indirizzo email destinatario
    reference: Codice transazione
`)
	return l.writeFile("case.yaml", []byte(b.String()))
}
