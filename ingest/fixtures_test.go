package ingest

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var genFixtures = flag.Bool("gen", false, "regenerate the xlsx fixtures in testdata (LibreOffice copy too, when soffice is installed)")

// TestGenerateFixtures writes testdata/paypal.xlsx with real date and
// number cells, and a LibreOffice re-saved copy. Run with -gen.
func TestGenerateFixtures(t *testing.T) {
	if !*genFixtures {
		t.Skip("run with -gen to regenerate")
	}
	if err := writePayPalFixture("testdata/paypal.xlsx"); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Log("soffice not installed: LibreOffice copy not regenerated")
		return
	}
	dir := t.TempDir()
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+dir+"/profile", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, "testdata/paypal.xlsx")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "paypal.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("testdata/paypal_libreoffice.xlsx", b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writePayPalFixture(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Transazioni"
	f.SetSheetName("Sheet1", sh)
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{"Rendiconto attività - Titolare: MARIO ROSSI (mario.rossi@example.test)"},
		{},
		{"Data", "Nome", "Tipo", "Stato", "Valuta", "Lordo", "Tariffa", "Netto", "Indirizzo email mittente", "Indirizzo email destinatario", "Codice transazione", "Oggetto"},
		{time.Date(2020, 10, 1, 0, 0, 0, 0, time.UTC), "Luca Bianchi", "Pagamento", "Completato", "EUR", 12.5, -0.69, 11.81, "luca@example.test", "mario.rossi@example.test", "1AB23456CD789012E", "abbonamento"},
		{time.Date(2020, 10, 2, 15, 30, 0, 0, time.UTC), "Anna Verdi", "Pagamento", "Completato", "EUR", 1234.56, -42.33, 1192.23, "anna@example.test", "mario.rossi@example.test", "2AB23456CD789012E", "annuale"},
		{time.Date(2020, 10, 3, 0, 0, 0, 0, time.UTC), "Paul Smith", "Pagamento", "Completato", "USD", 15, -0.8, 14.2, "paul@example.test", "mario.rossi@example.test", "3AB23456CD789012E", "monthly"},
		{time.Date(2020, 10, 4, 0, 0, 0, 0, time.UTC), "Luca Bianchi", "Rimborso", "Completato", "EUR", -12.5, 0, -12.5, "mario.rossi@example.test", "luca@example.test", "4AB23456CD789012E", "rimborso"},
		{"05/10/2020", "Testo Data", "Pagamento", "Completato", "EUR", "7,50", 0, "7,50", "t@example.test", "mario.rossi@example.test", "5AB23456CD789012E", "data come testo"},
		{time.Date(2020, 10, 6, 0, 0, 0, 0, time.UTC), "Senza Importo", "Pagamento", "Completato", "EUR", "", 0, "", "x@example.test", "mario.rossi@example.test", "6AB23456CD789012E", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			return err
		}
		if len(r) > 0 {
			if _, ok := r[0].(time.Time); ok {
				f.SetCellStyle(sh, cell, cell, dateStyle)
			}
		}
	}
	f.NewSheet("Note")
	f.SetCellValue("Note", "A1", "Esportato il 07/10/2020")
	f.SetCellValue("Note", "A2", "Nessuna tabella in questo foglio")
	return f.SaveAs(path)
}
