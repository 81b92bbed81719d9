package ingest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/xuri/excelize/v2"
)

func genPaymentsCSV(b *testing.B, n int) string {
	p := filepath.Join(b.TempDir(), "payments.csv")
	fh, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(fh)
	fmt.Fprintln(w, "date;amount;currency;payer;payer_account;payee_account;reference;description")
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, "%02d/%02d/2020;%d,%02d;EUR;Cliente %d;IT60X0542811101000000%06d;IT02A0301503200000003517230;TRN%09d;abbonamento IPTV mensile\n",
			1+i%28, 1+i%12, i%2000, i%100, i%5000, i%1000000, i)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	fh.Close()
	return p
}

func benchRead(b *testing.B, path string, rows int) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		_, err := ReadPayments(Input{Path: path}, Options{}, func(p *ledger.Payment) error { n++; return nil })
		if err != nil || n != rows {
			b.Fatalf("read %d rows: %v", n, err)
		}
	}
	per := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(rows)/per, "rows/s")
	b.ReportMetric(float64(st.Size())/per/1e6, "MB/s")
}

func BenchmarkReadPaymentsCSV(b *testing.B) {
	const n = 1_000_000
	benchRead(b, genPaymentsCSV(b, n), n)
}

func BenchmarkReadPaymentsXLSX(b *testing.B) {
	const n = 100_000
	p := filepath.Join(b.TempDir(), "payments.xlsx")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"Data", "Importo", "Valuta", "Ordinante", "IBAN ordinante", "IBAN beneficiario", "Riferimento", "Causale"})
	row := make([]any, 8)
	for i := 0; i < n; i++ {
		row[0], row[1], row[2], row[3] = 43831+i%300, float64(i%200000)/100, "EUR", fmt.Sprint("Cliente ", i%5000)
		row[4], row[5], row[6], row[7] = fmt.Sprintf("IT60X0542811101000000%06d", i), "IT02A0301503200000003517230", fmt.Sprint("TRN", i), "abbonamento IPTV"
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	benchRead(b, p, n)
}
