// Package dossier writes one printable PDF per suspect for the
// prosecutor's file: identity and identifiers with their sources, income
// by source, channel, currency and month, a monthly timeline, the seized
// assets and shortfall, each benefit flag with its evidence and review,
// the suspect's place in the network, and the sources with their SHA-256.
//
// A dossier is built from the run's report, the one the workbook is
// written from: its figures are the workbook's, never recomputed. The one
// figure the workbook does not list per suspect, income per source file,
// is summed from the same payment rows and foots to the suspect's income.
package dossier

import (
	"cmp"
	"fmt"
	"github.com/crosscheck/crosscheck/result"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/crosscheck/crosscheck/review"
	"github.com/shopspring/decimal"
)

// SourceIncome is a suspect's income from one payments source (a file,
// or one sheet of a workbook).
type SourceIncome struct {
	Path, Sheet string
	Payments    int
	NoRate      int
	EUR         decimal.Decimal
}

// Peer is another suspect as the network section shows it.
type Peer struct {
	ID, Name  string
	IncomeEUR decimal.Decimal
	Known     bool // false for an upline naming nobody in the suspects table
}

// FlagView is a benefit flag with its review.
type FlagView struct {
	Flag   match.BenefitFlag
	Review review.FlagReview
}

// Dossier is everything one suspect's PDF shows.
type Dossier struct {
	Case       string
	ReportDate time.Time
	Version    string
	Totals     ledger.SuspectTotals
	BySource   []SourceIncome
	Assets     []ledger.AssetValue
	Flags      []FlagView
	Upline     *Peer
	Downline   []Peer // direct downline, by income as on the Suspects sheet
	// Sources are the inputs the dossier's figures come from: every
	// non-payment input and the payment sources with rows of the suspect.
	Sources []ledger.Source
}

// Set holds every suspect's dossier of one run.
type Set struct {
	order   []string
	byID    map[string]*Dossier
	flagged map[string]bool
}

// IDs lists the suspects in the Suspects sheet's order.
func (s *Set) IDs() []string { return slices.Clone(s.order) }

// Flagged lists the suspects with at least one benefit flag, in order.
func (s *Set) Flagged() []string {
	var out []string
	for _, id := range s.order {
		if s.flagged[id] {
			out = append(out, id)
		}
	}
	return out
}

// Get returns one suspect's dossier; ok is false for an unknown id.
func (s *Set) Get(id string) (*Dossier, bool) {
	d, ok := s.byID[id]
	return d, ok
}

type srcKey struct{ path, sheet string }

