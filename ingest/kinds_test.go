package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

func writeTemp(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAssetsTypesSharesStatus(t *testing.T) {
	p := writeTemp(t, "sequestri.csv", `N. reperto;Intestatario;Tipo bene;Descrizione;Valore stimato;Quantità;Valuta;Data sequestro;Quota di possesso;Stato
R1;S001;Conto corrente;c/c Banca X;12.345,67;;EUR;06/11/2020;50%;sequestrato
R2;S001;Criptovalute;wallet;;1,5;BTC;06/11/2020;;
R3;S002;Immobile;villa;250.000;;;06/11/2020;1/2;confiscato
R4;S002;Orologi;Rolex;€ 8.000,00;;;06/11/2020;0,25;dissequestrato
R5;S003;Canale Telegram;@piratetv;;;;06/11/2020;;
R6;S003;Astronave;x;1;;;06/11/2020;;
R7;S003;Veicolo;auto;1;;;06/11/2020;150%;
R8;S003;Contanti;cash;100;;XYZQ;06/11/2020;;
R9;S003;Contanti;cash;100;;;06/11/2020;;perso
`)
	c := readAll(ReadAssets, Input{Path: p}, nil)
	if c.err != nil {
		t.Fatal(c.err)
	}
	checkAccounting(t, c.sources)
	if s := c.sources[0]; s.Rows != 9 || s.Accepted != 5 {
		t.Fatalf("source %+v issues %+v", s, c.issues)
	}
	a := c.rows
	if a[0].Type != ledger.AssetBankAccount || !a[0].Value.Equal(dec("12345.67")) || !a[0].Share.Equal(dec("0.5")) || a[0].Status != ledger.StatusSeized || a[0].ID != "R1" || a[0].Owner != "S001" {
		t.Errorf("R1 = %+v", a[0])
	}
	if a[1].Type != ledger.AssetCrypto || !a[1].HasQuantity || !a[1].Quantity.Equal(dec("1.5")) || a[1].HasValue || a[1].Currency != "BTC" || !a[1].Share.Equal(dec("1")) {
		t.Errorf("R2 = %+v", a[1])
	}
	if a[2].Type != ledger.AssetRealEstate || !a[2].Value.Equal(dec("250000")) || a[2].Status != ledger.StatusConfiscated || !a[2].Share.Equal(dec("0.5")) {
		t.Errorf("R3 = %+v", a[2])
	}
	if a[3].Type != ledger.AssetValuables || a[3].Currency != "EUR" || !a[3].Value.Equal(dec("8000")) || a[3].Status != ledger.StatusReleased || !a[3].Share.Equal(dec("0.25")) {
		t.Errorf("R4 = %+v", a[3])
	}
	if a[4].Type != ledger.AssetTelegramChannel || a[4].SeizureDate.Format("2006-01-02") != "2020-11-06" {
		t.Errorf("R5 = %+v", a[4])
	}
	for row, want := range map[int]string{7: "unknown asset type", 8: "between 0 and 100", 9: "unknown currency", 10: "unknown status"} {
		if is := issueAt(c.issues, row); is == nil || !strings.Contains(is.Msg.String(), want) {
			t.Errorf("row %d issue = %+v, want %q", row, is, want)
		}
	}
}

func TestBenefitsMonthAndPeriodForms(t *testing.T) {
	p := writeTemp(t, "rdc.csv", `Numero domanda;Codice fiscale richiedente;Cognome;Nome;Data di nascita;Mese competenza;Importo erogato
D1;rssmra80a01h501u;ROSSI;MARIO;01/01/1980;2020-05;500,00
D1;RSSMRA80A01H501U;ROSSI;MARIO;01/01/1980;06/2020;480,50
D1;RSSMRA80A01H501U;ROSSI;MARIO;01/01/1980;luglio 2020;480,50
D1;RSSMRA80A01H501U;ROSSI;MARIO;01/01/1980;17/08/2020;480,50
D2;;;;;09/2020;100
D3;RSSMRA80A01H501U;;;;13/2020;100
`)
	c := readAll(ReadBenefits, Input{Path: p}, nil)
	if c.err != nil {
		t.Fatal(c.err)
	}
	checkAccounting(t, c.sources)
	if len(c.rows) != 4 || c.sources[0].Rejected != 2 {
		t.Fatalf("rows %d, issues %+v", len(c.rows), c.issues)
	}
	for i, want := range []string{"2020-05-01", "2020-06-01", "2020-07-01", "2020-08-01"} {
		b := c.rows[i]
		if b.From.Format("2006-01-02") != want || !b.From.Equal(b.To) || b.TaxCode != "RSSMRA80A01H501U" || b.Application != "D1" {
			t.Errorf("row %d = %+v, want %s", i, b, want)
		}
	}
	if !c.rows[1].MonthlyAmount.Equal(dec("480.5")) {
		t.Errorf("amount = %s", c.rows[1].MonthlyAmount)
	}

	p = writeTemp(t, "rdc_periodi.csv", "Protocollo,CF,Decorrenza,Scadenza,Importo mensile\nP1,BNCLCU85M10F205Z,2020-04-15,2021-03-31,\"1.234,50\"\nP2,BNCLCU85M10F205Z,2021-03,2020-01,10\n")
	c = readAll(ReadBenefits, Input{Path: p}, nil)
	if c.err != nil {
		t.Fatal(c.err)
	}
	if len(c.rows) != 1 || c.rows[0].From.Format("2006-01") != "2020-04" || c.rows[0].To.Format("2006-01-02") != "2021-03-01" || !c.rows[0].MonthlyAmount.Equal(dec("1234.5")) {
		t.Errorf("period rows = %+v issues %+v", c.rows, c.issues)
	}
}

func TestHouseholdAndIdentifiers(t *testing.T) {
	p := writeTemp(t, "nuclei.csv", "Nucleo\tCF componente\tCognome\tNome\tParentela\nD1\tRSSMRA80A01H501U\tROSSI\tMARIO\tRichiedente\nD1\t\tROSSI\tANNA\tFiglia\n\tXX\tA\tB\tC\n")
	h := readAll(ReadHousehold, Input{Path: p}, nil)
	if h.err != nil || len(h.rows) != 2 || h.rows[1].Name != "ANNA" || h.rows[1].Relation != "Figlia" || h.sources[0].Rejected != 1 {
		t.Errorf("household = %+v %v %+v", h.rows, h.err, h.issues)
	}

	p = writeTemp(t, "ident.csv", "indagato|tipo|valore\nS001|IBAN|IT60X0542811101000000123456\nS001|Telefono|+39 333 0000001; +39 333 0000002\nS002|fax|123\n")
	id := readAll(ReadIdentifiers, Input{Path: p}, nil)
	if id.err != nil || len(id.rows) != 3 || id.rows[2].Kind != ledger.IdentPhone || id.rows[2].Value != "+39 333 0000002" || id.sources[0].Rejected != 1 {
		t.Errorf("identifiers = %+v %v %+v", id.rows, id.err, id.issues)
	}
}

func TestLongRates(t *testing.T) {
	p := writeTemp(t, "crypto_eur.csv", "date,asset,close\n2020-11-06,BTC,\"13,012.34\"\n2020-11-06,ETH,380.1\n2020-11-06,ETH,0\n2020-11-06,ZZZZ,1\n")
	c := readAll(ReadRates, Input{Path: p}, nil)
	if c.err != nil || len(c.rows) != 2 || !c.rows[0].PerUnit || !c.rows[0].Value.Equal(dec("13012.34")) || c.sources[0].Rejected != 2 {
		t.Errorf("rates = %+v %v %+v", c.rows, c.err, c.issues)
	}
	p = writeTemp(t, "fx.csv", "Data;Valuta;Units per EUR\n06/11/2020;USD;1,1870\n")
	c = readAll(ReadRates, Input{Path: p}, nil)
	if c.err != nil || len(c.rows) != 1 || c.rows[0].PerUnit || !c.rows[0].Value.Equal(dec("1.187")) {
		t.Errorf("units per eur = %+v %v %+v", c.rows, c.err, c.issues)
	}
}

func TestColumnOverridesWin(t *testing.T) {
	p := writeTemp(t, "p.csv", "Quando;Importo (EUR);Importo lordo\n06/11/2020;10,00;12,00\n")
	c := readAll(func(in Input, o Options, emit func(ledger.Payment) error) ([]ledger.Source, error) {
		return ReadPayments(in, o, func(p *ledger.Payment) error { return emit(*p) })
	}, Input{Path: p}, map[string]string{"date": "Quando", "amount": "Importo lordo"})
	if c.err != nil || len(c.rows) != 1 || !c.rows[0].Amount.Equal(dec("12")) {
		t.Errorf("override: %+v %v", c.rows, c.err)
	}
}

func TestAmbiguousHeaders(t *testing.T) {
	// "Data valuta" is a value date, not a currency; "Valuta" is the currency.
	p := writeTemp(t, "p.csv", "Data valuta;Data operazione;Importo;Valuta;Dare/Avere;Hash transazione / TxID\n02/01/2020;01/01/2020;5,00;USD;D;abc\n")
	c := readPayments(Input{Path: p})
	if c.err != nil || len(c.rows) != 1 {
		t.Fatalf("%v %+v", c.err, c.issues)
	}
	r := c.rows[0]
	if r.Date.Format("2006-01-02") != "2020-01-01" || r.Currency != "USD" || !r.Debit() || r.Reference != "abc" {
		t.Errorf("row = %+v", r)
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		path  string
		kind  ledger.Kind
		row   int
		title string
	}{
		{"testdata/bank_statement_it.csv", ledger.KindPayments, 5, "Intestatario: ROSSI MARIO; IBAN: IT60X0542811101000000123456"},
		{"testdata/suspects_win1252.csv", ledger.KindSuspects, 1, ""},
		{"testdata/ecb_eurofxref_hist_sample.csv", ledger.KindRates, 1, ""},
		{"testdata/crypto_payments.csv", ledger.KindPayments, 1, ""},
	}
	for _, c := range cases {
		got, err := Classify(c.path)
		if err != nil || len(got) != 1 {
			t.Fatalf("%s: %v %+v", c.path, err, got)
		}
		g := got[0]
		if g.Kind != c.kind || g.HeaderRow != c.row || (c.title != "" && (len(g.TitleLines) < 2 || g.TitleLines[1] != c.title)) {
			t.Errorf("%s: %+v", c.path, g)
		}
	}
	got, err := Classify("testdata/paypal.xlsx")
	if err != nil || len(got) != 2 || got[0].Kind != ledger.KindPayments || got[0].HeaderRow != 3 || got[1].Kind != "" || got[1].Reason == "" {
		t.Errorf("paypal: %v %+v", err, got)
	}
	if !strings.Contains(got[0].TitleLines[0], "Titolare: MARIO ROSSI") {
		t.Errorf("title lines %q", got[0].TitleLines)
	}
}

func TestFieldsListsSynonyms(t *testing.T) {
	for _, k := range ledger.Kinds {
		if len(Fields(k)) == 0 {
			t.Errorf("no fields for %s", k)
		}
	}
	for _, f := range Fields(ledger.KindPayments) {
		if f.Name == "date" && (!f.Required || len(f.Synonyms) == 0) {
			t.Errorf("date field = %+v", f)
		}
	}
}
