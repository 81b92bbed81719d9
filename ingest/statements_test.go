package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Statements laid out as banks write them, read by their headers alone
// (testdata/statements): debit and credit columns under any of their
// names, amounts with currency symbols, dates with month names, and the
// rows that sum a statement up listed as not payments. The golden file
// lists every row as read.
func TestStatementsReadByHeaders(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "statements", "*.csv"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := dumpProfileRead(t, path, Input{Path: path, Suspect: "S1"})
			profileGolden(t, path+".golden", got)
		})
	}
	if _, err := os.Stat(filepath.Join("testdata", "statements")); err != nil {
		t.Fatal(err)
	}
}

func TestTotalsLabels(t *testing.T) {
	for in, want := range map[string]bool{
		"Saldo finale": true, "SALDO FINALE AL 31/12/2020": true, "Saldo iniziale:": true, "Saldo al 31.12.2020": true,
		"Totale": true, "TOTALE MOVIMENTI": true, "Totale del periodo": true, "Closing balance": true, "Balance as of 2021-01-31": true,
		"Grand total EUR": true, "Saldo contabile al 31.03.2021 € 1.234,56": true,
		"Saldo fattura 12": false, "SALDO FATTURA DA ROSSI": false, "Totale abbonamento annuale": false, "Total Media SRL": false,
		"Balance transfer from card": false, "Saldi": false, "Totalmente": false, "": false, "12/01/2021": false,
	} {
		if got := mayBeTotals(in) && isTotalsLabel(in); got != want {
			t.Errorf("%q: totals label %v, want %v", in, got, want)
		}
	}
}

// A label makes a totals row only as the row's first text, or in a row
// without a date or without an amount.
func TestTotalsRow(t *testing.T) {
	for _, c := range []struct {
		rec  []string
		want string
	}{
		{[]string{"Saldo finale", "", "1.234,56"}, "Saldo finale"},
		{[]string{"", " Totale ", "10,00"}, "Totale"},
		{[]string{"31/12/2020", "Saldo finale", ""}, "Saldo finale"},
		{[]string{"", "Saldo finale", "10,00"}, "Saldo finale"},
		{[]string{"31/12/2020", "Saldo", "10,00"}, ""},
		{[]string{"31/12/2020", "BONIFICO DA ROSSI", "10,00"}, ""},
		{[]string{"", "", ""}, ""},
	} {
		if got := totalsRow(c.rec, 0, 2); got != c.want {
			t.Errorf("%q: %q, want %q", c.rec, got, c.want)
		}
	}
}

// FuzzTotalsRow: never a panic; a label found is one of the row's cells.
func FuzzTotalsRow(f *testing.F) {
	for _, s := range []string{"Saldo finale\x00\x001.234,56", "31/12/2020\x00Saldo\x0010,00", "\x00Totale del periodo\x00", "Saldo fattura 12\x00\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rec := strings.Split(s, "\x00")
		got := totalsRow(rec, 0, len(rec)-1)
		if got == "" {
			return
		}
		for _, c := range rec {
			if strings.TrimSpace(c) == got {
				return
			}
		}
		t.Errorf("%q: label %q is no cell", rec, got)
	})
}
