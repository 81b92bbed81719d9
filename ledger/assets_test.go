package ledger

import (
	"strings"
	"testing"
	"time"
)

func assetRates() *Rates {
	r := NewRates(7)
	r.Add(Rate{Date: day("2020-11-06"), Currency: "USD", Value: d("1.187")})
	r.Add(Rate{Date: day("2020-11-02"), Currency: "BTC", Value: d("11863.37"), PerUnit: true})
	r.Add(Rate{Date: day("2021-03-01"), Currency: "BTC", Value: d("41000"), PerUnit: true})
	return r
}

func resolveTest(owner string) (string, bool) {
	switch owner {
	case "S001", "RSSMRA80A01H501U":
		return "S001", true
	case "S002":
		return "S002", true
	}
	return "", false
}

func asset(id, owner string, typ AssetType, value, cur string) Asset {
	a := Asset{Ref: Ref{Path: "sequestri.xlsx", Sheet: "Beni", Row: 2}, ID: id, Owner: owner, Type: typ, Currency: cur,
		SeizureDate: day("2020-11-04"), Country: "IT", Status: StatusSeized}
	if value != "" {
		a.Value, a.HasValue = d(value), true
	}
	return a
}

func TestValueAssets(t *testing.T) {
	btc := asset("A2", "S001", AssetCrypto, "999", "BTC") // value informational
	btc.Quantity, btc.HasQuantity = d("2.5"), true
	usd := asset("A3", "S002", AssetBankAccount, "10000", "USD")
	usd.SeizureDate = day("2020-11-08") // Sunday: Friday's rate
	half := asset("A4", "RSSMRA80A01H501U", AssetRealEstate, "250000.01", "")
	half.Share = d("0.5")
	released := asset("A5", "S001", AssetVehicle, "30000", "EUR")
	released.Status = StatusReleased
	server := asset("A6", "S001", AssetServer, "", "")
	channel := asset("A7", "", AssetTelegramChannel, "", "")
	channel2 := asset("A8", "", AssetTelegramChannel, "", "")
	unknown := asset("A9", "ZZZ", AssetCash, "1500", "EUR")
	unknown.Country = "DE"
	noRate := asset("A10", "S002", AssetBankAccount, "500", "CHF")

	assets := []Asset{asset("A1", "S001", AssetCash, "12345.67", "EUR"), btc, usd, half, released, server, channel, channel2, unknown, noRate}
	s, issues := ValueAssets(assets, assetRates(), resolveTest, day("2021-03-01"), d("100000"))

	want := map[string]struct {
		eur     string
		counted bool
		suspect string
	}{
		"A1":  {"12345.67", true, "S001"},
		"A2":  {"29658.43", true, "S001"},  // 2.5 × 11863.37 = 29658.425 -> .43 (tie, away from zero)
		"A3":  {"8424.60", true, "S002"},   // 10000 / 1.187 = 8424.599...
		"A4":  {"125000.01", true, "S001"}, // 250000.01 × 0.5 = 125000.005 -> .01: rounded once
		"A5":  {"", false, "S001"},
		"A6":  {"", false, "S001"},
		"A7":  {"", false, ""},
		"A9":  {"1500.00", true, ""},
		"A10": {"", false, "S002"},
	}
	if len(s.Assets) != len(assets) {
		t.Fatalf("%d assets listed", len(s.Assets))
	}
	for i, av := range s.Assets {
		if av.ID != assets[i].ID {
			t.Errorf("order: %s at %d", av.ID, i)
		}
		w, ok := want[av.ID]
		if !ok {
			continue
		}
		if av.Counted != w.counted || av.Suspect != w.suspect || (w.eur != "" && (!av.HasEUR || !av.EUR.Equal(d(w.eur)))) || (w.eur == "" && av.HasEUR) {
			t.Errorf("%s: EUR %s has=%v counted=%v suspect=%q, want %s %v %q", av.ID, av.EUR, av.HasEUR, av.Counted, av.Suspect, w.eur, w.counted, w.suspect)
		}
	}
	if a3 := s.Assets[2]; a3.Rate.Date.Format("2006-01-02") != "2020-11-06" || !a3.HasRate {
		t.Errorf("USD rate used %+v", a3.Rate)
	}
	if a2 := s.Assets[1]; !a2.HasReportEUR || !a2.ReportEUR.Equal(d("102500")) {
		t.Errorf("crypto at report date %s", a2.ReportEUR)
	}
	total := d("12345.67").Add(d("29658.43")).Add(d("8424.60")).Add(d("125000.01")).Add(d("1500"))
	if !s.TotalEUR.Equal(total) || !total.Equal(d("176928.71")) {
		t.Errorf("total %s, want %s", s.TotalEUR, total)
	}
	// 176928.71 / 100000 × 100 = 176.92871 -> 176.93; nothing remains.
	if !s.Percent.Equal(d("176.93")) || !s.RemainingEUR.IsZero() {
		t.Errorf("percent %s remaining %s", s.Percent, s.RemainingEUR)
	}
	if s.Released != 1 || s.Takedowns[AssetServer] != 1 || s.Takedowns[AssetTelegramChannel] != 2 {
		t.Errorf("released %d takedowns %v", s.Released, s.Takedowns)
	}
	if !s.ByType[AssetCash].Equal(d("13845.67")) || !s.ByCountry["DE"].Equal(d("1500")) || !s.ByCountry["IT"].Equal(d("175428.71")) {
		t.Errorf("by type %v by country %v", s.ByType, s.ByCountry)
	}
	if !s.CryptoAtSeize.Equal(d("29658.43")) || !s.CryptoAtReport.Equal(d("102500")) {
		t.Errorf("crypto %s %s", s.CryptoAtSeize, s.CryptoAtReport)
	}
	var owner, rate bool
	for _, is := range issues {
		owner = owner || (is.Field == "owner" && is.Value == "ZZZ" && is.Sheet == "Beni")
		rate = rate || (is.Field == "currency" && is.Value == "CHF" && strings.HasPrefix(is.Msg.String(), "no rate for CHF"))
	}
	if !owner || !rate || len(issues) != 2 {
		t.Errorf("issues %+v", issues)
	}
}

