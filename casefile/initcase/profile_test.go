package initcase

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/casefile"
	"github.com/crosscheck/crosscheck/ledger"
)

// init recognises known exports by their profile (a Coinbase report is
// payments, not a suspects list), finds the holder from the preamble (an
// account number is the tail of the suspect's IBAN) and writes a profile
// skeleton, naming the columns it saw, for a file it cannot classify.
func TestInitUsesProfilesAndPreambles(t *testing.T) {
	dir := t.TempDir()
	copyFixture := func(name string) {
		src, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "profiles", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"intesa_movimenti.xlsx", "intesa_operazioni.xlsx", "coinbase.csv", "paypal_us.csv"} {
		copyFixture(f)
	}
	os.WriteFile(filepath.Join(dir, "indagati.csv"), []byte("Id indagato;Cognome;Nome;IBAN\nS1;Rossi;Mario;IT60X0542811101000000123456\nS2;Gallo;Anna;IT25O0306909606100000012345\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "estratto_sconosciuto.csv"), []byte("Banca Ignota\nGiorno;Movimento;Euro;Nota\n01/10/2020;ACCREDITO;10,00;x\n"), 0o600)
	res, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]Entry{}
	for _, e := range res.Entries {
		byPath[e.Path] = e
	}
	for file, want := range map[string]struct {
		kind    ledger.Kind
		suspect string
		comment string
	}{
		"intesa_movimenti.xlsx":  {ledger.KindPayments, "S1", "intesa-movimenti"},
		"intesa_operazioni.xlsx": {ledger.KindPayments, "S2", "account 1000/00012345"},
		"coinbase.csv":           {ledger.KindPayments, "S1", "holder \"Mario Rossi\""},
		"paypal_us.csv":          {ledger.KindPayments, "", "paypal-en"},
	} {
		e, ok := byPath[file]
		if !ok || e.Kind != want.kind || e.Suspect != want.suspect || !strings.Contains(e.CommentIn("en"), want.comment) {
			t.Errorf("%s: %+v; want %s, suspect %q, comment with %q", file, e, want.kind, want.suspect, want.comment)
		}
	}
	var b strings.Builder
	if err := WriteCaseFile(&b, "test", res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"Columns seen on row 2:\n#   Giorno, Movimento, Euro, Nota", "#   - name: estratto-sconosciuto", "#     profile: estratto-sconosciuto"} {
		if !strings.Contains(out, want) {
			t.Errorf("case file lacks %q:\n%s", want, out)
		}
	}
	// The case file init wrote loads as it is.
	path := filepath.Join(dir, "case.yaml")
	os.WriteFile(path, []byte(out), 0o600)
	if _, err := casefile.Load(path); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
