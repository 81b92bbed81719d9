package casefile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/ledger"
)

func TestLoadResolvesPathsRelativeToCaseFile(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "The Perfect Storm" || c.Lang != "it" || c.TargetEUR.String() != "10000000" {
		t.Errorf("params: %q %q %s", c.Name, c.Lang, c.TargetEUR)
	}
	if !c.ReportDate.Equal(time.Date(2020, 11, 6, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("report date %v", c.ReportDate)
	}
	want := []Input{
		{Path: filepath.Join("testdata", "postepay_rossi.csv"), Suspect: "S001", Name: "postepay_rossi.csv"},
		{Path: filepath.Join("testdata", "paypal.xlsx#Transazioni"), Name: "paypal.xlsx#Transazioni"},
		{Path: filepath.Join("testdata", "btc_wallets.csv"), Name: "btc_wallets.csv"},
	}
	if got := c.Inputs[ledger.KindPayments]; !reflect.DeepEqual(got, want) {
		t.Errorf("payments = %+v, want %+v", got, want)
	}
	if got := c.Inputs[ledger.KindRates]; len(got) != 2 {
		t.Errorf("rates = %+v", got)
	}
	if c.Columns[ledger.KindPayments]["amount"] != "Importo (EUR)" {
		t.Errorf("columns = %+v", c.Columns)
	}
}

func TestFlagsBuildTheSameCaseAsTheFile(t *testing.T) {
	fromFile, err := Load(filepath.Join("testdata", "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	d := "testdata"
	fromFlags, err := FromFlags(Flags{
		Name: "The Perfect Storm", ReportDate: "2020-11-06", Target: "10000000", Lang: "it",
		Inputs: map[ledger.Kind][]string{
			ledger.KindSuspects:    {filepath.Join(d, "suspects.xlsx")},
			ledger.KindIdentifiers: {filepath.Join(d, "identifiers.csv")},
			ledger.KindPayments:    {filepath.Join(d, "postepay_rossi.csv@S001"), filepath.Join(d, "paypal.xlsx#Transazioni"), filepath.Join(d, "btc_wallets.csv")},
			ledger.KindAssets:      {filepath.Join(d, "sequestri.xlsx")},
			ledger.KindBenefits:    {filepath.Join(d, "inps_rdc.xlsx")},
			ledger.KindHousehold:   {filepath.Join(d, "inps_nuclei.xlsx")},
			ledger.KindRates:       {filepath.Join(d, "eurofxref-hist.csv"), filepath.Join(d, "crypto_eur.csv")},
		},
		Columns: []string{"payments.amount=Importo (EUR)"},
	})
	if err != nil {
		t.Fatal(err)
	}
	fromFile.Path = ""
	fromFile.Reviews, fromFlags.Reviews = nil, nil
	// Names are how the case file wrote the paths: flags have none.
	for _, ins := range fromFile.Inputs {
		for i := range ins {
			ins[i].Name = ""
		}
	}
	if !reflect.DeepEqual(fromFile, fromFlags) {
		t.Errorf("flags and file differ:\nfile  %+v\nflags %+v", fromFile, fromFlags)
	}
}

func TestBadCaseFiles(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "case: x\npayment: [a.csv]\n", "did you mean `payments`?"},
		{"bad date", "report_date: 31/02/2020\npayments: [a.csv]\n", "want a day"},
		{"bad target", "target_eur: ten\npayments: [a.csv]\n", "positive amount"},
		{"bad lang", "lang: fr\npayments: [a.csv]\n", "use en or it"},
		{"no inputs", "case: x\n", "no inputs"},
		{"bad columns kind", "payments: [a.csv]\ncolumns:\n  pagamenti: {amount: x}\n", "unknown table kind"},
		{"entry without path", "payments:\n  - suspect: S1\n", "has no path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "case.yaml")
			if err := os.WriteFile(p, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestColumnFlagSyntax(t *testing.T) {
	_, err := FromFlags(Flags{Inputs: map[ledger.Kind][]string{ledger.KindPayments: {"a.csv"}}, Columns: []string{"amount=Importo"}})
	if err == nil || !strings.Contains(err.Error(), "kind.field=Header") {
		t.Errorf("err = %v", err)
	}
}

// FuzzLoad: any bytes in a case file give a Case or an error, never a
// panic; a Case that loads has a known language and a positive target.
func FuzzLoad(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "case.yaml")); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"", "case: x\n", "payments: [a.csv]\n", "payments:\n  - {path: a.csv, suspect: S1}\n",
		"payments: a.csv\n", "columns: {payments: [1, 2]}\npayments: [a]\n", "reviews: [r.xlsx]\npayments: [a]\n",
		"payments: [~]\n", "payments:\n  - [a, b]\n", "&a [*a]", "payments: [{path: {x: 1}}]\n",
		"target_eur: 1e400\npayments: [a]\n", "report_date: 2020-02-30\npayments: [a]\n", "--- \n...\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "case.yaml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p)
		if err != nil {
			return
		}
		if c.Lang != "en" && c.Lang != "it" {
			t.Fatalf("loaded case with lang %q", c.Lang)
		}
		if c.TargetEUR.Sign() <= 0 {
			t.Fatalf("loaded case with target %s", c.TargetEUR)
		}
	})
}
