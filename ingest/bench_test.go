package ingest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// BenchmarkReadProfileCSV reads 200,000 rows of the Italian PayPal
// export (the paypal_it fixture's rows repeated) with its profile: the
// rules that decide each row's direction run on every row.
func BenchmarkReadProfileCSV(b *testing.B) {
	const n = 200_000
	src, err := os.ReadFile(filepath.Join("testdata", "profiles", "paypal_it.csv"))
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.FieldsFunc(string(src), func(r rune) bool { return r == '\r' || r == '\n' })
	p := filepath.Join(b.TempDir(), "paypal.csv")
	fh, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(fh)
	fmt.Fprintln(w, lines[0])
	for i := 0; i < n; i++ {
		// A reference of its own per row (the fixture's references are
		// 17 characters, as PayPal's).
		l := lines[1+i%(len(lines)-1)]
		cells := strings.Split(l, ",")
		fmt.Fprintln(w, strings.Replace(l, ","+refOf(cells)+",", fmt.Sprintf(",R%016d,", i), 1))
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	fh.Close()
	benchRead(b, p, n)
}

// refOf returns the first 17-character upper-case code among cells.
func refOf(cells []string) string {
	for _, c := range cells {
		if len(c) == 17 && strings.ToUpper(c) == c && !strings.ContainsAny(c, " @.") {
			return c
		}
	}
	return "\x00"
}
