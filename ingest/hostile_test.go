package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/ledger"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

const hostileHeader = "date;amount;currency;payer;payee_account;reference;description\n"

func hostileRow(ref, amount, payer, descr string) string {
	return "03/02/2020;" + amount + ";EUR;" + payer + ";IT60X0542811101000000123456;" + ref + ";" + descr + "\n"
}

// Hostile cells cost their row at most, never the file; what is cleaned
// is noted with the cell as it was, escaped.
func TestHostileCSVCells(t *testing.T) {
	huge := strings.Repeat("x", int(maxRecordBytes)+10)
	cases := []struct {
		name     string
		text     string
		accepted int
		rejected map[int]string // row -> problem contains
		notes    map[int]string // row -> escaped value contains
		payer    map[string]string
	}{
		{name: "a record over the size limit is one row",
			text:     hostileHeader + hostileRow("A1", "10,00", "Rossi", "ok") + hostileRow("A2", "10,00", "Rossi", huge) + hostileRow("A3", "11,00", "Rossi", "ok"),
			accepted: 2, rejected: map[int]string{3: "longer than"}},
		{name: "a quoted record over the size limit, over lines",
			text:     hostileHeader + hostileRow("A1", "10,00", "Rossi", `"`+huge+"\n"+huge+`"`) + hostileRow("A3", "11,00", "Rossi", "ok"),
			accepted: 1, rejected: map[int]string{2: "lines 2-3"}},
		{name: "NUL in a cell",
			text:     hostileHeader + hostileRow("A1", "10,00", "Ros\x00si", "ok") + hostileRow("A2", "12,00", "Bianchi", "ok"),
			accepted: 2, notes: map[int]string{2: `Ros\x00si`}, payer: map[string]string{"A1": "Rossi"}},
		{name: "terminal escapes in a name",
			text:     hostileHeader + hostileRow("A1", "10,00", "VERDI\x1b[2J ANNA\x1b]0:pwned\a", "ok"),
			accepted: 1, notes: map[int]string{2: `VERDI\x1b[2J ANNA\x1b]0:pwned\x07`}, payer: map[string]string{"A1": "VERDI[2J ANNA]0:pwned"}},
		{name: "C1 control in UTF-8",
			text:     hostileHeader + hostileRow("A1", "10,00", "Città\u009b2J", "ok"),
			accepted: 1, notes: map[int]string{2: `Città\u009b2J`}, payer: map[string]string{"A1": "Città2J"}},
		{name: "Windows-1252 byte left undefined is U+FFFD, not a control",
			text:     hostileHeader + hostileRow("A1", "10,00", "Citt\xe0\x81", "ok"),
			accepted: 1, payer: map[string]string{"A1": "Città\uFFFD"}},
		{name: "Windows-1252 euro and quotes are text",
			text:     hostileHeader + hostileRow("A1", "10,00", "\x93Citt\xe0\x94 \x80", "ok"),
			accepted: 1, payer: map[string]string{"A1": "“Città” €"}},
		{name: "amount out of range",
			text: hostileHeader + hostileRow("A1", "1E+309", "Rossi", "") + hostileRow("A2", "1.000.000.000.000,00", "Rossi", "") +
				hostileRow("A3", "999.999.999.999,99", "Rossi", "") + hostileRow("A4", "-2000000000000", "Rossi", "") +
				hostileRow("A5", "0,5E+13", "Rossi", "") + hostileRow("A6", "0,000001E+3", "Rossi", ""),
			accepted: 2, rejected: map[int]string{2: "amount out of range", 3: "amount out of range", 5: "amount out of range", 6: "amount out of range"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeBytes(t, "hostile.csv", []byte(c.text))
			got := readPayments(Input{Path: p})
			if got.err != nil {
				t.Fatalf("file unreadable: %v", got.err)
			}
			checkAccounting(t, got.sources)
			if len(got.rows) != c.accepted || got.sources[0].Rejected != len(c.rejected) {
				t.Errorf("accepted %d rejected %d, want %d and %d; issues %v", len(got.rows), got.sources[0].Rejected, c.accepted, len(c.rejected), got.issues)
			}
			for row, want := range c.rejected {
				if is := issueAt(got.issues, row); is == nil || (is.Level == ledger.LevelNote) || !strings.Contains(is.Msg.String(), want) {
					t.Errorf("row %d: issue %+v, want a rejection with %q", row, is, want)
				}
			}
			for row, want := range c.notes {
				if is := issueAt(got.issues, row); is == nil || !(is.Level == ledger.LevelNote) || !strings.Contains(is.Value, want) || !strings.Contains(is.Msg.String(), "control characters") {
					t.Errorf("row %d: issue %+v, want a note showing %q", row, is, want)
				}
			}
			for _, r := range got.rows {
				if want, ok := c.payer[r.Reference]; ok && r.Payer != want {
					t.Errorf("%s: payer %q, want %q", r.Reference, r.Payer, want)
				}
				for _, s := range []string{r.Payer, r.Description, r.Reference} {
					if hasControl(s) {
						t.Errorf("%s: control characters left in %q", r.Reference, s)
					}
				}
			}
		})
	}
}

