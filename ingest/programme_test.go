package ingest

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
)

// A programme column names each row's programme; an unknown name rejects
// the row; rows without one take the file's programme from the case file.
func TestBenefitsProgramme(t *testing.T) {
	p := writeTemp(t, "prestazioni.csv", `Numero domanda;Codice fiscale richiedente;Mese competenza;Importo erogato;Prestazione
D1;RSSMRA80A01H501U;2024-02;500,00;Assegno di inclusione
D2;RSSMRA80A01H501U;2023-10;350,00;SFL
D3;RSSMRA80A01H501U;2020-10;500,00;
D4;RSSMRA80A01H501U;2020-11;500,00;bonus cultura
`)
	c := readAll(ReadBenefits, Input{Path: p, Programme: ledger.ProgrammePdC}, nil)
	if c.err != nil {
		t.Fatal(c.err)
	}
	checkAccounting(t, c.sources)
	var got []string
	for _, b := range c.rows {
		got = append(got, b.Application+":"+string(b.Programme))
	}
	if strings.Join(got, " ") != "D1:adi D2:sfl D3:pdc" {
		t.Errorf("programmes %q", got)
	}
	if len(c.issues) != 1 || c.issues[0].Column != "Prestazione" || !strings.Contains(c.issues[0].Msg.String(), "unknown benefit programme") {
		t.Errorf("issues %+v", c.issues)
	}
}
