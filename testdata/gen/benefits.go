package main

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// application is one benefit application (a household) with the months
// it was paid and what the generator planted in it.
type application struct {
	id        string
	applicant person
	written   string // tax code as written in the benefit file ("" = missing)
	surname   string // names as written in the benefit file
	name      string
	months    []time.Time // first day of each month paid
	monthly   decimal.Decimal
	period    bool // written in the period sheet (Decorrenza/Scadenza)
	slashForm bool // month written mm/yyyy instead of yyyy-mm
	members   []member
	suspect   string // planted match
	class     string // exact, probable, possible
	why       string
	decoyOf   string // a suspect this application must NOT match
}

type member struct {
	p        person
	relation string
	suspect  string
}

func monthsBetween(from, to time.Time) []time.Time {
	var out []time.Time
	for m := from; !m.After(to); m = m.AddDate(0, 1, 0) {
		out = append(out, m)
	}
	return out
}

func (g *gen) applications() []*application {
	r := g.r
	c := g.cast
	s := c.byID
	seq := 1000
	nextID := func() string {
		seq += 1 + r.IntN(40)
		return fmt.Sprintf("INPS-RDC-2019-%07d", seq*37)
	}
	fromSuspect := func(x *suspect) person {
		return person{surname: x.surname, name: x.name, female: x.female, birth: x.birth, place: x.place, taxCode: x.canonical}
	}
	randomApp := func() *application {
		p := c.randomPerson(r, 1950, 1999)
		start := day(2019, 5+r.IntN(14), 1)
		n := 4 + r.IntN(15)
		end := start.AddDate(0, n-1, 0)
		if end.After(day(2020, 10, 1)) {
			end = day(2020, 10, 1)
		}
		return &application{applicant: p, written: p.taxCode, surname: p.surname, name: p.name, months: monthsBetween(start, end),
			monthly: decimal.New(int64(4000+r.IntN(74000)), -2)}
	}
	var apps []*application
	for range 33 {
		apps = append(apps, randomApp())
	}
	planted := func(x *suspect, written, surname, name, class, why string, from, to time.Time, monthly string) *application {
		a := &application{applicant: fromSuspect(x), written: written, surname: surname, name: name, months: monthsBetween(from, to),
			monthly: eur(monthly), suspect: x.id, class: class, why: why}
		apps = append(apps, a)
		return a
	}
	planted(s["S06"], s["S06"].canonical, "BIANCHI", "LUCA", "exact", "applicant's tax code is the suspect's", day(2019, 5, 1), day(2020, 10, 1), "500.00")
	planted(s["S03"], omocode(s["S03"].canonical, 3), "ESPOSITO", "GENNARO", "exact", "applicant's tax code is an omocodic variant of the suspect's (same canonical form)", day(2019, 8, 1), day(2020, 1, 1), "612.40").slashForm = true
	planted(s["S12"], "", "GRECO", "ANTONIO", "probable", "no tax code in the benefit row; surname, name and birth date agree", day(2019, 6, 1), day(2020, 2, 1), "380.00")
	planted(s["S04"], "", "DANGELO", "FRANCESCA", "probable", "no tax code; DANGELO = D'Angelo once apostrophes are removed; name and birth date agree", day(2019, 11, 1), day(2020, 10, 1), "455.75")
	planted(s["S08"], "", "COLONBO", "GIULIA", "possible", "no tax code; surname typo COLONBO for COLOMBO; name and birth date agree", day(2019, 5, 1), day(2019, 12, 1), "290.00")
	swap := planted(s["S13"], "", "VINCENZO", "MARINO", "probable", "period form; no tax code; surname and name written the other way round; birth date agrees", day(2020, 3, 1), day(2020, 10, 1), "420.00")
	swap.period = true

	// S14 is a daughter in her mother's household: exact match as a member.
	mother := c.randomPerson(r, 1955, 1970)
	hh := &application{applicant: mother, written: mother.taxCode, surname: mother.surname, name: mother.name,
		months: monthsBetween(day(2019, 11, 1), day(2020, 4, 1)), monthly: eur("780.00"), suspect: "S14", class: "exact",
		why: "the suspect's tax code is a household member's (inps_nuclei.xlsx), not the applicant's"}
	hh.members = []member{{p: fromSuspect(s["S14"]), relation: "FIGLIA", suspect: "S14"}}
	apps = append(apps, hh)

	// Decoys: they must not match.
	rossi := person{surname: "Rossi", name: "Mario", birth: day(1990, 2, 2), place: "H501"}
	apps = append(apps, &application{applicant: rossi, surname: "ROSSI", name: "MARIO", months: monthsBetween(day(2019, 7, 1), day(2020, 3, 1)),
		monthly: eur("510.00"), decoyOf: "S01", why: "homonym of S01 born on another day, no tax code: names alone never match"})
	romano := person{surname: "Romano", name: "Alessandro", birth: s["S07"].birth, place: "F205"}
	romano.taxCode = taxCode(romano.surname, romano.name, false, romano.birth, romano.place)
	apps = append(apps, &application{applicant: romano, written: romano.taxCode, surname: "ROMANO", name: "ALESSANDRO", months: monthsBetween(day(2019, 10, 1), day(2020, 5, 1)),
		monthly: eur("640.00"), decoyOf: "S07", why: "same name and birth date as S07 but a different valid tax code (born in Milano): never a match"})

	for i := range 2 {
		a := randomApp()
		a.period = true
		if i == 1 {
			a.written = ""
		}
		apps = append(apps, a)
	}
	r.Shuffle(len(apps), func(i, j int) { apps[i], apps[j] = apps[j], apps[i] })
	for i, a := range apps {
		a.id = nextID()
		if a.suspect == "" && a.decoyOf == "" && !a.period && i%4 == 0 {
			a.slashForm = true
		}
		if len(a.members) == 0 && (a.suspect == "" || a.decoyOf != "") && i%3 == 0 {
			a.members = append(a.members, member{p: c.randomPerson(r, 1950, 1999), relation: pick(r, []string{"CONIUGE", "FIGLIO", "FIGLIA", "CONVIVENTE"})})
		}
	}
	return apps
}

