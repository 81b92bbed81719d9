package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// TestXMLSheetSplicedIntoWorkbook: a sheet written by xmlSheet and
// spliced into excelize's workbook reads back with the same values,
// styles and text, and text never becomes a formula.
func TestXMLSheetSplicedIntoWorkbook(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.NewSheet("Payments")
	money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(`#,##0.00 "€"`)})
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err := f.AutoFilter("Payments", "A1:E3", nil); err != nil {
		t.Fatal(err)
	}
	sh, crc, err := newXMLSheet(dir, "Payments", []float64{12, 20, 10, 12, 30}, []int{0, 0, money, date, 0}, true)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Source", "Payer", "EUR", "Date", "Note"},
		{"a.csv", `=HYPERLINK("http://x","y")`, 1234.56, time.Date(2020, 11, 6, 0, 0, 0, 0, time.UTC), "tab\there & <b> \x01bell"},
		{"b.csv", "+39 333 1234567", -0.01, excelize.Cell{Value: time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC)}, "@SUM(A1)"},
		{"Total", nil, excelize.Cell{Formula: "SUM(C2:C3)", Value: 1234.55}, nil, nil},
	}
	for _, r := range rows {
		if err := sh.writeRow(r); err != nil {
			t.Fatal(err)
		}
	}
	sp, err := sh.finish(crc, "A1:E3", pageText{header: "&LCase && co", footer: "&L&A&R&P"}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	out := filepath.Join(dir, "book.xlsx")
	var src bytes.Buffer
	if _, err := f.WriteTo(&src); err != nil {
		t.Fatal(err)
	}
	var dst bytes.Buffer
	if err := spliceSheets(&dst, bytes.NewReader(src.Bytes()), int64(src.Len()), []splice{sp}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, dst.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	want := map[string]string{
		"B2": `=HYPERLINK("http://x","y")`, "C2": "1,234.56 €", "D2": "2020-11-06", "E2": "tab\there & <b> bell",
		"B3": "+39 333 1234567", "C3": "-0.01 €", "D3": "2019-04-01", "E3": "@SUM(A1)", "C4": "1,234.55 €",
	}
	for cell, w := range want {
		got, err := g.GetCellValue("Payments", cell)
		if err != nil || got != w {
			t.Errorf("%s = %q (%v), want %q", cell, got, err, w)
		}
	}
	for _, cell := range []string{"B2", "B3", "E3"} {
		if fm, _ := g.GetCellFormula("Payments", cell); fm != "" {
			t.Errorf("%s became a formula: %q", cell, fm)
		}
	}
	if fm, _ := g.GetCellFormula("Payments", "C4"); fm != "SUM(C2:C3)" {
		t.Errorf("C4 formula = %q", fm)
	}
	raw, _ := g.GetCellValue("Payments", "C2", excelize.Options{RawCellValue: true})
	if raw != "1234.56" {
		t.Errorf("C2 raw = %q, want the exact 1234.56", raw)
	}
	panes, err := g.GetPanes("Payments")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, %v", panes, err)
	}
}

func ptr[T any](v T) *T { return &v }

func BenchmarkXMLSheetRows(b *testing.B) {
	sh, crc, err := newXMLSheet(b.TempDir(), "Payments", nil, make([]int, 22), false)
	if err != nil {
		b.Fatal(err)
	}
	day := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	row := []any{"paypal_export_2020.csv", "", 12345, day, 120.5, "USD", 107.71, 1.1187, day, "Mario Rossi", "mario.rossi@example.org", "", "shop@example.com", "8XK12345AB678901C", "Abbonamento IPTV 12 mesi", "paypal", "", "ok", "", "S01", "payee_account", "shop@example.com"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := sh.writeRow(row); err != nil {
			b.Fatal(err)
		}
	}
	sp, err := sh.finish(crc, "", pageText{}, false)
	if err != nil {
		b.Fatal(err)
	}
	sp.close()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(sp.size)/float64(b.N), "xml-bytes/row")
	b.ReportMetric(float64(sp.compressed)/float64(b.N), "zip-bytes/row")
}

func TestSortContentTypes(t *testing.T) {
	tests := []struct{ in, want string }{
		{
			`<?xml version="1.0"?><Types x="1"><Default Extension="xml" ContentType="a"></Default><Override PartName="/b" ContentType="c"/><Default Extension="bmp" ContentType="b"></Default><Override PartName="/a" ContentType="d"/></Types>`,
			`<?xml version="1.0"?><Types x="1"><Default Extension="bmp" ContentType="b"></Default><Default Extension="xml" ContentType="a"></Default><Override PartName="/a" ContentType="d"/><Override PartName="/b" ContentType="c"/></Types>`,
		},
		// Anything between the elements: left as it is.
		{
			`<Types><Default Extension="xml"/><!-- x --><Default Extension="bmp"/></Types>`,
			`<Types><Default Extension="xml"/><!-- x --><Default Extension="bmp"/></Types>`,
		},
		{`<Types></Types>`, `<Types></Types>`},
	}
	for _, tt := range tests {
		if got := string(sortContentTypes([]byte(tt.in))); got != tt.want {
			t.Errorf("sortContentTypes(%s)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// FuzzNumMatchesParseFloat checks the exact fast path of num against
// parsing the decimal's text, for any coefficient and exponent.
func FuzzNumMatchesParseFloat(f *testing.F) {
	f.Add(int64(123456), int32(-2))
	f.Add(int64(-1), int32(-22))
	f.Add(int64(1<<53-1), int32(22))
	f.Add(int64(1<<53), int32(-3))
	f.Add(int64(987654321987654321), int32(-8))
	f.Add(int64(0), int32(5))
	f.Fuzz(func(t *testing.T, c int64, e int32) {
		e %= 30
		d := decimal.New(c, e)
		want, err := strconv.ParseFloat(d.String(), 64)
		if err != nil {
			return
		}
		if got := num(d); got != want {
			t.Fatalf("num(%s) = %v, ParseFloat gives %v", d, got, want)
		}
	})
}