// Excel's "Unicode text" export (UTF-16 with a BOM, tab-separated).
func TestUTF16Files(t *testing.T) {
	for _, name := range []string{"payments_unicode_text_le.txt", "payments_unicode_text_be.txt"} {
		got := readPayments(Input{Path: filepath.Join("testdata", name)})
		if got.err != nil || len(got.rows) != 3 || len(got.issues) != 0 {
			t.Fatalf("%s: %d rows, %v, issues %v", name, len(got.rows), got.err, got.issues)
		}
		checkAccounting(t, got.sources)
		if got.sources[0].SHA256 != fileSHA(t, filepath.Join("testdata", name)) {
			t.Errorf("%s: the hash is not of the file's bytes", name)
		}
		r := got.rows
		if r[0].Payer != "Bruno Città" || r[0].Description != "abbonamento “gold”" || !r[1].Amount.Equal(dec("1250.50")) || r[2].Payer != "李 小龍" || r[2].Description != "prova €" {
			t.Errorf("%s: rows %+v", name, r)
		}
	}
}

// xlsxWithSheetXML saves a one-sheet workbook with excelize and then
// replaces text in its sheet XML, for cells excelize would not write.
func xlsxWithSheetXML(t *testing.T, rows [][]any, replace map[string]string) string {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasPrefix(zf.Name, "xl/worksheets/") || zf.Name == "xl/sharedStrings.xml" {
			for old, repl := range replace {
				b = bytes.ReplaceAll(b, []byte(old), []byte(repl))
			}
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "hostile.xlsx")
	if err := os.WriteFile(p, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestHostileXLSXCells(t *testing.T) {
	p := xlsxWithSheetXML(t, [][]any{
		{"Data", "Importo", "Valuta", "Ordinante", "Riferimento"},
		{"03/02/2020", 12345.678, "EUR", "Rossi", "X1"},
		{"03/02/2020", 10.5, "EUR", "VERDI ESC ANNA", "X2"},
		{"03/02/2020", 11, "EUR", "Bianchi", "X3"},
	}, map[string]string{"12345.678": "1E+309", "VERDI ESC ANNA": "VERDI_x001B_[2J ANNA"})
	got := readPayments(Input{Path: p})
	if got.err != nil {
		t.Fatal(got.err)
	}
	checkAccounting(t, got.sources)
	if len(got.rows) != 2 || got.sources[0].Rejected != 1 {
		t.Fatalf("rows %+v issues %+v", got.rows, got.issues)
	}
	if is := issueAt(got.issues, 2); is == nil || !strings.Contains(is.Msg.String(), "amount out of range") {
		t.Errorf("1E+309: %+v", is)
	}
	if is := issueAt(got.issues, 3); is == nil || !(is.Level == ledger.LevelNote) || is.Value != `VERDI\x1b[2J ANNA` || got.rows[0].Payer != "VERDI[2J ANNA" {
		t.Errorf("escape in a shared string: %+v, payer %q", is, got.rows[0].Payer)
	}
}

// Quantities and rates may exceed any amount of money.
func TestQuantitiesAboveTheMoneyLimit(t *testing.T) {
	p := writeBytes(t, "assets.csv", []byte("N. reperto;Intestatario;Tipologia;Quantità;Valuta;Data sequestro\nR1;S01;crypto;5000000000000;ETH;01/02/2020\nR2;S01;crypto;1E+19;ETH;01/02/2020\n"))
	var got collected[ledger.Asset]
	got = readAll(ReadAssets, Input{Path: p}, nil)
	if got.err != nil || len(got.rows) != 1 || !got.rows[0].Quantity.Equal(dec("5000000000000")) {
		t.Fatalf("rows %+v, %v, issues %+v", got.rows, got.err, got.issues)
	}
	if is := issueAt(got.issues, 3); is == nil || !strings.Contains(is.Msg.String(), "out of range") {
		t.Errorf("1E+19 units: %+v", is)
	}
}

// The range is decided on the value, whatever its notation.
func FuzzAmountRange(f *testing.F) {
	for _, s := range []string{"999.999.999.999,99", "1.000.000.000.000", "1E+309", "0,5E+13", "-0,0000001E+19", "000000000000000000001", "1e12", "9.99e11", "0E+9999"} {
		f.Add(s, 0)
		f.Add(s, 1)
	}
	limit := decimal.New(1, maxMoneyDigits)
	f.Fuzz(func(t *testing.T, s string, n int) {
		nt := Notation(n%2 + 1)
		d, _, err := parseAmountLimited(s, nt, nil, maxMoneyDigits)
		if err == nil && d.Abs().Cmp(limit) >= 0 {
			t.Fatalf("%q -> %s accepted", s, d)
		}
		all, _, aerr := parseAmountLimited(s, nt, nil, 1<<20)
		if aerr == nil && all.Abs().Cmp(limit) < 0 && err != nil {
			t.Fatalf("%q -> %s rejected: %v", s, all, err)
		}
	})
}

func FuzzControls(f *testing.F) {
	for _, s := range []string{"VERDI\x1b[2J ANNA\x1b]0;pwned\a", "Città\u009b", "a\x00b", "\xc2", "ok\\x1b", "\t\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c := stripControls(s); hasControl(c) {
			t.Fatalf("%q stripped to %q", s, c)
		}
		e := EscapeControls(s)
		if hasControl(e) || (!hasControl(s) && !strings.ContainsRune(s, '\\') && utf8.ValidString(s) && e != s) {
			t.Fatalf("%q escaped to %q", s, e)
		}
	})
}
