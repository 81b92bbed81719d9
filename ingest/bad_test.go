package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/xuri/excelize/v2"
)

func writeBytes(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func zipBomb(t *testing.T, size int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<x/>"))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte("<row/>"), 1<<16)
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	zw.Close()
	return buf.Bytes()
}

func noHeaderWorkbook(t *testing.T) string {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Note di servizio")
	f.SetCellValue("Sheet1", "A2", "nessuna tabella")
	p := filepath.Join(t.TempDir(), "note.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadInputsAreUnreadable(t *testing.T) {
	old := unzipSizeLimit
	unzipSizeLimit = 4 << 20
	defer func() { unzipSizeLimit = old }()

	dir := t.TempDir()
	garbage := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(garbage)
	huge := filepath.Join(dir, "huge.csv")
	fh, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.Repeat([]byte("a;"), 1<<20)
	for i := 0; i < 50; i++ { // 100 MB, one line
		fh.Write(line)
	}
	fh.Close()

	cases := map[string]struct {
		path string
		want string
	}{
		"missing csv":      {filepath.Join(dir, "nope.csv"), "no such file"},
		"missing xlsx":     {filepath.Join(dir, "nope.xlsx"), "no such file"},
		"directory":        {dir, "directory"},
		"pdf as xlsx":      {writeBytes(t, "scan.xlsx", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")), "PDF"},
		"zip bomb":         {writeBytes(t, "bomb.xlsx", zipBomb(t, 16<<20)), "zip bomb"},
		"empty csv":        {writeBytes(t, "empty.csv", nil), "empty"},
		"empty xlsx":       {writeBytes(t, "empty.xlsx", nil), "empty"},
		"no header csv":    {writeBytes(t, "x.csv", []byte("hello;world\n1;2\n")), "no recognisable header"},
		"no header sheet":  {noHeaderWorkbook(t), "no sheet has a recognisable"},
		"binary garbage":   {writeBytes(t, "garbage.csv", garbage), "not a text spreadsheet"},
		"huge single line": {huge, "no recognisable header"},
		"zip as csv":       {writeBytes(t, "book.csv", zipBomb(t, 1000)), "not a text spreadsheet"},
		"unknown sheet":    {"testdata/paypal.xlsx#Foglio9", "Transazioni"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			src, err := ReadPayments(Input{Path: c.path}, Options{}, func(*ledger.Payment) error { return nil })
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("err = %v (sources %+v), want ErrUnreadable", err, src)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
				t.Errorf("error %q: want one line containing %q", msg, c.want)
			}
			if _, err := Classify(c.path); err == nil && name != "no header csv" && name != "no header sheet" && name != "huge single line" {
				t.Errorf("Classify accepted %s", name)
			}
		})
	}
}

func TestEmitErrorStopsReading(t *testing.T) {
	stop := errors.New("stop")
	_, err := ReadPayments(Input{Path: "testdata/crypto_payments.csv"}, Options{}, func(*ledger.Payment) error { return stop })
	if !errors.Is(err, stop) || errors.Is(err, ErrUnreadable) {
		t.Fatalf("err = %v", err)
	}
}

// genPayments writes n rows, breaking about one in five in a random way,
// and returns how many rows are broken.
func genPayments(rng *rand.Rand, n int, sep string) (string, int) {
	var b strings.Builder
	b.WriteString(strings.Join([]string{"Data", "Importo", "Valuta", "Ordinante", "Riferimento", "Causale"}, sep) + "\n")
	broken := 0
	for i := 0; i < n; i++ {
		date, amount, cur, desc := fmt.Sprintf("%02d/%02d/2020", 1+rng.Intn(28), 1+rng.Intn(12)), fmt.Sprintf("%d,%02d", rng.Intn(5000), rng.Intn(100)), "EUR", "\"abb.\nIPTV\""
		if sep == "," {
			amount = fmt.Sprintf("%d.%02d", rng.Intn(5000), rng.Intn(100))
		}
		switch rng.Intn(10) {
		case 0:
			date, broken = "32/01/2020", broken+1
		case 1:
			amount, broken = "", broken+1
		case 2:
			cur, broken = "QQQQ", broken+1
		case 3:
			b.WriteString(strings.Repeat(sep, 5) + "\n") // blank: not a row
		}
		b.WriteString(strings.Join([]string{date, amount, cur, "Mario", fmt.Sprint("T", i), desc}, sep) + "\n")
	}
	return b.String(), broken
}

func TestRowsAccountingProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 20; trial++ {
		sep := []string{";", ",", "\t", "|"}[trial%4]
		n := 1 + rng.Intn(2500)
		content, broken := genPayments(rng, n, sep)
		p := writeTemp(t, "gen.csv", content)
		c := readPayments(Input{Path: p})
		if c.err != nil {
			t.Fatal(c.err)
		}
		checkAccounting(t, c.sources)
		s := c.sources[0]
		rejectedIssues := 0
		for _, is := range c.issues {
			if is.Row > 0 {
				rejectedIssues++
			}
		}
		if s.Rows != n || s.Rejected != broken || len(c.rows) != n-broken || rejectedIssues != broken {
			t.Fatalf("trial %d sep %q: rows %d/%d rejected %d/%d emitted %d issues %d", trial, sep, s.Rows, n, s.Rejected, broken, len(c.rows), rejectedIssues)
		}
	}
}

func TestRowsAccountingPropertyXLSX(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"Data", "Importo", "Valuta"})
	n, broken := 500, 0
	for i := 0; i < n; i++ {
		row := []any{43831 + rng.Intn(300), float64(rng.Intn(100000)) / 100, "EUR"}
		switch rng.Intn(6) {
		case 0:
			row[0], broken = "not a date", broken+1
		case 1:
			row[1], broken = "n/d", broken+1
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, row)
	}
	sw.Flush()
	p := filepath.Join(t.TempDir(), "gen.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	c := readPayments(Input{Path: p})
	if c.err != nil {
		t.Fatal(c.err)
	}
	checkAccounting(t, c.sources)
	if s := c.sources[0]; s.Rows != n || s.Rejected != broken {
		t.Fatalf("rows %d rejected %d, want %d %d", s.Rows, s.Rejected, n, broken)
	}
}

func FuzzSniffCSV(f *testing.F) {
	seeds := []string{
		"Data;Importo\n01/01/2020;1,00\n",
		"Date,USD,JPY,\n2023-05-02,1.0965,N/A,\n",
		"data\timporto\n2020-01-01\t\"1\n2\"\n",
		"data|importo|valuta\n1/1/20|5|€\n",
		"\xEF\xBB\xBFData;Importo\r\n01/01/2020;\"1.234,56\"\r\n",
		"Data;Importo\n01/01/2020;\"unterminated\n",
		"Intestatario: X; IBAN: Y\nData;Importo;Causale\n01/01/2020;5;\"a;b\"\n",
		"Data,Importo\n\"a\"b\",1\n",
		"D\xe0ta;Importo\n01/01/2020;5\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		sniffDelimiter(data)
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rejected := 0
		srcs, err := ReadPayments(Input{Path: p}, Options{Report: func(is ledger.Issue) {
			if is.Row > 0 {
				rejected++
			}
		}}, func(*ledger.Payment) error { return nil })
		if err != nil && !errors.Is(err, ErrUnreadable) {
			t.Fatalf("error not wrapping ErrUnreadable: %v", err)
		}
		for _, s := range srcs {
			if s.Rows != s.Accepted+s.Rejected || s.Rejected != rejected {
				t.Fatalf("accounting: %+v, %d issues", s, rejected)
			}
		}
		Classify(p)
	})
}