func upper(s string) string { return strings.ToUpper(s) }

// benefitsXLSX writes inps_rdc.xlsx: sheet Erogazioni has one row per
// application per month; sheet Periodi has the period form.
func (g *gen) benefitsXLSX(apps []*application) []byte {
	const monthly, periods = "Erogazioni", "Periodi"
	f := newWorkbook(monthly)
	f.NewSheet(periods)
	ds := dateStyle(f)
	setRow(f, monthly, 1, toAny([]string{"Protocollo domanda", "Codice fiscale richiedente", "Cognome", "Nome", "Data di nascita", "Mese competenza", "Importo erogato"}))
	setRow(f, periods, 1, toAny([]string{"Protocollo domanda", "Codice fiscale richiedente", "Cognome", "Nome", "Data di nascita", "Decorrenza", "Scadenza", "Importo mensile"}))
	sorted := append([]*application(nil), apps...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].id < sorted[j].id })
	row, prow := 2, 2
	for _, a := range sorted {
		if a.period {
			last := a.months[len(a.months)-1]
			setRow(f, periods, prow, []any{a.id, a.written, upper(a.surname), upper(a.name), a.applicant.birth, a.months[0], last.AddDate(0, 1, -1), a.monthly.InexactFloat64()})
			for col := 5; col <= 7; col++ {
				styleCell(f, periods, col, prow, ds)
			}
			prow++
			continue
		}
		for _, m := range a.months {
			month := m.Format("2006-01")
			if a.slashForm {
				month = m.Format("01/2006")
			}
			setRow(f, monthly, row, []any{a.id, a.written, upper(a.surname), upper(a.name), a.applicant.birth, month, a.monthly.InexactFloat64()})
			styleCell(f, monthly, 5, row, ds)
			row++
		}
	}
	for _, sh := range []string{monthly, periods} {
		f.SetColWidth(sh, "A", "B", 24)
	}
	return saveWorkbook(f)
}

// householdXLSX writes inps_nuclei.xlsx: every member of the applications
// that have a household listed, the applicant included.
func (g *gen) householdXLSX(apps []*application) []byte {
	const sh = "Nuclei"
	f := newWorkbook(sh)
	ds := dateStyle(f)
	setRow(f, sh, 1, toAny([]string{"Protocollo domanda", "Codice fiscale", "Cognome", "Nome", "Data di nascita", "Parentela"}))
	sorted := append([]*application(nil), apps...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].id < sorted[j].id })
	row := 2
	for _, a := range sorted {
		if len(a.members) == 0 {
			continue
		}
		all := append([]member{{p: a.applicant, relation: "RICHIEDENTE"}}, a.members...)
		for _, m := range all {
			code := m.p.taxCode
			if m.relation == "RICHIEDENTE" {
				code = a.written
			}
			setRow(f, sh, row, []any{a.id, code, upper(m.p.surname), upper(m.p.name), m.p.birth, m.relation})
			styleCell(f, sh, 5, row, ds)
			row++
		}
	}
	f.SetColWidth(sh, "A", "B", 24)
	return saveWorkbook(f)
}

// benefitsUpdate is inps_rdc_agg.csv, a later export of the agency that
// repeats months already in inps_rdc.xlsx with the same amounts: the last
// three months of S06's application (counted once: duplicates of the first
// rows) and the last two of an application that matches nobody (not
// compared, so accepted and never shown).
type benefitsUpdate struct {
	data                 []byte
	rows, dups, accepted int
}

const benefitsUpdateFile = "inps_rdc_agg.csv"

func (g *gen) benefitsUpdateCSV(apps []*application) benefitsUpdate {
	var b strings.Builder
	b.WriteString("Protocollo domanda;Codice fiscale richiedente;Cognome;Nome;Data di nascita;Mese competenza;Importo erogato\r\n")
	var out benefitsUpdate
	write := func(a *application, months []time.Time, dup bool) {
		for _, m := range months {
			fmt.Fprintf(&b, "%s;%s;%s;%s;%s;%s;%s\r\n", a.id, a.written, upper(a.surname), upper(a.name),
				a.applicant.birth.Format("02/01/2006"), m.Format("2006-01"), strings.Replace(a.monthly.StringFixed(2), ".", ",", 1))
			out.rows++
			if dup {
				out.dups++
			} else {
				out.accepted++
			}
		}
	}
	sorted := append([]*application(nil), apps...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].id < sorted[j].id })
	var other *application
	for _, a := range sorted {
		if a.suspect == "" && a.decoyOf == "" && !a.period && len(a.members) == 0 && len(a.months) >= 2 {
			other = a
			break
		}
	}
	for _, a := range sorted {
		if a.suspect == "S06" {
			write(a, a.months[len(a.months)-3:], true)
		}
	}
	write(other, other.months[len(other.months)-2:], false)
	out.data = []byte(b.String())
	return out
}
