package ledger

import (
	"time"

	"github.com/crosscheck/crosscheck/msg"

	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

// ValueAssets values seized assets (docs/rules.md#seized-value).
//
// A monetary asset's EUR value is X × share converted at the seizure date
// and rounded to the cent ONCE, where X is the quantity for crypto and
// securities when given (priced at the seizure date; a value, if also
// given, is then informational) and the value otherwise. The product
// X × share is exact, and the conversion (× EUR per unit, or ÷ units per
// EUR with decimal.DivRound deciding on the exact remainder) rounds once:
// nothing is rounded before the share is applied. EUR needs no rate.
//
// Released assets are listed and not counted; takedowns (servers,
// domains, channels...) are counted by type in Takedowns and carry no
// value; crypto and securities are also valued at reportDate (ReportEUR).
// An owner that resolve does not know leaves Suspect empty with an issue,
// and the asset still counts toward the total (it was seized). A missing
// rate leaves HasEUR false, not counted, with an issue. Assets keep the
// order they were read in.
func ValueAssets(assets []Asset, rates *Rates, resolve func(owner string) (string, bool), reportDate time.Time, target decimal.Decimal) (Seizure, []Issue) {
	if rates == nil {
		rates = NewRates(7)
	}
	s := Seizure{
		Assets:         make([]AssetValue, 0, len(assets)),
		TotalEUR:       decimal.Zero,
		TargetEUR:      target,
		ByType:         map[AssetType]decimal.Decimal{},
		ByCountry:      map[string]decimal.Decimal{},
		Takedowns:      map[AssetType]int{},
		TakedownItems:  map[AssetType]decimal.Decimal{},
		CryptoAtSeize:  decimal.Zero,
		CryptoAtReport: decimal.Zero,
	}
	var issues []Issue
	for _, a := range assets {
		av, more := valueAsset(a, rates, resolve, reportDate)
		issues = append(issues, more...)
		s.add(av)
		s.Assets = append(s.Assets, av)
	}
	s.Percent = percentOf(s.TotalEUR, target)
	s.RemainingEUR = decimal.Max(decimal.Zero, target.Sub(s.TotalEUR))
	return s, issues
}

// add counts one valued asset into the seizure's totals.
func (s *Seizure) add(av AssetValue) {
	switch {
	case av.Status == StatusReleased:
		s.Released++
	case !av.Type.Monetary():
		s.Takedowns[av.Type]++
		items := decimal.NewFromInt(1)
		if av.HasQuantity && av.Quantity.Sign() > 0 {
			items = av.Quantity
		}
		s.TakedownItems[av.Type] = s.TakedownItems[av.Type].Add(items)
	case av.Counted:
		s.TotalEUR = s.TotalEUR.Add(av.EUR)
		s.ByType[av.Type] = s.ByType[av.Type].Add(av.EUR)
		s.ByCountry[av.Country] = s.ByCountry[av.Country].Add(av.EUR)
		if av.Type == AssetCrypto {
			s.CryptoAtSeize = s.CryptoAtSeize.Add(av.EUR)
			if av.HasReportEUR {
				s.CryptoAtReport = s.CryptoAtReport.Add(av.ReportEUR)
			}
		}
	}
}

// percentOf returns total / target × 100, two decimals, half away from
// zero; zero when there is no target.
func percentOf(total, target decimal.Decimal) decimal.Decimal {
	if target.Sign() <= 0 {
		return decimal.Zero
	}
	return total.Mul(hundred).DivRound(target, 2)
}

// valueAsset values one asset and returns the issues it raised.
func valueAsset(a Asset, rates *Rates, resolve func(string) (string, bool), reportDate time.Time) (AssetValue, []Issue) {
	av := AssetValue{Asset: a}
	var issues []Issue
	issue := func(level Level, field, value string, m msg.Message) {
		av.Problems = append(av.Problems, m)
		issues = append(issues, Issue{Path: a.Ref.Path, Sheet: a.Ref.Sheet, Row: a.Ref.Row, Field: field, Value: value, Msg: m, Level: level})
	}
	problem := func(field, value string, m msg.Message) { issue(LevelRejected, field, value, m) }

	if a.Owner != "" {
		id, ok := "", false
		if resolve != nil {
			id, ok = resolve(a.Owner)
		}
		if ok {
			av.Suspect = id
		} else {
			issue(LevelWarning, "owner", a.Owner, msg.New(msg.AssetOwnerUnknown, msg.Text(a.Owner)))
		}
	}
	if a.Status == StatusReleased || !a.Type.Monetary() {
		return av, issues
	}

	share := a.Share
	if share.IsZero() {
		share = decimal.NewFromInt(1) // absent
	}
	if share.Sign() < 0 || share.GreaterThan(decimal.NewFromInt(1)) {
		problem("share", share.String(), msg.New(msg.AssetShareOutside, msg.Num(share)))
		return av, issues
	}
	x, ok := assetUnits(a)
	if !ok {
		problem("value", "", msg.New(msg.AssetNoValue))
		return av, issues
	}
	x = x.Mul(share)

	if exp := x.Exponent(); exp > maxExponent || exp < -maxExponent {
		problem("value", x.String(), msg.New(msg.AssetValueRange))
		return av, issues
	}
	eur, rate, ok := valueAt(rates, x, a.Currency, a.SeizureDate)
	switch {
	case !ok && a.SeizureDate.IsZero():
		problem("seizure_date", "", msg.New(msg.AssetNoSeizureDate, msg.Text(normCurrency(a.Currency))))
		return av, issues
	case !ok:
		problem("currency", a.Currency, msg.New(msg.NotCounted, msg.Nested(rates.noRateProblem(a.Currency, a.SeizureDate))))
		return av, issues
	}
	av.EUR, av.HasEUR, av.Counted = eur, true, true
	av.Rate, av.HasRate = rate, rate.Currency != ""

	if a.Type == AssetCrypto || a.Type == AssetSecurities {
		if eur, _, ok := valueAt(rates, x, a.Currency, reportDate); ok {
			av.ReportEUR, av.HasReportEUR = eur, true
		} else {
			problem("currency", a.Currency, msg.New(msg.AtReportDate, msg.Nested(rates.noRateProblem(a.Currency, reportDate))))
		}
	}
	return av, issues
}

// assetUnits returns what is converted: the quantity for crypto and
// securities when given, else the value.
func assetUnits(a Asset) (decimal.Decimal, bool) {
	if (a.Type == AssetCrypto || a.Type == AssetSecurities) && a.HasQuantity {
		return a.Quantity, true
	}
	if a.HasValue {
		return a.Value, true
	}
	if a.HasQuantity {
		return a.Quantity, true
	}
	return decimal.Decimal{}, false
}

// valueAt converts x (already times the share) at day, rounding once,
// and counts the rate's use. The zero Rate means EUR.
func valueAt(rates *Rates, x decimal.Decimal, currency string, day time.Time) (decimal.Decimal, Rate, bool) {
	if normCurrency(currency) == "EUR" {
		return x.Round(2), Rate{}, true
	}
	if day.IsZero() {
		return decimal.Decimal{}, Rate{}, false
	}
	rt, ok := rates.Lookup(currency, day)
	if !ok {
		return decimal.Decimal{}, Rate{}, false
	}
	rates.countUse(currency, day)
	return applyRate(x, rt), rt, true
}

// ApplySeizure sets each suspect's SeizedEUR (the counted assets they
// own) and ShortfallEUR = max(0, IncomeEUR − SeizedEUR), the amount left
// for value-equivalent confiscation.
func ApplySeizure(totals []SuspectTotals, s Seizure) {
	seized := map[string]decimal.Decimal{}
	for _, av := range s.Assets {
		if av.Counted && av.Suspect != "" {
			seized[av.Suspect] = seized[av.Suspect].Add(av.EUR)
		}
	}
	for i := range totals {
		t := &totals[i]
		t.SeizedEUR = seized[t.Suspect.ID]
		t.ShortfallEUR = decimal.Max(decimal.Zero, t.IncomeEUR.Sub(t.SeizedEUR))
	}
}
