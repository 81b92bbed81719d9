package casework

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

func zipped(t *testing.T, member, text string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create(member)
	w.Write([]byte(text))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestPublishedRateFilesInACase: the ECB file zipped as published and a
// CoinMarketCap price history in USD price the suspects' BTC and USD
// income; a wallet export in satoshi without a currency column is not
// read as euros and makes the run's rejected count (run --strict).
func TestPublishedRateFilesInACase(t *testing.T) {
	const cmc = "Bitcoin_10_12_2020-10_13_2020_historical_data_coinmarketcap.csv"
	c := writeCase(t, map[string]string{
		"case.yaml": `case: rates
report_date: 2020-11-01
suspects: [indagati.csv]
payments:
  - path: btc.csv
    suspect: S01
  - path: usd.csv
    suspect: S02
  - path: sats.csv
    suspect: S01
rates: [eurofxref-hist.zip, ` + cmc + `]
columns:   # sats.csv's amount header, named as a user would
  payments: { amount: "value" }
`,
		"indagati.csv": "Id indagato;Cognome;Nome\nS01;Rossi;Mario\nS02;Bianchi;Luca\n",
		"btc.csv":      "Data,Importo,Valuta,Riferimento\n10/13/2020,0.5,BTC,tx1\n10/14/2020,0.00012345,BTC,tx2\n",
		"usd.csv":      "Data;Importo;Valuta\n13/10/2020;100,00;USD\n",
		"sats.csv":     "time\ttransaction_hash\tvalue\n2020-10-13 10:00:00\t" + strings.Repeat("cd", 32) + "\t1500000\n",
		cmc: "timeOpen;timeClose;timeHigh;timeLow;name;open;high;low;close;volume;marketCap;timestamp\n" +
			`"2020-10-13T00:00:00.000Z";"2020-10-13T23:59:59.999Z";"2020-10-13T07:41:00.000Z";"2020-10-13T20:02:00.000Z";"2781";11547.56;11557.19;11347.76;11425.9;24241420250.84;211695163476.52;"2020-10-13T23:59:59.999Z"` + "\n",
		"eurofxref-hist.zip": zipped(t, "eurofxref-hist.csv", "Date,USD,JPY,\n2020-10-14,1.1744,123.82,\n2020-10-13,1.1765,123.95,\n"),
	})
	res := runSample(t, c)
	got := map[string]string{}
	for _, s := range res.Report.Suspects {
		got[s.Suspect.ID] = money(s.IncomeEUR)
	}
	// S01: 0.5 × 11425.9 / 1.1765 = 4855.89; 0.00012345 BTC on the 14th
	// with the 13th's price (the look-back) and the 13th's USD rate: 1.20.
	// S02: 100 / 1.1765 = 85.00.
	if got["S01"] != "4857.09" || got["S02"] != "85.00" {
		t.Errorf("income %v", got)
	}
	if res.Rejected == 0 {
		t.Error("the satoshi export was read without a rejection")
	}
	var reason string
	for is := range res.Report.Issues {
		if strings.HasSuffix(is.Path, "sats.csv") && is.Row == 2 {
			reason = is.Msg.String()
		}
	}
	if !strings.Contains(reason, "not read as EUR") {
		t.Errorf("sats.csv row 2: %q", reason)
	}
}
