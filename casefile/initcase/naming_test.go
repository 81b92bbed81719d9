package initcase

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInitTellsTheLanguageFromTheHeaders(t *testing.T) {
	tests := []struct {
		headers [][]string
		want    string
	}{
		{[][]string{{"Data operazione", "Importo", "Valuta", "Causale"}, {"Codice fiscale", "Cognome", "Nome"}}, "it"},
		{[][]string{{"Date", "Amount", "Currency", "Payee"}, {"Tax code", "Surname", "Name"}}, "en"},
		{[][]string{{"tx_hash", "btc"}}, "en"},
	}
	for _, tt := range tests {
		r := &Result{}
		for _, h := range tt.headers {
			r.Entries = append(r.Entries, Entry{Path: "x.csv", Header: h})
		}
		if got, why := r.Language(); got != tt.want || why.IsZero() {
			t.Errorf("%q: lang %s (%s), want %s", tt.headers, got, why, tt.want)
		}
	}
}

func TestInitProposesACaseName(t *testing.T) {
	files := func(names ...string) *Result {
		r := &Result{}
		for _, n := range names {
			r.Entries = append(r.Entries, Entry{Path: n})
		}
		return r
	}
	tests := []struct {
		dir  string
		r    *Result
		want string
	}{
		{"/cases/perfect_storm", files("a.csv"), "perfect storm"},
		{"/cases/Perfect - Storm_ 2020", files("a.csv"), "Perfect Storm 2020"},
		{"/tmp/case", files("tempesta_indagati.xlsx", "tempesta_paypal.xlsx", "tempesta_sequestri.csv"), "tempesta"},
		{"./fascicolo", files("indagati.xlsx", "paypal.xlsx", "eurofxref-hist.csv"), ""},
	}
	for _, tt := range tests {
		tt.r.Dir = tt.dir
		if got := tt.r.ProposeName(); got != tt.want {
			t.Errorf("ProposeName(%s) = %q, want %q", tt.dir, got, tt.want)
		}
	}
}

// TestInitOnTheSampleWritesItalianAndAsksTheName: the sample's files are
// Italian and say nothing of the case's name in a folder called "case".
func TestInitOnTheSampleWritesItalianAndAsksTheName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "case")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	des, err := os.ReadDir(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		if ext := filepath.Ext(de.Name()); ext == ".csv" || ext == ".xlsx" {
			b, err := os.ReadFile(filepath.Join(sampleDir, de.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, de.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	res, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteCaseFile(&b, res.ProposeName(), res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\nlang: it ") || !strings.Contains(b.String(), "case: \"\"") || !strings.Contains(b.String(), "# il nome del caso: né la cartella") {
		t.Errorf("case file:\n%s", b.String())
	}
}

const sampleDir = "../../testdata/sample"
