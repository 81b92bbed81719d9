package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// The expectations are computed from what was planted, with the rules of
// docs/rules.md re-implemented here in a few lines, so that a bug in the
// ledger or match packages cannot hide in its own golden file.

var (
	reportDate = day(2020, 11, 6)
	targetEUR  = eur("10000000")
)

type expectation struct {
	Case                  string                 `json:"case"`
	ReportDate            string                 `json:"report_date"`
	TargetEUR             string                 `json:"target_eur"`
	SeizedEUR             string                 `json:"seized_eur"`
	TargetPercent         string                 `json:"target_percent"`
	RemainingEUR          string                 `json:"remaining_eur"`
	CryptoAtReportDateEUR string                 `json:"crypto_at_report_date_eur"`
	SeizedByType          map[string]string      `json:"seized_by_type"`
	Takedowns             map[string]takedown    `json:"takedowns"`
	Assets                []expAsset             `json:"assets"`
	Suspects              []*expSuspect          `json:"suspects"`
	Unattributed          expUnattributed        `json:"unattributed"`
	BenefitFlags          []expFlag              `json:"benefit_flags"`
	MustNotMatch          []expDecoy             `json:"must_not_match"`
	Sources               []*expSource           `json:"sources"`
	Issues                []expIssue             `json:"issues"`
	Notes                 []string               `json:"notes"`
	byID                  map[string]*expSuspect // for the README
	byMonth               map[string]map[string]decimal.Decimal
}

type takedown struct {
	Rows  int    `json:"rows"`
	Items string `json:"items"` // sum of Quantità
}

type expAsset struct {
	ID      string `json:"id"`
	Owner   string `json:"owner"` // suspect id, "" for a non-suspect
	Type    string `json:"type"`
	Status  string `json:"status"`
	EUR     string `json:"eur,omitempty"` // counted value; empty when not counted
	Counted bool   `json:"counted"`
}

type expSuspect struct {
	ID               string            `json:"id"`
	TaxCode          string            `json:"tax_code"`
	Payments         int               `json:"payments"`
	IncomeEUR        string            `json:"income_eur"`
	NoRate           int               `json:"no_rate"`
	Debits           int               `json:"debits"`
	DebitsEUR        string            `json:"debits_eur"`
	SeizedEUR        string            `json:"seized_eur"`
	ShortfallEUR     string            `json:"shortfall_eur"`
	NetworkIncomeEUR string            `json:"network_income_eur"`
	FirstPayment     string            `json:"first_payment,omitempty"`
	LastPayment      string            `json:"last_payment,omitempty"`
	ByCurrency       map[string]string `json:"by_currency"`
	income, seized   decimal.Decimal
	debits           decimal.Decimal
	byCur            map[string]decimal.Decimal
	first, last      time.Time
}

type expUnattributed struct {
	Payments int    `json:"payments"`
	EUR      string `json:"eur"`
}

type expFlag struct {
	Suspect                string `json:"suspect"`
	Application            string `json:"application"`
	Class                  string `json:"class"`
	MonthsPaid             int    `json:"months_paid"`
	BenefitEUR             string `json:"benefit_eur"`
	OverlapMonths          int    `json:"overlap_months"`
	RecoveryEUR            string `json:"recovery_eur"`
	IncomeDuringBenefitEUR string `json:"income_during_benefit_eur"`
	Why                    string `json:"why"`
}

type expDecoy struct {
	Suspect     string `json:"suspect"`
	Application string `json:"application"`
	Why         string `json:"why"`
}

type expSource struct {
	Path       string `json:"path"`
	Sheet      string `json:"sheet,omitempty"`
	Rows       int    `json:"rows"`
	Accepted   int    `json:"accepted"`
	Rejected   int    `json:"rejected"`
	Duplicates int    `json:"duplicates"`
}

type expIssue struct {
	Path    string `json:"path"`
	Sheet   string `json:"sheet,omitempty"`
	Row     int    `json:"row"`
	Column  string `json:"column,omitempty"`
	Value   string `json:"value,omitempty"`
	Problem string `json:"problem"`
}

func money(d decimal.Decimal) string { return d.StringFixed(2) }

func monthKey(t time.Time) string { return t.Format("2006-01") }