func TestSeizureTargetPercentAndRemaining(t *testing.T) {
	cases := []struct{ seized, target, percent, remaining string }{
		{"2500000", "10000000", "25", "7500000"},
		{"1.25", "1000", "0.13", "998.75"}, // 0.125% -> 0.13
		{"12000000", "10000000", "120", "0"},
		{"5", "0", "0", "0"},
	}
	for _, c := range cases {
		s, _ := ValueAssets([]Asset{asset("A", "S001", AssetCash, c.seized, "EUR")}, NewRates(7), resolveTest, day("2020-11-06"), d(c.target))
		if !s.Percent.Equal(d(c.percent)) || !s.RemainingEUR.Equal(d(c.remaining)) {
			t.Errorf("%s of %s: %s%% remaining %s", c.seized, c.target, s.Percent, s.RemainingEUR)
		}
	}
}

func TestApplySeizureShortfall(t *testing.T) {
	totals := []SuspectTotals{
		{Suspect: Suspect{ID: "S001"}, IncomeEUR: d("50000")},
		{Suspect: Suspect{ID: "S002"}, IncomeEUR: d("1000")},
		{Suspect: Suspect{ID: "S003"}, IncomeEUR: d("700")},
	}
	s, _ := ValueAssets([]Asset{
		asset("A1", "S001", AssetCash, "20000", "EUR"),
		asset("A2", "S002", AssetCash, "5000", "EUR"),
		asset("A3", "S001", AssetDomain, "", ""),
	}, NewRates(7), resolveTest, day("2020-11-06"), d("10000000"))
	ApplySeizure(totals, s)
	want := [][2]string{{"20000", "30000"}, {"5000", "0"}, {"0", "700"}}
	for i, tot := range totals {
		if !tot.SeizedEUR.Equal(d(want[i][0])) || !tot.ShortfallEUR.Equal(d(want[i][1])) {
			t.Errorf("%s: seized %s shortfall %s", tot.Suspect.ID, tot.SeizedEUR, tot.ShortfallEUR)
		}
	}
}

func TestAssetRatesAreCountedAsUsed(t *testing.T) {
	r := assetRates()
	btc := asset("A", "S001", AssetCrypto, "", "BTC")
	btc.Quantity, btc.HasQuantity = d("1"), true
	ValueAssets([]Asset{btc}, r, resolveTest, day("2021-03-01"), d("1"))
	if used := r.Used(); len(used) != 2 || used[0].Uses != 1 || used[1].Uses != 1 {
		t.Errorf("used %+v", used)
	}
}

func TestForeignAssetWithoutSeizureDateIsNotCounted(t *testing.T) {
	a := asset("A", "S001", AssetBankAccount, "100", "USD")
	a.SeizureDate = time.Time{}
	s, issues := ValueAssets([]Asset{a}, assetRates(), resolveTest, day("2021-03-01"), d("1"))
	if s.Assets[0].Counted || len(issues) != 1 || issues[0].Field != "seizure_date" || !s.TotalEUR.IsZero() {
		t.Fatalf("%+v %+v", s.Assets[0], issues)
	}
}
