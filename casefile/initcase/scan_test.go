package initcase

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/match"
	"github.com/xuri/excelize/v2"
)

func TestStatementHolderFromTitleRows(t *testing.T) {
	suspects := []ledger.Suspect{
		{ID: "S1", Surname: "Rossi", Name: "Mario", Identifiers: []ledger.Identifier{
			{Suspect: "S1", Kind: ledger.IdentIBAN, Value: "IT60 X054 2811 1010 0000 0123 456"},
			{Suspect: "S1", Kind: ledger.IdentCard, Value: "5333 1711 2222 1234"},
		}},
		{ID: "S2", Surname: "Bianchi", Name: "Luca"},
	}
	attr, _ := match.NewAttributor(suspects, nil)
	cards := []card{{suspect: "S1", digits: "5333171122221234"}}
	tests := []struct {
		name   string
		titles []string
		want   string
		why    string
	}{
		{"iban", []string{"Estratto conto", "Intestatario: ROSSI MARIO; IBAN: IT60X0542811101000000123456"}, "S1", "IBAN"},
		{"name surname first", []string{"Intestatario: BIANCHI LUCA"}, "S2", "holder"},
		{"name given first", []string{"Titolare: Luca Bianchi"}, "S2", "holder"},
		{"masked card", []string{"Carta n. 5333 **** **** 1234 - Titolare: NOME IGNOTO"}, "S1", "card"},
		{"unknown holder asks", []string{"Intestatario: VERDI GIUSEPPE"}, "", "whose account is this?"},
		{"no holder asks", []string{"Estratto conto"}, "", "whose account is this?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := holder(tt.titles, attr, cards)
			if got != tt.want || !strings.Contains(why.In("en"), tt.why) {
				t.Errorf("holder = %q (%s), want %q (%s)", got, why, tt.want, tt.why)
			}
		})
	}
}

// TestInitKeepsHardFileNames: files whose names hold quotes, colons, '#',
// leading spaces, backslashes and accents are listed in the case file
// init writes and load back as the same names; a name that is not UTF-8
// cannot be written in a case file and is listed as not classified.
func TestInitKeepsHardFileNames(t *testing.T) {
	dir := t.TempDir()
	suspects := "Id indagato;Cognome;Nome;IBAN\nS1;Rossi;Mario;IT60X0542811101000000123456\n"
	payments := "data;importo;beneficiario\n01/02/2020;10,00;Rossi Mario\n"
	files := map[string]string{
		`  indagati "bis".csv`:           suspects,
		`Rossi: estratto #2.csv`:         payments,
		`pagamenti\società ünï.csv`:      payments,
		`'it''s' - {a}, [b] & *c.csv`:    payments,
		"bad\xffname.csv":                payments,
		`#commento: non un commento.csv`: payments,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteCaseFile(&b, `Tempesta: "perfetta" #1`, res); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "case.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := casefile.Load(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if c.Name != `Tempesta: "perfetta" #1` {
		t.Errorf("case name read back as %q", c.Name)
	}
	got := map[string]bool{}
	for _, ins := range c.Inputs {
		for _, in := range ins {
			got[in.Name] = true
			if _, err := os.Stat(in.Path); err != nil {
				t.Errorf("%q: %v", in.Name, err)
			}
		}
	}
	for name := range files {
		if utf8.ValidString(name) && !got[name] {
			t.Errorf("%q not listed as written; the case file lists %v\n%s", name, got, b.String())
		}
	}
	if len(got) != len(files)-1 {
		t.Errorf("listed %d files, want %d\n%s", len(got), len(files)-1, b.String())
	}
	if len(res.Unclassified) != 1 || !strings.Contains(res.Unclassified[0].Reason, "not UTF-8") || !strings.Contains(b.String(), "bad?name.csv: the file's name is not UTF-8") {
		t.Errorf("the name that is not UTF-8: %+v\n%s", res.Unclassified, b.String())
	}
}

// TestInitSheetNamesWithHash: a workbook whose sheets hold different kinds
// is listed sheet by sheet; a '#' in the file's name and in a sheet's name
// (Excel allows it in both) survives the case file, and the sheet is read.
func TestInitSheetNamesWithHash(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Indagati #1")
	f.SetSheetRow("Indagati #1", "A1", &[]any{"Id indagato", "Cognome", "Nome", "IBAN"})
	f.SetSheetRow("Indagati #1", "A2", &[]any{"S1", "Rossi", "Mario", "IT60X0542811101000000123456"})
	f.NewSheet(`Pagamenti "#2"`)
	f.SetSheetRow(`Pagamenti "#2"`, "A1", &[]any{"data", "importo", "beneficiario"})
	f.SetSheetRow(`Pagamenti "#2"`, "A2", &[]any{"01/02/2020", "10,00", "Rossi Mario"})
	if err := f.SaveAs(filepath.Join(dir, "fascicolo #1.xlsx")); err != nil {
		t.Fatal(err)
	}
	res, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteCaseFile(&b, "x", res); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "case.yaml")
	os.WriteFile(path, []byte(b.String()), 0o600)
	c, err := casefile.Load(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	want := map[ledger.Kind]string{ledger.KindSuspects: "fascicolo #1.xlsx#Indagati #1", ledger.KindPayments: `fascicolo #1.xlsx#Pagamenti "#2"`}
	for kind, name := range want {
		ins := c.Inputs[kind]
		if len(ins) != 1 || ins[0].Name != name {
			t.Fatalf("%s: %+v, want %q\n%s", kind, ins, name, b.String())
		}
	}
	n := 0
	if _, err := ingest.ReadPayments(ingest.Input{Path: c.Inputs[ledger.KindPayments][0].Path}, ingest.Options{}, func(*ledger.Payment) error {
		n++
		return nil
	}); err != nil || n != 1 {
		t.Errorf("the sheet with '#' in its name: %d rows, %v", n, err)
	}
}