func (g *gen) expected(sources []*source, assets []*asset, apps []*application) *expectation {
	e := &expectation{Case: "The Perfect Storm (sample)", ReportDate: "2020-11-06", TargetEUR: money(targetEUR),
		byID: map[string]*expSuspect{}, byMonth: map[string]map[string]decimal.Decimal{},
		SeizedByType: map[string]string{}, Takedowns: map[string]takedown{}}
	for _, s := range g.cast.suspects {
		x := &expSuspect{ID: s.id, TaxCode: s.taxCode, byCur: map[string]decimal.Decimal{}}
		e.Suspects = append(e.Suspects, x)
		e.byID[s.id] = x
		e.byMonth[s.id] = map[string]decimal.Decimal{}
	}
	g.expectPayments(e, sources)
	g.expectAssets(e, assets)
	g.expectNetwork(e)
	g.expectFlags(e, apps)
	for _, x := range e.Suspects {
		x.IncomeEUR, x.SeizedEUR, x.DebitsEUR = money(x.income), money(x.seized), money(x.debits)
		x.ShortfallEUR = money(decimal.Max(decimal.Zero, x.income.Sub(x.seized)))
		x.ByCurrency = map[string]string{}
		for c, v := range x.byCur {
			x.ByCurrency[c] = v.String()
		}
		if !x.first.IsZero() {
			x.FirstPayment, x.LastPayment = x.first.Format("2006-01-02"), x.last.Format("2006-01-02")
		}
	}
	g.expectIssues(e, sources)
	e.Notes = []string{
		"Money is a decimal string; each payment is converted and rounded to the cent once (half away from zero), totals are sums of rounded values.",
		"payments counts accepted, attributed, non-duplicate credit rows, including the refund and the row without a rate; bank debits are counted apart (debits, debits_eur).",
		"seized_eur counts monetary assets that are not released, at the seizure-date rate, times the ownership share; R012 belongs to a non-suspect and counts in the total only.",
		"A benefit flag's overlap months are the months paid between the month of the suspect's first and last attributed payment (Europe/Rome days); recovery_eur is the benefit of those months; income_during_benefit_eur is the suspect's EUR income in those months.",
		"Network income is the suspect's own income plus everyone below through Referente links; S12 and S13 form a cycle and each counts the other once.",
	}
	return e
}

func (g *gen) expectPayments(e *expectation, sources []*source) {
	unattributed := decimal.Zero
	for _, src := range sources {
		path, sheet, _ := strings.Cut(src.name, "#")
		es := &expSource{Path: path, Sheet: sheet}
		e.Sources = append(e.Sources, es)
		for _, p := range src.rows {
			es.Rows++
			switch {
			case p.bad != "":
				es.Rejected++
				continue
			case p.dup:
				es.Duplicates++
				continue
			}
			es.Accepted++
			v, ok := g.rates.toEUR(p.amount, p.cur, p.date)
			if p.debit {
				x := e.byID[p.attrib]
				x.Debits++
				x.debits = x.debits.Add(v)
				continue
			}
			if p.attrib == "" {
				e.Unattributed.Payments++
				if ok {
					unattributed = unattributed.Add(v)
				}
				continue
			}
			x := e.byID[p.attrib]
			x.Payments++
			if ok {
				x.income = x.income.Add(v)
				e.byMonth[p.attrib][monthKey(p.date)] = e.byMonth[p.attrib][monthKey(p.date)].Add(v)
			} else {
				x.NoRate++
			}
			x.byCur[p.cur] = x.byCur[p.cur].Add(p.amount)
			if x.first.IsZero() || p.date.Before(x.first) {
				x.first = p.date
			}
			if p.date.After(x.last) {
				x.last = p.date
			}
		}
	}
	e.Unattributed.EUR = money(unattributed)
}

func (g *gen) expectAssets(e *expectation, assets []*asset) {
	total, cryptoNow := decimal.Zero, decimal.Zero
	byType := map[string]decimal.Decimal{}
	for _, a := range assets {
		ea := expAsset{ID: a.id, Owner: a.ownerID, Type: a.kind, Status: a.status}
		switch {
		case !a.monetary():
			t := e.Takedowns[a.kind]
			t.Rows++
			t.Items = eurOr0(t.Items).Add(a.qty).String()
			e.Takedowns[a.kind] = t
		case a.released():
		default:
			v, ok := a.eurValue(g.rates, a.date)
			if !ok {
				panic("no rate for asset " + a.id)
			}
			ea.EUR, ea.Counted = money(v), true
			total = total.Add(v)
			byType[a.kind] = byType[a.kind].Add(v)
			if x := e.byID[a.ownerID]; x != nil {
				x.seized = x.seized.Add(v)
			}
			if a.kind == "crypto" {
				now, _ := a.eurValue(g.rates, reportDate)
				cryptoNow = cryptoNow.Add(now)
			}
		}
		e.Assets = append(e.Assets, ea)
	}
	for k, v := range byType {
		e.SeizedByType[k] = money(v)
	}
	e.SeizedEUR = money(total)
	e.TargetPercent = money(total.Mul(decimal.NewFromInt(100)).DivRound(targetEUR, 2))
	e.RemainingEUR = money(decimal.Max(decimal.Zero, targetEUR.Sub(total)))
	e.CryptoAtReportDateEUR = money(cryptoNow)
}

func eurOr0(s string) decimal.Decimal {
	if s == "" {
		return decimal.Zero
	}
	return eur(s)
}