// Build makes every suspect's dossier from r, reading r.Entries once (for
// the income per source); nothing per payment is kept.
func Build(r *result.Report) (*Set, error) {
	set := &Set{byID: map[string]*Dossier{}, flagged: map[string]bool{}}
	names := map[string]string{}
	income := map[string]decimal.Decimal{}
	for _, t := range r.Suspects {
		names[t.Suspect.ID] = label(t.Suspect)
		income[t.Suspect.ID] = t.IncomeEUR
	}
	var nonPayment []ledger.Source
	for _, s := range r.Sources {
		if s.Kind != ledger.KindPayments {
			nonPayment = append(nonPayment, s)
		}
	}
	for _, t := range r.Suspects {
		d := &Dossier{Case: r.Params.Case, ReportDate: r.Params.ReportDate, Version: r.Params.Version, Totals: t}
		if up := t.Suspect.Upline; up != "" {
			n, known := names[up]
			d.Upline = &Peer{ID: up, Name: n, IncomeEUR: income[up], Known: known}
		}
		set.order = append(set.order, t.Suspect.ID)
		set.byID[t.Suspect.ID] = d
	}
	// Direct downline in the Suspects sheet's order (by income).
	for _, t := range r.Suspects {
		if d, ok := set.byID[t.Suspect.Upline]; ok && t.Suspect.Upline != t.Suspect.ID {
			d.Downline = append(d.Downline, Peer{ID: t.Suspect.ID, Name: names[t.Suspect.ID], IncomeEUR: t.IncomeEUR, Known: true})
		}
	}
	for _, a := range r.Seizure.Assets {
		if d, ok := set.byID[a.Suspect]; ok {
			d.Assets = append(d.Assets, a)
		}
	}
	for _, f := range r.Flags {
		if d, ok := set.byID[f.Suspect]; ok {
			d.Flags = append(d.Flags, FlagView{Flag: f, Review: r.Review.Review(f.ID)})
			set.flagged[f.Suspect] = true
		}
	}

	per := map[string]map[srcKey]*SourceIncome{}
	if r.Entries != nil {
		for e := range r.Entries {
			if !e.Income() {
				continue
			}
			m := per[e.Attrib]
			if m == nil {
				m = map[srcKey]*SourceIncome{}
				per[e.Attrib] = m
			}
			k := srcKey{e.Ref.Path, e.Ref.Sheet}
			si := m[k]
			if si == nil {
				si = &SourceIncome{Path: k.path, Sheet: k.sheet}
				m[k] = si
			}
			si.Payments++
			if e.HasEUR {
				si.EUR = si.EUR.Add(e.EUR)
			} else {
				si.NoRate++
			}
		}
	}
	// Sources in the run's order, so that a dossier lists them as the
	// Sources sheet does.
	rank := map[srcKey]int{}
	for i, s := range r.Sources {
		rank[srcKey{s.Path, s.Sheet}] = i
	}
	for id, m := range per {
		d, ok := set.byID[id]
		if !ok {
			continue
		}
		for _, si := range m {
			d.BySource = append(d.BySource, *si)
		}
		slices.SortFunc(d.BySource, func(a, b SourceIncome) int {
			return cmp.Or(cmp.Compare(rank[srcKey{a.Path, a.Sheet}], rank[srcKey{b.Path, b.Sheet}]),
				cmp.Compare(a.Path, b.Path), cmp.Compare(a.Sheet, b.Sheet))
		})
	}
	for _, d := range set.byID {
		used := map[srcKey]bool{}
		for _, si := range d.BySource {
			used[srcKey{si.Path, si.Sheet}] = true
		}
		for _, s := range r.Sources {
			if s.Kind != ledger.KindPayments || used[srcKey{s.Path, s.Sheet}] {
				d.Sources = append(d.Sources, s)
			}
		}
	}
	return set, nil
}

// IncomeBySource sums the per-source income: it equals Totals.IncomeEUR.
func (d *Dossier) IncomeBySource() decimal.Decimal {
	sum := decimal.Zero
	for _, s := range d.BySource {
		sum = sum.Add(s.EUR)
	}
	return sum
}

// Month is one month of the timeline.
type Month struct {
	Start   time.Time
	EUR     decimal.Decimal
	Benefit bool // a benefit was paid to the suspect's application this month
}

// Timeline lists every month from the first month with income, benefit
// or seizure to the last, with the suspect's income (the Suspects
// sheet's ByMonth) and the benefit months marked. Seizure days are
// Seizures.
func (d *Dossier) Timeline() []Month {
	benefit := map[time.Time]bool{}
	var lo, hi time.Time
	see := func(m time.Time) {
		if lo.IsZero() || m.Before(lo) {
			lo = m
		}
		if m.After(hi) {
			hi = m
		}
	}
	for _, f := range d.Flags {
		for _, m := range f.Flag.Months {
			m = monthOf(m)
			benefit[m] = true
			see(m)
		}
	}
	byMonth := map[time.Time]decimal.Decimal{}
	for k, v := range d.Totals.ByMonth {
		m, err := time.Parse("2006-01", k)
		if err != nil {
			continue
		}
		byMonth[m] = v
		see(m)
	}
	for _, s := range d.Seizures() {
		see(monthOf(s))
	}
	if lo.IsZero() {
		return nil
	}
	var out []Month
	for m := lo; !m.After(hi) && len(out) < 600; m = m.AddDate(0, 1, 0) {
		out = append(out, Month{Start: m, EUR: byMonth[m], Benefit: benefit[m]})
	}
	return out
}

// Seizures lists the distinct seizure days of the suspect's assets.
func (d *Dossier) Seizures() []time.Time {
	var out []time.Time
	for _, a := range d.Assets {
		if !a.SeizureDate.IsZero() && !slices.ContainsFunc(out, a.SeizureDate.Equal) {
			out = append(out, a.SeizureDate)
		}
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

func monthOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func label(s ledger.Suspect) string {
	n := s.Surname
	if s.Name != "" {
		n += " " + s.Name
	}
	if n == "" {
		return s.ID
	}
	return n
}

// FileName is the dossier's file name for a suspect id: the id with
// anything but letters, digits, '-' and '_' replaced.
func FileName(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	return fmt.Sprintf("dossier-%s.pdf", b)
}