// expectNetwork adds everyone below each suspect, visiting each once so
// that the S12/S13 cycle ends.
func (g *gen) expectNetwork(e *expectation) {
	below := map[string][]string{}
	for _, s := range g.cast.suspects {
		if s.upline != "" {
			below[s.upline] = append(below[s.upline], s.id)
		}
	}
	for _, x := range e.Suspects {
		seen := map[string]bool{x.ID: true}
		sum := x.income
		stack := append([]string(nil), below[x.ID]...)
		for len(stack) > 0 {
			id := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[id] {
				continue
			}
			seen[id] = true
			sum = sum.Add(e.byID[id].income)
			stack = append(stack, below[id]...)
		}
		x.NetworkIncomeEUR = money(sum)
	}
}

func (g *gen) expectFlags(e *expectation, apps []*application) {
	for _, a := range apps {
		if a.decoyOf != "" {
			e.MustNotMatch = append(e.MustNotMatch, expDecoy{Suspect: a.decoyOf, Application: a.id, Why: a.why})
		}
		if a.suspect == "" {
			continue
		}
		x := e.byID[a.suspect]
		n := decimal.NewFromInt(int64(len(a.months)))
		f := expFlag{Suspect: a.suspect, Application: a.id, Class: a.class, MonthsPaid: len(a.months), BenefitEUR: money(a.monthly.Mul(n)), Why: a.why}
		income := decimal.Zero
		if !x.first.IsZero() {
			from, to := monthKey(x.first), monthKey(x.last)
			for _, m := range a.months {
				if k := monthKey(m); k >= from && k <= to {
					f.OverlapMonths++
					income = income.Add(e.byMonth[a.suspect][k])
				}
			}
		}
		f.RecoveryEUR = money(a.monthly.Mul(decimal.NewFromInt(int64(f.OverlapMonths))))
		f.IncomeDuringBenefitEUR = money(income)
		e.BenefitFlags = append(e.BenefitFlags, f)
	}
	sort.Slice(e.BenefitFlags, func(i, j int) bool { return e.BenefitFlags[i].Suspect < e.BenefitFlags[j].Suspect })
	sort.Slice(e.MustNotMatch, func(i, j int) bool { return e.MustNotMatch[i].Suspect < e.MustNotMatch[j].Suspect })
}

// expectIssues lists the planted data issues (a run may report more, for
// example the unknown columns of each file).
func (g *gen) expectIssues(e *expectation, sources []*source) {
	for _, src := range sources {
		path, sheet, _ := strings.Cut(src.name, "#")
		for _, p := range src.rows {
			switch {
			case p.bad != "":
				col, val := "", ""
				switch {
				case p.rawDate != "":
					col, val = "Data operazione", p.rawDate
				case p.rawAmount != "":
					col, val = "Importo", p.rawAmount
				default:
					col, val = "Valuta", p.cur
				}
				e.Issues = append(e.Issues, expIssue{Path: path, Sheet: sheet, Row: p.line, Column: col, Value: val, Problem: p.bad})
			case p.dup:
				e.Issues = append(e.Issues, expIssue{Path: path, Row: p.line, Column: "Codice transazione", Value: p.ref,
					Problem: fmt.Sprintf("duplicate of paypal.xlsx#Transazioni row %d (same reference, currency and amount)", p.dupOf.line)})
			case p.conflict && p.dupOf != nil:
				e.Issues = append(e.Issues, expIssue{Path: path, Row: p.line, Column: "Codice transazione", Value: p.ref,
					Problem: fmt.Sprintf("conflict with paypal.xlsx#Transazioni row %d: same reference, amount %s vs %s; both kept", p.dupOf.line, p.amount.StringFixed(2), p.dupOf.amount.StringFixed(2))})
			case p.cur == "AED":
				e.Issues = append(e.Issues, expIssue{Path: path, Sheet: sheet, Row: p.line, Column: "Valuta", Value: "AED", Problem: "no rate: AED is not in the rate files; the row stays in AED, out of EUR totals"})
			}
		}
	}
	c := g.cast
	e.Issues = append(e.Issues,
		expIssue{Path: "identifiers.csv", Column: "value", Value: c.sharedPayPal, Problem: "shared by S11, S12: attributes nothing"},
		expIssue{Path: "suspects.xlsx", Sheet: "Indagati", Row: 12, Column: "Data di nascita", Value: c.byID["S11"].listedBirth.Format("2006-01-02"),
			Problem: "birth date disagrees with the tax code " + c.byID["S11"].taxCode + " (" + c.byID["S11"].birth.Format("2006-01-02") + ")"},
		expIssue{Path: "suspects.xlsx", Sheet: "Indagati", Column: "Referente", Value: "S12 -> S13 -> S12", Problem: "upline cycle"},
	)
}

func (e *expectation) json() ([]byte, error) {
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
